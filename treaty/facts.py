"""A state's dated facts as a reader needs them: each event with its sources, plus the dates that
follow from the treaty's rules where the file does not record them (marked as derived)."""
from __future__ import annotations

from dataclasses import dataclass

from treaty.dates import PartialDate, Precision
from treaty.model import CONSENT_TYPES, Dataset, EventType, Source, State, strongest_first
from treaty.rules import entry_into_force_date, withdrawal_effective_date

KEY_TYPES = CONSENT_TYPES | {
    EventType.SIGNATURE,
    EventType.ENTRY_INTO_FORCE,
    EventType.WITHDRAWAL_DEPOSITED,
    EventType.WITHDRAWAL_EFFECTIVE,
    EventType.SUSPENSION_NOTIFIED,
    EventType.MEETING_FINDING,
}


@dataclass(frozen=True)
class OtherDate:
    """A date other sources give for a fact, with those sources (strongest first)."""

    date: str
    note: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Fact:
    type: EventType
    label: str
    date: str
    precision: Precision
    approximate: bool
    confirmed: bool
    derived_by: str | None  # e.g. "Art. 17": computed, not recorded
    note: str | None
    sources: tuple[Source, ...]  # strongest first
    alternatives: tuple[OtherDate, ...] = ()  # where sources differ
    why_this_date: str | None = None

    @property
    def is_key_date(self) -> bool:
        return self.type in KEY_TYPES


def state_facts(dataset: Dataset, state: State) -> list[Fact]:
    rules = dataset.treaty.rules
    recorded = {event.type for event in state.events}
    facts: list[Fact] = []
    for event in state.events:
        facts.append(
            Fact(
                event.type,
                event.type.label,
                str(event.date),
                event.date.precision,
                event.approximate,
                event.confirmed,
                None,
                event.note or event.rule_exception,
                _strongest_first(dataset, event.sources),
                tuple(OtherDate(str(other.date), other.note, _strongest_first(dataset, other.sources)) for other in event.alternatives),
                event.why_this_date,
            )
        )
        if not event.date.is_exact:
            continue
        if event.type in CONSENT_TYPES and EventType.ENTRY_INTO_FORCE not in recorded:
            day = entry_into_force_date(rules.entry_into_force, event.date.first)
            facts.append(_derived(EventType.ENTRY_INTO_FORCE, day.isoformat(), f"Art. {rules.entry_into_force.article}", event.confirmed))
        if event.type is EventType.WITHDRAWAL_DEPOSITED and EventType.WITHDRAWAL_EFFECTIVE not in recorded:
            day = withdrawal_effective_date(rules.withdrawal, event.date.first)
            facts.append(_derived(EventType.WITHDRAWAL_EFFECTIVE, day.isoformat(), f"Art. {rules.withdrawal.article}", event.confirmed))
    # A month- or year-only date sorts by its last day: "2025-05" (some day in May) after the vote of
    # 8 May 2025 it reports on; equal days keep the file's order, which validation keeps by date.
    return sorted(facts, key=lambda fact: PartialDate.parse(fact.date).last)


def _strongest_first(dataset: Dataset, ids: list[str]) -> tuple[Source, ...]:
    return tuple(strongest_first(dataset.sources_for(ids)))


def _derived(kind: EventType, day: str, article: str, confirmed: bool) -> Fact:
    return Fact(kind, kind.label, day, Precision.DAY, False, confirmed, article, f"Computed by {article} from the deposit date.", ())
