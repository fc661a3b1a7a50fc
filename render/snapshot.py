"""Static snapshots of the map (PNG, SVG, PDF) drawn without a browser, from the same geometry and palette.

matplotlib's object API only (Figure + Agg canvas, never pyplot), so Streamlit threads never share a
figure. A `SnapshotRenderer` draws the geometry once; each date then only sets face colours and
texts, which is what keeps a batch of dates fast.
"""
from __future__ import annotations

import io
import math
import re
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape

import geopandas as gpd
import matplotlib as mpl
import numpy as np
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.textpath import TextToPath
from pyproj import Transformer

from geo.countries import in_window, microstate_points, sovereigns
from geo.regions import DEFAULT_REGION, Region, scope_of
from geo.join import status_keys
from render.payload import history_payload
from render.callouts import describe_story, label_point, part_boxes, place_callouts, wrap_callout
from render.captions import as_of_line, attribution_line, sources_line, title_on
from render.text_version import alt_text
from render.palette import BORDER_COLOUR, CATEGORIES, COLOURS, NOT_COVERED_BORDER
from storyboard.model import Callout
from treaty.dates import long_date
from treaty.model import Dataset
from treaty.narrative import describe_day
from treaty.status import StateHistory, statuses_on
from treaty.statuses import NOT_COVERED
from treaty.territories import NO_DEPENDENCIES, Dependencies, dependencies

SIZE_PRESETS = {"16:9": (1920, 1080), "4:3": (1440, 1080), "square": (1080, 1080)}
SEA = "#DCE6EE"  # the interactive map's background
INK = "#1A1A1A"
MUTED = "#444444"
MARKER_EDGE = "#333333"
FRAME_EDGE = "#B8C4CE"
CALLOUT_PANEL = "#FFFFFF"
# With states highlighted, the others keep their status colour at this share, the rest white: muted, still readable.
MUTED_SHARE = 0.45
# The geometry is cut to the region's lon/lat window (Region.clip), in its equal-area projection (true
# areas, so no state looks bigger than it is). A straight cut in degrees is a curve in that projection:
# cut edges and the frame are both split into steps this long before projecting, so land ends exactly on
# the frame instead of on a false straight coastline.
EDGE_STEP_DEG = 0.25

# Layout in pixels of a 1080-pixel-high image; every size scales these with its height.
MARGIN, GAP = 36, 18
TITLE_PX, SENTENCE_PX, LEGEND_PX, FOOTER_PX = 40, 23, 19, 15
SENTENCE_LINES = 3
LINE_SPACING = 1.3
LEGEND_ROW = 32
SWATCH = (30, 20)  # width, height
MARKER_RADIUS_PX = 8
HIGHLIGHT_WIDTH_PX = 3.5  # the outline of a highlighted state
CALLOUT_PX, CALLOUT_PAD, CALLOUT_GAP = 19, 8, 30  # text size, padding inside the box, anchor to box
SIDE_LEGEND_MIN_ASPECT = 1.25  # 16:9 and 4:3 keep the legend beside the map; square puts it below
PIXELS_PER_INCH = 100

# Text stays text in SVG and PDF (searchable, editable); fixed salt and no dates make files reproducible.
_SAVE_RC = {"svg.fonttype": "none", "svg.hashsalt": "treaty-map", "pdf.fonttype": 42}
# rcParams are process-global: saves take turns so one thread's settings never leak into another's.
_SAVE_LOCK = threading.Lock()
_METADATA = {"png": {}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}  # per format it saves
_TEXT_TO_PATH = TextToPath()


@dataclass(frozen=True)
class Heading:
    """The briefer's own title and subtitle; blank keeps the default (treaty and date; the day's sentence)."""

    title: str = ""
    subtitle: str = ""

    def title_for(self, dataset: Dataset, day: date) -> str:
        return self.title.strip() or title_on(dataset, day)

    def subtitle_for(self, timelines: tuple[StateHistory, ...], day: date, region: Region = DEFAULT_REGION) -> str:
        return self.subtitle.strip() or describe_day(timelines, day, scope_of(region))


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key for one dataset version
class SnapshotInputs:
    """Everything a frame draws from, projected once: the dataset, its timelines and the map geometry
    of one region."""

    dataset: Dataset
    timelines: tuple[StateHistory, ...]
    countries: gpd.GeoDataFrame  # iso3, name, geometry: the region's window in its equal-area projection
    microstates: gpd.GeoDataFrame  # iso3, name, point geometry, likewise
    geometry_metadata: dict
    region: Region
    codes: tuple[str, ...]  # every shape in the geometry, drawn in this region or not: the status join
    dependencies: Dependencies = NO_DEPENDENCIES  # territories drawn in their sovereign's status
    legend_keys: tuple[str, ...] = tuple(category.key for category in CATEGORIES)  # the statuses its history shows (legend_keys)


def prepare_inputs(
    dataset: Dataset,
    timelines: tuple[StateHistory, ...],
    countries: gpd.GeoDataFrame,
    geometry_metadata: dict,
    region: Region = DEFAULT_REGION,
) -> SnapshotInputs:
    """Cut the lon/lat geometry to the region's window and project it once; every renderer and date reuses it."""
    shown = in_window(countries, region.clip)
    dense = shown.set_geometry(shown.geometry.segmentize(EDGE_STEP_DEG))
    codes = tuple(countries["iso3"])
    territories = dependencies(dataset, sovereigns(countries))
    return SnapshotInputs(
        dataset,
        timelines,
        dense.to_crs(region.equal_area_crs),
        in_window(microstate_points(countries, region), region.clip).to_crs(region.equal_area_crs),
        geometry_metadata,
        region,
        codes,
        territories,
        legend_keys(timelines, codes, territories),
    )


def legend_keys(timelines: tuple[StateHistory, ...], codes: tuple[str, ...], territories: Dependencies) -> tuple[str, ...]:
    """The statuses a shape takes on some date of the treaty's history, in the status table's order (the same
    rule as the browser's legend, render.payload.history_payload): the images' legend lists these, "not
    covered" only where such a shape is in the picture (SnapshotRenderer)."""
    return tuple(history_payload(timelines, codes, territories)["statuses"])


def parse_size(text: str) -> tuple[int, int]:
    """'16:9', '4:3', 'square' or 'WIDTHxHEIGHT' in pixels."""
    if text in SIZE_PRESETS:
        return SIZE_PRESETS[text]
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 320 <= int(width) <= 8000 and 320 <= int(height) <= 8000):
        raise ValueError(f"'{text}' is not a size: use {', '.join(SIZE_PRESETS)} or WIDTHxHEIGHT (320 to 8000 px)")
    return int(width), int(height)


@lru_cache(maxsize=8)
def _to_map_crs(crs: str) -> Transformer:
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


@lru_cache(maxsize=64)
def _font(px: float, bold: bool = False) -> FontProperties:
    # A point is 1/72 inch and the figure has PIXELS_PER_INCH per inch at scale 1.
    return FontProperties(family="DejaVu Sans", size=px * 72 / PIXELS_PER_INCH, weight="bold" if bold else "normal")


@lru_cache(maxsize=8192)
def _text_width(text: str, px: float, bold: bool = False) -> float:
    """Width in pixels at scale 1. Cached: the same words and labels recur on every date and figure,
    and a FreeType layout costs about a millisecond."""
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(text, _font(px, bold), ismath=False)
    return width * PIXELS_PER_INCH / 72


def _wrap(text: str, font: tuple[float, bool], max_width: float, max_lines: int | None = None) -> list[str]:
    """Greedy word wrap by measured word widths; past `max_lines` the last line ends with an ellipsis.
    Widths are summed word by word (kerning across words ignored), with 2% to spare."""
    size, bold = font
    space, limit = _text_width(" ", size, bold), max_width * 0.98
    lines: list[list[str]] = []
    width = 0.0
    for word in text.split():
        word_width = _text_width(word, size, bold)
        if lines and width + space + word_width <= limit:
            lines[-1].append(word)
            width += space + word_width
        else:
            lines.append([word])
            width = word_width
    if max_lines and len(lines) > max_lines:
        last, ellipsis = lines[max_lines - 1], space + _text_width("…", size, bold)
        while last and sum(_text_width(word, size, bold) + space for word in last) + ellipsis > limit:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [[*last, "…"]]
    return [" ".join(words) for words in lines]


@lru_cache(maxsize=8)
def _region_outline(region: Region) -> shapely.Polygon:
    """The region's window (where the geometry ends) as drawn in its projection: for the world, the
    globe's outline."""
    ring = shapely.segmentize(shapely.box(*region.clip), EDGE_STEP_DEG).exterior
    return shapely.Polygon(zip(*_to_map_crs(region.equal_area_crs).transform(*ring.xy), strict=True))


def _polygon_path(geometry) -> Path:
    """One compound path per feature, exteriors counter-clockwise and holes clockwise, so holes stay empty."""
    rings = [
        Path(shapely.get_coordinates(ring), closed=True)
        for polygon in shapely.get_parts(shapely.orient_polygons(geometry))
        for ring in (polygon.exterior, *polygon.interiors)
    ]
    return Path.make_compound_path(*rings)


def _fitted_extent(region: Region, box_width: float, box_height: float) -> tuple[float, float, float, float]:
    """The region's print extent widened in one direction to the map box's aspect, so the map fills it undistorted."""
    x0, y0, x1, y1 = region.print_extent
    aspect = box_width / box_height
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        grow = (height * aspect - width) / 2
        return x0 - grow, y0, x1 + grow, y1
    grow = (width / aspect - height) / 2
    return x0, y0 - grow, x1, y1 + grow


@dataclass(frozen=True)
class _Layout:
    """Where things go, in pixels of the image at scale 1, measured from the top left."""

    map_box: tuple[float, float, float, float]  # left, top, right, bottom
    legend_origin: tuple[float, float]
    legend_columns: int
    legend_column_width: float
    footer_bottom: float


class SnapshotRenderer:
    """One figure for one size: geometry drawn once, then `render(day, fmt)` per date. Not shared
    between threads; make one per thread (they are cheap next to a save)."""

    def __init__(self, inputs: SnapshotInputs, size: tuple[int, int] = SIZE_PRESETS["16:9"], scale: float = 1):
        self.inputs = inputs
        self.width, self.height = size
        self.scale = scale
        self.unit = self.height / 1080  # text and spacing grow with the image height
        self.figure = Figure(figsize=(self.width / PIXELS_PER_INCH, self.height / PIXELS_PER_INCH), dpi=PIXELS_PER_INCH * scale)
        self.canvas = FigureCanvasAgg(self.figure)
        self.figure.patch.set_facecolor("white")
        self._fonts = {  # (size in pixels at scale 1, bold)
            "title": (TITLE_PX * self.unit, True),
            "sentence": (SENTENCE_PX * self.unit, False),
            "legend": (LEGEND_PX * self.unit, False),
            "legend_title": (LEGEND_PX * self.unit, True),
            "footer": (FOOTER_PX * self.unit, False),
        }
        dataset = inputs.dataset
        footer = [sources_line(dataset), f"{as_of_line(dataset)}. {attribution_line(inputs.geometry_metadata)}"]
        width = self.width - 2 * self._px(MARGIN)
        self._footer_lines = [line for text in footer for line in _wrap(text, self._fonts["footer"], width)]
        # The layout keeps room for every row of the history; "not covered" goes once the map shows no such shape.
        self._legend = [category for category in CATEGORIES if category.key in inputs.legend_keys]
        self.layout = self._plan_layout()
        self._story_artists: list = []  # the date's highlight outlines and callouts
        self._draw_map()
        self._draw_overlay()

    # ---- layout -------------------------------------------------------------------------------
    def _px(self, value: float) -> float:
        return value * self.unit

    def _props(self, font: str) -> FontProperties:
        return _font(*self._fonts[font])

    def _line_height(self, font: str) -> float:
        return self._fonts[font][0] * LINE_SPACING

    def _fitted_title(self, text: str) -> tuple[str, float]:
        """The title on one line: full size if it fits, else smaller down to the sentence's size, and
        cut with an ellipsis only past that (a long treaty name must not run off the image)."""
        available = self.width - 2 * self._px(MARGIN)
        full, bold = self._fonts["title"]
        size = min(full, full * available * 0.98 / _text_width(text, full, bold))
        smallest = self._fonts["sentence"][0]
        if size >= smallest:
            return text, size
        return _wrap(text, (smallest, bold), available, max_lines=1)[0], smallest

    def _legend_size(self) -> tuple[float, float]:
        """Width of one legend column (swatch, longest label, count) and the height of one row."""
        size, bold = self._fonts["legend"]
        label = max(_text_width(category.label, size, bold) for category in self._legend)
        count = _text_width("000", size, bold)
        return self._px(SWATCH[0]) + self._px(12) + label + self._px(20) + count, self._px(LEGEND_ROW)

    def _plan_layout(self) -> _Layout:
        margin, gap = self._px(MARGIN), self._px(GAP)
        header_bottom = margin + self._line_height("title") + SENTENCE_LINES * self._line_height("sentence") + gap
        footer_top = self.height - margin * 0.6 - len(self._footer_lines) * self._line_height("footer") - gap
        column_width, row = self._legend_size()
        heading = row * 1.1
        if self.width / self.height >= SIDE_LEGEND_MIN_ASPECT:
            legend_left = self.width - margin - column_width
            return _Layout((margin, header_bottom, legend_left - gap, footer_top),
                           (legend_left, header_bottom), 1, column_width, self.height - margin * 0.6)
        columns = 2
        rows = math.ceil(len(self._legend) / columns)
        legend_top = footer_top - heading - rows * row
        return _Layout((margin, header_bottom, self.width - margin, legend_top - gap),
                       (margin, legend_top), columns, (self.width - 2 * margin) / columns, self.height - margin * 0.6)

    # ---- drawing once ---------------------------------------------------------------------------
    def _draw_map(self) -> None:
        left, top, right, bottom = self.layout.map_box
        self.map_axes = self.figure.add_axes(
            (left / self.width, 1 - bottom / self.height, (right - left) / self.width, (bottom - top) / self.height)
        )
        axes = self.map_axes
        region = self.inputs.region
        x0, y0, x1, y1 = _fitted_extent(region, right - left, bottom - top)
        axes.set_xlim(x0, x1)
        axes.set_ylim(y0, y1)
        axes.set_facecolor("none")
        axes.set_xticks([])
        axes.set_yticks([])
        for spine in axes.spines.values():
            spine.set_visible(False)
        # The frame is the view where it holds map data: past the region's window (the world's outline)
        # the page shows, so a cut never reads as a coast. Land and markers are clipped to it.
        self._frame = frame = PathPatch(_polygon_path(_region_outline(region).intersection(shapely.box(x0, y0, x1, y1))),
                          facecolor=SEA, edgecolor=FRAME_EDGE, linewidth=self.unit, zorder=0)
        axes.add_patch(frame)
        countries = self.inputs.countries
        # Clipped to a little more than the view: an SVG or PDF then carries no hidden continents.
        pad = 0.02 * (x1 - x0)
        clipped = shapely.clip_by_rect(countries.geometry.to_numpy(), x0 - pad, y0 - pad, x1 + pad, y1 + pad)
        visible = ~shapely.is_empty(clipped)
        self._shape_codes = self.inputs.codes
        self._drawn_codes = [code for code, keep in zip(countries["iso3"], visible, strict=True) if keep]
        # The grey outline marks a shape the dataset says nothing about, as the browser's map does: a territory
        # (drawn in its sovereign's status) or an entity that cannot join is covered, so Greenland's long,
        # fjorded coast is not ringed in grey.
        not_covered = self._never_covered()
        self._countries = PathCollection(
            [_polygon_path(geometry) for geometry in clipped[visible]],
            edgecolors=[NOT_COVERED_BORDER if code in not_covered else BORDER_COLOUR for code in self._drawn_codes],
            linewidths=0.8 * self.unit,
            facecolors=COLOURS[NOT_COVERED],
            antialiased=True,
        )
        axes.add_collection(self._countries, autolim=False)
        if not_covered.isdisjoint(self._drawn_codes):
            self._legend = [category for category in self._legend if category.key != NOT_COVERED]
        self._countries.set_clip_path(frame)
        points = self.inputs.microstates
        self._marker_codes = list(points["iso3"])
        marker_points = 2 * MARKER_RADIUS_PX * self.unit * 72 / PIXELS_PER_INCH
        self._markers = axes.scatter(
            points.geometry.x, points.geometry.y, s=marker_points**2, facecolors=COLOURS[NOT_COVERED],
            edgecolors=MARKER_EDGE, linewidths=1.2 * self.unit, zorder=3,
        )
        self._markers.set_clip_path(frame)

    def _never_covered(self) -> frozenset[str]:
        """The shapes drawn as "not covered" (no dataset entry, no sovereign in it, not an entity that cannot join):
        the same on every date, so read on the dataset's as-of date."""
        inputs = self.inputs
        day = inputs.dataset.as_of
        keys = status_keys(self._shape_codes, statuses_on(inputs.timelines, day), inputs.dependencies, day)
        return frozenset(code for code, key in keys.items() if key == NOT_COVERED)

    def _draw_overlay(self) -> None:
        """Texts and legend on an axes in image pixels (y down), drawn over the map."""
        overlay = self.figure.add_axes((0, 0, 1, 1), zorder=5)
        overlay.set_xlim(0, self.width)
        overlay.set_ylim(self.height, 0)
        overlay.set_axis_off()
        self.overlay = overlay
        margin = self._px(MARGIN)
        # parse_math=False: a '$' in a state's name is text, never TeX.
        text = dict(parse_math=False, color=INK, va="top", ha="left")
        self._title = overlay.text(margin, margin, "", fontproperties=self._props("title"), **text)
        self._sentence = overlay.text(
            margin, margin + self._line_height("title"), "", fontproperties=self._props("sentence"),
            linespacing=LINE_SPACING, **text,
        )
        overlay.text(
            margin, self.layout.footer_bottom, "\n".join(self._footer_lines), fontproperties=self._props("footer"),
            linespacing=LINE_SPACING, parse_math=False, color=MUTED, va="bottom", ha="left",
        )
        self._counts = self._draw_legend(overlay)

    def _draw_legend(self, overlay) -> dict[str, object]:
        """Swatches and labels drawn once, for the statuses the treaty's history shows; only the counts change per date."""
        left, top = self.layout.legend_origin
        row = self._px(LEGEND_ROW)
        swatch_width, swatch_height = self._px(SWATCH[0]), self._px(SWATCH[1])
        # Dated, so the image keeps its date under a briefer's own title.
        self._legend_title = overlay.text(left, top, "", fontproperties=self._props("legend_title"), color=INK, va="top")
        rows_per_column = math.ceil(len(self._legend) / self.layout.legend_columns)
        # Counts end short of the next column's swatches, so a number never reads as the next row's.
        count_right = self.layout.legend_column_width - self._px(8 if self.layout.legend_columns == 1 else 40)
        size, bold = self._fonts["legend"]
        room = count_right - swatch_width - self._px(12) - _text_width("000", size, bold) - self._px(10)  # for a label
        counts = {}
        for index, category in enumerate(self._legend):
            column, line = divmod(index, rows_per_column)
            x = left + column * self.layout.legend_column_width
            middle = top + row * 1.1 + line * row + row / 2
            edge = NOT_COVERED_BORDER if category.key == NOT_COVERED else "#555555"
            overlay.add_patch(Rectangle((x, middle - swatch_height / 2), swatch_width, swatch_height,
                                        facecolor=category.colour, edgecolor=edge, linewidth=0.8 * self.unit))
            overlay.text(x + swatch_width + self._px(12), middle, category.label, fontproperties=_font(*self._label_font(category.label, room)),
                         color=INK, va="center_baseline")
            counts[category.key] = overlay.text(
                x + count_right, middle, "", fontproperties=self._props("legend"),
                color=INK, va="center_baseline", ha="right",
            )
        return counts

    def _label_font(self, label: str, room: float) -> tuple[float, bool]:
        """The legend's type, smaller for a label longer than its row's room before the count (down to the footer's
        size): two columns in a square image leave "Cannot join: not recognised as a State able to sign" too little."""
        size, bold = self._fonts["legend"]
        width = _text_width(label, size, bold)
        return (max(size * room / width, self._fonts["footer"][0]) if width > room else size), bold

    # ---- per date ---------------------------------------------------------------------------------
    def show(self, day: date, heading: Heading = Heading(), highlight: frozenset[str] = frozenset(),
             callouts: tuple[Callout, ...] = ()) -> None:
        """Restyle the figure for `day`: fills, marker colours, title, sentence (or subtitle) and legend;
        `highlight`ed states outlined and the others muted; `callouts` boxed beside their anchors."""
        inputs = self.inputs
        keys = status_keys(self._shape_codes, statuses_on(inputs.timelines, day), inputs.dependencies, day)
        self._countries.set_facecolor([fill(keys[code], code, highlight) for code in self._drawn_codes])
        self._markers.set_facecolor([fill(keys[code], code, highlight) for code in self._marker_codes])
        title, title_px = self._fitted_title(heading.title_for(inputs.dataset, day))
        self._title.set_text(title)
        self._title.set_fontsize(title_px * 72 / PIXELS_PER_INCH)
        sentence = heading.subtitle_for(inputs.timelines, day, inputs.region)
        width = self.width - 2 * self._px(MARGIN)
        self._sentence.set_text("\n".join(_wrap(sentence, self._fonts["sentence"], width, SENTENCE_LINES)))
        self._legend_title.set_text(f"Status on {long_date(day)}")
        # States, as the app's legend counts them: a territory is drawn in its sovereign's colour, not counted.
        tally = {category.key: 0 for category in CATEGORIES}
        for code, key in keys.items():
            if code not in inputs.dependencies.sovereign_of:
                tally[key] += 1
        for key, text in self._counts.items():
            text.set_text(str(tally[key]))
        self._clear_story()
        self._draw_story(highlight, callouts)

    # ---- highlight and callouts -----------------------------------------------------------------
    def _clear_story(self) -> None:
        """Take away the previous date's outlines and callouts."""
        for artist in self._story_artists:
            artist.remove()
        self._story_artists = []

    def _draw_story(self, highlight: frozenset[str], callouts: tuple[Callout, ...]) -> None:
        """Outlines (SVG ids highlight-ISO3) and callouts (callout-N) on the map."""
        countries = self.inputs.countries
        shapes = dict(zip(countries["iso3"], countries.geometry, strict=True))
        for code in sorted(highlight & shapes.keys()):
            outline = PathPatch(_polygon_path(shapes[code]), facecolor="none", edgecolor=INK,
                                linewidth=HIGHLIGHT_WIDTH_PX * self.unit, joinstyle="round", zorder=4, gid=f"highlight-{code}")
            self.map_axes.add_patch(outline)
            outline.set_clip_path(self._frame)
            self._story_artists.append(outline)
        if callouts:
            self._draw_callouts(callouts, [shapes[code] for code in sorted(highlight & shapes.keys())], shapes)

    def _image_px(self, x: float, y: float) -> tuple[float, float]:
        """A point in the map's projection as overlay pixels (scale 1, y down)."""
        column, from_bottom = self.map_axes.transData.transform((x, y))
        return column / self.scale, self.height - from_bottom / self.scale

    def _draw_callouts(self, callouts: tuple[Callout, ...], highlighted: list, shapes: dict) -> None:
        font = (CALLOUT_PX * self.unit, False)
        pad, line = self._px(CALLOUT_PAD), font[0] * LINE_SPACING
        anchors, texts, sizes = [], [], []
        for callout in callouts:
            if callout.state is not None:
                if callout.state not in shapes:
                    continue  # a state the geometry does not have: nothing to point at
                x0, x1 = self.map_axes.get_xlim()
                y0, y1 = self.map_axes.get_ylim()
                point = label_point(shapes[callout.state], (x0, y0, x1, y1))
                anchors.append(self._image_px(point.x, point.y))
            else:
                lat, lon = callout.at
                anchors.append(self._image_px(*_to_map_crs(self.inputs.region.equal_area_crs).transform(lon, lat)))
            lines = wrap_callout(callout.text)
            texts.append(lines)
            sizes.append((max(_text_width(text, *font) for text in lines) + 2 * pad, len(lines) * line + 2 * pad))
        avoid = []
        for shape in highlighted:
            for west, south, east, north in part_boxes(shape):
                (left, bottom), (right, top) = self._image_px(west, south), self._image_px(east, north)
                avoid.append((left, top, right, bottom))
        placed = place_callouts(anchors, sizes, avoid, self.layout.map_box, self._px(CALLOUT_GAP))
        for number, (spot, lines) in enumerate(zip(placed, texts, strict=True), start=1):
            left, top, right, bottom = spot.box
            (x, y), (end_x, end_y) = spot.anchor, spot.leader_end
            leader = Line2D([x, end_x], [y, end_y], color=INK, linewidth=1.5 * self.unit, zorder=6, gid=f"callout-{number}-leader")
            dot = Line2D([x], [y], marker="o", markersize=5 * self.unit, color=INK, zorder=6, gid=f"callout-{number}-anchor")
            box = Rectangle((left, top), right - left, bottom - top, facecolor=CALLOUT_PANEL, edgecolor=INK,
                            linewidth=1.2 * self.unit, zorder=7, gid=f"callout-{number}-box")
            text = self.overlay.text(left + pad, top + pad, "\n".join(lines), fontproperties=_font(*font), color=INK,
                                     linespacing=LINE_SPACING, va="top", ha="left", parse_math=False, zorder=8,
                                     gid=f"callout-{number}-text")
            for artist in (leader, dot, box):
                self.overlay.add_artist(artist)
            self._story_artists += [leader, dot, box, text]

    def render(self, day: date, fmt: str = "png", transparent: bool = False, heading: Heading = Heading(),
               highlight: frozenset[str] = frozenset(), callouts: tuple[Callout, ...] = ()) -> bytes:
        if fmt not in _METADATA:
            raise ValueError(f"unknown format '{fmt}': use one of {', '.join(_METADATA)}")
        self.show(day, heading, highlight, callouts)
        return self._save(fmt, transparent, heading.title_for(self.inputs.dataset, day), self.alt_text(day, highlight, callouts))

    def _save(self, fmt: str, transparent: bool, title: str, description: str) -> bytes:
        """The figure as it stands, as a PNG, SVG or PDF named `title` and described by `description`."""
        self._frame.set_facecolor("none" if transparent else SEA)  # transparent: the sea is background too
        buffer = io.BytesIO()
        metadata = {**_METADATA[fmt], "Title": title, **({"Subject": description} if fmt == "pdf" else {})}
        with _SAVE_LOCK, mpl.rc_context(_SAVE_RC):
            self.figure.savefig(buffer, format=fmt, dpi="figure", transparent=transparent, metadata=metadata)
        if fmt == "svg":
            return _with_svg_title(buffer.getvalue(), title, description)
        if fmt == "pdf":
            return _with_pdf_language(buffer.getvalue())
        return buffer.getvalue()

    def alt_text(self, day: date, highlight: frozenset[str] = frozenset(), callouts: tuple[Callout, ...] = ()) -> str:
        """What the picture shows, in words: for the SVG's <desc>, the PDF's subject, PowerPoint's alt text;
        then which states are outlined and what the callouts say."""
        names = dict(zip(self.inputs.countries["iso3"], self.inputs.countries["name"], strict=True))
        return " ".join([alt_text(self.inputs.dataset, self.inputs.timelines, day, self.inputs.region), *describe_story(highlight, callouts, names)])

    def rgb(self, day: date, heading: Heading = Heading(), highlight: frozenset[str] = frozenset(),
            callouts: tuple[Callout, ...] = ()) -> np.ndarray:
        """The frame for `day` as an H x W x 3 array, without encoding a file (for animations)."""
        self.show(day, heading, highlight, callouts)
        return self.pixels()

    def pixels(self) -> np.ndarray:
        """The figure as it is now shown, as an H x W x 3 array."""
        self.canvas.draw()
        return np.asarray(self.canvas.buffer_rgba())[:, :, :3].copy()

    def pixel_at(self, lon: float, lat: float) -> tuple[int, int]:
        """(column, row) of the image pixel that shows `lon`, `lat`: the plot's own transform."""
        x, y = _to_map_crs(self.inputs.region.equal_area_crs).transform(lon, lat)
        column, from_bottom = self.map_axes.transData.transform((x, y))
        return int(column), int(self.height * self.scale - from_bottom)


def muted(colour: str) -> str:
    """`colour` faded towards white (MUTED_SHARE of it kept): a state that is not highlighted."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * MUTED_SHARE + 255 * (1 - MUTED_SHARE)):02X}" for c in (red, green, blue))


def fill(key: str, code: str, highlight: frozenset[str]) -> str:
    """A shape's fill: its status colour, muted when other states are highlighted."""
    return muted(COLOURS[key]) if highlight and code not in highlight else COLOURS[key]


def _with_svg_title(svg: bytes, title: str, description: str) -> bytes:
    """A <title> and <desc> first inside <svg>: screen readers and browsers read them as the picture's name
    and description (matplotlib writes the title only as Dublin Core metadata)."""
    text = svg.decode("utf-8")
    start = re.search(r"<svg\b[^>]*>", text)
    named = f'{start.group(0)[:-1]} role="img" aria-labelledby="tm-title tm-desc">'
    parts = f'<title id="tm-title">{escape(title)}</title><desc id="tm-desc">{escape(description)}</desc>'
    return (text[: start.start()] + named + parts + text[start.end():]).encode("utf-8")


def _with_pdf_language(pdf: bytes, language: str = "en") -> bytes:
    """The document's language in its catalog (/Lang), which matplotlib does not write, with the
    cross-reference table's offsets moved past the insertion so the file stays valid."""
    catalog = pdf.index(b"/Type /Catalog")
    insert = f"/Lang ({language}) ".encode()
    moved = pdf[:catalog] + insert + pdf[catalog:]
    shift = len(insert)

    def offset(match: re.Match) -> bytes:
        value = int(match.group(1))
        return b"%010d" % (value + shift if value > catalog else value) + match.group(2)

    xref = moved.rindex(b"\nxref\n")
    table_end = moved.index(b"trailer", xref)
    table = re.sub(rb"(\d{10})( \d{5} n)", offset, moved[xref:table_end])
    tail = re.sub(rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) + shift), moved[table_end:])
    return moved[:xref] + table + tail


def render_snapshot(
    inputs: SnapshotInputs,
    day: date,
    size: tuple[int, int] = SIZE_PRESETS["16:9"],
    scale: float = 1,
    fmt: str = "png",
    transparent: bool = False,
    *,
    highlight: frozenset[str] = frozenset(),
    callouts: tuple[Callout, ...] = (),
) -> bytes:
    """One image of the map on `day`. For many dates, keep one SnapshotRenderer instead."""
    return SnapshotRenderer(inputs, size, scale).render(day, fmt, transparent, highlight=highlight, callouts=callouts)
