"""Treaty Map: which European states are bound by a treaty (the Mine Ban Convention first) on any date.

This file only composes the page; each piece lives in components/.
"""
import os
from datetime import date
from pathlib import Path

import streamlit as st

from components.comparison import comparison
from components.data import load_geometry, load_treaty
from components.date_controls import chosen_date, date_range
from components.header import header
from components.map_panel import apply_map_action, map_panel, published
from components.method import method_section
from components.notices import literal, plain
from components.presentation import presentation_switch
from components.problems import problems_panel
from components.selection import keep_in_url, select, selected_state
from components.state_panel import state_panel
from components.status_table import status_table
from components.treaty_choice import choose_treaty, treaty_files
from components.withdrawal_timeline import withdrawal_timeline
from treaty.narrative import describe_day
from treaty.status import change_dates, statuses_on

DATA_DIR = Path(os.environ.get("TREATY_MAP_DATA_DIR") or Path(__file__).parent / "data")
DEFAULT_TREATY = "apmbc"

st.set_page_config(page_title="Treaty Map", page_icon="🗺️", layout="wide", initial_sidebar_state="collapsed")

files = treaty_files(DATA_DIR)
if not files:
    st.error(f"No treaty dataset (*.yaml) in {DATA_DIR}: set TREATY_MAP_DATA_DIR to the folder that holds them.")
    st.stop()
loaded = {treaty_id: load_treaty(path) for treaty_id, path in files.items()}
labels = {treaty_id: t.dataset.treaty.short_name if t.dataset else treaty_id for treaty_id, t in loaded.items()}
choice, switch = st.columns([5, 1], vertical_alignment="center")
with choice:
    treaty_id = choose_treaty(files, labels, DEFAULT_TREATY if DEFAULT_TREATY in files else next(iter(files)))
present = presentation_switch(switch)

treaty = loaded[treaty_id]
if treaty.problems:
    problems_panel(treaty.problems, treaty.stale)
if treaty.dataset is None:
    st.stop()

dataset, compiled = treaty.dataset, treaty.timelines
geometry = load_geometry()
today = date.today()
changes = change_dates(compiled)
bounds = date_range(dataset.treaty.adopted, changes, today)
TABS = ["State record", "All states", "Withdrawal timeline", "Compare treaties", "Download", "Sources and method"]

if not present:
    header(dataset, geometry.metadata)
    if (view := st.query_params.get("view")) is not None and view not in TABS:
        st.warning(f"The link's view {literal(view)} is not one of the tabs: showing {TABS[0]}.", icon="⚠️")
        del st.query_params["view"]


# Everything that depends on the date reruns on its own when the date moves: a step on the map's
# timeline re-sends only this part of the page (the header, the treaty selector and the switch stay).
@st.fragment
def briefing() -> None:
    files = published(dataset, compiled, treaty.version)
    apply_map_action(bounds, files.history)
    day = chosen_date(bounds, today)
    selected = selected_state({state.iso3 for state in dataset.states})
    statuses = statuses_on(compiled, day)
    st.markdown(f"#### {plain(describe_day(compiled, day))}")
    map_panel(
        statuses, day, bounds, today, selected, files,
        title=dataset.treaty.short_name,
        height=1000 if present else 800,
    )
    if not present:
        record, table, timeline, compare, download, method = st.tabs(TABS, key="view", bind="query-params")
        if record.open:
            with record:
                state_panel(dataset, next((s for s in statuses if s.iso3 == selected), None))
        if table.open:
            with table:
                status_table(dataset, statuses, day)
        if timeline.open:
            with timeline:
                picked = withdrawal_timeline(dataset, compiled, day, today)
                if picked and picked != selected:
                    select(picked)
                    st.rerun(scope="fragment")
        if compare.open:
            with compare:
                comparison(treaty_id, loaded, labels, day)
        if download.open:
            # Imported here: the export code (matplotlib) costs about half a second at start-up,
            # for a tab most sessions never open.
            from components.downloads import download_buttons

            with download:
                download_buttons(dataset, compiled, day, geometry, treaty.version)
        if method.open:
            with method:
                method_section(dataset, geometry.metadata)
    keep_in_url(selected)


briefing()
