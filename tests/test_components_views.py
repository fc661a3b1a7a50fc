"""The tabs below the map and the link's ?view=: an unknown view is dropped with a notice."""
from streamlit.testing.v1 import AppTest

from tests.app_page import open_script

PAGE = """
from components.views import check_view_link, view_tabs
check_view_link()
view_tabs()
"""


def page(**query: str) -> AppTest:
    return open_script(PAGE, **query)


def test_the_eight_tabs_in_order():
    assert [tab.label for tab in page().tabs] == [
        "State record", "All states", "Withdrawal timeline", "Compare treaties", "Before and after", "Storyboard", "Download",
        "Sources and method",
    ]


def test_a_known_view_in_the_link_raises_no_notice():
    app = page(view="All states")
    assert not app.warning and app.query_params["view"] == "All states"


def test_an_unknown_view_is_named_dropped_from_the_link_and_the_first_tab_shown():
    app = page(view="Nope")
    [warning] = app.warning
    assert "`Nope` is not one of the tabs: showing State record" in warning.value
    assert "view" not in app.query_params
