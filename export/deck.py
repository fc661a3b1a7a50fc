"""A PowerPoint deck with python-pptx: one slide per date or storyboard step, titled, with the map and
speaker notes, and for a storyboard a closing slide of text (its sources)."""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

SLIDE_HEIGHT = Inches(7.5)
TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template
TITLE_BAND, PADDING = Inches(1.0), Inches(0.25)
SUBTITLE_BAND = Inches(0.45)  # a storyboard step's subtitle, under the title
CAPTION_BAND = Inches(0.35)  # the line under the picture naming its date


@dataclass(frozen=True)
class Slide:
    title: str
    picture_png: bytes
    notes: str
    alt_text: str  # the picture's description, read by screen readers in PowerPoint
    subtitle: str = ""
    caption: str = ""


def deck_bytes(slides: list[Slide], picture_size: tuple[int, int], closing: tuple[str, list[str]] | None = None) -> bytes:
    """Slides shaped like `picture_size` (16:9, 4:3 or square), each picture fitted under the title (and
    the subtitle and above the caption, when a slide has them) keeping its own aspect; `closing` is a
    last slide of text, (title, paragraphs)."""
    deck = Presentation()
    deck.slide_height = SLIDE_HEIGHT
    deck.slide_width = Emu(round(SLIDE_HEIGHT * picture_size[0] / picture_size[1]))
    inner_width = deck.slide_width - 2 * PADDING
    for content in slides:
        slide = _titled_slide(deck, content.title)
        top = TITLE_BAND + PADDING
        if content.subtitle:
            _text_box(slide, PADDING, top, inner_width, SUBTITLE_BAND, [content.subtitle], Pt(18))
            top += SUBTITLE_BAND
        bottom = SLIDE_HEIGHT - PADDING - (CAPTION_BAND if content.caption else 0)
        # Fit the picture into the space left, keeping its aspect.
        width_px, height_px = Image.open(io.BytesIO(content.picture_png)).size
        fit = min(inner_width / width_px, (bottom - top) / height_px)
        picture_width, picture_height = Emu(round(width_px * fit)), Emu(round(height_px * fit))
        picture_top = Emu(top + (bottom - top - picture_height) // 2)
        picture = slide.shapes.add_picture(
            io.BytesIO(content.picture_png), Emu((deck.slide_width - picture_width) // 2), picture_top, picture_width, picture_height
        )
        picture._element.nvPicPr.cNvPr.set("descr", content.alt_text)  # python-pptx has no API for alt text
        if content.caption:
            _text_box(slide, PADDING, picture_top + picture_height, inner_width, CAPTION_BAND, [content.caption], Pt(12))
        slide.notes_slide.notes_text_frame.text = content.notes
    if closing:
        title, paragraphs = closing
        slide = _titled_slide(deck, title)
        _text_box(slide, PADDING, TITLE_BAND + PADDING, inner_width, SLIDE_HEIGHT - TITLE_BAND - 2 * PADDING, paragraphs, Pt(12))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _titled_slide(deck, title: str):
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = PADDING, PADDING, deck.slide_width - 2 * PADDING, TITLE_BAND
    shape.text = title
    shape.text_frame.paragraphs[0].font.size = Pt(28)
    return slide


def _text_box(slide, left, top, width, height, paragraphs: list[str], size) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = text
        paragraph.font.size = size
