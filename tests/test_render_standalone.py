"""The offline HTML map: it loads nothing from outside, holds the app's history of colours, escapes the
dataset's strings, and really works in a browser (Debian's Chromium, with every outside request refused):
it steps by day and jumps between changes with the same keys and buttons as the app's timeline."""
from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from datetime import date
from functools import lru_cache

import folium
import pytest

from geo.countries import microstate_points
from geo.regions import REGIONS
from render.captions import as_of_line, title_on
from render.folium_map import MAP_SCRIPT
from render.payload import history_payload
from geo.build import COORD_DECIMALS
from render.standalone import GEOMETRY_SCRIPT, GRID_STEPS_PER_DEGREE, LEAFLET_DIR, TIMELINE_SCRIPTS, packed_geometry, standalone_html
from tests.expected_colours import STATUS_HEX
from tests.export_fixtures import (
    HOSTILE_NAME,
    HOSTILE_TREATY,
    PENDING_DAY,
    WITHDRAWN_DAY,
    embedded,
    hostile_dataset,
    real_data,
    tags_of,
)
from treaty.loader import load_dataset
from treaty.status import Status, change_dates

LOADING_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                      "video": "src", "audio": "src", "embed": "src", "object": "data"}


@lru_cache(maxsize=1)
def page_html() -> str:
    data = real_data()
    return standalone_html(
        data.inputs.dataset, data.countries, data.microstates, data.inputs.geometry_metadata, PENDING_DAY, data.inputs.timelines
    )


def test_the_page_loads_nothing_from_any_address():
    collected = tags_of(page_html())
    loads = [(tag, attrs[attribute]) for tag, attrs in collected.tags
             for attribute in [LOADING_ATTRIBUTES.get(tag)] if attribute and attrs.get(attribute)]
    assert loads == []  # Leaflet, its CSS and every script are inline
    styles = " ".join(collected.styles)
    assert "@import" not in styles
    assert re.findall(r"url\((?!data:|#default#VML)", styles) == []  # Leaflet's images are data: addresses


def test_leaflet_the_map_script_and_the_timeline_scripts_are_inline():
    html = page_html()
    for script in (LEAFLET_DIR / "leaflet.js", MAP_SCRIPT, *TIMELINE_SCRIPTS):
        assert f"<script>{script.read_text(encoding='utf-8')}</script>" in html, script.name


def test_the_history_and_the_records_are_gzip_blocks_and_only_the_geometry_is_plain_json():
    html = page_html()
    blocks = re.findall(r'<script type="(application/[a-z]+)"(?: data-encoding="base64")? id="(tm-[a-z]+)">', html)
    assert {name: kind for kind, name in blocks} == {
        "tm-page": "application/gzip", "tm-details": "application/gzip", "tm-geometry": "application/json"}
    for name in ("tm-page", "tm-details"):
        text = re.search(rf'id="{name}">(.*?)</script>', html, re.S).group(1)
        assert base64.b64decode(text, validate=True)[:3] == b"\x1f\x8b\x08", f"{name}: not gzip (deflate) in base64"
    assert '"coordinates":[[[' not in html, "the countries' coordinates are written out as JSON numbers again"


def test_each_ring_is_the_polyline_of_its_steps_on_the_grid():
    # Worked by hand from the Encoded Polyline Algorithm: (0.001, -0.002) is 1 and -2 steps, zigzag 2 and 3,
    # characters 63 + 2 = "A" and 63 + 3 = "B"; then (0.033, -0.002) is +32 steps, zigzag 64: low five bits 0 with
    # the continuation bit, 32 + 63 = "_", then 64 >> 5 = 2, "A"; and 0 steps in y, "?".
    square = {"features": [{"id": "0", "properties": {"iso3": "TST", "name": "Test"},
                            "geometry": {"type": "MultiPolygon", "coordinates": [[[[0.001, -0.002], [0.033, -0.002]]]]}}]}
    assert packed_geometry(square) == {"steps_per_degree": 1000, "features": [
        {"id": "0", "properties": {"iso3": "TST", "name": "Test"}, "geometry": {"type": "MultiPolygon", "coordinates": [["AB_A?"]]}}]}


def test_the_packing_grid_is_the_one_the_geometry_is_built_on():
    assert GRID_STEPS_PER_DEGREE == 10**COORD_DECIMALS == 1000


def test_a_vertex_off_the_grid_is_refused_naming_the_state():
    off = {"features": [{"id": "0", "properties": {"iso3": "TST", "name": "Test"},
                         "geometry": {"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0004, 0.0], [0.0, 1.0], [0.0, 0.0]]]}}]}
    with pytest.raises(ValueError, match=r"TST: vertex \[1\.0004, 0\.0\] is not on the geometry's grid"):
        packed_geometry(off)


def test_the_countries_block_decodes_in_node_to_exactly_the_geojson_the_page_held_before():
    """The page's own decoder (standalone_geometry.js) gives back every feature folium wrote into the page before
    it was packed: ids, names, geometry types and every coordinate, to the bit."""
    node = shutil.which("node")
    assert node, "Node.js is needed (Debian: apt-get install nodejs)"
    countries = real_data().countries[["iso3", "name", "geometry"]]
    before = folium.GeoJson(countries).data  # what build_map's layer wrote inline into the page
    decoder = f"process.stdout.write(JSON.stringify(require({json.dumps(str(GEOMETRY_SCRIPT))}).decode(JSON.parse(require('fs').readFileSync(0, 'utf8')))))"
    done = subprocess.run([node, "-e", decoder], input=json.dumps(embedded(page_html(), "tm-geometry")), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    decoded = json.loads(done.stdout)
    assert len(decoded["features"]) == len(countries) == 242
    assert decoded == {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": feature["id"], "properties": feature["properties"], "geometry": feature["geometry"]}
        for feature in before["features"]]}


def test_the_page_holds_the_apps_history_of_colours_and_the_track_of_the_apps_timeline():
    timelines = real_data().inputs.timelines
    page = embedded(page_html(), "tm-page")
    codes = tuple(real_data().countries["iso3"])
    assert page["codes"] == list(codes)
    assert page["history"] == history_payload(timelines, codes, real_data().inputs.dependencies)  # what the app's map fetches
    assert page["first"] == "1997-09-18"  # adopted in Oslo
    assert page["last"] == "2027-02-20"  # a year after Poland's withdrawal took effect, the last change
    assert page["initial"] == PENDING_DAY.isoformat()


def test_each_change_date_and_the_opening_day_have_the_engines_sentence():
    timelines = real_data().inputs.timelines
    sentences = embedded(page_html(), "tm-page")["sentences"]
    days = sorted({*change_dates(timelines), PENDING_DAY})
    assert list(sentences) == [day.isoformat() for day in days]
    assert sentences["2025-12-27"] == (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days. "
        "163 States Parties worldwide; in Europe 44 of 55 states are bound."
    )


def test_title_as_of_and_attribution_are_on_the_page():
    data = real_data()
    html = page_html()
    assert f'<h1 id="tm-title">{title_on(data.inputs.dataset, PENDING_DAY)}</h1>' in html
    assert as_of_line(data.inputs.dataset) in html
    assert "Made with Natural Earth" in html
    assert embedded(html, "tm-page")["attribution"].startswith("Made with Natural Earth")


def test_every_state_record_is_embedded_for_tooltips_and_popups():
    details = embedded(page_html(), "tm-details")
    states = {state.iso3 for state in real_data().inputs.dataset.states}
    # The Crown Dependencies are drawn on their own; the United Kingdom's extensions are recorded for them.
    assert states | {"GGY", "JEY", "IMN"} <= set(details)
    assert details["JEY"]["note"].startswith("Territory of the United Kingdom — the treaty applies from 3 April 2002 (extension)")
    assert details["LTU"]["facts"]


def test_hostile_dataset_strings_are_escaped_everywhere(tmp_path):
    dataset = load_dataset(hostile_dataset(tmp_path))
    countries = real_data().countries
    html = standalone_html(dataset, countries, microstate_points(countries), real_data().inputs.geometry_metadata, WITHDRAWN_DAY)
    assert "<script>alert(1)" not in html
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=&quot;alert(2)&quot;&gt;Mine Ban&lt;/b&gt; &amp; Co" in html  # in the title bar
    assert embedded(html, "tm-details")["LTU"]["name"] == HOSTILE_NAME  # intact as data, for textContent
    page = embedded(html, "tm-page")
    assert any(HOSTILE_NAME in sentence for sentence in page["sentences"].values())
    assert page["title"].startswith(HOSTILE_TREATY)  # intact as data: the heading is written with textContent


@lru_cache(maxsize=1)
def pacific_page_html() -> str:
    data = real_data("asia-pacific")
    return standalone_html(data.inputs.dataset, data.countries, data.microstates, data.inputs.geometry_metadata, WITHDRAWN_DAY,
                           data.inputs.timelines, region=REGIONS["asia-pacific"])


def open_offline(browser, tmp_path, address_suffix: str = "", html: str | None = None):
    """The page from a file, with every request beyond the file refused and recorded."""
    path = tmp_path / "map.html"
    path.write_text(html or page_html(), encoding="utf-8")
    outside, errors = [], []
    context = browser.new_context(viewport={"width": 1600, "height": 900})

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "about:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri() + address_suffix)
    return context, page, outside, errors


FILL_OF = """iso => { let fill = null; window.treatyMapLayers.countries.eachLayer(layer => {
    if (layer.feature.properties.iso3 === iso) fill = layer.options.fillColor; }); return fill; }"""


def play_at_one_second(page) -> None:
    page.locator(".tm-play-pace").select_option(label="1 s")
    page.click(".tm-play-button")


def wait_for_date(page, iso: str) -> None:
    page.wait_for_selector(f'body[data-rendered-date="{iso}"]', state="attached")


@pytest.mark.browser
def test_the_page_works_offline_in_a_browser_and_jumps_between_changes_with_the_arrow_keys(tmp_path, browser):
    context, page, outside, errors = open_offline(browser, tmp_path)
    wait_for_date(page, PENDING_DAY.isoformat())
    assert page.evaluate(FILL_OF, "LTU") == STATUS_HEX["withdrawal_pending"]
    page.keyboard.press("ArrowRight")
    wait_for_date(page, WITHDRAWN_DAY.isoformat())
    assert page.evaluate(FILL_OF, "LTU") == STATUS_HEX["withdrawn"]
    assert page.text_content("#tm-title") == title_on(real_data().inputs.dataset, WITHDRAWN_DAY)
    assert "Made with Natural Earth" in page.text_content(".leaflet-control-attribution")
    page.click(".tm-previous")
    wait_for_date(page, "2025-12-05")  # the States Parties' finding on Ukraine: the change before 27 December 2025
    context.close()
    assert outside == [] and errors == []


@pytest.mark.browser
def test_from_a_file_the_page_unpacks_its_shapes_fills_and_records(tmp_path, browser):
    context, page, outside, errors = open_offline(browser, tmp_path)
    wait_for_date(page, PENDING_DAY.isoformat())
    assert page.evaluate("() => window.treatyMapLayers.countries.getLayers().length") == 242
    # Lithuania's shapes as Leaflet holds them, [lng, lat] as in GeoJSON, against the committed geometry's.
    shape = real_data().countries.set_index("iso3").geometry["LTU"]
    drawn = page.evaluate("""() => { let rings = null; window.treatyMapLayers.countries.eachLayer(layer => {
        if (layer.feature.properties.iso3 === "LTU") rings = layer.getLatLngs().flat(2).map(p => [p.lng, p.lat]); }); return rings; }""")
    polygons = getattr(shape, "geoms", [shape])
    assert drawn == [list(xy) for polygon in polygons for xy in polygon.exterior.coords[:-1]]  # Leaflet drops the closing vertex
    expected = {"LTU": "withdrawal_pending", "FIN": "withdrawal_pending", "UKR": "suspension_rejected", "USA": "not_party",
                "NOR": "party", "ESH": "cannot_join"}
    assert {iso: page.evaluate(FILL_OF, iso) for iso in expected} == {iso: STATUS_HEX[key] for iso, key in expected.items()}
    page.evaluate("""() => window.treatyMapLayers.countries.eachLayer(layer => {
        if (layer.feature.properties.iso3 === "LTU") layer.fire("click"); })""")
    record = page.locator(".tm-popup").inner_text()
    assert "Lithuania" in record and "Signed:" in record and "Tractatenblad (Netherlands)" in record
    assert "Takes effect on 27 December 2025 — in 1 day" in record
    assert page.locator("#tm-unpack-error").count() == 0
    context.close()
    assert outside == [] and errors == []


@pytest.mark.browser
def test_a_browser_without_decompression_shows_the_grey_map_and_says_why(tmp_path, browser):
    path = tmp_path / "map.html"
    path.write_text(page_html(), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    context.add_init_script("delete window.DecompressionStream")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    notice = page.locator("#tm-unpack-error[role=alert]")
    notice.wait_for(state="visible")
    assert notice.inner_text().startswith("This browser cannot unpack the map's data")
    assert "Firefox 113" in notice.inner_text()
    assert page.locator(".folium-map path.leaflet-interactive").count() >= 242  # the shapes, in the neutral grey
    assert page.get_attribute("body", "data-rendered-date") is None
    context.close()
    assert errors == []


@pytest.mark.browser
def test_the_page_steps_by_day_with_the_same_keys_and_buttons_as_the_app(tmp_path, browser):
    context, page, outside, errors = open_offline(browser, tmp_path)
    wait_for_date(page, PENDING_DAY.isoformat())
    slider = page.locator(".tm-range")
    slider.focus()
    slider.press("ArrowRight")  # the focused day slider: one day
    wait_for_date(page, "2025-12-27")
    slider.press("ArrowRight")
    wait_for_date(page, "2025-12-28")  # not a change date: the old page could not show it
    assert page.text_content(".tm-date-label") == "28 December 2025"
    assert slider.get_attribute("aria-valuetext") == "28 December 2025"
    assert page.text_content("#tm-title") == title_on(real_data().inputs.dataset, date(2025, 12, 28))
    assert page.text_content("#tm-sentence").startswith("Latest change: On 27 December 2025 the withdrawals of Estonia")
    assert page.evaluate(FILL_OF, "FIN") == STATUS_HEX["withdrawal_pending"]
    centre = page.evaluate("""() => { let point = null; window.treatyMapLayers.countries.eachLayer(layer => {
        if (layer.feature.properties.iso3 === "FIN") point = layer._map.latLngToContainerPoint(layer.getBounds().getCenter()); });
        return {x: point.x, y: point.y}; }""")
    box = page.locator(".folium-map").bounding_box()
    page.mouse.move(box["x"] + centre["x"], box["y"] + centre["y"])
    page.locator(".tm-tooltip").wait_for(state="visible")
    assert "Takes effect on 10 January 2026 — in 13 days" in page.locator(".tm-tooltip").inner_text()  # the app's card
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("ArrowRight")  # elsewhere: the next change
    wait_for_date(page, "2026-01-10")
    assert page.evaluate(FILL_OF, "FIN") == STATUS_HEX["withdrawn"]
    page.keyboard.press("End")
    wait_for_date(page, "2026-02-20")
    assert not page.locator(".tm-next").is_enabled()
    page.keyboard.press("Home")
    wait_for_date(page, "2025-01-31")  # the first change in the window, which frames the recent changes
    assert not page.locator(".tm-previous").is_enabled()
    page.click(".tm-last")
    wait_for_date(page, "2026-02-20")
    page.click(".tm-first")
    wait_for_date(page, "2025-01-31")
    assert page.url.endswith("#2025-01-31")
    context.close()
    assert outside == [] and errors == []


@pytest.mark.browser
@pytest.mark.parametrize("address", ["#2025-02-30", "#yesterday", "#<b>x</b>"])
def test_a_link_to_no_day_opens_the_page_on_its_own_day(tmp_path, browser, address):
    context, page, outside, errors = open_offline(browser, tmp_path, address)
    wait_for_date(page, PENDING_DAY.isoformat())
    assert page.text_content(".tm-date-label") == "26 December 2025"
    context.close()
    assert outside == [] and errors == []


@pytest.mark.browser
def test_a_link_to_any_day_reopens_the_page_on_it_and_play_stops_at_the_last_change(tmp_path, browser):
    context, page, outside, errors = open_offline(browser, tmp_path, "#2026-02-01")
    wait_for_date(page, "2026-02-01")
    assert page.evaluate(FILL_OF, "POL") == STATUS_HEX["withdrawal_pending"]
    play_at_one_second(page)
    wait_for_date(page, "2026-02-20")
    page.wait_for_selector('body[data-playing="false"]', state="attached")
    assert page.text_content(".tm-play-button") == "▶ Play"
    assert page.evaluate(FILL_OF, "POL") == STATUS_HEX["withdrawn"]
    context.close()
    assert outside == [] and errors == []


@pytest.mark.browser
def test_the_window_opens_on_the_recent_changes_and_a_preset_goes_into_the_address_and_back(tmp_path, browser):
    context, page, outside, errors = open_offline(browser, tmp_path, "#2025-12-26")
    wait_for_date(page, "2025-12-26")
    assert page.text_content(".tm-window-range") == "1 January 2025 – 30 April 2026"  # around the 2025-26 changes
    assert page.locator(".tm-axis .tm-year").all_inner_texts() == ["2025", "2026"]
    assert page.url.endswith("#2025-12-26"), "the default window is not written into the address"
    page.get_by_role("button", name="Whole history").click()
    page.wait_for_url("**#2025-12-26&window=1997-09-18..2027-02-20")
    page.keyboard.press("Home")
    wait_for_date(page, "1997-12-03")  # the first signatures
    page.wait_for_url("**#1997-12-03&window=1997-09-18..2027-02-20")
    page.reload()
    wait_for_date(page, "1997-12-03")
    assert page.text_content(".tm-window-range") == "18 September 1997 – 20 February 2027"
    context.close()
    assert outside == [] and errors == []


@pytest.mark.browser
def test_play_in_a_linked_window_stops_at_its_last_change(tmp_path, browser):
    context, page, outside, errors = open_offline(browser, tmp_path, "#2025-06-01&window=2025-06-01..2025-12-31")
    wait_for_date(page, "2025-06-01")
    assert page.text_content(".tm-window-range") == "1 June 2025 – 31 December 2025"
    play_at_one_second(page)
    wait_for_date(page, "2025-06-27")  # the window's first change
    page.wait_for_selector('body[data-playing="false"]', state="attached", timeout=15_000)
    assert page.get_attribute("body", "data-rendered-date") == "2025-12-27", "10 January 2026 is after the window"
    assert page.url.endswith("#2025-12-27&window=2025-06-01..2025-12-31")
    context.close()
    assert outside == [] and errors == []


# A shape's span of longitudes as the page draws it (west, east) and its path's box in the window's pixels.
SPAN_AND_BOX = """iso => { let found = null; window.treatyMapLayers.countries.eachLayer(layer => {
    if (layer.feature.properties.iso3 !== iso) return; const r = layer._path.getBoundingClientRect();
    found = {west: layer.getBounds().getWest(), east: layer.getBounds().getEast(), left: r.left, right: r.right}; }); return found; }"""


@pytest.mark.browser
def test_the_asia_pacific_page_draws_the_pacific_across_180_degrees_and_steps_through_its_changes(tmp_path, browser):
    """Drawn for the Asia–Pacific alone, the offline page places Fiji, Tonga and Samoa east of 180° beside
    Australia and New Zealand; its arrow keys stop at the region's 2025 changes, the Marshall Islands
    (1 September) and Tonga (1 December), not at the Baltic withdrawals."""
    context, page, outside, errors = open_offline(browser, tmp_path, html=pacific_page_html())
    wait_for_date(page, WITHDRAWN_DAY.isoformat())
    shapes = {code: page.evaluate(SPAN_AND_BOX, code) for code in ("AUS", "NZL", "FJI", "TON", "WSM")}
    for code in ("FJI", "TON", "WSM"):
        assert shapes[code]["east"] > 180, code
        assert shapes[code]["left"] > shapes["AUS"]["right"] and shapes[code]["left"] > shapes["NZL"]["left"], code
    assert shapes["FJI"]["east"] - shapes["FJI"]["west"] < 10, "Fiji whole"
    page.keyboard.press("ArrowLeft")
    wait_for_date(page, "2025-12-01")
    page.keyboard.press("ArrowLeft")
    wait_for_date(page, "2025-09-01")
    page.keyboard.press("ArrowRight")
    wait_for_date(page, "2025-12-01")
    assert not page.locator(".tm-next").is_enabled(), "no later change in the Asia–Pacific in the window"
    context.close()
    assert outside == [] and errors == []
