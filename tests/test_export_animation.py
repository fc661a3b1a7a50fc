"""The GIF's fixed palette: each status colour exactly, so a state never changes colour between frames;
the map's neutrals; blends for anti-aliased edges; a grey ramp for text. Colours written out here."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageSequence

from export.animation import palette_colours, to_palette, write_gif
from tests.expected_colours import STATUS_HEX, expected_rgb

WHITE, SEA, INK = (255, 255, 255), (220, 230, 238), (26, 26, 26)  # #FFFFFF borders, #DCE6EE sea, #1A1A1A text


def colours() -> set[tuple[int, int, int]]:
    return {tuple(int(channel) for channel in colour) for colour in palette_colours()}


def test_the_palette_holds_every_status_colour_and_the_maps_neutrals_exactly():
    held = colours()
    assert {expected_rgb(key) for key in STATUS_HEX} <= held
    assert {WHITE, SEA, INK, (0x44, 0x44, 0x44), (0x33, 0x33, 0x33), (0x9A, 0x9A, 0x9A)} <= held
    assert len(palette_colours()) == len(held) <= 256


def test_the_palette_holds_blends_of_a_status_colour_with_white_and_sea_for_its_edges():
    # State Party #0072B2 = (0, 114, 178): a quarter, half and three quarters of the way to white / sea.
    assert {(64, 149, 197), (128, 184, 216), (191, 220, 236)} <= colours()
    assert {(55, 143, 193), (110, 172, 208), (165, 201, 223)} <= colours()


def test_the_palette_holds_a_grey_ramp_from_black_for_text():
    assert {(0, 0, 0), (4, 4, 4), (128, 128, 128), (252, 252, 252)} <= colours()


def test_each_pixel_becomes_its_nearest_palette_colour():
    frame = np.array([[expected_rgb("party"), (1, 113, 179), WHITE, (254, 254, 254)]], dtype=np.uint8)
    image = to_palette(frame, palette_colours()).convert("RGB")
    assert [image.getpixel((x, 0)) for x in range(4)] == [expected_rgb("party"), expected_rgb("party"), WHITE, WHITE]


def test_the_gif_has_a_frame_per_picture_in_order_and_loops(tmp_path):
    pending, withdrawn = expected_rgb("withdrawal_pending"), expected_rgb("withdrawn")
    frames = [np.full((4, 6, 3), colour, dtype=np.uint8) for colour in (pending, withdrawn, pending)]
    path = write_gif(frames, tmp_path / "run.gif")
    gif = Image.open(path)
    assert [frame.convert("RGB").getpixel((5, 3)) for frame in ImageSequence.Iterator(gif)] == [pending, withdrawn, pending]
    assert (gif.info["duration"], gif.info["loop"]) == (1500, 0)
