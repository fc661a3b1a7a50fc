"""The app's download buttons: one per format, named by treaty and date, made only when pressed."""
from __future__ import annotations

import io

import streamlit as st
from PIL import Image
from streamlit.testing.v1 import AppTest

from components import downloads
from components.data import Geometry
from tests.export_fixtures import WITHDRAWN_DAY, opening_date, real_data

APP = """
from datetime import date
from components.data import load_geometry, load_treaty
from components.downloads import download_buttons
from tests.treaty_fixtures import REAL_DATASET
treaty = load_treaty(REAL_DATASET)
download_buttons(treaty.dataset, treaty.timelines, date(2025, 12, 27), load_geometry(), treaty.version)
"""


def geometry() -> Geometry:
    data = real_data()
    return Geometry(data.countries, data.microstates, tuple(data.countries["iso3"]), data.inputs.geometry_metadata)


def test_the_page_gets_four_buttons_whose_files_are_made_only_on_click():
    app = AppTest.from_string(APP, default_timeout=60).run()
    assert not app.exception
    buttons = app.get("download_button")
    assert [button.proto.label for button in buttons] == ["PNG slide (16:9)", "SVG", "PDF", "Offline HTML map"]
    assert all(button.proto.deferred_file_id and not button.proto.url for button in buttons)


def test_each_button_offers_its_format_named_by_treaty_and_date(monkeypatch):
    offered = []
    monkeypatch.setattr(st, "download_button", lambda label, **options: offered.append(options))
    data = real_data()
    downloads.download_buttons(data.inputs.dataset, data.inputs.timelines, WITHDRAWN_DAY, geometry(), ("real", 1))
    files = {options["file_name"]: (options["mime"], options["data"]()) for options in offered}
    assert set(files) == {f"apmbc-2025-12-27.{fmt}" for fmt in ("png", "svg", "pdf", "html")}
    mime, png = files["apmbc-2025-12-27.png"]
    assert mime == "image/png" and Image.open(io.BytesIO(png)).size == (1920, 1080)
    assert files["apmbc-2025-12-27.svg"][1].startswith(b"<?xml")
    assert files["apmbc-2025-12-27.pdf"][1].startswith(b"%PDF")
    html = files["apmbc-2025-12-27.html"][1].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and opening_date(html) == "2025-12-27"
    again = next(options for options in offered if options["file_name"].endswith(".png"))["data"]()
    assert again is png  # made once per dataset version, date and format


def test_the_title_and_subtitle_typed_in_the_tab_reach_the_images(monkeypatch):
    typed = {"Title on the image": "Baltic exits", "Subtitle": "Note for the committee"}
    offered = []
    monkeypatch.setattr(st, "text_input", lambda label, **options: typed[label])
    monkeypatch.setattr(st, "download_button", lambda label, **options: offered.append(options))
    data = real_data()
    downloads.download_buttons(data.inputs.dataset, data.inputs.timelines, WITHDRAWN_DAY, geometry(), ("real", 1))
    svg = next(options for options in offered if options["file_name"].endswith(".svg"))["data"]().decode("utf-8")
    assert ">Baltic exits<" in svg and ">Note for the committee<" in svg
    assert "Mine Ban Convention on 27 December 2025" not in svg.split("</desc>", 1)[1]  # only the text alternative names it


def test_the_links_highlight_and_callouts_reach_the_files_and_the_tab_says_so(monkeypatch):
    from components.story import Story
    from storyboard.model import Callout

    offered, captions = [], []
    monkeypatch.setattr(st, "download_button", lambda label, **options: offered.append(options))
    monkeypatch.setattr(st, "caption", captions.append)
    data = real_data()
    story = Story(frozenset({"LTU", "LVA"}), (Callout(text="First to leave", state="LTU"),))
    downloads.download_buttons(data.inputs.dataset, data.inputs.timelines, WITHDRAWN_DAY, geometry(), ("real", 1), story=story)
    svg = next(options for options in offered if options["file_name"].endswith(".svg"))["data"]().decode("utf-8")
    assert 'id="highlight-LTU"' in svg and 'id="highlight-LVA"' in svg and "First to leave" in svg
    assert "From the link, in every file below: LTU, LVA outlined, the other states muted; 1 callout(s)." in captions
