"""`python -m export`: the files it writes (each opened and checked), its names and its exit codes."""
from __future__ import annotations

import io
import tempfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageSequence
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from export.__main__ import DATA_DIR, main
from export.batch import changes_between
from render.captions import title_on
from render.snapshot import SnapshotRenderer
from tests.export_fixtures import PENDING_DAY, WITHDRAWN_DAY, interior_point, pdf_text, real_data, rgb, tags_of
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
        assert describe_day(compiled, day) in notes
        assert "Key sources: " in notes and "Made with Natural Earth" in notes


def test_title_and_subtitle_from_the_command_line_reach_every_image_and_the_deck(tmp_path):
    title, subtitle = "Baltic exits from the Ottawa Convention", "Note for the committee, 5 January 2026"
    assert export("--dates", DAYS[1], "--formats", "png", "svg", "pdf", "pptx", "--title", title, "--subtitle", subtitle,
                  "--out", str(tmp_path), *SMALL) == 0
    stem = tmp_path / f"apmbc-{DAYS[1]}"
    svg = stem.with_suffix(".svg").read_text(encoding="utf-8")
    assert f">{title}<" in svg and f">{subtitle}<" in svg and "Mine Ban Convention on" not in svg
    pdf = pdf_text(stem.with_suffix(".pdf").read_bytes())
    assert title in pdf and subtitle in pdf
    assert f"<dc:title>{title}</dc:title>" in svg  # the file's own title too
    assert Presentation(str(stem.with_suffix(".pptx"))).slides[0].shapes.title.text == title
    assert Image.open(stem.with_suffix(".png")).text["Title"] == title  # drawn by the same figure as the SVG


def test_the_gif_steps_through_every_change_date_in_the_range(tmp_path):
    assert export("--changes-from", "2025-06-01", "--changes-to", "2026-12-31", "--formats", "gif", "--out", str(tmp_path), *SMALL) == 0
    days = changes_between(real_data().inputs.timelines, date(2025, 6, 1), date(2026, 12, 31))
    assert WITHDRAWN_DAY in days
    [gif] = tmp_path.iterdir()
    assert gif.name == f"apmbc-{days[0]}-to-{days[-1]}.gif"
    frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(Image.open(gif))]
    assert len(frames) == len(days)
    # Status colours survive the 256-colour palette exactly: Lithuania on the day it leaves.
    where = SnapshotRenderer(real_data().inputs, (1440, 1080), 0.5).pixel_at(*interior_point(real_data(), "LTU"))
    assert frames[days.index(WITHDRAWN_DAY)].getpixel(where) == rgb(Status.WITHDRAWN.value)
    assert frames[days.index(WITHDRAWN_DAY) - 1].getpixel(where) == rgb(Status.WITHDRAWAL_PENDING.value)


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
