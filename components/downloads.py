"""Download buttons for the date on screen, one per format the Download tab offers (export/formats.py):
PNG (16:9 slide), SVG, PDF and the offline HTML map; the briefer may set the images' title and subtitle.

Each file is made only when its button is pressed: Streamlit (1.67) runs a callable `data` on click,
in a thread of its own, so moving the date costs four buttons, never four renders. A file once
made is kept per dataset version, date and format, for the next person who asks for it.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import streamlit as st

from components.briefing_downloads import briefing_downloads
from components.data import Geometry
from components.story import Story
from export.formats import FORMATS, ExportData, Run
from geo.countries import microstate_points
from geo.regions import DEFAULT_REGION, Region
from render.snapshot import Heading, prepare_inputs
from render.text_version import alt_text
from storyboard.model import Storyboard
from treaty.model import Dataset
from treaty.status import StateHistory


@st.cache_resource(show_spinner=False, max_entries=8)
def export_data(
    _dataset: Dataset, _timelines: tuple[StateHistory, ...], _geometry: Geometry, version: tuple, region: Region = DEFAULT_REGION
) -> ExportData:
    """Projected once per dataset file version and region."""
    inputs = prepare_inputs(_dataset, _timelines, _geometry.countries, _geometry.metadata, region)
    return ExportData(inputs, _geometry.countries, microstate_points(_geometry.countries, region))


@lru_cache(maxsize=16)
def file_bytes(data: ExportData, day: date, fmt: str, heading: Heading = Heading(), story: Story = Story()) -> bytes:
    """One export file; a new run (and figure) per call, so downloads in parallel threads never share one."""
    return FORMATS[fmt].write(Run(data, heading=heading, highlight=story.highlight, callouts=story.callouts), [day])


def download_buttons(
    dataset: Dataset, timelines: tuple[StateHistory, ...], day: date, geometry: Geometry, version: tuple,
    region: Region = DEFAULT_REGION, story: Story = Story(), storyboard: Storyboard | None = None,
) -> None:
    """A download button per format for `day` and the page's region, named e.g. apmbc-2025-12-27.png
    (apmbc-2025-12-27-world.png for another region than Europe), with the link's highlighted states and
    callouts; then the hand-outs of `storyboard` (or of a briefing file opened there)."""
    data = export_data(dataset, timelines, geometry, version, region)
    st.caption(f"Images of {region.label} (the region chosen at the top of the page).")
    left, right = st.columns(2)
    with left:
        title = st.text_input("Title on the image", key="export_title", max_chars=120, placeholder=Heading().title_for(dataset, day))
    with right:
        subtitle = st.text_input("Subtitle", key="export_subtitle", max_chars=240, placeholder="What changes that day (the sentence above the map)")
    heading = Heading(title, subtitle)
    if story.highlight or story.callouts:
        outlined = f"{', '.join(sorted(story.highlight))} outlined, the other states muted" if story.highlight else "no state outlined"
        st.caption(f"From the link, in every file below: {outlined}; {len(story.callouts)} callout(s).")
    for fmt in (fmt for fmt in FORMATS.values() if fmt.on_download_tab):
        st.download_button(
            fmt.label,
            data=lambda name=fmt.name: file_bytes(data, day, name, heading, story),
            file_name=fmt.file_name(dataset, [day], region),
            mime=fmt.mime,
            key=f"download-{fmt.name}",
            on_click="ignore",  # a download is not a reason to rerun the page
            icon=":material/download:",
            width="stretch",
        )
        if fmt.name == "png":
            # A picture needs its words beside it wherever it is pasted (WCAG 1.1.1): ready to copy.
            st.caption("Text alternative for the PNG: paste it as the picture's alt text")
            st.code(alt_text(dataset, timelines, day, region), language=None, wrap_lines=True)
    briefing_downloads(lambda region: export_data(dataset, timelines, geometry, version, region), dataset, storyboard)
