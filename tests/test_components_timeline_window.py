"""The timeline's window through the whole app, without a browser: the link's ?window= reaches the map,
the window the briefer chooses on the map comes back into the address, and garbage changes nothing."""
from __future__ import annotations

from tests.app_page import map_arguments, open_page, tell_from_map


def test_the_links_window_reaches_the_map_and_stays_in_the_address():
    page = open_page(date="2025-12-27", window="2025-06-01..2025-12-31")
    assert map_arguments(page)["window"] == "2025-06-01..2025-12-31"
    assert page.query_params["window"] == "2025-06-01..2025-12-31"


def test_without_a_window_in_the_link_the_map_frames_the_recent_changes_itself():
    page = open_page(date="2025-12-27")
    assert map_arguments(page)["window"] is None
    assert "window" not in page.query_params


def test_a_window_chosen_on_the_map_goes_into_the_address_with_the_date():
    page = open_page(date="2025-12-27")
    tell_from_map(page, window="1997-09-18..2027-02-20", date="1997-12-03", history=map_arguments(page)["history_url"])
    assert page.query_params["window"] == "1997-09-18..2027-02-20"
    assert page.query_params["date"] == "1997-12-03"
    assert map_arguments(page)["window"] == "1997-09-18..2027-02-20"


def test_a_window_from_the_map_that_is_not_one_changes_nothing():
    page = tell_from_map(open_page(date="2025-12-27", window="2025-06-01..2025-12-31"), window="2026-01-01..2025-01-01")
    assert page.query_params["window"] == "2025-06-01..2025-12-31"
    assert not page.warning
