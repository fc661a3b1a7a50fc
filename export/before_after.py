"""Before and after as one file: a picture (PNG, SVG, PDF) with both maps and the changes, or a deck of
ONE slide holding that picture, the changes in its speaker notes."""
from __future__ import annotations

from datetime import date

from export.deck import Slide, deck_bytes
from export.formats import ExportData, notes_for
from render.before_after import BeforeAfterRenderer, summary, title_for
from render.captions import file_stem
from render.snapshot import SIZE_PRESETS, Heading
from storyboard.model import Callout

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
           "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def file_name(data: ExportData, before: date, after: date, fmt: str) -> str:
    """e.g. apmbc-2025-06-01-and-2026-03-01.pptx"""
    return f"{file_stem(data.inputs.dataset, before)}-and-{after.isoformat()}.{fmt}"


def before_after_file(
    data: ExportData, before: date, after: date, fmt: str, size: tuple[int, int] = SIZE_PRESETS["16:9"], *,
    heading: Heading = Heading(), highlight: frozenset[str] = frozenset(), callouts: tuple[Callout, ...] = (),
) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    renderer = BeforeAfterRenderer(data.inputs, before, after, size)
    picture = renderer.render_pair("png" if fmt == "pptx" else fmt, heading=heading, highlight=highlight, callouts=callouts)
    if fmt != "pptx":
        return picture
    changes = "\n".join(change.sentence for change in renderer.changes)
    notes = f"{summary(renderer.changes, before, after)}\n{changes}\n\n{notes_for(data, after)}"
    title = title_for(heading, data.inputs.dataset.treaty.short_name, before, after)
    return deck_bytes([Slide(title, picture, notes, renderer.description())], size)
