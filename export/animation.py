"""An animated GIF from rendered frames, with Pillow.

Every frame is mapped onto one fixed palette that holds each status colour exactly, so a state's
colour never drifts between frames (GIF allows 256 colours; an adaptive palette would pick its own).
The mapping is an exact nearest-colour search: Pillow's own palette lookup is approximate (it turned
white into 252 grey).
"""
from __future__ import annotations

import io
from collections.abc import Iterable

import numpy as np
from PIL import Image, ImageColor

from render.palette import BORDER_COLOUR, CATEGORIES, NOT_COVERED_BORDER
from render.snapshot import CALLOUT_PANEL, INK, MARKER_EDGE, MUTED, SEA, muted

FRAME_MS = 1500
BLEND_STEPS = (0.25, 0.5, 0.75)  # anti-aliased edges between a status colour and white or sea


def _rgb(colour: str) -> tuple[int, int, int]:
    return ImageColor.getrgb(colour)[:3]


def _mix(a: tuple[int, ...], b: tuple[int, ...], share: float) -> tuple[int, int, int]:
    return tuple(round(x * (1 - share) + y * share) for x, y in zip(a, b, strict=True))


def palette_colours() -> np.ndarray:
    """Status colours (also muted, for states not highlighted), the map's neutrals, their blends and a
    grey ramp for anti-aliased text and outlines (N x 3)."""
    statuses = [_rgb(colour) for category in CATEGORIES for colour in (category.colour, muted(category.colour))]
    neutrals = [_rgb(colour) for colour in (SEA, INK, MUTED, MARKER_EDGE, BORDER_COLOUR, NOT_COVERED_BORDER, CALLOUT_PANEL)]
    blends = [_mix(colour, _rgb(ground), share) for colour in statuses for ground in (BORDER_COLOUR, SEA) for share in BLEND_STEPS]
    greys = [(level, level, level) for level in range(0, 256, 4)]
    return np.array(list(dict.fromkeys(statuses + neutrals + blends + greys))[:256], dtype=np.int32)


def to_palette(frame: np.ndarray, colours: np.ndarray) -> Image.Image:
    """Each pixel as its nearest palette colour, searched once per distinct colour, not per pixel
    (a table over all 2^24 colours finds the distinct ones faster than sorting the pixels)."""
    packed = (frame[..., 0].astype(np.int32) << 16) | (frame[..., 1].astype(np.int32) << 8) | frame[..., 2]
    present = np.zeros(1 << 24, dtype=bool)
    present[packed] = True
    distinct = np.flatnonzero(present)
    rgb = np.stack([distinct >> 16, (distinct >> 8) & 255, distinct & 255], axis=1)
    lookup = np.zeros(1 << 24, dtype=np.uint8)
    lookup[distinct] = ((rgb[:, None, :] - colours[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    image = Image.fromarray(lookup[packed], mode="P")
    image.putpalette(colours.astype(np.uint8).ravel().tolist())
    return image


def gif_bytes(frames: Iterable[np.ndarray], frame_ms: int = FRAME_MS) -> bytes:
    """A GIF with one frame per H x W x 3 array, looping forever."""
    colours = palette_colours()
    images = [to_palette(frame, colours) for frame in frames]
    buffer = io.BytesIO()
    images[0].save(buffer, format="GIF", save_all=True, append_images=images[1:], duration=frame_ms, loop=0)
    return buffer.getvalue()
