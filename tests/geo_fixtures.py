"""Shared helpers for the geometry tests: the committed world geometry read once, and which shapes
hold a place."""
from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import shapely

from geo.countries import load_countries

# About 5 km: an atoll's land is a thin ring, and simplification moves a coast by up to ~4.5 km.
NEAR_ATOLL_DEG = 0.05


@lru_cache(maxsize=1)
def world() -> gpd.GeoDataFrame:
    """The committed data/world.geojson, read once per test session (callers must not change it)."""
    return load_countries()


def codes_at(countries: gpd.GeoDataFrame, lon: float, lat: float, within_deg: float = 0.0) -> list[str]:
    """The codes of the shapes containing the point, or lying within `within_deg` of it."""
    point = shapely.Point(lon, lat)
    geometries = countries.geometry.to_numpy()
    hits = shapely.dwithin(geometries, point, within_deg) if within_deg else shapely.contains(geometries, point)
    return countries[hits]["iso3"].to_list()
