"""Shared helpers for the export tests: the real dataset loaded once, a hostile one, and ways to read
back what the exporters wrote (pixels, PDF text, HTML tags)."""
from __future__ import annotations

import base64
import gzip
import json
import re
import zlib
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import shapely

from export.batch import load_export_data
from export.formats import ExportData
from geo.regions import DEFAULT_REGION, REGIONS
from tests.expected_colours import expected_rgb
from tests.treaty_fixtures import REAL_DATASET, minimal_yaml, mutate, write

# Lithuania's withdrawal: notified 27 June 2025, effective 27 December 2025.
PENDING_DAY, WITHDRAWN_DAY = date(2025, 12, 26), date(2025, 12, 27)
HOSTILE_NAME = "<script>alert(1)</script> $x$"
HOSTILE_TREATY = '<b onmouseover="alert(2)">Mine Ban</b> & Co'


@lru_cache(maxsize=4)
def real_data(region: str = DEFAULT_REGION.id) -> ExportData:
    """The committed dataset and geometry, framed for a region (Europe unless named) and projected once
    for the whole test session."""
    return load_export_data(REAL_DATASET, REGIONS[region])


def hostile_dataset(tmp_path: Path) -> Path:
    """The minimal dataset with markup and TeX in the treaty's short name and Lithuania's name."""
    text = mutate(minimal_yaml(), "name: Lithuania", f"name: '{HOSTILE_NAME}'")
    text = mutate(text, "short_name: Mine Ban Convention", f"short_name: '{HOSTILE_TREATY}'")
    return write(tmp_path, text)


def long_title_dataset(tmp_path: Path, short_name: str) -> Path:
    """The minimal dataset with another treaty short name, e.g. one too long for a title line."""
    return write(tmp_path, mutate(minimal_yaml(), "short_name: Mine Ban Convention", f"short_name: '{short_name}'"))


def interior_point(data: ExportData, iso3: str) -> tuple[float, float]:
    """A lon/lat point surely inside the state's shape and in the region's opening view (shapely's
    representative point of the shape's part in that view: Russia's in Europe, not in Siberia)."""
    countries = data.countries
    (south, west), (north, east) = data.inputs.region.view_fit
    shape = countries.loc[countries["iso3"] == iso3, "geometry"].iloc[0]
    point = shape.intersection(shapely.box(west, south, east, north)).representative_point()
    return point.x, point.y


def pdf_text(pdf: bytes) -> list[str]:
    """The text of each text object in a matplotlib PDF (Type 42 fonts: two-byte codes, UTF-16BE)."""
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue  # an embedded font or image, not page content
        for block in re.findall(rb"BT(.*?)ET", content, re.S):
            literals = re.findall(rb"\(((?:\\.|[^\\)])*)\)", block, re.S)
            raw = b"".join(re.sub(rb"\\(.)", rb"\1", literal, flags=re.S) for literal in literals)
            texts.append(raw.decode("utf-16-be", errors="replace"))
    return texts


def embedded(html: str, element_id: str):
    """The JSON the offline HTML map carries in <script id=element_id>: as it is (type application/json), or
    gzip-compressed in base64 (type application/gzip, the page's history and records)."""
    match = re.search(rf'<script type="application/(json|gzip)"(?: data-encoding="base64")? id="{element_id}">(.*?)</script>', html, re.S)
    kind, text = match.groups()
    return json.loads(gzip.decompress(base64.b64decode(text, validate=True)) if kind == "gzip" else text)


def opening_date(html: str) -> str:
    """The date the offline HTML map shows when it is opened."""
    page = embedded(html, "tm-page")
    return page["initial"]


class TagCollector(HTMLParser):
    """Every start tag with its attributes, and the text inside <style> elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def tags_of(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    return collector
