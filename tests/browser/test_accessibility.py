"""Accessibility in a real browser (issue 16): axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any
tab, in presentation mode and in each theme; a keyboard alone reaches a state's record in six presses;
the map frame, the map and the legend are named; the date's sentence is read out once the date settles.

axe-core is the npm package pinned in package.json (`make test` runs `npm ci`): no skip, a missing axe fails.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from components.views import TABS
from tests.browser.map_page import MAP_FRAME, MapPage

pytestmark = pytest.mark.browser

# The themes the app offers by ?theme= (the presentation-themes branch: light, dark, contrast; an address
# value it does not know falls back to the default theme, so the run stays valid before that merge).
THEMES_IN_ADDRESS = ("light", "dark", "contrast")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async tags => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: false});
    return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '));
}"""


def axe_violations(frame) -> list[str]:
    assert AXE.exists(), "axe-core is not installed: run `make test` (npm ci installs it from package-lock.json)"
    frame.evaluate(AXE.read_text(encoding="utf-8"))
    return frame.evaluate(RUN_AXE, WCAG_TAGS)


def wait_until_idle(page) -> None:
    """Until Streamlit has finished the rerun (its status widget gone) and the page has drawn."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(500)


@pytest.mark.parametrize("theme", THEMES_IN_ADDRESS)
def test_axe_finds_no_wcag_violation_on_any_tab_or_in_the_map_frame(page, app_url, theme):
    briefing = MapPage(page, app_url).open(f"date=2025-12-27&state=FIN&theme={theme}")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    found = {"map frame": axe_violations(briefing.frame())}
    for tab in TABS:
        briefing.open_tab(tab)
        wait_until_idle(page)
        found[tab] = axe_violations(page.main_frame)
    briefing.wait_for_tab_text("Accessibility statement")  # the last tab opened: Sources and method
    assert {where: v for where, v in found.items() if v} == {}


@pytest.mark.parametrize("theme", THEMES_IN_ADDRESS)
def test_axe_finds_no_wcag_violation_in_presentation_mode(page, app_url, theme):
    briefing = MapPage(page, app_url).open(f"date=2025-12-27&present=1&theme={theme}")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    wait_until_idle(page)
    found = {"page": axe_violations(page.main_frame), "map frame": axe_violations(briefing.frame())}
    assert {where: v for where, v in found.items() if v} == {}


FOCUSED_IN_FRAME = "() => { const a = document.activeElement; return a && a.classList.contains('leaflet-container'); }"


def test_from_page_load_the_keyboard_reaches_finlands_record_in_six_presses(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    wait_until_idle(page)
    frame = briefing.frame()
    page.keyboard.press("Tab")  # the page's first Tab stop: "Skip to the map"
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to the map"
    page.keyboard.press("Enter")
    assert frame.evaluate(FOCUSED_IN_FRAME), "the skip link leads into the map"
    presses = 2
    page.keyboard.type("fin")  # type-ahead: the first state whose name starts with "fin" ("fi" is Fiji)
    presses += 3
    heard = frame.locator('[aria-live="assertive"]')
    # 74th of the world's 242 shapes by name.
    assert heard.inner_text() == "Finland: Withdrawal notified, pending (still bound), takes effect on 10 January 2026. 74 of 242."
    assert frame.locator("path.tm-focused").count() == 1  # outlined on the map
    page.keyboard.press("Enter")
    presses += 1
    # Tab, Enter on the skip link, 'fin', Enter: within the goal of ten (README, Keyboard).
    assert presses <= 10
    briefing.wait_for_tab_text("Finland")
    briefing.wait_for_address(state="FIN")
    assert briefing.current_tab() == "State record"


def test_the_arrow_keys_move_between_states_inside_the_map_and_leave_the_date_alone(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27&state=FIN")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    frame = briefing.frame()
    frame.locator(".leaflet-container").focus()
    heard = frame.locator('[aria-live="assertive"]')
    page.keyboard.press("ArrowRight")  # from the selected state
    assert heard.inner_text().startswith("Finland: ")
    page.keyboard.press("ArrowRight")
    assert heard.inner_text().startswith("France: ")
    page.keyboard.press("ArrowLeft")
    assert heard.inner_text().startswith("Finland: ")
    page.wait_for_timeout(500)
    assert briefing.rendered_date() == "2025-12-27"


def test_the_map_is_one_tab_stop_and_its_frame_map_and_legend_are_named(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    name = "Map of Europe: Mine Ban Convention status on 27 December 2025"
    page.locator(f'{MAP_FRAME}[title="{name}"]').wait_for(timeout=10_000)
    frame = briefing.frame()
    assert frame.evaluate(
        "() => [...document.querySelectorAll('.leaflet-map-pane *')].filter(e => e.tabIndex >= 0).length"
    ) == 0
    container = frame.locator(".leaflet-container")
    assert container.get_attribute("tabindex") == "0"
    assert container.get_attribute("role") == "application"
    assert container.get_attribute("aria-label") == name
    # Europe's legend starts folded where it would hide Canada beside Europe (legend_room.js): opened, it is named.
    open_legend = frame.get_by_role("button", name="Legend")
    if open_legend.get_attribute("aria-expanded") == "false":
        open_legend.click()
    legend = frame.get_by_role("list", name="Legend: Mine Ban Convention on 27 December 2025")
    assert legend.get_by_role("listitem").count() >= 5


def test_after_a_step_the_polite_live_region_reads_the_new_dates_sentence(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-26")
    briefing.wait_for_date("2025-12-26")
    briefing.timeline_ready()
    briefing.press_key("ArrowRight")  # the next change: the Baltic withdrawals take effect
    briefing.wait_for_date("2025-12-27")
    sentence = "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days."
    briefing.map.locator('.tm-sr-only[aria-live="polite"]', has_text=sentence).wait_for(state="attached", timeout=15_000)


def test_the_offline_html_passes_axe_works_by_keyboard_and_has_its_text_version(page):
    from export.formats import FORMATS, Run
    from tests.export_fixtures import real_data

    page.set_content(FORMATS["html"].write(Run(real_data()), [date(2025, 12, 27)]).decode("utf-8"))
    page.locator('body[data-rendered-date="2025-12-27"]').wait_for(state="attached", timeout=30_000)
    assert axe_violations(page.main_frame) == []
    text_version = page.locator("#tm-text-version")
    text_version.locator("summary").click()
    assert text_version.locator("summary").inner_text() == "Text version of the map: Mine Ban Convention on 27 December 2025"
    groups = text_version.locator("h3").all_inner_texts()
    assert "Withdrawn (former party) (3)" in groups
    assert "Finland — withdrawal takes effect on 10 January 2026" in text_version.locator("li").all_inner_texts()
    page.locator(".leaflet-container").focus()
    page.keyboard.type("lit")
    assert page.locator('[aria-live="assertive"]').inner_text().startswith("Lithuania: Withdrawn (former party).")
    page.keyboard.press("Enter")
    page.locator(".tm-popup", has_text="Lithuania").wait_for(state="visible", timeout=10_000)


def test_play_reads_nothing_at_each_step_and_the_sentence_where_it_stops(page, app_url):
    briefing = MapPage(page, app_url).open("date=2026-01-01")
    briefing.wait_for_date("2026-01-01")
    briefing.timeline_ready()
    frame = briefing.frame()
    frame.evaluate("""() => {
        window.__heard = [];
        const region = document.querySelector('.tm-sr-only[aria-live="polite"]');
        new MutationObserver(() => window.__heard.push(region.textContent)).observe(region, {childList: true, characterData: true, subtree: true});
    }""")
    briefing.play(pace="1 s")
    briefing.wait_for_date("2026-01-10", timeout=10_000)
    assert briefing.map.locator(".tm-date-label").get_attribute("aria-live") == "off"
    briefing.wait_until_stopped(timeout=15_000)
    briefing.map.locator('.tm-sr-only[aria-live="polite"]', has_text="On 20 February 2026 the withdrawal of Poland takes effect.").wait_for(
        state="attached", timeout=15_000
    )
    heard = frame.evaluate("window.__heard")
    assert len(heard) == 1 and heard[0].startswith("On 20 February 2026 the withdrawal of Poland takes effect. ")  # then the figures
    assert briefing.map.locator(".tm-date-label").get_attribute("aria-live") == "polite"


def test_axe_finds_no_wcag_violation_on_a_laptop_screen(browser, app_url):
    """At 1366x768 the timeline's window box is narrowest: it must still be a 24 px target (2.5.8)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    briefing = MapPage(context.new_page(), app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    wait_until_idle(briefing.page)
    found = {"page": axe_violations(briefing.page.main_frame), "map frame": axe_violations(briefing.frame())}
    context.close()
    assert {where: v for where, v in found.items() if v} == {}
