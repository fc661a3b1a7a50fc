"""The map at the sizes briefers use: the hover card readable and inside the map wherever the pointer is,
no control over a state at the opening view, every control on screen on a phone and at 200 % zoom, and
the scroll wheel left to the page until the viewer clicks the map."""
from __future__ import annotations

import pytest

from tests.browser.map_page import CONTROLS_OVER_STATES, FARTHEST_POINT, OPENING_REGION_STATES, MapPage
from tests.test_render_standalone import page_html

pytestmark = pytest.mark.browser

SCREENS = {"full-hd": (1920, 1080, 1), "laptop": (1366, 768, 1)}
# A phone, and a 1366x768 laptop at 200 % zoom (the browser then lays the page out in 683x384 CSS pixels).
SMALL_SCREENS = {"phone-414x896": (414, 896, 2), "laptop-1366x768-at-200%": (683, 384, 2)}
# States at every edge of the opening view, two microstates, and the states with the longest cards.
EDGE_STATES = ["NOR", "PRT", "CYP", "FIN", "ISL", "RUS", "MLT", "SMR", "POL", "UKR", "FRA"]


def assert_readable_and_inside(card: dict, frame: dict, iso3: str) -> None:
    """The hover card is between 200 and 420 px wide and wholly inside the map's box."""
    assert 200 <= card["width"] <= 420, (iso3, card)
    assert frame["x"] <= card["x"] and card["x"] + card["width"] <= frame["x"] + frame["width"], (iso3, card, frame)
    assert frame["y"] <= card["y"] and card["y"] + card["height"] <= frame["y"] + frame["height"], (iso3, card, frame)


def open_at(browser, app_url, width, height, scale, query="date=2025-12-27"):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    briefing = MapPage(context.new_page(), app_url).open(query)
    briefing.wait_for_date("2025-12-27")
    briefing.wait_until_still()
    return context, briefing


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def screen(request, browser, app_url):
    context, briefing = open_at(browser, app_url, *SCREENS[request.param])
    yield briefing
    context.close()


@pytest.fixture(params=list(SMALL_SCREENS), ids=list(SMALL_SCREENS))
def small_screen(request, browser, app_url):
    context, briefing = open_at(browser, app_url, *SMALL_SCREENS[request.param])
    yield briefing
    context.close()


def test_the_hover_card_is_readable_and_inside_the_map_for_states_at_every_edge(screen):
    for iso3 in EDGE_STATES:
        text = screen.hover(iso3, at=screen.farthest_point_of(iso3))
        assert_readable_and_inside(screen.card_box(), screen.map_box(), iso3)
        name, status = text.split("\n")[:2]
        assert name and status, text
        assert screen.card_line_visible(name) and screen.card_line_visible(status), (iso3, text)


def test_the_card_of_a_state_with_a_countdown_shows_name_status_and_countdown_first(screen):
    text = screen.hover("FIN", at=screen.farthest_point_of("FIN"))
    assert text.split("\n")[:3] == ["Finland", "Withdrawal notified, pending (still bound)", "Takes effect on 10 January 2026 — in 14 days"]
    assert screen.card_line_visible("Takes effect on 10 January 2026 — in 14 days")


def test_no_map_control_covers_the_centre_of_a_state_at_the_opening_view(screen):
    assert screen.controls_over_state_centres() == []


def test_on_a_phone_and_at_200_percent_zoom_no_map_control_covers_a_state_either(small_screen):
    assert small_screen.controls_over_state_centres() == []


@pytest.mark.parametrize("region", ["europe", "world", "africa", "nordic-baltic"])
@pytest.mark.parametrize("size", list(SCREENS))
def test_at_every_regions_opening_view_no_control_covers_the_centre_of_any_shape_in_view(browser, app_url, region, size):
    """Any shape, the region's or not (Canada and Greenland beside Europe): the legend folds where it would hide one."""
    context, briefing = open_at(browser, app_url, *SCREENS[size], query=f"date=2025-12-27&region={region}")
    try:
        assert briefing.frame().evaluate(CONTROLS_OVER_STATES, None) == []
    finally:
        context.close()


def test_on_a_laptop_and_full_hd_the_legend_of_the_world_is_open(browser, app_url):
    for size in SCREENS.values():
        context, briefing = open_at(browser, app_url, *size, query="date=2025-12-27&region=world")
        try:
            assert briefing.map.locator(".tm-legend").is_visible()
            assert briefing.map.get_by_role("button", name="Legend").get_attribute("aria-expanded") == "true"
        finally:
            context.close()


def test_where_the_legend_would_hide_canada_beside_europe_it_starts_folded_and_opens_on_its_button(browser, app_url):
    context, briefing = open_at(browser, app_url, *SCREENS["laptop"])
    try:
        button = briefing.map.get_by_role("button", name="Legend")
        assert button.get_attribute("aria-expanded") == "false"
        assert not briefing.map.locator(".tm-legend").is_visible()
        button.click()
        assert briefing.map.locator(".tm-legend").is_visible()
        assert button.get_attribute("aria-expanded") == "true"
    finally:
        context.close()


def test_the_map_data_attribution_opens_from_an_info_button(screen):
    info = screen.map.get_by_role("button", name="About the map data")
    assert not screen.map.locator(".leaflet-control-attribution").is_visible()
    info.focus()
    screen.page.keyboard.press("Enter")
    assert "Made with Natural Earth" in screen.map.locator(".leaflet-control-attribution").inner_text()
    assert info.get_attribute("aria-expanded") == "true"
    screen.page.keyboard.press("Escape")
    assert not screen.map.locator(".leaflet-control-attribution").is_visible()


def test_every_control_stays_on_screen_on_a_phone_and_at_200_percent_zoom(small_screen):
    assert small_screen.controls_off_screen() == []
    assert small_screen.map_frame_fits_the_window()
    for name in ["First change", "Previous change", "Next change", "Last change", "Today", "▶ Play", "Legend", "About the map data"]:
        assert small_screen.map.get_by_role("button", name=name, exact=True).is_visible(), name
    assert small_screen.map.locator(".tm-date-label").is_visible()


def test_on_a_small_screen_the_legend_starts_folded_and_opens_on_its_button(small_screen):
    legend = small_screen.map.locator(".tm-legend")
    assert not legend.is_visible()
    small_screen.map.get_by_role("button", name="Legend").click()
    assert legend.is_visible()
    assert "State Party" in legend.inner_text()


def test_the_wheel_scrolls_past_the_map_until_the_map_is_clicked(screen):
    opening = screen.zoom()
    screen.wheel_over_map(-400)
    assert screen.zoom() == opening
    assert screen.map.locator(".tm-wheel-hint.tm-shown").is_visible()
    screen.click_sea()
    screen.wheel_over_map(-400)
    screen.wait_until_still()
    assert screen.zoom() > opening


@pytest.mark.parametrize(
    ("width", "height", "scale", "states"),
    # The offline page opens on central Europe (no fitting to the frame): on a phone, the states in view.
    [(1366, 768, 1, ["NOR", "PRT", "CYP", "MLT", "POL"]), (414, 896, 2, ["NOR", "FIN", "POL", "UKR"])],
    ids=["laptop", "phone"],
)
def test_the_offline_html_has_the_same_card_kept_inside_the_map_and_no_control_over_a_state(browser, tmp_path, width, height, scale, states):
    path = tmp_path / "map.html"
    path.write_text(page_html(), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-rendered-date]", state="attached")
    assert page.evaluate(CONTROLS_OVER_STATES, OPENING_REGION_STATES) == []
    frame = page.locator(".folium-map").bounding_box()
    for iso3 in states:
        point = page.evaluate(FARTHEST_POINT, iso3)
        page.mouse.move(point["x"], point["y"])
        card = page.locator(".tm-tooltip").last
        card.wait_for(state="visible")
        assert_readable_and_inside(card.bounding_box(), frame, iso3)
    for button in page.locator(".tm-timeline button, .tm-timeline select").all():
        side = button.bounding_box()
        assert 0 <= side["x"] and side["x"] + side["width"] <= width, button.inner_text()
    context.close()


def test_presentation_mode_shows_the_folded_legend_and_leaving_it_folds_it_again(browser, app_url):
    context, briefing = open_at(browser, app_url, *SCREENS["laptop"])
    try:
        legend = briefing.map.locator(".tm-legend")
        assert not legend.is_visible()
        briefing.page.get_by_text("Presentation mode").click()
        briefing.wait_for_address(present="1")
        briefing.wait_for_one_map()
        legend.wait_for(state="visible", timeout=15_000)
        briefing.page.get_by_text("Presentation mode").click()
        briefing.wait_for_one_map()
        legend.wait_for(state="hidden", timeout=15_000)
    finally:
        context.close()
