"""The selected state's whole record: every event with its date, flags and sources."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.notices import plain

from treaty.dates import long_date
from treaty.facts import state_facts
from treaty.model import Dataset, Source, SourceKind
from treaty.status import StateStatus
from treaty.statuses import LABELS


def _flags(fact) -> str:
    flags = []
    if fact.precision.value != "day":
        flags.append(f"known to the {fact.precision.value}")
    if fact.approximate:
        flags.append("approximate day")
    if not fact.confirmed:
        flags.append("unconfirmed")
    if fact.derived_by:
        flags.append(f"computed by {fact.derived_by}")
    return ", ".join(flags)


COLUMNS = ["Date", "Event", "Flags", "Note", "Kind", "Source", "Link"]


def facts_frame(dataset: Dataset, iso3: str) -> pd.DataFrame:
    """One row per source of each fact, strongest first, each with its kind and link (or its citation);
    where sources differ, the other dates follow with their sources, and the note says why this date."""
    rows = []
    for fact in state_facts(dataset, dataset.state(iso3)):
        flags = ", ".join(filter(None, [_flags(fact), "sources differ" if fact.alternatives else ""]))
        note = " ".join(filter(None, [fact.note, f"Date shown: {fact.why_this_date}" if fact.why_this_date else ""]))
        rows += _source_rows(fact.date, fact.label, flags, note, fact.sources)
        for other in fact.alternatives:
            rows += _source_rows(other.date, f"{fact.label} (other sources' date)", "sources differ", other.note or "", other.sources)
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)  # object: a missing link stays None, shown blank


def _source_rows(day: str, event: str, flags: str, note: str, sources: tuple[Source, ...]) -> list[dict]:
    """A row per source (the note on the first only), or one row without a source for a computed date."""
    shared = {"Date": day, "Event": event, "Flags": flags}
    rows = [
        {
            **shared,
            "Note": note if number == 0 else "",
            "Kind": source.kind.label,
            "Source": f"{source.name} — {source.citation}" if source.citation and not source.url else source.name,
            "Link": source.url,
        }
        for number, source in enumerate(sources)
    ]
    return rows or [{**shared, "Note": note, "Kind": "", "Source": "", "Link": None}]


def state_panel(dataset: Dataset, status: StateStatus | None) -> None:
    if status is None:
        st.caption("Click a state on the map to see its whole record and sources here.")
        return
    line = f"**{plain(status.name)}** — {LABELS[status.status.value]}"
    if status.takes_effect:
        line += f"; withdrawal takes effect on {long_date(status.takes_effect)} (in {status.days_remaining} day{'s' * (status.days_remaining != 1)})"
    elif status.since:
        line += f" since {long_date(status.since)}" + (" (approximate)" if status.since_approximate else "")
    st.markdown(line)
    state = dataset.state(status.iso3)
    if state.note:
        st.caption(plain(state.note))
    st.caption("Every source of each date, strongest first: " + ", ".join(kind.label for kind in SourceKind) + ".")
    st.dataframe(
        facts_frame(dataset, status.iso3),
        hide_index=True,
        width="stretch",
        column_config={"Link": st.column_config.LinkColumn("Link", display_text="open"), "Note": st.column_config.TextColumn(width="large")},
    )
