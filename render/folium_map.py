"""The interactive map, built with folium: geometry drawn once, then restyled in the browser.

The document folium renders holds the country shapes and microstate markers with a neutral style.
`treaty_map.js` (beside this module) colours them from a small per-date payload, so moving the date
never rebuilds or re-sends the geometry.
"""
from __future__ import annotations

import re

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.regions import DEFAULT_REGION, Region
from render.palette import BORDER_COLOUR, COLOURS, NOT_COVERED_BORDER
from render.scripts import STATIC
from treaty.statuses import NOT_COVERED

MAP_SCRIPT = STATIC / "treaty_map.js"


class _ExposeLayers(MacroElement):
    """Registers the map and its layers under known names, for treaty_map.js."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.treatyMapLayers = {
            map: {{ this._parent.get_name() }},
            countries: {{ this.countries.get_name() }},
            microstates: {{ this.microstates.get_name() }}
        };
        {% endmacro %}
        """
    )

    def __init__(self, countries: folium.GeoJson, microstates: folium.GeoJson):
        super().__init__()
        self.countries = countries
        self.microstates = microstates


# Folium writes the geometry with Jinja's tojson: without spaces after separators the world's shapes are
# about a tenth smaller (the map document the browser parses, the offline HTML).
folium.GeoJson._template.environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}


def _neutral_style(_feature) -> dict:
    return {"fillColor": COLOURS[NOT_COVERED], "color": NOT_COVERED_BORDER, "weight": 0.6, "fillOpacity": 1.0}


def build_map(
    countries: gpd.GeoDataFrame, microstates: gpd.GeoDataFrame, leaflet_js: str, leaflet_css: str, region: Region = DEFAULT_REGION
) -> folium.Map:
    """A folium map of `countries` (iso3, name, geometry) with a clickable marker per microstate, opening on `region`'s view.

    Only Leaflet is loaded, from the given addresses: folium's default CDN links (jQuery,
    Bootstrap, Font Awesome) are dropped, so the page works offline.
    """
    world = folium.Map(
        location=region.view_centre,
        zoom_start=region.view_zoom,
        tiles=None,
        min_zoom=2,  # the World region opens at zoom 2
        max_zoom=8,
        zoom_snap=0.25,
        control_scale=True,
        prefer_canvas=False,
        keyboard=False,  # the arrow keys step the date (the timeline); Leaflet would also pan with them
    )
    world.default_js = [("leaflet", leaflet_js)]
    world.default_css = [("leaflet_css", leaflet_css)]
    shapes = folium.GeoJson(
        countries[["iso3", "name", "geometry"]],
        name="countries",
        style_function=_neutral_style,
        smooth_factor=0.5,
    ).add_to(world)
    markers = folium.GeoJson(
        microstates[["iso3", "name", "geometry"]],
        name="microstates",
        marker=folium.CircleMarker(radius=6, weight=1.5, color=BORDER_COLOUR, fill=True, fill_opacity=1.0),
        style_function=_neutral_style,
    ).add_to(world)
    world.add_child(_ExposeLayers(shapes, markers))
    # A name before the scripts name it for the date (map_keyboard.js); the offline HTML puts its own here.
    world.get_root().header.add_child(Element("<title>Map of Europe</title>"), name="tm_title")
    world.get_root().html.add_child(Element(f"<script>{MAP_SCRIPT.read_text(encoding='utf-8')}</script>"))
    return world


# Folium's viewport tag forbids zooming on phones (WCAG 1.4.4): the page may be zoomed like any other.
_NO_ZOOM = re.compile(r",\s*maximum-scale=1\.0,\s*user-scalable=no")


def render_html(world: folium.Map) -> str:
    html = _NO_ZOOM.sub("", world.get_root().render())
    return html.replace("<html>", '<html lang="en">', 1)
