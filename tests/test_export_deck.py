"""The PowerPoint deck: a slide per picture, shaped like the pictures, each titled, fitted and noted."""
import io

from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from export.deck import Slide, deck_bytes


def png(width: int, height: int, colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def deck_of(picture_size: tuple[int, int], count: int = 2):
    slides = [Slide(f"Title {n}", png(*picture_size, "#0072B2"), f"Notes {n}", f"Map {n}") for n in range(count)]
    return Presentation(io.BytesIO(deck_bytes(slides, picture_size)))


def test_a_slide_per_picture_with_its_title_picture_and_notes():
    deck = deck_of((160, 90), count=3)
    assert [slide.shapes.title.text for slide in deck.slides] == ["Title 0", "Title 1", "Title 2"]
    assert [slide.notes_slide.notes_text_frame.text for slide in deck.slides] == ["Notes 0", "Notes 1", "Notes 2"]
    for slide in deck.slides:
        [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert Image.open(io.BytesIO(picture.image.blob)).size == (160, 90)
    assert [picture_alt_texts(slide) for slide in deck.slides] == [["Map 0"], ["Map 1"], ["Map 2"]]


def picture_alt_texts(slide) -> list[str]:
    """The alternative text PowerPoint reads out for each picture (its cNvPr descr)."""
    return [shape._element.nvPicPr.cNvPr.get("descr") for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_slides_are_shaped_like_the_pictures_and_seven_and_a_half_inches_high():
    for size, (width, height) in [((160, 90), (16, 9)), ((120, 90), (4, 3)), ((90, 90), (1, 1))]:
        deck = deck_of(size, count=1)
        assert deck.slide_height == Inches(7.5)
        assert abs(deck.slide_width * height - deck.slide_height * width) <= height  # rounded to whole EMU


def test_the_picture_keeps_its_aspect_centred_under_the_title_inside_the_slide():
    deck = deck_of((160, 90), count=1)
    slide = deck.slides[0]
    [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    title = slide.shapes.title
    assert abs(picture.width * 90 - picture.height * 160) <= 160
    assert picture.top >= title.top + title.height
    assert picture.top + picture.height <= deck.slide_height
    assert abs(picture.left - (deck.slide_width - picture.left - picture.width)) <= 1
