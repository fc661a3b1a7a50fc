"""A PowerPoint deck with python-pptx: one slide per date, titled, with the map and speaker notes."""
from __future__ import annotations

import io
from dataclasses import dataclass

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

SLIDE_HEIGHT = Inches(7.5)
TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template
TITLE_BAND, PADDING = Inches(1.0), Inches(0.25)


@dataclass(frozen=True)
class Slide:
    title: str
    picture_png: bytes
    notes: str
    alt_text: str  # the picture's description, read by screen readers in PowerPoint


def deck_bytes(slides: list[Slide], picture_size: tuple[int, int]) -> bytes:
    """Slides shaped like the pictures (16:9, 4:3 or square), each picture fitted under the title."""
    width_px, height_px = picture_size
    deck = Presentation()
    deck.slide_height = SLIDE_HEIGHT
    deck.slide_width = Emu(round(SLIDE_HEIGHT * width_px / height_px))
    # Fit the picture into the space under the title band, keeping its aspect.
    box_width, box_height = deck.slide_width - 2 * PADDING, SLIDE_HEIGHT - TITLE_BAND - 2 * PADDING
    fit = min(box_width / width_px, box_height / height_px)
    picture_width, picture_height = Emu(round(width_px * fit)), Emu(round(height_px * fit))
    for content in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = PADDING, PADDING, deck.slide_width - 2 * PADDING, TITLE_BAND
        title.text = content.title
        title.text_frame.paragraphs[0].font.size = Pt(28)
        picture = slide.shapes.add_picture(
            io.BytesIO(content.picture_png),
            Emu((deck.slide_width - picture_width) // 2),
            Emu(TITLE_BAND + PADDING + (box_height - picture_height) // 2),
            picture_width,
            picture_height,
        )
        picture._element.nvPicPr.cNvPr.set("descr", content.alt_text)  # python-pptx has no API for alt text
        slide.notes_slide.notes_text_frame.text = content.notes
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
