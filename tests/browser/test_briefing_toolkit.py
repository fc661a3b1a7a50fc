"""The briefer's toolkit in a real browser: a shared link, the timeline under the map (its buttons, its
day slider, the arrow keys at the projector, Play), clicking a state, the withdrawal timeline, and a page that fits a laptop and a full-HD screen.

Every test opens a dated link (?date=...), so nothing depends on the day the suite runs.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

import pytest

from tests.expected_colours import STATUS_HEX
from tests.browser.map_page import MAP_FRAME, MapPage, engine_fills
from tests.treaty_fixtures import REAL_DATASET
from treaty.loader import load_dataset
from treaty.model import EventType
from treaty.statuses import LABELS

pytestmark = pytest.mark.browser
# The States Parties' finding on Ukraine's suspension, a change date between Poland's notice and the Baltic withdrawals.
FINDING = next(e.date.first.isoformat() for e in load_dataset(REAL_DATASET).state("UKR").events if e.type is EventType.MEETING_FINDING)


def test_a_shared_link_reopens_on_the_same_date_state_and_tab(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27&state=FIN&view=All+states")
    briefing.wait_for_date("2025-12-27")
    assert briefing.selected_on_map() == ["FIN"]
    assert briefing.current_tab() == "All states"

    briefing.reload()
    briefing.wait_for_date("2025-12-27")
    assert briefing.selected_on_map() == ["FIN"]
    assert briefing.current_tab() == "All states"
    assert {k: briefing.address().get(k) for k in ("date", "state", "view")} == {
        "date": "2025-12-27", "state": "FIN", "view": "All states",
    }

    briefing.open_tab("State record")
    briefing.wait_for_tab_text("Finland")
    assert LABELS["withdrawal_pending"] in briefing.tab_text()
    assert "10 January 2026" in briefing.tab_text()


def test_the_change_buttons_jump_between_status_changes_and_stop_at_the_ends(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")

    briefing.press_timeline("Change ▶")
    briefing.wait_for_date("2026-01-10")
    assert briefing.fill_of("FIN") == STATUS_HEX["withdrawn"]
    briefing.wait_for_sentence("On 10 January 2026 the withdrawal of Finland takes effect")
    briefing.wait_for_address(date="2026-01-10")

    briefing.press_timeline("◀ Change")
    briefing.press_timeline("◀ Change")
    briefing.wait_for_date(FINDING)
    briefing.wait_for_sentence("the States Parties find that Ukraine cannot suspend the treaty")
    briefing.press_timeline("◀ Change")
    # Europe's changes only (the default region): not 1 December 2025 (Tonga) nor 1 September (the Marshall Islands).
    briefing.wait_for_date("2025-08-20")
    briefing.wait_for_sentence("On 20 August 2025 Poland gives notice of withdrawal")

    briefing.press_timeline("Last change")
    briefing.wait_for_date("2026-02-20")
    assert not briefing.timeline_button_enabled("Change ▶"), "there is no change after the last one"
    briefing.press_timeline("First change")
    briefing.wait_for_date("2025-01-31")  # the first change in the window, which frames the recent changes
    assert not briefing.timeline_button_enabled("◀ Change"), "there is no change before the first one in the window"
    briefing.wait_for_address(date="2025-01-31")

    briefing.map.get_by_role("button", name="Whole history").click()
    briefing.press_timeline("First change")
    briefing.wait_for_date("1997-12-03")  # the Convention opened for signature on 3 December 1997
    assert not briefing.timeline_button_enabled("◀ Change"), "there is no change before the first one"
    briefing.wait_for_address(date="1997-12-03")


def test_the_day_slider_moves_one_day_per_key_and_the_page_follows(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-25")
    briefing.wait_for_date("2025-12-25")
    assert briefing.timeline_says() == {"label": "25 December 2025", "slider": "25 December 2025"}

    briefing.step_days("ArrowRight")
    briefing.wait_for_date("2025-12-26")
    assert briefing.fill_of("LTU") == STATUS_HEX["withdrawal_pending"]
    briefing.step_days("ArrowRight")
    briefing.wait_for_date("2025-12-27")
    assert briefing.fill_of("LTU") == STATUS_HEX["withdrawn"]
    assert briefing.timeline_says() == {"label": "27 December 2025", "slider": "27 December 2025"}
    briefing.wait_for_sentence("On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect")
    briefing.wait_for_address(date="2025-12-27")


def test_after_quick_steps_the_server_ends_on_the_last_date_the_map_shows(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-20")
    briefing.wait_for_date("2025-12-20")
    briefing.step_days("ArrowRight", times=12)  # faster than the server answers: the browser keeps the latest
    briefing.wait_for_date("2026-01-01")
    briefing.wait_for_address(date="2026-01-01")
    briefing.wait_for_sentence("On 1 January 2026")
    page.wait_for_timeout(1_000)  # no late answer moves the map back
    assert briefing.rendered_date() == "2026-01-01"
    assert briefing.address()["date"] == "2026-01-01"


def test_today_on_the_timeline_goes_to_the_servers_today(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    before = date.today().isoformat()
    briefing.press_timeline("Today")
    shown = briefing.wait_for_any_date_but("2025-12-27")
    assert shown in {before, date.today().isoformat()}
    briefing.wait_for_address(date=shown)


def test_arrow_keys_step_through_the_changes_in_presentation_mode(page, app_url):
    briefing = MapPage(page, app_url).open("present=1&date=2025-12-27")
    briefing.wait_for_date("2025-12-27")

    briefing.press_key("ArrowRight")
    briefing.wait_for_date("2026-01-10")
    briefing.wait_for_address(date="2026-01-10")

    briefing.press_key("ArrowLeft")
    briefing.wait_for_date("2025-12-27")
    briefing.press_key("ArrowLeft")
    briefing.wait_for_date(FINDING)
    briefing.press_key("ArrowLeft")
    briefing.wait_for_date("2025-08-20")  # Europe's changes: past Tonga (1 December) and the Marshall Islands (1 September)
    briefing.wait_for_address(date="2025-08-20", present="1")

    briefing.press_key("End")
    briefing.wait_for_date("2026-02-20")
    briefing.press_key("Home")
    briefing.wait_for_date("2025-01-31")  # the first change in the window (the recent changes)


def test_the_arrow_keys_and_change_buttons_step_through_the_shown_regions_changes(page, app_url):
    """Europe (the default) from 1 July 2025: Finland's notice, Ukraine's claim, Poland's notice, the finding on
    Ukraine, the Baltic withdrawals, never the Marshall Islands (1 September) or Tonga (1 December); the
    Asia–Pacific: those two only; the world: every change. The ticks under the slider follow."""
    briefing = MapPage(page, app_url).open("present=1&date=2025-07-01")
    briefing.wait_for_date("2025-07-01")
    briefing.timeline_ready()
    for day in ("2025-07-10", "2025-07-18", "2025-08-20", FINDING, "2025-12-27"):
        briefing.press_key("ArrowRight")
        briefing.wait_for_date(day)
    assert "2025-09-01" not in ticks(briefing) and "2025-12-05" in ticks(briefing)

    briefing = MapPage(page, app_url).open("region=asia-pacific&date=2025-07-01")
    briefing.wait_for_date("2025-07-01")
    briefing.timeline_ready()
    briefing.press_key("ArrowRight")
    briefing.wait_for_date("2025-09-01")  # in force for the Marshall Islands
    briefing.press_timeline("Change ▶")
    briefing.wait_for_date("2025-12-01")  # in force for Tonga
    assert not briefing.timeline_button_enabled("Change ▶"), "no later change in the Asia–Pacific in the window"
    briefing.press_key("ArrowLeft")
    briefing.wait_for_date("2025-09-01")
    assert [day for day in ticks(briefing) if day >= "2025-07-01"] == ["2025-09-01", "2025-12-01"]

    briefing.page.get_by_role("combobox", name="Region").click()
    briefing.page.get_by_role("option", name="World").click()
    briefing.wait_for_address(region="world")
    briefing.press_key("ArrowLeft")
    briefing.wait_for_date("2025-08-20")  # the world's changes: Poland's notice is one
    briefing.press_key("ArrowRight")
    briefing.wait_for_date("2025-09-01")
    briefing.press_key("ArrowRight")
    briefing.wait_for_date("2025-12-01")
    briefing.press_key("ArrowRight")
    briefing.wait_for_date(FINDING)


def ticks(briefing: MapPage) -> list[str]:
    """The change dates ticked under the day slider."""
    return briefing.map.locator(".tm-ticks [data-day]").evaluate_all("ticks => ticks.map(tick => tick.dataset.day)")


def test_play_steps_to_the_last_change_and_stops_there(page, app_url):
    briefing = MapPage(page, app_url).open("date=2026-01-01")
    briefing.wait_for_date("2026-01-01")

    briefing.play(pace="1 s")
    assert briefing.is_playing()
    briefing.wait_for_date("2026-01-10", timeout=10_000)
    briefing.wait_for_date("2026-02-20", timeout=10_000)
    briefing.wait_until_stopped(timeout=10_000)
    assert briefing.play_button_text() == "▶ Play"
    page.wait_for_timeout(1_500)  # longer than a step at this pace: nothing moves any more
    assert briefing.rendered_date() == "2026-02-20"
    assert briefing.address()["date"] == "2026-02-20"


def test_clicking_a_state_on_the_map_selects_it_and_puts_it_in_the_address(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    assert briefing.selected_on_map() == []

    briefing.click_state("POL")
    briefing.wait_for_selected("POL")
    briefing.wait_for_address(state="POL")
    assert briefing.current_tab() == "State record"
    briefing.wait_for_tab_text("Poland")
    assert "20 February 2026" in briefing.tab_text()
    assert briefing.selected_on_map() == ["POL"]
    assert briefing.rendered_date() == "2025-12-27"


def test_the_withdrawal_timeline_draws_one_notice_bar_per_withdrawing_state(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27&view=Withdrawal+timeline")
    briefing.wait_for_date("2025-12-27")
    bars = briefing.timeline_bars()

    def field(label: str, name: str) -> str:
        return re.search(rf"(?:^|; ){name}: ([^;]+)", label).group(1)

    drawn = sorted((field(b, "State"), field(b, "Deposited"), field(b, "Takes effect")) for b in bars)
    assert drawn == [
        ("Estonia", "27 Jun 2025", "27 Dec 2025"),
        ("Finland", "10 Jul 2025", "10 Jan 2026"),
        ("Latvia", "27 Jun 2025", "27 Dec 2025"),
        ("Lithuania", "27 Jun 2025", "27 Dec 2025"),
        ("Poland", "20 Aug 2025", "20 Feb 2026"),
    ]


@pytest.mark.parametrize(
    ("width", "height", "mode"),
    [(1366, 768, ""), (1920, 1080, ""), (1366, 768, "present=1&")],
    ids=["laptop-1366x768", "full-hd-1920x1080", "projector-1366x768-presentation"],
)
def test_the_page_fits_the_screen_with_the_map_taking_most_of_its_width(page, app_url, width, height, mode):
    page.set_viewport_size({"width": width, "height": height})
    briefing = MapPage(page, app_url).open(f"{mode}date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    page.wait_for_timeout(500)  # the frame takes its final height after the first render
    assert briefing.horizontal_overflow() <= 0
    assert briefing.map_width_share() >= 0.6


def test_markup_in_a_link_is_shown_as_text_and_never_runs(page, app_url):
    briefing = MapPage(page, app_url).open(
        "date=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&state=%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E"
    )
    briefing.wait_for_any_date()
    texts = [notice["text"] for notice in briefing.notices()]
    assert any("<img src=x onerror=window.pwned=1>" in text for text in texts), texts
    assert any("<script>window.pwned" in text for text in texts), texts
    assert page.evaluate("window.pwned") is None


@pytest.mark.parametrize(
    "planted",
    ["[Official update](https://evil.example)", "see https://evil.example"],
    ids=["markdown-link", "bare-url"],
)
def test_a_link_planted_in_the_address_is_quoted_not_made_clickable(page, app_url, planted):
    """BUG: the notices quote the address's values as Markdown, so a shared link can plant a clickable link
    (with any text) in the app's own notice."""
    briefing = MapPage(page, app_url).open(f"date=2025-12-27&treaty={quote(planted)}")
    briefing.wait_for_date("2025-12-27")
    notices = briefing.notices()
    assert len(notices) == 1
    assert planted in notices[0]["text"]
    assert notices[0]["links"] == []


def test_dragging_the_day_slider_repaints_the_map_on_the_way_and_the_page_ends_on_the_release_date(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-06-01")
    briefing.wait_for_date("2025-06-01")
    seen = briefing.drag_timeline(to_share=0.95, steps=12)
    assert len(set(seen)) >= 5, f"the map should follow the drag, not jump at the end: {seen}"
    released = briefing.rendered_date()
    assert released > "2025-06-01"
    briefing.wait_for_address(date=released)
    assert briefing.timeline_says()["slider"] == briefing.timeline_says()["label"]


def test_after_switching_treaty_the_timeline_colours_from_the_new_treatys_history(page, app_url):
    briefing = MapPage(page, app_url).open("treaty=ccm&date=2025-03-05")
    briefing.wait_for_date("2025-03-05")
    assert briefing.fill_of("LTU") == STATUS_HEX["withdrawal_pending"]
    briefing.step_days("ArrowRight")
    briefing.wait_for_date("2025-03-06")
    assert briefing.fill_of("LTU") == STATUS_HEX["withdrawn"], "Lithuania left the Cluster Munitions Convention on 6 March 2025"
    briefing.wait_for_address(date="2025-03-06", treaty="ccm")

    briefing.choose_treaty("Mine Ban Convention")
    briefing.wait_for_address(treaty="apmbc", date="2025-03-06")
    briefing.map.locator(".tm-range:not([disabled])").wait_for(state="attached", timeout=15_000)
    briefing.wait_for_legend_title("Mine Ban Convention")
    assert briefing.fills() == engine_fills("apmbc", date(2025, 3, 6))
    briefing.step_days("ArrowRight")
    briefing.wait_for_date("2025-03-07")
    assert briefing.fills() == engine_fills("apmbc", date(2025, 3, 7)), "the Mine Ban Convention's history, not the other's"
    assert briefing.fill_of("LTU") == STATUS_HEX["withdrawal_under_way"], "Lithuania was still bound by it in March 2025"
    briefing.wait_for_address(treaty="apmbc", date="2025-03-07")


def test_any_key_stops_play_even_with_the_focus_still_on_the_play_button(page, app_url):
    briefing = MapPage(page, app_url).open("date=1998-01-01")
    briefing.wait_for_date("1998-01-01")
    briefing.play(pace="1 s")
    assert briefing.is_playing()
    briefing.press_key_where_focus_is("ArrowLeft")
    briefing.wait_until_stopped(timeout=5_000)
    stopped_on = briefing.rendered_date()
    page.wait_for_timeout(1_500)  # longer than a step at this pace
    assert briefing.rendered_date() == stopped_on


def test_the_arrow_keys_step_the_date_right_after_switching_presentation_mode_on(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    page.get_by_text("Presentation mode").click()
    briefing.wait_for_address(present="1")
    briefing.wait_for_one_map()
    briefing.timeline_ready()
    briefing.press_key_where_focus_is("ArrowRight")
    briefing.wait_for_date("2026-01-10")


def test_the_zoom_the_presenter_chose_survives_a_window_resize_and_a_step(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-20")
    briefing.wait_for_date("2025-12-20")
    briefing.timeline_ready()
    before = briefing.zoom()
    briefing.zoom_in()
    zoomed = briefing.zoom()
    assert zoomed > before
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": size["height"] - 120})  # the map frame gets shorter
    briefing.press_timeline("Change ▶")
    briefing.wait_for_date("2025-12-27")
    briefing.wait_for_sentence("On 27 December 2025")  # the server's answer has arrived too
    briefing.wait_until_still()
    assert briefing.zoom() == zoomed
    frame = page.locator(MAP_FRAME).bounding_box()
    assert frame["y"] + frame["height"] <= page.viewport_size["height"], "the timeline under the map stays on screen"


def test_the_timeline_recovers_when_the_history_fails_to_load_once(page, app_url):
    failures = []

    def fail_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/history-*.json", fail_once)
    briefing = MapPage(page, app_url).open("date=2025-12-26")
    briefing.wait_for_date("2025-12-26")
    briefing.timeline_ready(timeout=20_000)
    assert len(failures) == 1
    briefing.step_days("ArrowRight")
    briefing.wait_for_date("2025-12-27")
