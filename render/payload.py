"""What the browser map needs, as plain JSON: the per-date colours (small), the per-state records and
the treaty's whole history of colours (each sent once per dataset version)."""
from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta
from typing import Iterable, Sequence

from geo.join import status_keys
from render.palette import CATEGORIES, NOT_COVERED
from treaty.dates import long_date
from treaty.facts import Fact, state_facts
from treaty.model import Dataset, Source
from treaty.status import Status, StateStatus, Timeline, change_dates, statuses_on

PALETTE = [{"key": c.key, "label": c.label, "colour": c.colour} for c in CATEGORIES]
PALETTE_INDEX = {entry["key"]: index for index, entry in enumerate(PALETTE)}
assert len(PALETTE) <= 10, "fill_digits writes one decimal digit per shape"


def countdown(statuses: Sequence[StateStatus]) -> dict:
    """Per pending withdrawal: the days left and the day it takes effect, as the tooltip says them."""
    pending = [s for s in statuses if s.status is Status.WITHDRAWAL_PENDING and s.takes_effect]
    return {
        "remaining": {s.iso3: s.days_remaining for s in pending},
        "takes_effect": {s.iso3: long_date(s.takes_effect) for s in pending},
    }


def date_payload(statuses: Sequence[StateStatus], shape_codes: Iterable[str], day: date) -> dict:
    """The colours of one date: a status key per covered shape, and the countdown of pending withdrawals."""
    fills = {code: key for code, key in status_keys(shape_codes, statuses).items() if key != NOT_COVERED}
    return {"date": day.isoformat(), "date_label": long_date(day), "fills": fills, **countdown(statuses), "palette": PALETTE}


def fill_digits(statuses: Sequence[StateStatus], shape_codes: Sequence[str]) -> str:
    """One palette digit per shape, in the order of `shape_codes`: the most compact form of a date's colours."""
    keys = status_keys(shape_codes, statuses)
    return "".join(str(PALETTE_INDEX[keys[code]]) for code in shape_codes)


def history_payload(compiled: tuple[Timeline, ...], shape_codes: Sequence[str]) -> dict:
    """Every colouring the map can show, so the browser can move the date without asking the server.

    Statuses change only on change dates: `periods[0]` holds before the first change, `periods[i]`
    from `changes[i - 1]` until the next change. Each period has its fills (as `fill_digits`) and the
    day each pending withdrawal takes effect (the countdown is counted from it in the browser).
    """
    changes = change_dates(compiled)
    starts = [changes[0] - timedelta(days=1)] + changes if changes else [date.min]
    periods = []
    for day in starts:
        statuses = statuses_on(compiled, day)
        pending = {s.iso3: s.takes_effect.isoformat() for s in statuses if s.status is Status.WITHDRAWAL_PENDING and s.takes_effect}
        periods.append({"fills": fill_digits(statuses, shape_codes), "pending": pending})
    return {"changes": [day.isoformat() for day in changes], "periods": periods}


def details_payload(dataset: Dataset) -> dict:
    """Per state: name, note, every dated fact with its flags and its sources strongest first (each with
    its kind), the dates other sources give where they differ, and how many sources the record lists."""
    details = {}
    for state in dataset.states:
        cited = {source_id for event in state.events for source_id in (*event.sources, *(i for other in event.alternatives for i in other.sources))}
        details[state.iso3] = {
            "name": state.name,
            "note": state.note,
            "facts": [_fact_json(fact) for fact in state_facts(dataset, state)],
            "source_count": len(cited),
        }
    return details


def _fact_json(fact: Fact) -> dict:
    plain = {f.name: getattr(fact, f.name) for f in fields(fact) if f.name not in ("type", "sources", "precision", "alternatives")}
    return {
        **plain,
        "precision": fact.precision.value,
        "key": fact.key,
        "sources": [source_json(source) for source in fact.sources],
        "alternatives": [
            {"date": other.date, "note": other.note, "sources": [source_json(source) for source in other.sources]} for other in fact.alternatives
        ],
    }


def source_json(source: Source) -> dict:
    return {
        "kind": source.kind.value,
        "kind_label": source.kind.label,
        "publisher": source.publisher,
        "title": source.title,
        "url": source.url,
        "citation": source.citation,
        "accessed": source.accessed.isoformat(),
    }
