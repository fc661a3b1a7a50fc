"""Where a callout's box goes: one rule, used by the static images (in image pixels) and, through the
browser payload, by the interactive map (in the map's pixels at its opening view).

Pure geometry on axis-aligned boxes: candidate positions around the anchor (eight directions, at three
distances), each scored by how much it covers a highlighted state, an earlier callout or lies outside
the frame; the least costly wins, ties going to the nearer and to the first direction listed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shapely

Box = tuple[float, float, float, float]  # left, top, right, bottom with y growing downwards (image pixels)
Point = tuple[float, float]

# Directions tried, in order of preference: up-right first (a callout reads best above and beside its state).
DIRECTIONS = ((1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1), (1, 0), (-1, 0))
DISTANCES = (1.0, 2.0, 3.5)  # multiples of the gap between the anchor and the box's nearest corner or edge
# Covering a highlighted state is the worst; leaving the frame next; covering another callout after that.
HIGHLIGHT_COST, FRAME_COST, CALLOUT_COST = 1000.0, 100.0, 10.0
# Callout text: at most this many characters on a line (the browser box is as wide as Python says).
LINE_CHARS = 24


@dataclass(frozen=True)
class Placed:
    anchor: Point
    box: Box

    @property
    def leader_end(self) -> Point:
        """Where the leader line meets the box: the box's point nearest to the anchor."""
        left, top, right, bottom = self.box
        x, y = self.anchor
        return min(max(x, left), right), min(max(y, top), bottom)


def overlap(a: Box, b: Box) -> float:
    """The area two boxes share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box: Box, frame: Box) -> float:
    area = (box[2] - box[0]) * (box[3] - box[1])
    return area - overlap(box, frame)


def candidate_boxes(anchor: Point, size: tuple[float, float], gap: float) -> list[Box]:
    """Boxes of `size` around `anchor`, nearest first, each direction in the order of DIRECTIONS."""
    x, y = anchor
    width, height = size
    boxes = []
    for distance in DISTANCES:
        step = gap * distance
        for dx, dy in DIRECTIONS:
            # The box's corner or edge nearest to the anchor sits `step` away from it.
            left = x + step if dx > 0 else x - step - width if dx < 0 else x - width / 2
            top = y + step if dy > 0 else y - step - height if dy < 0 else y - height / 2
            boxes.append((left, top, left + width, top + height))
    return boxes


def place_callouts(
    anchors: Sequence[Point], sizes: Sequence[tuple[float, float]], avoid: Sequence[Box], frame: Box, gap: float
) -> list[Placed]:
    """A box per callout, in order: each at the candidate that covers the least of the `avoid` boxes
    (highlighted states' parts), of what lies outside `frame`, and of the boxes placed before it and
    every callout's anchor (a square of `gap` around it)."""
    placed: list[Placed] = []
    marks = [(x - gap / 2, y - gap / 2, x + gap / 2, y + gap / 2) for x, y in anchors]
    for anchor, size in zip(anchors, sizes, strict=True):

        def cost(box: Box) -> float:
            return (
                HIGHLIGHT_COST * sum(overlap(box, other) for other in avoid)
                + FRAME_COST * _outside(box, frame)
                + CALLOUT_COST * sum(overlap(box, other) for other in (*marks, *(done.box for done in placed)))
            )

        # min() keeps the first of equal costs: the nearest, then the preferred direction.
        placed.append(Placed(anchor, min(candidate_boxes(anchor, size, gap), key=cost)))
    return placed


def wrap_callout(text: str, line_chars: int = LINE_CHARS) -> list[str]:
    """The callout's text in lines of at most `line_chars` characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= line_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def label_point(geometry) -> shapely.Point:
    """Where a callout pinned to a state points: a point inside the state's largest part (the mainland,
    not an island or an exclave)."""
    parts = shapely.get_parts(geometry)
    return max(parts, key=lambda part: part.area).point_on_surface()


def part_boxes(geometry, min_share: float = 0.02) -> list[Box]:
    """The bounds of a state's parts, larger than `min_share` of its area, as (left, bottom, right, top)
    in the geometry's own coordinates (small islands left out: a callout may cover an islet)."""
    parts = shapely.get_parts(geometry)
    total = sum(part.area for part in parts) or 1.0
    return [tuple(part.bounds) for part in parts if part.area >= min_share * total]
