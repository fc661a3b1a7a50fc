"""The map's card in the browser: the best source of each key date with its kind, 'sources differ', how
many sources the record holds; a click lists every source strongest first with its link."""
import pytest

from tests.browser.map_page import MAP_FRAME, MapPage
from tests.browser.test_robustness_browser import serving
from tests.test_sources_shown import OTHER_NOTE, SOURCES_DIFFER, WHY

pytestmark = pytest.mark.browser


def test_the_card_names_the_best_source_and_the_click_lists_every_source_strongest_first(page, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "apmbc.yaml").write_text(SOURCES_DIFFER, encoding="utf-8")
    with serving(folder) as (url, _):
        briefing = MapPage(page, url).open("date=2025-12-27")
        briefing.wait_for_date("2025-12-27")

        tooltip = briefing.hover("LTU")
        assert "Instrument of withdrawal deposited: 2025-06-27\nSource: Secretary-General of the United Nations (UN depositary) and 1 more sources differ" in tooltip
        assert "Withdrawal takes effect: 2025-12-27\nSource: Secretary-General of the United Nations (UN depositary)\n" in tooltip
        assert tooltip.endswith("3 sources — click for the record")

        briefing.click_state("LTU")
        popup = page.frame_locator(MAP_FRAME).locator(".tm-popup")
        popup.wait_for(state="visible", timeout=10_000)
        text = popup.inner_text()
        assert (
            "Instrument of withdrawal deposited: 2025-06-27\n"
            "Sources: Secretary-General of the United Nations (UN depositary); Lithuania leaves the Convention (press)\n"
            f"Sources differ: 2025-06-26 per Lithuania leaves the Convention (press) — {OTHER_NOTE}\n"
            f"Shown: 2025-06-27 — {WHY}"
        ) in text
        links = popup.locator(".tm-card a").evaluate_all("links => links.map(link => [link.textContent, link.getAttribute('href')])")
        assert links[:2] == [
            ["Landmine Monitor 2003 Lithuania", "http://archives.the-monitor.org/lithuania.html"],
            ["Landmine Monitor 2003 Lithuania", "http://archives.the-monitor.org/lithuania.html"],
        ]
        assert links[2:5] == [
            ["Secretary-General of the United Nations", "https://example.org/depositary-ltu"],
            ["Lithuania leaves the Convention", "https://example.org/ltu"],
            ["Lithuania leaves the Convention", "https://example.org/ltu"],
        ]
