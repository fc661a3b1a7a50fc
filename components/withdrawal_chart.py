"""A row per state that moved to leave: its steps on one date axis, the notice period as a bar,
today and the chosen date marked. Clicking a row selects the state on the map."""
from __future__ import annotations

from datetime import date

import streamlit as st

from components.region_choice import region_filter
from components.selection import select
from geo.regions import Region
from render.palette import CHROME, DEFAULT_THEME, categories
from treaty.dates import count_of
from treaty.model import Dataset
from treaty.status import StateHistory
from treaty.statuses import Theme
from treaty.withdrawals import withdrawal_chains

CHART_KEY = "withdrawal_timeline"


def chart_spec(dataset: Dataset, compiled: tuple[StateHistory, ...], day: date, today: date, theme: Theme = DEFAULT_THEME) -> dict:
    """The Vega-Lite chart, in `theme`'s colours (its background and text too: the page's theme may
    differ from Streamlit's own)."""
    events, periods = withdrawal_chains(dataset, compiled)
    chrome = CHROME[theme]
    pending = next(category.colour for category in categories(theme) if category.key == "withdrawal_pending")
    notice = f"Notice of {count_of(dataset.treaty.rules.withdrawal.notice_months, 'month')}: deposit to effect"
    rows = sorted({(e.name, e.iso3) for e in events})
    axis_y = {"field": "name", "type": "nominal", "title": None, "sort": [name for name, _ in rows], "axis": {"labelFontSize": 15}}
    x_scale = {"domain": [min(e.day for e in events).isoformat(), max(max(p.takes_effect for p in periods), day, today).isoformat()]} if events and periods else {}
    return {
        "height": 44 * max(len(rows), 1),
        "background": chrome.page,
        "config": {
            "axis": {"labelColor": chrome.text, "titleColor": chrome.text, "domainColor": chrome.faint, "tickColor": chrome.faint, "gridColor": chrome.panel_edge},
            "legend": {"labelColor": chrome.text},
            "view": {"stroke": None},
        },
        "layer": [
            {
                "data": {"values": [
                    {"name": p.name, "iso3": p.iso3, "from": p.deposited.isoformat(), "to": p.takes_effect.isoformat(),
                     "what": notice} for p in periods
                ]},
                "params": [{"name": "pick", "select": {"type": "point", "fields": ["iso3"]}}],
                "mark": {"type": "bar", "height": 14, "color": pending, "cornerRadius": 3},
                "encoding": {
                    "y": axis_y,
                    "x": {"field": "from", "type": "temporal", "title": None, "scale": x_scale, "axis": {"labelFontSize": 13, "format": "%b %Y"}},
                    "x2": {"field": "to"},
                    "tooltip": [{"field": "name", "title": "State"}, {"field": "what", "title": "Period"},
                                {"field": "from", "type": "temporal", "title": "Deposited", "format": "%d %b %Y"},
                                {"field": "to", "type": "temporal", "title": "Takes effect", "format": "%d %b %Y"}],
                },
            },
            {
                "data": {"values": [
                    {"name": e.name, "iso3": e.iso3, "day": e.day.isoformat(), "event": e.label + ("" if e.exact else " (approximate)")}
                    for e in events
                ]},
                "params": [{"name": "pick_event", "select": {"type": "point", "fields": ["iso3"]}}],
                "mark": {"type": "point", "filled": True, "size": 90, "color": chrome.text},
                "encoding": {
                    "y": axis_y,
                    "x": {"field": "day", "type": "temporal"},
                    "tooltip": [{"field": "name", "title": "State"}, {"field": "event", "title": "Event"},
                                {"field": "day", "type": "temporal", "title": "Date", "format": "%d %b %Y"}],
                },
            },
            {
                "data": {"values": [{"day": today.isoformat(), "what": "Today"}, {"day": day.isoformat(), "what": "Chosen date"}]},
                "mark": {"type": "rule", "strokeWidth": 2},
                "encoding": {
                    "x": {"field": "day", "type": "temporal"},
                    "color": {"field": "what", "type": "nominal", "title": None,
                              "scale": {"domain": ["Chosen date", "Today"], "range": [chrome.warning, chrome.faint]},
                              "legend": {"orient": "top", "labelFontSize": 13}},
                    "strokeDash": {"field": "what", "type": "nominal", "scale": {"domain": ["Chosen date", "Today"], "range": [[1, 0], [4, 3]]}, "legend": None},
                },
            },
        ],
    }


def withdrawal_chart(
    dataset: Dataset, compiled: tuple[StateHistory, ...], day: date, today: date, selected: str | None, region: Region,
    theme: Theme = DEFAULT_THEME,
) -> None:
    """Draw the chart for the states of a region (the page's, to start with) or the world; a row the viewer
    clicks selects its state, and the briefing is drawn again for it."""
    members = region_filter("Region", "chart_region", region)
    if members is not None:
        compiled = tuple(history for history in compiled if history.iso3 in members)
    spec = chart_spec(dataset, compiled, day, today, theme)
    if not spec["layer"][0]["data"]["values"] and not spec["layer"][1]["data"]["values"]:
        st.caption("No state in this dataset has moved to withdraw.")
        return
    event = st.vega_lite_chart(spec=spec, width="stretch", on_select="rerun", key=CHART_KEY, theme=None)
    picked = (event.selection.get("pick") or event.selection.get("pick_event") or []) if event else []
    if picked and picked[0]["iso3"] != selected:
        select(picked[0]["iso3"])
        st.rerun(scope="fragment")
