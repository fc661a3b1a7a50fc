"""The region the map shows and the counts are given for, bound to `?region=` (World, Europe, Africa...).
Choosing one moves the map to the region's view in the browser: the map and its history stay loaded."""
from __future__ import annotations

import streamlit as st

from components.notices import literal, notice
from geo.regions import DEFAULT_REGION, REGIONS, WORLD, Region, region_by_id

REGION = "region"  # the session key and the address's parameter


def region_choice(container) -> Region:
    """The selector; a region named in the link (any case) is chosen once, an unknown one is dropped with a notice."""
    if REGION not in st.session_state:
        wanted = st.query_params.get(REGION)
        region = region_by_id(wanted) if wanted is not None else DEFAULT_REGION
        if region is None:
            names = ", ".join(REGIONS)
            notice(f"The link's region {literal(wanted, 30)} is not one of {names}: showing {DEFAULT_REGION.label}.")
            region = DEFAULT_REGION
        st.session_state[REGION] = region.id
    chosen = container.selectbox(
        "Region", list(REGIONS), format_func=lambda region_id: REGIONS[region_id].label, key=REGION, label_visibility="collapsed",
    )
    if chosen == DEFAULT_REGION.id:
        st.query_params.pop(REGION, None)
    else:
        st.query_params[REGION] = chosen
    return REGIONS[chosen]


def region_filter(label: str, key: str, region: Region) -> frozenset[str] | None:
    """A selector of the states a table or chart shows, opening on the page's region: the members'
    codes, or None for the whole world."""
    chosen = st.selectbox(
        label, list(REGIONS), index=list(REGIONS).index(region.id), format_func=lambda region_id: REGIONS[region_id].label,
        key=f"{key}-{region.id}",  # a new region on the page opens the filter on it again
    )
    return None if chosen == WORLD.id else REGIONS[chosen].members
