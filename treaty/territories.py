"""Where a state's status reaches beyond its own shape. Pure: no I/O, no UI.

A dependency (Greenland, the Faroes, Gibraltar, Jersey...) is drawn in its sovereign's status unless the
dataset records, under the sovereign, that the treaty does not apply there (a declaration excluding it)
or applies only from the day an extension was notified. While the sovereign is not bound and has not
joined, the territory shares its status (not a party, signatory): there is nothing to exclude it from.
The entities in CANNOT_JOIN_ENTITIES have their own status wherever they are drawn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Mapping

from treaty.dates import long_date
from treaty.model import Dataset, Territory
from treaty.status import StateStatus
from treaty.statuses import CANNOT_JOIN_ENTITIES, NOT_COVERED, Status


@dataclass(frozen=True)
class Dependencies:
    """`sovereign_of`: territory code -> its sovereign's ISO3 (from the geometry and the dataset's records);
    `records`: the dataset's territory records by code."""

    sovereign_of: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    records: Mapping[str, Territory] = field(default_factory=lambda: MappingProxyType({}))

    def change_dates(self) -> set[date]:
        """The days a record changes a territory's status (an extension or exclusion taking effect)."""
        return {record.from_ for record in self.records.values() if record.from_}


NO_DEPENDENCIES = Dependencies()


def dependencies(dataset: Dataset, sovereign_of: Mapping[str, str] = MappingProxyType({})) -> Dependencies:
    """The geometry's territories (`sovereign_of`) with the dataset's records; a record names its sovereign
    by where it is written, which wins over the geometry's."""
    records = {record.code: (state.iso3, record) for state in dataset.states for record in state.territories}
    return Dependencies(
        MappingProxyType({**sovereign_of, **{code: iso3 for code, (iso3, _) in records.items()}}),
        MappingProxyType({code: record for code, (_, record) in records.items()}),
    )


def territory_status(sovereign: Status, record: Territory | None, day: date) -> Status:
    """A territory's status on `day`, given its sovereign's and the dataset's record for it, if any."""
    if record is None or not (sovereign.bound or sovereign is Status.JOINED):
        return sovereign
    started = record.from_ is None or day >= record.from_
    return sovereign if record.applies == started else Status.NOT_APPLIED


def shape_status_keys(shape_codes, statuses: list[StateStatus] | tuple, dependencies_: Dependencies, day: date) -> dict[str, str]:
    """Status key per shape code: a dataset state's own; an entity that cannot join CANNOT_JOIN; a territory
    its sovereign's (or NOT_APPLIED, per its record); anything else NOT_COVERED."""
    by_code = {status.iso3: status.status for status in statuses}
    keys = {}
    for code in shape_codes:
        if code in by_code:
            keys[code] = by_code[code].value
        elif code in CANNOT_JOIN_ENTITIES:
            keys[code] = Status.CANNOT_JOIN.value
        elif (sovereign := dependencies_.sovereign_of.get(code)) in by_code:
            keys[code] = territory_status(by_code[sovereign], dependencies_.records.get(code), day).value
        else:
            keys[code] = NOT_COVERED
    return keys


def _with_article(name: str) -> str:
    """'the United Kingdom', 'the Netherlands', 'the United States'; other sovereigns' names stand alone."""
    return f"the {name}" if name.startswith(("United ", "Netherlands")) else name


def territory_note(record: Territory | None, sovereign_name: str) -> str:
    """What the hover card and the record say about a territory, e.g. 'Territory of the United Kingdom —
    follows its status (no exclusion or extension recorded).'"""
    head = f"Territory of {_with_article(sovereign_name)} — "
    if record is None:
        return head + "follows its status (the dataset records no exclusion or extension)."
    since = f" from {long_date(record.from_)}" if record.from_ else ""
    what = f"the treaty applies{since} (extension)" if record.applies else f"the treaty does not apply{since} (excluded)"
    return head + what + (f": {record.note}" if record.note else ".")
