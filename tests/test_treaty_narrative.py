"""The sentence above the map, read out by the briefer: counts and wording on small datasets whose
answer is worked out by hand."""
from datetime import date

from treaty.loader import load_dataset
from treaty.narrative import describe_day, nearest_change
from treaty.status import timelines
from treaty_fixtures import REAL_DATASET, minimal_yaml, mutate, write

# Norway claims a 'suspension' on 18 July 2025: contested, and still bound.
NORWAY_CONTESTED = mutate(
    minimal_yaml(),
    "      sources: [monitor-nor]\n  - iso3: RUS",
    "      sources: [monitor-nor]\n    - type: suspension_notified\n      date: 2025-07-18\n      confirmed: true\n"
    "      sources: [monitor-nor]\n  - iso3: RUS",
)


def _compiled(tmp_path, text):
    return timelines(load_dataset(write(tmp_path, text)))


def test_the_count_of_bound_states_includes_pending_and_contested_states(tmp_path):
    """1 September 2025: Lithuania's withdrawal is pending and Norway's suspension contested; both are
    still bound, Russia never joined: 2 of 3."""
    sentence = describe_day(_compiled(tmp_path, NORWAY_CONTESTED), date(2025, 9, 1))
    assert sentence == (
        "On 1 September 2025, 2 of the 3 states shown are bound; the next withdrawal, of Lithuania, "
        "takes effect in 117 days (27 December 2025)."
    )


def test_the_count_of_bound_states_leaves_out_joined_and_withdrawn_states(tmp_path):
    compiled = _compiled(tmp_path, minimal_yaml())
    # 1 October 2003: Lithuania has ratified (in force 1 November), Norway is a party.
    assert describe_day(compiled, date(2003, 10, 1)) == "On 1 October 2003, 1 of the 3 states shown are bound."
    # 1 January 2026: Lithuania has left.
    assert describe_day(compiled, date(2026, 1, 1)) == "On 1 January 2026, 1 of the 3 states shown are bound."


def test_the_day_a_withdrawal_takes_effect_is_told_with_the_next_one(tmp_path):
    text = mutate(NORWAY_CONTESTED, "iso3: RUS", "iso3: EST")
    text = mutate(text, "name: Russian Federation", "name: Estonia")
    text = mutate(
        text,
        "    sources: [monitor-rus]\n    events: []\n",
        "    events:\n    - type: accession\n      date: 2004-05-12\n      confirmed: true\n      sources: [monitor-rus]\n"
        "    - type: withdrawal_deposited\n      date: 2025-07-10\n      confirmed: true\n      sources: [monitor-rus]\n",
    )
    compiled = _compiled(tmp_path, text)
    assert describe_day(compiled, date(2025, 12, 27)) == (
        "On 27 December 2025 the withdrawal of Lithuania takes effect; Estonia's follows in 14 days."
    )
    assert describe_day(compiled, date(2025, 7, 10)) == (
        "On 10 July 2025 Estonia gives notice of withdrawal; the next withdrawal, of Lithuania, "
        "takes effect in 170 days (27 December 2025)."
    )


def test_two_withdrawals_on_one_day_are_told_together(tmp_path):
    compiled = timelines(load_dataset(REAL_DATASET))
    assert describe_day(compiled, date(2025, 12, 27)) == (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days."
    )


def test_nearest_change_steps_to_the_next_and_previous_change_dates(tmp_path):
    compiled = _compiled(tmp_path, minimal_yaml())
    # Changes: 1997-12-03 NOR signs, 1998-07-09 NOR ratifies, 1999-03-01 NOR in force, 2003-05-12 and
    # 2003-11-01 LTU joins and is in force, 2025-06-27 and 2025-12-27 LTU leaves.
    assert nearest_change(compiled, date(2025, 6, 27), 1) == date(2025, 12, 27)
    assert nearest_change(compiled, date(2025, 6, 27), -1) == date(2003, 11, 1)
    assert nearest_change(compiled, date(2025, 12, 27), 1) is None
    assert nearest_change(compiled, date(1997, 12, 3), -1) is None
    assert nearest_change(compiled, date(1997, 12, 2), 1) == date(1997, 12, 3)
