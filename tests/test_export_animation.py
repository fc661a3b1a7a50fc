"""The animated GIF: one frame per date, looping, every status colour kept exactly by a fixed palette."""
import io

import numpy as np
from PIL import Image, ImageSequence

from export.animation import gif_bytes, palette_colours, to_palette

# The light theme's status colours (treaty/statuses.py), written out.
STATUS_COLOURS = [
    (0x00, 0x5F, 0x9E), (0xF0, 0xE4, 0x42), (0xE6, 0x9F, 0x00), (0xCC, 0x79, 0xA7),
    (0x56, 0xB4, 0xE9), (0x00, 0xB3, 0x86), (0x7F, 0x14, 0x09), (0x76, 0x76, 0x76), (0xED, 0xED, 0xED),
]


def test_the_palette_holds_every_status_colour_and_white_within_256():
    colours = {tuple(int(v) for v in row) for row in palette_colours()}
    assert len(palette_colours()) <= 256
    assert set(STATUS_COLOURS) <= colours
    assert (255, 255, 255) in colours


def test_each_pixel_takes_its_nearest_palette_colour_and_status_colours_stay_exact():
    frame = np.array([STATUS_COLOURS + [(255, 255, 255), (0x01, 0x60, 0x9D)]], dtype=np.uint8)
    image = to_palette(frame, palette_colours()).convert("RGB")
    pixels = [image.getpixel((x, 0)) for x in range(frame.shape[1])]
    assert pixels[: len(STATUS_COLOURS)] == STATUS_COLOURS
    assert pixels[-2] == (255, 255, 255)  # Pillow's own lookup turned white into 252 grey
    assert pixels[-1] == (0x00, 0x5F, 0x9E)  # one off in each channel: the party blue


def test_a_frame_per_array_shown_for_the_given_time_looping_forever():
    frames = [np.full((4, 6, 3), colour, dtype=np.uint8) for colour in STATUS_COLOURS[:3]]
    gif = Image.open(io.BytesIO(gif_bytes(frames, frame_ms=700)))
    shown = [frame.convert("RGB").getpixel((0, 0)) for frame in ImageSequence.Iterator(gif)]
    assert shown == STATUS_COLOURS[:3]
    assert gif.info["loop"] == 0 and gif.info["duration"] == 700
