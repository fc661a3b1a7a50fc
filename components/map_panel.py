"""The map for the chosen date, and what the viewer did on it (a click, an arrow key)."""
from __future__ import annotations

from datetime import date

import streamlit as st

from components.data import load_geometry
from components.map_view import prepare_frontend, publish_details, treaty_map
from components.selection import select
from render.captions import attribution_line
from render.palette import NOT_COVERED
from render.payload import PALETTE, PALETTE_INDEX, date_payload, details_payload
from treaty.model import Dataset
from treaty.status import StateStatus

MAP_KEY = "treaty_map"
EUROPE_VIEW = [[35.0, -11.0], [70.5, 41.0]]  # south-west, north-east: Portugal to the Urals' foothills


@st.cache_resource(show_spinner=False)
def _frontend_ready() -> bool:
    """Write the map document once, with what never changes between dates (palette, attribution, view)."""
    geometry = load_geometry()
    constant = {
        "palette": PALETTE,
        "codes": list(geometry.codes),
        "attribution": attribution_line(geometry.metadata),
        "view_bounds": EUROPE_VIEW,
        "min_height": 420,
    }
    prepare_frontend(geometry.countries, geometry.microstates, constant)
    return True


@st.cache_resource(show_spinner=False, max_entries=16)
def _details_url(_dataset: Dataset, version: tuple) -> str:
    return publish_details(details_payload(_dataset))


def apply_map_action(step_to_change) -> None:
    """Act on the map's last message before any widget is drawn, so it can move the date."""
    action = st.session_state.get(MAP_KEY)
    if not action or action.get("nonce") == st.session_state.get("map_nonce"):
        return
    st.session_state["map_nonce"] = action.get("nonce")
    if action.get("action") == "select":
        select(action.get("iso3"))
    elif action.get("action") == "step":
        step_to_change(action.get("step"))


def map_panel(dataset: Dataset, version: tuple, statuses: list[StateStatus], day: date, selected: str | None, title: str, height: int, last_change: bool) -> None:
    _frontend_ready()
    geometry = load_geometry()
    payload = date_payload(statuses, geometry.codes, day)
    del payload["palette"]  # in the document already
    # One digit per shape, in the document's order of codes, instead of a status key per state: the
    # fills are the bulk of what a slider step sends. Shapes not covered get the not-covered digit.
    fills = payload["fills"]
    payload["fills"] = "".join(str(PALETTE_INDEX[fills.get(code, NOT_COVERED)]) for code in geometry.codes)
    payload.update(
        title=title,
        details_url=_details_url(dataset, version),
        selected=selected,
        height=height,
    )
    if last_change:  # sent only when true: every byte of a step counts
        payload["at_last_change"] = True
    treaty_map(payload, key=MAP_KEY)
