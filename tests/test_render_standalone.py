"""The offline HTML map: it loads nothing from outside, holds every change date, escapes the dataset's
strings, and really works in a browser (Debian's Chromium, with every outside request refused)."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from geo.countries import microstate_points
from render.captions import as_of_line, title_on
from render.folium_map import MAP_SCRIPT
from render.payload import date_payload
from render.standalone import LEAFLET_DIR, TIMELINE_SCRIPT, standalone_html
from tests.expected_colours import STATUS_HEX
from tests.export_fixtures import (
    HOSTILE_NAME,
    HOSTILE_TREATY,
    PENDING_DAY,
    WITHDRAWN_DAY,
    embedded,
    hostile_dataset,
    real_data,
    tags_of,
)
from treaty.loader import load_dataset
from treaty.status import Status, change_dates, statuses_on

LOADING_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                      "video": "src", "audio": "src", "embed": "src", "object": "data"}


@lru_cache(maxsize=1)
def page_html() -> str:
    data = real_data()
    return standalone_html(
        data.inputs.dataset, data.countries, data.microstates, data.inputs.geometry_metadata, PENDING_DAY, data.inputs.timelines
    )


def test_the_page_loads_nothing_from_any_address():
    collected = tags_of(page_html())
    loads = [(tag, attrs[attribute]) for tag, attrs in collected.tags
             for attribute in [LOADING_ATTRIBUTES.get(tag)] if attribute and attrs.get(attribute)]
    assert loads == []  # Leaflet, its CSS and every script are inline
    styles = " ".join(collected.styles)
    assert "@import" not in styles
    assert re.findall(r"url\((?!data:|#default#VML)", styles) == []  # Leaflet's images are data: addresses


def test_leaflet_and_both_map_scripts_are_inline():
    html = page_html()
    for script in (LEAFLET_DIR / "leaflet.js", MAP_SCRIPT, TIMELINE_SCRIPT):
        assert f"<script>{script.read_text(encoding='utf-8')}</script>" in html, script.name


def test_every_change_date_is_a_frame_with_the_engines_colours():
    timelines = real_data().inputs.timelines
    page = embedded(page_html(), "tm-page")
    days = {day.isoformat(): day for day in [*change_dates(timelines), PENDING_DAY]}
    assert [frame["date"] for frame in page["frames"]] == sorted(days)
    codes = tuple(real_data().countries["iso3"])
    for frame in page["frames"]:
        day = days[frame["date"]]
        assert frame["fills"] == date_payload(statuses_on(timelines, day), codes, day)["fills"]
    opening = page["frames"][page["initial"]]
    assert opening["date"] == PENDING_DAY.isoformat()
    assert opening["fills"]["LTU"] == Status.WITHDRAWAL_PENDING.value


def test_title_as_of_and_attribution_are_on_the_page():
    data = real_data()
    html = page_html()
    assert f'<h1 id="tm-title">{title_on(data.inputs.dataset, PENDING_DAY)}</h1>' in html
    assert as_of_line(data.inputs.dataset) in html
    assert "Made with Natural Earth" in html
    assert embedded(html, "tm-page")["attribution"].startswith("Made with Natural Earth")


def test_every_state_record_is_embedded_for_tooltips_and_popups():
    details = embedded(page_html(), "tm-details")
    assert set(details) == {state.iso3 for state in real_data().inputs.dataset.states}
    assert details["LTU"]["facts"]


def test_hostile_dataset_strings_are_escaped_everywhere(tmp_path):
    dataset = load_dataset(hostile_dataset(tmp_path))
    countries = real_data().countries
    html = standalone_html(dataset, countries, microstate_points(countries), real_data().inputs.geometry_metadata, WITHDRAWN_DAY)
    assert "<script>alert(1)" not in html
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=&quot;alert(2)&quot;&gt;Mine Ban&lt;/b&gt; &amp; Co" in html  # in the title bar
    assert embedded(html, "tm-details")["LTU"]["name"] == HOSTILE_NAME  # intact as data, for textContent
    frames = embedded(html, "tm-page")["frames"]
    assert any(HOSTILE_NAME in frame["sentence"] for frame in frames)
    assert all(frame["heading"].startswith(HOSTILE_TREATY) for frame in frames)


@pytest.mark.browser
def test_the_page_works_offline_in_a_browser_and_steps_with_the_arrow_keys(tmp_path, browser):
    path = tmp_path / "map.html"
    path.write_text(page_html(), encoding="utf-8")
    outside, errors = [], []
    context = browser.new_context(viewport={"width": 1600, "height": 900})

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "about:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector(f'body[data-rendered-date="{PENDING_DAY.isoformat()}"]')
    fill_of = """iso => { let fill = null; window.treatyMapLayers.countries.eachLayer(layer => {
        if (layer.feature.properties.iso3 === iso) fill = layer.options.fillColor; }); return fill; }"""
    assert page.evaluate(fill_of, "LTU") == STATUS_HEX["withdrawal_pending"]
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(f'body[data-rendered-date="{WITHDRAWN_DAY.isoformat()}"]')
    assert page.evaluate(fill_of, "LTU") == STATUS_HEX["withdrawn"]
    assert page.text_content("#tm-title") == title_on(real_data().inputs.dataset, WITHDRAWN_DAY)
    assert "Made with Natural Earth" in page.text_content(".leaflet-control-attribution")
    page.click("#tm-prev")
    page.wait_for_selector(f'body[data-rendered-date="{PENDING_DAY.isoformat()}"]')
    context.close()
    assert outside == [] and errors == []
