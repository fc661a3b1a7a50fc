"""The world view in a real browser, offline: every region's preset opens from the link, territories are
drawn in their sovereign's colour, the entities that cannot join in their own, the legend gives the
figures, and choosing a region on the page moves the map there without reloading it."""
from __future__ import annotations

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
