"""The withdrawal chains behind the withdrawal timeline: who moved to leave, each step, the notice bar."""
from datetime import date

from treaty.loader import load_dataset
from treaty.status import Status, compile_timelines
from treaty.withdrawals import ChainEvent, NoticePeriod, withdrawal_chains
from treaty_fixtures import REAL_DATASET, minimal_yaml, mutate, write


def test_only_a_state_that_moved_to_leave_has_a_chain(tmp_path):
    dataset = load_dataset(write(tmp_path, minimal_yaml()))
    events, periods = withdrawal_chains(dataset, compile_timelines(dataset))
    assert events == [
        ChainEvent("LTU", "Lithuania", date(2025, 6, 27), "Instrument of withdrawal deposited", True),
        ChainEvent("LTU", "Lithuania", date(2025, 12, 27), "Withdrawal takes effect", True),
    ]
    assert periods == [NoticePeriod("LTU", "Lithuania", date(2025, 6, 27), date(2025, 12, 27))]


def test_each_notice_bar_ends_the_day_the_map_shows_the_state_withdrawn():
    dataset = load_dataset(REAL_DATASET)
    compiled = compile_timelines(dataset)
    _, periods = withdrawal_chains(dataset, compiled)
    by_code = {timeline.iso3: timeline for timeline in compiled}
    bars = {period.iso3: (period.deposited, period.takes_effect) for period in periods}
    assert bars["FIN"] == (date(2025, 7, 10), date(2026, 1, 10))
    assert bars["POL"] == (date(2025, 8, 20), date(2026, 2, 20))
    for period in periods:
        assert by_code[period.iso3].at(period.takes_effect).status is Status.WITHDRAWN
        assert by_code[period.iso3].at(period.deposited).status is Status.WITHDRAWAL_PENDING


def _event(kind: str, day: str, source: str) -> str:
    return f"    - type: {kind}\n      date: {day}\n      confirmed: true\n      sources: [{source}]\n"


def chains(tmp_path, text):
    dataset = load_dataset(write(tmp_path, text))
    return withdrawal_chains(dataset, compile_timelines(dataset))


def test_a_state_that_withdrew_has_its_deposit_its_effect_and_its_notice_period(tmp_path):
    events, periods = chains(tmp_path, minimal_yaml())
    assert events == [
        ChainEvent("LTU", "Lithuania", date(2025, 6, 27), "Instrument of withdrawal deposited", True),
        ChainEvent("LTU", "Lithuania", date(2025, 12, 27), "Withdrawal takes effect", True),
    ]
    assert periods == [NoticePeriod("LTU", "Lithuania", date(2025, 6, 27), date(2025, 12, 27))]


def test_every_step_from_the_first_is_a_row_and_a_step_before_joining_is_not(tmp_path):
    """Norway: a parliament vote before it ratified (part of joining), then in 2025 a government
    decision, a head of state's signature known only to the month (in the same month, after the
    decision), a 'suspension' and the States Parties' finding on it: no notice period, no deposit."""
    text = mutate(
        minimal_yaml(),
        "    - type: ratification\n      date: 1998-07-09\n",
        _event("parliament_vote", "1998-06-01", "monitor-nor") + "    - type: ratification\n      date: 1998-07-09\n",
    )
    text = mutate(
        text,
        "      sources: [monitor-nor]\n  - iso3: RUS",
        "      sources: [monitor-nor]\n"
        + _event("government_decision", "2025-03-10", "monitor-nor")
        + _event("head_of_state_signature", "2025-03", "monitor-nor")
        + _event("suspension_notified", "2025-07-18", "monitor-nor")
        + _event("meeting_finding", "2025-12-05", "monitor-nor")
        + "  - iso3: RUS",
    )
    events, periods = chains(tmp_path, text)
    assert events == [
        ChainEvent("LTU", "Lithuania", date(2025, 6, 27), "Instrument of withdrawal deposited", True),
        ChainEvent("LTU", "Lithuania", date(2025, 12, 27), "Withdrawal takes effect", True),
        ChainEvent("NOR", "Norway", date(2025, 3, 10), "Government decision", True),
        ChainEvent("NOR", "Norway", date(2025, 3, 1), "Head of state signed", False),
        ChainEvent("NOR", "Norway", date(2025, 7, 18), "Suspension notified (not a withdrawal)", True),
        ChainEvent("NOR", "Norway", date(2025, 12, 5), "Finding of the States Parties", True),
    ]
    assert [period.iso3 for period in periods] == ["LTU"]


def test_a_withdrawal_delayed_by_the_armed_conflict_proviso_has_the_longer_notice_period(tmp_path):
    text = mutate(minimal_yaml(), "      date: 2025-12-27\n", "      date: 2026-03-01\n      rule_exception: armed-conflict proviso\n")
    _, periods = chains(tmp_path, text)
    assert periods == [NoticePeriod("LTU", "Lithuania", date(2025, 6, 27), date(2026, 3, 1))]


def test_a_state_that_never_moved_to_leave_has_no_row_wherever_it_is_in_the_file(tmp_path):
    """Lithuania (first in the file) stays; Norway, after it, takes a step."""
    text = mutate(minimal_yaml(), "    - type: withdrawal_deposited\n      date: 2025-06-27\n      confirmed: true\n      sources: [news-ltu, depositary-ltu]\n", "")
    text = mutate(text, "    - type: withdrawal_effective\n      date: 2025-12-27\n      confirmed: true\n      sources: [depositary-ltu]\n", "")
    text = mutate(text, "      sources: [monitor-nor]\n  - iso3: RUS", "      sources: [monitor-nor]\n" + _event("decree", "2025-03-10", "monitor-nor") + "  - iso3: RUS")
    assert chains(tmp_path, text) == ([ChainEvent("NOR", "Norway", date(2025, 3, 10), "Decree", True)], [])


def test_states_before_the_leaving_one_neither_stop_the_chain_nor_add_to_it(tmp_path):
    """Lithuania moved last in the file, after Norway (a party that stays) and Russia, which a region's
    chart leaves out of the timelines: Lithuania's chain is still there, and only it."""
    text = minimal_yaml()
    lithuania = text[text.index("  - iso3: LTU\n"):text.index("  - iso3: NOR\n")]
    text = mutate(text.replace(lithuania, ""), "\nsources:\n", lithuania + "\nsources:\n")
    dataset = load_dataset(write(tmp_path, text))
    assert [state.iso3 for state in dataset.states] == ["NOR", "RUS", "LTU"]
    without_russia = tuple(timeline for timeline in compile_timelines(dataset) if timeline.iso3 != "RUS")
    assert withdrawal_chains(dataset, without_russia) == (
        [
            ChainEvent("LTU", "Lithuania", date(2025, 6, 27), "Instrument of withdrawal deposited", True),
            ChainEvent("LTU", "Lithuania", date(2025, 12, 27), "Withdrawal takes effect", True),
        ],
        [NoticePeriod("LTU", "Lithuania", date(2025, 6, 27), date(2025, 12, 27))],
    )
