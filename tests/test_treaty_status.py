"""The status engine on the real file's boundary days, and on small datasets built for one rule."""
from datetime import date, timedelta

import pytest

from treaty.loader import load_dataset
from treaty.model import EventType
from treaty.narrative import describe_day
from treaty.status import StateStatus, Status, change_dates, changes_on, statuses_on, compile_timelines
from treaty_fixtures import REAL_DATASET, add_to_norway, minimal_yaml, mutate, write

DAY = timedelta(days=1)


@pytest.fixture(scope="module")
def compiled():
    return compile_timelines(load_dataset(REAL_DATASET))


@pytest.fixture(scope="module")
def status_of(compiled):
    by_code = {timeline.iso3: timeline for timeline in compiled}
    return lambda iso3, day: by_code[iso3].at(day)


# (state, instrument of withdrawal deposited, withdrawal takes effect)
WITHDRAWALS = [
    ("LTU", date(2025, 6, 27), date(2025, 12, 27)),
    ("LVA", date(2025, 6, 27), date(2025, 12, 27)),
    ("EST", date(2025, 6, 27), date(2025, 12, 27)),
    ("FIN", date(2025, 7, 10), date(2026, 1, 10)),
    ("POL", date(2025, 8, 20), date(2026, 2, 20)),
]


@pytest.mark.parametrize(("iso3", "deposit", "effective"), WITHDRAWALS)
def test_withdrawal_is_pending_until_the_day_before_it_takes_effect(status_of, iso3, deposit, effective):
    last_day = status_of(iso3, effective - DAY)
    assert (last_day.status, last_day.takes_effect, last_day.days_remaining) == (
        Status.WITHDRAWAL_PENDING,
        effective,
        1,
    )
    assert last_day.status.bound


@pytest.mark.parametrize(("iso3", "deposit", "effective"), WITHDRAWALS)
def test_withdrawal_takes_effect_on_its_day(status_of, iso3, deposit, effective):
    first_day = status_of(iso3, effective)
    assert (first_day.status, first_day.since, first_day.days_remaining) == (Status.WITHDRAWN, effective, None)
    assert not first_day.status.bound
    assert status_of(iso3, date(2026, 11, 22)).status is Status.WITHDRAWN


@pytest.mark.parametrize(("iso3", "deposit", "effective"), WITHDRAWALS)
def test_withdrawal_is_pending_from_the_day_of_deposit_and_under_way_the_day_before(status_of, iso3, deposit, effective):
    on_deposit = status_of(iso3, deposit)
    assert (on_deposit.status, on_deposit.since, on_deposit.days_remaining) == (
        Status.WITHDRAWAL_PENDING,
        deposit,
        (effective - deposit).days,
    )
    day_before = status_of(iso3, deposit - DAY)
    assert day_before.status is Status.WITHDRAWAL_UNDER_WAY
    assert day_before.status.bound


def _ukraine_finding_day() -> date:
    """The day of the States Parties' finding, as the dataset records it (a correction moves the test with it)."""
    ukraine = load_dataset(REAL_DATASET).state("UKR")
    return next(event.date.first for event in ukraine.events if event.type is EventType.MEETING_FINDING)


FINDING = _ukraine_finding_day()
NOTIFIED = date(2025, 7, 18)  # Ukraine's notification of "suspension" to the Depositary


@pytest.mark.parametrize(
    ("day", "status", "since"),
    [
        (date(2025, 6, 28), Status.PARTY, date(2006, 6, 1)),
        (date(2025, 6, 29), Status.WITHDRAWAL_UNDER_WAY, date(2025, 6, 29)),  # NSDC decision, decree 441/2025
        (date(2025, 7, 17), Status.WITHDRAWAL_UNDER_WAY, date(2025, 6, 29)),
        (NOTIFIED, Status.CONTESTED, NOTIFIED),  # suspension notified, not Art. 20
        (FINDING - DAY, Status.CONTESTED, NOTIFIED),
        (FINDING, Status.SUSPENSION_REJECTED, FINDING),
        (date(2026, 11, 22), Status.SUSPENSION_REJECTED, FINDING),
    ],
)
def test_ukraine_is_contested_then_rejected_and_bound_throughout(status_of, day, status, since):
    on_day = status_of("UKR", day)
    assert (on_day.status, on_day.since) == (status, since)
    assert on_day.status.bound


def test_nothing_says_rejected_before_the_states_parties_found_it(compiled, status_of):
    assert NOTIFIED < FINDING
    for day in (NOTIFIED, FINDING - DAY):
        assert "reject" not in status_of("UKR", day).status.label.lower()
    assert describe_day(compiled, NOTIFIED).startswith(
        "On 18 July 2025 Ukraine notifies a 'suspension', which the treaty does not provide for: it stays bound"
    )
    assert "reject" not in describe_day(compiled, NOTIFIED) and "find" not in describe_day(compiled, NOTIFIED)
    assert FINDING in change_dates(compiled)
    assert "the States Parties find that Ukraine cannot suspend the treaty: it stays bound" in describe_day(compiled, FINDING)
    assert status_of("UKR", FINDING).status.label == "Suspension rejected (still bound)"
    assert status_of("UKR", NOTIFIED).status.label == "Suspension claim, contested (still bound)"


def test_ukraine_is_never_withdrawn(compiled, status_of):
    for day in change_dates(compiled):
        assert status_of("UKR", day).status is not Status.WITHDRAWN


@pytest.mark.parametrize("day", [date(1997, 12, 3), date(2004, 3, 1), date(2025, 12, 27), date(2026, 11, 22)])
def test_russia_is_never_a_party(status_of, day):
    assert status_of("RUS", day).status is Status.NOT_PARTY
    assert status_of("RUS", day).since is None


def test_belarus_is_joined_on_the_eve_of_entry_into_force_and_a_party_from_it(status_of):
    assert status_of("BLR", date(2004, 2, 29)).status is Status.JOINED
    assert not status_of("BLR", date(2004, 2, 29)).status.bound
    assert (status_of("BLR", date(2004, 3, 1)).status, status_of("BLR", date(2004, 3, 1)).since) == (
        Status.PARTY,
        date(2004, 3, 1),
    )


@pytest.mark.parametrize("iso3", ["NOR", "DEU"])
def test_staying_states_are_parties_every_day_of_2025_and_2026(status_of, iso3):
    day = date(2025, 1, 1)
    while day <= date(2026, 12, 31):
        assert status_of(iso3, day).status is Status.PARTY, (iso3, day)
        day += DAY


def test_every_state_is_not_party_before_the_treaty_was_opened_and_kosovo_can_never_join(compiled):
    before = {entry.iso3: entry.status for entry in statuses_on(compiled, date(1997, 12, 2))}
    assert before.pop("XKX") is Status.CANNOT_JOIN
    assert set(before.values()) == {Status.NOT_PARTY}
    assert next(entry for entry in statuses_on(compiled, date(2026, 6, 1)) if entry.iso3 == "XKX").status is Status.CANNOT_JOIN


def test_an_entity_that_cannot_join_keeps_its_name(compiled):
    kosovo = next(entry for entry in statuses_on(compiled, date(2026, 6, 1)) if entry.iso3 == "XKX")
    assert (kosovo.name, kosovo.status) == ("Kosovo", Status.CANNOT_JOIN)


def test_statuses_on_lists_every_state_in_file_order(compiled):
    assert [entry.iso3 for entry in statuses_on(compiled, date(2025, 12, 27))] == [t.iso3 for t in compiled]


def test_change_dates_are_ascending_unique_and_hold_every_withdrawal_step(compiled):
    days = change_dates(compiled)
    assert days == sorted(set(days))
    expected = {date(2025, 6, 27), date(2025, 7, 10), date(2025, 8, 20), date(2025, 12, 27), date(2026, 1, 10), date(2026, 2, 20)}
    assert expected <= set(days)


def test_changes_on_names_every_state_whose_status_changes_that_day(compiled):
    changes = changes_on(compiled, date(2025, 12, 27))
    assert sorted((name, transition.status) for name, transition in changes) == [
        ("Estonia", Status.WITHDRAWN),
        ("Latvia", Status.WITHDRAWN),
        ("Lithuania", Status.WITHDRAWN),
    ]
    assert changes_on(compiled, date(2025, 12, 26)) == []


@pytest.mark.parametrize(
    ("status", "bound"),
    [
        (Status.NOT_PARTY, False),
        (Status.SIGNATORY, False),
        (Status.JOINED, False),
        (Status.PARTY, True),
        (Status.WITHDRAWAL_UNDER_WAY, True),
        (Status.WITHDRAWAL_PENDING, True),
        (Status.WITHDRAWN, False),
        (Status.CONTESTED, True),
        (Status.SUSPENSION_REJECTED, True),
        (Status.SUSPENDED, False),
    ],
)
def test_a_state_is_bound_while_party_leaving_or_contested(status, bound):
    assert status.bound is bound


# ---- small datasets ----


def _lithuania(tmp_path, text):
    dataset = load_dataset(write(tmp_path, text))
    return next(timeline for timeline in compile_timelines(dataset) if timeline.iso3 == "LTU")


def test_a_withdrawal_delayed_by_a_rule_exception_takes_effect_on_the_recorded_day(tmp_path):
    text = mutate(minimal_yaml(), "date: 2025-12-27", "date: 2026-03-01\n      rule_exception: armed-conflict proviso")
    lithuania = _lithuania(tmp_path, text)
    assert lithuania.at(date(2025, 12, 27)).status is Status.WITHDRAWAL_PENDING
    assert (lithuania.at(date(2026, 2, 28)).takes_effect, lithuania.at(date(2026, 2, 28)).days_remaining) == (
        date(2026, 3, 1),
        1,
    )
    assert lithuania.at(date(2026, 3, 1)).status is Status.WITHDRAWN


def test_an_entry_into_force_with_a_rule_exception_starts_party_status_on_the_recorded_day(tmp_path):
    text = mutate(minimal_yaml(), "date: 2003-11-01", "date: 2003-12-01\n      rule_exception: depositary's date")
    lithuania = _lithuania(tmp_path, text)
    assert lithuania.at(date(2003, 11, 30)).status is Status.JOINED
    assert lithuania.at(date(2003, 12, 1)).status is Status.PARTY


def test_status_dates_come_from_the_deposit_not_a_recorded_copy(tmp_path):
    # Without the recorded entry-into-force and withdrawal-effective events, nothing changes.
    text = mutate(
        minimal_yaml(),
        "    - type: entry_into_force\n      date: 2003-11-01\n      confirmed: true\n      sources: [monitor-ltu]\n",
        "",
    )
    text = mutate(text, "    - type: withdrawal_effective\n      date: 2025-12-27\n      confirmed: true\n      sources: [depositary-ltu]\n", "")
    lithuania = _lithuania(tmp_path, text)
    assert [(t.on, t.status) for t in lithuania.transitions] == [
        (date(2003, 5, 12), Status.JOINED),
        (date(2003, 11, 1), Status.PARTY),
        (date(2025, 6, 27), Status.WITHDRAWAL_PENDING),
        (date(2025, 12, 27), Status.WITHDRAWN),
    ]


def test_a_domestic_step_before_joining_does_not_start_a_withdrawal(tmp_path):
    text = mutate(
        minimal_yaml(),
        "    events:\n    - type: ratification",
        "    events:\n    - type: parliament_vote\n      date: 2003-03-25\n      confirmed: true\n"
        "      sources: [monitor-ltu]\n    - type: ratification",
    )
    lithuania = _lithuania(tmp_path, text)
    assert lithuania.at(date(2003, 4, 1)).status is Status.NOT_PARTY
    assert lithuania.transitions[0].status is Status.JOINED


def _norway_with(*events: tuple[str, str]) -> str:
    """The minimal dataset with these (type, date) events added to Norway, a party since 1999."""
    return add_to_norway("".join(f"    - type: {kind}\n      date: {day}\n      confirmed: true\n      sources: [monitor-nor]\n" for kind, day in events))


def _norway(tmp_path, text: str):
    return next(timeline for timeline in compile_timelines(load_dataset(write(tmp_path, text))) if timeline.iso3 == "NOR")


@pytest.mark.parametrize(
    "before_deposit",
    [[("suspension_notified", "2025-07-01")], [("suspension_notified", "2025-07-01"), ("meeting_finding", "2025-09-01")]],
    ids=["contested", "rejected"],
)
def test_an_article_20_deposit_after_a_suspension_claim_starts_the_withdrawal(tmp_path, before_deposit):
    norway = _norway(tmp_path, _norway_with(*before_deposit, ("withdrawal_deposited", "2025-10-01")))
    assert norway.at(date(2025, 9, 30)).status is (Status.CONTESTED if len(before_deposit) == 1 else Status.SUSPENSION_REJECTED)
    assert (norway.at(date(2025, 10, 1)).status, norway.at(date(2025, 10, 1)).takes_effect) == (Status.WITHDRAWAL_PENDING, date(2026, 4, 1))
    assert norway.at(date(2026, 4, 1)).status is Status.WITHDRAWN


def test_a_finding_about_a_state_that_claimed_no_suspension_changes_nothing(tmp_path):
    norway = _norway(tmp_path, _norway_with(("meeting_finding", "2025-09-01")))
    assert [transition.status for transition in norway.transitions] == [Status.SIGNATORY, Status.JOINED, Status.PARTY]


def test_under_a_suspension_clause_a_notified_suspension_takes_effect_and_unbinds(tmp_path):
    clause = "      armed_conflict_proviso: true\n    suspension:\n      article: \"9\"\n"
    text = mutate(_norway_with(("suspension_notified", "2025-07-01")), "      armed_conflict_proviso: true\n", clause)
    suspended = _norway(tmp_path, text).at(date(2025, 7, 1))
    assert (suspended.status, suspended.status.bound) == (Status.SUSPENDED, False)


def test_a_contested_state_that_then_deposits_an_instrument_of_withdrawal_leaves_under_article_20(tmp_path):
    """A state that first claims a 'suspension' and later deposits an Art. 20 instrument is pending
    from the deposit and withdrawn six months on: 'contested' must not hold it for ever."""
    text = mutate(
        minimal_yaml(),
        "    - type: withdrawal_deposited\n",
        "    - type: suspension_notified\n      date: 2025-03-10\n      confirmed: true\n      sources: [news-ltu]\n"
        "    - type: withdrawal_deposited\n",
    )
    lithuania = _lithuania(tmp_path, text)
    assert [(t.on, t.status) for t in lithuania.transitions] == [
        (date(2003, 5, 12), Status.JOINED),
        (date(2003, 11, 1), Status.PARTY),
        (date(2025, 3, 10), Status.CONTESTED),
        (date(2025, 6, 27), Status.WITHDRAWAL_PENDING),
        (date(2025, 12, 27), Status.WITHDRAWN),
    ]
    on_deposit = lithuania.at(date(2025, 6, 27))
    assert (on_deposit.takes_effect, on_deposit.days_remaining) == (date(2025, 12, 27), 183)


@pytest.mark.parametrize(
    ("written", "eve", "first_day", "in_force"),
    [
        ("1998-07", date(1998, 7, 30), date(1998, 7, 31), date(1999, 3, 1)),
        ("1998-02", date(1998, 2, 27), date(1998, 2, 28), date(1999, 3, 1)),
        ("1998", date(1998, 12, 30), date(1998, 12, 31), date(1999, 6, 1)),  # after the threshold: Art. 17(2)
    ],
    ids=["month", "february", "year"],
)
def test_a_status_from_a_date_known_only_to_the_month_or_year_starts_on_its_last_day(tmp_path, written, eve, first_day, in_force):
    """Norway's ratification written as '1998-07' had surely happened by 31 July, not by 1 July."""
    dataset = load_dataset(write(tmp_path, mutate(minimal_yaml(), "date: 1998-07-09", f"date: {written}")))
    norway = next(timeline for timeline in compile_timelines(dataset) if timeline.iso3 == "NOR")
    assert norway.at(eve).status is Status.SIGNATORY
    joined = norway.at(first_day)
    assert (joined.status, joined.since, joined.since_approximate) == (Status.JOINED, first_day, True)
    assert (norway.at(in_force).status, norway.at(in_force).since) == (Status.PARTY, in_force)
    assert norway.at(in_force - DAY).status is Status.JOINED


def test_an_exact_date_is_not_flagged_as_approximate(compiled):
    norway = next(timeline for timeline in compiled if timeline.iso3 == "NOR")
    assert norway.at(date(2025, 12, 27)).since_approximate is False


def test_a_state_that_accedes_again_after_withdrawing_is_a_party_again_six_months_on(tmp_path):
    """Lithuania's withdrawal takes effect on 27 December 2025; an accession on 2 March 2026 makes it a
    party on 1 September 2026 by Art. 17(2), not on the date its first membership began (1 November 2003)."""
    text = mutate(
        minimal_yaml(),
        "      date: 2025-12-27\n      confirmed: true\n      sources: [depositary-ltu]\n",
        "      date: 2025-12-27\n      confirmed: true\n      sources: [depositary-ltu]\n"
        "    - type: accession\n      date: 2026-03-02\n      confirmed: true\n      sources: [depositary-ltu]\n",
    )
    [lithuania, _, _] = compile_timelines(load_dataset(write(tmp_path, text)))
    assert [(transition.on, transition.status.value) for transition in lithuania.transitions] == [
        (date(2003, 5, 12), "joined"),
        (date(2003, 11, 1), "party"),
        (date(2025, 6, 27), "withdrawal_pending"),
        (date(2025, 12, 27), "withdrawn"),
        (date(2026, 3, 2), "joined"),
        (date(2026, 9, 1), "party"),
    ]


def test_a_recorded_entry_into_force_with_a_rule_exception_on_the_deposit_day_itself_is_honoured(tmp_path):
    """The file records Lithuania's entry into force on its deposit day (12 May 2003) with a rule exception:
    that date is shown, not the Art. 17 date (1 November 2003)."""
    text = mutate(
        minimal_yaml(),
        "      date: 2003-11-01\n      confirmed: true\n      sources: [monitor-ltu]\n",
        "      date: 2003-05-12\n      rule_exception: in force on deposit (test case)\n      confirmed: true\n      sources: [monitor-ltu]\n",
    )
    [lithuania, _, _] = compile_timelines(load_dataset(write(tmp_path, text)))
    assert [(transition.on, transition.status.value) for transition in lithuania.transitions][:2] == [
        (date(2003, 5, 12), "joined"),
        (date(2003, 5, 12), "party"),
    ]


# Norway's signature flagged approximate, its ratification known to the month, a withdrawal announced in
# March 2025 and deposited in July 2025 (both to the month).
NORWAY_INEXACT = mutate(
    mutate(
        add_to_norway(
            "    - type: announcement\n      date: 2025-03\n      confirmed: true\n      sources: [monitor-nor]\n"
            "    - type: withdrawal_deposited\n      date: 2025-07\n      confirmed: true\n      sources: [monitor-nor]\n"
        ),
        "      date: 1997-12-03\n",
        "      date: 1997-12-03\n      approximate: true\n",
    ),
    "      date: 1998-07-09\n      confirmed: true",
    "      date: 1998-07\n      confirmed: true",
)
NORWAY_SUSPENDS_IN_JULY = add_to_norway(
    "    - type: suspension_notified\n      date: 2025-07\n      confirmed: true\n      sources: [monitor-nor]\n"
    "    - type: meeting_finding\n      date: 2025-11\n      confirmed: true\n      sources: [monitor-nor]\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            NORWAY_INEXACT,
            [
                (date(1997, 12, 3), Status.SIGNATORY, EventType.SIGNATURE, True, None),
                (date(1998, 7, 31), Status.JOINED, EventType.RATIFICATION, True, None),
                (date(1999, 3, 1), Status.PARTY, EventType.ENTRY_INTO_FORCE, True, None),
                (date(2025, 3, 31), Status.WITHDRAWAL_UNDER_WAY, EventType.ANNOUNCEMENT, True, None),
                (date(2025, 7, 31), Status.WITHDRAWAL_PENDING, EventType.WITHDRAWAL_DEPOSITED, True, date(2026, 1, 31)),
                (date(2026, 1, 31), Status.WITHDRAWN, EventType.WITHDRAWAL_EFFECTIVE, True, None),
            ],
        ),
        (
            NORWAY_SUSPENDS_IN_JULY,
            [
                (date(1997, 12, 3), Status.SIGNATORY, EventType.SIGNATURE, False, None),
                (date(1998, 7, 9), Status.JOINED, EventType.RATIFICATION, False, None),
                (date(1999, 3, 1), Status.PARTY, EventType.ENTRY_INTO_FORCE, False, None),
                (date(2025, 7, 31), Status.CONTESTED, EventType.SUSPENSION_NOTIFIED, True, None),
                (date(2025, 11, 30), Status.SUSPENSION_REJECTED, EventType.MEETING_FINDING, True, None),
            ],
        ),
    ],
    ids=["inexact dates", "suspension and finding in a month"],
)
def test_each_transition_carries_its_cause_and_whether_its_date_is_approximate(tmp_path, text, expected):
    """What the record, the withdrawal chains and the method tab read from the compiled history: the event
    behind each change, and the approximate flag (a date known to the month counts from its last day)."""
    norway = compile_timelines(load_dataset(write(tmp_path, text)))[1]
    assert [(t.on, t.status, t.cause, t.approximate, t.takes_effect) for t in norway.transitions] == expected


def test_before_its_first_event_a_state_is_not_a_party_with_no_date_and_nothing_approximate(tmp_path):
    russia = compile_timelines(load_dataset(write(tmp_path, minimal_yaml())))[2]
    assert russia.at(date(1999, 3, 1)) == StateStatus("RUS", "Russian Federation", Status.NOT_PARTY, None, False, None, None)
