"""Highlighted states and callouts on the browser map: the app's (from the link) and the offline HTML's."""
from __future__ import annotations

from datetime import date

import pytest

from render.standalone import standalone_html
from storyboard.model import Callout
from tests.browser.map_page import MapPage
from tests.export_fixtures import real_data

pytestmark = pytest.mark.browser

BALTIC = ["EST", "FIN", "LTU", "LVA", "POL"]
# Per shape: whether it is outlined (and its outline's width) or muted, as the browser draws it.
STORY = """() => {
    const shapes = {};
    window.treatyMapLayers.countries.eachLayer(layer => {
        const path = layer._path, style = getComputedStyle(path);
        shapes[layer.feature.properties.iso3] = {
            outlined: path.classList.contains('tm-highlighted'), width: parseFloat(style.strokeWidth),
            stroke: style.stroke, text: getComputedStyle(document.documentElement).getPropertyValue('--tm-text').trim(),
            opacity: parseFloat(style.fillOpacity),
        };
    });
    const callouts = [...document.querySelectorAll('.tm-callout-box')].map(box => {
        const r = box.getBoundingClientRect();
        return {text: box.textContent, box: [r.left, r.top, r.right, r.bottom]};
    });
    const leaders = document.querySelectorAll('path.tm-callout-leader').length;
    return {shapes, callouts, leaders};
}"""
# The highlighted states' shapes' boxes on screen, to check no callout box covers one.
HIGHLIGHT_BOXES = """() => [...document.querySelectorAll('path.tm-highlighted')].map(p => {
    const r = p.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def assert_story(story: dict, highlighted: list[str]) -> None:
    shapes = story["shapes"]
    assert sorted(code for code, shape in shapes.items() if shape["outlined"]) == highlighted
    for code in highlighted:
        shape = shapes[code]
        assert shape["width"] >= 3 and shape["stroke"] == rgb(shape["text"]) and shape["opacity"] == 1, code
    others = [shape for code, shape in shapes.items() if code not in highlighted]
    assert others and all(shape["opacity"] < 0.6 for shape in others)


def test_the_link_highlight_outlines_the_states_and_mutes_the_others_in_the_app_map(page, app_url):
    briefing = MapPage(page, app_url).open("date=2026-03-01&highlight=ltu,LVA,est,FIN,pol&callout=LTU:First%20to%20leave")
    briefing.wait_for_date("2026-03-01")
    briefing.map.locator(".tm-callout-box").wait_for()
    story = briefing.map.locator("body").evaluate(f"body => ({STORY})()")
    assert_story(story, BALTIC)
    assert [callout["text"] for callout in story["callouts"]] == ["First to leave"] and story["leaders"] == 1


def test_the_offline_html_draws_the_same_highlight_and_callouts(browser, tmp_path):
    data = real_data()
    html = standalone_html(data.inputs.dataset, data.countries, data.microstates, data.inputs.geometry_metadata,
                           date(2026, 3, 1), data.inputs.timelines, highlight=frozenset(BALTIC),
                           callouts=(Callout(text="First to leave", state="LTU"), Callout(text="Kyiv", at=(50.45, 30.52))))
    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    offline = context.new_page()
    offline.goto(path.as_uri())
    offline.wait_for_selector("body[data-rendered-date]", state="attached")
    story = offline.evaluate(STORY)
    assert_story(story, BALTIC)
    assert [callout["text"] for callout in story["callouts"]] == ["First to leave", "Kyiv"] and story["leaders"] == 2
    # At the opening view no callout box covers the middle of a highlighted state.
    for left, top, right, bottom in offline.evaluate(HIGHLIGHT_BOXES):
        middle = ((left + right) / 2, (top + bottom) / 2)
        for callout in story["callouts"]:
            x0, y0, x1, y1 = callout["box"]
            assert not (x0 <= middle[0] <= x1 and y0 <= middle[1] <= y1), callout["text"]
    context.close()
