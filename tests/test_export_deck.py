"""The PowerPoint deck: a slide per picture, shaped like the pictures, each titled, fitted and noted.
Sizes in EMU (914400 per inch), worked out by hand: a slide is 7.5 in high, the title band 1 in, the
padding 0.25 in."""
import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches, Pt

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
def test_each_slide_has_the_pictures_shape_and_the_picture_fits_centred_under_the_title(picture, slide_width, placed):
    slides = [Slide("Mine Ban Convention on 27 December 2025", png(*picture, "white"), "Notes", "The map")]
    deck = Presentation(io.BytesIO(deck_bytes(slides, picture)))
    assert (deck.slide_width, deck.slide_height) == (slide_width, 6858000)
    [slide] = deck.slides
    [shown] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert (shown.left, shown.top, shown.width, shown.height) == placed
    title = slide.shapes.title
    assert (title.left, title.top, title.width, title.height) == (228600, 228600, slide_width - 457200, 914400)
    assert title.text == "Mine Ban Convention on 27 December 2025"
    assert title.text_frame.paragraphs[0].font.size == Pt(28)
    assert slide.notes_slide.notes_text_frame.text == "Notes"


def text_boxes(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX]


def test_a_step_slides_subtitle_and_caption_and_the_closing_slide_are_wrapped_text_boxes_in_their_bands():
    # 16:9 at 12192000 EMU wide: inner width 11734800; subtitle band 0.45 in (411480), caption band 0.35 in
    # (320040). The picture fits the 4754880 EMU left between them: 8453120 wide, centred at 1869440.
    slides = [Slide("Step 1", png(1920, 1080, "white"), "Notes", "The map", subtitle="Three deposits", caption="27 December 2025")]
    closing = ("Sources", ["UN Treaty Collection", "Landmine Monitor", "Official gazettes"])
    deck = Presentation(io.BytesIO(deck_bytes(slides, (1920, 1080), closing)))
    step, sources = deck.slides
    subtitle, caption = text_boxes(step)
    assert (subtitle.left, subtitle.top, subtitle.width, subtitle.height) == (228600, 1143000, 11734800, 411480)
    [shown] = [shape for shape in step.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert (shown.left, shown.top, shown.width, shown.height) == (1869440, 1554480, 8453120, 4754880)
    assert (caption.left, caption.top, caption.width, caption.height) == (228600, 6309360, 11734800, 320040)
    [text] = text_boxes(sources)
    assert (text.left, text.top, text.width, text.height) == (228600, 1143000, 11734800, 5486400)
    written = [
        (box.text_frame.word_wrap, [(paragraph.text, paragraph.font.size) for paragraph in box.text_frame.paragraphs])
        for box in (subtitle, caption, text)
    ]
    assert written == [
        (True, [("Three deposits", Pt(18))]),
        (True, [("27 December 2025", Pt(12))]),
        (True, [("UN Treaty Collection", Pt(12)), ("Landmine Monitor", Pt(12)), ("Official gazettes", Pt(12))]),
    ]


def test_a_picture_wider_than_the_slide_fills_its_width_and_keeps_the_height_worked_out_from_its_own_size():
    # 16:9 slides, a 160 x 53 picture: the inner width decides, 11734800 / 160 = 73342.5 EMU a pixel, so
    # 53 px are 3887152.5 EMU, rounded to 3887152; centred in the 5486400 under the title band.
    slides = [Slide("Wide", png(160, 53, "white"), "Notes", "The map")]
    deck = Presentation(io.BytesIO(deck_bytes(slides, (1920, 1080))))
    [shown] = [shape for shape in deck.slides[0].shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert (shown.left, shown.top, shown.width, shown.height) == (228600, 1942624, 11734800, 3887152)
