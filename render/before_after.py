"""Before and after as one picture: the map on two dates side by side, each under its date, and below
them the list of states whose status changed between the two ("Estonia: State Party → Withdrawn").

The same figure as a date's snapshot (render/snapshot.py: title, legend, sources and attribution),
with its map drawn twice. Highlighted states are outlined on both maps; callouts go on the "after" map,
where the story ends.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

from geo.regions import scope_of
from render.snapshot import (
    GAP,
    INK,
    LEGEND_PX,
    LINE_SPACING,
    MARGIN,
    PIXELS_PER_INCH,
    SEA,
    SIZE_PRESETS,
    SIDE_LEGEND_MIN_ASPECT,
    Heading,
    SnapshotInputs,
    SnapshotRenderer,
    _font,
    _wrap,
)
from storyboard.model import Callout
from treaty.changes import StatusChange, changes_between
from treaty.dates import long_date

LIST_COLUMNS = 2
LIST_ROWS = 4  # changes per column; more are summed up as "and N more"
LIST_LINES = 2  # a change takes at most two lines


@dataclass
class _Side:
    """One of the two maps: what SnapshotRenderer keeps for its single map."""

    map_axes: object
    frame: object
    countries: object
    markers: object
    box: tuple[float, float, float, float]


def title_for(heading: Heading, short_name: str, before: date, after: date) -> str:
    return heading.title.strip() or f"{short_name}: {long_date(before)} and {long_date(after)}"


def summary(changes: list[StatusChange], before: date, after: date) -> str:
    """The sentence under the title."""
    if not changes:
        return f"No state's status differs between {long_date(before)} and {long_date(after)}."
    states = "state's status differs" if len(changes) == 1 else "states' statuses differ"
    return f"{len(changes)} {states} between {long_date(before)} and {long_date(after)}."


class BeforeAfterRenderer(SnapshotRenderer):
    """Two maps and the changes between `before` and `after`; a figure per pair of dates (the list's room
    depends on it). 16:9 or 4:3: the legend beside the maps."""

    def __init__(self, inputs: SnapshotInputs, before: date, after: date,
                 size: tuple[int, int] = SIZE_PRESETS["16:9"], scale: float = 1):
        if size[0] / size[1] < SIDE_LEGEND_MIN_ASPECT:
            raise ValueError("a before-and-after picture is landscape (16:9 or 4:3): two maps side by side")
        self.before, self.after = before, after
        self.changes = changes_between(inputs.timelines, before, after, scope_of(inputs.region).members)
        super().__init__(inputs, size, scale)
        self._draw_labels()

    # ---- layout: the single map's box, split in two, with room for the dates above and the list below ----
    def _list_lines(self) -> int:
        rows = min(math.ceil(len(self.changes) / LIST_COLUMNS), LIST_ROWS)
        return 1 + max(rows, 1) * LIST_LINES  # its heading, then the rows

    def _plan_layout(self):
        layout = super()._plan_layout()
        left, top, right, bottom = layout.map_box
        line = LEGEND_PX * self.unit * LINE_SPACING
        self._list_top = bottom - self._list_lines() * line
        maps_top, maps_bottom = top + line * 1.4, self._list_top - self._px(GAP)
        middle, gap = (left + right) / 2, self._px(GAP) / 2
        self._boxes = ((left, maps_top, middle - gap, maps_bottom), (middle + gap, maps_top, right, maps_bottom))
        return replace(layout, map_box=self._boxes[1])

    def _draw_map(self) -> None:
        self._sides = []
        for box in self._boxes:
            self.layout = replace(self.layout, map_box=box)
            super()._draw_map()
            self._sides.append(_Side(self.map_axes, self._frame, self._countries, self._markers, box))

    def _use(self, side: _Side) -> None:
        self.map_axes, self._frame, self._countries, self._markers = side.map_axes, side.frame, side.countries, side.markers
        self.layout = replace(self.layout, map_box=side.box)

    def _draw_labels(self) -> None:
        font = _font(LEGEND_PX * self.unit, True)
        for side, (prefix, day) in zip(self._sides, (("Before", self.before), ("After", self.after)), strict=True):
            left, top, _, _ = side.box
            self.overlay.text(left, top - self._px(6), f"{prefix}: {long_date(day)}", fontproperties=font,
                              color=INK, va="bottom", ha="left", parse_math=False)
        self._draw_list()

    def _draw_list(self) -> None:
        left, right = self._boxes[0][0], self._boxes[1][2]
        size = LEGEND_PX * self.unit
        line = size * LINE_SPACING
        self.overlay.text(left, self._list_top, "What changed", fontproperties=_font(size, True), color=INK,
                          va="top", ha="left", parse_math=False)
        column_width = (right - left) / LIST_COLUMNS
        shown = LIST_COLUMNS * LIST_ROWS
        entries = [change.sentence for change in self.changes]
        if len(entries) > shown:
            entries = entries[: shown - 1] + [f"… and {len(self.changes) - shown + 1} more (the State record and the table list every state)"]
        if not entries:
            entries = ["No state's status changed."]
        rows = math.ceil(len(entries) / LIST_COLUMNS)
        for index, text in enumerate(entries):
            column, row = divmod(index, rows)
            lines = _wrap(f"• {text}", (size, False), column_width - self._px(MARGIN) / 2, LIST_LINES)
            self.overlay.text(left + column * column_width, self._list_top + line * (1 + row * LIST_LINES), "\n".join(lines),
                              fontproperties=_font(size, False), color=INK, va="top", ha="left",
                              linespacing=LINE_SPACING, parse_math=False)

    # ---- the two dates ---------------------------------------------------------------------------
    def _clear_story(self) -> None:
        """Both maps' outlines stay until the pair is drawn again (show_pair clears them once)."""

    def show_pair(self, heading: Heading = Heading(), highlight: frozenset[str] = frozenset(),
                  callouts: tuple[Callout, ...] = ()) -> None:
        SnapshotRenderer._clear_story(self)
        before_side, after_side = self._sides
        self._use(before_side)
        self.show(self.before, heading, highlight)
        self._use(after_side)
        self.show(self.after, heading, highlight, callouts)
        dataset = self.inputs.dataset
        title, title_px = self._fitted_title(title_for(heading, dataset.treaty.short_name, self.before, self.after))
        self._title.set_text(title)
        self._title.set_fontsize(title_px * 72 / PIXELS_PER_INCH)
        sentence = heading.subtitle.strip() or summary(self.changes, self.before, self.after)
        self._sentence.set_text("\n".join(_wrap(sentence, self._fonts["sentence"], self.width - 2 * self._px(MARGIN), 2)))
        self._legend_title.set_text("Status")
        for text in self._counts.values():
            text.set_text("")  # a count belongs to one date

    def description(self) -> str:
        """The picture in words: what it compares and every change."""
        changes = "; ".join(change.sentence for change in self.changes)
        return f"{summary(self.changes, self.before, self.after)} {changes}".strip()

    def render_pair(self, fmt: str = "png", transparent: bool = False, heading: Heading = Heading(),
                    highlight: frozenset[str] = frozenset(), callouts: tuple[Callout, ...] = ()) -> bytes:
        if fmt not in ("png", "svg", "pdf"):
            raise ValueError(f"unknown format '{fmt}': use png, svg or pdf")
        self.show_pair(heading, highlight, callouts)
        self._sides[0].frame.set_facecolor("none" if transparent else SEA)
        title = title_for(heading, self.inputs.dataset.treaty.short_name, self.before, self.after)
        return self._save(fmt, transparent, title, self.description())


def render_before_after(
    inputs: SnapshotInputs, before: date, after: date, fmt: str = "png", size: tuple[int, int] = SIZE_PRESETS["16:9"],
    scale: float = 1, *, heading: Heading = Heading(), highlight: frozenset[str] = frozenset(),
    callouts: tuple[Callout, ...] = (), transparent: bool = False,
) -> bytes:
    """One picture of the map on `before` and on `after`, side by side, with the changes between them."""
    return BeforeAfterRenderer(inputs, before, after, size, scale).render_pair(fmt, transparent, heading, highlight, callouts)

