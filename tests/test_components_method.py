"""Sources and method: what it says about the rules comes from the dataset, not from the Mine Ban Convention."""
from __future__ import annotations

from components.method import method_markdown
from treaty.loader import load_dataset
from treaty.model import EventType
from treaty_fixtures import REAL_DATASET, minimal_yaml, mutate, write


def test_the_real_file_reads_six_months_no_suspension_clause_and_ukraines_two_statuses():
    dataset = load_dataset(REAL_DATASET)
    finding = next(e.date.first for e in dataset.state("UKR").events if e.type is EventType.MEETING_FINDING)
    method = method_markdown(dataset, {})
    assert "A withdrawal takes effect six months after the Depositary receives the instrument" in method
    assert "a later joiner from the first day of the sixth month after its deposit" in method
    assert "recorded in the dataset with the reason; none of the withdrawals shown was." in method
    assert "**Suspension.** The treaty has no suspension clause" in method
    assert (
        "The map shows Ukraine as 'Suspension claim, contested (still bound)' from 18 July 2025; "
        f"then 'Suspension rejected (still bound)' from {finding.day} {finding:%B} {finding.year}."
    ) in method


def test_a_withdrawal_held_back_by_the_proviso_is_named(tmp_path):
    text = mutate(minimal_yaml(), "date: 2025-12-27", "date: 2026-03-01\n      rule_exception: armed-conflict proviso")
    method = method_markdown(load_dataset(write(tmp_path, text)), {})
    assert "recorded in the dataset with the reason; held back: Lithuania." in method


def test_without_the_proviso_the_method_does_not_mention_it(tmp_path):
    text = mutate(minimal_yaml(), "armed_conflict_proviso: true", "armed_conflict_proviso: false")
    assert "Armed-conflict proviso" not in method_markdown(load_dataset(write(tmp_path, text)), {})


def test_a_suspension_notified_while_not_bound_is_said_to_change_nothing(tmp_path):
    russia = "  - iso3: RUS\n    name: Russian Federation\n    sources: [monitor-rus]\n    events: []\n"
    notified = (
        "  - iso3: RUS\n    name: Russian Federation\n    sources: [monitor-rus]\n    events:\n"
        "    - type: suspension_notified\n      date: 2025-07-01\n      confirmed: true\n      sources: [monitor-rus]\n"
    )
    method = method_markdown(load_dataset(write(tmp_path, mutate(minimal_yaml(), russia, notified))), {})
    assert "#### Russian Federation: a claimed suspension" in method
    assert "These events change nothing on the map: Russian Federation was not bound when they happened." in method
