"""The sample briefings say what the datasets say: each step's states have, on its date(s), the status
its text claims (written out here, not read from the engine), and each dated step falls on a day a
highlighted state's status changes, unless it says "today"."""
from __future__ import annotations

from datetime import date

import pytest

from storyboard.loader import load_storyboard
from tests.treaty_fixtures import REPO
from treaty.loader import load_dataset
from treaty.status import compile_timelines

WITHDRAWN, PENDING, UNDER_WAY, PARTY, REJECTED = "withdrawn", "withdrawal_pending", "withdrawal_under_way", "party", "suspension_rejected"
BALTIC = ("EST", "LVA", "LTU")

# For each step, in order: {day: {state: status the step's text claims}}.
CLAIMS = {
    "2025-withdrawals.yaml": [
        {date(2025, 4, 1): {**dict.fromkeys(BALTIC, UNDER_WAY), "POL": UNDER_WAY, "FIN": UNDER_WAY}},
        {date(2025, 6, 27): dict.fromkeys(BALTIC, PENDING)},
        {date(2025, 7, 10): {"FIN": PENDING}},
        {date(2025, 12, 27): dict.fromkeys(BALTIC, WITHDRAWN)},
        {date(2026, 2, 20): {"POL": WITHDRAWN, "FIN": WITHDRAWN}},
        {date(2026, 11, 22): {"UKR": REJECTED}},
        {
            date(2025, 1, 1): dict.fromkeys((*BALTIC, "POL", "FIN", "UKR"), PARTY),
            date(2026, 3, 1): {**dict.fromkeys((*BALTIC, "POL", "FIN"), WITHDRAWN), "UKR": REJECTED},
        },
    ],
    "ccm-lithuania.yaml": [
        {date(2024, 7, 3): {"LTU": UNDER_WAY}},
        {date(2024, 7, 18): {"LTU": UNDER_WAY}},
        {date(2024, 9, 6): {"LTU": PENDING}},
        {date(2025, 3, 6): {"LTU": WITHDRAWN}},
        {date(2024, 6, 30): {"LTU": PARTY}, date(2025, 3, 6): {"LTU": WITHDRAWN}},
    ],
}
# Steps on a day that is not a change date, and why that is right.
NOT_A_CHANGE_DATE = {
    ("2025-withdrawals.yaml", 6): "today: the data's date",
    ("ccm-lithuania.yaml", 2): "the Seimas vote: a domestic step while the withdrawal is already under way",
}


@pytest.mark.parametrize("name", CLAIMS)
def test_every_step_shows_the_status_its_text_claims(name):
    storyboard = load_storyboard(REPO / "briefings" / name)
    timelines = {history.iso3: history for history in compile_timelines(load_dataset(REPO / "data" / f"{storyboard.treaty}.yaml"))}
    assert len(storyboard.steps) == len(CLAIMS[name])
    for number, (step, claims) in enumerate(zip(storyboard.steps, CLAIMS[name], strict=True), start=1):
        shown = (step.date,) if step.date else (step.before, step.after)
        assert tuple(claims) == shown, f"step {number}"
        assert set(step.highlight) == {code for states in claims.values() for code in states}, f"step {number}"
        for day, states in claims.items():
            for code, status in states.items():
                assert timelines[code].at(day).status.value == status, f"step {number}: {code} on {day}"
        if step.date and (name, number) not in NOT_A_CHANGE_DATE:
            assert any(timelines[code].at(step.date).since == step.date for code in step.highlight), f"step {number}: not a change date"


def test_the_2025_briefing_has_at_least_six_steps_one_before_and_after_and_notes_that_name_a_source():
    storyboard = load_storyboard(REPO / "briefings" / "2025-withdrawals.yaml")
    assert len(storyboard.steps) >= 6
    assert any(step.before for step in storyboard.steps)
    for step in storyboard.steps:
        assert step.notes and "Source" in step.notes, step.title
