"""Checks that need the whole dataset: codes, references, order of events, and the treaty's date rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from treaty.model import (
    BINDING_DATE_TYPES,
    CONSENT_TYPES,
    DEFENSIBLE_KINDS,
    BarredDomain,
    Dataset,
    Event,
    EventType,
    State,
    strongest_first,
)
from treaty.rules import entry_into_force_date, withdrawal_effective_date

# Recorded dates that may lie after the file's as_of date: they follow from a deposit by rule.
SCHEDULED_TYPES = frozenset({EventType.ENTRY_INTO_FORCE, EventType.WITHDRAWAL_EFFECTIVE})

# Text that stands in for what a source says, left by a first pass: never shown as a title or a note.
# All patterns are read case-blind except TODO ("todo" is a Spanish and Portuguese word).
PLACEHOLDER_TEXT = re.compile(r"headline not recorded|seed text|(?-i:\bTODO\b)|\blorem\b|placeholder|\(this is\b", re.IGNORECASE)
# A publisher marked like this is a relay of other people's reporting, never a source.
AGGREGATOR_MARK = "(aggregator)"


@dataclass(frozen=True)
class Finding:
    message: str
    path: tuple
    state: str | None = None
    event: str | None = None
    field: str | None = None


def check_dataset(
    dataset: Dataset,
    known_codes: frozenset[str],
    positions: list[int] | None = None,
    source_ids: frozenset[str] | None = None,
    barred: Sequence[BarredDomain] = (),
) -> Iterator[Finding]:
    """Cross-checks on the parts that passed the schema.

    `positions` gives each state's index in the file (states that failed the schema are left out of
    `dataset`); `source_ids` every source id the file defines, valid or not, so a source that failed
    the schema is not reported a second time as undefined; `barred` the domains no source may be on.
    """
    defined = source_ids if source_ids is not None else frozenset(dataset.sources)
    positions = positions if positions is not None else list(range(len(dataset.states)))
    yield from _check_references(("treaty",), dataset.treaty.sources, defined, state=None)
    yield from _check_sources(dataset, barred)
    seen: dict[str, int] = {}
    yield from _check_territories(dataset, known_codes, positions, defined)
    for index, state in zip(positions, dataset.states):
        path = ("states", index)
        if state.iso3 in seen:
            yield Finding(f"duplicate state code, first used by state #{seen[state.iso3] + 1}", (*path, "iso3"), state.iso3, field="iso3")
        seen.setdefault(state.iso3, index)
        if state.iso3 not in known_codes:
            yield Finding(f"'{state.iso3}' is not an ISO 3166-1 alpha-3 code", (*path, "iso3"), state.iso3, field="iso3")
        yield from _check_references(path, state.sources, defined, state.iso3)
        yield from _check_placeholder(state.note, (*path, "note"), state.iso3, None, "note")
        yield from _check_state(dataset, state, path, defined)


def _check_territories(dataset: Dataset, known_codes: frozenset[str], positions: list[int], defined: frozenset[str]) -> Iterator[Finding]:
    """A territory record names a known code that is no state of the file and no other record, and rests
    on a defensible source: it decides whether the treaty applies there."""
    states = {state.iso3 for state in dataset.states}
    recorded: dict[str, str] = {}
    for index, state in zip(positions, dataset.states):
        for number, record in enumerate(state.territories):
            path = ("states", index, "territories", number)
            field = f"territories.{number}"

            def finding(message: str, key: str) -> Finding:
                return Finding(message, (*path, key), state.iso3, field=f"{field}.{key}")

            if record.code not in known_codes:
                yield finding(f"'{record.code}' is not an ISO 3166-1 alpha-3 code", "code")
            if record.code in states:
                yield finding(f"'{record.code}' is a state of this file, not a territory of {state.iso3}", "code")
            if record.code in recorded:
                yield finding(f"'{record.code}' is already recorded under {recorded[record.code]}", "code")
            recorded.setdefault(record.code, state.iso3)
            yield from _check_references(path, record.sources, defined, state.iso3, field=f"{field}.sources")
            cited = [dataset.sources[i] for i in record.sources if i in dataset.sources]
            if len(cited) == len(record.sources) and not any(source.kind in DEFENSIBLE_KINDS for source in cited):
                yield finding("needs at least one depositary, official or monitor source", "sources")
            yield from _check_placeholder(record.note, (*path, "note"), state.iso3, None, f"{field}.note")


def _check_references(
    path: tuple, ids: list[str], defined: frozenset[str], state: str | None, event: str | None = None, field: str = "sources"
):
    for source_id in ids:
        if source_id not in defined:
            yield Finding(f"cites source '{source_id}', which the file's sources do not define", (*path, "sources"), state, event, field)


def placeholder_in(text: str | None) -> str | None:
    """The placeholder phrase in `text`, if it has one."""
    found = PLACEHOLDER_TEXT.search(text) if text else None
    return found.group(0) if found else None


def _check_placeholder(text: str | None, path: tuple, state: str | None, event: str | None, field: str) -> Iterator[Finding]:
    phrase = placeholder_in(text)
    if phrase:
        yield Finding(f"'{phrase}' is placeholder text: write what the source says, or leave the field out", path, state, event, field)


def barring(url: str | None, barred: Sequence[BarredDomain]) -> BarredDomain | None:
    """The entry of the barred list that `url` falls under, if any."""
    return next((entry for entry in barred if entry.bars(url)), None) if url else None


def _check_sources(dataset: Dataset, barred: Sequence[BarredDomain]) -> Iterator[Finding]:
    for source_id, source in dataset.sources.items():
        def finding(message: str, key: str) -> Finding:
            return Finding(message, ("sources", source_id, key), field=f"sources.{source_id}.{key}")

        entry = barring(source.url, barred)
        if entry:
            yield finding(f"{entry.domain} is on the barred list ({entry.reason}): cite the original publication instead", "url")
        if source.publisher and AGGREGATOR_MARK in source.publisher:
            yield finding(f"the publisher is marked '{AGGREGATOR_MARK}': an aggregator is never a source, cite the original publication", "publisher")
        for key in ("title", "note", "citation"):
            yield from _check_placeholder(getattr(source, key), ("sources", source_id, key), None, None, f"sources.{source_id}.{key}")


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
        yield from _check_event_sources(dataset, event, event_path, state.iso3, name, defined)
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


def _check_event_sources(dataset: Dataset, event: Event, path: tuple, iso3: str, name: str, defined: frozenset[str]) -> Iterator[Finding]:
    """A binding date rests on a defensible source; alternative dates are sourced and explained; no placeholder text."""
    def finding(message: str, key: tuple, field: str) -> Finding:
        return Finding(message, (*path, *key), iso3, name, field)

    # Judged only when every cited source is valid: an undefined or broken one is reported on its own.
    cited = [dataset.sources[i] for i in event.sources if i in dataset.sources]
    if event.type in BINDING_DATE_TYPES and len(cited) == len(event.sources) and not any(s.kind in DEFENSIBLE_KINDS for s in cited):
        kinds = ", ".join(dict.fromkeys(source.kind.label for source in strongest_first(cited)))
        yield finding(f"needs at least one depositary, official or monitor source; it cites only {kinds}", ("sources",), "sources")
    if event.alternatives and event.why_this_date is None:
        yield finding("alternative dates need 'why_this_date': say why the date shown is the one to trust", ("alternatives",), "alternatives")
    for number, alternative in enumerate(event.alternatives):
        key = ("alternatives", number)
        yield from _check_references((*path, *key), alternative.sources, defined, iso3, name, field=f"alternatives.{number}.sources")
        if str(alternative.date) == str(event.date):
            yield finding(f"{alternative.date} is the event's own date: an alternative is a date other sources give", (*key, "date"), f"alternatives.{number}.date")
        yield from _check_placeholder(alternative.note, (*path, *key, "note"), iso3, name, f"alternatives.{number}.note")
    for key in ("note", "why_this_date"):
        yield from _check_placeholder(getattr(event, key), (*path, key), iso3, name, key)
