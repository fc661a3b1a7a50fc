"""Whole-dataset checks (codes, references, event order, the treaty's date rules) and the real file."""
import re
from collections import Counter
from datetime import date
from typing import NamedTuple

import pytest

from treaty.loader import load_dataset
from treaty.status import Status, compile_timelines
from treaty_fixtures import (
    REAL_DATASET,
    add_to_norway,
    assert_problem,
    line_of,
    minimal_yaml,
    mutate,
    only_problem,
    problems_of,
    write,
)


class Broken(NamedTuple):
    text: str
    message: str
    line_at: str  # text on the line the problem must point to
    state: str | None = None
    event: str | None = None
    field: str | None = None
    occurrence: int = 1  # which line containing `line_at`


def _norway_event(kind: str, day: str, extra: str = "") -> str:
    return f"    - type: {kind}\n      date: {day}\n      confirmed: true\n{extra}      sources: [monitor-nor]\n"


def _russia_events(kind: str, day: str) -> str:
    return mutate(
        minimal_yaml(),
        "    events: []\n",
        f"    events:\n    - type: {kind}\n      date: {day}\n      confirmed: true\n      sources: [monitor-rus]\n",
    )


BASE = minimal_yaml()
SEMANTIC_CASES = {
    "unknown ISO code": Broken(
        mutate(BASE, "iso3: NOR", "iso3: ZZZ"),
        "'ZZZ' is not an ISO 3166-1 alpha-3 code",
        "iso3: ZZZ",
        "ZZZ",
        None,
        "iso3",
    ),
    "duplicate ISO code": Broken(
        mutate(BASE, "iso3: NOR", "iso3: LTU"),
        "duplicate state code, first used by state #1",
        "iso3: LTU",
        "LTU",
        None,
        "iso3",
        occurrence=2,
    ),
    "events out of order": Broken(
        mutate(BASE, "date: 1997-12-03", "date: 1998-08-01"),
        "1998-07-09 comes before the previous event (signature, 1998-08-01): list events in date order",
        "date: 1998-07-09",
        "NOR",
        "2 (ratification)",
        "date",
    ),
    "event cites an undefined source": Broken(
        mutate(BASE, "      sources: [monitor-nor]\n    - type: ratification", "      sources: [nope]\n    - type: ratification"),
        "cites source 'nope', which the file's sources do not define",
        "sources: [nope]",
        "NOR",
        "1 (signature)",
        "sources",
    ),
    "state cites an undefined source": Broken(
        mutate(BASE, "    sources: [monitor-rus]", "    sources: [nope]"),
        "cites source 'nope'",
        "sources: [nope]",
        "RUS",
        None,
        "sources",
    ),
    "treaty cites an undefined source": Broken(
        mutate(BASE, "  sources: [unoda]", "  sources: [nope]"),
        "cites source 'nope'",
        "sources: [nope]",
        None,
        None,
        "sources",
    ),
    "entry into force against Art. 17(2)": Broken(
        mutate(BASE, "date: 2003-11-01", "date: 2003-12-01"),
        "2003-12-01 disagrees with Art. 17: a deposit on 2003-05-12 enters into force on 2003-11-01",
        "date: 2003-12-01",
        "LTU",
        "2 (entry_into_force)",
        "date",
    ),
    "entry into force against Art. 17(1) for an early deposit": Broken(
        add_to_norway(_norway_event("entry_into_force", "1999-01-01")),
        "1999-01-01 disagrees with Art. 17: a deposit on 1998-07-09 enters into force on 1999-03-01",
        "date: 1999-01-01",
        "NOR",
        "3 (entry_into_force)",
        "date",
    ),
    "withdrawal effective against Art. 20": Broken(
        mutate(BASE, "date: 2025-12-27", "date: 2025-12-28"),
        "2025-12-28 disagrees with Art. 20: an instrument received on 2025-06-27 takes effect on 2025-12-27",
        "date: 2025-12-28",
        "LTU",
        "4 (withdrawal_effective)",
        "date",
    ),
    "entry into force with no consent before it": Broken(
        _russia_events("entry_into_force", "1999-03-01"),
        "entry into force with no ratification, accession or succession before it",
        "- type: entry_into_force",
        "RUS",
        "1 (entry_into_force)",
        "type",
        occurrence=2,
    ),
    "withdrawal by a state that never joined": Broken(
        _russia_events("withdrawal_deposited", "2025-06-27"),
        "a withdrawal from a treaty the state never joined",
        "- type: withdrawal_deposited",
        "RUS",
        "1 (withdrawal_deposited)",
        "type",
        occurrence=2,
    ),
    "withdrawal effective with no instrument deposited": Broken(
        add_to_norway(_norway_event("withdrawal_effective", "2025-12-27")),
        "a withdrawal takes effect with no instrument of withdrawal deposited before it",
        "- type: withdrawal_effective",
        "NOR",
        "3 (withdrawal_effective)",
        "type",
        occurrence=2,
    ),
    "state with no events and no sources": Broken(
        mutate(BASE, "    sources: [monitor-rus]\n", ""),
        "a state that never signed or joined needs 'sources' saying so",
        "iso3: RUS",
        "RUS",
        None,
        "sources",
    ),
    "event after the file's as_of date": Broken(
        add_to_norway(_norway_event("statement", "2027-01-01")),
        "2027-01-01 is after the file's as_of date (2026-11-22)",
        "date: 2027-01-01",
        "NOR",
        "3 (statement)",
        "date",
    ),
    "signature before the treaty was opened": Broken(
        mutate(BASE, "date: 1997-12-03", "date: 1997-12-02"),
        "1997-12-02 is before the treaty was opened for signature (1997-12-03)",
        "date: 1997-12-02",
        "NOR",
        "1 (signature)",
        "date",
    ),
    "armed-conflict exception that brings a withdrawal forward": Broken(
        mutate(BASE, "      date: 2025-12-27\n", "      date: 2025-12-26\n      rule_exception: armed-conflict proviso\n"),
        "2025-12-26 is before 2025-12-27: the armed-conflict proviso can only delay a withdrawal",
        "date: 2025-12-26",
        "LTU",
        "4 (withdrawal_effective)",
        "date",
    ),
    "rule exception on an event no rule dates": Broken(
        mutate(BASE, "      date: 1998-07-09\n", "      date: 1998-07-09\n      rule_exception: why not\n"),
        "only an entry_into_force or withdrawal_effective date can be an exception to a rule",
        "rule_exception: why not",
        "NOR",
        "2 (ratification)",
        "rule_exception",
    ),
}


@pytest.mark.parametrize("case", SEMANTIC_CASES.values(), ids=SEMANTIC_CASES.keys())
def test_each_dataset_rule_is_reported_with_its_file_line_state_event_and_field(tmp_path, case):
    path = write(tmp_path, case.text)
    assert_problem(
        only_problem(path),
        path,
        message=case.message,
        line=line_of(case.text, case.line_at, case.occurrence),
        state=case.state,
        event=case.event,
        field=case.field,
    )


@pytest.mark.parametrize(
    ("old", "new", "state"),
    [
        ("date: 2003-11-01", "date: 2003-12-01\n      rule_exception: recorded late by the depositary", "LTU"),
        ("date: 2025-12-27", "date: 2026-03-01\n      rule_exception: Art. 20(3) armed-conflict proviso", "LTU"),
    ],
    ids=["entry into force", "withdrawal effective"],
)
def test_a_date_off_the_rule_is_accepted_with_a_rule_exception(tmp_path, old, new, state):
    dataset = load_dataset(write(tmp_path, mutate(minimal_yaml(), old, new)))
    assert [event.rule_exception for event in dataset.state(state).events if event.rule_exception]


def test_a_file_dated_between_a_deposit_and_its_effect_is_accepted_with_the_withdrawal_pending(tmp_path):
    """On 1 September 2025 Lithuania's withdrawal (deposited 27 June) is known and takes effect on
    27 December: a file written that day records both, the effect being scheduled by Art. 20."""
    text = mutate(minimal_yaml(), "as_of: 2026-11-22", "as_of: 2025-09-01")
    text = text.replace("accessed: 2026-11-22", "accessed: 2025-09-01")
    dataset = load_dataset(write(tmp_path, text))
    assert dataset.as_of == date(2025, 9, 1)
    lithuania = next(timeline for timeline in compile_timelines(dataset) if timeline.iso3 == "LTU")
    on_as_of = lithuania.at(date(2025, 9, 1))
    assert (on_as_of.status, on_as_of.takes_effect, on_as_of.days_remaining) == (Status.WITHDRAWAL_PENDING, date(2025, 12, 27), 117)


def test_a_withdrawal_delayed_by_the_armed_conflict_proviso_to_the_day_after_the_rule_is_accepted(tmp_path):
    text = mutate(minimal_yaml(), "      date: 2025-12-27\n", "      date: 2025-12-28\n      rule_exception: armed-conflict proviso\n")
    dataset = load_dataset(write(tmp_path, text))
    assert dataset.state("LTU").events[-1].date.first == date(2025, 12, 28)


def test_every_problem_in_a_file_is_reported_not_only_the_first(tmp_path):
    text = mutate(minimal_yaml(), "type: signature", "type: signed")  # NOR, schema
    text = mutate(text, "date: 2003-05-12", "date: 2003-05-32")  # LTU, schema
    text = mutate(text, "url: https://example.org/nor", "url: javascript:alert(1)")  # sources, schema
    text += "colour: red\n"  # top level
    problems = problems_of(write(tmp_path, text))
    assert Counter((problem.state, problem.field) for problem in problems) == Counter(
        [("NOR", "type"), ("LTU", "date"), (None, "sources.monitor-nor.url"), (None, None)]
    )


def test_every_rule_broken_in_a_valid_schema_is_reported(tmp_path):
    text = mutate(minimal_yaml(), "iso3: RUS", "iso3: ZZZ")
    text = mutate(text, "date: 2003-11-01", "date: 2003-12-01")
    text = mutate(text, "date: 2025-12-27", "date: 2025-12-28")
    text = mutate(text, "      sources: [monitor-nor]\n    - type: ratification", "      sources: [nope]\n    - type: ratification")
    problems = problems_of(write(tmp_path, text))
    assert Counter((problem.state, problem.event, problem.field) for problem in problems) == Counter(
        [
            ("LTU", "2 (entry_into_force)", "date"),
            ("LTU", "4 (withdrawal_effective)", "date"),
            ("NOR", "1 (signature)", "sources"),
            ("ZZZ", None, "iso3"),
        ]
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    name: Norway\n", "    name: Norway\n    colour: red\n"),
        ("date: 1997-12-03", "date: yesterday"),
    ],
    ids=["unknown key", "bad date"],
)
def test_one_bad_state_does_not_hide_the_problems_of_another(tmp_path, old, new):
    text = mutate(minimal_yaml(), old, new)  # Norway: refused by the schema
    text = mutate(text, "iso3: RUS", "iso3: ZZZ")  # another state: an unknown code
    text = mutate(text, "date: 2003-11-01", "date: 2003-12-01")  # and another: against Art. 17
    path = write(tmp_path, text)
    states = {problem.state for problem in problems_of(path)}
    assert states == {"NOR", "ZZZ", "LTU"}


# ---- the real file ----


@pytest.fixture(scope="module")
def real():
    return load_dataset(REAL_DATASET)


def test_the_real_file_validates_and_covers_the_map(real):
    assert len(real.states) >= 55
    assert len({state.iso3 for state in real.states}) == len(real.states)


def test_every_event_in_the_real_file_cites_a_source_the_file_defines(real):
    for state in real.states:
        for event in state.events:
            assert event.sources, f"{state.iso3} {event.type.value} {event.date} has no source"
            assert all(source_id in real.sources for source_id in event.sources), (state.iso3, event.sources)


def test_every_source_in_the_real_file_was_read_on_a_check_recorded_in_verification(real):
    # A partial re-check may read sources after the file's as_of, which moves only when the whole file is checked.
    verification = (REAL_DATASET.parent / "VERIFICATION.md").read_text(encoding="utf-8")
    check_days = {date.fromisoformat(day) for day in re.findall(r"\*\*Checked on:\*\* (\d{4}-\d{2}-\d{2})", verification)}
    assert real.as_of in check_days
    for source_id, source in real.sources.items():
        assert source.accessed in check_days, source_id


def test_every_state_without_events_in_the_real_file_cites_why(real):
    for state in real.states:
        if not state.events:
            assert state.sources and all(source_id in real.sources for source_id in state.sources), state.iso3
