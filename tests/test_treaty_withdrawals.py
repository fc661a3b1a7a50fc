"""The withdrawal chains behind the withdrawal timeline: who moved to leave, each step, the notice bar."""
from datetime import date

from treaty.loader import load_dataset
from treaty.status import Status, timelines
from treaty.withdrawals import ChainEvent, NoticePeriod, withdrawal_chains
from treaty_fixtures import REAL_DATASET, minimal_yaml, write


def test_only_a_state_that_moved_to_leave_has_a_chain(tmp_path):
    dataset = load_dataset(write(tmp_path, minimal_yaml()))
    events, periods = withdrawal_chains(dataset, timelines(dataset))
    assert events == [
        ChainEvent("LTU", "Lithuania", date(2025, 6, 27), "Instrument of withdrawal deposited", True),
        ChainEvent("LTU", "Lithuania", date(2025, 12, 27), "Withdrawal takes effect", True),
    ]
    assert periods == [NoticePeriod("LTU", "Lithuania", date(2025, 6, 27), date(2025, 12, 27))]


def test_each_notice_bar_ends_the_day_the_map_shows_the_state_withdrawn():
    dataset = load_dataset(REAL_DATASET)
    compiled = timelines(dataset)
    _, periods = withdrawal_chains(dataset, compiled)
    by_code = {timeline.iso3: timeline for timeline in compiled}
    bars = {period.iso3: (period.deposited, period.takes_effect) for period in periods}
    assert bars["FIN"] == (date(2025, 7, 10), date(2026, 1, 10))
    assert bars["POL"] == (date(2025, 8, 20), date(2026, 2, 20))
    for period in periods:
        assert by_code[period.iso3].at(period.takes_effect).status is Status.WITHDRAWN
        assert by_code[period.iso3].at(period.deposited).status is Status.WITHDRAWAL_PENDING
