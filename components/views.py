"""The tabs below the map; the link's `?view=` opens one of them (`?before=&after=` the Before-and-after tab)."""
from __future__ import annotations

import streamlit as st

from components.notices import literal, notice
from render.captions import SOURCES_TAB

TABS = ("State record", "All states", "Withdrawal timeline", "Compare treaties", "Before and after", "Storyboard", "Download",
        SOURCES_TAB)
URL_KEY = "view"


def check_view_link() -> None:
    """A view in the link that is not a tab: say so, and drop it so the first tab opens."""
    if (view := st.query_params.get(URL_KEY)) is not None and view not in TABS:
        notice(f"The link's view {literal(view)} is not one of the tabs: showing {TABS[0]}.")
        del st.query_params[URL_KEY]


def view_tabs() -> list:
    """The tabs, in the order of TABS, the open one kept in `?view=`; a link with two dates to compare
    (`?before=&after=`) and no view opens Before and after."""
    compare = "before" in st.query_params and "after" in st.query_params
    return st.tabs(list(TABS), key=URL_KEY, bind="query-params", default="Before and after" if compare else None)
