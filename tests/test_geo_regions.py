"""The region presets: the API the page and the exports use, who counts as in each region, views and
print frames that hold the region, and small states that stay visible at every preset."""

import pytest
import shapely
from pyproj import Transformer

from geo.countries import microstate_points
from geo.regions import DEFAULT_REGION, EUROPE, REGIONS, WORLD, Membership, region_by_id, scope_of
from tests.geo_fixtures import world
from treaty.narrative import Scope

# Written out, not derived: what each preset must count.
AFRICA_SAMPLE = {"DZA", "TUN", "MAR", "EGY", "LBY", "ESH", "NGA", "ZAF", "CPV", "STP", "SYC", "MUS", "COM"}
SMALL_ISLAND_STATES = {
    "MLT", "MDV", "NRU", "TUV", "PLW", "MHL", "FSM", "KIR", "TON", "WSM", "ATG", "BRB", "DMA", "GRD", "KNA",
    "LCA", "VCT", "SYC", "MUS", "COM", "STP", "CPV", "SGP", "BHR",
}
PLACES = {  # lon, lat: each region's image must show these
    "world": {"Alaska": (-150.0, 64.0), "Chukotka": (-172.0, 65.9), "Fiji": (178.0, -17.8), "Kiritimati": (-157.4, 1.9), "Tierra del Fuego": (-68.3, -54.8)},
    "europe": {"Lisbon": (-9.14, 38.72), "Nordkapp": (25.78, 71.17), "Athens": (23.73, 37.98), "Baku": (49.87, 40.41)},
    "nordic-baltic": {"Reykjavík": (-21.9, 64.15), "Nordkapp": (25.78, 71.17), "Vilnius": (25.28, 54.69), "Copenhagen": (12.57, 55.68)},
    "africa": {"Tunis": (10.18, 36.81), "Cape Town": (18.42, -33.92), "Praia": (-23.51, 14.93), "Port Louis": (57.50, -20.16), "Mogadishu": (45.34, 2.05)},
    "americas": {"Anchorage": (-149.9, 61.2), "Ushuaia": (-68.3, -54.8), "Bridgetown": (-59.6, 13.1), "Recife": (-34.9, -8.05), "St John's": (-52.7, 47.56)},
    "asia-pacific": {"Kabul": (69.2, 34.5), "Tokyo": (139.7, 35.7), "Wellington": (174.8, -41.3), "Apia": (-171.8, -13.8), "Kiritimati": (-157.4, 1.9), "Malé": (73.5, 4.2)},
    "middle-east": {"Nicosia": (33.4, 35.2), "Cairo": (31.24, 30.04), "Mashhad": (59.6, 36.3), "Aden": (45.0, 12.8), "Istanbul": (28.98, 41.0)},
}

# Europe opens as it always has, Portugal to the Urals' foothills, north to 70.5° (Nordkapp just outside).
VIEW_PLACES = {"europe": {"Lisbon": (-9.14, 38.72), "Helsinki": (24.94, 60.17), "Athens": (23.73, 37.98), "Moscow": (37.6, 55.75)}}


def test_the_presets_in_display_order_with_europe_the_default():
    assert list(REGIONS) == ["world", "europe", "nordic-baltic", "africa", "americas", "asia-pacific", "middle-east"]
    assert DEFAULT_REGION is EUROPE is REGIONS["europe"]
    assert [region.label for region in REGIONS.values()] == [
        "World", "Europe", "Nordic–Baltic", "Africa", "Americas", "Asia–Pacific", "Middle East",
    ]


@pytest.mark.parametrize(("text", "expected"), [("africa", "africa"), (" Asia-Pacific ", "asia-pacific"), ("WORLD", "world")])
def test_a_region_is_found_by_its_id_in_any_case(text, expected):
    assert region_by_id(text).id == expected


@pytest.mark.parametrize("text", ["", "mars", "asia", "europe.", "Asia–Pacific"])
def test_an_unknown_region_is_none(text):
    assert region_by_id(text) is None


def test_europe_counts_the_55_states_the_map_of_europe_always_showed():
    # So "in Europe M of 55" means what it meant before the world: the 55 states the Europe-only
    # datasets covered, written out.
    assert REGIONS["europe"].members == set(
        "ALB AND ARM AUT AZE BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO GRC HRV HUN IRL "
        "ISL ITA KAZ KGZ LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SMR SRB SVK SVN SWE "
        "TJK TKM TUR UKR UZB VAT XKX".split()
    )


def test_africa_counts_north_africa_and_the_islands_and_western_sahara():
    africa = REGIONS["africa"].members
    assert AFRICA_SAMPLE <= africa
    assert len(africa) == 55  # 54 UN members and Western Sahara
    assert not africa & {"SHN", "IOT", "ATF", "SAU", "ESP"}  # territories and neighbours


def test_the_other_presets_count_what_their_names_say():
    assert REGIONS["nordic-baltic"].members == {"DNK", "EST", "FIN", "ISL", "LTU", "LVA", "NOR", "SWE"}
    assert len(REGIONS["americas"].members) == 35 and {"USA", "CAN", "BRA", "CUB", "KNA"} <= REGIONS["americas"].members
    assert "GRL" not in REGIONS["americas"].members  # a territory of Denmark
    assert {"IRN", "ISR", "PSE", "SAU", "EGY", "TUR", "YEM"} <= REGIONS["middle-east"].members
    assert len(REGIONS["middle-east"].members) == 17
    asia_pacific = REGIONS["asia-pacific"].members
    assert {"CHN", "TWN", "JPN", "IND", "AUS", "NZL", "FJI", "KIR", "TUV", "NRU", "COK", "NIU", "KAZ"} <= asia_pacific
    assert not asia_pacific & {"IRN", "SAU", "ISR", "RUS", "TUR", "HKG"}


def test_the_world_counts_every_state_and_no_territory():
    members = REGIONS["world"].members
    assert len(members) == 200  # 193 UN members, the Holy See, Palestine, Cook Islands, Niue, Kosovo, Taiwan, Western Sahara
    assert {"VAT", "PSE", "COK", "NIU", "XKX", "TWN", "ESH"} <= members
    territories = set(world()[world()["sovereign"].notna()]["iso3"])
    assert not members & (territories | {"BRT"})
    for region in REGIONS.values():
        assert region.members <= members, region.id


@pytest.mark.parametrize("region", REGIONS.values(), ids=REGIONS)
def test_the_print_frame_shows_the_regions_places(region):
    to_map = Transformer.from_crs("EPSG:4326", region.equal_area_crs, always_xy=True)
    x0, y0, x1, y1 = region.print_extent
    for name, (lon, lat) in PLACES[region.id].items():
        x, y = to_map.transform(lon, lat)
        assert x0 <= x <= x1 and y0 <= y <= y1, name


@pytest.mark.parametrize("region", REGIONS.values(), ids=REGIONS)
def test_the_opening_view_holds_the_regions_places_and_the_centre(region):
    (south, west), (north, east) = region.view_fit
    lat, lon = region.view_centre
    assert south < lat < north and west < lon < east
    for name, (place_lon, place_lat) in VIEW_PLACES.get(region.id, PLACES[region.id]).items():
        # A view may run past 180° E (the Pacific): a place west of the antimeridian is then at lon + 360.
        shifted = place_lon + 360 if place_lon < west else place_lon
        assert south <= place_lat <= north and west <= shifted <= east, name


@pytest.mark.parametrize("region", REGIONS.values(), ids=REGIONS)
def test_the_print_window_covers_the_print_frame(region):
    # Land is cut to the window before it is projected: the cut must lie outside what the image shows.
    to_map = Transformer.from_crs("EPSG:4326", region.equal_area_crs, always_xy=True)
    ring = shapely.segmentize(shapely.box(*region.clip), 0.5).exterior
    outline = shapely.Polygon(zip(*to_map.transform(*ring.xy)))
    x0, y0, x1, y1 = region.print_extent
    if region.id == "world":
        assert outline.contains(shapely.Point(0, 0)) and outline.bounds[0] < x0 + 1e5
    else:
        assert outline.buffer(0).contains(shapely.box(x0, y0, x1, y1)), region.id


@pytest.mark.parametrize("region", REGIONS.values(), ids=REGIONS)
def test_every_small_island_state_shown_in_a_preset_has_a_marker_there(region):
    marked = set(microstate_points(world(), region)["iso3"])
    shown = SMALL_ISLAND_STATES & (REGIONS["world"].members if region.id == "world" else region.members)
    assert shown <= marked, sorted(shown - marked)


def test_thresholds_follow_the_opening_zoom():
    # A continent at zoom 2 to 3 needs markers for larger states than Europe at zoom 4.
    thresholds = {region.id: region.small_state_km2 for region in REGIONS.values()}
    assert thresholds["europe"] < thresholds["africa"] and thresholds["europe"] < thresholds["world"]
    assert "JAM" in set(microstate_points(world(), REGIONS["americas"])["iso3"])
    assert {"FJI", "VUT"} <= set(microstate_points(world(), REGIONS["asia-pacific"])["iso3"])
    assert "LUX" not in set(microstate_points(world(), REGIONS["europe"])["iso3"])


# Hand-made, as the geometry stores them: ISO3 -> (UN region, UN subregion).
AREAS = {
    "ESP": ("Europe", "Southern Europe"), "RUS": ("Europe", "Eastern Europe"), "EGY": ("Africa", "Northern Africa"),
    "CYP": ("Asia", "Western Asia"), "TUR": ("Asia", "Western Asia"),
}


def test_a_membership_is_its_un_areas_plus_the_states_added_minus_those_removed():
    """Europe less Russia, plus Cyprus; an added code the geometry has no state for is not a member."""
    assert Membership(frozenset({"Europe"}), add=frozenset({"CYP", "XXX"}), remove=frozenset({"RUS"})).select(AREAS) == {"ESP", "CYP"}
    assert Membership(frozenset({"Western Asia"})).select(AREAS) == {"CYP", "TUR"}, "a subregion counts as an area"
    assert Membership(add=frozenset({"EGY"})).select(AREAS) == {"EGY"}


def test_the_figures_are_for_the_world_alone_or_the_world_and_the_region():
    assert scope_of(WORLD) == Scope("the world", None)
    assert scope_of(EUROPE) == Scope("Europe", EUROPE.members)
