"""The comparison of two treaties on one date follows each treaty's own status engine."""
from datetime import date
from pathlib import Path

import pytest

from components.comparison import comparison_frame
from components.data import LoadedTreaty
from treaty.loader import load_dataset
from treaty.status import compile_timelines

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def treaties():
    loaded = {name: load_dataset(DATA / f"{name}.yaml") for name in ("apmbc", "ccm")}
    return {name: LoadedTreaty(dataset, compile_timelines(dataset)) for name, dataset in loaded.items()}


def bound_by(frame, state):
    return frame.set_index("state").loc[state, "bound by"]


def test_lithuania_is_bound_by_both_until_its_cluster_munitions_withdrawal_takes_effect(treaties):
    assert bound_by(comparison_frame(treaties["apmbc"], treaties["ccm"], date(2025, 3, 5)), "Lithuania") == "both"
    assert bound_by(comparison_frame(treaties["apmbc"], treaties["ccm"], date(2025, 3, 6)), "Lithuania") == "Mine Ban Convention"
    assert bound_by(comparison_frame(treaties["apmbc"], treaties["ccm"], date(2025, 12, 27)), "Lithuania") == "neither"


def test_states_that_never_joined_either_are_bound_by_neither(treaties):
    frame = comparison_frame(treaties["apmbc"], treaties["ccm"], date(2026, 11, 22))
    assert bound_by(frame, "Russian Federation") == "neither"
    assert bound_by(frame, "Norway") == "both"
    assert len(frame) == 198  # every state in either file: the CCM file covers the world (193 UN members, VAT, PSE, COK, NIU, XKX)
