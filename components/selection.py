"""The selected state, shared by the map, the timeline and the record panel, and kept in `?state=`."""
from __future__ import annotations

import streamlit as st

from components.notices import literal, notice

SELECTED = "selected"
URL_KEY = "state"


def selected_state(codes: set[str]) -> str | None:
    """The selected ISO code, read once from the URL in any case (?state=pol is Poland); an unknown code
    is dropped with a notice."""
    if SELECTED not in st.session_state:
        wanted = st.query_params.get(URL_KEY)
        code = wanted.strip().upper() if wanted else None  # ISO codes are upper case; a typed link may not be
        st.session_state[SELECTED] = code if code in codes else None
        if wanted is not None and code not in codes:
            notice(f"The link's state {literal(wanted, 20)} is not in this dataset: no state is selected.")
    if st.session_state[SELECTED] not in codes:
        st.session_state[SELECTED] = None
    return st.session_state[SELECTED]


def select(iso3: str | None) -> None:
    st.session_state[SELECTED] = iso3


def keep_in_url(iso3: str | None) -> None:
    if iso3:
        st.query_params[URL_KEY] = iso3
    else:
        st.query_params.pop(URL_KEY, None)
