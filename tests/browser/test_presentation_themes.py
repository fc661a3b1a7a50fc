"""Presentation mode on a projector's screen sizes, and the themes (light, dark, high contrast): measured
from the page as the browser draws it (computed styles and drawn fills).

Expected colours are written out here (the palette's fixed table, tests/test_render_palette.py)."""
from __future__ import annotations

import pytest

from tests.browser.map_page import MapPage

DAY = "2025-12-27"  # the Baltic withdrawals take effect; Finland and Poland are pending
PENDING = {"light": "#E69F00", "dark": "#F59A1A", "contrast": "#FFA800"}  # Finland's fill on DAY
PAGE_BACKGROUND = {"light": "rgb(244, 246, 248)", "dark": "rgb(14, 18, 22)", "contrast": "rgb(255, 255, 255)"}
# The statuses the Mine Ban history shows, "not covered" included (no "suspended": no suspension clause), with
# "cannot join" (Kosovo) and "territory the treaty does not apply to" (Jersey before the 2002 extension).
STATUS_ROWS = 12
SHOWN_ON_DAY = 7  # party, pending, rejected, withdrawn, not a party, cannot join, not covered

# Every text element of the legend and the timeline: its font size, its colour and opacity as drawn, and
# the colours under it (the nearest background, the panel's, and the sea under the panel).
MEASURE = """() => {
  const leaves = selector => [...document.querySelectorAll(selector + ' *')]
    .filter(e => e.childElementCount === 0 && e.textContent.trim() && e.getClientRects().length);
  const opacity = e => { let o = 1; for (; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o; };
  const ground = e => { for (; e; e = e.parentElement) { const bg = getComputedStyle(e).backgroundColor;
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg; } return 'rgb(255, 255, 255)'; };
  const sea = getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor;
  const describe = e => ({text: e.textContent.trim(), size: parseFloat(getComputedStyle(e).fontSize),
    colour: getComputedStyle(e).color, opacity: opacity(e), ground: ground(e), sea: sea});
  return {legend: leaves('.tm-legend').map(describe), timeline: leaves('.tm-timeline').map(describe)};
}"""


def channels(css: str) -> tuple[float, ...]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' -> (r, g, b, alpha)."""
    values = [float(part) for part in css[css.index("(") + 1 : -1].split(",")]
    return tuple(values) if len(values) == 4 else (*values, 1.0)


def over(top: tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, ...]:
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom[:3])) + (1.0,)


def luminance(rgb: tuple[float, ...]) -> float:
    def linear(channel: float) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_of(item: dict) -> float:
    """WCAG contrast of a text element as seen: its colour at its opacity, over its panel over the sea."""
    ground = over(channels(item["ground"]), channels(item["sea"]))
    red, green, blue, alpha = channels(item["colour"])
    ink = over((red, green, blue, alpha * item["opacity"]), ground)
    light, dark = sorted((luminance(ink), luminance(ground)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_sum_is_wcag():
    black = {"colour": "rgb(0, 0, 0)", "opacity": 1.0, "ground": "rgb(255, 255, 255)", "sea": "rgb(255, 255, 255)"}
    assert contrast_of(black) == pytest.approx(21.0)
    # The old faded legend row: grey text at 55 % opacity on a white panel.
    assert contrast_of({**black, "colour": "rgb(26, 26, 26)", "opacity": 0.55}) < 4.5


def open_at(browser, app_url, width: int, height: int, query: str, scheme: str = "light") -> tuple[MapPage, object]:
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    briefing = MapPage(context.new_page(), app_url).open(query)
    briefing.wait_for_date(DAY, timeout=60_000)
    return briefing, context


def measured(briefing: MapPage) -> dict:
    return briefing.map.locator("body").evaluate(MEASURE)


def visible_rows(briefing: MapPage) -> int:
    return briefing.map.locator(".tm-legend-row:visible").count()


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_presentation_type_is_projector_sized_and_grows_with_the_screen(browser, app_url, theme):
    smallest = {}
    for width, height in ((1366, 768), (1920, 1080)):
        briefing, context = open_at(browser, app_url, width, height, f"date={DAY}&present=1&theme={theme}")
        sizes = measured(briefing)
        context.close()
        assert sizes["legend"] and sizes["timeline"]
        smallest[width] = min(item["size"] for item in sizes["legend"] + sizes["timeline"])
        low = [(item["text"], item["size"], round(contrast_of(item), 2)) for item in sizes["legend"] if contrast_of(item) < 4.5]
        assert low == [], f"legend text under 4.5:1 at {width}x{height}"
    assert smallest[1366] >= 20
    assert smallest[1920] > smallest[1366] + 4


def test_every_legend_row_reads_at_4_5_to_1_also_when_all_statuses_show(browser, app_url):
    briefing, context = open_at(browser, app_url, 1366, 768, f"date={DAY}&present=1")
    briefing.map.get_by_role("button", name="Show all statuses").click()
    assert visible_rows(briefing) == STATUS_ROWS
    items = measured(briefing)["legend"]
    context.close()
    empty_label = [item for item in items if item["text"] == "Signatory, not bound"]
    assert empty_label and all(contrast_of(item) >= 4.5 for item in items)


def test_presentation_hides_the_empty_statuses_until_the_switch_shows_them(browser, app_url):
    briefing, context = open_at(browser, app_url, 1366, 768, f"date={DAY}&present=1")
    briefing.timeline_ready()
    assert visible_rows(briefing) == SHOWN_ON_DAY
    assert not briefing.map.locator('.tm-legend-row[data-status="signatory"]').is_visible()
    switch = briefing.map.get_by_role("button", name="Show all statuses")
    switch.click()
    assert visible_rows(briefing) == STATUS_ROWS
    hide = briefing.map.get_by_role("button", name="Hide empty statuses")
    assert hide.get_attribute("aria-pressed") == "true"
    briefing.press_key("ArrowRight")  # the next change: the legend is drawn again, the choice holds
    briefing.wait_for_any_date_but(DAY)
    assert visible_rows(briefing) == STATUS_ROWS
    context.close()


def test_normal_mode_lists_every_status(page, app_url):
    briefing = MapPage(page, app_url).open(f"date={DAY}")
    briefing.wait_for_date(DAY, timeout=60_000)
    briefing.timeline_ready()  # the history, which says which statuses the legend lists
    briefing.map.locator(".tm-legend-row").nth(STATUS_ROWS).wait_for(state="detached")
    # Beside Europe the legend starts folded (it would hide Canada): opened on its button, it lists them all.
    briefing.map.get_by_role("button", name="Legend").click()
    assert visible_rows(briefing) == STATUS_ROWS
    assert not briefing.map.locator(".tm-legend-all").is_visible()


def test_presentation_puts_the_treaty_and_date_on_the_map(browser, app_url):
    briefing, context = open_at(browser, app_url, 1366, 768, f"date={DAY}&present=1")
    title = briefing.map.locator(".tm-map-title")
    assert title.inner_text() == "Mine Ban Convention — 27 December 2025"
    size = title.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    context.close()
    assert size >= 23  # above the legend's 20 px


def page_background(briefing: MapPage) -> str:
    return briefing.map.locator("body").evaluate("body => getComputedStyle(body).backgroundColor")


def app_background(briefing: MapPage) -> str:
    return briefing.page.locator(".stApp").evaluate("app => getComputedStyle(app).backgroundColor")


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_the_theme_in_the_link_colours_the_page_and_the_map(browser, app_url, theme):
    briefing, context = open_at(browser, app_url, 1366, 768, f"date={DAY}&theme={theme}")
    assert briefing.fill_of("FIN").upper() == PENDING[theme]
    assert page_background(briefing) == PAGE_BACKGROUND[theme]
    assert app_background(briefing) == PAGE_BACKGROUND[theme]
    assert briefing.address()["theme"] == theme
    context.close()


def test_choosing_a_theme_repaints_without_reloading_the_map_and_goes_into_the_link(browser, app_url):
    briefing, context = open_at(browser, app_url, 1366, 768, f"date={DAY}&theme=light")
    briefing.map.locator("body").evaluate("() => { window.sameDocument = true; }")
    briefing.page.get_by_role("combobox", name="Theme").click()
    briefing.page.get_by_role("option", name="Theme: dark (projector)").click()
    briefing.wait_for_address(theme="dark")
    briefing.map.locator("html[data-tm-theme=dark]").wait_for(state="attached", timeout=15_000)
    assert briefing.fill_of("FIN").upper() == PENDING["dark"]
    assert page_background(briefing) == PAGE_BACKGROUND["dark"]
    assert briefing.map.locator("body").evaluate("() => window.sameDocument === true")
    briefing.reload()
    briefing.wait_for_date(DAY, timeout=60_000)
    assert briefing.fill_of("FIN").upper() == PENDING["dark"]
    context.close()


@pytest.mark.parametrize("scheme, theme", [("dark", "dark"), ("light", "light")])
def test_without_a_choice_the_system_preference_decides(browser, app_url, scheme, theme):
    briefing, context = open_at(browser, app_url, 1366, 768, f"date={DAY}", scheme=scheme)
    assert briefing.fill_of("FIN").upper() == PENDING[theme]
    assert page_background(briefing) == PAGE_BACKGROUND[theme]
    assert app_background(briefing) == PAGE_BACKGROUND[theme]
    assert "theme" not in briefing.address()
    context.close()
