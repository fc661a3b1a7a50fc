"""The part of the world a map shows, as one record that the geometry build, the app's map and the
static images all read: which countries, its equal-area projection, the opening view and the size
below which a state gets a marker. Only Europe so far; another region is another record."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from treaty.datasets import DATA_DIR

LonLatBox = tuple[float, float, float, float]  # west, south, east, north in degrees


@dataclass(frozen=True)
class Region:
    id: str
    label: str
    geometry_file: Path  # built by `python -m geo.build` from these bounds
    bounds: LonLatBox  # a country that reaches into this box is on the map
    keep_whole: frozenset[str]  # states beyond `bounds` that the treaty datasets cover: drawn too
    clip: LonLatBox  # every shape is cut to this box (wide enough for `keep_whole`)
    equal_area_crs: str  # true areas: for the small-state rule and the static images
    print_extent: tuple[float, float, float, float]  # the static images' frame, in equal_area_crs metres
    view_centre: tuple[float, float]  # lat, lon: where the interactive map opens...
    view_zoom: float  # ...at this Leaflet zoom,
    view_fit: tuple[tuple[float, float], tuple[float, float]]  # then fitted to this (south-west, north-east lat/lon)
    # Below this area a state is a few pixels wide at the opening zoom: it gets a marker to see and click.
    small_state_km2: float


EUROPE = Region(
    id="europe",
    label="Europe",
    geometry_file=DATA_DIR / "europe.geojson",
    # Europe with Turkey, the Caucasus and the Maghreb coast.
    bounds=(-25.0, 34.0, 60.0, 72.0),
    # The treaty datasets also cover Central Asia, partly or wholly east of 60° E; other countries
    # there (Afghanistan, China, Pakistan, India) stay off the map.
    keep_whole=frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"}),
    clip=(-25.0, 34.0, 88.0, 72.0),
    equal_area_crs="EPSG:3035",  # ETRS89 / LAEA Europe
    # Portugal to the Caspian, Crete to the North Cape; widened to fit each image's layout.
    print_extent=(2.45e6, 1.35e6, 7.65e6, 5.45e6),
    view_centre=(53.0, 16.0),
    view_zoom=4,
    view_fit=((35.0, -11.0), (70.5, 41.0)),  # Portugal to the Urals' foothills
    # At zoom 4 (~6 km per px at 50°N) 1,000 km2 is about 5 x 5 px: Andorra (~450 km2) needs a
    # marker, Luxembourg (~2,600 km2) does not.
    small_state_km2=1_000.0,
)
