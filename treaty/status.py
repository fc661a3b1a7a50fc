"""Every state's status on any date, and the dates on which any status changes. Pure: no I/O, no UI.

A state's history is compiled once into a timeline of transitions; the status on a date is then the
last transition on or before it. Effective dates come from the treaty's rules, never from a second
copy typed into the file, unless the file records a rule exception (e.g. the armed-conflict proviso).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from treaty.model import CONSENT_TYPES, DOMESTIC_STEP_TYPES, Dataset, Event, EventType, State
from treaty.rules import entry_into_force_date, withdrawal_effective_date
from treaty.statuses import BY_KEY, CANNOT_JOIN_ENTITIES, INITIAL, Status

@dataclass(frozen=True)
class Transition:
    """From `on`, the state has `status`; `approximate` when the day that starts it is not certain."""

    on: date
    status: Status
    cause: EventType
    approximate: bool
    takes_effect: date | None = None  # for a pending withdrawal


@dataclass(frozen=True)
class StateStatus:
    iso3: str
    name: str
    status: Status
    since: date | None
    since_approximate: bool
    takes_effect: date | None
    days_remaining: int | None


@dataclass(frozen=True)
class StateHistory:
    iso3: str
    name: str
    transitions: tuple[Transition, ...]
    # Parallel to transitions, for bisect.
    days: tuple[date, ...]
    initial: Status = INITIAL  # before any transition


    def at(self, day: date) -> StateStatus:
        index = bisect.bisect_right(self.days, day) - 1
        if index < 0:
            return StateStatus(self.iso3, self.name, self.initial, None, False, None, None)
        current = self.transitions[index]
        remaining = (current.takes_effect - day).days if current.takes_effect else None
        return StateStatus(
            self.iso3, self.name, current.status, current.on, current.approximate, current.takes_effect, remaining
        )


def _recorded(events: list[Event], kind: EventType, after: date) -> Event | None:
    """The recorded event of `kind` that carries a rule exception, on or after `after`."""
    return next(
        (event for event in events if event.type is kind and event.rule_exception and event.date.first >= after),
        None,
    )


def _candidate_transitions(dataset: Dataset, state: State) -> list[Transition]:
    rules = dataset.treaty.rules
    found: list[Transition] = []
    for event in state.events:
        # A date known only to the month or year counts from its last day: by then it had happened.
        start, approximate = (event.date.first if event.date.is_exact else event.date.last), not event.is_exact
        if event.type is EventType.SIGNATURE:
            found.append(Transition(start, Status.SIGNATORY, event.type, approximate))
        elif event.type in CONSENT_TYPES:
            found.append(Transition(start, Status.JOINED, event.type, approximate))
            exception = _recorded(state.events, EventType.ENTRY_INTO_FORCE, start)
            in_force = exception.date.first if exception else entry_into_force_date(rules.entry_into_force, start)
            found.append(Transition(in_force, Status.PARTY, EventType.ENTRY_INTO_FORCE, approximate))
        elif event.type in DOMESTIC_STEP_TYPES:
            found.append(Transition(start, Status.WITHDRAWAL_UNDER_WAY, event.type, approximate))
        elif event.type is EventType.WITHDRAWAL_DEPOSITED:
            exception = _recorded(state.events, EventType.WITHDRAWAL_EFFECTIVE, start)
            effective = exception.date.first if exception else withdrawal_effective_date(rules.withdrawal, start)
            found.append(Transition(start, Status.WITHDRAWAL_PENDING, event.type, approximate, effective))
            found.append(Transition(effective, Status.WITHDRAWN, EventType.WITHDRAWAL_EFFECTIVE, approximate))
        elif event.type is EventType.SUSPENSION_NOTIFIED:
            # Only a treaty with a suspension clause lets a notified suspension take effect.
            suspension = Status.SUSPENDED if rules.suspension else Status.CONTESTED
            found.append(Transition(start, suspension, event.type, approximate))
        elif event.type is EventType.MEETING_FINDING:
            # A finding matters to the status only where it settles a contested suspension (see the table's `after`).
            found.append(Transition(start, Status.SUSPENSION_REJECTED, event.type, approximate))
    # Stable sort: on one day, the order the events were recorded in decides.
    return sorted(found, key=lambda transition: transition.on)


def state_history(dataset: Dataset, state: State) -> StateHistory:
    if state.iso3 in CANNOT_JOIN_ENTITIES:
        # No instrument of theirs is accepted, so nothing recorded about them changes their status.
        return StateHistory(state.iso3, state.name, (), (), Status.CANNOT_JOIN)
    current = INITIAL
    kept: list[Transition] = []
    for transition in _candidate_transitions(dataset, state):
        if current in BY_KEY[transition.status.value].after:
            kept.append(transition)
            current = transition.status
    return StateHistory(state.iso3, state.name, tuple(kept), tuple(t.on for t in kept))


def compile_timelines(dataset: Dataset) -> tuple[StateHistory, ...]:
    """Compile once per dataset; every query below is then a bisect per state."""
    return tuple(state_history(dataset, state) for state in dataset.states)


def statuses_on(compiled: tuple[StateHistory, ...], day: date) -> list[StateStatus]:
    return [timeline.at(day) for timeline in compiled]


def change_dates(compiled: tuple[StateHistory, ...]) -> list[date]:
    """Every date on which at least one state's status changes, ascending."""
    return sorted({day for timeline in compiled for day in timeline.days})


TRACK_MARGIN = timedelta(days=365)  # the timeline runs on a year past the last change


def track_last(adopted: date, changes: Sequence[date], day: date) -> date:
    """The timeline's last day: a year after the last change, and at least `day` (the app's today)."""
    return max(changes[-1] + TRACK_MARGIN if changes else adopted, day)


def changes_on(compiled: tuple[StateHistory, ...], day: date) -> list[tuple[str, Transition]]:
    """(state name, transition) for every status change that happens on `day`."""
    return [
        (timeline.name, transition)
        for timeline in compiled
        for transition in timeline.transitions
        if transition.on == day
    ]
