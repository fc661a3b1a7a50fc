"""Sharing and printing in a real browser: Copy link copies an address that reopens the same view (zoom
and centre included), and the printed page is the sentence and the map with its legend and date, no buttons.

Every test opens a dated link, so nothing depends on the day the suite runs.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlparse

import pytest

from tests.browser.map_page import MAP_FRAME, MapPage

pytestmark = pytest.mark.browser
COPY_FRAME = ".st-key-copy_link iframe"


def map_view(briefing: MapPage) -> dict:
    """The view the map shows: its centre is the middle of its box (map.getCenter() returns the centre a move
    asked for, up to half a pixel off, until the map's next invalidateSize())."""
    return briefing.map.locator("body").evaluate(
        "() => { const map = window.treatyMapLayers.map, c = map.containerPointToLatLng(map.getSize().divideBy(2));"
        " return { lat: c.lat, lon: c.lng, zoom: map.getZoom() }; }"
    )


def one_pixel(zoom: float) -> float:
    """Degrees of longitude in one pixel at this zoom: Leaflet keeps its centre on whole pixels."""
    return 360 / (256 * 2**zoom)


def test_copy_link_copies_the_address_and_it_reopens_the_same_date_state_and_view(page, app_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    briefing = MapPage(page, app_url).open("date=2025-12-27&state=FIN")
    briefing.wait_for_date("2025-12-27")
    briefing.zoom_in()
    zoomed = map_view(briefing)
    briefing.wait_for_address(zoom=f"{zoomed['zoom']:g}")

    copy = page.frame_locator(COPY_FRAME)
    copy.get_by_role("button", name="Copy link").click()
    copy.get_by_text("Link copied").wait_for(timeout=10_000)
    link = page.evaluate("() => navigator.clipboard.readText()")
    copied = dict(parse_qsl(urlparse(link).query))
    assert {key: copied.get(key) for key in ("date", "state", "zoom")} == {"date": "2025-12-27", "state": "FIN", "zoom": f"{zoomed['zoom']:g}"}
    lat, lon = (float(part) for part in copied["centre"].split(","))
    assert (lat, lon) == pytest.approx((zoomed["lat"], zoomed["lon"]), abs=0.001)  # three decimals in the link

    page.goto("about:blank")
    page.goto(link)
    briefing.wait_for_date("2025-12-27")
    briefing.wait_until_still()
    reopened = map_view(briefing)
    assert reopened["zoom"] == zoomed["zoom"]
    assert (reopened["lat"], reopened["lon"]) == pytest.approx((zoomed["lat"], zoomed["lon"]), abs=one_pixel(zoomed["zoom"]))
    assert briefing.selected_on_map() == ["FIN"]


def test_a_link_with_zoom_and_centre_opens_there(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27&zoom=6&centre=56,24")  # the Baltic states
    briefing.wait_for_date("2025-12-27")
    briefing.wait_until_still()
    view = map_view(briefing)
    assert view["zoom"] == 6
    assert (view["lat"], view["lon"]) == pytest.approx((56, 24), abs=one_pixel(6))


def test_printed_the_page_has_the_sentence_and_the_map_with_legend_and_date_and_no_buttons(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27&state=FIN")
    briefing.wait_for_date("2025-12-27")
    page.emulate_media(media="print")
    # The sentence above the map (a heading); the text version under the map repeats it, folded away.
    assert page.get_by_role("heading", name="On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect").is_visible()
    assert page.locator(".st-key-text_version").is_hidden(), "the folded text version is not printed as a bare line"
    assert page.locator("[data-testid='stTabs']").is_hidden()
    assert page.locator(COPY_FRAME).is_hidden()
    assert page.get_by_role("button").filter(visible=True).count() == 0, "no button of the page is printed"
    frame = page.locator(MAP_FRAME).bounding_box()
    assert 400 <= frame["height"] <= 600, "the map fits a landscape page under the sentence"
    assert briefing.map.locator(".tm-date-label").is_visible()
    assert briefing.map.locator(".tm-legend, .legend, .leaflet-control").filter(visible=True).count() >= 1
    assert briefing.map.locator("button").filter(visible=True).count() == 0, "no timeline or zoom button is printed"

    page.emulate_media(media="screen")
    assert page.locator(COPY_FRAME).is_visible()
