"""Treaty Map: which European states are bound by the Mine Ban Convention on any date.

This file only composes the page; each piece lives in components/.
"""
from datetime import date
from pathlib import Path

import streamlit as st

from components.data import load_geometry, load_treaty
from components.date_controls import DAY, date_controls, date_range, step_to_change
from components.header import header
from components.map_panel import SELECTED, apply_map_action, map_panel
from components.problems import problems_panel
from components.state_panel import state_panel
from treaty.narrative import describe_day
from treaty.status import change_dates, statuses_on

DATASET = Path(__file__).parent / "data" / "apmbc.yaml"

st.set_page_config(page_title="Treaty Map", page_icon="🗺️", layout="wide", initial_sidebar_state="collapsed")

treaty = load_treaty(DATASET)
if treaty.problems:
    problems_panel(treaty.problems, treaty.stale)
if treaty.dataset is None:
    st.stop()

dataset = treaty.dataset
today = date.today()
bounds = date_range(dataset.treaty.adopted, change_dates(treaty.timelines), today)
if DAY in st.session_state:
    apply_map_action(lambda step: step_to_change(bounds, step))

header(dataset, load_geometry().metadata)
day = date_controls(bounds, today)
statuses = statuses_on(treaty.timelines, day)
st.markdown(f"#### {describe_day(treaty.timelines, day)}")
map_panel(dataset, statuses, day, title=dataset.treaty.short_name, height=760, keyboard=True)
selected = st.session_state.get(SELECTED)
state_panel(dataset, next((s for s in statuses if s.iso3 == selected), None))
