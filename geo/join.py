"""Join the status engine's output to the country shapes, by ISO code."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

from treaty.status import StateStatus
from treaty.territories import NO_DEPENDENCIES, Dependencies, shape_status_keys


class MissingShapeError(ValueError):
    """Dataset states that the geometry has no shape for: drawing them is impossible, so it is an error."""

    def __init__(self, codes: list[str]):
        self.codes = codes
        super().__init__(f"no country shape for {', '.join(codes)} in the geometry file")


def missing_shapes(shape_codes: Iterable[str], dataset_codes: Iterable[str]) -> list[str]:
    shapes = set(shape_codes)
    return sorted(code for code in dataset_codes if code not in shapes)


def status_keys(
    shape_codes: Sequence[str], statuses: Sequence[StateStatus], dependencies: Dependencies = NO_DEPENDENCIES, day: date = date.min,
) -> dict[str, str]:
    """Status key per shape on `day` (which the statuses are for): a territory takes its sovereign's status
    (treaty/territories.py); a shape with no dataset entry and no sovereign in it is NOT_COVERED, never dropped."""
    missing = missing_shapes(shape_codes, (status.iso3 for status in statuses))
    if missing:
        raise MissingShapeError(missing)
    return shape_status_keys(shape_codes, statuses, dependencies, day)

