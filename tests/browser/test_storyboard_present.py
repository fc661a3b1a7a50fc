"""Presenting a storyboard (render/static/storyboard_show.js): in presentation mode with a storyboard in the
link, → and Page Down step forward, Page Up and ← step back (a presenter's clicker sends Page Down/Up),
with the counter, the step's title and the map's date following; the timeline's own arrow keys (which
jump between change dates) do not fire. The step dates below are not change dates, so a timeline jump
would show another date."""
from __future__ import annotations

from datetime import date

from storyboard.link import encoded
from tests.browser.map_page import MapPage, _compiled
from tests.browser.test_accessibility import axe_violations, wait_until_idle
from treaty.status import change_dates

STEPS = (  # title, date on the map
    ("Before the regional decision", "2025-03-01"),
    ("Instruments deposited", "2025-07-01"),
    ("The Baltic withdrawals take effect", "2025-12-28"),
    ("Poland leaves", "2026-03-01"),
)
STORY = "title: Withdrawals\ntreaty: apmbc\nsteps:\n" + "".join(
    f"- title: {title}\n  date: {day}\n" + ("  highlight: [EST, LTU, LVA]\n" if "Baltic" in title else "")
    for title, day in STEPS
)


def story_panel(briefing: MapPage):
    return briefing.map.locator(".tm-story")


def wait_for_step(briefing: MapPage, number: int) -> None:
    title, day = STEPS[number - 1]
    story_panel(briefing).locator(f'xpath=self::*[@data-step="{number}"]').wait_for(timeout=20_000)
    briefing.wait_for_date(day, timeout=20_000)
    assert briefing.map.locator(".tm-story-counter").inner_text() == f"Step {number} of {len(STEPS)}"
    assert briefing.map.locator(".tm-story-title").inner_text() == title


def test_the_keys_and_the_clicker_step_the_storyboard(page, app_url):
    briefing = MapPage(page, app_url).open(f"present=1&date=2024-01-01&story={encoded(STORY)}")
    wait_for_step(briefing, 1)  # the storyboard opens on its first step, whatever the link's date
    for key, number in (("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("ArrowLeft", 1)):
        briefing.press_key(key)
        wait_for_step(briefing, number)
    briefing.press_key("ArrowLeft")  # at the first step: nothing moves, not even the timeline
    page.wait_for_timeout(500)
    wait_for_step(briefing, 1)
    briefing.press_key("End")
    wait_for_step(briefing, 4)
    briefing.wait_for_address(date="2026-03-01")  # the server heard of the step's date (sentence, link)


def test_the_steps_buttons_step_it_with_a_mouse(page, app_url):
    briefing = MapPage(page, app_url).open(f"present=1&story={encoded(STORY)}")
    wait_for_step(briefing, 1)
    assert briefing.map.locator(".tm-story-previous").is_disabled()
    briefing.map.locator(".tm-story-next").click()
    wait_for_step(briefing, 2)


def test_without_presentation_mode_the_arrows_are_the_timelines(page, app_url):
    briefing = MapPage(page, app_url).open(f"date=2025-07-01&story={encoded(STORY)}")
    briefing.wait_for_date("2025-07-01", timeout=60_000)
    assert briefing.map.locator(".tm-story").count() == 0
    briefing.press_key("ArrowRight")
    next_change = min(day for day in change_dates(_compiled("apmbc")[0]) if day > date(2025, 7, 1))
    briefing.wait_for_date(next_change.isoformat())  # the timeline's next change date, not the next step


def test_axe_finds_no_violation_in_the_step_panel_or_the_storyboard_tab(page, app_url):
    briefing = MapPage(page, app_url).open(f"present=1&story={encoded(STORY)}&theme=dark")
    wait_for_step(briefing, 1)
    wait_until_idle(page)
    found = {"presenting, map frame": axe_violations(briefing.frame())}
    briefing.open(f"date=2025-07-01&story={encoded(STORY)}&view=Storyboard")
    briefing.wait_for_date("2025-07-01", timeout=60_000)
    briefing.timeline_ready()  # the page settled, as the accessibility tests wait for it
    briefing.wait_for_tab_text("4. Poland leaves")
    wait_until_idle(page)
    found["Storyboard tab"] = axe_violations(page.main_frame)
    assert {where: v for where, v in found.items() if v} == {}
