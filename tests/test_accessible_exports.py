"""Accessible exports (issue 16 item 6): the text alternative read back from the SVG, the PDF and the
PowerPoint deck, and the map's text version. Expected wording is written out here, not derived."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from datetime import date

from pptx import Presentation

from export.formats import FORMATS, Run
from render.text_version import status_groups
from tests.export_fixtures import WITHDRAWN_DAY, pdf_text, real_data
from tests.test_export_deck import picture_alt_texts
from treaty.status import statuses_on

SENTENCE = (
    "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days. "
    "163 States Parties worldwide; in Europe 44 of 55 states are bound."
)
TITLE = "Mine Ban Convention on 27 December 2025"
SVG = "{http://www.w3.org/2000/svg}"


def export(fmt: str, days: list[date]) -> bytes:
    return FORMATS[fmt].write(Run(real_data()), days)


def test_the_svg_has_a_title_and_a_description_with_the_sentence_and_the_counts():
    root = ElementTree.fromstring(export("svg", [WITHDRAWN_DAY]))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == TITLE
    description = root.find(f"{SVG}desc").text
    assert description.startswith(f"Map of Europe: {TITLE}. {SENTENCE} States by status: ")
    assert "Withdrawn (former party) 3" in description  # Estonia, Latvia, Lithuania


def test_the_pdf_has_a_title_a_language_a_subject_and_selectable_text():
    pdf = export("pdf", [WITHDRAWN_DAY])
    assert b"/Type /Catalog" in pdf and re.search(rb"/Lang \(en\)", pdf)
    assert b"/Title (" + TITLE.encode() + b")" in pdf
    assert b"/Subject (Map of Europe: " + TITLE.encode() in pdf
    assert any(TITLE in text for text in pdf_text(pdf))  # text objects, not outlines


def test_the_pdf_cross_reference_table_points_at_each_object_after_the_language_is_added():
    pdf = export("pdf", [WITHDRAWN_DAY])
    table = pdf[pdf.rindex(b"\nxref\n") :]
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) \d{5} n", table)]
    assert offsets
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[start:].startswith(b"xref")


def test_each_slide_picture_carries_the_maps_text_alternative():
    deck = Presentation(io.BytesIO(export("pptx", [date(2025, 12, 26), WITHDRAWN_DAY])))
    alt = [picture_alt_texts(slide) for slide in deck.slides]
    assert alt[0][0].startswith(
        "Map of Europe: Mine Ban Convention on 26 December 2025. On 26 December 2025 there are 166 States Parties "
        "worldwide; in Europe 47 of 55 states are bound;"
    )
    assert alt[1][0].startswith(f"Map of Europe: {TITLE}. {SENTENCE}")


def test_the_text_version_groups_the_states_by_status_with_their_key_dates():
    groups = {group.label: group.states for group in status_groups(statuses_on(real_data().inputs.timelines, WITHDRAWN_DAY))}
    assert groups["Withdrawn (former party)"] == (
        "Estonia — since 27 December 2025", "Latvia — since 27 December 2025", "Lithuania — since 27 December 2025",
    )
    pending = groups["Withdrawal notified, pending (still bound)"]
    assert "Finland — withdrawal takes effect on 10 January 2026 (in 14 days)" in pending
    assert sum(len(states) for states in groups.values()) == 198  # every state in the file: the world
