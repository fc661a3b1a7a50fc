"""The selected state's whole record: a summary line (status, when a withdrawal takes effect), then every
event with its date, flags, full note and every source with its link; and the record as a CSV."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.notices import plain
from components.status_table import countdown_text, csv_bytes

from treaty.dates import PartialDate, Precision, long_date
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


def _when(day: str) -> str:
    """'8 May 2025', 'May 2025' or '2025': as precise as the record is."""
    period = PartialDate.parse(day)
    if period.precision is Precision.DAY:
        return long_date(period.first)
    return period.first.strftime("%B %Y") if period.precision is Precision.MONTH else str(period.first.year)


def markdown_link_target(url: str) -> str:
    """A web address as a Markdown link destination that no bracket, quote, space or parenthesis can end early."""
    return "<" + "".join(f"%{ord(char):02X}" if char in '<> ()"' else char for char in url) + ">"


def _source_line(source: Source) -> str:
    """'- official: [Publisher — title](address)', or the citation of a source with no address."""
    name = plain(source.name if source.name == source.title else f"{source.name} — {source.title}")
    shown = f"[{name}]({markdown_link_target(source.url)})" if source.url else name
    citation = f" — {plain(source.citation)}" if source.citation and not source.url else ""
    return f"- {source.kind.label}: {shown}{citation}"


def record_blocks(dataset: Dataset, iso3: str) -> list[str]:
    """The record as Markdown, one block per dated fact in date order: date and event, flags, the note in
    full, then every source strongest first with its kind and link (or citation); where sources differ,
    the other date with its sources. Dataset text is escaped, so it reads as written."""
    blocks = []
    for fact in state_facts(dataset, dataset.state(iso3)):
        flags = ", ".join(filter(None, [_flags(fact), "sources differ" if fact.alternatives else ""]))
        parts = [f"**{_when(fact.date)}** — {fact.label}" + (f" · *{flags}*" if flags else "")]
        parts += [plain(text) for text in (fact.note, fact.why_this_date and f"Date shown: {fact.why_this_date}") if text]
        parts.append(_source_list(fact.sources))
        for other in fact.alternatives:
            parts.append(f"Other sources' date: **{_when(other.date)}**" + (f" — {plain(other.note)}" if other.note else ""))
            parts.append(_source_list(other.sources))
        blocks.append("\n\n".join(part for part in parts if part))
    return blocks


def _source_list(sources: tuple[Source, ...]) -> str:
    return "\n".join(_source_line(source) for source in sources)


def summary_line(status: StateStatus) -> str:
    """Status, and when a pending withdrawal takes effect with the countdown (or since when the status
    holds): the answer a briefer is asked first, above the record so it never needs scrolling to."""
    line = f"**{plain(status.name)}** — {LABELS[status.status.value]}"
    if status.takes_effect:
        return line + f" · **Withdrawal takes effect on {long_date(status.takes_effect)}** ({countdown_text(status.days_remaining)})"
    if status.since:
        return line + f" since {long_date(status.since)}" + (" (approximate)" if status.since_approximate else "")
    return line


def state_panel(dataset: Dataset, status: StateStatus | None) -> None:
    if status is None:
        st.caption("Click a state on the map to see its whole record and sources here.")
        return
    st.markdown(summary_line(status))
    state = dataset.state(status.iso3)
    if state.note:
        st.caption(plain(state.note))
    st.caption("Every source of each date, strongest first: " + ", ".join(kind.label for kind in SourceKind) + ".")
    for block in record_blocks(dataset, status.iso3):
        st.markdown(block)
    st.download_button(
        "Download this record (CSV, a row per source)",
        data=csv_bytes(facts_frame(dataset, status.iso3)),
        file_name=f"{dataset.treaty.id}-{status.iso3}-record.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
