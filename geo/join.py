"""Join the status engine's output to the country shapes, by ISO code."""
from __future__ import annotations

from typing import Iterable, Sequence

from treaty.status import StateStatus
from treaty.statuses import NOT_COVERED


class MissingShapeError(ValueError):
    """Dataset states that the geometry has no shape for: drawing them is impossible, so it is an error."""

    def __init__(self, codes: list[str]):
        self.codes = codes
        super().__init__(f"no country shape for {', '.join(codes)} in the geometry file")


def missing_shapes(shape_codes: Iterable[str], dataset_codes: Iterable[str]) -> list[str]:
    shapes = set(shape_codes)
    return sorted(code for code in dataset_codes if code not in shapes)


def status_keys(shape_codes: Iterable[str], statuses: Sequence[StateStatus]) -> dict[str, str]:
    """Status key per shape: a shape with no dataset entry is NOT_COVERED, never dropped or coloured."""
    by_code = {status.iso3: status.status.value for status in statuses}
    missing = missing_shapes(shape_codes, by_code)
    if missing:
        raise MissingShapeError(missing)
    return {code: by_code.get(code, NOT_COVERED) for code in shape_codes}

