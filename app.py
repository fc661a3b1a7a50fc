"""Treaty Map: which European states are bound by a treaty (the Mine Ban Convention first) on any date.

This file only composes the page: loading, choosing, checking links and acting on clicks live in components/.
"""
from datetime import date

import streamlit as st

from components.accessibility import page_accessibility, text_version
from components.comparison import comparison
from components.data import load_geometry, load_treaties
from components.date_controls import chosen_date, date_range
from components.header import header, top_row
from components.map_panel import apply_map_action, map_panel, published
from components.method import method_section
from components.notices import plain
from components.presentation import presentation_switch
from components.region_choice import region_choice
from components.problems import problems_panel
from components.selection import keep_in_url, selected_state
from components.share import copy_link_button, print_stylesheet
from components.story import story_from_link
from components.state_panel import state_panel
from components.status_table import status_table
from components.storyboard_panel import current_storyboard, presented_steps, storyboard_panel
from components.theme import theme_choice
from components.treaty_choice import available_treaties, choose_treaty
from components.views import check_view_link, view_tabs
from components.withdrawal_chart import withdrawal_chart
from geo.regions import scope_of
from treaty.narrative import count_clause, describe_day
from treaty.status import change_dates, statuses_on

st.set_page_config(page_title="Treaty Map", page_icon="🗺️", layout="wide", initial_sidebar_state="collapsed")

files = available_treaties()
loaded, labels = load_treaties(files)
choice, area, look, share, switch = top_row([5, 1.6, 1.6, 1.3, 2])
with choice:
    treaty_id = choose_treaty(files, labels)
region = region_choice(area)
theme = theme_choice(look)
copy_link_button(share)
present = presentation_switch(switch)
page_accessibility()
print_stylesheet()

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

if not present:
    header(dataset, geometry.metadata)
    check_view_link()
# Drawn here once, not on every date step: the text version's frame (the map's frame writes it for the date
# on the map) and the tab bar; `briefing` draws the sentence and the map into `date_part` and the open tab.
date_part = st.container()
text_version()
tabs = None if present else view_tabs()


# Everything that depends on the date reruns on its own when the date moves: a step on the map's
# timeline re-sends only this part of the page (the header, the selectors, the text version and the tab bar stay).
@st.fragment
def briefing() -> None:
    files = published(dataset, compiled, treaty.dependencies, treaty.version)
    painted = apply_map_action(bounds, files.history)
    day = chosen_date(bounds, today)
    selected = selected_state({state.iso3 for state in dataset.states})
    story = story_from_link(geometry.codes)
    statuses = statuses_on(compiled, day)
    storyboard = current_storyboard()
    scope = scope_of(region)
    sentence = describe_day(compiled, day, scope)
    st.markdown(f"#### {plain(sentence)}")
    map_panel(
        statuses, day, bounds, today, selected, files,
        title=dataset.treaty.short_name,
        sentence=sentence,
        height=1000 if present else 800, theme=theme.for_browser, present=present, story=story,
        storyboard=presented_steps(storyboard, dataset, compiled, treaty.version) if present else None,
        dependencies=treaty.dependencies, region=region, counts=count_clause(statuses, scope), painted=painted,
    )
    if tabs:
        record, table, timeline, compare, pair, storyboard_tab, download, method = tabs
        if record.open:
            with record:
                state_panel(dataset, next((s for s in statuses if s.iso3 == selected), None))
        if table.open:
            with table:
                status_table(dataset, statuses, day, region)
        if timeline.open:
            with timeline:
                withdrawal_chart(dataset, compiled, day, today, selected, region, theme.drawn)
        if compare.open:
            with compare:
                comparison(treaty_id, loaded, labels, day, region)
        if pair.open:
            # Imported here, as the Download tab's: the export code costs half a second at start-up.
            from components.before_after import before_and_after
            from components.downloads import export_data

            with pair:
                before_and_after(export_data(dataset, compiled, geometry, treaty.version, region), bounds, day, story)
        if storyboard_tab.open:
            with storyboard_tab:
                storyboard_panel(dataset, day, bounds, story, region.id)
        if download.open:
            # Imported here: the export code (matplotlib) costs about half a second at start-up,
            # for a tab most sessions never open.
            from components.downloads import download_buttons

            with download:
                download_buttons(dataset, compiled, day, geometry, treaty.version, region, story, storyboard)
        if method.open:
            with method:
                method_section(dataset, geometry.metadata)
    keep_in_url(selected)


with date_part:
    briefing()
