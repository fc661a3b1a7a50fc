"""The sentence above the map: what happens on a date and what comes next, for the briefer to read out."""
from datetime import date

import pytest

from treaty.loader import load_dataset
from treaty.narrative import Scope, describe_day, join_names
from treaty.status import compile_timelines
from treaty_fixtures import REAL_DATASET, minimal_yaml, mutate, write


@pytest.fixture(scope="module")
def real():
    return compile_timelines(load_dataset(REAL_DATASET))


@pytest.fixture(scope="module")
def minimal(tmp_path_factory):
    """Lithuania (joined 2003, withdrew 2025), Norway (an early party), Russia (never joined)."""
    return compile_timelines(load_dataset(write(tmp_path_factory.mktemp("minimal"), minimal_yaml())))


def test_the_baltic_withdrawals_take_effect_together_and_finland_follows(real):
    assert describe_day(real, date(2025, 12, 27)) == (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days."
    )


def test_the_day_finland_leaves_names_poland_next(real):
    assert describe_day(real, date(2026, 1, 10)) == (
        "On 10 January 2026 the withdrawal of Finland takes effect; Poland's follows in 41 days."
    )


def test_a_quiet_day_counts_the_bound_states_and_names_the_next_withdrawal(minimal):
    assert describe_day(minimal, date(2025, 9, 1)) == (
        "On 1 September 2025, 2 of the 3 states shown are bound; "
        "the next withdrawal, of Lithuania, takes effect in 117 days (27 December 2025)."
    )


@pytest.mark.parametrize(
    ("day", "sentence"),
    [
        (date(1998, 7, 9), "On 9 July 1998 Norway deposits its instrument of consent."),
        (date(1999, 3, 1), "On 1 March 1999 the treaty enters into force for Norway."),
        (date(2003, 11, 1), "On 1 November 2003 the treaty enters into force for Lithuania."),
        (date(2025, 12, 27), "On 27 December 2025 the withdrawal of Lithuania takes effect."),
    ],
)
def test_a_change_day_says_what_happens(minimal, day, sentence):
    assert describe_day(minimal, day) == sentence


def test_the_notice_day_counts_down_to_its_own_effect(minimal):
    assert describe_day(minimal, date(2025, 6, 27)) == (
        "On 27 June 2025 Lithuania gives notice of withdrawal; "
        "the next withdrawal, of Lithuania, takes effect in 183 days (27 December 2025)."
    )


def test_names_are_sorted_and_joined_as_in_prose():
    assert join_names(["Latvia"]) == "Latvia"
    assert join_names(["Lithuania", "Estonia"]) == "Estonia and Lithuania"
    assert join_names(["Lithuania", "Latvia", "Estonia"]) == "Estonia, Latvia and Lithuania"


# Norway claims a 'suspension' on 18 July 2025: contested, and still bound.
NORWAY_CONTESTED = mutate(
    minimal_yaml(),
    "      sources: [monitor-nor]\n  - iso3: RUS",
    "      sources: [monitor-nor]\n    - type: suspension_notified\n      date: 2025-07-18\n      confirmed: true\n"
    "      sources: [monitor-nor]\n  - iso3: RUS",
)


def _compiled(tmp_path, text):
    return compile_timelines(load_dataset(write(tmp_path, text)))


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
    compiled = compile_timelines(load_dataset(REAL_DATASET))
    assert describe_day(compiled, date(2025, 12, 27)) == (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days."
    )


# Norway gives notice on the same day as Lithuania: two states leave together.
NORWAY_LEAVES_TOO = mutate(
    minimal_yaml(),
    "      sources: [monitor-nor]\n  - iso3: RUS",
    "      sources: [monitor-nor]\n    - type: withdrawal_deposited\n      date: 2025-06-27\n      confirmed: true\n"
    "      sources: [depositary-ltu]\n  - iso3: RUS",
)
# Sweden ratifies on 1 March 1999, the day the treaty enters into force for Norway.
SWEDEN_JOINS_THAT_DAY = mutate(
    minimal_yaml(),
    "  - iso3: RUS",
    "  - iso3: SWE\n    name: Sweden\n    events:\n    - type: ratification\n      date: 1999-03-01\n      confirmed: true\n"
    "      sources: [monitor-nor]\n  - iso3: RUS",
)


@pytest.mark.parametrize(
    ("text", "day", "sentence"),
    [
        (NORWAY_LEAVES_TOO, date(2025, 12, 27), "On 27 December 2025 the withdrawals of Lithuania and Norway take effect."),
        (
            NORWAY_LEAVES_TOO,
            date(2025, 6, 27),
            "On 27 June 2025 Lithuania and Norway give notice of withdrawal; "
            "the next withdrawals, of Lithuania and Norway, take effect in 183 days (27 December 2025).",
        ),
        # Several changes on one day are told in the status table's order (party before joined), not alphabetically.
        (SWEDEN_JOINS_THAT_DAY, date(1999, 3, 1), "On 1 March 1999 the treaty enters into force for Norway; Sweden deposits its instrument of consent."),
    ],
    ids=["two withdrawals take effect", "two notices", "two changes in table order"],
)
def test_two_states_on_one_day_take_the_plural_and_changes_follow_the_table_order(tmp_path, text, day, sentence):
    assert describe_day(_compiled(tmp_path, text), day) == sentence


# Norway and Sweden (a party since 1999) give notice on 29 June 2025: both leave on 29 December 2025,
# two days after Lithuania.
TWO_FOLLOW_LITHUANIA = mutate(
    minimal_yaml(),
    "      sources: [monitor-nor]\n  - iso3: RUS",
    "      sources: [monitor-nor]\n    - type: withdrawal_deposited\n      date: 2025-06-29\n      confirmed: true\n"
    "      sources: [depositary-ltu]\n"
    "  - iso3: SWE\n    name: Sweden\n    events:\n    - type: ratification\n      date: 1998-11-30\n      confirmed: true\n"
    "      sources: [monitor-nor]\n    - type: withdrawal_deposited\n      date: 2025-06-29\n      confirmed: true\n"
    "      sources: [depositary-ltu]\n  - iso3: RUS",
)


@pytest.mark.parametrize(
    ("day", "sentence"),
    [
        (date(2025, 12, 25), "On 25 December 2025, 3 of the 4 states shown are bound; the next withdrawal, of Lithuania, takes effect in 2 days (27 December 2025)."),
        (date(2025, 12, 26), "On 26 December 2025, 3 of the 4 states shown are bound; the next withdrawal, of Lithuania, takes effect in 1 day (27 December 2025)."),
        (date(2025, 12, 27), "On 27 December 2025 the withdrawal of Lithuania takes effect; those of Norway and Sweden follow in 2 days."),
        (date(2025, 12, 28), "On 28 December 2025, 2 of the 4 states shown are bound; the next withdrawals, of Norway and Sweden, take effect in 1 day (29 December 2025)."),
    ],
)
def test_the_countdown_says_one_day_or_two_days_and_names_the_states_that_follow_together(tmp_path, day, sentence):
    assert describe_day(_compiled(tmp_path, TWO_FOLLOW_LITHUANIA), day) == sentence


@pytest.mark.parametrize(
    ("day", "scope", "sentence"),
    [
        (
            date(2026, 1, 1),
            Scope("Scandinavia", frozenset({"NOR", "SWE"})),
            "On 1 January 2026 there is 1 State Party worldwide; in Scandinavia 1 of 1 state is bound "
            "(the dataset covers 1 of its 2 states).",
        ),
        (
            date(2025, 9, 1),
            Scope("the Baltic", frozenset({"LTU", "EST"})),
            "On 1 September 2025 there are 2 States Parties worldwide; in the Baltic 1 of 1 state is bound "
            "(the dataset covers 1 of its 2 states); "
            "the next withdrawal, of Lithuania, takes effect in 117 days (27 December 2025).",
        ),
        (
            date(2025, 9, 1),
            Scope("Oceania", frozenset({"FJI", "TON"})),
            "On 1 September 2025 there are 2 States Parties worldwide; the dataset covers none of the 2 states in Oceania; "
            "the next withdrawal, of Lithuania, takes effect in 117 days (27 December 2025).",
        ),
    ],
)
def test_a_quiet_day_in_a_region_gives_the_world_and_region_counts_in_the_singular_or_plural(minimal, day, scope, sentence):
    assert describe_day(minimal, day, scope) == sentence
