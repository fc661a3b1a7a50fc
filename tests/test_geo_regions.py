"""The region record: Europe as data, read by the geometry build, the map's opening view and the
static images."""
import shapely
from pyproj import Transformer

from geo.countries import geometry_metadata, load_countries
from geo.regions import EUROPE


def test_the_committed_geometry_was_built_from_the_record():
    assert geometry_metadata(EUROPE.geometry_file)["bbox"] == list(EUROPE.clip)


def test_every_country_on_the_map_reaches_into_the_bounds_or_is_kept_whole_on_purpose():
    countries = load_countries(EUROPE.geometry_file)
    outside = set(countries[~countries.geometry.intersects(shapely.box(*EUROPE.bounds))]["iso3"])
    assert outside <= EUROPE.keep_whole


def test_the_opening_view_lies_inside_the_region():
    west, south, east, north = EUROPE.bounds
    (fit_south, fit_west), (fit_north, fit_east) = EUROPE.view_fit
    assert west <= fit_west < fit_east <= east and south <= fit_south < fit_north <= north
    lat, lon = EUROPE.view_centre
    assert fit_south < lat < fit_north and fit_west < lon < fit_east


def test_the_static_images_frame_portugal_to_the_caspian_and_athens_to_the_north_cape():
    to_map = Transformer.from_crs("EPSG:4326", EUROPE.equal_area_crs, always_xy=True)
    x0, y0, x1, y1 = EUROPE.print_extent
    places = {"Lisbon": (-9.14, 38.72), "Nordkapp": (25.78, 71.17), "Athens": (23.73, 37.98), "Baku": (49.87, 40.41)}
    for name, (lon, lat) in places.items():
        x, y = to_map.transform(lon, lat)
        assert x0 <= x <= x1 and y0 <= y <= y1, name
