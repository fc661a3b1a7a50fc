"""The timeline's window in the app: it opens on the recent changes with year labels, presets and zoom
change it, Play runs inside it, the tick dates can be read, and it goes into the link and back.

Every test opens a dated link (?date=...), so nothing depends on the day the suite runs.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.browser.map_page import MapPage

pytestmark = pytest.mark.browser
EPOCH = date(1970, 1, 1)


def day_number(iso: str) -> int:
    return (date.fromisoformat(iso) - EPOCH).days


def window_on_slider(briefing: MapPage) -> tuple[str, str]:
    """The first and last days of the day slider, as ISO dates."""
    slider = briefing.map.locator(".tm-range")
    return tuple(date.fromordinal(EPOCH.toordinal() + int(slider.get_attribute(end))).isoformat() for end in ("min", "max"))


def wait_for_window(briefing: MapPage, start: str, end: str) -> None:
    briefing.map.locator(f'.tm-range[min="{day_number(start)}"][max="{day_number(end)}"]').wait_for(state="attached", timeout=10_000)


def test_the_timeline_opens_on_the_recent_changes_with_year_and_month_labels(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    # From the month before the first of the 2025-26 changes (31 January 2025) to two months after the last (20 February 2026).
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    assert briefing.map.locator(".tm-window-range").inner_text() == "1 January 2025 – 30 April 2026"
    years = briefing.map.locator(".tm-axis .tm-year")
    assert years.all_inner_texts() == ["2025", "2026"]
    assert all(year.is_visible() for year in years.all())
    assert "Jul" in briefing.map.locator(".tm-axis").inner_text()
    assert "window" not in briefing.address(), "the default window is not written into the link"


def test_a_preset_and_the_zoom_change_the_window_and_the_link_keeps_it(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-01-01", "2026-04-30")

    briefing.map.get_by_role("button", name="Whole history").click()
    assert window_on_slider(briefing)[0] == "1997-09-18"
    briefing.wait_for_address(date="2025-12-27")
    page.wait_for_url(lambda url: "window=1997-09-18.." in url, timeout=10_000)
    assert briefing.map.get_by_role("button", name="Whole history").get_attribute("aria-pressed") == "true"
    assert briefing.map.locator(".tm-axis .tm-year").first.inner_text() in ("1998", "2000")  # every year, or every 2 or 5

    briefing.map.get_by_role("button", name="2025–26 changes").click()
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    briefing.wait_for_address(window="2025-01-01..2026-04-30")
    briefing.map.get_by_role("button", name="Zoom in the timeline").click()
    # Half of the 484 days, 27 December 2025 staying where it was (day 360 of 484): 180 days before it, 62 after.
    wait_for_window(briefing, "2025-06-30", "2026-02-27")
    briefing.wait_for_address(window="2025-06-30..2026-02-27", date="2025-12-27")

    briefing.reload()
    briefing.wait_for_date("2025-12-27")
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-06-30", "2026-02-27")
    assert briefing.map.locator(".tm-window-range").inner_text() == "30 June 2025 – 27 February 2026"


def test_play_runs_inside_the_window_and_stops_at_its_last_change(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-06-01&window=2025-06-01..2025-12-31")
    briefing.wait_for_date("2025-06-01")
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-06-01", "2025-12-31")
    briefing.play(pace="1 s")
    briefing.wait_for_date("2025-06-27", timeout=5_000)  # the window's first change, not 1997's
    briefing.wait_until_stopped(timeout=15_000)
    assert briefing.rendered_date() == "2025-12-27", "the last change in the window; 10 January 2026 is after it"
    assert briefing.play_button_text() == "▶ Play"
    briefing.wait_for_address(date="2025-12-27", window="2025-06-01..2025-12-31")


def test_a_date_outside_the_links_window_widens_it_and_a_bad_window_falls_back_with_a_notice(page, app_url):
    briefing = MapPage(page, app_url).open("date=2012-07-01&window=2025-06-01..2025-12-31")
    briefing.wait_for_date("2012-07-01")
    briefing.timeline_ready()
    wait_for_window(briefing, "2012-07-01", "2025-12-31")
    briefing.wait_for_address(window="2012-07-01..2025-12-31")

    briefing.open("date=2025-12-27&window=2026-01-01..2025-01-01")
    briefing.wait_for_date("2025-12-27")
    notice = page.get_by_text("is not two dates, the first before the second")
    notice.wait_for(timeout=10_000)
    assert "2026-01-01..2025-01-01" in notice.inner_text()
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    assert "window" not in briefing.address()


def test_the_date_of_a_change_tick_shows_under_the_pointer_and_on_the_focused_slider(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    label = briefing.map.locator(".tm-tick-label")
    tick = briefing.map.locator('.tm-ticks .tm-tick[data-day="2025-08-20"]')
    box = tick.bounding_box()
    page.mouse.move(box["x"] + 3, box["y"] - 4)  # beside the tick, over the slider
    label.wait_for(state="visible", timeout=5_000)
    assert label.inner_text() == "20 August 2025"
    page.mouse.move(10, 10)
    briefing.map.locator(".tm-range").focus()
    label.wait_for(state="visible", timeout=5_000)
    assert label.inner_text() == "27 December 2025"


def test_the_window_is_set_with_the_keyboard_and_its_controls_are_large_enough_to_hit(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    end = briefing.map.get_by_role("slider", name="Window end")
    end.focus()
    end.press("ArrowRight")  # a month (30 days) later
    wait_for_window(briefing, "2025-01-01", "2026-05-30")
    assert end.get_attribute("aria-valuetext") == "30 May 2026"
    assert briefing.rendered_date() == "2025-12-27", "the window's arrows do not step the date"
    start = briefing.map.get_by_role("slider", name="Window start")
    start.focus()
    start.press("PageUp")  # a year (365 days) later: the date is brought inside
    wait_for_window(briefing, "2026-01-01", "2026-05-30")
    briefing.wait_for_date("2026-01-01")
    position = briefing.map.get_by_role("slider", name="Window position")
    position.focus()
    position.press("ArrowLeft")
    wait_for_window(briefing, "2025-12-02", "2026-04-30")
    briefing.wait_for_address(window="2025-12-02..2026-04-30")

    recent = briefing.map.get_by_role("button", name="2025–26 changes")
    recent.focus()
    recent.press("Enter")
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    assert briefing.map.locator("body").evaluate("() => document.activeElement.textContent") == "2025–26 changes", "the focus stays"

    for name in ("2025–26 changes", "Whole history", "Zoom out the timeline", "Zoom in the timeline"):
        box = briefing.map.get_by_role("button", name=name).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, name
    for name in ("Window start", "Window end"):
        box = briefing.map.get_by_role("slider", name=name).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, name


def test_dragging_the_box_on_the_whole_history_moves_the_window_and_its_end_resizes_it(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.timeline_ready()
    wait_for_window(briefing, "2025-01-01", "2026-04-30")
    strip = briefing.map.locator(".tm-overview").bounding_box()
    box = briefing.map.locator(".tm-box").bounding_box()
    middle_y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, middle_y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - strip["width"] / 3, middle_y, steps=5)  # about ten years back
    page.mouse.up()
    start, end = window_on_slider(briefing)
    assert "2013-01-01" < start < "2017-01-01"
    assert day_number(end) - day_number(start) == 484, "moved, not resized"
    briefing.wait_for_address(window=f"{start}..{end}")

    # Grab the handle where it is now (the page may have scrolled a little as the window moved).
    handle = briefing.map.get_by_role("slider", name="Window end").bounding_box()
    strip = briefing.map.locator(".tm-overview").bounding_box()
    handle_y = handle["y"] + handle["height"] / 2
    page.mouse.move(handle["x"] + 4, handle_y)
    page.mouse.down()
    page.mouse.move(strip["x"] + strip["width"] - 1, handle_y, steps=5)  # to the end of the history...
    strip = briefing.map.locator(".tm-overview").bounding_box()
    page.mouse.move(strip["x"] + strip["width"] - 1, handle_y, steps=2)  # ...wherever the strip now ends
    page.mouse.up()
    assert window_on_slider(briefing)[0] == start
    assert window_on_slider(briefing)[1] >= "2027-02-20", "the end reaches the end of the track"
