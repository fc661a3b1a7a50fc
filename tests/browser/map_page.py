"""What a test does on the app page, in the user's terms: open a date, read a state's colour, hover it."""
from __future__ import annotations

from playwright.sync_api import FrameLocator, Page

MAP_FRAME = 'iframe[title="components.map_view.treaty_map"]'


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

    def legend(self) -> dict[str, str]:
        """Legend label -> swatch colour (as rgb()), as drawn."""
        return self.map.locator(".tm-legend").evaluate(
            """legend => Object.fromEntries([...legend.querySelectorAll('.tm-legend-row')].map(row => [
                row.querySelector('.tm-legend-label').textContent,
                getComputedStyle(row.querySelector('.tm-swatch')).backgroundColor]))"""
        )

    def hover(self, iso3: str) -> str:
        """Move the mouse onto a state's shape and return the tooltip's text."""
        box = self.map.locator("body").evaluate(
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
        tooltip = self.map.locator(".tm-tooltip")
        tooltip.wait_for(state="visible", timeout=10_000)
        return tooltip.inner_text()
