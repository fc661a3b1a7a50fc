"""A row per state that moved to leave: its steps on one date axis, the notice period as a bar,
today and the chosen date marked. Clicking a row selects the state on the map."""
from __future__ import annotations

from datetime import date

import streamlit as st

from components.selection import select
from render.palette import COLOURS
from treaty.dates import count_of
from treaty.model import Dataset
from treaty.status import Timeline
from treaty.withdrawals import withdrawal_chains

CHART_KEY = "withdrawal_timeline"


def timeline_spec(dataset: Dataset, compiled: tuple[Timeline, ...], day: date, today: date) -> dict:
    events, periods = withdrawal_chains(dataset, compiled)
    notice = f"Notice of {count_of(dataset.treaty.rules.withdrawal.notice_months, 'month')}: deposit to effect"
    rows = sorted({(e.name, e.iso3) for e in events})
    axis_y = {"field": "name", "type": "nominal", "title": None, "sort": [name for name, _ in rows], "axis": {"labelFontSize": 15}}
    x_scale = {"domain": [min(e.day for e in events).isoformat(), max(max(p.takes_effect for p in periods), day, today).isoformat()]} if events and periods else {}
    return {
        "height": 44 * max(len(rows), 1),
        "layer": [
            {
                "data": {"values": [
                    {"name": p.name, "iso3": p.iso3, "from": p.deposited.isoformat(), "to": p.takes_effect.isoformat(),
                     "what": notice} for p in periods
                ]},
                "params": [{"name": "pick", "select": {"type": "point", "fields": ["iso3"]}}],
                "mark": {"type": "bar", "height": 14, "color": COLOURS["withdrawal_pending"], "cornerRadius": 3},
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
                "mark": {"type": "point", "filled": True, "size": 90, "color": "#333333"},
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
                              "scale": {"domain": ["Chosen date", "Today"], "range": ["#C00000", "#555555"]},
                              "legend": {"orient": "top", "labelFontSize": 13}},
                    "strokeDash": {"field": "what", "type": "nominal", "scale": {"domain": ["Chosen date", "Today"], "range": [[1, 0], [4, 3]]}, "legend": None},
                },
            },
        ],
    }


def withdrawal_timeline(dataset: Dataset, compiled: tuple[Timeline, ...], day: date, today: date, selected: str | None) -> None:
    """Draw the chart; a row the viewer clicks selects its state, and the briefing is drawn again for it."""
    spec = timeline_spec(dataset, compiled, day, today)
    if not spec["layer"][0]["data"]["values"] and not spec["layer"][1]["data"]["values"]:
        st.caption("No state in this dataset has moved to withdraw.")
        return
    event = st.vega_lite_chart(spec=spec, width="stretch", on_select="rerun", key=CHART_KEY)
    picked = (event.selection.get("pick") or event.selection.get("pick_event") or []) if event else []
    if picked and picked[0]["iso3"] != selected:
        select(picked[0]["iso3"])
        st.rerun(scope="fragment")
