"""The format registry: one table read by the command line and the Download tab, so a new format is
one entry and its writer."""
import io
from datetime import date

import pytest
import streamlit as st
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from components import downloads
from components.data import Geometry
from export import formats
from export.__main__ import main
from export.formats import FORMATS, ExportFormat, Run, Scope
from storyboard.model import Callout
from tests.export_fixtures import PENDING_DAY, WITHDRAWN_DAY, embedded, opening_date, real_data
from tests.treaty_fixtures import REAL_DATASET


def test_the_table_names_each_format_its_mime_type_and_scope():
    assert {name: (fmt.mime, fmt.scope, fmt.on_download_tab) for name, fmt in FORMATS.items()} == {
        "png": ("image/png", Scope.PER_DATE, True),
        "svg": ("image/svg+xml", Scope.PER_DATE, True),
        "pdf": ("application/pdf", Scope.PER_DATE, True),
        "html": ("text/html", Scope.PER_RUN, True),
        "gif": ("image/gif", Scope.PER_RUN, False),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Scope.PER_RUN, False),
    }


def test_files_are_named_by_treaty_and_date_or_by_the_run_of_dates():
    dataset = real_data().inputs.dataset
    assert FORMATS["png"].file_name(dataset, [WITHDRAWN_DAY]) == "apmbc-2025-12-27.png"
    assert FORMATS["gif"].file_name(dataset, [PENDING_DAY, WITHDRAWN_DAY]) == "apmbc-2025-12-26-to-2025-12-27.gif"
    assert FORMATS["html"].file_name(dataset, [WITHDRAWN_DAY]) == "apmbc-2025-12-27.html"
    three = [date(2025, 6, 27), date(2025, 12, 27), date(2026, 1, 10)]
    assert FORMATS["pptx"].file_name(dataset, three) == "apmbc-2025-06-27-to-2026-01-10.pptx", "first to last date"


def test_a_per_date_writer_takes_one_date_only():
    with pytest.raises(ValueError):
        FORMATS["png"].write(Run(real_data()), [PENDING_DAY, WITHDRAWN_DAY])


def test_an_html_only_run_draws_no_figure():
    run = Run(real_data())
    page = FORMATS["html"].write(run, [WITHDRAWN_DAY]).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and opening_date(page) == "2025-12-27"
    assert "renderer" not in vars(run)  # the cached figure was never made


@pytest.fixture
def csv_format(monkeypatch):
    """A made-up format added the way a real one would be: one entry in the table, with its writer."""

    def write(run: Run, days: list[date]) -> bytes:
        [day] = days
        return f"{run.data.inputs.dataset.treaty.id},{day.isoformat()}\n".encode()

    entry = ExportFormat("csv", "CSV of the day", "text/csv", Scope.PER_DATE, write, on_download_tab=True)
    monkeypatch.setitem(formats.FORMATS, "csv", entry)
    return entry


def test_a_new_format_in_the_table_reaches_the_command_line(csv_format, tmp_path, capsys):
    assert main(["--dataset", str(REAL_DATASET), "--dates", "2025-12-26", "2025-12-27", "--formats", "csv", "--out", str(tmp_path)]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["apmbc-2025-12-26.csv", "apmbc-2025-12-27.csv"]
    assert (tmp_path / "apmbc-2025-12-27.csv").read_text() == "apmbc,2025-12-27\n"


def test_a_new_format_in_the_table_reaches_the_download_tab(csv_format, monkeypatch):
    offered = {}
    monkeypatch.setattr(st, "download_button", lambda label, **options: offered.setdefault(label, options))
    data = real_data()
    geometry = Geometry(data.countries, data.microstates, tuple(data.countries["iso3"]), data.inputs.geometry_metadata)
    downloads.download_buttons(data.inputs.dataset, data.inputs.timelines, WITHDRAWN_DAY, geometry, ("csv-test", 1))
    options = offered["CSV of the day"]
    assert (options["file_name"], options["mime"], options["data"]()) == ("apmbc-2025-12-27.csv", "text/csv", b"apmbc,2025-12-27\n")


def story_run(region: str = "europe", highlight=frozenset({"LTU"}), callouts=(Callout(state="LTU", text="First to leave"),)) -> Run:
    return Run(real_data(region), size=(320, 180), highlight=highlight, callouts=callouts)


def test_the_deck_shows_the_highlight_and_callouts_in_its_picture_and_alt_text():
    run = story_run()
    [slide] = Presentation(io.BytesIO(FORMATS["pptx"].write(run, [WITHDRAWN_DAY]))).slides
    [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture._element.nvPicPr.cNvPr.get("descr").endswith("Outlined: Lithuania. Callout at Lithuania: “First to leave”.")
    assert picture.image.blob == FORMATS["png"].write(run, [WITHDRAWN_DAY])  # the same picture as the PNG export


def test_the_gif_draws_the_highlight_and_the_callouts():
    plain = FORMATS["gif"].write(story_run(highlight=frozenset(), callouts=()), [WITHDRAWN_DAY])
    assert FORMATS["gif"].write(story_run(callouts=()), [WITHDRAWN_DAY]) != plain
    assert FORMATS["gif"].write(story_run(highlight=frozenset()), [WITHDRAWN_DAY]) != plain


def test_the_html_map_carries_the_highlight_the_callouts_and_the_regions_view():
    page = embedded(FORMATS["html"].write(story_run("nordic-baltic"), [WITHDRAWN_DAY]).decode("utf-8"), "tm-page")
    assert page["story"]["highlight"] == ["LTU"]
    assert [callout["lines"] for callout in page["story"]["callouts"]] == [["First to leave"]]
    assert page["fit"] == [[53.5, -24.5], [71.2, 31.6]]  # the Nordic–Baltic view, not Europe's
