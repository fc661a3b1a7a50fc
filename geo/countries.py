"""Read the committed world geometry (`data/world.geojson`, built by `geo.build`) and fit it to a region."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo.regions import DEFAULT_REGION, GEOMETRY_FILE, LonLatBox, Region

DEFAULT_PATH = GEOMETRY_FILE
AREA_CRS = "EPSG:8857"  # Equal Earth: true areas anywhere on the globe, for the small-state rule


def load_countries(path: Path | str = DEFAULT_PATH) -> gpd.GeoDataFrame:
    """One row per state or territory: iso3, name, sovereign (a territory's sovereign's iso3, else
    None), un_region, un_subregion, geometry (EPSG:4326), sorted by iso3 as in the file.
    Read through GDAL: measured faster here than json + shapely."""
    return gpd.read_file(path)


def geometry_metadata(path: Path | str = DEFAULT_PATH) -> dict:
    """The file's `metadata` member (source, version, point of view, simplification,
    attribution), which GDAL does not expose."""
    with open(path, encoding="utf-8") as file:
        return json.load(file)["metadata"]


def sovereigns(countries: gpd.GeoDataFrame) -> dict[str, str]:
    """Territory code -> its sovereign's ISO3, from the geometry's `sovereign` property (a shape that is
    its own sovereign, or a file without the property, gives none)."""
    if "sovereign" not in countries.columns:
        return {}
    return {code: owner for code, owner in zip(countries["iso3"], countries["sovereign"]) if isinstance(owner, str) and owner != code}


def microstate_points(countries: gpd.GeoDataFrame, region: Region = DEFAULT_REGION) -> gpd.GeoDataFrame:
    """One point inside each feature smaller than the region's `small_state_km2` (iso3, name,
    area_km2, geometry), so a map can draw a marker where the polygon would be too small to see
    or click. The rule is area alone: small dependencies (e.g. Gibraltar, Jersey) qualify too."""
    area_km2 = countries.geometry.to_crs(AREA_CRS).area / 1e6
    small = countries[area_km2 < region.small_state_km2]
    return gpd.GeoDataFrame(
        {"iso3": small["iso3"], "name": small["name"], "area_km2": area_km2[small.index]},
        geometry=small.geometry.representative_point(),
        crs=countries.crs,
    ).reset_index(drop=True)


def _moved(geometries: np.ndarray, degrees: float) -> np.ndarray:
    return shapely.transform(geometries, lambda xy: xy + (degrees, 0.0))


def _polygons_only(geometry: shapely.Geometry) -> shapely.Geometry:
    """A cut along the window's edge can leave lines and points beside the polygons: dropped."""
    parts = [part for part in shapely.get_parts(geometry) if part.geom_type == "Polygon"]
    return shapely.multipolygons(parts) if len(parts) > 1 else (parts[0] if parts else shapely.Polygon())


def in_window(frame: gpd.GeoDataFrame, window: LonLatBox) -> gpd.GeoDataFrame:
    """The rows' shapes (or points) cut to a lon/lat window that may run past 180° E (or -180°): what
    lies west of the window is moved by +360°, east of it by -360°, and joined to the rest, so a map
    centred on the Pacific draws Fiji, Kiribati and Chukotka whole. Rows left with nothing are dropped."""
    west, _, east, _ = window
    box = shapely.box(*window)
    geometries = frame.geometry.to_numpy()
    polygonal = np.isin(shapely.get_type_id(geometries), (3, 6))  # Polygon, MultiPolygon
    minx, _, maxx, _ = shapely.bounds(geometries).T
    result = geometries.copy()
    inside = (minx >= west) & (maxx <= east)
    result[~inside] = shapely.intersection(geometries[~inside], box)
    for shift in (-360.0, 360.0):
        reaching = (minx + shift < east) & (maxx + shift > west)
        if reaching.any():
            pieces = shapely.intersection(_moved(geometries[reaching], shift), box)
            result[reaching] = shapely.union(result[reaching], pieces)
    result[polygonal & ~inside] = [_polygons_only(geometry) for geometry in result[polygonal & ~inside]]
    kept = ~shapely.is_empty(result)
    return frame.set_geometry(list(result))[kept].reset_index(drop=True)


def part_turns(geometry: shapely.Geometry, west: float) -> np.ndarray:
    """How far each part of a shape (or a point) moves for an interactive map whose view runs past 180° E,
    in whole turns of 360°: each part within 180° of the shape's largest part (Chukotka beside Russia at
    185° E, Attu beside Alaska, Fiji's Lau islands beside Viti Levu), then one turn more for every part
    if the largest part lies west of `west`. In the order of `shapely.get_parts`, which is the GeoJSON's."""
    parts = shapely.get_parts(geometry)
    longitudes = shapely.get_x(shapely.point_on_surface(parts))
    main = longitudes[np.argmax(shapely.area(parts))]
    return (np.round((main - longitudes) / 360.0) + (1 if main < west else 0)).astype(int)


def placed_east_of(geometry: shapely.Geometry, west: float) -> shapely.Geometry:
    """The shape with its parts moved by `part_turns`, joined where they touch at 180° (Fiji's Taveuni); moved
    coordinates keep the file's 3 decimals (184.712, not 184.71200000000002 written out in full)."""
    turns = part_turns(geometry, west)
    if not turns.any():
        return geometry
    moved = [shapely.transform(part, lambda xy, turn=turn: np.round(xy + (360.0 * turn, 0.0), 3))
             for part, turn in zip(shapely.get_parts(geometry), turns)]
    return shapely.union_all(moved) if len(moved) > 1 else moved[0]


def moved_east_of(frame: gpd.GeoDataFrame, west: float) -> gpd.GeoDataFrame:
    """The rows' shapes (or points) placed for an interactive map whose view runs past 180° E (the Pacific)
    and which pans freely, so nothing is cut (`placed_east_of`)."""
    return frame.set_geometry([placed_east_of(geometry, west) for geometry in frame.geometry])


def turns_east_of(frame: gpd.GeoDataFrame, west: float) -> dict[str, int | list[int]]:
    """What a browser map whose shapes are drawn once needs to place them as `moved_east_of` does: per code
    whose shape moves, its parts' `part_turns` (one number when every part moves alike)."""
    moves = {}
    for code, geometry in zip(frame["iso3"], frame.geometry):
        turns = part_turns(geometry, west)
        if turns.any():
            moves[code] = int(turns[0]) if (turns == turns[0]).all() else turns.tolist()
    return moves
