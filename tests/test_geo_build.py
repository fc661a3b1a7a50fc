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


def test_rebuild_gives_the_committed_bytes(tmp_path):
    output = tmp_path / "europe.geojson"
    build.main(["--output", str(output)])
    assert output.read_bytes() == DEFAULT_PATH.read_bytes()


def test_source_zip_is_the_pinned_one():
    assert hashlib.sha256(build.source_zip_path().read_bytes()).hexdigest() == build.SOURCE_SHA256


def test_a_changed_source_is_refused(tmp_path):
    tampered = tmp_path / build.SOURCE_ZIP_NAME
    tampered.write_bytes(b"not the Natural Earth zip")
    with pytest.raises(ValueError, match="sha256"):
        build.verified_bytes(tampered, build.SOURCE_SHA256)


@pytest.mark.parametrize(
    ("iso_a3", "iso_a3_eh", "adm0_a3", "expected"),
    [
        ("DEU", "DEU", "DEU", "DEU"),
        ("-99", "FRA", "FRA", "FRA"),  # NE's -99 for France
        ("-99", "NOR", "NOR", "NOR"),
        ("-99", "-99", "KOS", "XKX"),  # Kosovo: NE code -> user-assigned ISO code
        ("-99", "-99", "WSB", "WSB"),  # UK base: only NE's own code exists
    ],
)
def test_iso3_code_takes_the_first_real_code(iso_a3, iso_a3_eh, adm0_a3, expected):
    assert build.iso3_code(iso_a3, iso_a3_eh, adm0_a3) == expected


def _frame(rows):
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_territories_are_folded_into_their_country_which_keeps_its_name():
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


def test_clipping_keeps_only_what_is_inside_the_box():
    countries = _frame(
        [
            {"iso3": "INS", "name": "Straddles", "geometry": shapely.box(-1, 0, 1, 1)},
            {"iso3": "OUT", "name": "Outside", "geometry": shapely.box(5, 5, 6, 6)},
        ]
    )
    clipped = build.clip_to_box(countries, (0, 0, 2, 2))
    assert clipped["iso3"].to_list() == ["INS"]
    assert clipped.geometry.iloc[0].equals(shapely.box(0, 0, 1, 1))


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
        _frame([{"iso3": "ALA", "name": "Åland", "geometry": shapely.box(0, 0, 1, 1)}]),
        {"source": "Natural Earth"},
    )
    text = build.encode(collection).decode("ascii")
    assert text.startswith('{"type":"FeatureCollection","metadata":{"source":"Natural Earth"},"features":[')
    assert ", " not in text and ": " not in text and text.endswith("\n")
    assert json.loads(text)["features"][0]["properties"]["name"] == "Åland"
