"""Counts a person checking a dataset wants to see: states, events, sources, dates still unconfirmed, sources
no one can look up (a warning, not an error)."""
from __future__ import annotations

from treaty.model import Dataset
from treaty.status import change_dates, compile_timelines


def dataset_summary(dataset: Dataset) -> list[str]:
    events = [(state, event) for state in dataset.states for event in state.events]
    unconfirmed = [(state, event) for state, event in events if not event.confirmed]
    inexact = [(state, event) for state, event in events if not event.is_exact]
    changes = change_dates(compile_timelines(dataset))
    lines = [
        f"treaty: {dataset.treaty.short_name} ({dataset.treaty.id}), data as of {dataset.as_of}",
        f"states: {len(dataset.states)}",
        f"events: {len(events)}, citing {len(dataset.sources)} sources",
        f"status changes: {len(changes)} dates, {changes[0]} to {changes[-1]}" if changes else "status changes: none",
        f"dates not to the day or approximate: {len(inexact)}",
        f"unconfirmed dates: {len(unconfirmed)}",
    ]
    lines += [f"  - {state.iso3} {event.type.value} {event.date}" for state, event in unconfirmed]
    untraceable = untraceable_sources(dataset)
    lines.append(f"warning: sources with neither url nor citation: {len(untraceable)}")
    lines += [f"  - {source_id}" for source_id in untraceable]
    return lines


def untraceable_sources(dataset: Dataset) -> list[str]:
    """Ids of sources a reader cannot look up: no web address and no citation."""
    return [source_id for source_id, source in dataset.sources.items() if not source.url and not source.citation]
