"""The Before-and-after tab: two dates, the map on each side by side, and the states whose status changed
between them; kept in the link (`?before=2025-06-01&after=2026-03-01`, which opens this tab) and
downloadable as one picture (PNG, SVG, PDF) or one slide (PPTX)."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import streamlit as st

from components.date_controls import DateRange
from components.notices import literal, notice, plain
from components.story import Story
from export.before_after import FORMATS, before_after_file, file_name
from geo.regions import scope_of
from export.formats import ExportData
from render.before_after import summary
from treaty.changes import changes_between
from treaty.dates import long_date

BEFORE_KEY, AFTER_KEY = "before", "after"
TAB = "Before and after"
FORMAT_LABELS = {"png": "PNG picture", "svg": "SVG", "pdf": "PDF", "pptx": "PowerPoint slide"}


def pair_within(bounds: DateRange, before: object, after: object) -> tuple[tuple[date, date] | None, str | None]:
    """Two dates as written in a link, the first before the second, both in the treaty's history; or None and why not."""
    try:
        pair = (date.fromisoformat(before), date.fromisoformat(after))
    except (TypeError, ValueError):
        return None, "are not two dates (YYYY-MM-DD)"
    if pair[0] >= pair[1]:
        return None, "are not in order: `before` must be the earlier date"
    if any(day != bounds.clamp(day) for day in pair):
        return None, f"are not both in the treaty's history ({bounds.first} to {bounds.last})"
    return pair, None


def linked_pair(bounds: DateRange) -> tuple[date, date] | None:
    """The link's pair, read once per session; what cannot be read is named in a notice and dropped."""
    raw = st.query_params.get(BEFORE_KEY), st.query_params.get(AFTER_KEY)
    if raw == (None, None):
        return None
    pair, problem = pair_within(bounds, *raw)
    if problem:
        notice(f"The link's dates {literal(raw[0] or '')} and {literal(raw[1] or '')} {problem}: choose two dates below.")
        st.query_params.pop(BEFORE_KEY, None)
        st.query_params.pop(AFTER_KEY, None)
    return pair


@lru_cache(maxsize=16)
def _file(data: ExportData, before: date, after: date, fmt: str, story: Story) -> bytes:
    return before_after_file(data, before, after, fmt, highlight=story.highlight, callouts=story.callouts)


def before_and_after(data: ExportData, bounds: DateRange, day: date, story: Story) -> None:
    """The tab: two date pickers (from the link, else a year before the date on screen and that date),
    the list of changes as text, the picture, and its downloads."""
    pair = linked_pair(bounds) or (bounds.clamp(day - timedelta(days=365)), day)
    first, second = st.columns(2)
    before = first.date_input("Before", value=pair[0], min_value=bounds.first, max_value=bounds.last, key="before_date")
    after = second.date_input("After", value=pair[1], min_value=bounds.first, max_value=bounds.last, key="after_date")
    if before >= after:
        st.info("Choose a Before date earlier than the After date.")
        return
    st.query_params[BEFORE_KEY], st.query_params[AFTER_KEY] = before.isoformat(), after.isoformat()
    changes = changes_between(data.inputs.timelines, before, after, scope_of(data.inputs.region).members)
    st.markdown(f"**{plain(summary(changes, before, after))}**")
    if changes:
        st.markdown("\n".join(f"- {plain(change.sentence)}" for change in changes))
    st.image(_file(data, before, after, "png", story),
             caption=f"The map on {long_date(before)} and on {long_date(after)}, with the changes between them",
             alt=" ".join([summary(changes, before, after), *(f"{change.sentence}." for change in changes)]))
    for column, (fmt, mime) in zip(st.columns(len(FORMATS)), FORMATS.items(), strict=True):
        column.download_button(
            FORMAT_LABELS[fmt], data=lambda fmt=fmt: _file(data, before, after, fmt, story),
            file_name=file_name(data, before, after, fmt), mime=mime, key=f"before-after-{fmt}",
            on_click="ignore", icon=":material/download:", width="stretch",
        )
