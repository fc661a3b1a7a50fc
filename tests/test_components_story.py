"""The link's highlight and callouts: read in any case, hostile or broken parts named in a notice and
dropped from the link, the rest sent to the map."""
import pytest

from components.story import Story, parse_callout, parse_highlight
from storyboard.model import Callout
from tests.app_page import map_arguments, open_page, open_script

CODES = {"LTU", "LVA", "EST", "FIN", "POL", "UKR"}
PAGE = """
import streamlit as st
from components.story import story_from_link
story = story_from_link({"LTU", "LVA", "EST", "FIN", "POL", "UKR"})
st.write(sorted(story.highlight), [(c.text, c.state, c.at) for c in story.callouts])
"""


def test_highlight_codes_are_read_in_any_case_with_commas_or_spaces():
    assert parse_highlight("ltu,Lva, EST  fin", CODES) == (frozenset({"LTU", "LVA", "EST", "FIN"}), [])


def test_unknown_highlight_codes_are_returned_as_written_once_each():
    assert parse_highlight("LTU,xyz,XYZ,<b>", CODES) == (frozenset({"LTU"}), ["XYZ", "<B>"])


@pytest.mark.parametrize(("text", "expected"), [
    ("LTU:First to leave", Callout(text="First to leave", state="LTU")),
    ("ltu:  First   to leave ", Callout(text="First to leave", state="LTU")),
    ("54.69,25.28:Vilnius", Callout(text="Vilnius", at=(54.69, 25.28))),
    ("UKR:Bound: still", Callout(text="Bound: still", state="UKR")),  # a colon in the text is text
])
def test_a_callout_is_a_state_or_a_point_then_its_text(text, expected):
    assert parse_callout(text, CODES) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("First to leave", "is not STATE:text or LAT,LON:text"),
    ("LTU:", "is not STATE:text or LAT,LON:text"),
    ("XXX:Nowhere", "names a state that is not on the map"),
    ("north,east:Here", "has no readable latitude and longitude before the colon"),
    ("95,10:Beyond the pole", "has a point outside latitude -90..90, longitude -180..180"),
    ("LTU:" + "x" * 141, "is longer than 140 characters"),
    ("LTU:a\x00b", "has control characters"),
    ("LTU:\u202eevil", "has control characters"),  # would turn the text round
])
def test_a_callout_that_cannot_be_read_says_why(text, problem):
    assert parse_callout(text, CODES) == problem


def test_the_link_keeps_known_codes_upper_case_and_names_the_unknown_in_a_notice():
    page = open_script(PAGE, highlight="ltu,lva,ZZZ")
    [warning] = page.warning
    assert "`ZZZ`" in warning.value and "not states on the map" in warning.value
    assert page.query_params["highlight"] == "LTU,LVA"


def test_a_highlight_of_nothing_known_leaves_the_link():
    page = open_script(PAGE, highlight="<script>alert(1)</script>")
    assert len(page.warning) == 1 and "highlight" not in page.query_params


def test_a_broken_callout_is_named_and_dropped_and_a_good_one_kept():
    page = open_script(PAGE, callout=["LTU:First to leave", "nowhere"])
    [warning] = page.warning
    assert "`nowhere` is not STATE:text or LAT,LON:text" in warning.value
    assert page.query_params["callout"] == "LTU:First to leave"  # AppTest shows a one-value list as its value


def test_the_app_sends_the_highlight_and_placed_callouts_to_the_map(monkeypatch):
    page = open_page(monkeypatch, highlight="ltu,lva,est,fin,pol", callout="LTU:First to leave", date="2026-03-01")
    story = map_arguments(page)["story"]
    assert story["highlight"] == ["EST", "FIN", "LTU", "LVA", "POL"]
    [callout] = story["callouts"]
    assert callout["lines"] == ["First to leave"]
    lat, lon = callout["anchor"]
    assert 53.9 < lat < 56.5 and 21 < lon < 26.9  # inside Lithuania's bounds


def test_without_a_link_the_map_gets_an_empty_story(monkeypatch):
    assert map_arguments(open_page(monkeypatch))["story"] == {"highlight": [], "callouts": []}


def test_a_story_is_hashable_so_downloads_can_cache_by_it():
    assert hash(Story(frozenset({"LTU"}), (Callout(text="x", state="LTU"),))) is not None


def test_the_text_version_under_the_map_says_what_is_outlined_and_what_the_callouts_say(monkeypatch):
    page = open_page(monkeypatch, highlight="LTU,LVA", callout="LTU:First to leave", date="2026-03-01")
    # Written into the page as text by the browser (render/static/text_version.js), after the sentence.
    assert map_arguments(page)["story_words"] == ["Outlined: Latvia, Lithuania.", "Callout at Lithuania: “First to leave”."]
