"""Every state's status on the chosen date: a sortable, filterable table in words, and its CSV download
(machine-readable column names, the sources of every key date)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.region_choice import region_filter
from geo.regions import Region
from treaty.facts import state_facts
from treaty.model import Dataset, strongest_first
from treaty.status import StateStatus
from treaty.statuses import LABELS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Spreadsheet formula injection: text starting like a formula is prefixed with a quote."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def status_frame(dataset: Dataset, statuses: list[StateStatus], day: date) -> pd.DataFrame:
    """One row per state: the engine's output for `day`, with the sources behind its key dates, strongest
    first, each as 'publisher [kind]: address (or citation)'."""
    rows = []
    for status in statuses:
        state = dataset.state(status.iso3)
        facts = [fact for fact in state_facts(dataset, state) if fact.is_key_date]
        cited = [s for fact in facts for s in fact.sources] + dataset.sources_for(state.sources)
        sources = {s.url or s.title: s for s in strongest_first(cited)}
        rows.append(
            {
                "iso3": status.iso3,
                "state": status.name,
                "status": LABELS[status.status.value],
                "bound": status.status.bound,
                "since": status.since,
                "since_approximate": status.since_approximate,
                "withdrawal_takes_effect": status.takes_effect,
                "days_remaining": status.days_remaining,
                "date": day,
                "data_as_of": dataset.as_of,
                "sources": " | ".join(f"{s.name} [{s.kind.label}]: {s.reference or s.title}" for s in sources.values()),
            }
        )
    frame = pd.DataFrame(rows)
    frame["days_remaining"] = frame["days_remaining"].astype("Int64")  # whole days, blank where none
    return frame


def shown_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as read on screen: headings in words, yes/no, ISO dates (they sort as text), the
    countdown in words, and an empty cell wherever there is nothing to say."""
    return pd.DataFrame(
        {
            "State": frame["state"],
            "Code": frame["iso3"],
            "Status": frame["status"],
            "Bound": frame["bound"].map({True: "yes", False: "no"}),
            "Since": [_day(since) + (" (approximate)" if approximate else "")
                      for since, approximate in zip(frame["since"], frame["since_approximate"], strict=True)],
            "Withdrawal takes effect": frame["withdrawal_takes_effect"].map(_day),
            "Countdown": frame["days_remaining"].map(lambda days: "" if pd.isna(days) else countdown_text(days)),
        }
    )


def countdown_text(days: int) -> str:
    """'in 14 days', 'in 1 day': figures, as on the map's card."""
    return f"in {days} day{'s' * (days != 1)}"


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.map(neutralise).to_csv(index=False).encode("utf-8")


def status_table(dataset: Dataset, statuses: list[StateStatus], day: date, region: Region) -> None:
    """Every state of the dataset (the world), filtered by region (the page's, to start with), name and status."""
    frame = status_frame(dataset, statuses, day)
    area, search, statuses_filter = st.columns([1, 1, 2])
    with area:
        members = region_filter("Region", "table_region", region)
    text = search.text_input("Filter by state", key="table_filter", placeholder="e.g. Lithuania or LTU")
    chosen = statuses_filter.multiselect("Status", sorted(frame["status"].unique()), key="table_status")
    shown = frame if members is None else frame[frame["iso3"].isin(members)]
    if text:
        needle = text.strip().lower()
        shown = shown[shown["state"].str.lower().str.contains(needle, regex=False) | shown["iso3"].str.lower().str.contains(needle, regex=False)]
    if chosen:
        shown = shown[shown["status"].isin(chosen)]
    st.dataframe(shown_frame(shown), hide_index=True, width="stretch")
    st.download_button(
        "Download CSV (all states, with sources)",
        data=csv_bytes(frame),
        file_name=f"{dataset.treaty.id}-status-{day.isoformat()}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
