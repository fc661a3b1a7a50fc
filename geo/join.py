"""Join the status engine's output to the country shapes, by ISO code."""
from __future__ import annotations

from typing import Iterable, Sequence

import geopandas as gpd
import pandas as pd

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


def join_statuses(countries: gpd.GeoDataFrame, statuses: Sequence[StateStatus]) -> gpd.GeoDataFrame:
    """The countries frame with `status` (a palette key) and the engine's fields for covered states."""
    keys = status_keys(countries["iso3"], statuses)
    details = pd.DataFrame(
        [
            {"iso3": s.iso3, "since": s.since, "takes_effect": s.takes_effect, "days_remaining": s.days_remaining}
            for s in statuses
        ],
        columns=["iso3", "since", "takes_effect", "days_remaining"],
    )
    joined = countries.merge(details, on="iso3", how="left")
    joined["status"] = joined["iso3"].map(keys)
    return joined
