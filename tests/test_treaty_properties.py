"""Properties of the status engine on the real file, and of PartialDate on any text."""
import bisect
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from treaty.dates import PartialDate
from treaty.loader import load_dataset
from treaty.status import Status, change_dates, statuses_on, compile_timelines
from treaty.validation import SCHEDULED_TYPES
from treaty_fixtures import REAL_DATASET

DAYS = st.dates(min_value=date(1997, 1, 1), max_value=date(2030, 12, 31))


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(REAL_DATASET)


@pytest.fixture(scope="module")
def compiled(dataset):
    return compile_timelines(dataset)


fast = settings(max_examples=200, deadline=None, database=None)


def _statuses(compiled, day):
    return [(entry.iso3, entry.status, entry.since) for entry in statuses_on(compiled, day)]


@fast
@given(day=DAYS)
def test_the_status_on_any_day_is_the_status_on_the_last_change_date_before_it(compiled, day):
    changes = change_dates(compiled)
    index = bisect.bisect_right(changes, day) - 1
    if index < 0:
        # Before any change every state is not a party; Kosovo, which cannot join, keeps its own status.
        assert {entry.status for entry in statuses_on(compiled, day) if entry.iso3 != "XKX"} == {Status.NOT_PARTY}
    else:
        assert _statuses(compiled, day) == _statuses(compiled, changes[index])


def test_some_state_changes_status_on_every_change_date(compiled):
    # The domain is small (one date per change), so every change date is checked, not a sample.
    changes = change_dates(compiled)
    assert len(changes) > 50
    for day in changes:
        before = [entry.status for entry in statuses_on(compiled, day - timedelta(days=1))]
        after = [entry.status for entry in statuses_on(compiled, day)]
        assert before != after, day


def _known_by(dataset, day):
    """The dataset as a file written on `day` could have it: no event dated after that day, except the
    dates scheduled by a deposit (entry into force, withdrawal taking effect)."""
    def known(event):
        return event.date.first <= day or event.type in SCHEDULED_TYPES

    states = [state.model_copy(update={"events": [event for event in state.events if known(event)]}) for state in dataset.states]
    return dataset.model_copy(update={"states": states})


@fast
@given(day=DAYS)
def test_the_status_on_a_day_depends_only_on_what_had_happened_by_that_day(dataset, compiled, day):
    """What the map shows for a past day must not change when later events are recorded."""
    assert statuses_on(compiled, day) == statuses_on(compile_timelines(_known_by(dataset, day)), day)


@fast
@given(day=DAYS)
def test_days_remaining_counts_down_to_the_day_a_withdrawal_takes_effect(compiled, day):
    for entry in statuses_on(compiled, day):
        if entry.status is Status.WITHDRAWAL_PENDING:
            assert entry.days_remaining == (entry.takes_effect - day).days > 0
        else:
            assert entry.days_remaining is None


@fast
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2999, 12, 31)), st.sampled_from(["day", "month", "year"]))
def test_str_of_a_parsed_date_parses_back_to_the_same_date(day, precision):
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    parsed = PartialDate.parse(text)
    assert str(parsed) == text
    assert PartialDate.parse(str(parsed)) == parsed


@pytest.mark.parametrize("text", ["0999-05", "1799", "3000-01-01", "9999-12-31"])
def test_years_outside_the_treaty_era_are_refused_with_a_reason(text):
    with pytest.raises(ValueError, match="outside the years 1800-2999"):
        PartialDate.parse(text)


DATE_LIKE = st.text(alphabet=st.sampled_from("0123456789-/ T:+.")) | st.text() | st.from_regex(
    r"\A\d{4}(-\d{1,2}(-\d{1,2})?)?\Z"
)


@fast
@given(DATE_LIKE)
def test_parse_returns_a_date_or_raises_value_error_never_anything_else(text):
    try:
        parsed = PartialDate.parse(text)
    except ValueError:
        return
    assert parsed.first <= parsed.last


@fast
@given(DATE_LIKE)
@example("\uff12\uff10\uff12\uff15")  # fullwidth digits: '２０２５'
@example("\u0661\u0669\u0669\u0668-\u0660\u0667-\u0660\u0669")  # Arabic-Indic digits: 1998-07-09
def test_parse_accepts_only_text_already_in_its_own_canonical_form(text):
    try:
        parsed = PartialDate.parse(text)
    except ValueError:
        return
    assert str(parsed) == text.strip()
