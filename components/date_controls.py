"""The date: a slider over the treaty's history, with buttons that jump between status changes.

The chosen date lives in `st.session_state[DAY]` and in the URL (`?date=YYYY-MM-DD`), so a link
restores it; an unreadable or out-of-range date in the URL falls back to today, with a notice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import streamlit as st

from components.notices import literal


DAY = "day"
MARGIN = timedelta(days=365)


@dataclass(frozen=True)
class DateRange:
    first: date
    last: date
    changes: tuple[date, ...]

    def clamp(self, day: date) -> date:
        return min(max(day, self.first), self.last)


def date_range(adopted: date, changes: list[date], today: date) -> DateRange:
    """From adoption to the last change plus a margin (and at least today)."""
    last = max(changes[-1] + MARGIN if changes else adopted, today)
    return DateRange(adopted, last, tuple(changes))


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


def step_to_change(bounds: DateRange, step: int | str) -> None:
    """Move the date to the previous/next change, or to the first/last one."""
    current = st.session_state[DAY]
    if step == "first":
        target = bounds.changes[0] if bounds.changes else bounds.first
    elif step == "last":
        target = bounds.changes[-1] if bounds.changes else bounds.last
    elif step > 0:
        target = next((d for d in bounds.changes if d > current), current)
    else:
        target = next((d for d in reversed(bounds.changes) if d < current), current)
    st.session_state[DAY] = target


def date_controls(bounds: DateRange, today: date) -> date:
    """Render the slider and the jump buttons; return the chosen date."""
    if DAY not in st.session_state:
        st.session_state[DAY], notice = initial_day(bounds, today)
        if notice:
            st.session_state["date_notice"] = notice
    # Another treaty has another history: keep the date inside it.
    st.session_state[DAY] = bounds.clamp(st.session_state[DAY])
    if notice := st.session_state.pop("date_notice", None):
        st.warning(notice, icon="⚠️")
    first, previous, slider, following, last, now = st.columns([0.6, 1.3, 8, 1.3, 0.6, 0.9], vertical_alignment="bottom")
    first.button("", icon=":material/first_page:", help="First change", on_click=step_to_change, args=(bounds, "first"), width="stretch")
    previous.button("◀ Change", on_click=step_to_change, args=(bounds, -1), width="stretch")
    following.button("Change ▶", on_click=step_to_change, args=(bounds, 1), width="stretch")
    last.button("", icon=":material/last_page:", help="Last change", on_click=step_to_change, args=(bounds, "last"), width="stretch")
    now.button("Today", on_click=st.session_state.__setitem__, args=(DAY, bounds.clamp(today)), width="stretch")
    day = slider.slider(
        "Date",
        min_value=bounds.first,
        max_value=bounds.last,
        step=timedelta(days=1),
        format="D MMM YYYY",
        key=DAY,
        label_visibility="collapsed",
    )
    st.query_params["date"] = day.isoformat()
    return day
