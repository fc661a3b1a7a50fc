"""The briefing map in a real browser: what a briefer sees when opening a date and pointing at a state."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.expected_colours import STATUS_HEX
from treaty.statuses import LABELS
from tests.browser.map_page import MapPage, engine_fills
from treaty.loader import load_dataset
from treaty.status import change_dates, compile_timelines

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_the_map_draws_offline_and_asks_nothing_of_the_network(page, app_url, outside_requests):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    assert briefing.fill_of("DEU") == STATUS_HEX["party"]
    assert outside_requests == []


@pytest.mark.parametrize(
    ("day", "status"),
    [("2025-12-26", "withdrawal_pending"), ("2025-12-27", "withdrawn")],
)
def test_lithuania_changes_colour_on_the_day_its_withdrawal_takes_effect(page, app_url, day, status):
    briefing = MapPage(page, app_url).open(f"date={day}")
    briefing.wait_for_date(day)
    assert briefing.fill_of("LTU") == STATUS_HEX[status]


def test_the_legend_shows_the_colours_the_map_uses(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-27")
    briefing.wait_for_date("2025-12-27")
    legend = briefing.legend()
    for iso3, status in [("LTU", "withdrawn"), ("FIN", "withdrawal_pending"), ("UKR", "suspension_rejected"), ("RUS", "not_party"), ("NOR", "party")]:
        assert briefing.fill_of(iso3) == STATUS_HEX[status]
        assert legend[LABELS[status]] == rgb(STATUS_HEX[status])
    assert legend[LABELS["not_covered"]] == rgb(STATUS_HEX["not_covered"])


def test_hovering_a_state_shows_its_status_dates_and_sources(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-26")
    briefing.wait_for_date("2025-12-26")
    tooltip = briefing.hover("FIN")
    assert "Finland" in tooltip
    assert LABELS["withdrawal_pending"] in tooltip
    assert "in 15 days" in tooltip
    assert "Instrument of withdrawal deposited: 2025-07-10" in tooltip
    assert "Source:" in tooltip


def test_stepping_back_through_ten_changes_colours_every_state_as_the_status_engine_does(page, app_url):
    """The browser colours each date from the history it fetched once; it must agree with Python."""
    changes = change_dates(compile_timelines(load_dataset(ROOT / "data" / "apmbc.yaml")))
    briefing = MapPage(page, app_url).open("region=world&date=2026-02-20")  # the world's view stops at every change
    briefing.wait_for_date("2026-02-20")
    for day in reversed(changes[-11:-1]):
        briefing.press_timeline("◀ Change")
        briefing.wait_for_date(day.isoformat())
        assert briefing.fills() == engine_fills("apmbc", day), day
