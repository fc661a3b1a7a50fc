"""Dates as treaty records give them: to the day, the month or only the year."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

# Treaty records fall well inside these years; the bound keeps date arithmetic (+6 months, +1 year)
# from ever leaving the calendar.
FIRST_YEAR, LAST_YEAR = 1800, 2999
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a precision; `first` and `last` bound the days it may be."""

    first: date
    last: date
    precision: Precision

    @classmethod
    def parse(cls, text: str | int) -> "PartialDate":
        """Parse YYYY-MM-DD, YYYY-MM or YYYY; raise ValueError with a reason a person can act on."""
        raw = str(text).strip()
        match = _PATTERN.match(raw)
        if not match:
            raise ValueError(f"'{raw}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
        year, month, day = (int(part) if part else None for part in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"'{raw}' is outside the years {FIRST_YEAR}-{LAST_YEAR}")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{raw}' has no month {month}")
        if day is not None:
            try:
                exact = date(year, month, day)
            except ValueError:
                raise ValueError(f"'{raw}' is not a day of the calendar") from None
            return cls(exact, exact, Precision.DAY)
        if month is not None:
            return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), Precision.MONTH)
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @property
    def is_exact(self) -> bool:
        return self.precision is Precision.DAY

    def __str__(self) -> str:
        if self.precision is Precision.DAY:
            return self.first.isoformat()
        if self.precision is Precision.MONTH:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.year:04d}"


def add_months(day: date, months: int) -> date:
    """The same calendar day `months` later, or the month's last day where that day does not exist."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_day_of_month_after(day: date, months: int) -> date:
    """The first day of the `months`-th month after the month of `day`."""
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def long_date(day: date) -> str:
    """'27 December 2025': the form a briefer reads aloud."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


_SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_SMALL_ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                   "eleventh", "twelfth")


def count_of(number: int, unit: str) -> str:
    """'twelve months', 'one day', '90 days': numbers to twenty in words, as a briefer would say them."""
    amount = _SMALL_NUMBERS[number] if 0 <= number < len(_SMALL_NUMBERS) else str(number)
    return f"{amount} {unit}{'' if number == 1 else 's'}"


def ordinal(number: int) -> str:
    """'sixth', 'twelfth', '13th', '22nd'."""
    if 0 <= number < len(_SMALL_ORDINALS):
        return _SMALL_ORDINALS[number]
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
