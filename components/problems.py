"""A panel listing a dataset's problems, in place of a traceback."""
from __future__ import annotations

import streamlit as st

from treaty.loader import Problem

SHOWN = 50


def problems_panel(problems: list[Problem], stale: bool) -> None:
    heading = (
        "The dataset file has problems: showing the last version that passed validation."
        if stale
        else "The dataset file has problems, so the map cannot be drawn."
    )
    with st.container(border=True):
        st.error(f"**{heading}** Fix the file and reload the page. {len(problems)} problem(s):")
        st.code("\n".join(str(problem) for problem in problems[:SHOWN]), language=None)
        if len(problems) > SHOWN:
            st.caption(f"…and {len(problems) - SHOWN} more: run `python -m treaty validate` for the full list.")
