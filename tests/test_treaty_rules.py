"""Art. 17 (entry into force) and Art. 20 (withdrawal) as the real file states them."""
from datetime import date

import pytest

from treaty.loader import load_dataset
from treaty.model import CONSENT_TYPES, EntryIntoForceRule, EventType
from treaty.rules import entry_into_force_date, withdrawal_effective_date
from treaty.status import Status, compile_timelines
from treaty_fixtures import REAL_DATASET, assert_problem, line_of, minimal_yaml, mutate, only_problem, write


@pytest.fixture(scope="module")
def real():
    return load_dataset(REAL_DATASET)


@pytest.mark.parametrize(
    ("deposit", "in_force"),
    [
        (date(1997, 12, 3), date(1999, 3, 1)),  # Art. 17(1): the general date for early depositors
        (date(1998, 7, 9), date(1999, 3, 1)),
        (date(1998, 9, 16), date(1999, 3, 1)),  # the 40th instrument, last day of the threshold
        (date(1998, 9, 17), date(1999, 3, 1)),  # Art. 17(2) from here: sixth month after September
        (date(1998, 10, 1), date(1999, 4, 1)),
        (date(2003, 5, 12), date(2003, 11, 1)),
        (date(2003, 9, 3), date(2004, 3, 1)),
        (date(2005, 7, 1), date(2006, 1, 1)),
        (date(2005, 12, 27), date(2006, 6, 1)),
        (date(2012, 12, 27), date(2013, 6, 1)),
    ],
)
def test_entry_into_force_follows_article_17(real, deposit, in_force):
    assert entry_into_force_date(real.treaty.rules.entry_into_force, deposit) == in_force


@pytest.mark.parametrize(
    ("deposit", "in_force"),
    [(date(1998, 9, 16), date(1999, 3, 1)), (date(1998, 9, 17), date(1998, 10, 1))],
)
def test_a_deposit_on_the_threshold_day_still_takes_the_general_date(deposit, in_force):
    # A one-month rule, so that the general date and the computed date differ on either side of the threshold.
    rule = EntryIntoForceRule(
        article="17", general_date=date(1999, 3, 1), threshold_deposit_date=date(1998, 9, 16), months_after_deposit=1
    )
    assert entry_into_force_date(rule, deposit) == in_force


@pytest.mark.parametrize(
    ("deposit", "effective"),
    [
        (date(2025, 6, 27), date(2025, 12, 27)),
        (date(2025, 7, 10), date(2026, 1, 10)),
        (date(2025, 8, 20), date(2026, 2, 20)),
        (date(2025, 8, 31), date(2026, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
    ],
)
def test_withdrawal_takes_effect_six_months_to_the_day_after_deposit(real, deposit, effective):
    assert withdrawal_effective_date(real.treaty.rules.withdrawal, deposit) == effective


def test_the_real_file_states_the_rules_the_dates_are_computed_from(real):
    rules = real.treaty.rules
    assert (rules.entry_into_force.general_date, rules.entry_into_force.threshold_deposit_date) == (
        date(1999, 3, 1),
        date(1998, 9, 16),
    )
    assert rules.entry_into_force.months_after_deposit == 6
    assert rules.withdrawal.notice_months == 6


def test_every_recorded_entry_into_force_is_the_day_the_status_engine_makes_the_state_a_party(real):
    compiled = {timeline.iso3: timeline for timeline in compile_timelines(real)}
    checked = 0
    for state in real.states:
        recorded = [event.date.first for event in state.events if event.type is EventType.ENTRY_INTO_FORCE]
        if not recorded or not any(event.type in CONSENT_TYPES for event in state.events):
            continue
        party_days = [t.on for t in compiled[state.iso3].transitions if t.status is Status.PARTY]
        assert party_days == recorded, state.iso3
        checked += 1
    assert checked >= 40


def test_every_recorded_withdrawal_effective_is_the_day_the_status_engine_says_withdrawn(real):
    compiled = {timeline.iso3: timeline for timeline in compile_timelines(real)}
    withdrawn = {}
    for state in real.states:
        recorded = [event.date.first for event in state.events if event.type is EventType.WITHDRAWAL_EFFECTIVE]
        if recorded:
            withdrawn[state.iso3] = [t.on for t in compiled[state.iso3].transitions if t.status is Status.WITHDRAWN]
            assert withdrawn[state.iso3] == recorded, state.iso3
    assert set(withdrawn) == {"LTU", "LVA", "EST", "FIN", "POL"}


@pytest.mark.parametrize(
    "delay",
    ["      months_after_deposit: 6\n      days_after_deposit: 90\n", ""],
    ids=["both", "neither"],
)
def test_a_later_joiner_waits_either_months_or_days_never_both_nor_neither(tmp_path, delay):
    path = write(tmp_path, mutate(minimal_yaml(), "      months_after_deposit: 6\n", delay))
    assert_problem(
        only_problem(path), path, message="give exactly one of months_after_deposit and days_after_deposit",
        line=line_of(minimal_yaml(), "entry_into_force:", 2), field="treaty.rules.entry_into_force",
    )


@pytest.mark.parametrize(
    ("deposit", "in_force"),
    [(date(2011, 1, 1), date(2011, 4, 1)), (date(2011, 1, 2), date(2011, 4, 2)), (date(2012, 3, 10), date(2012, 6, 8))],
)
def test_a_rule_in_days_counts_days_from_the_deposit(deposit, in_force):
    rule = EntryIntoForceRule(article="12", general_date=date(2011, 4, 1), threshold_deposit_date=date(2011, 1, 1), days_after_deposit=90)
    assert entry_into_force_date(rule, deposit) == in_force
