"""The map as text, for the chosen date: the day's sentence, then the states grouped by status (in the
legend's order) with their key dates. Shown right after the map in the app and in the offline HTML, so
what the colours say can be read by a screen reader, copied, or printed in black and white.

The app's text version is written in the browser (render/static/text_version.js) for the date on the map,
from `text_version_payload`, fetched once per dataset version: every state's status transitions and the
WORDING below, the one source of its words for Python and the browser alike."""
from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from geo.regions import DEFAULT_REGION, WORLD, Region, scope_of
from render.captions import title_on
from render.payload import STATUS_INDEX
from treaty.dates import long_date
from treaty.model import Dataset
from treaty.narrative import describe_day
from treaty.status import StateStatus, StateHistory, Transition, statuses_on
from treaty.statuses import STATUS_TABLE

# Filled in by `str.format` here and by text_version.js (`{name}` -> the value) in the browser.
WORDING = MappingProxyType({
    "heading": "Text version of the map: {title} on {date}",
    "pending": "{name} — withdrawal takes effect on {date} (in {days} {unit})",
    "since": "{name} — since {date}",
    "approximate": " (approximate)",
    "day": "day",
    "days": "days",
})
# What the server draws once (components/accessibility.py); the browser completes the heading and fills the body.
FOLDED_HEADING = "Text version of the map"
BODY_CLASS = "tm-text-body"


class StatusGroup(NamedTuple):
    label: str
    states: tuple[str, ...]  # "Finland — withdrawal takes effect on 10 January 2026 (in 14 days)"


def state_line(status: StateStatus) -> str:
    if status.takes_effect:
        days = status.days_remaining
        return WORDING["pending"].format(name=status.name, date=long_date(status.takes_effect), days=days,
                                         unit=WORDING["day" if days == 1 else "days"])
    if status.since:
        return WORDING["since"].format(name=status.name, date=long_date(status.since)) + (WORDING["approximate"] if status.since_approximate else "")
    return status.name


def status_groups(statuses: list[StateStatus]) -> list[StatusGroup]:
    """Every status some state has on the day, in the legend's order, its states by name."""
    groups = []
    for row in STATUS_TABLE:
        members = sorted((s for s in statuses if s.status.value == row.key), key=lambda s: s.name)
        if members:
            groups.append(StatusGroup(row.label, tuple(state_line(s) for s in members)))
    return groups


def text_version_payload(compiled: tuple[StateHistory, ...]) -> dict:
    """What the browser writes the text version from, on any date: the WORDING, the statuses' labels in the
    legend's order (`labels[i]` is status index i, as in render.payload's fills), and per state its code, name,
    status before any transition and its transitions `[day, status index, approximate (0/1)]`, with the day it
    takes effect for a pending withdrawal. The state's line on a day is then the last transition on or before
    it (treaty.status.StateHistory.at)."""
    def transition(step: Transition) -> list:
        row = [step.on.isoformat(), STATUS_INDEX[step.status.value], int(step.approximate)]
        return row + [step.takes_effect.isoformat()] if step.takes_effect else row

    return {
        "wording": dict(WORDING),
        "labels": [row.label for row in STATUS_TABLE],
        "states": [[history.iso3, history.name, STATUS_INDEX[history.initial.value], [transition(step) for step in history.transitions]]
                   for history in compiled],
    }


def alt_text(dataset: Dataset, timelines: tuple[StateHistory, ...], day: date, region: Region = DEFAULT_REGION) -> str:
    """The text alternative of an exported map: what it is, the day's sentence with the world's and the
    region's figures, and how many states of the region have each status. 'Map of Europe: Mine Ban
    Convention on 27 December 2025. On 27 December ... States by status: Party 40; ...'"""
    statuses = statuses_on(timelines, day)
    shown = statuses if region == WORLD else [status for status in statuses if status.iso3 in region.members]
    counts = "; ".join(f"{group.label} {len(group.states)}" for group in status_groups(shown))
    return f"Map of {region.label}: {title_on(dataset, day)}. {describe_day(timelines, day, scope_of(region))} States by status: {counts}."
