"""One HTML file that is the interactive map, offline: Leaflet, the geometry, every change date's colours
and the per-state records are all inside it, so it opens from a USB stick with no network.

The status of each date is computed here, in Python, by the same engine as the app
(`render.payload.date_payload`); the page's timeline only chooses which precomputed frame to show.
"""
from __future__ import annotations

import base64
import html
import json
import re
from datetime import date
from pathlib import Path

import geopandas as gpd
import xstatic.pkg.leaflet as leaflet_package
from branca.element import Element

from render.captions import as_of_line, attribution_line, sources_line, title_on
from render.folium_map import STATIC, build_map, render_html
from render.payload import date_payload, details_payload, palette_payload
from treaty.model import Dataset
from treaty.narrative import describe_day
from treaty.status import Timeline, change_dates, statuses_on, timelines

LEAFLET_DIR = Path(leaflet_package.BASE_DIR)
TIMELINE_SCRIPT = STATIC / "standalone_timeline.js"

PAGE_STYLE = """
body { display: flex; flex-direction: column; height: 100vh; font: 15px/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1A1A1A; }
.folium-map { flex: 1 1 auto; height: auto !important; min-height: 0; }
#tm-bar { order: -1; flex: none; padding: 10px 16px 8px; background: #FFFFFF; border-bottom: 1px solid #C8D2DA; }
#tm-title { margin: 0; font-size: 24px; }
#tm-sentence { margin: 4px 0 8px; font-size: 16px; min-height: 2.7em; }
#tm-controls { display: flex; align-items: center; gap: 8px; }
#tm-controls button { font: inherit; padding: 4px 12px; min-width: 44px; cursor: pointer; }
#tm-range { flex: 1; min-width: 120px; }
#tm-date { min-width: 11em; font-weight: 600; font-variant-numeric: tabular-nums; }
#tm-position { color: #555; font-variant-numeric: tabular-nums; }
#tm-meta { margin-top: 6px; color: #555; font-size: 13px; }
"""


def _json_for_script(value) -> str:
    """JSON that cannot end its <script> element early: '<', '>' and '&' are written as escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _leaflet_css() -> str:
    """Leaflet's stylesheet with its images as data: addresses, so nothing is fetched, even relatively."""

    def inline(match: re.Match) -> str:
        image = LEAFLET_DIR / match.group(1)
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8"))


def _timeline_days(compiled: tuple[Timeline, ...], initial_day: date) -> list[date]:
    """Every change date, plus the day the page opens on if it is not one."""
    return sorted(set(change_dates(compiled)) | {initial_day})


def _frame(dataset: Dataset, compiled: tuple[Timeline, ...], shape_codes: tuple[str, ...], day: date) -> dict:
    payload = date_payload(statuses_on(compiled, day), shape_codes, day)
    return {**payload, "heading": title_on(dataset, day), "sentence": describe_day(compiled, day)}


def _bar(dataset: Dataset, geometry_metadata: dict, opening_frame: dict, frame_count: int) -> str:
    """The title, the date's sentence, the timeline controls and the data's provenance, as HTML."""
    text = html.escape
    return f"""
<div id="tm-bar">
  <h1 id="tm-title">{text(opening_frame["heading"])}</h1>
  <p id="tm-sentence" aria-live="polite">{text(opening_frame["sentence"])}</p>
  <div id="tm-controls">
    <button type="button" id="tm-prev" title="Previous change date (Left arrow)" aria-label="Previous change date">&#9664;</button>
    <button type="button" id="tm-play" title="Play through the change dates (Space)">Play</button>
    <button type="button" id="tm-next" title="Next change date (Right arrow)" aria-label="Next change date">&#9654;</button>
    <input type="range" id="tm-range" min="0" max="{frame_count - 1}" step="1" value="0" aria-label="Change date">
    <output id="tm-date" for="tm-range">{text(opening_frame["date_label"])}</output>
    <span id="tm-position"></span>
  </div>
  <div id="tm-meta">{text(as_of_line(dataset))}. {text(sources_line(dataset))}. {text(attribution_line(geometry_metadata))}.</div>
</div>"""


def standalone_html(
    dataset: Dataset,
    countries: gpd.GeoDataFrame,
    microstates: gpd.GeoDataFrame,
    geometry_metadata: dict,
    initial_day: date | None = None,
    compiled: tuple[Timeline, ...] | None = None,
) -> str:
    """The whole interactive map as one offline HTML document, opening on `initial_day` (default: as-of)."""
    compiled = compiled if compiled is not None else timelines(dataset)
    initial_day = initial_day or dataset.as_of
    shape_codes = tuple(countries["iso3"])
    days = _timeline_days(compiled, initial_day)
    frames = [_frame(dataset, compiled, shape_codes, day) for day in days]
    page = {
        "title": dataset.treaty.short_name,  # the legend's heading, as in the app
        "attribution": attribution_line(geometry_metadata),
        **palette_payload(),  # the same for every date: sent once, beside the frames
        "frames": frames,
        "initial": days.index(initial_day),
    }

    world = build_map(countries, microstates, leaflet_js="", leaflet_css="")
    world.default_js, world.default_css = [], []  # Leaflet goes inline below, not as links
    root = world.get_root()
    root.header.add_child(Element(f"<title>{html.escape(title_on(dataset, initial_day))}</title>"), name="tm_title")
    root.header.add_child(Element(f"<style>{_leaflet_css()}</style>"), name="leaflet_css")
    root.header.add_child(Element(f"<script>{(LEAFLET_DIR / 'leaflet.js').read_text(encoding='utf-8')}</script>"), name="leaflet_js")
    root.header.add_child(Element(f"<style>{PAGE_STYLE}</style>"), name="tm_style")
    root.html.add_child(Element(_bar(dataset, geometry_metadata, frames[page["initial"]], len(frames))), name="tm_bar")
    root.html.add_child(Element(f'<script type="application/json" id="tm-page">{_json_for_script(page)}</script>'), name="tm_page")
    root.html.add_child(
        Element(f'<script type="application/json" id="tm-details">{_json_for_script(details_payload(dataset))}</script>'),
        name="tm_details",
    )
    root.html.add_child(Element(f"<script>{TIMELINE_SCRIPT.read_text(encoding='utf-8')}</script>"), name="tm_timeline")
    return render_html(world)
