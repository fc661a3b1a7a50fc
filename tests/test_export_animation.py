"""The animated GIF: one frame per date, looping, and a fixed palette that keeps each status colour
exactly (so a state never changes colour between frames), the map's neutrals, blends for anti-aliased
edges and a grey ramp for text. Colours written out here."""
from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageSequence

from export.animation import gif_bytes, palette_colours, to_palette
from tests.expected_colours import STATUS_HEX, expected_rgb

STATUS_COLOURS = [expected_rgb(key) for key in STATUS_HEX]


def test_each_pixel_takes_its_nearest_palette_colour_and_status_colours_stay_exact():
    frame = np.array([STATUS_COLOURS + [(255, 255, 255), (0x01, 0x60, 0x9D)]], dtype=np.uint8)
    image = to_palette(frame, palette_colours()).convert("RGB")
    pixels = [image.getpixel((x, 0)) for x in range(frame.shape[1])]
    assert pixels[: len(STATUS_COLOURS)] == STATUS_COLOURS
    assert pixels[-2] == (255, 255, 255)  # Pillow's own lookup turned white into 252 grey
    assert pixels[-1] == expected_rgb("party")  # one off in each channel: the party blue #005F9E


def test_a_frame_per_array_shown_for_the_given_time_looping_forever():
    frames = [np.full((4, 6, 3), colour, dtype=np.uint8) for colour in STATUS_COLOURS[:3]]
    gif = Image.open(io.BytesIO(gif_bytes(frames, frame_ms=700)))
    shown = [frame.convert("RGB").getpixel((0, 0)) for frame in ImageSequence.Iterator(gif)]
    assert shown == STATUS_COLOURS[:3]
    assert gif.info["loop"] == 0 and gif.info["duration"] == 700


WHITE, SEA, INK = (255, 255, 255), (220, 230, 238), (26, 26, 26)  # #FFFFFF borders, #DCE6EE sea, #1A1A1A text


def colours() -> set[tuple[int, int, int]]:
    return {tuple(int(channel) for channel in colour) for colour in palette_colours()}


def test_the_palette_holds_every_status_colour_and_the_maps_neutrals_exactly():
    held = colours()
    assert {expected_rgb(key) for key in STATUS_HEX} <= held
    assert {WHITE, SEA, INK, (0x44, 0x44, 0x44), (0x33, 0x33, 0x33), (0x9A, 0x9A, 0x9A)} <= held
    assert len(palette_colours()) == len(held) <= 256


def test_the_palette_holds_blends_of_a_status_colour_with_white_and_sea_for_its_edges():
    # State Party #005F9E = (0, 95, 158): a quarter, half and three quarters of the way to white / sea.
    assert {(64, 135, 182), (128, 175, 206), (191, 215, 231)} <= colours()
    assert {(55, 129, 178), (110, 162, 198), (165, 196, 218)} <= colours()


def test_the_palette_holds_a_grey_ramp_from_black_for_text():
    assert {(0, 0, 0), (4, 4, 4), (128, 128, 128), (252, 252, 252)} <= colours()


def test_each_pixel_becomes_its_nearest_palette_colour():
    frame = np.array([[expected_rgb("party"), (1, 113, 179), WHITE, (254, 254, 254)]], dtype=np.uint8)
    image = to_palette(frame, palette_colours()).convert("RGB")
    assert [image.getpixel((x, 0)) for x in range(4)] == [expected_rgb("party"), expected_rgb("party"), WHITE, WHITE]


def test_the_gif_has_a_frame_per_picture_in_order_and_loops():
    pending, withdrawn = expected_rgb("withdrawal_pending"), expected_rgb("withdrawn")
    frames = [np.full((4, 6, 3), colour, dtype=np.uint8) for colour in (pending, withdrawn, pending)]
    gif = Image.open(io.BytesIO(gif_bytes(frames)))
    assert [frame.convert("RGB").getpixel((5, 3)) for frame in ImageSequence.Iterator(gif)] == [pending, withdrawn, pending]
    assert (gif.info["duration"], gif.info["loop"]) == (1500, 0)
