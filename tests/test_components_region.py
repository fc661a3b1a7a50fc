"""The region on the page (AppTest): each preset opened from the link is chosen, kept in the link, moves
the map to its view and gives its figures; one chosen on the page goes into the link; an unknown one is
dropped with a notice. The Download tab and the tables take the page's region."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.regions import DEFAULT_REGION, REGIONS
from tests.app_page import map_arguments, open_page
from tests.test_render_text_version import written_in_browser

ROOT = Path(__file__).resolve().parents[1]

# Written out, not read from geo.regions: the presets the issue asks for, by their ids in the link.
PRESETS = {"world": "World", "europe": "Europe", "nordic-baltic": "Nordic–Baltic", "africa": "Africa",
           "americas": "Americas", "asia-pacific": "Asia–Pacific", "middle-east": "Middle East"}


def test_the_presets_are_the_ones_asked_for_with_europe_first_as_default():
    assert {region_id: region.label for region_id, region in REGIONS.items()} == PRESETS
    assert DEFAULT_REGION.id == "europe"


@pytest.mark.parametrize("region_id", list(PRESETS))
def test_each_region_round_trips_through_the_link(region_id):
    page = open_page(date="2025-12-27", region=region_id.upper() if region_id == "africa" else region_id)
    assert page.selectbox(key="region").value == region_id
    # Europe is the default: its link needs no region (a link without one opens on Europe).
    assert page.query_params.get("region") == (None if region_id == "europe" else region_id)
    sent = map_arguments(page)["region"]
    assert sent == {"id": region_id, "fit": [list(corner) for corner in REGIONS[region_id].view_fit]}
    figures = map_arguments(page)["counts"]
    # 166 bound on 26 December 2025 (the Monitor's and the treaty President's count), less the three Baltic withdrawals
    assert figures.startswith("163 States Parties worldwide")
    assert (f"in {PRESETS[region_id]} " in figures or f"states in {PRESETS[region_id]}" in figures) == (region_id != "world")
    assert page.warning == [] or all("region" not in w.value for w in page.warning)


def test_choosing_a_region_on_the_page_puts_it_in_the_link_and_the_figures():
    page = open_page(date="2025-12-27")
    page.selectbox(key="region").set_value("nordic-baltic").run()
    assert page.query_params["region"] == "nordic-baltic"
    # Denmark, Iceland, Norway, Sweden bound; Estonia, Latvia, Lithuania withdrawn that day; Finland pending (bound).
    assert map_arguments(page)["counts"] == "163 States Parties worldwide; in Nordic–Baltic 5 of 8 states are bound"
    page.selectbox(key="region").set_value("europe").run()
    assert "region" not in page.query_params


def test_an_unknown_region_in_the_link_gets_a_notice_and_europe():
    page = open_page(region="mars")
    assert page.selectbox(key="region").value == "europe"
    assert any("region `mars` is not one of" in w.value and "showing Europe" in w.value for w in page.warning)


def test_the_all_states_table_opens_on_the_pages_region_and_shows_the_world_on_request():
    page = open_page(date="2025-12-27", region="nordic-baltic", view="All states")
    table = next(t for t in page.tabs if t.label == "All states")
    assert sorted(table.dataframe[0].value["Code"]) == ["DNK", "EST", "FIN", "ISL", "LTU", "LVA", "NOR", "SWE"]
    table.selectbox(key="table_region-nordic-baltic").set_value("world").run()
    table = next(t for t in page.tabs if t.label == "All states")
    assert len(table.dataframe[0].value) == 198  # every state in the file: 193 UN members, VAT, PSE, COK, NIU, XKX


def test_the_text_version_under_the_map_lists_the_regions_states():
    """What the page tells the browser, run through the browser's script (Node): the region's states only."""
    arguments = map_arguments(open_page(date="2025-12-27", region="nordic-baltic"))
    build = ROOT / "build" / "map_component"
    payload = json.loads((build / arguments["text_url"]).read_text(encoding="utf-8"))
    constant = re.search(r"window.treatyMapConstant = (\{.*?\});</script>", (build / "index.html").read_text(encoding="utf-8"))
    members = json.loads(constant.group(1))["regions"][arguments["region"]["id"]]
    [written] = written_in_browser(payload, [{"date": arguments["sentence"]["date"], "members": members, "title": arguments["title"]}])
    # Denmark, Iceland, Norway, Sweden parties; Finland pending; Estonia, Latvia, Lithuania withdrawn: 8 states.
    assert [(group["label"], len(group["lines"])) for group in written["groups"]] == [
        ("State Party", 4), ("Withdrawal notified, pending (still bound)", 1), ("Withdrawn (former party)", 3)]
    assert not any(line.startswith("Poland") for group in written["groups"] for line in group["lines"])
