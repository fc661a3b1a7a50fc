"""Storyboard files: read back unchanged, and every problem named with its file, line, step and field."""
from __future__ import annotations

import time
from datetime import date

import pytest

from storyboard.loader import (
    MAX_STORYBOARD_BYTES,
    StoryboardError,
    dump_storyboard,
    load_storyboard,
    parse_storyboard,
    read_storyboard,
)
from storyboard.model import Callout, Step, Storyboard
from tests.treaty_fixtures import REPO, line_of, mutate, write

SAMPLES = sorted((REPO / "briefings").glob("*.yaml"))
NAME = "briefings/test.yaml"

GOOD = """\
title: Baltic exits
treaty: apmbc
steps:
  - title: "27 June: three instruments"
    date: 2025-06-27
    highlight: [EST, LVA, LTU]
    callouts:
      - text: Same day
        state: LVA
  - title: Before and after
    before: 2025-01-01
    after: 2026-03-01
    region: europe
    notes: Said plainly.
"""


def problems(text: str) -> list:
    storyboard, found = read_storyboard(text, NAME)
    assert storyboard is None and found, "a bad file must give no storyboard"
    return found


def test_the_good_file_reads_as_written():
    storyboard = parse_storyboard(GOOD, NAME)
    assert storyboard.title == "Baltic exits" and storyboard.treaty == "apmbc"
    first, second = storyboard.steps
    assert first.date == date(2025, 6, 27) and first.highlight == ["EST", "LVA", "LTU"]
    assert first.callouts == [Callout(text="Same day", state="LVA")]
    assert (second.before, second.after, second.notes) == (date(2025, 1, 1), date(2026, 3, 1), "Said plainly.")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_a_sample_round_trips_through_dump_unchanged(path):
    storyboard = load_storyboard(path)
    assert parse_storyboard(dump_storyboard(storyboard), "dumped.yaml") == storyboard


def test_every_field_round_trips_including_points_line_breaks_and_text_that_looks_like_other_types():
    storyboard = Storyboard(
        title='Quotes "and": colons',
        treaty="ccm",
        steps=[
            Step(title="yes", subtitle="null", date=date(2025, 3, 6), highlight=["LTU"],
                 callouts=[Callout(text="2025-03-06", at=(54.69, 25.28)), Callout(text="true", state="LTU")],
                 notes="First paragraph.\nSecond: with a colon.\n\n• a bullet"),
            Step(title="123", before=date(2024, 6, 30), after=date(2025, 3, 6), notes="trailing space \nnext"),
        ],
    )
    text = dump_storyboard(storyboard)
    assert parse_storyboard(text, NAME) == storyboard
    assert "date: 2025-03-06\n" in text and "highlight: [LTU]" in text  # dates and codes as a person writes them


def test_load_names_the_file_it_read(tmp_path):
    path = write(tmp_path, mutate(GOOD, "treaty: apmbc", "treaty: apmbc\ncolour: red"), "story.yaml")
    with pytest.raises(StoryboardError) as raised:
        load_storyboard(path)
    [problem] = raised.value.problems
    assert str(problem) == f"{path}:3: field 'colour': unknown key"


def test_an_unknown_state_is_named_with_its_line_step_and_field():
    text = mutate(GOOD, "highlight: [EST, LVA, LTU]", "highlight:\n      - EST\n      - XYZ")
    [problem] = problems(text)
    assert str(problem) == (
        f"{NAME}:{line_of(text, '- XYZ')}: step 1 (\"27 June: three instruments\"), field 'highlight.1': "
        "'XYZ' is not a state in the Mine Ban Convention file nor on the map"
    )


def test_a_callout_pinned_to_an_unknown_state_is_named():
    text = mutate(GOOD, "state: LVA", "state: QQQ")
    [problem] = problems(text)
    assert (problem.line, problem.step, problem.field) == (line_of(text, "state: QQQ"), '1 ("27 June: three instruments")', "callouts.0.state")


def test_a_value_of_the_wrong_type_is_named_on_its_line():
    text = mutate(GOOD, "highlight: [EST, LVA, LTU]", "highlight: EST")
    [problem] = problems(text)
    assert (problem.line, problem.field) == (line_of(text, "highlight: EST"), "highlight")
    assert "valid list" in problem.message


def test_dates_reversed_are_named_on_the_before_line():
    text = mutate(GOOD, "before: 2025-01-01\n    after: 2026-03-01", "before: 2026-03-01\n    after: 2025-01-01")
    [problem] = problems(text)
    assert (problem.line, problem.step, problem.field) == (line_of(text, "before: 2026"), '2 ("Before and after")', "before")
    assert problem.message == "`before` must be earlier than `after`"


def test_a_date_outside_the_treatys_history_is_named():
    text = mutate(GOOD, "date: 2025-06-27", "date: 1990-06-27")
    [problem] = problems(text)
    assert (problem.line, problem.field) == (line_of(text, "date: 1990"), "date")
    assert problem.message.startswith("27 June 1990 is outside the Mine Ban Convention's history in the dataset (18 September 1997 to ")


def test_an_impossible_date_is_named():
    text = mutate(GOOD, "date: 2025-06-27", "date: 2025-02-30")
    [problem] = problems(text)
    assert (problem.line, problem.field) == (line_of(text, "date: 2025-02-30"), "date")


def test_an_unknown_region_is_named():
    text = mutate(GOOD, "region: europe", "region: atlantis")
    [problem] = problems(text)
    assert (problem.line, problem.field) == (line_of(text, "region: atlantis"), "region")
    assert problem.message.startswith("no region 'atlantis' (known: ") and "europe" in problem.message


def test_an_unknown_treaty_is_named():
    text = mutate(GOOD, "treaty: apmbc", "treaty: kyoto")
    [problem] = problems(text)
    assert (problem.line, problem.field) == (2, "treaty")
    assert problem.message.startswith("no treaty 'kyoto' (known: apmbc, ")


def test_a_callout_too_long_to_read_is_named():
    text = mutate(GOOD, "text: Same day", "text: " + "word " * 40)
    [problem] = problems(text)
    assert (problem.line, problem.field) == (line_of(text, "text: word"), "callouts.0.text")
    assert "at most 140 characters" in problem.message


def test_one_bad_step_hides_nothing_about_another_and_problems_come_in_line_order():
    """A step the schema refuses is cross-checked once it passes; the other steps are checked at once."""
    text = mutate(GOOD, "state: LVA", "state: QQQ")
    text = mutate(text, "region: europe", "region: europe\n    colour: red")
    text = mutate(text, "title: Baltic exits", "title: " + "x" * 121)
    found = problems(text)
    assert [(problem.line, problem.step, problem.field) for problem in found] == [
        (1, None, "title"),
        (line_of(text, "state: QQQ"), '1 ("27 June: three instruments")', "callouts.0.state"),
        (line_of(text, "colour: red"), '2 ("Before and after")', "colour"),
    ]


def test_a_yaml_syntax_error_is_named_on_its_line():
    text = mutate(GOOD, "highlight: [EST, LVA, LTU]", "highlight: [EST, LVA, LTU")
    [problem] = problems(text)
    assert problem.message.startswith("not valid YAML") and problem.line == line_of(text, "callouts:")


def test_a_python_tag_is_refused_never_run():
    text = mutate(GOOD, "title: Baltic exits", "title: !!python/object/apply:os.system [echo hi]")
    [problem] = problems(text)
    assert "could not determine a constructor" in problem.message and problem.line == 1


def test_an_alias_bomb_is_refused_quickly():
    bomb = "bomb: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    bomb += "".join(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 10)}]\n" for level in range(1, 9))
    text = bomb + mutate(GOOD, "highlight: [EST, LVA, LTU]", "highlight: *l8")
    started = time.perf_counter()
    [problem] = problems(text)
    assert time.perf_counter() - started < 2
    assert "more than 20,000 values once its YAML aliases are expanded" in problem.message


def test_a_huge_file_is_refused_unread(tmp_path):
    text = GOOD + "# " + "x" * MAX_STORYBOARD_BYTES + "\n"
    [problem] = problems(text)
    assert problem.message == f"the file is larger than {MAX_STORYBOARD_BYTES:,} bytes"
    with pytest.raises(StoryboardError, match="larger than"):
        load_storyboard(write(tmp_path, text, "huge.yaml"))


def test_a_file_that_is_not_a_mapping_is_refused():
    [problem] = problems("- just\n- a list\n")
    assert problem.message == "the file must be a mapping with the keys title, treaty and steps"


def test_a_storyboard_without_steps_is_named():
    [problem] = problems("title: Empty\ntreaty: apmbc\nsteps: []\n")
    assert (problem.line, problem.field) == (3, "steps") and "at least 1 item" in problem.message
