"""Title, what the map shows, how current the data is, and whose borders it draws."""
from __future__ import annotations

import streamlit as st

from components.notices import plain

from treaty.dates import long_date
from treaty.model import Dataset


def header(dataset: Dataset, geometry_metadata: dict) -> None:
    treaty = dataset.treaty
    st.markdown(f"### Who is bound by the {plain(treaty.short_name)}?")
    st.caption(
        plain(
            f"{treaty.name}. Data as of {long_date(dataset.as_of)}. "
            f"Borders: Natural Earth {geometry_metadata.get('version', '')}, {geometry_metadata.get('point_of_view', '')}."
        )
    )
