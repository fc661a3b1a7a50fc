"""The page's top row (treaty, region, theme, Copy link, presentation), then the title, what the map shows, how
current the data is, and whose borders it draws."""
from __future__ import annotations

import streamlit as st

from components.notices import plain

from treaty.dates import long_date
from treaty.model import Dataset


# The top row's controls side by side on a wide window; on a narrow one (a laptop at 150 or 200 % zoom, where
# Streamlit does not yet stack the columns) the row wraps: the treaty on a row of its own, the others two by two,
# so that no label is cut ("Euro" for Europe). The row wraps inside the window: nothing scrolls sideways.
_TOP_ROW_CSS = """
<style>
  @media (max-width: 1100px) {
    .st-key-top_row [data-testid="stHorizontalBlock"] { flex-wrap: wrap; row-gap: 0.6rem; }
    .st-key-top_row [data-testid="stColumn"] { flex: 1 1 calc(50% - 1rem) !important; width: auto !important; min-width: min(100%, 11rem) !important; }
    .st-key-top_row [data-testid="stColumn"]:first-child { flex-basis: 100% !important; }
  }
</style>
"""


def top_row(weights: list[float]) -> list:
    """The columns of the page's top row, wrapping on a narrow window."""
    st.html(_TOP_ROW_CSS)
    with st.container(key="top_row"):
        return st.columns(weights, vertical_alignment="center")


def header(dataset: Dataset, geometry_metadata: dict) -> None:
    treaty = dataset.treaty
    st.markdown(f"### Who is bound by the {plain(treaty.short_name)}?")
    st.caption(
        plain(
            f"{treaty.name}. Data as of {long_date(dataset.as_of)}. "
            f"Borders: Natural Earth {geometry_metadata.get('version', '')}, {geometry_metadata.get('point_of_view', '')}."
        )
    )
