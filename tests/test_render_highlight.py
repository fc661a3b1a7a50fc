"""Highlighted states and callouts in the static images: outlines and text that a reader (and a
screen reader, a search, an editor) finds in the SVG, the PNG's pixels and the PDF's text."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from datetime import date

import numpy as np
import pytest
from PIL import Image

from export.formats import FORMATS, Run
from render.snapshot import SnapshotRenderer
from storyboard.model import Callout
from tests.expected_colours import expected_rgb
from tests.export_fixtures import embedded, interior_point, pdf_text, real_data

SVG = "{http://www.w3.org/2000/svg}"
DAY = date(2026, 3, 1)
BALTIC = frozenset({"LTU", "LVA", "EST", "FIN", "POL"})
CALLOUTS = (Callout(text="First to leave", state="LTU"), Callout(text="Kyiv", at=(50.45, 30.52)))
# State Party's blue (#005F9E) at 45 %, the rest white: what a state that is not highlighted is filled with.
MUTED_PARTY = (140, 183, 211)
OUTLINE = (26, 26, 26)  # the ink the outline is drawn in (#1A1A1A)


@pytest.fixture(scope="module")
def renderer():
    return SnapshotRenderer(real_data().inputs)


@pytest.fixture(scope="module")
def svg(renderer):
    return ElementTree.fromstring(renderer.render(DAY, "svg", highlight=BALTIC, callouts=CALLOUTS))


def png(renderer, **story) -> Image.Image:
    return Image.open(io.BytesIO(renderer.render(DAY, "png", **story))).convert("RGB")


def test_svg_has_an_outline_path_for_each_highlighted_state_and_none_for_the_others(svg):
    groups = {node.get("id"): node for node in svg.iter(f"{SVG}g") if (node.get("id") or "").startswith("highlight-")}
    assert set(groups) == {"highlight-EST", "highlight-FIN", "highlight-LTU", "highlight-LVA", "highlight-POL"}
    for group in groups.values():
        [path] = group.iter(f"{SVG}path")
        assert "fill: none" in path.get("style") and "stroke: #1a1a1a" in path.get("style")


def test_svg_holds_each_callouts_text_as_text_and_its_leader_as_a_path(svg):
    texts = {node.get("id"): "".join(node.itertext()) for node in svg.iter(f"{SVG}g") if (node.get("id") or "").endswith("-text")}
    assert texts["callout-1-text"].strip() == "First to leave"
    assert texts["callout-2-text"].strip() == "Kyiv"
    assert "First to leave" in ["".join(node.itertext()) for node in svg.iter(f"{SVG}text")]
    leaders = [node for node in svg.iter(f"{SVG}g") if node.get("id") in ("callout-1-leader", "callout-2-leader")]
    assert len(leaders) == 2 and all(list(leader.iter(f"{SVG}path")) for leader in leaders)


def test_png_highlighted_states_keep_their_colour_and_the_others_are_muted(renderer):
    data = real_data()
    image = png(renderer, highlight=BALTIC)
    assert image.getpixel(renderer.pixel_at(*interior_point(data, "EST"))) == expected_rgb("withdrawn")
    assert image.getpixel(renderer.pixel_at(*interior_point(data, "DEU"))) == MUTED_PARTY
    plain = png(renderer)
    assert plain.getpixel(renderer.pixel_at(*interior_point(data, "DEU"))) == expected_rgb("party")


def _dark_pixels_around(renderer, image: Image.Image, iso3: str) -> int:
    west, south, east, north = real_data().countries.loc[lambda f: f["iso3"] == iso3].geometry.iloc[0].bounds
    (left, bottom), (right, top) = renderer.pixel_at(west, south), renderer.pixel_at(east, north)
    crop = image.crop((min(left, right) - 4, top - 4, max(left, right) + 4, bottom + 4))
    distance = np.abs(np.asarray(crop, dtype=int) - np.array(OUTLINE)).max(axis=2)
    return int((distance < 20).sum())


def test_png_draws_a_dark_outline_round_a_highlighted_state_and_none_without_highlight(renderer):
    outlined = _dark_pixels_around(renderer, png(renderer, highlight=frozenset({"ESP"})), "ESP")
    plain = _dark_pixels_around(renderer, png(renderer), "ESP")
    assert plain < 50 and outlined > 1000, (plain, outlined)


def test_pdf_carries_the_callout_text(renderer):
    text = " ".join(pdf_text(renderer.render(DAY, "pdf", highlight=BALTIC, callouts=CALLOUTS)))
    assert "First to leave" in text and "Kyiv" in text


def test_a_new_date_replaces_the_previous_outlines_and_callouts(renderer):
    renderer.render(DAY, "png", highlight=BALTIC, callouts=CALLOUTS)
    again = ElementTree.fromstring(renderer.render(DAY, "svg"))
    ids = [node.get("id") or "" for node in again.iter(f"{SVG}g")]
    assert not [i for i in ids if i.startswith(("highlight-", "callout-"))]


def test_a_callout_on_a_state_the_map_lacks_is_left_out_and_the_others_drawn(renderer):
    root = ElementTree.fromstring(renderer.render(DAY, "svg", callouts=(Callout(text="Nowhere", state="XXX"), CALLOUTS[1])))
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert "Kyiv" in texts and "Nowhere" not in texts


# ---- every export format carries the highlight and the callouts ------------------------------------
def _story_run():
    return Run(real_data(), highlight=BALTIC, callouts=CALLOUTS)


def test_the_deck_picture_and_the_gif_frame_show_the_highlight():
    from pptx import Presentation

    data = real_data()
    renderer = SnapshotRenderer(data.inputs)
    deu = renderer.pixel_at(*interior_point(data, "DEU"))
    deck = Presentation(io.BytesIO(FORMATS["pptx"].write(_story_run(), [DAY])))
    [picture] = [shape for shape in deck.slides[0].shapes if shape.shape_type == 13]
    slide_image = Image.open(io.BytesIO(picture.image.blob)).convert("RGB")
    assert slide_image.getpixel(deu) == MUTED_PARTY
    gif = Image.open(io.BytesIO(FORMATS["gif"].write(_story_run(), [DAY]))).convert("RGB")
    assert gif.getpixel(deu) == MUTED_PARTY  # the GIF's fixed palette holds the muted colours exactly


def test_the_offline_html_carries_the_highlight_and_the_placed_callouts():
    page = FORMATS["html"].write(_story_run(), [DAY]).decode("utf-8")
    payload = embedded(page, "tm-page")
    assert payload["story"]["highlight"] == sorted(BALTIC)
    assert [callout["lines"] for callout in payload["story"]["callouts"]] == [["First to leave"], ["Kyiv"]]


def test_the_svg_description_names_the_outlined_states_and_the_callouts(svg):
    description = "".join(svg.find(f"{SVG}desc").itertext())
    assert "Outlined: Estonia, Finland, Latvia, Lithuania, Poland." in description
    assert "Callout at Lithuania: “First to leave”." in description and "Callout at 50.45, 30.52: “Kyiv”." in description


def test_a_callout_with_control_characters_still_makes_a_well_formed_svg(renderer):
    root = ElementTree.fromstring(renderer.render(DAY, "svg", callouts=(Callout(text="Null\x00 here", state="LTU"),)))
    assert "Null here" in ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
