"""The date on screen and its bounds: from the treaty's adoption to a year after its last change; and
the window of the timeline the briefer chose.

The map's timeline (in the browser) moves the date; the server keeps it in `st.session_state[DAY]`
and in the URL (`?date=YYYY-MM-DD`), so a link restores it. An unreadable or out-of-range date in
the URL falls back to today, with a notice. The same for the window (`?window=YYYY-MM-DD..YYYY-MM-DD`,
in `st.session_state[WINDOW]`), which falls back to none: the browser then frames the recent changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from components.notices import literal, notice
from treaty.status import track_last


DAY = "day"
WINDOW = "window"


@dataclass(frozen=True)
class DateRange:
    first: date
    last: date

    def clamp(self, day: date) -> date:
        return min(max(day, self.first), self.last)


def date_range(adopted: date, changes: list[date], today: date) -> DateRange:
    """From adoption to the last change plus a margin (and at least today)."""
    return DateRange(adopted, track_last(adopted, changes, today))


def initial_day(bounds: DateRange, today: date) -> tuple[date, str | None]:
    """The date from the URL if it is a valid day in range, else today; and a notice if it was not."""
    raw = st.query_params.get("date")
    if raw is None:
        return bounds.clamp(today), None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return bounds.clamp(today), f"The link's date {literal(raw)} is not a date (YYYY-MM-DD): showing today instead."
    if day != bounds.clamp(day):
        return bounds.clamp(today), (
            f"The link's date {day} is outside the treaty's history ({bounds.first} to {bounds.last}): showing today instead."
        )
    return day, None


def chosen_date(bounds: DateRange, today: date) -> date:
    """The date on screen: from the link at first, then wherever the map's timeline moved it."""
    if DAY not in st.session_state:
        st.session_state[DAY], problem = initial_day(bounds, today)
        if problem:
            st.session_state["date_notice"] = problem
    # Another treaty has another history: keep the date inside it.
    day = st.session_state[DAY] = bounds.clamp(st.session_state[DAY])
    if problem := st.session_state.pop("date_notice", None):
        notice(problem)
    st.query_params["date"] = day.isoformat()
    return day


def move_to(bounds: DateRange, wanted: str) -> None:
    """Apply a date the viewer chose on the map's timeline (ISO text from the browser)."""
    try:
        st.session_state[DAY] = bounds.clamp(date.fromisoformat(wanted))
    except (TypeError, ValueError):
        pass  # not a date: the browser's timeline only sends dates, so this is not a viewer's choice


def window_within(bounds: DateRange, text: object) -> tuple[str | None, str | None]:
    """A window as written in an address ("2025-01-01..2026-12-31"), cut to the bounds; or None and why not."""
    parts = text.split("..") if isinstance(text, str) else []
    try:
        start, end = (date.fromisoformat(part) for part in parts) if len(parts) == 2 else (None, None)
    except ValueError:
        start = end = None
    if start is None or end is None or start >= end:
        return None, "is not two dates, the first before the second (YYYY-MM-DD..YYYY-MM-DD)"
    start, end = bounds.clamp(start), bounds.clamp(end)
    if start >= end:
        return None, f"is outside the treaty's history ({bounds.first} to {bounds.last})"
    return f"{start.isoformat()}..{end.isoformat()}", None


def chosen_window(bounds: DateRange) -> str | None:
    """The timeline's window: from the link at first, then wherever the briefer set it on the map; None
    until one is chosen (the browser frames the recent changes). Kept in the URL as ?window=."""
    if WINDOW not in st.session_state:
        raw = st.query_params.get(WINDOW)
        st.session_state[WINDOW], problem = (None, None) if raw is None else window_within(bounds, raw)
        if problem:
            st.session_state["window_notice"] = (
                f"The link's window {literal(raw)} {problem}: showing the recent changes instead."
            )
    if message := st.session_state.pop("window_notice", None):
        notice(message)
    window = st.session_state[WINDOW]
    if window is None:
        st.query_params.pop(WINDOW, None)
    else:
        st.query_params[WINDOW] = window
    return window


def choose_window(bounds: DateRange, wanted: object) -> None:
    """Apply a window the briefer chose on the map's timeline (text from the browser)."""
    window, problem = window_within(bounds, wanted)
    if problem is None:  # the browser's timeline only sends windows, so anything else is not a briefer's choice
        st.session_state[WINDOW] = window
