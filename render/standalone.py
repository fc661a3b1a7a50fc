"""One HTML file that is the interactive map, offline: Leaflet, the geometry, the treaty's history of
colours and the per-state records are all inside it, so it opens from a USB stick with no network.

Packed to stay small enough to email (budget 1.5 MB, benchmarks/README.md; the world's Mine Ban page was 2.0 MB):
the countries' rings as polyline strings of whole grid steps (`packed_geometry`, decoded exactly and at once by
standalone_geometry.js: a quarter of the GeoJSON), the history, sentences and records as gzip in base64 (a tenth
of their JSON), unpacked by the browser's own DecompressionStream (standalone_timeline.js).

The page holds the same history of colours as the app's map (`render.payload.history_payload`) and
the same timeline (timeline_controller.js, drawn by timeline_bar.js): it steps by day, jumps between
changes and plays as the app does. The sentence of each change date (and of the opening day) is
written here, in Python, by the same engine as the app.
"""
from __future__ import annotations

import base64
import gzip
import html
import json
import re
from datetime import date
from pathlib import Path

import folium
import geopandas as gpd
import xstatic.pkg.leaflet as leaflet_package
from branca.element import Element, MacroElement
from folium.features import GeoJsonStyleMapper
from jinja2 import Template

from geo.regions import DEFAULT_REGION, Region, scope_of
from render.callouts import story_payload
from render.captions import as_of_line, attribution_line, sources_line, title_on
from render.folium_map import STATIC, build_map, render_html
from render.scripts import SHARED_SCRIPTS
from render.payload import details_payload, history_payload, palette_payload
from geo.countries import moved_east_of, sovereigns
from storyboard.model import Callout
from treaty.model import Dataset
from treaty.narrative import describe_day
from treaty.status import StateHistory, change_dates, compile_timelines, track_last
from treaty.territories import dependencies

LEAFLET_DIR = Path(leaflet_package.BASE_DIR)
# After the map, in order: the scripts shared with the app's map, then this page's part of the timeline.
TIMELINE_SCRIPTS = (*SHARED_SCRIPTS, STATIC / "standalone_timeline.js")
GEOMETRY_SCRIPT = STATIC / "standalone_geometry.js"
# The committed geometry's vertices lie on a grid of 0.001° (geo/build.py COORD_DECIMALS): whole steps of it.
GRID_STEPS_PER_DEGREE = 1000

TEXT_VERSION = '<details id="tm-text-version"><summary>Text version of the map</summary><div class="tm-text-body"></div></details>'
PAGE_STYLE = """
body { display: flex; flex-direction: column; min-height: 100vh; font: 15px/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1A1A1A; }
.folium-map { flex: none; height: calc(100vh - var(--tm-head-height, 0px)) !important; min-height: 240px; }
#tm-bar { order: -1; flex: none; padding: 10px 16px 8px; background: #FFFFFF; border-bottom: 1px solid #C8D2DA; }
#tm-title { margin: 0; font-size: 24px; }
#tm-sentence { margin: 4px 0 8px; font-size: 16px; min-height: 2.7em; }
#tm-meta { flex: none; margin: 0; padding: 6px 16px; color: #555; font-size: 13px; }
#tm-text-version { flex: none; max-height: 40vh; overflow: auto; padding: 6px 16px; border-top: 1px solid #C8D2DA; }
#tm-text-version summary { min-height: 24px; cursor: pointer; }
#tm-unpack-error { margin: 0 0 8px; padding: 8px 12px; border: 2px solid currentColor; font-weight: 600; }
"""


class _CountriesFromPackedBlock(MacroElement):
    """Fills the countries' layer, which folium makes empty here, from the page's #tm-geometry block, right after
    the layer is made: synchronously, so the shapes are there when the map's scripts start, and in the same order
    as folium's own data (the microstates' markers, added next, are drawn over them)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.addData(
            window.TreatyOfflineGeometry.decode(JSON.parse(document.getElementById("tm-geometry").textContent)));
        {% endmacro %}
        """
    )

    def __init__(self, layer: folium.GeoJson):
        super().__init__()
        self.layer = layer


def _polyline(ring: list[list[float]], iso3: str) -> str:
    """A ring in the Encoded Polyline Algorithm: the differences between successive vertices in whole grid steps,
    zigzag-signed, five bits a character (ASCII 63-126), x before y as in GeoJSON."""
    characters = []
    previous = (0, 0)
    for vertex in ring:
        steps = tuple(round(value * GRID_STEPS_PER_DEGREE) for value in vertex)
        if any(step / GRID_STEPS_PER_DEGREE != value for step, value in zip(steps, vertex, strict=True)):
            raise ValueError(f"{iso3}: vertex {vertex} is not on the geometry's grid of {1 / GRID_STEPS_PER_DEGREE}°")
        for delta in (steps[0] - previous[0], steps[1] - previous[1]):
            value = ~(delta << 1) if delta < 0 else delta << 1
            while value >= 0x20:
                characters.append(chr((0x20 | (value & 0x1F)) + 63))
                value >>= 5
            characters.append(chr(value + 63))
        previous = steps
    return "".join(characters)


def _packed_coordinates(value: list, iso3: str) -> list | str:
    """A Polygon's or MultiPolygon's coordinates with each ring (a list of [x, y]) as a polyline string."""
    if isinstance(value[0][0], (int, float)):
        return _polyline(value, iso3)
    return [_packed_coordinates(item, iso3) for item in value]


def packed_geometry(collection: dict) -> dict:
    """The countries' GeoJSON as standalone_geometry.js decodes it: each feature's id, properties and geometry
    type as they are, each ring a polyline string of grid steps (the same coordinates, a quarter of the bytes);
    the bounding boxes, which Leaflet does not read, are left out."""
    return {
        "steps_per_degree": GRID_STEPS_PER_DEGREE,
        "features": [
            {
                "id": feature["id"],
                "properties": feature["properties"],
                "geometry": {
                    "type": feature["geometry"]["type"],
                    "coordinates": _packed_coordinates(feature["geometry"]["coordinates"], feature["properties"]["iso3"]),
                },
            }
            for feature in collection["features"]
        ],
    }


def _take_countries(world: folium.Map) -> tuple[folium.GeoJson, dict]:
    """The countries' layer and its GeoJSON, taken out of it (the page carries it packed). The layer's style is
    worked out from the features first, as folium does when it renders them (it cannot without features)."""
    layer = next(child for child in world._children.values() if isinstance(child, folium.GeoJson) and child.layer_name == "countries")
    layer.style_map = GeoJsonStyleMapper(layer.data, layer.feature_identifier, layer).get_style_map(layer.style_function)
    collection, layer.data = layer.data, {"type": "FeatureCollection", "features": []}
    return layer, collection


def _packed_block(element_id: str, value) -> str:
    """`value` as JSON, gzip-compressed (with a fixed time stamp: the same data make the same file) and base64-encoded,
    in an inert <script> element that standalone_timeline.js unpacks."""
    packed = gzip.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), compresslevel=9, mtime=0)
    return f'<script type="application/gzip" data-encoding="base64" id="{element_id}">{base64.b64encode(packed).decode("ascii")}</script>'


def _verbatim(text: str) -> Element:
    """An element that writes `text` as it is: branca reads an Element's own text as a Jinja template, and a
    polyline string may hold "{{"."""
    element = Element("{{ this.text }}")
    element.text = text
    return element


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


def _sentences(compiled: tuple[StateHistory, ...], initial_day: date, region: Region) -> dict[str, str]:
    """What happens on each change date, and on the day the page opens on."""
    scope = scope_of(region)
    return {day.isoformat(): describe_day(compiled, day, scope) for day in sorted({*change_dates(compiled), initial_day})}


def _bar(dataset: Dataset, geometry_metadata: dict, initial_day: date, sentence: str) -> str:
    """The title, the date's sentence, a place for the timeline (timeline_bar.js) and the data's provenance, as HTML.
    The page (standalone_timeline.js) moves the provenance under the map: title, sentence, timeline and map fill the window."""
    text = html.escape
    return f"""
<div id="tm-bar">
  <h1 id="tm-title">{text(title_on(dataset, initial_day))}</h1>
  <p id="tm-sentence">{text(sentence)}</p>
  <div id="tm-controls"></div>
  <div id="tm-meta">{text(as_of_line(dataset))}. {text(sources_line(dataset))}. {text(attribution_line(geometry_metadata))}.</div>
</div>"""


def standalone_html(
    dataset: Dataset,
    countries: gpd.GeoDataFrame,
    microstates: gpd.GeoDataFrame,
    geometry_metadata: dict,
    initial_day: date | None = None,
    compiled: tuple[StateHistory, ...] | None = None,
    *,
    highlight: frozenset[str] = frozenset(),
    callouts: tuple[Callout, ...] = (),
    region: Region = DEFAULT_REGION,
) -> str:
    """The whole interactive map as one offline HTML document, opening on `initial_day` (default: as-of),
    with `highlight`ed states outlined (the others muted) and `callouts` drawn on every date, on `region`'s view
    with its figures in the sentences."""
    compiled = compiled if compiled is not None else compile_timelines(dataset)
    initial_day = initial_day or dataset.as_of
    shape_codes = tuple(countries["iso3"])
    territories = dependencies(dataset, sovereigns(countries))
    sentences = _sentences(compiled, initial_day, region)
    page = {
        "title": dataset.treaty.short_name,  # the legend's heading, as in the app
        "attribution": attribution_line(geometry_metadata),
        **palette_payload(),  # the same for every date: sent once
        "codes": list(shape_codes),
        "territories": sorted(territories.sovereign_of),  # drawn, not counted in the legend
        "history": history_payload(compiled, shape_codes, territories),
        "first": dataset.treaty.adopted.isoformat(),
        "last": track_last(dataset.treaty.adopted, change_dates(compiled), initial_day).isoformat(),
        "initial": initial_day.isoformat(),
        "sentences": sentences,
        "story": story_payload(highlight, callouts, dict(zip(shape_codes, countries.geometry, strict=True)), region.view_fit, region.map_west),
        "fit": [list(corner) for corner in region.view_fit],  # where the map opens
        "region": region.id,  # the timeline steps through its changes (history's stops)
    }
    if region.map_west is not None:  # a view across 180°: the page is drawn for this region alone, so the shapes are placed here
        countries, microstates = moved_east_of(countries, region.map_west), moved_east_of(microstates, region.map_west)

    world = build_map(countries, microstates, leaflet_js="", leaflet_css="", region=region)
    world.default_js, world.default_css = [], []  # Leaflet goes inline below, not as links
    countries_layer, countries_geojson = _take_countries(world)
    # The layer's child: its script comes right after the layer's, before the microstates' markers, drawn above.
    countries_layer.add_child(_CountriesFromPackedBlock(countries_layer))
    root = world.get_root()
    root.header.add_child(Element(f"<title>{html.escape(title_on(dataset, initial_day))}</title>"), name="tm_title")
    root.header.add_child(Element(f"<style>{_leaflet_css()}</style>"), name="leaflet_css")
    root.header.add_child(Element(f"<script>{(LEAFLET_DIR / 'leaflet.js').read_text(encoding='utf-8')}</script>"), name="leaflet_js")
    root.header.add_child(Element(f"<style>{PAGE_STYLE}</style>"), name="tm_style")
    root.html.add_child(Element(_bar(dataset, geometry_metadata, initial_day, sentences[page["initial"]])), name="tm_bar")
    root.html.add_child(Element(_packed_block("tm-page", page)), name="tm_page")
    root.html.add_child(Element(_packed_block("tm-details", details_payload(dataset, territories, dict(zip(shape_codes, countries["name"]))))), name="tm_details")
    # Before the map's script, which decodes it into the countries' layer as soon as the layer exists.
    root.html.add_child(
        _verbatim(f'<script type="application/json" id="tm-geometry">{_json_for_script(packed_geometry(countries_geojson))}</script>'), name="tm_geometry"
    )
    root.html.add_child(Element(f"<script>{GEOMETRY_SCRIPT.read_text(encoding='utf-8')}</script>"), name="tm_geometry_decoder")
    # The map as text for the date on screen, right after the map (written by map_keyboard.js).
    root.html.add_child(Element(TEXT_VERSION), name="tm_text_version")
    for index, script in enumerate(TIMELINE_SCRIPTS):
        root.html.add_child(Element(f"<script>{script.read_text(encoding='utf-8')}</script>"), name=f"tm_timeline_{index}")
    return render_html(world)
