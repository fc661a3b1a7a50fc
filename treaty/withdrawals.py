"""The withdrawal chains, as rows for a timeline: every state that took a step towards leaving."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from treaty.model import DOMESTIC_STEP_TYPES, Dataset, EventType
from treaty.status import StateHistory

CHAIN_TYPES = DOMESTIC_STEP_TYPES | {
    EventType.WITHDRAWAL_DEPOSITED,
    EventType.WITHDRAWAL_EFFECTIVE,
    EventType.SUSPENSION_NOTIFIED,
    EventType.MEETING_FINDING,
}


@dataclass(frozen=True)
class ChainEvent:
    iso3: str
    name: str
    day: date
    label: str
    exact: bool


@dataclass(frozen=True)
class NoticePeriod:
    """From the Depositary's receipt of the instrument to the day the withdrawal takes effect."""

    iso3: str
    name: str
    deposited: date
    takes_effect: date


def withdrawal_chains(dataset: Dataset, compiled: tuple[StateHistory, ...]) -> tuple[list[ChainEvent], list[NoticePeriod]]:
    """Events of the states whose timelines include a step towards leaving, and their notice periods.

    Notice periods come from the compiled timelines, so the bar ends where the map changes colour.
    """
    events: list[ChainEvent] = []
    periods: list[NoticePeriod] = []
    by_code = {timeline.iso3: timeline for timeline in compiled}
    for state in dataset.states:
        timeline = by_code.get(state.iso3)
        if timeline is None:  # left out by the caller (a region's chart)
            continue
        leaving = [t for t in timeline.transitions if t.cause in CHAIN_TYPES]
        if not leaving:
            continue
        first = leaving[0].on
        events += [
            ChainEvent(state.iso3, state.name, event.date.first, event.type.label, event.is_exact)
            for event in state.events
            # A step known only to the month may fall on or after the first step in the same month.
            if event.type in CHAIN_TYPES and event.date.last >= first
        ]
        periods += [
            NoticePeriod(state.iso3, state.name, t.on, t.takes_effect)
            for t in timeline.transitions
            if t.cause is EventType.WITHDRAWAL_DEPOSITED and t.takes_effect
        ]
    return events, periods
