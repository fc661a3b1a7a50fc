"""The Download tab's briefing hand-outs: made on request with progress, offered as three files; a bad file named."""
from __future__ import annotations

import io

import streamlit as st
from PIL import Image
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from components import briefing_downloads
from tests.export_fixtures import real_data

STORY = """\
title: "Baltic exits: 2025"
treaty: apmbc
steps:
  - title: Three deposits
    date: 2025-06-27
    highlight: [EST, LVA, LTU]
  - title: Before and after
    before: 2025-01-01
    after: 2026-03-01
"""
APP = f'''
from storyboard.loader import parse_storyboard
from components.briefing_downloads import briefing_downloads
from tests.export_fixtures import real_data
data = real_data()
briefing_downloads(lambda region: data, data.inputs.dataset, parse_storyboard("""{STORY}""", "story.yaml"))
'''


def test_the_hand_outs_are_made_only_when_asked_then_offered_as_deck_handout_and_gif():
    app = AppTest.from_string(APP, default_timeout=120).run()
    assert not app.exception
    assert not app.get("download_button")
    [make] = [button for button in app.button if button.label == "Make the hand-outs"]
    app = make.click().run()
    assert not app.exception
    buttons = app.get("download_button")
    assert [button.proto.label for button in buttons] == [
        "PowerPoint deck of the briefing", "PDF of the briefing", "Animated GIF of the briefing",
    ]
    files = app.session_state[briefing_downloads.MADE][1]
    assert list(files) == ["pptx", "pdf", "gif"]
    assert len(Presentation(io.BytesIO(files["pptx"])).slides) == 3  # two steps and the sources
    assert Image.open(io.BytesIO(files["gif"])).n_frames == 2


class Uploaded:
    name = "broken.yaml"

    def getvalue(self) -> bytes:
        return STORY.replace("[EST, LVA, LTU]", "[EST, XYZ]").encode()


def test_a_file_with_problems_is_refused_with_each_problem_placed(monkeypatch):
    said = []
    monkeypatch.setattr(st, "file_uploader", lambda label, **options: Uploaded())
    monkeypatch.setattr(st, "error", said.append)
    monkeypatch.setattr(st, "code", lambda text, **options: said.append(text))
    monkeypatch.setattr(st, "button", lambda *arguments, **options: (_ for _ in ()).throw(AssertionError("offered to make")))
    data = real_data()
    briefing_downloads.briefing_downloads(lambda region: data, data.inputs.dataset)
    assert said == [
        "broken.yaml has 1 problem(s); nothing was made from it.",
        "broken.yaml:6: step 1 (\"Three deposits\"), field 'highlight.1': 'XYZ' is not a state in the Mine Ban Convention file nor on the map",
    ]


def test_a_storyboard_of_another_treaty_is_not_drawn_on_this_one(monkeypatch):
    warned = []
    monkeypatch.setattr(st, "warning", warned.append)
    monkeypatch.setattr(st, "button", lambda *arguments, **options: (_ for _ in ()).throw(AssertionError("offered to make")))
    from storyboard.loader import parse_storyboard

    other = parse_storyboard(STORY.replace("treaty: apmbc", "treaty: ccm"), "ccm.yaml")
    data = real_data()
    briefing_downloads.briefing_downloads(lambda region: data, data.inputs.dataset, other)
    assert warned == ["This storyboard is about the treaty 'ccm': choose that treaty above to hand it out."]


def test_the_files_are_named_after_the_storyboards_title():
    from storyboard.loader import parse_storyboard

    assert briefing_downloads._stem(parse_storyboard(STORY, "x.yaml")) == "baltic-exits-2025"
