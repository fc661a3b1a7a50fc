"""Static snapshots: every file is opened and checked, pixels included, against the status engine."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from PIL import Image

from render.captions import as_of_line, sources_line, title_on
from render.palette import CATEGORIES
from treaty.statuses import NOT_COVERED
from render.snapshot import SIZE_PRESETS, Heading, SnapshotRenderer, parse_size, prepare_inputs, render_snapshot
from tests.expected_colours import expected_rgb
from tests.export_fixtures import (
    HOSTILE_NAME,
    HOSTILE_TREATY,
    PENDING_DAY,
    WITHDRAWN_DAY,
    hostile_dataset,
    interior_point,
    long_title_dataset,
    pdf_text,
    real_data,
)
from treaty.loader import load_dataset
from treaty.status import Status, compile_timelines


def open_png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data))


def svg_texts(svg: bytes) -> list[str]:
    root = ElementTree.fromstring(svg)  # also proves the SVG is well-formed XML
    return ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("preset", SIZE_PRESETS)
def test_png_has_the_preset_size(preset):
    image = open_png(render_snapshot(real_data().inputs, WITHDRAWN_DAY, size=SIZE_PRESETS[preset]))
    assert image.size == SIZE_PRESETS[preset]


def test_scale_multiplies_the_pixels_for_print():
    image = open_png(render_snapshot(real_data().inputs, WITHDRAWN_DAY, size=SIZE_PRESETS["4:3"], scale=2))
    assert image.size == (2880, 2160)


@pytest.mark.parametrize("preset", ["16:9", "square"])
def test_a_state_is_filled_with_its_status_colour_on_each_side_of_its_withdrawal(preset):
    data = real_data()
    renderer = SnapshotRenderer(data.inputs, SIZE_PRESETS[preset])
    expected = {
        PENDING_DAY: {"LTU": Status.WITHDRAWAL_PENDING, "DEU": Status.PARTY, "RUS": Status.NOT_PARTY},
        WITHDRAWN_DAY: {"LTU": Status.WITHDRAWN, "DEU": Status.PARTY, "RUS": Status.NOT_PARTY},
    }
    for day, states in expected.items():
        image = open_png(renderer.render(day)).convert("RGB")
        for iso3, status in states.items():
            assert image.getpixel(renderer.pixel_at(*interior_point(data, iso3))) == expected_rgb(status.value), (day, iso3)


def test_microstates_show_as_markers_in_their_status_colour():
    data = real_data()
    renderer = SnapshotRenderer(data.inputs)
    image = open_png(renderer.render(WITHDRAWN_DAY)).convert("RGB")
    points = data.inputs.microstates
    for iso3 in ("AND", "LIE", "SMR"):
        point = points.loc[points["iso3"] == iso3, "geometry"].to_crs("EPSG:4326").iloc[0]
        assert image.getpixel(renderer.pixel_at(point.x, point.y)) == expected_rgb(Status.PARTY.value), iso3


def test_a_shape_outside_the_dataset_is_drawn_as_not_covered():
    # Bir Tawil, land no state claims, is in no dataset.
    data = real_data("africa")
    renderer = SnapshotRenderer(data.inputs)
    image = open_png(renderer.render(WITHDRAWN_DAY)).convert("RGB")
    assert "BRT" not in {state.iso3 for state in data.inputs.dataset.states}
    assert image.getpixel(renderer.pixel_at(*interior_point(data, "BRT"))) == expected_rgb(NOT_COVERED)


def test_svg_keeps_title_legend_sentence_sources_and_attribution_as_text():
    data = real_data()
    dataset = data.inputs.dataset
    svg = render_snapshot(data.inputs, WITHDRAWN_DAY, fmt="svg")
    texts = svg_texts(svg)
    joined = " ".join(texts)
    assert title_on(dataset, WITHDRAWN_DAY) in texts
    assert "27 December 2025" in texts[0]
    assert "withdrawals of Estonia, Latvia and Lithuania take effect" in joined
    # Neither a suspension clause in the Mine Ban Convention nor a shape the dataset does not cover in Europe's frame.
    for category in CATEGORIES:
        assert (category.label in texts) is (category.key not in {"suspended", NOT_COVERED})
    assert as_of_line(dataset) in joined
    assert sources_line(dataset).split(". All")[0] in joined
    assert "Made with Natural Earth" in joined
    assert data.inputs.geometry_metadata["point_of_view"].split(" — ")[0] in joined


def test_legend_counts_add_up_to_every_state_shape_and_match_the_engine():
    data = real_data("world")
    texts = svg_texts(render_snapshot(data.inputs, WITHDRAWN_DAY, fmt="svg"))
    counts = {category.key: int(texts[texts.index(category.label) + 1]) for category in CATEGORIES if category.label in texts}
    states = {state.iso3 for state in data.inputs.dataset.states}
    territories = data.inputs.dependencies.sovereign_of
    assert territories["GRL"] == "DNK" and territories["JEY"] == "GBR"
    # Every shape but the territories, which are drawn in their sovereign's colour and not counted apart.
    assert sum(counts.values()) == sum(code not in territories for code in data.inputs.codes)
    # Not covered: no state of the dataset and no entity that cannot join (Taiwan, Western Sahara).
    assert counts[NOT_COVERED] == sum(
        code not in states and code not in territories and code not in {"XKX", "TWN", "ESH"} for code in data.inputs.codes
    )
    assert counts[Status.WITHDRAWN.value] >= 3  # the three Baltic states


def test_text_is_at_least_14_pixels_high_on_a_1920_by_1080_slide():
    svg = render_snapshot(real_data().inputs, WITHDRAWN_DAY, fmt="svg").decode()
    # SVG sizes are in points (1/72 inch); the PNG of the same figure has 100 pixels per inch.
    sizes = [float(size) * 100 / 72 for size in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes and min(sizes) >= 14


def test_pdf_text_is_extractable_and_carries_the_title_and_date():
    data = real_data()
    pdf = render_snapshot(data.inputs, WITHDRAWN_DAY, fmt="pdf")
    assert pdf.startswith(b"%PDF")
    texts = pdf_text(pdf)
    assert title_on(data.inputs.dataset, WITHDRAWN_DAY) in texts
    assert any("Made with Natural Earth" in text for text in texts)


def test_transparent_png_has_an_alpha_channel_and_no_background():
    inputs = real_data().inputs
    clear = open_png(render_snapshot(inputs, WITHDRAWN_DAY, size=SIZE_PRESETS["square"], transparent=True))
    solid = open_png(render_snapshot(inputs, WITHDRAWN_DAY, size=SIZE_PRESETS["square"]))
    assert clear.mode == "RGBA"
    assert clear.getpixel((2, 2))[3] == 0
    assert solid.convert("RGBA").getpixel((2, 2))[3] == 255
    renderer = SnapshotRenderer(inputs, SIZE_PRESETS["square"])
    north_sea = renderer.pixel_at(3.0, 56.0)
    assert clear.getpixel(north_sea)[3] == 0, "the sea is background too"
    assert solid.convert("RGB").getpixel(north_sea) == (0xDC, 0xE6, 0xEE)


def test_a_reused_figure_draws_exactly_what_a_fresh_one_draws():
    inputs = real_data().inputs
    renderer = SnapshotRenderer(inputs)
    renderer.render(PENDING_DAY)
    assert renderer.render(WITHDRAWN_DAY) == render_snapshot(inputs, WITHDRAWN_DAY)


def test_renders_in_parallel_threads_match_renders_in_turn():
    # Streamlit serves each download in a thread of its own: nothing may leak between figures.
    inputs = real_data().inputs
    jobs = [(day, fmt) for day in (PENDING_DAY, WITHDRAWN_DAY) for fmt in ("png", "svg")]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        parallel = list(pool.map(lambda job: render_snapshot(inputs, job[0], SIZE_PRESETS["square"], 0.5, job[1]), jobs))
    assert parallel == [render_snapshot(inputs, day, SIZE_PRESETS["square"], 0.5, fmt) for day, fmt in jobs]


def test_hostile_names_stay_text_in_svg_and_png(tmp_path):
    dataset = load_dataset(hostile_dataset(tmp_path))
    inputs = prepare_inputs(dataset, compile_timelines(dataset), real_data().countries, real_data().inputs.geometry_metadata)
    svg = render_snapshot(inputs, WITHDRAWN_DAY, fmt="svg")
    assert b"<script" not in svg and b"<b " not in svg
    joined = " ".join(svg_texts(svg))
    assert HOSTILE_NAME in joined  # '$x$' drawn as text, not as TeX
    assert HOSTILE_TREATY in joined
    assert open_png(render_snapshot(inputs, WITHDRAWN_DAY)).size == (1920, 1080)


def test_a_long_sentence_is_wrapped_and_cut_at_three_lines_with_an_ellipsis():
    # 3 December 1997: Ireland ratifies and 25 other states sign, too much for three lines on a square.
    texts = svg_texts(render_snapshot(real_data().inputs, date(1997, 12, 3), size=SIZE_PRESETS["square"], fmt="svg"))
    first = next(index for index, text in enumerate(texts) if text.startswith("On 3 December 1997"))
    sentence = texts[first : first + 3]
    assert sentence[-1].endswith("…")
    assert texts[first + 3].startswith("Key sources:")  # the next text drawn is the footer: no fourth line


@pytest.mark.parametrize("short_name", ["Convention on Cluster Munitions", "A Treaty Name " * 12])
def test_a_long_title_stays_inside_the_image(tmp_path, short_name):
    dataset = load_dataset(long_title_dataset(tmp_path, short_name))
    inputs = prepare_inputs(dataset, compile_timelines(dataset), real_data().countries, real_data().inputs.geometry_metadata)
    image = open_png(render_snapshot(inputs, WITHDRAWN_DAY, size=SIZE_PRESETS["square"])).convert("L")
    assert image.crop((30, 0, 90, 90)).getextrema()[0] < 100  # ink where the title starts
    assert image.crop((1062, 0, 1080, 90)).getextrema() == (255, 255)  # none at the right edge
    [title] = [text for text in svg_texts(render_snapshot(inputs, WITHDRAWN_DAY, size=SIZE_PRESETS["square"], fmt="svg"))
               if text.startswith(short_name[:20])]
    assert title == title_on(dataset, WITHDRAWN_DAY) or title.endswith("…")


@pytest.mark.parametrize("text, size", [("16:9", (1920, 1080)), ("4:3", (1440, 1080)), ("square", (1080, 1080)), ("1280x720", (1280, 720))])
def test_sizes_are_read_from_presets_or_pixels(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["wide", "1920", "10x10", "1920x-5", "99999x1080"])
def test_an_impossible_size_is_refused(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        render_snapshot(real_data().inputs, WITHDRAWN_DAY, fmt="bmp")


PAGE_RGB = (255, 255, 255)


SEA_RGB = (0xDC, 0xE6, 0xEE)


@pytest.mark.parametrize("preset", ["16:9", "square"])
def test_the_world_is_framed_by_its_outline_with_the_page_beyond_and_the_sea_inside(preset):
    renderer = SnapshotRenderer(real_data("world").inputs, SIZE_PRESETS[preset])
    image = open_png(renderer.render(WITHDRAWN_DAY)).convert("RGB")
    left, top, right, bottom = (round(value) for value in renderer.layout.map_box)
    corners = {image.getpixel((x, y)) for x in (left + 3, right - 3) for y in (top + 3, bottom - 3)}
    assert corners == {PAGE_RGB}  # Equal Earth's rounded outline is the map's edge
    assert image.getpixel(renderer.pixel_at(-30.0, 0.0)) == SEA_RGB  # the middle of the Atlantic


@pytest.mark.parametrize(
    ("region", "places"),
    [
        # Where a ring running across 180° would smear Russia, Fiji, Kiribati or the Aleutians across the map.
        ("world", {"Denmark Strait": (-27.0, 67.0), "South Pacific": (-120.0, -17.0), "South Atlantic": (-25.0, -17.0),
                   "Eastern Pacific": (-120.0, 0.5), "Gulf of Alaska": (-145.0, 52.0), "North Atlantic": (-35.0, 50.0)}),
        ("asia-pacific", {"Central Pacific": (-165.0, 10.0), "North Pacific": (160.0, 30.0), "Coral Sea": (155.0, -15.0),
                          "Indian Ocean": (80.0, -17.0)}),
    ],
)
def test_no_shape_is_smeared_across_the_sea_at_the_antimeridian(region, places):
    renderer = SnapshotRenderer(real_data(region).inputs)
    image = open_png(renderer.render(WITHDRAWN_DAY)).convert("RGB")
    for name, (lon, lat) in places.items():
        assert image.getpixel(renderer.pixel_at(lon, lat)) == SEA_RGB, name


def test_a_pacific_image_draws_the_islands_east_of_180_beside_those_west_of_it():
    renderer = SnapshotRenderer(real_data("asia-pacific").inputs)
    image = open_png(renderer.render(WITHDRAWN_DAY)).convert("RGB")
    fiji_west, fiji_east = renderer.pixel_at(178.0, -17.8), renderer.pixel_at(-178.5, -17.0)
    assert fiji_west[0] < fiji_east[0] < fiji_west[0] + 30  # east of 180° is a little further right, not at the far left
    assert image.getpixel(fiji_west) == expected_rgb(Status.PARTY.value)  # Viti Levu (Fiji: a party since 1999)
    assert image.getpixel(renderer.pixel_at(-171.75, -13.93)) == expected_rgb(Status.PARTY.value)  # Samoa, at 172° W


def test_a_world_image_draws_chukotka_east_of_180_at_its_left_edge_in_russias_colour():
    renderer = SnapshotRenderer(real_data("world").inputs)
    image = open_png(renderer.render(WITHDRAWN_DAY)).convert("RGB")
    column, row = renderer.pixel_at(-176.0, 66.0)  # inland, a few pixels from Chukotka's white border
    assert column < renderer.pixel_at(-100.0, 66.0)[0]
    assert image.getpixel((column, row)) == expected_rgb(Status.NOT_PARTY.value)


def test_the_briefers_title_and_subtitle_replace_the_default_and_the_legend_keeps_the_date():
    heading = Heading("Baltic exits from the Ottawa Convention", "Briefing for the committee, 5 January 2026")
    texts = svg_texts(SnapshotRenderer(real_data().inputs).render(WITHDRAWN_DAY, "svg", heading=heading))
    assert texts[:2] == ["Baltic exits from the Ottawa Convention", "Briefing for the committee, 5 January 2026"]
    assert "Status on 27 December 2025" in texts
    assert not any("withdrawals of Estonia" in text for text in texts)


def test_a_blank_heading_keeps_the_treaty_date_and_sentence():
    texts = svg_texts(SnapshotRenderer(real_data().inputs).render(WITHDRAWN_DAY, "svg", heading=Heading("  ", "")))
    assert texts[0] == "Mine Ban Convention on 27 December 2025"
    assert texts[1].startswith("On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect")


# Greenland's coast in a 1920x1080 world image: Denmark's colour (State Party), the sea, the white line drawn
# round every covered shape, and blends of them. Written out, not read from the code.
GREENLAND_COAST = {"party": (0x00, 0x5F, 0x9E), "sea": (0xDC, 0xE6, 0xEE), "line": (0xFF, 0xFF, 0xFF)}


def _grey(pixel) -> bool:
    """A neutral grey darker than the page: what an outline of "not covered" (#9A9A9A) leaves on the coast."""
    red, green, blue = (int(value) for value in pixel[:3])
    return max(red, green, blue) - min(red, green, blue) <= 12 and 90 <= red <= 215


def test_greenland_has_no_grey_halo_in_a_world_image():
    """Greenland, a territory drawn in Denmark's status, is outlined as a covered shape (white), not in the grey
    of a shape the dataset says nothing about, which ringed its fjorded coast in grey."""
    renderer = SnapshotRenderer(real_data("world").inputs, SIZE_PRESETS["16:9"])
    image = renderer.rgb(WITHDRAWN_DAY)
    (west, north), (east, south) = renderer.pixel_at(-56, 78), renderer.pixel_at(-18, 59)
    coast = image[north:south, west:east].reshape(-1, 3)
    assert len(coast) > 2000
    assert [tuple(p) for p in coast if _grey(p)] == []
    # The coast's pixels: the fill, the sea and the line, all three there.
    for name, colour in GREENLAND_COAST.items():
        assert any(abs(int(p[0]) - colour[0]) + abs(int(p[1]) - colour[1]) + abs(int(p[2]) - colour[2]) <= 6 for p in coast), name


# The images' legend, written out per treaty: the statuses its history shows, in the status table's order, and
# "Not covered by this dataset" only where such a shape is in the picture (Baikonur, leased by Kazakhstan: in the
# world's, not Europe's).
MINE_BAN_LEGEND = [
    "State Party", "Withdrawal under way (still bound)", "Withdrawal notified, pending (still bound)",
    "Suspension claim, contested (still bound)", "Suspension rejected (still bound)", "Joined, not yet in force",
    "Signatory, not bound", "Withdrawn (former party)", "Not a party", "Cannot join: not recognised as a State able to sign",
    "Territory the treaty does not apply to", "Not covered by this dataset",
]
CLUSTER_MUNITIONS_LEGEND = [
    "State Party", "Withdrawal under way (still bound)", "Withdrawal notified, pending (still bound)", "Joined, not yet in force",
    "Signatory, not bound", "Withdrawn (former party)", "Not a party", "Cannot join: not recognised as a State able to sign",
    "Not covered by this dataset",
]
EVERY_LABEL = [*MINE_BAN_LEGEND, "Suspended under the treaty (not bound)"]


def legend_labels(svg: bytes) -> list[str]:
    return [text for text in svg_texts(svg) if text in EVERY_LABEL]


def test_the_mine_ban_world_legend_lists_the_statuses_its_history_shows_in_the_tables_order():
    assert legend_labels(render_snapshot(real_data("world").inputs, WITHDRAWN_DAY, fmt="svg")) == MINE_BAN_LEGEND


def test_the_cluster_munitions_legend_has_no_suspension_or_territory_rows():
    from export.batch import load_export_data
    from geo.regions import REGIONS
    from tests.treaty_fixtures import REAL_DATASET

    data = load_export_data(REAL_DATASET.with_name("ccm.yaml"), REGIONS["world"])
    assert legend_labels(render_snapshot(data.inputs, WITHDRAWN_DAY, fmt="svg")) == CLUSTER_MUNITIONS_LEGEND


def test_not_covered_is_listed_only_where_such_a_shape_is_in_the_frame():
    for size in SIZE_PRESETS.values():
        assert legend_labels(render_snapshot(real_data().inputs, WITHDRAWN_DAY, size=size, fmt="svg")) == MINE_BAN_LEGEND[:-1]


@pytest.mark.parametrize("preset", SIZE_PRESETS)
def test_every_legend_label_ends_before_its_count_and_inside_the_image(preset):
    renderer = SnapshotRenderer(real_data().inputs, SIZE_PRESETS[preset])
    renderer.show(WITHDRAWN_DAY)
    renderer.canvas.draw()
    drawn = renderer.canvas.get_renderer()
    texts = renderer.overlay.texts
    for label in MINE_BAN_LEGEND[:-1]:
        text = next(t for t in texts if t.get_text() == label)
        count = next(t for t in texts if t.get_position()[1] == text.get_position()[1] and t.get_ha() == "right"
                     and t.get_position()[0] > text.get_position()[0])
        assert text.get_window_extent(drawn).x1 < count.get_window_extent(drawn).x0, (preset, label)
        assert text.get_window_extent(drawn).x1 <= renderer.width * renderer.scale, (preset, label)
