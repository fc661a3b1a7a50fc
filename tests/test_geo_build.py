"""The geometry build: pinned input, code rules, topology-keeping simplification, stable bytes."""

import hashlib
import json
import math

import geopandas as gpd
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from geo import build
from geo.countries import DEFAULT_PATH


def test_rebuild_gives_the_committed_bytes_every_time(tmp_path):
    first, second = tmp_path / "first.geojson", tmp_path / "second.geojson"
    build.main(["--output", str(first)])
    build.main(["--output", str(second)])
    assert first.read_bytes() == second.read_bytes() == DEFAULT_PATH.read_bytes()


def test_source_zip_is_the_pinned_one():
    assert hashlib.sha256(build.source_zip_path().read_bytes()).hexdigest() == build.SOURCE_SHA256


def test_a_changed_source_is_refused(tmp_path):
    tampered = tmp_path / build.SOURCE_ZIP_NAME
    tampered.write_bytes(b"not the Natural Earth zip")
    with pytest.raises(ValueError, match="sha256"):
        build.verified_bytes(tampered, build.SOURCE_SHA256)


@pytest.mark.parametrize(
    ("iso_a3", "adm0_a3", "expected"),
    [
        ("DEU", "DEU", "DEU"),
        ("-99", "FRA", "FRA"),  # NE's -99 for France
        ("-99", "NOR", "NOR"),
        ("-99", "KOS", "XKX"),  # Kosovo: NE code -> user-assigned ISO code
        ("-99", "CLP", "CLP"),  # Clipperton: its own code, never France's (ISO_A3_EH has FRA)
        ("-99", "CSI", "CSI"),  # Coral Sea Islands: never Australia's
        ("ALA", "ALD", "ALA"),  # ISO's code first
    ],
)
def test_iso3_code_takes_iso_else_natural_earths_own(iso_a3, adm0_a3, expected):
    assert build.iso3_code(iso_a3, adm0_a3) == expected


def _frame(rows):
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_listed_units_are_folded_into_their_country_which_keeps_its_name():
    countries = _frame(
        [
            {"iso3": "WSB", "name": "Akrotiri", "geometry": shapely.box(0, 0, 1, 1)},
            {"iso3": "CYP", "name": "Cyprus", "geometry": shapely.box(1, 0, 3, 1)},
            {"iso3": "AAA", "name": "Elsewhere", "geometry": shapely.box(5, 5, 6, 6)},
        ]
    )
    merged = build.merge_territories(countries, {"WSB": "CYP"})
    assert merged["iso3"].to_list() == ["AAA", "CYP"]
    cyprus = merged.set_index("iso3").loc["CYP"]
    assert cyprus["name"] == "Cyprus"
    assert cyprus.geometry.equals(shapely.box(0, 0, 3, 1))


def _source(rows):
    """Natural Earth-like rows: ISO_A3, ADM0_A3, NAME, NAME_EN, SOV_A3, HOMEPART, REGION_UN, SUBREGION."""
    columns = ["ISO_A3", "ADM0_A3", "NAME", "NAME_EN", "SOV_A3", "HOMEPART", "REGION_UN", "SUBREGION"]
    return gpd.GeoDataFrame(
        [dict(zip(columns, row[:-1]), geometry=row[-1]) for row in rows], geometry="geometry", crs="EPSG:4326"
    )


def test_a_unit_under_another_sovereignty_is_a_territory_of_that_sovereigntys_home_unit():
    source = _source(
        [
            ("-99", "FRA", "France", "France", "FR1", 1, "Europe", "Western Europe", shapely.box(0, 40, 5, 50)),
            ("-99", "CLP", "Clipperton", "Clipperton Island", "FR1", 0, "Americas", "Central America", shapely.box(-109, 10, -108, 11)),
            ("COK", "COK", "Cook Is.", "Cook Islands", "NZ1", 0, "Oceania", "Polynesia", shapely.box(-160, -22, -159, -21)),
            ("NZL", "NZL", "New Zealand", "New Zealand", "NZ1", 1, "Oceania", "Australia and New Zealand", shapely.box(170, -45, 175, -35)),
            ("-99", "BRT", "Bir Tawil", "Bir Tawil", "BRT", 0, "Africa", "Northern Africa", shapely.box(33, 21, 34, 22)),
            ("ATA", "ATA", "Antarctica", "Antarctica", "ATA", 1, "Antarctica", "Antarctica", shapely.box(-180, -90, 180, -60)),
        ]
    )
    countries = build.standardise(source)
    rows = zip(countries["iso3"], countries["name"], countries["sovereign"].fillna("none"))
    assert list(rows) == [
        ("FRA", "France", "none"),
        ("CLP", "Clipperton Island", "FRA"),
        ("COK", "Cook Islands", "none"),  # a state itself, though NE lists it under New Zealand
        ("NZL", "New Zealand", "none"),
        ("BRT", "Bir Tawil", "none"),  # no state's land: no home unit
    ]  # Antarctica dropped
    assert countries["un_region"].to_list()[:2] == ["Europe", "Americas"]


def test_two_units_with_one_code_are_an_error_naming_the_code():
    countries = _frame(
        [
            {"iso3": "FRA", "name": "France", "geometry": shapely.box(0, 0, 1, 1)},
            {"iso3": "FRA", "name": "Clipperton", "geometry": shapely.box(5, 5, 6, 6)},
        ]
    )
    with pytest.raises(ValueError, match="more than one Natural Earth unit has the code FRA"):
        build.merge_territories(countries, {})


def test_a_larger_shape_gives_way_where_its_simplified_coast_covers_a_small_neighbour():
    countries = _frame(
        [
            {"iso3": "BIG", "name": "Big", "geometry": shapely.box(0, 0, 10, 10)},
            {"iso3": "SML", "name": "Small", "geometry": shapely.box(9, 4, 11, 6)},
        ]
    )
    resolved = build.smaller_shape_wins(countries)
    big, small = resolved.geometry
    assert small.equals(shapely.box(9, 4, 11, 6))
    assert big.intersection(small).area == 0
    assert big.area == pytest.approx(100 - 2)


def test_a_multipolygon_is_written_largest_part_first():
    islands = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(5, 5, 9, 9)])
    ordered = build.largest_part_first(_frame([{"iso3": "FIN", "name": "Finland", "geometry": islands}]))
    assert [part.area for part in ordered.geometry.iloc[0].geoms] == [16.0, 1.0]


def test_simplification_keeps_one_shared_border_between_neighbours():
    # A wavy border with wiggles finer than the tolerance. Simplified one polygon at a time
    # (shapely), each side keeps different vertices: ~0.004 deg2 of overlap and as much gap.
    border = [(1 + 0.1 * math.sin(i / 7) + 0.015 * math.sin(i * 1.7), i / 100) for i in range(101)]
    west = shapely.Polygon([(0, 0), *border, (0, 1)])
    east = shapely.Polygon([(2, 0), (2, 1), *reversed(border)])
    countries = _frame(
        [
            {"iso3": "WWW", "name": "West", "geometry": west},
            {"iso3": "EEE", "name": "East", "geometry": east},
        ]
    )
    simplified = build.simplify_topologically(countries, 0.02)
    new_west, new_east = simplified.geometry
    assert shapely.get_num_coordinates(new_west) < shapely.get_num_coordinates(west) / 4
    assert new_west.intersection(new_east).area == pytest.approx(0, abs=1e-12)
    assert new_west.union(new_east).area == pytest.approx(2.0, abs=1e-9)


def test_simplification_keeps_a_tiny_enclave():
    # Like Vatican inside Italy: a ring far smaller than the tolerance must not vanish.
    enclave = shapely.box(0.5, 0.5, 0.501, 0.501)
    host = shapely.box(0, 0, 1, 1).difference(enclave)
    countries = _frame(
        [
            {"iso3": "HST", "name": "Host", "geometry": host},
            {"iso3": "ENC", "name": "Enclave", "geometry": enclave},
        ]
    )
    simplified = build.simplify_topologically(countries, 0.02)
    assert simplified.geometry.iloc[1].area > 0
    assert simplified.is_valid.all()


@given(st.floats(min_value=-180, max_value=180, allow_nan=False))
def test_coordinates_are_written_rounded_with_one_spelling(x):
    ring = shapely.Polygon([(x, 0), (x + 1, 0), (x + 1, 1)]).exterior
    written = build.geojson_geometry(shapely.Polygon(ring), build.COORD_DECIMALS)["coordinates"][0][0][0]
    assert written == round(x, build.COORD_DECIMALS)
    assert json.dumps(written) != "-0.0"


def test_encoding_is_compact_ascii_with_metadata_first():
    collection = build.feature_collection(
        _frame([{"iso3": "ALA", "name": "Åland", "sovereign": float("nan"), "un_region": "Europe",
                 "un_subregion": "Northern Europe", "geometry": shapely.box(0, 0, 1, 1)}]),
        {"source": "Natural Earth"},
    )
    text = build.encode(collection).decode("ascii")
    assert text.startswith('{"type":"FeatureCollection","metadata":{"source":"Natural Earth"},"features":[')
    assert ", " not in text and ": " not in text and text.endswith("\n")
    assert json.loads(text)["features"][0]["properties"] == {
        "iso3": "ALA", "name": "Åland", "sovereign": None, "un_region": "Europe", "un_subregion": "Northern Europe",
    }
