"""What the server answers to a date step (AppTest): the browser sends the date with the history it read it
from, so it has painted that date already; the answer then carries the date's sentence and figures but no
colours. A date the browser did not colour itself (a link, the first message, a date read from another
treaty's history) comes with its colours."""
from __future__ import annotations

from tests.app_page import map_arguments, open_page, tell_from_map

COLOURS = {"fills", "date_label", "remaining", "takes_effect"}


def test_a_step_from_the_maps_history_is_answered_without_the_colours_the_browser_painted():
    page = open_page(date="2025-12-26")
    opened = map_arguments(page)
    assert COLOURS <= set(opened), "the first message colours the map before the history arrives"
    assert opened["remaining"] == {"EST": 1, "FIN": 15, "LTU": 1, "LVA": 1, "POL": 56}

    tell_from_map(page, date="2025-12-27", history=opened["history_url"])
    step = map_arguments(page)
    assert step["date"] == "2025-12-27" and not COLOURS & set(step)
    assert step["sentence"] == {"date": "2025-12-27", "text": (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days. "
        "163 States Parties worldwide; in Europe 44 of 55 states are bound.")}
    assert step["counts"] == "163 States Parties worldwide; in Europe 44 of 55 states are bound"


def test_a_date_read_from_another_treatys_history_is_not_applied_and_the_map_keeps_its_colours():
    page = open_page(date="2025-12-26")
    tell_from_map(page, date="2025-12-27", history="history-0000000000000000.json")
    answer = map_arguments(page)
    assert answer["date"] == "2025-12-26" and COLOURS <= set(answer)
