"""The selected state's whole record: every event with its date, flags and sources."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.notices import plain

from treaty.dates import long_date
from treaty.facts import state_facts
from treaty.model import Dataset
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


def facts_frame(dataset: Dataset, iso3: str) -> pd.DataFrame:
    rows = []
    for fact in state_facts(dataset, dataset.state(iso3)):
        rows.append(
            {
                "Date": fact.date,
                "Event": fact.label,
                "Flags": _flags(fact),
                "Note": fact.note or "",
                "Source": "; ".join(s.publisher or s.title for s in fact.sources),
                "Link": next((s.url for s in fact.sources if s.url), None),
            }
        )
    return pd.DataFrame(rows, columns=["Date", "Event", "Flags", "Note", "Source", "Link"])


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
    st.dataframe(
        facts_frame(dataset, status.iso3),
        hide_index=True,
        width="stretch",
        column_config={"Link": st.column_config.LinkColumn("Link", display_text="open"), "Note": st.column_config.TextColumn(width="large")},
    )
