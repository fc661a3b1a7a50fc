"""The date on screen: its bounds, the link's ?date= read once with a notice when unusable, and the
dates the map's timeline sends back."""
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from components.date_controls import DateRange, date_range
from tests.app_page import open_script

# Bounds 1 Jan 2000 to 31 Dec 2026; "today" is fixed at 1 June 2026.
PAGE = """
from datetime import date
import streamlit as st
from components.date_controls import DateRange, chosen_date, move_to
bounds = DateRange(date(2000, 1, 1), date(2026, 12, 31))
if "wanted" in st.session_state:
    move_to(bounds, st.session_state.pop("wanted"))
st.text(chosen_date(bounds, date(2026, 6, 1)).isoformat())
"""


def page(**query: str) -> AppTest:
    return open_script(PAGE, **query)


def shown(app: AppTest) -> str:
    return app.text[0].value


def test_the_range_runs_from_adoption_to_a_year_after_the_last_change():
    bounds = date_range(date(1997, 9, 18), [date(1999, 3, 1), date(2026, 2, 20)], today=date(2026, 6, 1))
    assert bounds == DateRange(date(1997, 9, 18), date(2027, 2, 20))


def test_the_range_reaches_today_when_the_last_change_is_long_past():
    assert date_range(date(1997, 9, 18), [date(2003, 11, 1)], today=date(2026, 6, 1)).last == date(2026, 6, 1)
    assert date_range(date(1997, 9, 18), [], today=date(2026, 6, 1)).last == date(2026, 6, 1)


def test_clamp_keeps_a_day_inside_the_bounds():
    bounds = DateRange(date(2000, 1, 1), date(2026, 12, 31))
    assert bounds.clamp(date(1999, 12, 31)) == date(2000, 1, 1)
    assert bounds.clamp(date(2027, 1, 1)) == date(2026, 12, 31)
    assert bounds.clamp(date(2025, 12, 27)) == date(2025, 12, 27)


def test_a_date_in_the_link_is_shown_and_kept_in_the_link():
    app = page(date="2025-12-27")
    assert shown(app) == "2025-12-27" and not app.warning
    assert app.query_params["date"] == "2025-12-27"


def test_without_a_date_in_the_link_today_is_shown_and_written_into_it():
    app = page()
    assert shown(app) == "2026-06-01" and not app.warning
    assert app.query_params["date"] == "2026-06-01"


@pytest.mark.parametrize(
    ("raw", "notice"),
    [("2025-13-01", "is not a date (YYYY-MM-DD)"), ("1990-01-01", "outside the treaty's history (2000-01-01 to 2026-12-31)")],
)
def test_an_unusable_date_in_the_link_falls_back_to_today_with_a_notice(raw, notice):
    app = page(date=raw)
    assert shown(app) == "2026-06-01"
    [warning] = app.warning
    assert notice in warning.value
    assert app.query_params["date"] == "2026-06-01"


def test_a_date_from_the_timeline_moves_the_page_and_is_kept_within_the_bounds():
    app = page(date="2025-12-27")
    app.session_state["wanted"] = "2026-01-10"
    assert shown(app.run()) == "2026-01-10"
    app.session_state["wanted"] = "2030-01-01"
    assert shown(app.run()) == "2026-12-31"


def test_text_that_is_not_a_date_from_the_timeline_changes_nothing():
    app = page(date="2025-12-27")
    app.session_state["wanted"] = "soon"
    app.run()
    assert shown(app) == "2025-12-27" and not app.exception


# The timeline's window: the link's ?window=, read once with a notice when unusable, and the windows the
# map's timeline sends back.
WINDOW_PAGE = """
from datetime import date
import streamlit as st
from components.date_controls import DateRange, choose_window, chosen_window
bounds = DateRange(date(2000, 1, 1), date(2026, 12, 31))
if "wanted" in st.session_state:
    choose_window(bounds, st.session_state.pop("wanted"))
st.text(str(chosen_window(bounds)))
"""


def window_page(**query: str) -> AppTest:
    return open_script(WINDOW_PAGE, **query)


def test_a_window_in_the_link_is_used_and_kept_in_the_link():
    app = window_page(window="2025-01-01..2026-06-30")
    assert shown(app) == "2025-01-01..2026-06-30" and not app.warning
    assert app.query_params["window"] == "2025-01-01..2026-06-30"


def test_without_a_window_in_the_link_none_is_chosen_and_none_is_written():
    app = window_page()
    assert shown(app) == "None" and not app.warning
    assert "window" not in app.query_params


def test_a_window_reaching_past_the_history_is_cut_to_it():
    assert shown(window_page(window="1990-01-01..2030-01-01")) == "2000-01-01..2026-12-31"


@pytest.mark.parametrize(
    ("raw", "notice"),
    [
        ("2026-01-01..2025-01-01", "is not two dates, the first before the second (YYYY-MM-DD..YYYY-MM-DD)"),
        ("2025-02-30..2026-01-01", "is not two dates"),
        ("2025-01-01", "is not two dates"),
        ("1980-01-01..1990-01-01", "is outside the treaty's history (2000-01-01 to 2026-12-31)"),
    ],
)
def test_an_unusable_window_in_the_link_falls_back_to_the_recent_changes_with_a_notice(raw, notice):
    app = window_page(window=raw)
    assert shown(app) == "None"
    [warning] = app.warning
    assert notice in warning.value and "showing the recent changes instead" in warning.value
    assert "window" not in app.query_params


def test_a_window_from_the_timeline_is_kept_and_anything_else_is_not():
    app = window_page(window="2025-01-01..2026-06-30")
    app.session_state["wanted"] = "2012-01-01..2013-12-31"
    assert shown(app.run()) == "2012-01-01..2013-12-31"
    assert app.query_params["window"] == "2012-01-01..2013-12-31"
    app.session_state["wanted"] = {"start": "2020-01-01"}
    assert shown(app.run()) == "2012-01-01..2013-12-31" and not app.exception
