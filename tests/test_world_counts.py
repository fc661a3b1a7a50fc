"""The figures in the sentence and the legend agree with a count made without the status engine: a plain
loop over the treaty file, with the entry-into-force and withdrawal rules written out here (a deposit
before the threshold date enters into force on the general date, a later one on the first day of the
Nth month after its month; a withdrawal takes effect N months after its deposit, to the day; a date known
only to the month counts from the month's last day)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml

from treaty.loader import load_dataset
from treaty.narrative import WORLD_SCOPE, Scope, count_clause, describe_day
from treaty.status import compile_timelines, statuses_on
from treaty_fixtures import REPO, minimal_yaml, write

CONSENTS = {"ratification", "accession", "acceptance", "approval", "succession"}


def _months_later(day: date, months: int, first_of_month: bool) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1 if first_of_month else day.day)


def _latest_day(text: str) -> date:
    """A date known only to the month (or year) counts from its last day, as the app says it does."""
    if len(text) == 10:
        return date.fromisoformat(text)
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return _months_later(date(year, month, 1), 1, True) - timedelta(days=1)
    return date(int(text), 12, 31)


def parties_by_loop(path, day: date) -> set[str]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rule = raw["treaty"]["rules"]["entry_into_force"]
    general, threshold = date.fromisoformat(str(rule["general_date"])), date.fromisoformat(str(rule["threshold_deposit_date"]))
    notice = raw["treaty"]["rules"]["withdrawal"]["notice_months"]
    parties = set()
    for state in raw["states"]:
        dated = {}
        for event in state.get("events") or []:
            dated.setdefault(event["type"], _latest_day(str(event["date"])))
        consent = min((day_ for kind, day_ in dated.items() if kind in CONSENTS), default=None)
        if consent is None:
            continue
        in_force = dated.get("entry_into_force") or (general if consent <= threshold else _months_later(consent, rule["months_after_deposit"], True))
        leaves = dated.get("withdrawal_effective") or (_months_later(dated["withdrawal_deposited"], notice, False) if "withdrawal_deposited" in dated else None)
        if in_force <= day and not (leaves and leaves <= day):
            parties.add(state["iso3"])
    return parties


@pytest.mark.parametrize("file", ["apmbc.yaml", "ccm.yaml"])
@pytest.mark.parametrize("day", [date(1999, 3, 1), date(2010, 8, 1), date(2025, 12, 26), date(2025, 12, 27), date(2026, 2, 20), date(2026, 11, 1)])
def test_the_world_figure_is_the_count_of_a_plain_loop_over_the_file(file, day):
    path = REPO / "data" / file
    expected = len(parties_by_loop(path, day))
    statuses = statuses_on(compile_timelines(load_dataset(path)), day)
    assert count_clause(statuses, WORLD_SCOPE).startswith(f"{expected} State{'s' * (expected != 1)} Part")


def test_figures_on_a_small_file_written_out(tmp_path):
    """Lithuania (in force 1 November 2003, withdrawn 27 December 2025), Norway (in force 1 March 1999),
    Russia (never joined); a region of Lithuania and Russia, and one the file does not cover."""
    compiled = compile_timelines(load_dataset(write(tmp_path, minimal_yaml())))
    baltic = Scope("the test region", frozenset({"LTU", "RUS"}))
    assert describe_day(compiled, date(2025, 9, 1), baltic) == (
        "On 1 September 2025 there are 2 States Parties worldwide; in the test region 1 of 2 states is bound; "
        "the next withdrawal, of Lithuania, takes effect in 117 days (27 December 2025)."
    )
    assert describe_day(compiled, date(2025, 12, 27), baltic) == (
        "On 27 December 2025 the withdrawal of Lithuania takes effect. 1 State Party worldwide; in the test region 0 of 2 states are bound."
    )
    partly = Scope("Somewhere", frozenset({"NOR", "SWE", "DNK"}))
    assert count_clause(statuses_on(compiled, date(2000, 1, 1)), partly) == (
        "1 State Party worldwide; in Somewhere 1 of 1 state is bound (the dataset covers 1 of its 3 states)"
    )
    assert count_clause(statuses_on(compiled, date(2000, 1, 1)), Scope("Nowhere", frozenset({"FJI"}))) == (
        "1 State Party worldwide; the dataset covers none of the 1 states in Nowhere"
    )
