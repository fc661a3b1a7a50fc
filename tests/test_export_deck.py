"""The slide deck's layout: slides shaped like the pictures, each picture as large as fits under the
title and centred there. Sizes in EMU (914400 per inch), worked out by hand: a slide is 7.5 in high,
the title band 1 in, the padding 0.25 in."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from export.deck import Slide, write_deck


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("picture", "slide_width", "placed"),
    [
        # (left, top, width, height): the height under the title band (5486400) decides...
        ((1920, 1080), 12192000, (1219200, 1143000, 9753600, 5486400)),
        ((720, 540), 9144000, (914400, 1143000, 7315200, 5486400)),
        ((1080, 1080), 6858000, (685800, 1143000, 5486400, 5486400)),
        # ...unless the picture is so tall that the slide's width less the padding does.
        ((300, 1000), 2057400, (228600, 1219200, 1600200, 5334000)),
    ],
    ids=["16:9", "4:3", "square", "tall"],
)
def test_each_slide_has_the_pictures_shape_and_the_picture_fits_centred_under_the_title(tmp_path, picture, slide_width, placed):
    slides = [Slide("Mine Ban Convention on 27 December 2025", png(*picture), "Notes")]
    deck = Presentation(str(write_deck(slides, picture, tmp_path / "deck.pptx")))
    assert (deck.slide_width, deck.slide_height) == (slide_width, 6858000)
    [slide] = deck.slides
    [shown] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert (shown.left, shown.top, shown.width, shown.height) == placed
    title = slide.shapes.title
    assert (title.left, title.top, title.width, title.height) == (228600, 228600, slide_width - 457200, 914400)
    assert title.text == "Mine Ban Convention on 27 December 2025"
    assert title.text_frame.paragraphs[0].font.size == Pt(28)
    assert slide.notes_slide.notes_text_frame.text == "Notes"
