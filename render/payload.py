"""What the browser map needs, as plain JSON: the per-date colours (small), the per-state records and
the treaty's whole history of colours (each sent once per dataset version; the offline HTML holds them
too), from which the browser's timeline colours any day."""
from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date, timedelta
from types import MappingProxyType
from typing import Mapping, Sequence

from geo.join import status_keys
from geo.regions import REGIONS
from render.palette import CHROME, DEFAULT_THEME, categories
from treaty.dates import long_date
from treaty.facts import Fact, state_facts
from treaty.model import Dataset, Source, strongest_first
from treaty.status import Status, StateStatus, StateHistory, change_dates, statuses_on
from treaty.statuses import CANNOT_JOIN_ENTITIES, CANNOT_JOIN_EXPLANATION, STATUS_TABLE, Theme
from treaty.territories import NO_DEPENDENCIES, Dependencies, territory_note

# A shape's status is sent as one base-36 digit (0-9, then a-z): its row in the status table, which
# leaves room for 36 statuses. The browser reads it with parseInt(digit, 36) as an index into `palette`.
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
STATUS_INDEX = {row.key: index for index, row in enumerate(STATUS_TABLE)}
assert len(STATUS_INDEX) <= len(_DIGITS), "fill_digits writes one base-36 digit per shape"


def palette_payload(theme: Theme = DEFAULT_THEME) -> dict:
    """The browser's colours for `theme`: `palette[i]` is {key, label, colour} of status index i (legend
    order); `chrome` names every other colour (render.palette.Chrome): the scripts outline shapes with
    its strokes and set each entry as a CSS variable (`not_covered_border` as --tm-not-covered-border)."""
    return {"palette": [asdict(category) for category in categories(theme)], "chrome": asdict(CHROME[theme])}


def countdown(statuses: Sequence[StateStatus]) -> dict:
    """Per pending withdrawal: the days left and the day it takes effect, as the tooltip says them."""
    pending = [s for s in statuses if s.status is Status.WITHDRAWAL_PENDING and s.takes_effect]
    return {
        "remaining": {s.iso3: s.days_remaining for s in pending},
        "takes_effect": {s.iso3: long_date(s.takes_effect) for s in pending},
    }


def fill_digits(
    statuses: Sequence[StateStatus], shape_codes: Sequence[str], dependencies: Dependencies = NO_DEPENDENCIES, day: date = date.min,
) -> str:
    """One base-36 digit per shape (its status index), in the order of `shape_codes`: the most compact
    form of a date's colours (territories in their sovereign's, as of `day`)."""
    return _digits(status_keys(shape_codes, statuses, dependencies, day), shape_codes)


def _digits(keys: dict[str, str], shape_codes: Sequence[str]) -> str:
    return "".join(_DIGITS[STATUS_INDEX[keys[code]]] for code in shape_codes)


def history_payload(compiled: tuple[StateHistory, ...], shape_codes: Sequence[str], dependencies: Dependencies = NO_DEPENDENCIES) -> dict:
    """Every colouring the map can show, so the browser can move the date without asking the server.

    Statuses change only on change dates: `periods[0]` holds before the first change, `periods[i]`
    from `changes[i - 1]` until the next change. Each period has its fills (as `fill_digits`) and the
    day each pending withdrawal takes effect (the countdown is counted from it in the browser); `statuses`
    are those any period shows, for the legend; `stops` the changes the timeline steps through in each region.
    """
    # A territory's extension or exclusion taking effect is a change of colour too.
    changes = sorted(set(change_dates(compiled)) | dependencies.change_dates())
    starts = [changes[0] - timedelta(days=1)] + changes if changes else [date.min]
    periods, shown, colourings = [], set(), []
    for day in starts:
        statuses = statuses_on(compiled, day)
        pending = {s.iso3: s.takes_effect.isoformat() for s in statuses if s.status is Status.WITHDRAWAL_PENDING and s.takes_effect}
        keys = status_keys(shape_codes, statuses, dependencies, day)
        periods.append({"fills": _digits(keys, shape_codes), "pending": pending})
        shown.update(keys.values())
        colourings.append(keys)
    # The legend lists only the statuses this treaty's history ever shows (no "suspended" row for a treaty
    # without a suspension clause), in the table's order.
    legend = [row.key for row in STATUS_TABLE if row.key in shown]
    return {"changes": [day.isoformat() for day in changes], "periods": periods, "statuses": legend,
            "stops": region_stops(colourings, dependencies)}


def region_stops(colourings: Sequence[Mapping[str, str]], dependencies: Dependencies = NO_DEPENDENCIES) -> dict[str, list[int]]:
    """Per region, the changes at which one of its states changes status (`colourings`: each period's status
    by shape code, as history_payload's), as indices into the changes: where the timeline's change buttons,
    arrow keys, Play and ticks stop in that region. A territory counts with its sovereign (the UK's extension
    to its overseas territories is a change in Europe, not in the Americas), as in the region's figures."""
    stops = {}
    for region in REGIONS.values():
        counted = [code for code in colourings[0] if dependencies.sovereign_of.get(code, code) in region.members]
        stops[region.id] = [index for index, (before, after) in enumerate(zip(colourings, colourings[1:]))
                            if any(before[code] != after[code] for code in counted)]
    return stops


def details_payload(dataset: Dataset, dependencies: Dependencies = NO_DEPENDENCIES, shape_names: Mapping[str, str] = MappingProxyType({})) -> dict:
    """Per state: name, note, every dated fact with its flags and its sources strongest first (each with
    its kind), the dates other sources give where they differ, and how many sources the record lists.
    Per territory (`dependencies`) and entity that cannot join drawn on the map (`shape_names`: code -> name):
    whose territory it is and whether it follows its sovereign, with the record's date and sources; why an
    entity cannot join."""
    details = territory_details(dataset, dependencies, shape_names)
    details.update(
        (code, {"name": name, "note": CANNOT_JOIN_EXPLANATION.format(name), "facts": [], "source_count": 0})
        for code, name in CANNOT_JOIN_ENTITIES.items()
        if code in shape_names
    )
    for state in dataset.states:
        cited = {source_id for event in state.events for source_id in (*event.sources, *(i for other in event.alternatives for i in other.sources))}
        explained = CANNOT_JOIN_EXPLANATION.format(state.name) if state.iso3 in CANNOT_JOIN_ENTITIES else None
        details[state.iso3] = {
            "name": state.name,
            "note": " ".join(text for text in (explained, state.note) if text) or None,
            "facts": [_fact_json(fact) for fact in state_facts(dataset, state)],
            "source_count": len(cited),
        }
    return details


def territory_details(dataset: Dataset, dependencies: Dependencies, shape_names: Mapping[str, str]) -> dict:
    names = {state.iso3: state.name for state in dataset.states}
    details = {}
    for code, sovereign in dependencies.sovereign_of.items():
        if sovereign not in names or code not in shape_names:
            continue
        record = dependencies.records.get(code)
        facts = []
        if record is not None:
            sources = dataset.sources_for(record.sources)
            facts.append({
                "label": "Treaty extended to it" if record.applies else "Treaty excluded from it",
                "date": record.from_.isoformat() if record.from_ else "",
                "precision": "day", "approximate": False, "confirmed": True, "derived_by": None, "note": record.note,
                "key_date": bool(record.from_), "why_this_date": None, "alternatives": [],
                "sources": [source_json(source) for source in strongest_first(sources)],
            })
        details[code] = {
            "name": shape_names.get(code) or (record.name if record else code),
            "note": territory_note(record, names[sovereign]),
            "territory_of": sovereign,
            "facts": facts,
            "source_count": len(record.sources) if record else 0,
        }
    return details


def _fact_json(fact: Fact) -> dict:
    plain = {f.name: getattr(fact, f.name) for f in fields(fact) if f.name not in ("type", "sources", "precision", "alternatives")}
    return {
        **plain,
        "precision": fact.precision.value,
        "key_date": fact.is_key_date,
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
