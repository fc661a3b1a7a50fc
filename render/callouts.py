"""Where a callout's box goes: one rule, used by the static images (in image pixels) and, through the
browser payload, by the interactive map (in the map's pixels at its opening view).

Pure geometry on axis-aligned boxes: candidate positions around the anchor (eight directions, at three
distances), each scored by how much it covers a highlighted state, how much lies outside the frame and
how much it covers earlier callouts and anchors, in that order of importance (a box that covers no
highlighted state always beats one that does); ties go to the nearer and to the first direction listed.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import shapely

from geo.countries import placed_east_of
from storyboard.model import Callout

Box = tuple[float, float, float, float]  # left, top, right, bottom with y growing downwards (image pixels)
Point = tuple[float, float]

# Directions tried, in order of preference: up-right first (a callout reads best above and beside its state).
DIRECTIONS = ((1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1), (1, 0), (-1, 0))
DISTANCES = (1.0, 2.0, 3.5)  # multiples of the gap between the anchor and the box's nearest corner or edge
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

        def cost(box: Box) -> tuple[float, float, float]:
            return (
                sum(overlap(box, other) for other in avoid),
                _outside(box, frame),
                sum(overlap(box, other) for other in (*marks, *(done.box for done in placed))),
            )

        # Costs compare in order (highlighted states first); min() keeps the first of equal costs: the
        # nearest, then the preferred direction.
        placed.append(Placed(anchor, min(candidate_boxes(anchor, size, gap), key=cost)))
    return placed


def printable(text: str) -> str:
    """`text` without control or direction-changing characters (they would break an SVG or turn the text round)."""
    return " ".join("".join(char for char in text if char.isprintable() or char.isspace()).split())


def describe_story(highlight: frozenset[str], callouts: Sequence[Callout], names: Mapping[str, str]) -> list[str]:
    """The highlight and the callouts in words (a picture's description, the map's text version)."""
    words = [f"Outlined: {', '.join(sorted(names.get(code, code) for code in highlight))}."] if highlight else []
    for callout in callouts:
        where = names.get(callout.state, callout.state) if callout.state else f"{callout.at[0]:g}, {callout.at[1]:g}"
        words.append(f"Callout at {where}: “{printable(callout.text)}”.")
    return words


def wrap_callout(text: str, line_chars: int = LINE_CHARS) -> list[str]:
    """The callout's printable text in lines of at most `line_chars` characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in printable(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= line_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def label_point(geometry, view: tuple[float, float, float, float] | None = None) -> shapely.Point:
    """Where a callout pinned to a state points: a point inside the state's largest part (the mainland,
    not an island or an exclave) within `view` (x0, y0, x1, y1 in the geometry's coordinates) when the
    state shows there, so Russia's callout points at European Russia, not beyond the frame."""
    seen = shapely.clip_by_rect(geometry, *view) if view is not None else geometry
    parts = shapely.get_parts(geometry if seen.is_empty else seen)
    return max(parts, key=lambda part: part.area).point_on_surface()


def part_boxes(geometry, min_share: float = 0.02) -> list[Box]:
    """The bounds of a state's parts, larger than `min_share` of its area, as (left, bottom, right, top)
    in the geometry's own coordinates (small islands left out: a callout may cover an islet)."""
    parts = shapely.get_parts(geometry)
    total = sum(part.area for part in parts) or 1.0
    return [tuple(part.bounds) for part in parts if part.area >= min_share * total]


# ---- the browser map's callouts --------------------------------------------------------------------
# The interactive map places callouts by the same rule, in its own (Web Mercator) pixels at the zoom a
# full-screen map of the region opens on; the box keeps its side of the anchor at every other zoom.
BROWSER_ZOOM = 5
BROWSER_FONT_PX, BROWSER_LINE_PX, BROWSER_PAD_PX, BROWSER_GAP_PX = 14, 18, 6, 24
BROWSER_CHAR_PX = 8.0  # a generous average width of a character at 14 px, so the lines fit the box


def _mercator(lon: float, lat: float) -> Point:
    """Leaflet's pixel of a lon/lat at BROWSER_ZOOM (y down)."""
    world = 256 * 2**BROWSER_ZOOM
    sine = math.sin(math.radians(max(min(lat, 85.0), -85.0)))
    return (lon + 180) / 360 * world, (0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)) * world


def _lon_lat(x: float, y: float) -> tuple[float, float]:
    world = 256 * 2**BROWSER_ZOOM
    return x / world * 360 - 180, math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / world))))


def story_payload(
    highlight: frozenset[str], callouts: Sequence[Callout], shapes: Mapping[str, object],
    view_fit: tuple[tuple[float, float], tuple[float, float]], map_west: float | None = None,
) -> dict:
    """What the browser map draws: the highlighted codes, and each callout's lines, box size, anchor and
    where its box touches the leader (lat/lon) with the box's alignment there (0..1 across and down).
    `shapes`: lon/lat geometry by ISO3; a callout on a state without a shape is left out. `map_west`: the
    region's (a view across 180°): shapes and points are placed as that map draws them (moved_east_of)."""
    if map_west is not None:
        shapes = {code: placed_east_of(shapes[code], map_west) for code in (highlight | {c.state for c in callouts}) & shapes.keys()}
        callouts = [c if c.state is not None or c.at[1] >= map_west else c.model_copy(update={"at": (c.at[0], c.at[1] + 360.0)}) for c in callouts]
    (south, west), (north, east) = view_fit
    (left, top), (right, bottom) = _mercator(west, north), _mercator(east, south)
    avoid = []
    for code in sorted(highlight & shapes.keys()):
        for box_west, box_south, box_east, box_north in part_boxes(shapes[code]):
            (x0, y0), (x1, y1) = _mercator(box_west, box_north), _mercator(box_east, box_south)
            avoid.append((x0, y0, x1, y1))
    drawn, anchors, sizes = [], [], []
    for callout in callouts:
        if callout.state is not None and callout.state not in shapes:
            continue
        point = label_point(shapes[callout.state], (west, south, east, north)) if callout.state is not None else None
        lon, lat = (point.x, point.y) if point is not None else (callout.at[1], callout.at[0])
        lines = wrap_callout(callout.text)
        drawn.append(lines)
        anchors.append(_mercator(lon, lat))
        sizes.append((max(map(len, lines)) * BROWSER_CHAR_PX + 2 * BROWSER_PAD_PX, len(lines) * BROWSER_LINE_PX + 2 * BROWSER_PAD_PX))
    placed = place_callouts(anchors, sizes, avoid, (left, top, right, bottom), BROWSER_GAP_PX)
    result = []
    for lines, size, spot in zip(drawn, sizes, placed, strict=True):
        (end_x, end_y), (box_left, box_top, *_) = spot.leader_end, spot.box
        anchor_lon, anchor_lat = _lon_lat(*spot.anchor)
        end_lon, end_lat = _lon_lat(end_x, end_y)
        result.append({
            "lines": lines,
            "size": [round(size[0]), round(size[1])],
            "anchor": [round(anchor_lat, 4), round(anchor_lon, 4)],
            "end": [round(end_lat, 4), round(end_lon, 4)],
            "align": [round((end_x - box_left) / size[0], 3), round((end_y - box_top) / size[1], 3)],
        })
    return {"highlight": sorted(highlight), "callouts": result}
