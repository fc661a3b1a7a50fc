"""What the browser map needs, as plain JSON: the per-date colours (small) and the per-state records
(sent once per dataset version)."""
from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Iterable, Sequence

from geo.join import status_keys
from render.palette import CATEGORIES, NOT_COVERED
from treaty.dates import long_date
from treaty.facts import state_facts
from treaty.model import Dataset
from treaty.status import Status, StateStatus

PALETTE = [{"key": c.key, "label": c.label, "colour": c.colour} for c in CATEGORIES]
PALETTE_INDEX = {entry["key"]: index for index, entry in enumerate(PALETTE)}


def date_payload(statuses: Sequence[StateStatus], shape_codes: Iterable[str], day: date) -> dict:
    """The colours of one date: a status key per covered shape, and the countdown of pending withdrawals."""
    fills = {code: key for code, key in status_keys(shape_codes, statuses).items() if key != NOT_COVERED}
    pending = [s for s in statuses if s.status is Status.WITHDRAWAL_PENDING and s.takes_effect]
    return {
        "date": day.isoformat(),
        "date_label": long_date(day),
        "fills": fills,
        "remaining": {s.iso3: s.days_remaining for s in pending},
        "takes_effect": {s.iso3: long_date(s.takes_effect) for s in pending},
        "palette": PALETTE,
    }


def details_payload(dataset: Dataset) -> dict:
    """Per state: name, note and every dated fact with its flags and sources."""
    return {
        state.iso3: {
            "name": state.name,
            "note": state.note,
            "facts": [
                {
                    **{k: v for k, v in asdict(fact).items() if k not in ("type", "sources", "precision")},
                    "precision": fact.precision.value,
                    "key": fact.key,
                    "sources": [
                        {"publisher": s.publisher, "title": s.title, "url": s.url, "accessed": s.accessed.isoformat()}
                        for s in fact.sources
                    ],
                }
                for fact in state_facts(dataset, state)
            ],
        }
        for state in dataset.states
    }
