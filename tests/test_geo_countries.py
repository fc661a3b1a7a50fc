"""The committed country geometry: borders a European briefing expects, clean topology, budget."""

import dataclasses
import re

import pytest
import shapely

from geo import build
from geo.countries import DEFAULT_PATH, geometry_metadata, load_countries, microstate_points
from geo.regions import EUROPE

EQUAL_AREA_CRS = "EPSG:3035"
CLIP_BOX = (-25.0, 34.0, 88.0, 72.0)  # lon/lat: Europe, and Central Asia which the datasets cover
MAX_FILE_BYTES = 400 * 1024
# Where a simplified shared arc crosses a neighbouring coast a few hundred m2 can overlap
# (largest measured: 0.08 km2, Spain/Morocco at Ceuta); anything near 1 km2 is a real fault.
MAX_OVERLAP_KM2 = 0.5


@pytest.fixture(scope="module")
def countries():
    return load_countries()


@pytest.mark.parametrize(
    ("place", "lon", "lat", "iso3"),
    [
        ("Simferopol", 34.10, 44.95, "UKR"),
        ("Sevastopol", 33.52, 44.60, "UKR"),
        ("Kaliningrad", 20.51, 54.71, "RUS"),
        ("Famagusta", 33.94, 35.12, "CYP"),
        ("Akrotiri (UK base, merged)", 32.95, 34.62, "CYP"),
        ("Pristina", 21.17, 42.67, "XKX"),
        ("Saaremaa", 22.5, 58.4, "EST"),
        ("Hiiumaa", 22.6, 58.9, "EST"),
        ("Mariehamn, Åland (merged)", 19.94, 60.10, "FIN"),
        ("Paris", 2.35, 48.86, "FRA"),
        ("Oslo", 10.75, 59.91, "NOR"),
        ("Vilnius", 25.28, 54.69, "LTU"),
        ("Riga", 24.11, 56.95, "LVA"),
        ("Helsinki", 24.94, 60.17, "FIN"),
        ("Warsaw", 21.01, 52.23, "POL"),
    ],
)
def test_point_lies_in_exactly_the_expected_country(countries, place, lon, lat, iso3):
    containing = countries[countries.contains(shapely.Point(lon, lat))]["iso3"].to_list()
    assert containing == [iso3], place


def test_columns_and_crs(countries):
    assert list(countries.columns) == ["iso3", "name", "geometry"]
    assert countries.crs.to_epsg() == 4326


def test_codes_are_unique_three_letter_and_sorted(countries):
    codes = countries["iso3"].to_list()
    assert all(isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


def test_every_country_has_an_english_name(countries):
    names = dict(zip(countries["iso3"], countries["name"]))
    assert all(isinstance(n, str) and n for n in names.values())
    assert names["XKX"] == "Kosovo"
    assert names["CYP"] == "Cyprus"


def test_merged_territories_and_placeholder_codes_are_gone(countries):
    codes = set(countries["iso3"])
    assert not codes & {"WSB", "ESB", "ALA", "KOS", "CYN", "-99"}
    assert {"CYP", "FIN", "XKX"} <= codes


def test_every_geometry_is_a_valid_nonempty_polygon(countries):
    assert countries.is_valid.all()
    assert not countries.is_empty.any()
    assert set(countries.geom_type) <= {"Polygon", "MultiPolygon"}


def test_everything_lies_inside_the_clip_box(countries):
    min_lon, min_lat, max_lon, max_lat = countries.total_bounds
    box_min_lon, box_min_lat, box_max_lon, box_max_lat = CLIP_BOX
    assert box_min_lon <= min_lon and box_min_lat <= min_lat
    assert max_lon <= box_max_lon and max_lat <= box_max_lat


def test_neighbours_do_not_overlap(countries):
    projected = countries.to_crs(EQUAL_AREA_CRS)
    geometries = projected.geometry.to_numpy()
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = [(i, j) for i, j in zip(left, right) if i < j]
    assert len(pairs) > 50  # the check really compares neighbours
    codes = projected["iso3"]
    overlaps = {(codes[i], codes[j]): geometries[i].intersection(geometries[j]).area / 1e6 for i, j in pairs}
    assert {pair: km2 for pair, km2 in overlaps.items() if km2 > MAX_OVERLAP_KM2} == {}


def test_microstates_get_points_and_larger_small_states_do_not(countries):
    points = microstate_points(countries)
    found = set(points["iso3"])
    assert {"AND", "LIE", "MCO", "SMR", "VAT", "MLT"} <= found
    assert not found & {"LUX", "CYP", "MNE", "XKX"}
    by_iso3 = countries.set_index("iso3").geometry
    assert all(by_iso3[iso3].contains(point) for iso3, point in zip(points["iso3"], points.geometry))
    assert points.crs == countries.crs


def test_microstate_threshold_is_respected(countries):
    assert microstate_points(countries, dataclasses.replace(EUROPE, small_state_km2=1.0))["iso3"].to_list() == ["VAT"]
    assert (microstate_points(countries)["area_km2"] < 1_000).all()


def test_file_is_within_budget():
    assert DEFAULT_PATH.stat().st_size <= MAX_FILE_BYTES


def test_metadata_records_source_view_simplification_and_attribution():
    metadata = geometry_metadata()
    assert metadata["source"] == "Natural Earth"
    assert metadata["version"] == "5.1.1"
    assert metadata["scale"] == "1:10m"
    assert metadata["point_of_view"].startswith("Germany (DEU)")
    assert "Made with Natural Earth" in metadata["attribution"]
    assert metadata["source_sha256"] == build.SOURCE_SHA256
    assert metadata["simplification"]["tolerance_deg"] == build.SIMPLIFY_TOLERANCE_DEG
    assert "topological" in metadata["simplification"]["method"]
    assert metadata["coordinate_decimals"] == build.COORD_DECIMALS
    assert metadata["bbox"] == list(CLIP_BOX)
    assert metadata["merged"] == {"ALA": "FIN", "ESB": "CYP", "WSB": "CYP"}
