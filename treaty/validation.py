"""Checks that need the whole dataset: codes, references, order of events, and the treaty's date rules."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from treaty.model import CONSENT_TYPES, Dataset, Event, EventType, State
from treaty.rules import entry_into_force_date, withdrawal_effective_date

# Recorded dates that may lie after the file's as_of date: they follow from a deposit by rule.
SCHEDULED_TYPES = frozenset({EventType.ENTRY_INTO_FORCE, EventType.WITHDRAWAL_EFFECTIVE})


@dataclass(frozen=True)
class Finding:
    message: str
    path: tuple
    state: str | None = None
    event: str | None = None
    field: str | None = None


def check_dataset(
    dataset: Dataset, known_codes: frozenset[str], positions: list[int] | None = None, source_ids: frozenset[str] | None = None
) -> Iterator[Finding]:
    """Cross-checks on the parts that passed the schema.

    `positions` gives each state's index in the file (states that failed the schema are left out of
    `dataset`); `source_ids` every source id the file defines, valid or not, so a source that failed
    the schema is not reported a second time as undefined.
    """
    defined = source_ids if source_ids is not None else frozenset(dataset.sources)
    positions = positions if positions is not None else list(range(len(dataset.states)))
    yield from _check_references(("treaty",), dataset.treaty.sources, defined, state=None)
    seen: dict[str, int] = {}
    for index, state in zip(positions, dataset.states):
        path = ("states", index)
        if state.iso3 in seen:
            yield Finding(f"duplicate state code, first used by state #{seen[state.iso3] + 1}", (*path, "iso3"), state.iso3, field="iso3")
        seen.setdefault(state.iso3, index)
        if state.iso3 not in known_codes:
            yield Finding(f"'{state.iso3}' is not an ISO 3166-1 alpha-3 code", (*path, "iso3"), state.iso3, field="iso3")
        yield from _check_references(path, state.sources, defined, state.iso3)
        yield from _check_state(dataset, state, path, defined)


def _check_references(path: tuple, ids: list[str], defined: frozenset[str], state: str | None, event: str | None = None):
    for source_id in ids:
        if source_id not in defined:
            yield Finding(f"cites source '{source_id}', which the file's sources do not define", (*path, "sources"), state, event, "sources")


def _check_state(dataset: Dataset, state: State, path: tuple, defined: frozenset[str]) -> Iterator[Finding]:
    rules = dataset.treaty.rules
    has_consent = any(event.type in CONSENT_TYPES for event in state.events)
    if not has_consent and not any(event.type is EventType.SIGNATURE for event in state.events) and not state.sources:
        yield Finding("a state that never signed or joined needs 'sources' saying so", (*path, "iso3"), state.iso3, field="sources")

    consent: Event | None = None
    deposit: Event | None = None
    previous: Event | None = None
    for number, event in enumerate(state.events):
        event_path = (*path, "events", number)
        name = f"{number + 1} ({event.type.value})"

        def finding(message: str, field: str) -> Finding:
            return Finding(message, (*event_path, field), state.iso3, name, field)

        yield from _check_references(event_path, event.sources, defined, state.iso3, name)
        if previous is not None and event.date.last < previous.date.first:
            yield finding(f"{event.date} comes before the previous event ({previous.type.value}, {previous.date}): list events in date order", "date")
        if event.date.first < dataset.treaty.opened_for_signature and event.type in (CONSENT_TYPES | {EventType.SIGNATURE}):
            yield finding(f"{event.date} is before the treaty was opened for signature ({dataset.treaty.opened_for_signature})", "date")
        if event.date.first > dataset.as_of and event.type not in SCHEDULED_TYPES:
            yield finding(f"{event.date} is after the file's as_of date ({dataset.as_of})", "date")

        if event.type in CONSENT_TYPES:
            consent = event
        elif event.type is EventType.ENTRY_INTO_FORCE:
            if consent is None:
                yield finding("entry into force with no ratification, accession or succession before it", "type")
            elif consent.is_exact and event.rule_exception is None:
                expected = entry_into_force_date(rules.entry_into_force, consent.date.first)
                if str(event.date) != expected.isoformat():
                    yield finding(
                        f"{event.date} disagrees with Art. {rules.entry_into_force.article}: a deposit on "
                        f"{consent.date} enters into force on {expected} (or record a rule_exception saying why)",
                        "date",
                    )
        elif event.type is EventType.WITHDRAWAL_DEPOSITED:
            if consent is None:
                yield finding("a withdrawal from a treaty the state never joined", "type")
            deposit = event
        elif event.type is EventType.WITHDRAWAL_EFFECTIVE:
            if deposit is None:
                yield finding("a withdrawal takes effect with no instrument of withdrawal deposited before it", "type")
            elif deposit.is_exact:
                expected = withdrawal_effective_date(rules.withdrawal, deposit.date.first)
                if event.rule_exception is not None and event.date.first < expected:
                    yield finding(f"{event.date} is before {expected}: the armed-conflict proviso can only delay a withdrawal", "date")
                elif event.rule_exception is None and str(event.date) != expected.isoformat():
                    yield finding(
                        f"{event.date} disagrees with Art. {rules.withdrawal.article}: an instrument received on "
                        f"{deposit.date} takes effect on {expected} (or record a rule_exception, e.g. the armed-conflict proviso)",
                        "date",
                    )
        if event.rule_exception is not None and event.type not in SCHEDULED_TYPES:
            yield finding("only an entry_into_force or withdrawal_effective date can be an exception to a rule", "rule_exception")
        previous = event
