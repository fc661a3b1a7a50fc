"""The map and its timeline for the chosen date, and what the viewer did on them (a date, a click)."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import NamedTuple

import streamlit as st

from components.data import load_geometry
from components.date_controls import DateRange, choose_window, chosen_window, move_to
from components.map_view import is_published, prepare_frontend, publish, treaty_map
from components.notices import literal, notice
from components.selection import select
from components.story import Story
from components.storyboard_panel import keep_step_in_link
from geo.countries import turns_east_of
from geo.regions import REGIONS, WORLD, Region
from render.callouts import describe_story, story_payload
from render.captions import attribution_line
from render.payload import countdown, details_payload, fill_digits, history_payload, palette_payload
from render.text_version import text_version_payload
from treaty.dates import long_date
from treaty.model import Dataset
from treaty.status import StateStatus, StateHistory
from treaty.statuses import Theme
from treaty.territories import Dependencies

MAP_KEY = "treaty_map"


@st.cache_resource(show_spinner=False)
def _frontend_ready() -> bool:
    """Write the map document once, with what never changes between dates (palette, attribution, view)."""
    geometry = load_geometry()
    constant = {
        **palette_payload(),
        # Every theme's colours: the viewer's choice repaints in the browser (render/static/map_present.js).
        "themes": {theme.value: palette_payload(theme) for theme in Theme},
        "codes": list(geometry.codes),
        "territories": sorted(geometry.sovereign_of),  # drawn, not counted in the legend
        "attribution": attribution_line(geometry.metadata),
        "min_height": 420,
        # Where the shapes go in a view across 180° (render/static/map_antimeridian.js): the document serves every region.
        "across": {
            region.id: {"shapes": turns_east_of(geometry.countries, region.map_west), "markers": turns_east_of(geometry.microstates, region.map_west)}
            for region in REGIONS.values() if region.map_west is not None
        },
        # Each region's states, for the text version under the map (the world: every state).
        "regions": {region.id: None if region == WORLD else sorted(region.members) for region in REGIONS.values()},
    }
    prepare_frontend(geometry.countries, geometry.microstates, constant)
    return True


class MapFiles(NamedTuple):
    """What the browser fetches once per dataset version (names in the component's folder)."""

    details: str  # the per-state records
    history: str  # the history of colours
    text: str  # the states' transitions and the words of the text version under the map


@st.cache_resource(show_spinner=False, max_entries=16)
def _publish(_dataset: Dataset, _compiled: tuple[StateHistory, ...], _dependencies: Dependencies, version: tuple) -> MapFiles:
    geometry = load_geometry()
    return MapFiles(
        publish("details", details_payload(_dataset, _dependencies, geometry.names)),
        publish("history", history_payload(_compiled, geometry.codes, _dependencies)),
        publish("text", text_version_payload(_compiled)),
    )


def published(dataset: Dataset, compiled: tuple[StateHistory, ...], dependencies: Dependencies, version: tuple) -> MapFiles:
    """The dataset version's files, written once (and again should they have gone from the folder)."""
    files = _publish(dataset, compiled, dependencies, version)
    if not all(is_published(name) for name in files):
        _publish.clear()
        files = _publish(dataset, compiled, dependencies, version)
    return files


ACKNOWLEDGED = "map_nonce"
LAST_CLICK = "map_click"


def apply_map_action(bounds: DateRange, history_url: str) -> bool:
    """Act on what the viewer last did on the map (a date, a window, a click) before anything is drawn.

    Each message carries the viewer's latest date and last click; it is applied once (by nonce), the
    click once (by its id), and the date only if the browser read it from this treaty's history: a key
    pressed while another treaty's page was still showing must not move this one. Returns whether it
    was: the browser then holds the history and colours the date itself (see map_panel's `painted`).
    """
    action = st.session_state.get(MAP_KEY)
    if not isinstance(action, dict) or action.get("nonce") == st.session_state.get(ACKNOWLEDGED):
        return False
    st.session_state[ACKNOWLEDGED] = action.get("nonce")
    click = action.get("click")
    if isinstance(click, dict) and isinstance(click.get("iso3"), str) and click.get("id") != st.session_state.get(LAST_CLICK):
        st.session_state[LAST_CLICK] = click.get("id")
        select(click["iso3"])
    if "date" in action and action.get("history", history_url) == history_url:
        move_to(bounds, action["date"])
    if "window" in action:
        choose_window(bounds, action["window"])
    keep_view_in_link(action.get("view"))
    keep_step_in_link(action.get("step"))  # the storyboard's step presented, for the address
    return "date" in action and action.get("history") == history_url


# The map's zoom and centre in the link (?zoom=5.5&centre=52.1,16.3): a shared link opens on the same view.
ZOOM_KEY, CENTRE_KEY = "zoom", "centre"
ZOOMS = (1.0, 12.0)  # Leaflet zooms a Europe map can use: the world to a city


def _view(lat: object, lon: object, zoom: object) -> dict | None:
    """A view the map can show, rounded for the link (metres and a hundredth of a zoom step), or None."""
    try:
        lat, lon, zoom = float(lat), float(lon), float(zoom)
    except (TypeError, ValueError):
        return None
    # A view across 180° (the Asia–Pacific's, geo/regions.py map_west) is centred east of it, up to 360°.
    if not (-90 <= lat <= 90 and -180 <= lon <= 360 and ZOOMS[0] <= zoom <= ZOOMS[1]):
        return None
    return {"lat": round(lat, 3), "lon": round(lon, 3), "zoom": round(zoom, 2)}


def keep_view_in_link(sent: object) -> None:
    """The view the viewer moved the map to (sent by the bridge with its messages) goes into the address."""
    if isinstance(sent, dict) and (view := _view(sent.get("lat"), sent.get("lon"), sent.get("zoom"))):
        st.query_params[ZOOM_KEY] = f"{view['zoom']:g}"
        st.query_params[CENTRE_KEY] = f"{view['lat']:g},{view['lon']:g}"


def view_from_link(region: Region) -> dict | None:
    """The link's view, for the map to open on; an unreadable one is dropped with a notice (the map then
    opens on the whole region)."""
    zoom, centre = st.query_params.get(ZOOM_KEY), st.query_params.get(CENTRE_KEY)
    if zoom is None and centre is None:
        return None
    lat, _, lon = (centre or "").partition(",")
    view = _view(lat, lon, zoom)
    if view is None:
        notice(f"The link's map view (zoom {literal(zoom or '')}, centre {literal(centre or '')}) is not readable: "
               f"showing the whole of {region.label}.")
        st.query_params.pop(ZOOM_KEY, None)
        st.query_params.pop(CENTRE_KEY, None)
    return view


@lru_cache(maxsize=32)
def _story_on_map(story: Story, view_fit: tuple, map_west: float | None) -> dict:
    """The link's highlight and callouts placed for the region's view: the same on every date, so worked out
    once per story and view, not on each step of the timeline."""
    return story_payload(story.highlight, story.callouts, load_geometry().shapes, view_fit, map_west)


@lru_cache(maxsize=32)
def _story_in_words(story: Story) -> tuple[str, ...]:
    """The highlight and callouts in words, for the text version under the map: once per story."""
    return tuple(describe_story(story.highlight, story.callouts, load_geometry().names))


def colouring(statuses: list[StateStatus], day: date, dependencies: Dependencies) -> dict:
    """The date's colours as the browser's timeline reads them from the history (timeline_controller.js
    colouringOn): sent only when the browser may not hold the history yet."""
    return {
        "date_label": long_date(day),
        # One base-36 digit per shape instead of a status key per state: the fills are the bulk of a message.
        "fills": fill_digits(statuses, load_geometry().codes, dependencies, day),
        **countdown(statuses),
    }


def map_panel(
    statuses: list[StateStatus], day: date, bounds: DateRange, today: date, selected: str | None,
    files: MapFiles, title: str, sentence: str, height: int, theme: str, present: bool, dependencies: Dependencies,
    region: Region, counts: str, story: Story = Story(), storyboard: dict | None = None, painted: bool = False,
) -> None:
    """`theme`: a Theme's value or "auto" (the system's preference, read in the browser); `present`:
    presentation mode (projector type, title on the map, the legend's empty statuses hidden); `story`:
    the states to highlight and the callouts to draw; `storyboard`: the published steps of the storyboard to
    present and the step to open on (components/storyboard_panel.presented_steps), or None; `painted`: the
    browser sent this date from the history it holds (map_panel.apply_map_action) and has coloured it already,
    so a date step's message carries no colours."""
    _frontend_ready()
    payload = {
        "date": day.isoformat(),
        **({} if painted else colouring(statuses, day, dependencies)),
        "title": title,
        # Read out by the map's polite live region once the date settles (map_keyboard.js).
        "sentence": {"date": day.isoformat(), "text": sentence},
        "details_url": files.details,
        "history_url": files.history,
        "text_url": files.text,  # the text version under the map is written in the browser (text_version.js)
        "first": bounds.first.isoformat(),
        "last": bounds.last.isoformat(),
        "today": bounds.clamp(today).isoformat(),
        "window": chosen_window(bounds),  # the briefer's window on the timeline ("start..end"), or None
        "selected": selected,
        "height": height,
        "theme": theme,
        "present": present,
        "story": _story_on_map(story, region.view_fit, region.map_west),
        "story_words": _story_in_words(story),  # for the text version
        "storyboard": storyboard,  # fetched once; the browser steps through it (render/static/storyboard_show.js)
        "view": view_from_link(region),  # where the map opens; the viewer's later moves stay in the browser
        # The region's view: the map opens on it (without a view in the link) and moves to it when it changes.
        "region": {"id": region.id, "fit": [list(corner) for corner in region.view_fit]},
        "counts": counts,  # the world's and the region's figures, under the legend's heading
        # The browser keeps the date the viewer chose until the server has seen it (see the bridge).
        "ack": st.session_state.get(ACKNOWLEDGED),
    }
    with st.container(key="map_frame"):  # the print stylesheet sizes the map by this key (components/share.py)
        treaty_map(payload, key=MAP_KEY)
