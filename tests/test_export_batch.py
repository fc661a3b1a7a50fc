"""`python -m export`: the files it writes (each opened and checked), its names and its exit codes."""
from __future__ import annotations

import io
import re
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageSequence
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from export.__main__ import DATA_DIR, main
from export.batch import export_batch, export_storyboard, load_export_data, storyboard_files
from export.formats import notes_for
from geo.regions import DEFAULT_REGION, REGIONS, WORLD, scope_of
from render.captions import title_on
from render.snapshot import SnapshotRenderer
from storyboard.loader import parse_storyboard
from tests.expected_colours import expected_rgb
from tests.export_fixtures import PENDING_DAY, WITHDRAWN_DAY, interior_point, opening_date, pdf_text, real_data, tags_of
from tests.treaty_fixtures import REAL_DATASET, minimal_yaml, mutate, write
from treaty.narrative import describe_day
from treaty.status import Status

SMALL = ["--size", "4:3", "--scale", "0.5"]  # 720 x 540: the same drawing, quicker to write
DAYS = [PENDING_DAY.isoformat(), WITHDRAWN_DAY.isoformat()]


def export(*arguments: str) -> int:
    return main(["--dataset", str(REAL_DATASET), *arguments])


def test_every_format_is_written_under_the_treaty_id_and_date(tmp_path, capsys):
    assert export("--dates", *DAYS, "--formats", "png", "svg", "pdf", "html", "gif", "pptx", "--out", str(tmp_path), *SMALL) == 0
    run = f"apmbc-{DAYS[0]}-to-{DAYS[1]}"
    expected = {f"apmbc-{day}.{fmt}" for day in DAYS for fmt in ("png", "svg", "pdf")}
    expected |= {f"{run}.gif", f"{run}.pptx", f"{run}.html"}
    assert {path.name for path in tmp_path.iterdir()} == expected
    printed = capsys.readouterr().out.splitlines()
    assert sorted(printed[:-1]) == sorted(str(tmp_path / name) for name in expected)
    assert printed[-1] == f"9 file(s) for 2 date(s) in {tmp_path}"

    for day in DAYS:
        assert Image.open(tmp_path / f"apmbc-{day}.png").size == (720, 540)
        assert (tmp_path / f"apmbc-{day}.svg").read_bytes().startswith(b"<?xml")
        assert (tmp_path / f"apmbc-{day}.pdf").read_bytes().startswith(b"%PDF")
    assert Image.open(tmp_path / f"{run}.gif").n_frames == 2
    html = (tmp_path / f"{run}.html").read_text(encoding="utf-8")
    assert [attrs for tag, attrs in tags_of(html).tags if tag == "script" and "src" in attrs] == []


def test_the_deck_has_a_titled_slide_per_date_with_the_map_and_notes(tmp_path):
    assert export("--dates", *DAYS, "--formats", "pptx", "--out", str(tmp_path), *SMALL) == 0
    deck = Presentation(str(next(tmp_path.glob("*.pptx"))))
    dataset, compiled = real_data().inputs.dataset, real_data().inputs.timelines
    assert len(deck.slides) == len(DAYS)
    assert deck.slide_width * 3 == deck.slide_height * 4  # shaped like the 4:3 pictures
    for slide, day in zip(deck.slides, (PENDING_DAY, WITHDRAWN_DAY), strict=True):
        assert slide.shapes.title.text == title_on(dataset, day)
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert Image.open(io.BytesIO(pictures[0].image.blob)).size == (720, 540)
        notes = slide.notes_slide.notes_text_frame.text
        assert describe_day(compiled, day, scope_of(DEFAULT_REGION)) in notes
        assert "Key sources: " in notes and "Made with Natural Earth" in notes


def test_the_speaker_notes_are_three_paragraphs_the_sentence_the_sources_and_the_data_date():
    sentence, sources, provenance = notes_for(real_data(), WITHDRAWN_DAY).split("\n\n")
    assert sentence == (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days. "
        "163 States Parties worldwide; in Europe 44 of 55 states are bound."
    )
    assert sources.startswith("Key sources: ") and sources.endswith("or data/apmbc.yaml.")
    assert provenance.startswith("Data as of ") and "Made with Natural Earth." in provenance


def test_title_and_subtitle_from_the_command_line_reach_every_image_and_the_deck(tmp_path):
    title, subtitle = "Baltic exits from the Ottawa Convention", "Note for the committee, 5 January 2026"
    assert export("--dates", DAYS[1], "--formats", "png", "svg", "pdf", "pptx", "--title", title, "--subtitle", subtitle,
                  "--out", str(tmp_path), *SMALL) == 0
    stem = tmp_path / f"apmbc-{DAYS[1]}"
    svg = stem.with_suffix(".svg").read_text(encoding="utf-8")
    drawn = svg.split("</desc>", 1)[1]  # the text alternative names the map and its date, whatever the title
    assert f">{title}<" in drawn and f">{subtitle}<" in drawn and "Mine Ban Convention on" not in drawn
    pdf = pdf_text(stem.with_suffix(".pdf").read_bytes())
    assert title in pdf and subtitle in pdf
    assert f"<dc:title>{title}</dc:title>" in svg  # the file's own title too
    slide = Presentation(str(stem.with_suffix(".pptx"))).slides[0]
    assert slide.shapes.title.text == title
    [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture.image.blob == stem.with_suffix(".png").read_bytes(), "the slide's map is the PNG drawn with the title"
    assert Image.open(stem.with_suffix(".png")).text["Title"] == title  # drawn by the same figure as the SVG


def test_the_title_from_the_command_line_reaches_the_gif_frames(tmp_path):
    """The GIF's frames are drawn with the briefer's title, not the default one: they differ from a GIF of the
    same date exported without --title."""
    for folder, title in (("titled", ["--title", "Baltic exits from the Ottawa Convention"]), ("default", [])):
        assert export("--dates", DAYS[1], "--formats", "gif", *title, "--out", str(tmp_path / folder), *SMALL) == 0
    name = f"apmbc-{DAYS[1]}.gif"
    [titled], [default] = gif_frames(tmp_path / "titled" / name), gif_frames(tmp_path / "default" / name)
    assert titled.size == default.size and titled.tobytes() != default.tobytes()


def gif_frames(path: Path) -> list[Image.Image]:
    return [frame.convert("RGB") for frame in ImageSequence.Iterator(Image.open(path))]


def lithuania_pixel() -> tuple[int, int]:
    """Where Lithuania is drawn in a SMALL picture."""
    return SnapshotRenderer(real_data().inputs, (1440, 1080), 0.5).pixel_at(*interior_point(real_data(), "LTU"))


def test_the_gif_steps_through_every_change_date_in_the_range(tmp_path):
    # The real file's changes from the Baltic withdrawals to Finland's, both ends included.
    assert export("--changes-from", "2025-12-27", "--changes-to", "2026-01-10", "--formats", "gif", "--out", str(tmp_path), *SMALL) == 0
    [gif] = tmp_path.iterdir()
    assert gif.name == "apmbc-2025-12-27-to-2026-01-10.gif"
    frames = gif_frames(gif)
    assert len(frames) == 2
    finland = SnapshotRenderer(real_data().inputs, (1440, 1080), 0.5).pixel_at(*interior_point(real_data(), "FIN"))
    # Status colours survive the 256-colour palette exactly.
    assert frames[0].getpixel(lithuania_pixel()) == expected_rgb("withdrawn")
    assert [frame.getpixel(finland) for frame in frames] == [expected_rgb("withdrawal_pending"), expected_rgb("withdrawn")]


def test_dates_given_out_of_order_are_exported_in_date_order(tmp_path, capsys):
    """A briefer lists the dates as they come to mind; files, frames, slides and the run's name follow the calendar."""
    later, earlier = WITHDRAWN_DAY.isoformat(), PENDING_DAY.isoformat()
    assert export("--dates", later, earlier, later, "--formats", "png", "gif", "pptx", "--out", str(tmp_path), *SMALL) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        str(tmp_path / "apmbc-2025-12-26.png"),
        str(tmp_path / "apmbc-2025-12-27.png"),
        str(tmp_path / "apmbc-2025-12-26-to-2025-12-27.gif"),
        str(tmp_path / "apmbc-2025-12-26-to-2025-12-27.pptx"),
        f"4 file(s) for 2 date(s) in {tmp_path}",
    ]
    frames = gif_frames(tmp_path / "apmbc-2025-12-26-to-2025-12-27.gif")
    assert [frame.getpixel(lithuania_pixel()) for frame in frames] == [expected_rgb("withdrawal_pending"), expected_rgb("withdrawn")]
    deck = Presentation(str(tmp_path / "apmbc-2025-12-26-to-2025-12-27.pptx"))
    assert [slide.shapes.title.text for slide in deck.slides] == [
        "Mine Ban Convention on 26 December 2025",
        "Mine Ban Convention on 27 December 2025",
    ]


def _minimal_export(tmp_path: Path, *arguments: str) -> list[str]:
    """Names of the PNGs exported from the minimal dataset (changes: 1997-12-03, 1998-07-09,
    1999-03-01, 2003-05-12, 2003-11-01, 2025-06-27, 2025-12-27)."""
    dataset, out = write(tmp_path, minimal_yaml()), tmp_path / "out"
    assert main(["--dataset", str(dataset), *arguments, "--formats", "png", "--out", str(out), "--size", "square", "--scale", "0.25"]) == 0
    return sorted(path.name for path in out.iterdir())


@pytest.mark.parametrize(
    ("arguments", "days"),
    [
        (["--changes-from", "2003-05-12", "--changes-to", "2025-06-27"], ["2003-05-12", "2003-11-01", "2025-06-27"]),
        (["--changes-from", "2003-05-13", "--changes-to", "2025-06-26"], ["2003-11-01"]),
        (["--changes-from", "2025-06-27"], ["2025-06-27", "2025-12-27"]),
    ],
    ids=["both ends on change dates", "ends between change dates", "open end"],
)
def test_a_change_range_holds_every_change_date_from_first_to_last_inclusive(tmp_path, arguments, days):
    assert _minimal_export(tmp_path, *arguments) == [f"apmbc-{day}.png" for day in days]


def test_the_title_in_each_files_metadata_is_the_chosen_day_not_the_data_date(tmp_path):
    assert export("--dates", "2025-12-26", "--formats", "png", "svg", "pdf", "--out", str(tmp_path), *SMALL) == 0
    title = "Mine Ban Convention on 26 December 2025"
    assert Image.open(tmp_path / "apmbc-2025-12-26.png").info["Title"] == title
    assert f"<dc:title>{title}</dc:title>" in (tmp_path / "apmbc-2025-12-26.svg").read_text(encoding="utf-8")
    assert f"/Title ({title})".encode() in (tmp_path / "apmbc-2025-12-26.pdf").read_bytes()


def test_the_offline_html_opens_on_the_first_chosen_date(tmp_path):
    assert export("--dates", "2025-12-27", "2025-06-27", "--formats", "html", "--out", str(tmp_path)) == 0
    html = (tmp_path / "apmbc-2025-06-27-to-2025-12-27.html").read_text(encoding="utf-8")
    assert opening_date(html) == "2025-06-27"


def test_without_out_a_fresh_temporary_folder_is_used_and_printed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert export("--dates", DAYS[1], "--size", "square", "--scale", "0.5") == 0
    folder = Path(capsys.readouterr().out.splitlines()[-1].rsplit(" in ", 1)[1])
    assert folder.parent == tmp_path and folder.name.startswith("apmbc-export-")
    [written] = folder.iterdir()
    assert written.name == f"apmbc-{DAYS[1]}.png"
    assert Image.open(written).size == (540, 540)


def test_a_broken_dataset_lists_its_problems_and_exits_1(tmp_path, capsys):
    broken = write(tmp_path, mutate(minimal_yaml(), "iso3: NOR", "iso3: XXX"))
    out = tmp_path / "out"
    assert main(["--dataset", str(broken), "--dates", DAYS[0], "--out", str(out)]) == 1
    errors = capsys.readouterr().err
    assert "problem(s); nothing exported" in errors and "XXX" in errors
    assert not out.exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["--dates", "2025-13-01"],
        ["--changes-to", "2025-12-31"],
        ["--changes-from", "2030-01-01"],
        ["--dates", DAYS[0], "--formats", "bmp"],
        ["--dates", DAYS[0], "--size", "wide"],
        ["--dates", DAYS[0], "--scale", "0"],
        ["--dates", DAYS[0], "--out", str(DATA_DIR / "exports")],
    ],
    ids=["bad date", "to without from", "no change in range", "bad format", "bad size", "bad scale", "into data/"],
)
def test_usage_errors_exit_2_and_write_nothing(arguments, capsys):
    with pytest.raises(SystemExit) as stopped:
        export(*arguments)
    assert stopped.value.code == 2
    assert capsys.readouterr().err
    assert not (DATA_DIR / "exports").exists()


def test_a_region_frames_the_images_in_its_projection_and_names_the_files(tmp_path, capsys):
    for region in ("europe", "world"):
        assert export("--dates", DAYS[1], "--formats", "png", "svg", "--region", region, "--out", str(tmp_path)) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "apmbc-2025-12-27-world.png", "apmbc-2025-12-27-world.svg", "apmbc-2025-12-27.png", "apmbc-2025-12-27.svg",
    ]
    europe = Image.open(tmp_path / "apmbc-2025-12-27.png").convert("RGB")
    world = Image.open(tmp_path / "apmbc-2025-12-27-world.png").convert("RGB")
    assert europe.size == world.size == (1920, 1080)
    differing = (np.asarray(europe) != np.asarray(world)).any(axis=2).sum()
    assert differing > 0.2 * 1920 * 1080  # a different map, not a different caption
    # The world's frame shows Brazil (in its Equal Earth projection; a State Party since 1999), which Europe's does not reach.
    brazil = (-47.88, -15.79)
    world_renderer = SnapshotRenderer(real_data("world").inputs)
    europe_renderer = SnapshotRenderer(real_data().inputs)
    assert world.getpixel(world_renderer.pixel_at(*brazil)) == expected_rgb("party")
    column, row = europe_renderer.pixel_at(*brazil)
    assert not (0 <= column < 1920 and 0 <= row < 1080)


def test_the_svg_of_a_region_has_the_images_view_box_and_the_regions_frame(tmp_path):
    assert export("--dates", DAYS[1], "--formats", "svg", "--region", "africa", "--out", str(tmp_path)) == 0
    svg = (tmp_path / "apmbc-2025-12-27-africa.svg").read_text(encoding="utf-8")
    assert re.search(r'<svg[^>]* viewBox="0 0 1382\.4 777\.6"', svg)  # 1920 x 1080 px at 72/100 pt per px
    x0, y0, x1, y1 = REGIONS["africa"].print_extent
    axes = SnapshotRenderer(real_data("africa").inputs).map_axes
    (left, right), (bottom, top) = axes.get_xlim(), axes.get_ylim()
    assert left <= x0 and right >= x1 and bottom == pytest.approx(y0) and top == pytest.approx(y1)  # widened to 16:9 only


def test_an_unknown_region_is_a_usage_error_naming_the_valid_ones(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        export("--dates", DAYS[1], "--region", "mars", "--out", str(tmp_path))
    assert stopped.value.code == 2
    assert ("'mars' is not a region: use one of world, europe, nordic-baltic, africa, americas, asia-pacific, middle-east"
            in capsys.readouterr().err)
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("days", "formats", "message"),
    [
        ([], ["png"], "no dates to export"),
        ([WITHDRAWN_DAY], ["png", "doc", "bmp"], "unknown format(s) bmp, doc"),
        ([], ["doc"], "unknown format(s) doc"),
    ],
)
def test_a_batch_with_no_date_or_an_unknown_format_is_refused_before_anything_is_written(tmp_path, days, formats, message):
    with pytest.raises(ValueError) as refused:
        export_batch(real_data(), days, formats, tmp_path / "out")
    assert str(refused.value) == message
    assert not (tmp_path / "out").exists()


def test_by_default_a_batch_is_drawn_at_scale_one_on_an_opaque_background(tmp_path):
    [png] = export_batch(real_data(), [WITHDRAWN_DAY], ["png"], tmp_path, size=(720, 540))
    picture = Image.open(png)
    assert picture.size == (720, 540)
    assert picture.convert("RGBA").getextrema()[3] == (255, 255), "no transparent pixel"


def test_a_transparent_batch_goes_into_a_folder_made_with_its_parents(tmp_path):
    out_dir = tmp_path / "briefing" / "maps"
    [png] = export_batch(real_data(), [WITHDRAWN_DAY], ["png"], out_dir, size=(720, 540), transparent=True)
    assert png.parent == out_dir
    assert Image.open(png).convert("RGBA").getextrema()[3][0] == 0, "the background is transparent"


ONE_STEP = "title: One step\ntreaty: apmbc\nsteps:\n  - title: Three withdrawals take effect\n    date: 2025-12-27\n"


def real_data_for(region):
    """The real data framed for a storyboard step's region."""
    return real_data(region.id)


def test_a_storyboard_asked_for_in_formats_it_has_not_is_refused_naming_them_and_the_formats_it_has():
    with pytest.raises(ValueError) as refused:
        storyboard_files(real_data_for, parse_storyboard(ONE_STEP, "one.yaml"), ["svg", "pdf", "png"])
    assert str(refused.value) == "a storyboard is not exported as png, svg: choose from pdf, gif, pptx"


def test_a_storyboard_is_written_into_a_new_nested_folder_at_the_size_asked_for_unscaled_by_default(tmp_path):
    out = tmp_path / "briefings" / "2025"
    paths = export_storyboard(real_data_for, parse_storyboard(ONE_STEP, "one.yaml"), ["gif"], out, "one-step", size=(480, 360))
    assert paths == [out / "one-step.gif"]
    assert Image.open(paths[0]).size == (480, 360)
    gif = storyboard_files(real_data_for, parse_storyboard(ONE_STEP, "one.yaml"), ["gif"], size=(480, 360))["gif"]
    assert Image.open(io.BytesIO(gif)).size == (480, 360)
    scaled = storyboard_files(real_data_for, parse_storyboard(ONE_STEP, "one.yaml"), ["gif"], size=(480, 360), scale=0.5)["gif"]
    assert Image.open(io.BytesIO(scaled)).size == (240, 180)


def test_the_export_data_marks_the_small_states_of_the_region_asked_for():
    """The world marks states under 15,000 km2 (Europe only those under 1,000): Jamaica and Luxembourg, not El Salvador."""
    small = set(load_export_data(Path(REAL_DATASET), WORLD).microstates["iso3"])
    assert {"AND", "LUX", "JAM"} <= small
    assert "SLV" not in small
