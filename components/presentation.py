"""Presentation mode: a full-width map with large type for a projector, no sidebar or toolbar."""
from __future__ import annotations

import streamlit as st

from components.notices import literal, notice

PRESENT = "present"

_PAGE_CSS = """
<style>
  .block-container { padding-top: 1.2rem; padding-bottom: 0.5rem; }
</style>
"""
_PRESENTATION_CSS = """
<style>
  header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
  [data-testid="stSidebarCollapsedControl"], footer { display: none !important; }
  .block-container { padding: 0.6rem 1.2rem 0 1.2rem !important; max-width: 100% !important; }
  .block-container h2 { font-size: 2.2rem; }
  .block-container h4 { font-size: 1.7rem; }
</style>
"""


def presentation_switch(container) -> bool:
    """The switch, bound to `?present=1`; returns whether presentation mode is on."""
    if PRESENT not in st.session_state:
        wanted = st.query_params.get(PRESENT)
        st.session_state[PRESENT] = wanted in ("1", "true")
        if wanted not in (None, "0", "1", "true", "false"):
            notice(f"The link's presentation setting {literal(wanted)} is not 1 or 0: presentation mode is off.")
    on = container.toggle("Presentation mode", key=PRESENT)  # no help icon: one Tab stop fewer before the map
    if on:
        st.query_params[PRESENT] = "1"
    else:
        st.query_params.pop(PRESENT, None)
    st.html(_PRESENTATION_CSS if on else _PAGE_CSS)
    return on
