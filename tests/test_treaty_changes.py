"""Before and after: the states whose status differs between two dates, written out from the dataset."""
from datetime import date

import pytest

from treaty.changes import changes_between
from treaty.loader import load_dataset
from treaty.status import compile_timelines
from treaty.statuses import Status
from tests.treaty_fixtures import REAL_DATASET

CCM_DATASET = REAL_DATASET.parent / "ccm.yaml"


@pytest.fixture(scope="module")
def mine_ban():
    return compile_timelines(load_dataset(REAL_DATASET))


def test_mine_ban_between_june_2025_and_march_2026_five_withdrawals_take_effect_two_joiners_are_bound_and_ukraine_is_found_still_bound(mine_ban):
    changes = changes_between(mine_ban, date(2025, 6, 1), date(2026, 3, 1))
    assert [(c.iso3, c.old, c.new) for c in changes] == [
        ("EST", Status.WITHDRAWAL_UNDER_WAY, Status.WITHDRAWN),
        ("FIN", Status.WITHDRAWAL_UNDER_WAY, Status.WITHDRAWN),
        ("LVA", Status.WITHDRAWAL_UNDER_WAY, Status.WITHDRAWN),
        ("LTU", Status.WITHDRAWAL_UNDER_WAY, Status.WITHDRAWN),
        # ratified 12 March 2025, bound from 1 September 2025
        ("MHL", Status.JOINED, Status.PARTY),
        ("POL", Status.WITHDRAWAL_UNDER_WAY, Status.WITHDRAWN),
        # acceded 25 June 2025, bound from 1 December 2025
        ("TON", Status.NOT_PARTY, Status.PARTY),
        ("UKR", Status.PARTY, Status.SUSPENSION_REJECTED),
    ]
    assert changes[0].sentence == "Estonia: Withdrawal under way (still bound) → Withdrawn (former party)"
    assert changes[-1].sentence == "Ukraine: State Party → Suspension rejected (still bound)"


def test_the_list_is_in_order_of_name_not_of_code(mine_ban):
    names = [c.name for c in changes_between(mine_ban, date(2025, 6, 1), date(2026, 3, 1))]
    assert names == ["Estonia", "Finland", "Latvia", "Lithuania", "Marshall Islands", "Poland", "Tonga", "Ukraine"]


def test_the_same_day_twice_changes_nothing(mine_ban):
    assert changes_between(mine_ban, date(2025, 12, 27), date(2025, 12, 27)) == []


def test_a_single_day_catches_the_day_lithuanias_withdrawal_takes_effect(mine_ban):
    changes = changes_between(mine_ban, date(2025, 12, 26), date(2025, 12, 27))
    assert ("LTU", Status.WITHDRAWAL_PENDING, Status.WITHDRAWN) in [(c.iso3, c.old, c.new) for c in changes]


def test_dates_the_wrong_way_round_are_refused_naming_both(mine_ban):
    with pytest.raises(ValueError, match="2026-03-01.*2025-06-01"):
        changes_between(mine_ban, date(2026, 3, 1), date(2025, 6, 1))


def test_cluster_munitions_between_2024_and_march_2026_lithuania_left_and_two_joiners_are_bound():
    ccm = compile_timelines(load_dataset(CCM_DATASET))
    changes = changes_between(ccm, date(2024, 1, 1), date(2026, 3, 1))
    assert [(c.iso3, c.old, c.new) for c in changes] == [
        ("LTU", Status.PARTY, Status.WITHDRAWN),
        # acceded 3 August 2023, bound from 1 February 2024
        ("SSD", Status.JOINED, Status.PARTY),
        # acceded 5 September 2025, bound from 1 March 2026
        ("VUT", Status.NOT_PARTY, Status.PARTY),
    ]


def test_among_a_regions_states_only_their_changes_are_listed(mine_ban):
    europe = frozenset({"EST", "FIN", "LVA", "LTU", "POL", "UKR", "NOR", "DEU"})
    changes = changes_between(mine_ban, date(2025, 6, 1), date(2026, 3, 1), among=europe)
    assert [c.iso3 for c in changes] == ["EST", "FIN", "LVA", "LTU", "POL", "UKR"]
