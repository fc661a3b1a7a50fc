"""The map as text, for the chosen date: the day's sentence, then the states grouped by status (in the
legend's order) with their key dates. Shown right after the map in the app and in the offline HTML, so
what the colours say can be read by a screen reader, copied, or printed in black and white."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from geo.regions import DEFAULT_REGION, WORLD, Region, scope_of
from render.captions import title_on
from treaty.dates import long_date
from treaty.model import Dataset
from treaty.narrative import describe_day
from treaty.status import StateStatus, StateHistory, statuses_on
from treaty.statuses import STATUS_TABLE


class StatusGroup(NamedTuple):
    label: str
    states: tuple[str, ...]  # "Finland — withdrawal takes effect on 10 January 2026 (in 14 days)"


def state_line(status: StateStatus) -> str:
    if status.takes_effect:
        days = status.days_remaining
        return f"{status.name} — withdrawal takes effect on {long_date(status.takes_effect)} (in {days} day{'s' * (days != 1)})"
    if status.since:
        return f"{status.name} — since {long_date(status.since)}" + (" (approximate)" if status.since_approximate else "")
    return status.name


def status_groups(statuses: list[StateStatus]) -> list[StatusGroup]:
    """Every status some state has on the day, in the legend's order, its states by name."""
    groups = []
    for row in STATUS_TABLE:
        members = sorted((s for s in statuses if s.status.value == row.key), key=lambda s: s.name)
        if members:
            groups.append(StatusGroup(row.label, tuple(state_line(s) for s in members)))
    return groups


def heading(title: str, day: date) -> str:
    return f"Text version of the map: {title} on {long_date(day)}"


def alt_text(dataset: Dataset, timelines: tuple[StateHistory, ...], day: date, region: Region = DEFAULT_REGION) -> str:
    """The text alternative of an exported map: what it is, the day's sentence with the world's and the
    region's figures, and how many states of the region have each status. 'Map of Europe: Mine Ban
    Convention on 27 December 2025. On 27 December ... States by status: Party 40; ...'"""
    statuses = statuses_on(timelines, day)
    shown = statuses if region == WORLD else [status for status in statuses if status.iso3 in region.members]
    counts = "; ".join(f"{group.label} {len(group.states)}" for group in status_groups(shown))
    return f"Map of {region.label}: {title_on(dataset, day)}. {describe_day(timelines, day, scope_of(region))} States by status: {counts}."
