"""The Download tab's briefing hand-outs: a storyboard as a deck (a slide per step, then its sources), a PDF
handout (a page per step, then its sources) and an animated GIF (a frame per step), the same files as
`python -m export --storyboard`.

The storyboard is the page's own (the Storyboard tab) or a briefings/*.yaml file opened here; a file with
problems is refused with every problem named, and nothing else changes. Drawing takes a second or two
per step, so the files are made only when asked, with a progress bar, and kept for this storyboard
until it changes.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from export.batch import storyboard_files
from export.formats import STORYBOARD_FORMATS, ExportData
from geo.regions import Region
from storyboard.loader import StoryboardError, dump_storyboard, parse_storyboard
from storyboard.model import Storyboard
from treaty.model import Dataset

MADE = "briefing_files"  # session state: (the storyboard as YAML, {format: bytes})
OPENED_FILE_PROBLEMS_SHOWN = 20


def briefing_downloads(data_for: Callable[[Region], ExportData], dataset: Dataset, storyboard: Storyboard | None = None) -> None:
    """The hand-outs of `storyboard`, or of a file opened here when the page has none; `data_for(region)`
    is the page's data framed for a region."""
    st.markdown("##### Briefing hand-outs")
    if storyboard is None:
        storyboard = _opened_storyboard()
        if storyboard is None:
            return
    if storyboard.treaty != dataset.treaty.id:
        st.warning(f"This storyboard is about the treaty '{storyboard.treaty}': choose that treaty above to hand it out.")
        return
    steps = len(storyboard.steps)
    st.caption(f"“{storyboard.title}”: {steps} step{'s' * (steps != 1)}. A slide, a handout page and a GIF frame per step; "
               "the deck and the handout end with the sources behind the dates shown.")
    text = dump_storyboard(storyboard)
    made = st.session_state.get(MADE)
    if made is None or made[0] != text:
        if st.button("Make the hand-outs", key="briefing-make", icon=":material/slideshow:"):
            st.session_state[MADE] = made = (text, _make(data_for, storyboard))
        else:
            return
    stem = _stem(storyboard)
    for name, content in made[1].items():
        fmt = STORYBOARD_FORMATS[name]
        st.download_button(
            f"{fmt.label} of the briefing", data=content, file_name=f"{stem}.{name}", mime=fmt.mime,
            key=f"briefing-download-{name}", on_click="ignore", icon=":material/download:", width="stretch",
        )


def _make(data_for: Callable[[Region], ExportData], storyboard: Storyboard) -> dict[str, bytes]:
    formats = ["pptx", "pdf", "gif"]
    total = len(storyboard.steps) + len(formats)
    with st.status(f"Drawing {len(storyboard.steps)} steps…", expanded=True) as status:
        bar = st.progress(0.0)
        done = iter(range(total))

        def progress(what: str) -> None:
            bar.progress(next(done) / total, text=what)

        files = storyboard_files(data_for, storyboard, formats, progress=progress)
        bar.progress(1.0, text="Done")
        status.update(label="The hand-outs are ready", state="complete", expanded=False)
    return files


def _opened_storyboard() -> Storyboard | None:
    """The storyboard in a file opened here, or None (nothing opened, or every problem named)."""
    uploaded = st.file_uploader("Open a briefing file (briefings/*.yaml) to hand it out", type=["yaml", "yml"], key="briefing-file")
    if uploaded is None:
        return None
    try:
        return parse_storyboard(uploaded.getvalue().decode("utf-8", errors="replace"), uploaded.name)
    except StoryboardError as error:
        st.error(f"{uploaded.name} has {len(error.problems)} problem(s); nothing was made from it.")
        st.code("\n".join(str(problem) for problem in error.problems[:OPENED_FILE_PROBLEMS_SHOWN]), language=None)
        return None


def _stem(storyboard: Storyboard) -> str:
    """'leaving-the-mine-ban-convention-2025-2026': the title as a file name."""
    words = "".join(character.lower() if character.isalnum() else " " for character in storyboard.title).split()
    return "-".join(words)[:60].rstrip("-") or "briefing"
