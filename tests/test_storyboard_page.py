"""The Storyboard tab (components/storyboard_panel.py), driven as a briefer would: add the map's view as a
step, edit, reorder, delete; save the file and open it again; open a bad file; share by link; and what
presentation mode sends the map."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from components.map_view import BUILD_DIR
from components.storyboard_panel import callout_lines, callouts_from_lines
from storyboard.link import encoded
from storyboard.model import Callout, Step, Storyboard
from tests.app_page import map_arguments, move_on_timeline, open_page, shown_date, tell_from_map

STORYBOARD = "storyboard"
ADD = "FormSubmitter:story_form-Add as a step"
SAVE_EDIT = "FormSubmitter:story_form-Save the step"

# A storyboard file as a briefer writes it (dates checked against data/apmbc.yaml: the Baltic
# withdrawals were deposited on 27 June 2025 and took effect six months later).
GOOD_FILE = """\
title: Baltic withdrawals
treaty: apmbc
steps:
- title: Instruments deposited
  date: 2025-06-27
  highlight: [EST, LTU, LVA]
- title: Withdrawals take effect
  before: 2025-06-27
  after: 2025-12-27
  notes: The first withdrawals in the Convention's history.
"""
# Line 5: a state code that is not one; line 8: a step with a date and a before/after pair.
BAD_FILE = """\
title: Broken
treaty: apmbc
steps:
- title: A code that is not one
  highlight: [Estonia]
  date: 2025-06-27
- title: Two kinds of date
  date: 2025-06-27
  before: 2025-01-01
  after: 2025-12-27
"""


@pytest.fixture
def downloads(monkeypatch) -> dict[str, tuple[str, bytes]]:
    """What the page's download buttons offer (file name, content), by media id (AppTest keeps no file we
    could fetch)."""
    stored: dict[str, tuple[str, bytes]] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        stored[file_id] = (filename, path_or_data)
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return stored


def storyboard_tab(monkeypatch, **link: str) -> AppTest:
    return open_page(monkeypatch, view="Storyboard", **link)


def add_step(page: AppTest, title: str, highlight=(), callouts: str = "", notes: str = "", before: date | None = None) -> AppTest:
    page.text_input(key="story_title").input(title)
    page.multiselect(key="story_highlight").set_value(list(highlight))
    page.text_area(key="story_callouts").input(callouts)
    page.text_area(key="story_notes").input(notes)
    if before is not None:
        page.checkbox(key="story_compare").check()
        page.date_input(key="story_before").set_value(before)
    page.button(key=ADD).click().run()
    assert not page.exception, [e.value for e in page.exception]
    return page


def saved_file(page: AppTest, downloads: dict[str, tuple[str, bytes]]) -> tuple[str, bytes]:
    """The file the Save button offers: its name and content."""
    [button] = [b for b in page.get("download_button") if b.proto.label == "Save the storyboard (YAML)"]
    return downloads[Path(button.proto.url).stem]


def open_file(page: AppTest, name: str, content: bytes) -> AppTest:
    page.file_uploader(key="story_file").upload(name, content, "application/yaml")
    page.run()
    assert not page.exception, [e.value for e in page.exception]
    return page


def unescaped(markdown: str) -> str:
    return markdown.replace("\\", "")


def two_step_page(monkeypatch) -> AppTest:
    page = storyboard_tab(monkeypatch, date="2025-06-27")
    add_step(page, "Instruments deposited", highlight=["EST", "LTU", "LVA"],
             callouts="EST: Estonia deposits\n59.4, 24.7: Tallinn", notes="Three states, one day.")
    move_on_timeline(page, "2025-12-27")
    return add_step(page, "Withdrawals take effect", before=date(2025, 6, 27), notes="The first withdrawals.")


def test_two_steps_built_in_the_page_hold_what_was_typed(monkeypatch):
    story = two_step_page(monkeypatch).session_state[STORYBOARD]
    assert (story.title, story.treaty) == ("Mine Ban Convention briefing", "apmbc")
    first, second = story.steps
    assert (first.title, first.date, first.highlight) == ("Instruments deposited", date(2025, 6, 27), ["EST", "LTU", "LVA"])
    assert first.callouts == [Callout(text="Estonia deposits", state="EST"), Callout(text="Tallinn", at=(59.4, 24.7))]
    assert first.notes == "Three states, one day."
    assert (second.date, second.before, second.after) == (None, date(2025, 6, 27), date(2025, 12, 27))


def test_a_storyboard_round_trips_page_to_file_to_page_unchanged(monkeypatch, downloads):
    built = two_step_page(monkeypatch)
    name, content = saved_file(built, downloads)
    assert name == "mine-ban-convention-briefing.yaml"
    assert content.decode("utf-8").startswith("title: Mine Ban Convention briefing")
    other = open_file(storyboard_tab(monkeypatch), "briefing.yaml", content)
    assert other.session_state[STORYBOARD] == built.session_state[STORYBOARD]
    assert not other.error
    assert saved_file(other, downloads)[1] == content, "saved again, the same file"


def test_a_bad_file_names_every_problem_and_keeps_the_storyboard(monkeypatch):
    page = two_step_page(monkeypatch)
    before = page.session_state[STORYBOARD]
    open_file(page, "broken.yaml", BAD_FILE.encode())
    [error] = page.error
    assert "`broken.yaml` cannot be opened" in error.value and "The storyboard on the page is unchanged" in error.value
    shown = unescaped(error.value)
    assert "line 5, step 1 (\"A code that is not one\"), field 'highlight.0'" in shown, shown
    assert "line 8, step 2 (\"Two kinds of date\"), field 'date': a step has either `date`, or `before` and `after`" in shown
    assert page.session_state[STORYBOARD] == before


def test_a_file_that_is_not_text_is_refused_and_nothing_is_lost(monkeypatch):
    page = two_step_page(monkeypatch)
    before = page.session_state[STORYBOARD]
    open_file(page, "picture.yaml", b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert "not UTF-8 text" in page.error[0].value
    assert page.session_state[STORYBOARD] == before


def test_a_step_shows_the_region_chosen_and_keeps_it_when_edited(monkeypatch):
    page = storyboard_tab(monkeypatch, date="2025-12-27")
    assert page.selectbox(key="story_region").value == "europe", "a new step shows the page's region"
    page.selectbox(key="story_region").set_value("nordic-baltic")
    add_step(page, "The Baltic exits")
    assert page.session_state[STORYBOARD].steps[0].region == "nordic-baltic"
    assert page.selectbox(key="story_region").value == "europe", "the form starts again from the page's view"
    page.button(key="story_edit_0").click().run()
    page.text_input(key="story_title").input("The Baltic exits, 27 December")
    page.button(key=SAVE_EDIT).click().run()
    assert page.session_state[STORYBOARD].steps[0].region == "nordic-baltic"
    presenting = open_page(monkeypatch, present="1", story=page.query_params["story"])
    steps = json.loads((BUILD_DIR / map_arguments(presenting)["storyboard"]["url"]).read_text(encoding="utf-8"))["steps"]
    assert steps[0]["view_bounds"] == [[53.5, -24.5], [71.2, 31.6]]  # the Nordic–Baltic preset (geo/regions.py)


def test_steps_are_edited_moved_and_deleted(monkeypatch):
    page = two_step_page(monkeypatch)
    page.button(key="story_edit_0").click().run()
    assert page.text_input(key="story_title").value == "Instruments deposited", "the form holds the step to edit"
    page.text_input(key="story_title").input("Deposited in New York")
    page.button(key=SAVE_EDIT).click().run()
    titles = lambda: [step.title for step in page.session_state[STORYBOARD].steps]  # noqa: E731
    assert titles() == ["Deposited in New York", "Withdrawals take effect"]
    assert page.session_state[STORYBOARD].steps[0].highlight == ["EST", "LTU", "LVA"], "the rest of the step is kept"
    page.button(key="story_down_0").click().run()
    assert titles() == ["Withdrawals take effect", "Deposited in New York"]
    page.button(key="story_up_1").click().run()
    assert titles() == ["Deposited in New York", "Withdrawals take effect"]
    page.button(key="story_delete_0").click().run()
    assert titles() == ["Withdrawals take effect"]
    page.button(key="story_delete_0").click().run()
    assert page.session_state[STORYBOARD] is None


def test_a_step_that_breaks_a_rule_is_not_added_and_says_why(monkeypatch):
    page = storyboard_tab(monkeypatch, date="2025-06-27")
    add_step(page, "Compare", before=date(2025, 12, 27))  # "before" after the map's date
    assert page.session_state[STORYBOARD] is None
    assert "step: `before` must be earlier than `after`" in unescaped(page.error[0].value)
    add_step(page, "Callout", callouts="Estonia deposits")
    assert "callout line 1 (Estonia deposits): write `ISO3: text`" in unescaped(page.error[0].value)


def test_a_step_the_file_could_not_hold_is_refused_in_the_page(monkeypatch):
    # A callout longer than a file may hold (140 characters) is refused at once, rather than saved in a
    # file that would not open again.
    page = storyboard_tab(monkeypatch, date="2025-12-27")
    add_step(page, "Too long", callouts="EST: " + "x" * 141)
    assert page.session_state[STORYBOARD] is None
    assert "140" in unescaped(page.error[0].value)


def test_a_step_on_the_last_day_of_the_timeline_is_accepted(monkeypatch):
    # The file's dates run to the timeline's end (a year after the last change, 20 February 2026), so
    # any day the briefer can show can be a step.
    page = storyboard_tab(monkeypatch, date="2027-02-20")
    add_step(page, "A year on")
    assert [step.date for step in page.session_state[STORYBOARD].steps] == [date(2027, 2, 20)]


def test_the_storyboard_travels_in_the_link(monkeypatch):
    built = two_step_page(monkeypatch)
    opened = storyboard_tab(monkeypatch, story=built.query_params["story"])
    assert opened.session_state[STORYBOARD] == built.session_state[STORYBOARD]


@pytest.mark.parametrize("code", ["garbage!", encoded("title: [unclosed"), encoded("title: x\ntreaty: apmbc\nsteps: []\n")])
def test_a_hostile_link_gets_a_notice_and_no_storyboard(monkeypatch, code):
    page = storyboard_tab(monkeypatch, story=code)
    assert page.session_state[STORYBOARD] is None
    assert any("The link's storyboard" in warning.value and "cannot be read" in warning.value for warning in page.warning)
    assert "story" not in page.query_params


def test_presentation_mode_sends_the_map_the_steps_once(monkeypatch):
    page = open_file(storyboard_tab(monkeypatch), "baltic.yaml", GOOD_FILE.encode())
    assert map_arguments(page)["storyboard"] is None, "not presenting: no steps for the map"
    presenting = open_page(monkeypatch, present="1", story=page.query_params["story"])
    name = map_arguments(presenting)["storyboard"]["url"]
    steps = json.loads((BUILD_DIR / name).read_text(encoding="utf-8"))["steps"]
    assert [(s["title"], s["date"], s["before"], s["story"]["highlight"]) for s in steps] == [
        ("Instruments deposited", "2025-06-27", None, ["EST", "LTU", "LVA"]),
        ("Withdrawals take effect", "2025-12-27", "2025-06-27", []),
    ]
    assert steps[1]["date_label"] == "27 December 2025"
    # The Baltic withdrawals took effect between the two dates (data/apmbc.yaml); Finland's notice came on 10 July.
    assert "Estonia: Withdrawal notified, pending (still bound) → Withdrawn (former party)" in steps[1]["changes"]
    assert steps[0]["changes"] == []


def test_callouts_as_lines_and_back():
    callouts, problems = callouts_from_lines("est: Estonia\n\n 59.4 , 24.7 : Tallinn \nno anchor here\nXX1: bad")
    assert callouts == [Callout(text="Estonia", state="EST"), Callout(text="Tallinn", at=(59.4, 24.7))]
    assert [problem.split(" (")[0] for problem in problems] == ["callout line 4", "callout line 5"]
    assert callout_lines(callouts) == "EST: Estonia\n59.4, 24.7: Tallinn"


def test_a_new_step_starts_from_the_highlight_and_callouts_on_the_map(monkeypatch):
    page = storyboard_tab(monkeypatch, date="2025-12-27", highlight="est,lva", callout="EST:Leaves")
    assert page.multiselect(key="story_highlight").value == ["EST", "LVA"]
    assert page.text_area(key="story_callouts").value == "EST: Leaves"
    add_step(page, "Two leave", highlight=["EST", "LVA"], callouts="EST: Leaves")
    assert page.session_state[STORYBOARD].steps[0].callouts == [Callout(text="Leaves", state="EST")]


def test_the_download_tab_hands_out_the_storyboard_built_in_the_page(monkeypatch):
    built = two_step_page(monkeypatch)
    download = open_page(monkeypatch, view="Download", story=built.query_params["story"])
    assert any("“Mine Ban Convention briefing”: 2 steps" in caption.value for caption in download.caption)
    assert "Open a briefing file" not in [uploader.label[:20] for uploader in download.file_uploader]


def test_show_puts_a_steps_date_on_the_map(monkeypatch):
    page = two_step_page(monkeypatch)
    assert shown_date(page) == date(2025, 12, 27)
    page.button(key="story_show_0").click().run()
    assert shown_date(page) == date(2025, 6, 27)
    assert page.query_params["date"] == "2025-06-27"


def test_a_storyboard_too_large_for_a_link_says_to_share_the_file(monkeypatch):
    import random

    noise = random.Random(18)
    notes = lambda: "".join(noise.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(400))  # noqa: E731
    steps = [Step(title=f"Step {n}", date=date(2025, 12, 27), notes=notes()) for n in range(40)]
    page = storyboard_tab(monkeypatch)
    page.session_state[STORYBOARD] = Storyboard(title="Long", treaty="apmbc", steps=steps)
    page.run()
    assert "story" not in page.query_params
    assert any("too large for a link: share the saved file" in caption.value for caption in page.caption)


# ---- presenting: the steps worked out once per storyboard and dataset version; the step in the link ----

@pytest.fixture
def placed_steps(monkeypatch) -> list[tuple[str, ...]]:
    """The steps whose highlight and callouts were placed (the costly part of presenting), by highlight,
    counted from an empty cache."""
    import components.storyboard_panel as panel

    placed, place = [], panel.story_payload
    monkeypatch.setattr(panel, "story_payload", lambda highlight, *rest: placed.append(tuple(sorted(highlight))) or place(highlight, *rest))
    panel._published_steps.clear()
    return placed


def test_presenting_works_the_steps_out_once_per_storyboard_and_dataset_version(monkeypatch, tmp_path, placed_steps):
    import os
    import shutil

    shutil.copy(Path("data/apmbc.yaml"), tmp_path / "apmbc.yaml")
    page = open_page(monkeypatch, data_dir=tmp_path, present="1", story=encoded(GOOD_FILE))
    published = map_arguments(page)["storyboard"]["url"]
    assert placed_steps == [("EST", "LTU", "LVA"), ()], "each of the two steps placed once"
    for day in ("2025-06-28", "2025-06-29"):  # the presenter steps: the page reruns
        move_on_timeline(page, day)
    assert len(placed_steps) == 2, "a rerun with the same storyboard works nothing out again"
    assert map_arguments(page)["storyboard"]["url"] == published
    story = page.session_state[STORYBOARD]
    page.session_state[STORYBOARD] = story.model_copy(update={"steps": story.steps[:1]})  # an edited storyboard
    page.run()
    assert len(placed_steps) == 3 and map_arguments(page)["storyboard"]["url"] != published
    stat = (tmp_path / "apmbc.yaml").stat()
    os.utime(tmp_path / "apmbc.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the dataset edited
    page.run()
    assert len(placed_steps) == 4, "a new dataset version: the steps worked out again"


def test_the_steps_file_is_written_again_if_it_has_gone(monkeypatch, placed_steps):
    page = open_page(monkeypatch, present="1", story=encoded(GOOD_FILE))
    published = BUILD_DIR / map_arguments(page)["storyboard"]["url"]
    published.unlink()
    move_on_timeline(page, "2025-06-28")
    assert published.exists()
    assert json.loads(published.read_text(encoding="utf-8"))["steps"][1]["notes"] == "The first withdrawals in the Convention's history."


def test_a_link_opens_the_presentation_on_its_step(monkeypatch):
    page = open_page(monkeypatch, present="1", story=encoded(GOOD_FILE), step="2")
    assert map_arguments(page)["storyboard"]["step"] == 2
    assert page.query_params["step"] == "2"
    assert not page.warning


@pytest.mark.parametrize("step", ["0", "3", "-1", "two", "1.5", "2 ", "0002", "9" * 40, "2'><script>"])
def test_a_step_the_storyboard_does_not_have_gets_a_notice_and_step_1(monkeypatch, step):
    page = open_page(monkeypatch, present="1", story=encoded(GOOD_FILE), step=step)
    assert map_arguments(page)["storyboard"]["step"] == 1
    [warning] = [w.value for w in page.warning if "The link's step" in w.value]
    assert "is not a step of this storyboard (1 to 2): presenting from step 1" in warning
    assert "step" not in page.query_params
    assert page.query_params["present"] == "1" and page.query_params["story"] == encoded(GOOD_FILE), "nothing else lost"
    assert len(page.session_state[STORYBOARD].steps) == 2


def test_the_step_the_presenter_moves_to_goes_into_the_link(monkeypatch):
    page = open_page(monkeypatch, present="1", story=encoded(GOOD_FILE))
    assert "step" not in page.query_params, "step 1 is the link without a step"
    tell_from_map(page, date="2025-12-27", step=2)
    assert page.query_params["step"] == "2" and map_arguments(page)["storyboard"]["step"] == 2
    for wrong in (3, 0, "2", True, None):  # not a step of this storyboard: the last good one stays
        tell_from_map(page, step=wrong)
        assert page.query_params["step"] == "2", wrong
    tell_from_map(page, step=1)
    assert "step" not in page.query_params


def test_another_storyboard_starts_at_its_first_step(monkeypatch):
    page = open_page(monkeypatch, present="1", story=encoded(GOOD_FILE), step="2")
    page.session_state[STORYBOARD] = Storyboard(title="Other", treaty="apmbc", steps=[Step(title="One", date=date(2025, 6, 27))] * 3)
    page.run()
    assert map_arguments(page)["storyboard"]["step"] == 1 and "step" not in page.query_params
