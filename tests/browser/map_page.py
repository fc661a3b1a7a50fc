"""What a test does on the app page, in the user's terms: open a date, read a state's colour, hover it,
step with the keys, play, click a state, open a tab, read the timeline, measure the layout."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

from playwright.sync_api import FrameLocator, Page

from geo.countries import load_countries, sovereigns
from geo.join import status_keys
from geo.regions import DEFAULT_REGION
from tests.expected_colours import STATUS_HEX
from treaty.loader import load_dataset
from treaty.status import statuses_on, compile_timelines
from treaty.territories import dependencies

MAP_FRAME = 'iframe[src*="components.map_view.treaty_map"]'  # its title names what it shows, by date
DATA = Path(__file__).resolve().parents[2] / "data"

# In a page holding the map (the app's frame or the offline HTML), as functions for evaluate():
# the point of a state's shape or marker the mouse can reach that lies farthest from the map's centre,
FARTHEST_POINT = """iso3 => {
    let target = null;
    const find = layer => { if (layer.feature.properties.iso3 === iso3) target = layer; };
    window.treatyMapLayers.countries.eachLayer(find);
    window.treatyMapLayers.microstates.eachLayer(find);
    if (!target) return null;
    const map = target._map.getContainer().getBoundingClientRect();
    const mid = {x: map.left + map.width / 2, y: map.top + map.height / 2};
    const shape = target._path.getBoundingClientRect();
    let best = null, far = -1;
    for (let i = 0; i <= 40; i++) for (let j = 0; j <= 40; j++) {
        const p = {x: shape.left + shape.width * i / 40, y: shape.top + shape.height * j / 40};
        if (p.x < map.left || p.y < map.top || p.x > map.right || p.y > map.bottom) continue;
        if (document.elementFromPoint(p.x, p.y) !== target._path) continue;
        const d = Math.hypot(p.x - mid.x, p.y - mid.y);
        if (d > far) { far = d; best = p; }
    }
    return best;
}"""
# and each map control whose box holds the centre of a state's shape, as 'control over ISO'.
# Only the opening region's states count (Europe's): with the world drawn, the edge of the view cuts
# others (Canada, Saint Pierre and Miquelon), whose visible sliver's centre is not a state a briefer shows.
CONTROLS_OVER_STATES = """codes => {
    const map = window.treatyMapLayers.map.getContainer().getBoundingClientRect();
    const controls = [...document.querySelectorAll('.leaflet-control')]
        .map(e => [e.className, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
    const found = [];
    const check = layer => {
        if (codes && !codes.includes(layer.feature.properties.iso3)) return;
        const r = layer._path.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (x < map.left || y < map.top || x > map.right || y > map.bottom) return;
        for (const [name, c] of controls)
            if (x >= c.left && x <= c.right && y >= c.top && y <= c.bottom)
                found.push(name + ' over ' + layer.feature.properties.iso3);
    };
    window.treatyMapLayers.countries.eachLayer(check);
    window.treatyMapLayers.microstates.eachLayer(check);
    return found;
}"""


OPENING_REGION_STATES = sorted(DEFAULT_REGION.members)


@lru_cache(maxsize=2)
def _compiled(treaty_id: str):
    dataset = load_dataset(DATA / f"{treaty_id}.yaml")
    return compile_timelines(dataset), dependencies(dataset, sovereigns(load_countries()))


def engine_fills(treaty_id: str, day: date) -> dict[str, str]:
    """The fill colour of every country shape on `day`, as the status engine (Python) says it must be
    (territories in their sovereign's status)."""
    compiled, territories = _compiled(treaty_id)
    keys = status_keys(tuple(load_countries()["iso3"]), statuses_on(compiled, day), territories, day)
    return {code: STATUS_HEX[key] for code, key in keys.items()}


class MapPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open(self, query: str) -> "MapPage":
        self.page.goto(f"{self.base_url}/?{query}")
        return self

    @property
    def map(self) -> FrameLocator:
        return self.page.frame_locator(MAP_FRAME)

    def wait_for_date(self, iso_date: str, timeout: float = 30_000) -> None:
        self.map.locator(f'body[data-rendered-date="{iso_date}"]').wait_for(state="attached", timeout=timeout)

    def fill_of(self, iso3: str) -> str:
        """The fill colour the browser draws for a state's shape (its SVG path's attribute)."""
        return self.map.locator("body").evaluate(
            """(body, iso3) => {
                let fill = null;
                window.treatyMapLayers.countries.eachLayer(layer => {
                    if (layer.feature.properties.iso3 === iso3) fill = layer._path.getAttribute('fill');
                });
                return fill;
            }""",
            iso3,
        )

    def fills(self) -> dict[str, str]:
        """Every country shape's fill colour as drawn, by ISO code."""
        return self.map.locator("body").evaluate(
            """() => {
                const fills = {};
                window.treatyMapLayers.countries.eachLayer(layer => {
                    fills[layer.feature.properties.iso3] = layer._path.getAttribute('fill');
                });
                return fills;
            }"""
        )

    def legend(self) -> dict[str, str]:
        """Legend label -> swatch colour (as rgb()), as drawn."""
        return self.map.locator(".tm-legend").evaluate(
            """legend => Object.fromEntries([...legend.querySelectorAll('.tm-legend-row')].map(row => [
                row.querySelector('.tm-legend-label').textContent,
                getComputedStyle(row.querySelector('.tm-swatch')).backgroundColor]))"""
        )

    def hover(self, iso3: str, at: dict | None = None) -> str:
        """Move the mouse onto a state's shape (its centre, or the point `at` in the map's frame) and return
        the tooltip's text."""
        self.wait_until_still()
        box = at or self.map.locator("body").evaluate(
            """(body, iso3) => {
                let rect = null;
                window.treatyMapLayers.countries.eachLayer(layer => {
                    if (layer.feature.properties.iso3 === iso3) {
                        const point = layer._map.latLngToContainerPoint(layer.getCenter());
                        rect = {x: point.x, y: point.y};
                    }
                });
                return rect;
            }""",
            iso3,
        )
        frame_box = self.page.locator(MAP_FRAME).bounding_box()
        self.page.mouse.move(frame_box["x"] + box["x"], frame_box["y"] + box["y"])
        tooltip = self.card()
        tooltip.wait_for(state="visible", timeout=10_000)
        return tooltip.inner_text()

    # ---- the hover card and the map's controls, measured as drawn ----

    def farthest_point_of(self, iso3: str) -> dict:
        """The point of a state's shape (or microstate marker), as the mouse can reach it in the map, farthest
        from the map's centre: Norway's north, Portugal's west, Cyprus's south-east."""
        point = self.frame().evaluate(FARTHEST_POINT, iso3)
        assert point, f"no point of {iso3} under the mouse's reach"
        return point

    def card(self):
        """The hover card on screen (the one it replaced fades out for a moment: it comes first)."""
        return self.map.locator(".tm-tooltip").last

    def card_box(self) -> dict:
        """The hover card's box on the page."""
        return self.card().bounding_box()

    def map_box(self) -> dict:
        """The map's box on the page (the frame's map area, the timeline bar excluded)."""
        return self.map.locator(".leaflet-container").bounding_box()

    def card_line_visible(self, text: str) -> bool:
        """Whether a line of the hover card with this text is drawn whole, not cut off by the card's edge."""
        return self.card().evaluate(
            """(card, text) => {
                const box = card.getBoundingClientRect();
                const line = [...card.querySelectorAll('.tm-card > *')].find(e => e.innerText.trim() === text);
                if (!line) return false;
                const r = line.getBoundingClientRect();
                return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
            }""",
            text,
        )

    def controls_over_state_centres(self) -> list[str]:
        """Each map control (legend, buttons, scale...) whose box holds the centre of a state's shape as drawn
        in the map, as 'control over ISO'."""
        return self.frame().evaluate(CONTROLS_OVER_STATES, OPENING_REGION_STATES)

    CONTROLS = "button, input, select, [role=slider], .leaflet-control, label, output"

    def controls_off_screen(self) -> list[str]:
        """Each control drawn outside the window sideways (on the page, which scrolls down), or outside the
        map's frame (which does not scroll)."""
        page_side = self.page.evaluate(
            """sel => { const W = document.documentElement.clientWidth;
                return [...document.querySelectorAll(sel)].filter(e => { const r = e.getBoundingClientRect();
                    return r.width > 0 && r.height > 0 && (r.left < -1 || r.right > W + 1); })
                  .map(e => (e.innerText || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 30)); }""",
            self.CONTROLS,
        )
        in_frame = self.map.locator("body").evaluate(
            """(body, sel) => { const W = document.documentElement.clientWidth, H = document.documentElement.clientHeight;
                return [...document.querySelectorAll(sel)].filter(e => { const r = e.getBoundingClientRect();
                    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' &&
                        (r.left < -1 || r.right > W + 1 || r.top < -1 || r.bottom > H + 1); })
                  .map(e => (e.innerText || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 30)); }""",
            self.CONTROLS,
        )
        return page_side + in_frame

    def map_frame_fits_the_window(self) -> bool:
        """Whether the map's frame, timeline included, is no taller than the window (scrolled to, all of it shows)."""
        return self.page.locator(MAP_FRAME).bounding_box()["height"] <= self.page.evaluate("window.innerHeight")

    def wheel_over_map(self, delta_y: float) -> None:
        """Turn the mouse wheel with the pointer over the middle of the map (negative: away from the viewer)."""
        box = self.map_box()
        self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        self.page.mouse.wheel(0, delta_y)
        self.page.wait_for_timeout(400)

    def click_sea(self) -> None:
        """Click the map where no state and no control is."""
        self.wait_until_still()
        point = self.map.locator("body").evaluate(
            """() => {
                const map = window.treatyMapLayers.map.getContainer().getBoundingClientRect();
                for (let j = 1; j < 20; j++) for (let i = 1; i < 20; i++) {
                    const x = map.left + map.width * i / 20, y = map.top + map.height * j / 20;
                    const hit = document.elementFromPoint(x, y);
                    if (hit && !hit.closest('.leaflet-interactive, .leaflet-control')) return {x, y};
                }
                return null;
            }"""
        )
        assert point, "no sea to click"
        frame_box = self.page.locator(MAP_FRAME).bounding_box()
        self.page.mouse.click(frame_box["x"] + point["x"], frame_box["y"] + point["y"])

    # ---- the briefing toolkit: the address, the date keys, play, selection, tabs, timeline, layout ----

    def reload(self) -> "MapPage":
        self.page.reload()
        return self

    def frame(self):
        """The map's frame as a Playwright Frame (for waiting on its script's state)."""
        return self.page.locator(MAP_FRAME).element_handle(timeout=30_000).content_frame()

    def rendered_date(self) -> str | None:
        return self.map.locator("body").get_attribute("data-rendered-date")

    def wait_for_any_date(self, timeout: float = 30_000) -> str:
        self.map.locator("body[data-rendered-date]").wait_for(state="attached", timeout=timeout)
        return self.rendered_date()

    def wait_for_any_date_but(self, iso_date: str, timeout: float = 30_000) -> str:
        self.map.locator(f'body[data-rendered-date]:not([data-rendered-date="{iso_date}"])').wait_for(state="attached", timeout=timeout)
        return self.rendered_date()

    def address(self) -> dict[str, str]:
        """The page's query parameters, as a link copied from the address bar would carry them."""
        return dict(parse_qsl(urlparse(self.page.url).query))

    def wait_for_address(self, timeout: float = 10_000, **expected: str) -> None:
        patterns = [re.compile(rf"[?&]{re.escape(k)}={re.escape(v)}(&|$)") for k, v in expected.items()]
        self.page.wait_for_url(lambda url: all(p.search(url) for p in patterns), timeout=timeout)

    def press_key(self, key: str) -> None:
        """Press a key with no widget focused, as a presenter at the projector would."""
        self.page.evaluate("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
        assert self.page.evaluate("document.activeElement === document.body"), "a widget kept the focus"
        self.page.keyboard.press(key)

    # The timeline under the map
    TIMELINE_BUTTONS = {"First change": ".tm-first", "◀ Change": ".tm-previous", "Change ▶": ".tm-next",
                        "Last change": ".tm-last", "Today": ".tm-today"}

    def press_timeline(self, name: str) -> None:
        """Click one of the timeline's buttons: 'First change', '◀ Change', 'Change ▶', 'Last change', 'Today'."""
        self.map.locator(self.TIMELINE_BUTTONS[name]).click()

    def timeline_button_enabled(self, name: str) -> bool:
        return self.map.locator(self.TIMELINE_BUTTONS[name]).is_enabled()

    def step_days(self, key: str, times: int = 1) -> None:
        """Focus the timeline's day slider and press a key on it (ArrowRight: one day later)."""
        slider = self.map.locator(".tm-range")
        slider.focus()
        for _ in range(times):
            slider.press(key)

    def drag_timeline(self, to_share: float, steps: int = 10) -> list[str]:
        """Drag the day slider's thumb with the mouse to `to_share` of its width; the dates the map
        showed after each mouse move, in order."""
        slider = self.map.locator(".tm-range")
        slider.wait_for(state="visible")
        frame_box = self.page.locator(MAP_FRAME).bounding_box()
        box = slider.bounding_box()  # relative to the page, frame offset included
        value = self.map.locator("body").evaluate(
            "() => { const r = document.querySelector('.tm-range'); return (r.value - r.min) / (r.max - r.min); }"
        )
        thumb = 8  # half the thumb: its centre travels from 8 px to width - 8 px
        x_of = lambda share: box["x"] + thumb + share * (box["width"] - 2 * thumb)  # noqa: E731
        y = box["y"] + box["height"] / 2
        assert frame_box["y"] <= y <= frame_box["y"] + frame_box["height"]
        self.page.mouse.move(x_of(value), y)
        self.page.mouse.down()
        seen = []
        for index in range(1, steps + 1):
            self.page.mouse.move(x_of(value + (to_share - value) * index / steps), y)
            self.page.wait_for_timeout(50)
            seen.append(self.rendered_date())
        self.page.mouse.up()
        return seen

    def choose_treaty(self, name: str) -> None:
        """Pick a treaty in the selector at the top of the page."""
        self.page.get_by_role("radiogroup", name="Treaty").get_by_role("radio", name=name).click()

    def wait_for_legend_title(self, text: str, timeout: float = 15_000) -> None:
        self.map.locator(".tm-legend-title", has_text=text).wait_for(state="attached", timeout=timeout)  # folded or not

    def timeline_says(self) -> dict[str, str]:
        """The date the timeline shows, as written beside it and as a screen reader hears the slider."""
        return {
            "label": self.map.locator(".tm-date-label").inner_text(),
            "slider": self.map.locator(".tm-range").get_attribute("aria-valuetext"),
        }

    def wait_for_sentence(self, start: str, timeout: float = 15_000) -> None:
        """Wait until the sentence above the map (written by the server) begins with `start`."""
        self.page.locator("h4", has_text=start).first.wait_for(timeout=timeout)

    def press_key_where_focus_is(self, key: str) -> None:
        """Press a key without moving the focus first (after clicking a control, say)."""
        self.page.keyboard.press(key)

    def zoom(self) -> float:
        return self.map.locator("body").evaluate("() => window.treatyMapLayers.map.getZoom()")

    def zoom_in(self) -> None:
        self.wait_until_still()
        self.map.locator(".leaflet-control-zoom-in").click()
        self.wait_until_still()

    def wait_for_one_map(self, timeout: float = 15_000) -> None:
        """While the page is redrawn (presentation mode on or off) the old map frame can linger a moment."""
        self.page.wait_for_function(f"document.querySelectorAll('{MAP_FRAME}').length === 1", timeout=timeout)

    def timeline_ready(self, timeout: float = 15_000) -> None:
        """Wait until the timeline holds the treaty's history (its controls are enabled)."""
        self.map.locator(".tm-range:not([disabled])").wait_for(state="attached", timeout=timeout)

    # Play
    def play(self, pace: str = "2 s") -> None:
        """Choose the pace ('1 s', '2 s', '4 s') and press the map's ▶ Play."""
        self.map.locator(".tm-play-pace").select_option(label=pace)
        self.map.locator(".tm-play-button").click()

    def is_playing(self) -> bool:
        return self.map.locator("body").get_attribute("data-playing") == "true"

    def wait_until_stopped(self, timeout: float = 15_000) -> None:
        self.map.locator('body[data-playing="false"]').wait_for(state="attached", timeout=timeout)

    def play_button_text(self) -> str:
        return self.map.locator(".tm-play-button").inner_text()

    # Selecting a state
    def selected_on_map(self) -> list[str]:
        """The states drawn with the selection outline (black, thick), in drawing order."""
        return self.map.locator("body").evaluate(
            """() => {
                const picked = [];
                const check = layer => {
                    const path = layer._path;
                    if (path && path.getAttribute('stroke') === '#000000' && Number(path.getAttribute('stroke-width')) >= 3)
                        picked.push(layer.feature.properties.iso3);
                };
                window.treatyMapLayers.countries.eachLayer(check);
                window.treatyMapLayers.microstates.eachLayer(check);
                return picked;
            }"""
        )

    def wait_for_selected(self, iso3: str, timeout: float = 15_000) -> None:
        self.frame().wait_for_function(
            """iso3 => {
                let outlined = false;
                window.treatyMapLayers.countries.eachLayer(layer => {
                    if (layer.feature.properties.iso3 === iso3 && layer._path.getAttribute('stroke') === '#000000') outlined = true;
                });
                return outlined;
            }""",
            arg=iso3,
            timeout=timeout,
        )

    def wait_until_still(self, quiet_ms: int = 300, timeout: float = 10_000) -> None:
        """Wait until the map has stopped moving (the first render fits Europe to the frame, animated)."""
        self.frame().wait_for_function(
            """quiet => {
                const map = window.treatyMapLayers && window.treatyMapLayers.map;
                if (!map || map._animatingZoom || (map._panAnim && map._panAnim._inProgress)) return false;
                const size = map.getSize();
                const view = [map.getBounds().toBBoxString(), size.x, size.y].join();
                const now = performance.now();
                if (window.__tmView !== view) { window.__tmView = view; window.__tmSince = now; return false; }
                return now - window.__tmSince >= quiet;
            }""",
            arg=quiet_ms,
            polling=50,
            timeout=timeout,
        )

    def click_state(self, iso3: str) -> None:
        """Click a point inside the state's shape (not under the legend or a control)."""
        self.wait_until_still()
        point = self.map.locator("body").evaluate(
            """(body, iso3) => {
                let target = null;
                window.treatyMapLayers.countries.eachLayer(layer => { if (layer.feature.properties.iso3 === iso3) target = layer; });
                if (!target) return null;
                const hits = p => document.elementFromPoint(p.x, p.y) === target._path;
                const box = target._map.getContainer().getBoundingClientRect();
                const centre = target._map.latLngToContainerPoint(target.getCenter());
                const first = {x: box.left + centre.x, y: box.top + centre.y};
                if (hits(first)) return first;
                const shape = target._path.getBoundingClientRect();
                for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
                    const p = {x: shape.left + shape.width * i / 24, y: shape.top + shape.height * j / 24};
                    if (hits(p)) return p;
                }
                return null;
            }""",
            iso3,
        )
        assert point, f"no visible point of {iso3} to click"
        frame_box = self.page.locator(MAP_FRAME).bounding_box()
        self.page.mouse.click(frame_box["x"] + point["x"], frame_box["y"] + point["y"])

    # Tabs under the map
    def open_tab(self, name: str) -> None:
        self.page.get_by_role("tab", name=name).click()

    def current_tab(self) -> str:
        return self.page.locator('[role="tab"][aria-selected="true"]').inner_text().strip()

    def tab_text(self) -> str:
        """The text of the open tab's panel."""
        return self.page.locator('[role="tabpanel"]:visible').inner_text()

    def wait_for_tab_text(self, text: str, timeout: float = 15_000) -> None:
        self.page.locator('[role="tabpanel"]:visible', has_text=text).wait_for(timeout=timeout)

    def timeline_bars(self) -> list[str]:
        """The withdrawal timeline's notice bars as drawn (each bar's accessible label, with its tooltip fields)."""
        bars = self.page.locator('[data-testid="stVegaLiteChart"] svg g.mark-rect.role-mark path')
        bars.first.wait_for(timeout=30_000)
        return bars.evaluate_all("paths => paths.map(path => path.getAttribute('aria-label'))")

    # Notices
    def notices(self) -> list[dict]:
        """Each warning on the page: its text as read, and the links it holds."""
        return self.page.locator('[data-testid="stAlert"]').evaluate_all(
            "alerts => alerts.map(a => ({text: a.innerText, links: [...a.querySelectorAll('a')].map(l => l.href)}))"
        )

    # Layout
    def horizontal_overflow(self) -> int:
        """How many pixels the page is wider than the window (0: no horizontal scroll bar)."""
        return self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")

    def map_width_share(self) -> float:
        return self.page.locator(MAP_FRAME).bounding_box()["width"] / self.page.evaluate("window.innerWidth")
