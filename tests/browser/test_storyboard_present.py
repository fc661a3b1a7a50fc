"""Presenting a storyboard (render/static/storyboard_show.js): in presentation mode with a storyboard in the
link, → and Page Down step forward, Page Up and ← step back (a presenter's clicker sends Page Down/Up),
with the counter, the step's title and the map's date following; the timeline's own arrow keys (which
jump between change dates) do not fire. The step dates below are not change dates, so a timeline jump
would show another date. The step shown is in the address (?step=), and a link or a reload opens on it;
N shows the step's speaker notes, hidden until asked."""
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
NOTES = {  # speaker notes of steps 1 and 2 (step 3 has none)
    1: "The defence ministers' statement of 18 March.",
    2: "Deposited with the UN Secretary-General on 27 June.",
}
STORY = "title: Withdrawals\ntreaty: apmbc\nsteps:\n" + "".join(
    f"- title: {title}\n  date: {day}\n" + ("  highlight: [EST, LTU, LVA]\n" if "Baltic" in title else "")
    + (f"  notes: {NOTES[number]}\n" if number in NOTES else "")
    for number, (title, day) in enumerate(STEPS, start=1)
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


def test_a_link_opens_on_its_step_and_the_address_follows_the_presenter(page, app_url):
    briefing = MapPage(page, app_url).open(f"present=1&story={encoded(STORY)}&step=3")
    wait_for_step(briefing, 3)  # "Step 3 of 4", and the map on the third step's date
    briefing.press_key("ArrowRight")
    wait_for_step(briefing, 4)
    briefing.wait_for_address(step="4", date="2026-03-01")
    briefing.reload()  # the briefer reloads mid-presentation: back on the same step
    wait_for_step(briefing, 4)
    briefing.press_key("Home")
    wait_for_step(briefing, 1)
    page.wait_for_url(lambda url: "step=" not in url and "date=2025-03-01" in url, timeout=10_000)  # step 1: the default


def notes_panel(briefing: MapPage):
    return briefing.map.locator(".tm-story-notes")


def test_n_shows_the_steps_speaker_notes_until_pressed_again(page, app_url):
    briefing = MapPage(page, app_url).open(f"present=1&story={encoded(STORY)}")
    wait_for_step(briefing, 1)
    toggle = briefing.map.locator(".tm-story-notes-toggle")
    assert notes_panel(briefing).is_hidden(), "hidden at first: a mirrored screen shows the room the notes"
    assert toggle.get_attribute("aria-pressed") == "false"
    briefing.press_key("n")
    notes_panel(briefing).wait_for(state="visible", timeout=5_000)
    assert notes_panel(briefing).inner_text() == NOTES[1]
    assert toggle.get_attribute("aria-pressed") == "true"
    size = notes_panel(briefing).evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert size >= 18, f"notes in {size} px: too small to read from a lectern"
    briefing.press_key("ArrowRight")
    wait_for_step(briefing, 2)
    assert notes_panel(briefing).inner_text() == NOTES[2], "the notes stay shown, the next step's"
    briefing.press_key("PageDown")
    wait_for_step(briefing, 3)
    assert notes_panel(briefing).inner_text() == "No speaker notes for this step."
    briefing.press_key("N")
    notes_panel(briefing).wait_for(state="hidden", timeout=5_000)
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()  # the button does the same, for a mouse (or Tab and Enter)
    notes_panel(briefing).wait_for(state="visible", timeout=5_000)


def test_without_presentation_mode_the_arrows_are_the_timelines(page, app_url):
    briefing = MapPage(page, app_url).open(f"date=2025-07-01&story={encoded(STORY)}")
    briefing.wait_for_date("2025-07-01", timeout=60_000)
    assert briefing.map.locator(".tm-story").count() == 0
    briefing.press_key("ArrowRight")
    next_change = min(day for day in change_dates(_compiled("apmbc")[0]) if day > date(2025, 7, 1))
    briefing.wait_for_date(next_change.isoformat())  # the timeline's next change date, not the next step


def test_axe_finds_no_violation_in_the_step_panel_its_notes_or_the_storyboard_tab(page, app_url):
    briefing = MapPage(page, app_url).open(f"present=1&story={encoded(STORY)}&theme=dark")
    wait_for_step(briefing, 1)
    briefing.press_key("n")  # the speaker notes shown too
    notes_panel(briefing).wait_for(state="visible", timeout=5_000)
    wait_until_idle(page)
    found = {"presenting, map frame": axe_violations(briefing.frame())}
    briefing.open(f"date=2025-07-01&story={encoded(STORY)}&view=Storyboard")
    briefing.wait_for_date("2025-07-01", timeout=60_000)
    briefing.timeline_ready()  # the page settled, as the accessibility tests wait for it
    briefing.wait_for_tab_text("4. Poland leaves")
    wait_until_idle(page)
    found["Storyboard tab"] = axe_violations(page.main_frame)
    assert {where: v for where, v in found.items() if v} == {}
