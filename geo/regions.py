"""The parts of the world a map can show, as records that the app's map, the static images and the
counts all read: its equal-area projection and print frame, the opening view, the size below which a
state gets a marker, and which states count as "in the region". Every region draws from the one world
geometry file; `REGIONS` lists them in display order (the world first); Europe is the default.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from treaty.datasets import DATA_DIR
from treaty.narrative import WORLD_SCOPE, Scope

LonLatBox = tuple[float, float, float, float]  # west, south, east, north in degrees
GEOMETRY_FILE = DATA_DIR / "world.geojson"  # built by `python -m geo.build`

# Land in the geometry that is no state's and counts in no region: Bir Tawil, which neither Egypt
# nor Sudan claims (each leaves it to the other). Drawn, since it is land, with no status.
NOT_A_STATE = frozenset({"BRT"})


@dataclass(frozen=True)
class Membership:
    """Which states count as in a region: those in the listed UN regions or subregions (Natural Earth's
    REGION_UN and SUBREGION, stored per feature in the geometry), plus `add`, minus `remove`."""

    un_areas: frozenset[str] = frozenset()
    add: frozenset[str] = frozenset()
    remove: frozenset[str] = frozenset()

    def select(self, state_areas: dict[str, tuple[str, str]]) -> frozenset[str]:
        """The member codes among `state_areas` (ISO3 -> (UN region, UN subregion)), states only."""
        inside = {code for code, areas in state_areas.items() if set(areas) & self.un_areas}
        return frozenset((inside | (self.add & state_areas.keys())) - self.remove)


@cache
def state_areas(path: Path = GEOMETRY_FILE) -> dict[str, tuple[str, str]]:
    """Every state in the geometry (not a territory, not NOT_A_STATE) with its UN region and subregion."""
    with open(path, encoding="utf-8") as file:
        features = json.load(file)["features"]
    return {
        properties["iso3"]: (properties["un_region"], properties["un_subregion"])
        for properties in (feature["properties"] for feature in features)
        if properties["sovereign"] is None and properties["iso3"] not in NOT_A_STATE
    }


@dataclass(frozen=True)
class Region:
    id: str  # in the URL and on the command line
    label: str
    membership: Membership
    equal_area_crs: str  # the static images' projection: true areas, so no state looks bigger than it is
    # The lon/lat window the static images draw (east may pass 180 for the Pacific: land west of the
    # antimeridian is then drawn at lon + 360, whole beside its neighbours). For an azimuthal projection,
    # 150° either side of its centre: wider than any frame, and short of the antipode, where it tears.
    clip: LonLatBox
    print_extent: tuple[float, float, float, float]  # the static images' frame, in equal_area_crs metres
    view_centre: tuple[float, float]  # lat, lon: where the interactive map opens...
    view_zoom: float  # ...at this Leaflet zoom,
    view_fit: tuple[tuple[float, float], tuple[float, float]]  # then fitted to this (south-west, north-east lat/lon)
    # Below this area a state is a few pixels wide at the opening zoom: it gets a marker to see and click.
    small_state_km2: float
    # For a view across 180°: the interactive map draws each shape east of this meridian, placed by its
    # largest part (geo.countries.moved_east_of). -25, in the Atlantic west of Iceland, puts the Americas
    # and Greenland east of the Pacific. None: the file's longitudes as they are.
    map_west: float | None = None

    @cached_property
    def members(self) -> frozenset[str]:
        """The ISO3 codes of the states counted "in the region" (territories never count)."""
        return self.membership.select(state_areas())


# Turkey, Cyprus, the Caucasus and Central Asia: UN "Western" and "Central Asia", but Council of Europe
# or OSCE participants that the European datasets have always covered (55 states with them).
EUROPE_BEYOND_UN_EUROPE = frozenset({"TUR", "CYP", "ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB"})
# The usual Middle East: the Arabian Peninsula, the Levant, Iraq, Iran, Turkey, Cyprus and Egypt.
MIDDLE_EAST = frozenset({
    "ARE", "BHR", "CYP", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR", "TUR", "YEM",
})
# The Nordic-Baltic Eight.
NORDIC_BALTIC = frozenset({"DNK", "EST", "FIN", "ISL", "LTU", "LVA", "NOR", "SWE"})


# Runs at import, before mutmut can switch a mutant on: its mutants could never be tested.
# pragma: no mutate start
def _laea(lat: float, lon: float) -> str:
    """A Lambert azimuthal equal-area projection centred on a region."""
    return f"+proj=laea +lat_0={lat:g} +lon_0={lon:g} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
# pragma: no mutate end


# Print extents in the projection's metres, to 50 km, holding the places tests/test_geo_regions.py lists.
WORLD = Region(
    id="world",
    label="World",
    membership=Membership(un_areas=frozenset({"Africa", "Americas", "Asia", "Europe", "Oceania"})),
    equal_area_crs="EPSG:8857",  # Equal Earth, Greenwich
    clip=(-180.0, -90.0, 180.0, 90.0),
    print_extent=(-17.25e6, -6.9e6, 17.25e6, 8.4e6),  # the whole globe above 60° S (Antarctica is not drawn)
    view_centre=(20.0, 10.0),
    view_zoom=2,
    view_fit=((-56.0, -180.0), (78.0, 180.0)),
    # At zoom 2 (~35 km per px at 25° N) 15,000 km2 is about 3 x 3 px: Jamaica, Lebanon, Qatar, Cyprus,
    # Vanuatu and every smaller state get a marker; El Salvador (~21,000 km2) and Fiji (~18,000) do not.
    small_state_km2=15_000.0,
)

EUROPE = Region(
    id="europe",
    label="Europe",
    membership=Membership(un_areas=frozenset({"Europe"}), add=EUROPE_BEYOND_UN_EUROPE),
    equal_area_crs="EPSG:3035",  # ETRS89 / LAEA Europe
    clip=(-140.0, -85.0, 160.0, 85.0),
    # Portugal to the Caspian, Crete to the North Cape; widened to fit each image's layout.
    print_extent=(2.45e6, 1.35e6, 7.65e6, 5.45e6),
    view_centre=(53.0, 16.0),
    view_zoom=4,
    view_fit=((35.0, -11.0), (70.5, 41.0)),  # Portugal to the Urals' foothills
    # At zoom 4 (~6 km per px at 50°N) 1,000 km2 is about 5 x 5 px: Andorra (~450 km2) needs a
    # marker, Luxembourg (~2,600 km2) does not.
    small_state_km2=1_000.0,
)

NORDIC_BALTIC_REGION = Region(
    id="nordic-baltic",
    label="Nordic–Baltic",
    membership=Membership(add=NORDIC_BALTIC),
    equal_area_crs="EPSG:3035",
    clip=(-140.0, -85.0, 160.0, 85.0),
    print_extent=(2.65e6, 3.25e6, 5.4e6, 5.45e6),  # Iceland to the Baltic states' eastern borders
    view_centre=(61.0, 14.0),
    view_zoom=4,
    view_fit=((53.5, -24.5), (71.2, 31.6)),
    # Fitted, the view opens near zoom 4.5 (~3.5 km per px at 62° N): 300 km2 is about 5 x 5 px; the Faroes
    # (~1,400 km2) stay shapes.
    small_state_km2=300.0,
)

AFRICA = Region(
    id="africa",
    label="Africa",
    membership=Membership(un_areas=frozenset({"Africa"})),
    equal_area_crs=_laea(2, 17),
    clip=(-133.0, -85.0, 167.0, 85.0),
    print_extent=(-4.85e6, -4.4e6, 4.5e6, 4.15e6),  # Cabo Verde to Mauritius, Tunis to the Cape
    view_centre=(2.0, 17.0),
    view_zoom=3,
    view_fit=((-35.0, -25.5), (37.5, 58.0)),
    # At zoom 3 (~19 km per px near the equator) 12,000 km2 is about 6 x 6 px: the Gambia (~11,300 km2),
    # Cabo Verde, Comoros, Mauritius, Sao Tome and Principe and Seychelles get markers.
    small_state_km2=12_000.0,
)

AMERICAS = Region(
    id="americas",
    label="Americas",
    membership=Membership(un_areas=frozenset({"Americas"})),
    equal_area_crs=_laea(15, -80),
    clip=(-230.0, -85.0, 70.0, 85.0),
    print_extent=(-5.3e6, -8.0e6, 5.45e6, 6.95e6),  # Alaska to Tierra del Fuego, the Caribbean whole
    view_centre=(15.0, -80.0),
    view_zoom=2,
    view_fit=((-56.0, -168.0), (72.0, -34.0)),
    # The Americas open at zoom 2 to 3: 12,000 km2 gives Jamaica, Trinidad and Tobago and every smaller
    # Caribbean state a marker; Puerto Rico (~9,000 km2) too.
    small_state_km2=12_000.0,
)

ASIA_PACIFIC = Region(
    id="asia-pacific",
    label="Asia–Pacific",
    # UN Asia without Western Asia (the Caucasus is in Europe here, the rest in the Middle East), with
    # Iran (UN Southern Asia) in the Middle East too; Central Asia counts here and in Europe.
    membership=Membership(
        un_areas=frozenset({"Central Asia", "Eastern Asia", "South-Eastern Asia", "Southern Asia", "Oceania"}),
        remove=MIDDLE_EAST,
    ),
    equal_area_crs=_laea(5, 135),
    clip=(-15.0, -85.0, 285.0, 85.0),  # across the antimeridian: Fiji, Kiribati and Samoa whole
    print_extent=(-7.4e6, -5.6e6, 8.6e6, 5.7e6),  # Central Asia and India to Kiribati's Line Islands
    view_centre=(5.0, 135.0),
    view_zoom=2,
    view_fit=((-47.5, 46.0), (55.0, 210.0)),
    map_west=-25.0,
    # At zoom 2 to 3 an island state of Fiji's size (~18,000 km2 over many islands) is a few specks:
    # 20,000 km2 marks it, Vanuatu, Timor-Leste and every smaller state (Nauru, Tuvalu, Palau, the
    # Marshall Islands, Micronesia, Kiribati, Tonga, Samoa, the Maldives, Singapore, Brunei).
    small_state_km2=20_000.0,
)

MIDDLE_EAST_REGION = Region(
    id="middle-east",
    label="Middle East",
    membership=Membership(add=MIDDLE_EAST),
    equal_area_crs=_laea(29, 45),
    clip=(-105.0, -85.0, 195.0, 85.0),
    print_extent=(-2.2e6, -1.95e6, 2.05e6, 1.55e6),  # Cyprus and Egypt to Iran, Turkey to Yemen
    view_centre=(28.0, 45.0),
    view_zoom=4,
    view_fit=((12.0, 24.5), (42.2, 63.5)),
    # At zoom 4 (~7 km per px at 28° N) 1,500 km2 is about 5 x 5 px: Bahrain (~770 km2) gets a marker.
    small_state_km2=1_500.0,
)

REGIONS: dict[str, Region] = {
    region.id: region for region in (WORLD, EUROPE, NORDIC_BALTIC_REGION, AFRICA, AMERICAS, ASIA_PACIFIC, MIDDLE_EAST_REGION)
}
DEFAULT_REGION = EUROPE


def region_by_id(text: str) -> Region | None:
    """The region with this id (any case, surrounding spaces ignored), or None."""
    return REGIONS.get(text.strip().lower())


def scope_of(region: Region) -> Scope:
    """What the day's figures are given for: the world alone, or the world and the region (the page's
    sentence, the images' subtitle and text alternative, the deck's notes)."""
    return WORLD_SCOPE if region == WORLD else Scope(region.label, region.members)
