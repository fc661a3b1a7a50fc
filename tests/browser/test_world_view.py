"""The world view in a real browser, offline: every region's preset opens from the link, territories are
drawn in their sovereign's colour, the entities that cannot join in their own, the legend gives the
figures, and choosing a region on the page moves the map there without reloading it; the Asia–Pacific view
(and a storyboard's step framed on it) draws the Pacific across 180°."""
from __future__ import annotations

from storyboard.link import encoded
from tests.browser.map_page import MapPage
from tests.expected_colours import STATUS_HEX

BOUNDS = "() => { const b = window.treatyMapLayers.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"


def test_the_world_draws_offline_with_territories_in_their_sovereigns_colour(page, app_url, outside_requests):
    world = MapPage(page, app_url).open("region=world&date=2025-12-27")
    world.wait_for_date("2025-12-27")
    west, south, east, north = world.map.locator("body").evaluate(BOUNDS)
    assert west < -100 and east > 120 and south < -30 and north > 60, "the whole world is in view"
    assert world.fill_of("DNK") == world.fill_of("GRL") == STATUS_HEX["party"]  # Greenland follows Denmark
    assert world.fill_of("GBR") == world.fill_of("JEY") == STATUS_HEX["party"]  # extended to Jersey in 2002
    for entity in ("XKX", "TWN", "ESH"):
        assert world.fill_of(entity) == STATUS_HEX["cannot_join"], entity
    # 166 bound on 26 December 2025 (the Monitor's count), less the three Baltic withdrawals.
    assert world.map.locator(".tm-legend-counts").inner_text().startswith("163 States Parties worldwide")
    card = world.hover("GRL")
    assert "Territory of Denmark — follows its status" in card
    assert outside_requests == []


def test_choosing_a_region_moves_the_map_without_reloading_it(page, app_url, outside_requests):
    europe = MapPage(page, app_url).open("date=2025-12-27")
    europe.wait_for_date("2025-12-27")
    europe.map.locator("body").evaluate("() => { window.notReloaded = true; }")
    page.get_by_role("combobox", name="Region").click()
    page.get_by_role("option", name="Africa").click()
    europe.wait_for_address(region="africa")
    europe.map.locator("body").evaluate("() => new Promise(done => setTimeout(done, 500))")
    west, south, east, north = europe.map.locator("body").evaluate(BOUNDS)
    assert west < -15 and east > 45 and south < -30 and north > 30, "Africa, Cabo Verde to Somalia, the Cape to Tunis"
    assert europe.map.locator("body").evaluate("() => window.notReloaded === true"), "the same map document, moved"
    assert "in Africa" in europe.map.locator(".tm-legend-counts").inner_text() or "states in Africa" in europe.map.locator(".tm-legend-counts").inner_text()
    assert outside_requests == []


# Each state's shape as drawn, in the map frame's pixels: [left, top, right, bottom] (its marker's with "*").
DRAWN_BOXES = """codes => {
    const boxes = {};
    const add = (layer, mark) => {
        const code = layer.feature.properties.iso3;
        if (!codes.includes(code) || !layer._path) return;
        const r = layer._path.getBoundingClientRect();
        boxes[code + mark] = [r.left, r.top, r.right, r.bottom];
    };
    window.treatyMapLayers.countries.eachLayer(layer => add(layer, ""));
    window.treatyMapLayers.microstates.eachLayer(layer => add(layer, "*"));
    return boxes;
}"""
PACIFIC = ["AUS", "NZL", "FJI", "TON", "WSM", "RUS"]
# Where a state's shape lies on the map, drawn or not (Leaflet leaves out the paths outside the view): west, east.
LONGITUDES = """code => { let span = null; window.treatyMapLayers.countries.eachLayer(layer => {
    if (layer.feature.properties.iso3 === code) span = [layer.getBounds().getWest(), layer.getBounds().getEast()]; }); return span; }"""


def choose_region(briefing: MapPage, label: str) -> None:
    """Pick a region on the page and wait until the map shows it (its figures under the legend's heading, which
    may be folded behind the Legend button where the open legend would hide a state)."""
    briefing.page.get_by_role("combobox", name="Region").click()
    briefing.page.get_by_role("option", name=label).click()
    briefing.map.locator(".tm-legend-counts", has_text=f"in {label}").wait_for(state="attached")
    briefing.wait_until_still()


def test_the_asia_pacific_view_draws_fiji_tonga_and_samoa_east_of_australia_and_new_zealand(page, app_url, outside_requests):
    """Natural Earth cuts the world at 180°: Fiji's Lau islands, Tonga and Samoa lie at 172-178° W, so a map drawn
    with the file's longitudes puts them at the far west, beyond Africa. The Asia–Pacific view moves them east
    of 180°, beside their neighbours, and back for another region, without reloading the map."""
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.map.locator("body").evaluate("() => { window.notReloaded = true; }")
    assert briefing.frame().evaluate(LONGITUDES, "TON")[1] < -173, "in Europe's view Tonga keeps the file's longitudes"
    choose_region(briefing, "Asia–Pacific")
    assert 180 < briefing.frame().evaluate(LONGITUDES, "TON")[0], "Tonga east of 180°"
    drawn = briefing.frame().evaluate(DRAWN_BOXES, PACIFIC)
    width = briefing.map_box()["width"]
    for code in ("FJI", "TON", "WSM"):
        assert drawn[code][0] > drawn["AUS"][2], f"{code} east of Australia"
        assert drawn[code][0] > drawn["NZL"][0], f"{code} east of New Zealand's west coast"
        assert drawn[code][2] < width, f"{code} in view"
    assert drawn["FJI"][2] - drawn["FJI"][0] < 80, "Fiji one group of islands, not two halves a world apart"
    assert drawn["RUS"][2] < width and drawn["RUS"][2] - drawn["RUS"][0] < width, "Russia whole, Chukotka beside it"
    assert briefing.map.locator("body").evaluate("() => window.notReloaded === true"), "the same map document"
    choose_region(briefing, "Europe")
    assert briefing.frame().evaluate(LONGITUDES, "TON")[1] < -173, "back at the file's longitudes"
    assert outside_requests == []


def test_in_the_asia_pacific_view_a_click_on_tonga_and_the_keyboard_open_its_record(page, app_url):
    briefing = MapPage(page, app_url).open("region=asia-pacific&date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.wait_until_still()
    marker = briefing.frame().evaluate(DRAWN_BOXES, ["AUS", "TON"])
    assert marker["TON*"][0] > marker["AUS"][2], "Tonga's marker east of Australia"
    assert briefing.hover("FJI").startswith("Fiji"), "the hover card of Fiji where it is drawn"
    point = briefing.farthest_point_of("TON")  # its marker, drawn over its islands
    frame = briefing.page.locator('iframe[src*="components.map_view.treaty_map"]').bounding_box()
    page.mouse.click(frame["x"] + point["x"], frame["y"] + point["y"])
    briefing.wait_for_address(state="TON")
    briefing.wait_for_tab_text("Tonga")
    assert "1 December 2025" in briefing.tab_text() or "2025-12-01" in briefing.tab_text()
    assert briefing.map.locator(".tm-popup .tm-name").inner_text() == "Tonga"

    briefing.open("region=asia-pacific&date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.map.locator(".leaflet-container").focus()
    for letter in "fij":
        briefing.page.keyboard.press(letter)
    assert briefing.map.locator(".leaflet-container").get_attribute("data-focused-state") == "FJI"
    briefing.page.keyboard.press("Enter")
    briefing.wait_for_address(state="FJI")
    assert briefing.map.locator(".tm-popup .tm-name").inner_text() == "Fiji"


PACIFIC_STORY = (
    "title: Joiners\ntreaty: apmbc\nsteps:\n"
    "- title: The Baltic withdrawals\n  date: 2025-12-28\n"
    "- title: Tonga in force\n  date: 2025-12-02\n  region: asia-pacific\n  highlight: [TON]\n"
    "  callouts:\n    - text: Tonga\n      state: TON\n"
)
CALLOUT_ANCHOR = "() => { const a = document.querySelector('.tm-callout-anchor'); return a ? a.getBoundingClientRect().left : null; }"


def test_a_storyboard_step_in_the_asia_pacific_draws_tonga_and_its_callout_east_of_180_degrees(page, app_url):
    """The page shows Europe; presenting a step framed on the Asia–Pacific places the shapes for that view, with the
    step's callout on Tonga where Tonga is drawn, and the next step (Europe) puts them back."""
    briefing = MapPage(page, app_url).open(f"present=1&story={encoded(PACIFIC_STORY)}")
    briefing.map.locator('.tm-story[data-step="1"]').wait_for(timeout=20_000)
    briefing.press_key("ArrowRight")
    briefing.map.locator('.tm-story[data-step="2"]').wait_for(timeout=20_000)
    briefing.wait_for_date("2025-12-02")
    briefing.wait_until_still()
    west, east = briefing.frame().evaluate(LONGITUDES, "TON")
    assert west > 180, "Tonga east of 180° in the step's view"
    drawn = briefing.frame().evaluate(DRAWN_BOXES, ["AUS", "TON"])
    assert drawn["TON"][0] > drawn["AUS"][2]
    anchor = briefing.frame().evaluate(CALLOUT_ANCHOR)
    assert drawn["TON"][0] - 20 < anchor < drawn["TON"][2] + 20, "the callout points at Tonga as drawn"
    briefing.press_key("ArrowLeft")
    briefing.map.locator('.tm-story[data-step="1"]').wait_for(timeout=20_000)
    assert briefing.frame().evaluate(LONGITUDES, "TON")[1] < -173, "back at the file's longitudes for Europe"
