"""The committed world geometry: the right state at places on every continent and across the
antimeridian, territories with their sovereign, clean topology, the size budget."""

import gzip
import re

import pytest
import shapely

from geo import build
from geo.countries import DEFAULT_PATH, geometry_metadata, in_window, microstate_points, moved_east_of, turns_east_of
from geo.regions import ASIA_PACIFIC, EUROPE, REGIONS, WORLD
from tests.geo_fixtures import NEAR_ATOLL_DEG, codes_at, world

MAX_FILE_BYTES = 1_300_000
MAX_GZIP_BYTES = 450_000
# Where a simplified shared arc crosses a neighbouring coast a little can overlap (Spain/Morocco at
# Ceuta and the like); anything near a few km2 is a real fault.
MAX_OVERLAP_KM2 = 2.0


@pytest.mark.parametrize(
    ("place", "lon", "lat", "iso3"),
    [
        # Europe, as the German point of view draws it
        ("Simferopol", 34.10, 44.95, "UKR"),
        ("Kaliningrad", 20.51, 54.71, "RUS"),
        ("Famagusta", 33.94, 35.12, "CYP"),
        ("Akrotiri (UK base, merged)", 32.95, 34.62, "CYP"),
        ("Pristina", 21.17, 42.67, "XKX"),
        ("Saaremaa", 22.5, 58.4, "EST"),
        ("Mariehamn, Åland (merged)", 19.94, 60.10, "FIN"),
        ("Paris", 2.35, 48.86, "FRA"),
        ("Oslo", 10.75, 59.91, "NOR"),
        ("Valletta", 14.51, 35.90, "MLT"),
        # Africa
        ("Algiers", 3.06, 36.75, "DZA"),
        ("Tunis", 10.18, 36.81, "TUN"),
        ("Rabat", -6.84, 34.02, "MAR"),
        ("Laayoune", -13.20, 27.15, "ESH"),
        ("Cairo", 31.24, 30.04, "EGY"),
        ("Nairobi", 36.82, -1.29, "KEN"),
        ("Kinshasa", 15.31, -4.33, "COD"),
        ("Cape Town", 18.42, -33.92, "ZAF"),
        # Asia and the Middle East
        ("Taipei", 121.56, 25.04, "TWN"),
        ("Beijing", 116.40, 39.90, "CHN"),
        ("Hong Kong's New Territories", 114.12, 22.40, "HKG"),
        ("Delhi", 77.21, 28.61, "IND"),
        ("Tehran", 51.39, 35.69, "IRN"),
        ("Jakarta", 106.85, -6.21, "IDN"),
        ("Ramallah", 35.20, 31.90, "PSE"),
        ("Gaza", 34.45, 31.50, "PSE"),
        ("Bahrain", 50.55, 26.05, "BHR"),
        # The Americas
        ("Brasília", -47.88, -15.79, "BRA"),
        ("Córdoba", -64.18, -31.42, "ARG"),
        ("Ottawa", -75.70, 45.42, "CAN"),
        ("Mexico City", -99.13, 19.43, "MEX"),
        ("Greenland's ice", -42.0, 72.0, "GRL"),
        ("San Juan", -66.10, 18.40, "PRI"),
        ("Bridgetown", -59.60, 13.10, "BRB"),
        ("Grenada", -61.68, 12.12, "GRD"),
        # Oceania
        ("Canberra", 149.13, -35.28, "AUS"),
        ("Wellington", 174.78, -41.29, "NZL"),
        ("Port Moresby", 147.18, -9.44, "PNG"),
        ("Nauru", 166.93, -0.53, "NRU"),
        ("Palau", 134.56, 7.50, "PLW"),
        ("Avarua, Cook Islands", -159.78, -21.21, "COK"),
        ("Niue", -169.87, -19.05, "NIU"),
        ("Papeete", -149.57, -17.54, "PYF"),
        # Across the antimeridian
        ("Viti Levu, Fiji (east of 180°)", 178.0, -17.8, "FJI"),
        ("Vanua Levu, Fiji", 179.2, -16.6, "FJI"),
        ("Taveuni, Fiji (west of 180°)", -179.97, -16.85, "FJI"),
        ("Lakeba, Fiji's Lau islands", -178.80, -18.20, "FJI"),
        ("Chukotka west of 180°", 175.0, 66.0, "RUS"),
        ("Chukotka east of 180°", -172.0, 65.9, "RUS"),
        ("Provideniya, Chukotka", -173.2, 64.42, "RUS"),
        ("Attu, Aleutians (east of 180°)", 173.0, 52.9, "USA"),
        ("Adak, Aleutians", -176.65, 51.88, "USA"),
        ("Anchorage", -149.9, 61.2, "USA"),
        ("Chatham Islands, New Zealand", -176.5, -43.9, "NZL"),
        ("Upolu, Samoa", -171.75, -13.93, "WSM"),
        ("Tongatapu, Tonga", -175.2, -21.18, "TON"),
    ],
)
def test_point_lies_in_exactly_the_expected_shape(place, lon, lat, iso3):
    assert codes_at(world(), lon, lat) == [iso3], place


@pytest.mark.parametrize(
    ("place", "lon", "lat", "iso3"),
    [
        ("South Tarawa, Kiribati (173° E)", 173.0, 1.35, "KIR"),
        ("Kiritimati, Kiribati (157° W)", -157.45, 1.95, "KIR"),
        ("Kanton, Kiribati (172° W)", -171.7, -2.81, "KIR"),
        ("Funafuti, Tuvalu", 179.19, -8.52, "TUV"),
        ("Majuro, Marshall Islands", 171.2, 7.1, "MHL"),
        ("Clipperton, France", -109.21, 10.30, "CLP"),
    ],
)
def test_an_atoll_is_the_only_shape_near_its_lagoon(place, lon, lat, iso3):
    assert codes_at(world(), lon, lat, within_deg=NEAR_ATOLL_DEG) == [iso3], place


def test_no_ring_crosses_the_antimeridian():
    # Natural Earth cuts shapes at 180°; a ring running from 179° to -179° would be drawn as a smear
    # across the whole map in Leaflet and in the images.
    parts = shapely.get_parts(world().geometry.to_numpy())
    west, _, east, _ = shapely.bounds(parts).T
    assert (west >= -180).all() and (east <= 180).all()
    assert (east - west).max() < 180


@pytest.mark.parametrize("iso3", ["RUS", "FJI", "KIR", "USA"])
def test_a_state_across_the_antimeridian_is_whole_in_a_pacific_window(iso3):
    pacific = (0.0, -90.0, 360.0, 90.0)
    shape = in_window(world()[world()["iso3"] == iso3], pacific).geometry.iloc[0]
    original = world().set_index("iso3").geometry[iso3]
    west, _, east, _ = shape.bounds
    assert 0 <= west and east <= 360 and east > 180  # moved, not cut off
    assert shape.area == pytest.approx(original.area, rel=1e-6)  # nothing lost, nothing doubled


def test_fiji_is_one_piece_of_land_in_a_pacific_window_not_two_halves_a_world_apart():
    fiji = in_window(world()[world()["iso3"] == "FJI"], (0.0, -90.0, 360.0, 90.0)).geometry.iloc[0]
    west, _, east, _ = fiji.bounds
    assert east - west < 10  # Ceva-i-Ra at 174.6° E to the Lau islands at 178.2° W (181.8)


def test_the_world_window_leaves_the_shapes_as_they_are():
    shown = in_window(world(), WORLD.clip)
    assert shown["iso3"].to_list() == world()["iso3"].to_list()
    assert all(a.equals(b) for a, b in zip(shown.geometry, world().geometry))


def test_an_interactive_pacific_map_moves_whole_parts_east_of_the_atlantic_and_cuts_nothing():
    moved = moved_east_of(world(), ASIA_PACIFIC.map_west)
    bounds = dict(zip(moved["iso3"], moved.geometry.bounds.itertuples(index=False)))
    assert 174 < bounds["FJI"].minx and bounds["FJI"].maxx < 183  # Fiji whole, one span
    assert bounds["RUS"].minx < 20 and 190 < bounds["RUS"].maxx < 192  # Kaliningrad to Big Diomede (169° W), east of 180°
    assert 170 < bounds["USA"].minx < 175 and bounds["USA"].maxx < 300  # Attu (173° E), then Alaska and the lower 48
    assert bounds["GRL"].minx > 180 and bounds["ISL"].maxx < 0  # Greenland with the Americas, Iceland stays
    assert shapely.area(moved.geometry.to_numpy()) == pytest.approx(shapely.area(world().geometry.to_numpy()), rel=1e-6)
    assert moved["iso3"].to_list() == world()["iso3"].to_list()
    fiji = moved.set_index("iso3").geometry["FJI"]
    assert fiji.contains(shapely.Point(-179.97 + 360, -16.85))  # Taveuni, east of 180°


def test_every_region_but_the_pacific_keeps_the_files_longitudes():
    assert [region.id for region in REGIONS.values() if region.map_west is not None] == ["asia-pacific"]


def test_properties_and_crs():
    assert list(world().columns) == ["iso3", "name", "sovereign", "un_region", "un_subregion", "geometry"]
    assert world().crs.to_epsg() == 4326


def test_codes_are_unique_three_letter_and_sorted():
    codes = world()["iso3"].to_list()
    assert all(isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


def test_every_shape_has_an_english_name():
    names = dict(zip(world()["iso3"], world()["name"]))
    assert all(isinstance(n, str) and n for n in names.values())
    assert names["XKX"] == "Kosovo"
    assert names["CYP"] == "Cyprus"
    assert names["CLP"] == "Clipperton Island"


def test_territories_carry_their_sovereigns_code():
    sovereign = dict(zip(world()["iso3"], world()["sovereign"]))
    expected = {
        "GRL": "DNK", "FRO": "DNK", "GIB": "GBR", "JEY": "GBR", "GGY": "GBR", "IMN": "GBR", "FLK": "GBR",
        "BMU": "GBR", "CLP": "FRA", "PYF": "FRA", "NCL": "FRA", "ATF": "FRA", "ABW": "NLD", "CUW": "NLD",
        "PRI": "USA", "GUM": "USA", "HKG": "CHN", "MAC": "CHN", "CSI": "AUS", "NFK": "AUS",
    }
    assert {code: sovereign[code] for code in expected} == expected


def test_states_entities_and_france_brazil_australia_have_no_sovereign_and_their_own_code():
    # Before the rule, ISO_A3_EH gave Clipperton France's code, the Coral Sea Islands Australia's and
    # Brazilian Island Brazil's: three features with one code each.
    sovereign = dict(zip(world()["iso3"], world()["sovereign"]))
    for code in ("FRA", "BRA", "AUS", "DNK", "GBR", "USA", "COK", "NIU", "PSE", "XKX", "TWN", "ESH", "VAT"):
        assert sovereign[code] is None or sovereign[code] != sovereign[code], code  # None or NaN: no sovereign
    territories = world()[world()["sovereign"].notna()]
    assert len(territories) >= 40
    assert set(territories["sovereign"]) <= set(world()[world()["sovereign"].isna()]["iso3"])


def test_merged_dropped_and_placeholder_codes_are_gone():
    codes = set(world()["iso3"])
    assert not codes & {"WSB", "ESB", "ALA", "ALD", "USG", "BRI", "KOS", "ATA", "PGA", "SCR", "-99"}
    assert {"CYP", "FIN", "CUB", "BRA", "XKX", "ESH", "TWN", "BRT"} <= codes


def test_every_geometry_is_a_valid_nonempty_polygon():
    assert world().is_valid.all()
    assert not world().is_empty.any()
    assert set(world().geom_type) <= {"Polygon", "MultiPolygon"}


def test_neighbours_do_not_overlap():
    projected = world().to_crs("EPSG:8857")
    geometries = projected.geometry.to_numpy()
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = [(i, j) for i, j in zip(left, right) if i < j]
    assert len(pairs) > 300  # the check really compares neighbours
    codes = projected["iso3"]
    overlaps = {(codes[i], codes[j]): geometries[i].intersection(geometries[j]).area / 1e6 for i, j in pairs}
    assert {pair: km2 for pair, km2 in overlaps.items() if km2 > MAX_OVERLAP_KM2} == {}


def test_a_multipolygon_starts_with_its_mainland():
    # Leaflet centres tooltips on the first part: Finland's must be the mainland, not Åland.
    first = {code: shapely.get_parts(geometry)[0] for code, geometry in zip(world()["iso3"], world().geometry)}
    assert first["FIN"].contains(shapely.Point(26.0, 64.0))
    assert first["GRC"].contains(shapely.Point(22.0, 39.5))


def test_microstates_get_points_and_larger_small_states_do_not():
    points = microstate_points(world(), EUROPE)
    found = set(points["iso3"])
    assert {"AND", "LIE", "MCO", "SMR", "VAT", "MLT", "GIB", "JEY"} <= found
    assert not found & {"LUX", "CYP", "MNE", "XKX"}
    by_iso3 = world().set_index("iso3").geometry
    assert all(by_iso3[iso3].contains(point) for iso3, point in zip(points["iso3"], points.geometry))
    assert (points["area_km2"] < EUROPE.small_state_km2).all()
    assert points.crs == world().crs


def test_file_is_within_budget():
    raw = DEFAULT_PATH.read_bytes()
    assert len(raw) <= MAX_FILE_BYTES
    assert len(gzip.compress(raw, compresslevel=9)) <= MAX_GZIP_BYTES


def test_metadata_records_source_view_rules_simplification_and_attribution():
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
    assert metadata["merged"] == {"ALA": "FIN", "BRI": "BRA", "ESB": "CYP", "USG": "CUB", "WSB": "CYP"}
    assert set(metadata["dropped"]) == {"ATA", "PGA", "SCR"}
    assert set(metadata["states_listed_under_another"]) == {"COK", "NIU", "PSE"}


def test_a_map_drawn_once_moves_each_part_by_whole_turns_as_moved_east_of_places_it():
    """turns_east_of: what the app's map (one document for every region) needs to place the shapes for the
    Asia–Pacific in the browser; applied part by part it gives moved_east_of's shapes."""
    turns = turns_east_of(world(), ASIA_PACIFIC.map_west)
    assert turns["TON"] == 1 and turns["WSM"] == 1 and turns["BRA"] == 1 and turns["GRL"] == 1  # every part a turn east
    assert "AUS" not in turns and "ISL" not in turns and "JPN" not in turns  # not moved
    usa = world().set_index("iso3").geometry["USA"]
    attu = [index for index, part in enumerate(shapely.get_parts(usa)) if part.bounds[0] > 172]
    assert attu and all(turns["USA"][index] == 0 for index in attu) and turns["USA"].count(1) > 300  # Attu stays, the rest moves
    assert set(turns["RUS"]) == {0, 1} and turns["RUS"].count(1) < 10  # Chukotka's tip and islands east of 180°
    moved = moved_east_of(world(), ASIA_PACIFIC.map_west).set_index("iso3").geometry
    for code, shape in world().set_index("iso3").geometry.items():
        parts = shapely.get_parts(shape)
        per_part = turns.get(code, 0)
        per_part = per_part if isinstance(per_part, list) else [per_part] * len(parts)
        placed = shapely.union_all([shapely.transform(part, lambda xy, t=t: xy + (360.0 * t, 0.0)) for part, t in zip(parts, per_part)])
        assert placed.bounds == pytest.approx(moved[code].bounds), code
