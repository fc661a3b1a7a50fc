"""Download buttons for the date on screen: PNG (16:9 slide), SVG, PDF and the offline HTML map.

Each file is made only when its button is pressed: Streamlit (1.67) runs a callable `data` on click,
in a thread of its own, so moving the date costs four buttons, never four renders. A file once
made is kept per dataset version, date and format, for the next person who asks for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import streamlit as st

from components.data import Geometry
from render.captions import file_stem
from render.snapshot import SnapshotInputs, prepare_inputs, render_snapshot
from render.standalone import standalone_html
from treaty.model import Dataset
from treaty.status import Timeline

# format: (button label, MIME type)
DOWNLOADS = {
    "png": ("PNG slide (16:9)", "image/png"),
    "svg": ("SVG", "image/svg+xml"),
    "pdf": ("PDF", "application/pdf"),
    "html": ("Offline HTML map", "text/html"),
}


@dataclass(frozen=True, eq=False)  # hashed by identity: one cache key per dataset version
class _Sources:
    inputs: SnapshotInputs
    geometry: Geometry


@st.cache_resource(show_spinner=False, max_entries=8)
def _sources(_dataset: Dataset, _timelines: tuple[Timeline, ...], _geometry: Geometry, version: tuple) -> _Sources:
    """Projected once per dataset file version."""
    return _Sources(prepare_inputs(_dataset, _timelines, _geometry.countries, _geometry.metadata), _geometry)


@lru_cache(maxsize=16)
def file_bytes(sources: _Sources, day: date, fmt: str) -> bytes:
    """One export file; a new figure per call, so downloads in parallel threads never share one."""
    if fmt == "html":
        inputs, geometry = sources.inputs, sources.geometry
        page = standalone_html(inputs.dataset, geometry.countries, geometry.microstates, geometry.metadata, day, inputs.timelines)
        return page.encode("utf-8")
    return render_snapshot(sources.inputs, day, fmt=fmt)


def download_buttons(dataset: Dataset, timelines: tuple[Timeline, ...], day: date, geometry: Geometry, version: tuple) -> None:
    """A download button per format for `day`, named e.g. apmbc-2025-12-27.png."""
    sources = _sources(dataset, timelines, geometry, version)
    for fmt, (label, mime) in DOWNLOADS.items():
        st.download_button(
            label,
            data=lambda fmt=fmt: file_bytes(sources, day, fmt),
            file_name=f"{file_stem(dataset, day)}.{fmt}",
            mime=mime,
            key=f"download-{fmt}",
            on_click="ignore",  # a download is not a reason to rerun the page
            icon=":material/download:",
            width="stretch",
        )
