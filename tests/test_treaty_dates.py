"""PartialDate parsing and the month arithmetic the treaty's rules are built on."""
from datetime import date

import pytest

from treaty.dates import PartialDate, Precision, add_months, count_of, first_day_of_month_after, long_date, ordinal


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("2025-06-27", date(2025, 6, 27), date(2025, 6, 27), Precision.DAY),
        ("2025-05", date(2025, 5, 1), date(2025, 5, 31), Precision.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR),
        (2025, date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR),
        ("  2025-06-27 ", date(2025, 6, 27), date(2025, 6, 27), Precision.DAY),
    ],
)
def test_parse_gives_the_range_of_days_a_partial_date_may_be(text, first, last, precision):
    parsed = PartialDate.parse(text)
    assert (parsed.first, parsed.last, parsed.precision) == (first, last, precision)
    assert parsed.is_exact == (precision is Precision.DAY)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-13-01", "has no month 13"),
        ("2025-00", "has no month 0"),
        ("2025-02-30", "is not a day of the calendar"),
        ("2025-02-29", "is not a day of the calendar"),
        ("yesterday", "is not a date"),
        ("25-06-27", "is not a date"),
        ("2025-6-27", "is not a date"),
        ("2025/06/27", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_parse_refuses_what_is_not_a_calendar_date_and_says_why(text, reason):
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["2025-06-27", "2025-05", "2025"])
def test_str_gives_back_the_text_that_was_parsed(text):
    assert str(PartialDate.parse(text)) == text


def test_partial_dates_order_by_their_first_day():
    assert PartialDate.parse("2025") < PartialDate.parse("2025-05") < PartialDate.parse("2025-05-08")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 6, 27), 6, date(2025, 12, 27)),
        (date(2025, 7, 10), 6, date(2026, 1, 10)),
        (date(2025, 8, 20), 6, date(2026, 2, 20)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # no 31 February: the month's last day
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2019, 8, 29), 6, date(2020, 2, 29)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
        (date(2025, 3, 31), 6, date(2025, 9, 30)),
        (date(2025, 12, 15), 0, date(2025, 12, 15)),
        (date(2025, 12, 15), 25, date(2028, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_clamps_to_the_months_last_day(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2003, 5, 12), 6, date(2003, 11, 1)),
        (date(2005, 7, 1), 6, date(2006, 1, 1)),
        (date(2012, 12, 27), 6, date(2013, 6, 1)),
        (date(2012, 7, 31), 6, date(2013, 1, 1)),
        (date(2025, 1, 1), 0, date(2025, 1, 1)),
    ],
)
def test_first_day_of_month_after_counts_whole_months_from_the_month_of_the_day(start, months, expected):
    assert first_day_of_month_after(start, months) == expected


def test_long_date_is_the_form_read_aloud():
    assert long_date(date(2025, 12, 27)) == "27 December 2025"
    assert long_date(date(2026, 1, 1)) == "1 January 2026"


@pytest.mark.parametrize(
    ("number", "unit", "said"),
    [
        (0, "day", "zero days"),
        (1, "day", "one day"),
        (6, "month", "six months"),
        (12, "month", "twelve months"),
        (20, "day", "twenty days"),
        (21, "day", "21 days"),
        (90, "day", "90 days"),
    ],
)
def test_counts_to_twenty_are_in_words_and_only_one_is_singular(number, unit, said):
    assert count_of(number, unit) == said


@pytest.mark.parametrize(
    ("number", "said"),
    [
        (0, "zeroth"), (1, "first"), (6, "sixth"), (12, "twelfth"), (13, "13th"), (21, "21st"), (22, "22nd"),
        (23, "23rd"), (24, "24th"), (101, "101st"), (110, "110th"), (111, "111th"), (112, "112th"), (113, "113th"),
        (114, "114th"), (122, "122nd"),
    ],
)
def test_ordinals_to_twelfth_are_in_words_then_figures_with_their_suffix(number, said):
    assert ordinal(number) == said
