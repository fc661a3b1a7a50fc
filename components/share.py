"""Sharing and printing: a Copy-link button for the page's address (which holds treaty, date, state, tab,
presentation mode and the map's view), and a print stylesheet: one landscape page with the day's sentence,
the map, its legend and date, and no buttons."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

# A folder Streamlit serves as a component: the button's page (index.html) travels as a file, not as
# HTML in every message.
_copy_link = components.declare_component("copy_link", path=str(Path(__file__).parent / "copy_link"))

PRINT_CSS = """
<style>
  @page { size: landscape; margin: 8mm; }
  @media print {
    header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"], [data-testid="stDecoration"],
    footer, [data-testid="stTabs"], [data-testid="stAlert"], [data-testid="stButton"], [data-testid="stDownloadButton"],
    [data-testid="stButtonGroup"], [data-testid="stCheckbox"], .st-key-copy_link, .st-key-theme, .st-key-region { display: none !important; }
    /* The text version prints when opened; folded, it would print as a bare line to click. */
    .st-key-text_version:has(details:not([open])) { display: none !important; }
    .block-container { padding: 0 !important; max-width: 100% !important; }
    /* The map with its legend and date line fills the rest of the page, never split over two. */
    .st-key-map_frame iframe { height: 150mm !important; break-inside: avoid; }
  }
</style>
"""


def copy_link_button(container) -> None:
    with container.container(key="copy_link"):
        _copy_link(key="copy_link_button", default=None)


def print_stylesheet() -> None:
    st.html(PRINT_CSS)
