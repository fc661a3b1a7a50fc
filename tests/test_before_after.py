"""Before and after: one picture (PNG, SVG, PDF) or one slide with the map on both dates and the changes,
and the page's tab opened by `?before=&after=`."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from datetime import date

import pytest
from PIL import Image
from pptx import Presentation

from components.before_after import pair_within
from components.date_controls import DateRange
from export.before_after import before_after_file, file_name
from render.before_after import BeforeAfterRenderer
from render.snapshot import Heading
from storyboard.model import Callout
from tests.app_page import open_page
from tests.expected_colours import expected_rgb
from tests.export_fixtures import interior_point, pdf_text, real_data

BEFORE, AFTER = date(2025, 6, 1), date(2026, 3, 1)
SVG = "{http://www.w3.org/2000/svg}"
CHANGES = [
    "Estonia: Withdrawal under way (still bound) → Withdrawn (former party)",
    "Finland: Withdrawal under way (still bound) → Withdrawn (former party)",
    "Latvia: Withdrawal under way (still bound) → Withdrawn (former party)",
    "Lithuania: Withdrawal under way (still bound) → Withdrawn (former party)",
    "Poland: Withdrawal under way (still bound) → Withdrawn (former party)",
    "Ukraine: State Party → Suspension rejected (still bound)",
]


@pytest.fixture(scope="module")
def renderer():
    return BeforeAfterRenderer(real_data().inputs, BEFORE, AFTER)


def test_the_svg_names_both_dates_and_lists_every_change_as_text(renderer):
    root = ElementTree.fromstring(renderer.render_pair("svg"))
    text = " ".join(" ".join(node.itertext()) for node in root.iter(f"{SVG}text"))
    assert "Mine Ban Convention: 1 June 2025 and 1 March 2026" in text
    assert "Before: 1 June 2025" in text and "After: 1 March 2026" in text
    assert "6 states' statuses differ between 1 June 2025 and 1 March 2026." in text
    words = " ".join(text.split())
    for change in CHANGES:  # wrapped over lines, still all there in order
        assert " ".join(f"• {change}".split()) in words.replace(" \n", " "), change
    assert "; ".join(CHANGES) in "".join(root.find(f"{SVG}desc").itertext())


def _pixel_on(renderer, side: int, iso3: str):
    """The pixel of `iso3` on the left (0) or right (1) map."""
    renderer._use(renderer._sides[side])
    return renderer.pixel_at(*interior_point(real_data(), iso3))


def test_the_left_map_shows_the_first_date_and_the_right_map_the_second(renderer):
    image = Image.open(io.BytesIO(renderer.render_pair("png"))).convert("RGB")
    assert image.getpixel(_pixel_on(renderer, 0, "EST")) == expected_rgb("withdrawal_under_way")
    assert image.getpixel(_pixel_on(renderer, 1, "EST")) == expected_rgb("withdrawn")
    assert image.getpixel(_pixel_on(renderer, 0, "UKR")) == expected_rgb("party")
    assert image.getpixel(_pixel_on(renderer, 1, "UKR")) == expected_rgb("suspension_rejected")
    assert _pixel_on(renderer, 0, "EST")[0] < 1920 / 2 < _pixel_on(renderer, 1, "EST")[0]


def test_highlight_outlines_the_states_on_both_maps_and_callouts_go_on_the_after_map(renderer):
    root = ElementTree.fromstring(renderer.render_pair("svg", highlight=frozenset({"LTU"}),
                                                       callouts=(Callout(text="First to leave", state="LTU"),)))
    ids = [node.get("id") for node in root.iter(f"{SVG}g")]
    assert ids.count("highlight-LTU") == 2 and ids.count("callout-1-text") == 1


def test_the_pdf_carries_the_changes(renderer):
    text = " ".join(pdf_text(renderer.render_pair("pdf")))
    # The test's reader decodes plain characters only (the arrow comes out as a glyph number).
    assert "Ukraine: State Party" in text and "Suspension rejected (still bound)" in text


def test_the_deck_is_one_slide_with_the_picture_and_the_changes_in_its_notes():
    deck = Presentation(io.BytesIO(before_after_file(real_data(), BEFORE, AFTER, "pptx")))
    [slide] = deck.slides
    assert slide.shapes.title.text == "Mine Ban Convention: 1 June 2025 and 1 March 2026"
    assert [shape.shape_type for shape in slide.shapes].count(13) == 1  # 13: a picture
    notes = slide.notes_slide.notes_text_frame.text
    assert all(change in notes for change in CHANGES)


def test_the_file_is_named_by_treaty_and_both_dates():
    assert file_name(real_data(), BEFORE, AFTER, "pptx") == "apmbc-2025-06-01-and-2026-03-01.pptx"


def test_a_square_picture_is_refused_two_maps_need_a_landscape_frame():
    with pytest.raises(ValueError, match="landscape"):
        BeforeAfterRenderer(real_data().inputs, BEFORE, AFTER, (1080, 1080))


BOUNDS = DateRange(date(1997, 12, 3), date(2027, 6, 1))


@pytest.mark.parametrize(("before", "after", "problem"), [
    ("2025-06-01", "2026-03-01", None),
    ("2026-03-01", "2025-06-01", "are not in order: `before` must be the earlier date"),
    ("2025-06-01", "2025-06-01", "are not in order: `before` must be the earlier date"),
    ("1990-01-01", "2026-03-01", "are not both in the treaty's history (1997-12-03 to 2027-06-01)"),
    ("<script>", "2026-03-01", "are not two dates (YYYY-MM-DD)"),
    (None, "2026-03-01", "are not two dates (YYYY-MM-DD)"),
    ("2025-02-30", "2026-03-01", "are not two dates (YYYY-MM-DD)"),
])
def test_a_pair_of_dates_from_a_link_is_read_or_refused_with_the_reason(before, after, problem):
    pair, reason = pair_within(BOUNDS, before, after)
    assert reason == problem
    assert pair == ((date.fromisoformat(before), date.fromisoformat(after)) if problem is None else None)


def test_a_link_with_two_dates_opens_the_tab_with_the_list_and_the_downloads(monkeypatch):
    page = open_page(monkeypatch, before="2025-06-01", after="2026-03-01")
    texts = [block.value for block in page.markdown]
    assert "**6 states' statuses differ between 1 June 2025 and 1 March 2026.**" in texts
    assert any("Estonia\\: Withdrawal under way (still bound) → Withdrawn (former party)" in text for text in texts)
    assert [button.proto.label for button in page.get("download_button")] == ["PNG picture", "SVG", "PDF", "PowerPoint slide"]


def test_a_hostile_pair_in_the_link_is_named_in_a_notice_and_dropped(monkeypatch):
    page = open_page(monkeypatch, before="2026-06-01", after="<b>x</b>", view="Before and after")
    [warning] = page.warning
    assert "`<b>x</b>` are not two dates (YYYY-MM-DD)" in warning.value
    # The tab then compares a year before the date on screen with that date, and says so in the link.
    assert page.query_params["after"] == page.query_params["date"]


def test_an_unknown_format_is_refused_naming_the_formats_there_are():
    with pytest.raises(ValueError) as refused:
        before_after_file(real_data(), BEFORE, AFTER, "gif")
    assert str(refused.value) == "unknown format 'gif': use one of png, svg, pdf, pptx"


def test_the_slides_notes_count_the_changes_list_them_a_line_each_then_say_what_the_after_map_shows():
    deck = Presentation(io.BytesIO(before_after_file(real_data(), date(2025, 1, 2), date(2025, 12, 27), "pptx", size=(1440, 1080))))
    [slide] = deck.slides
    [picture] = [shape for shape in slide.shapes if shape.shape_type == 13]  # 13: a picture
    assert Image.open(io.BytesIO(picture.image.blob)).size == (1440, 1080)  # the 4:3 size asked for
    assert slide.notes_slide.notes_text_frame.text.startswith(
        "6 states' statuses differ between 2 January 2025 and 27 December 2025.\n"
        "Estonia: State Party → Withdrawn (former party)\n"
        "Finland: State Party → Withdrawal notified, pending (still bound)\n"
        "Latvia: State Party → Withdrawn (former party)\n"
        "Lithuania: State Party → Withdrawn (former party)\n"
        "Poland: State Party → Withdrawal notified, pending (still bound)\n"
        "Ukraine: State Party → Suspension rejected (still bound)\n\n"
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect;"
    )


def test_an_svg_asked_for_is_an_svg():
    root = ElementTree.fromstring(before_after_file(real_data(), BEFORE, AFTER, "svg"))
    assert root.tag == f"{SVG}svg"


def test_the_file_carries_the_briefers_title_highlight_and_callouts():
    root = ElementTree.fromstring(before_after_file(
        real_data(), BEFORE, AFTER, "svg", heading=Heading("The Baltic states leave", "Six changes in nine months"),
        highlight=frozenset({"LTU"}), callouts=(Callout(text="First to leave", state="LTU"),),
    ))
    text = " ".join(" ".join(node.itertext()) for node in root.iter(f"{SVG}text"))
    assert "The Baltic states leave" in text and "Six changes in nine months" in text
    ids = [node.get("id") for node in root.iter(f"{SVG}g")]
    assert ids.count("highlight-LTU") == 2 and ids.count("callout-1-text") == 1
