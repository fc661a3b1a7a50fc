"""The selected state: read once from ?state=, dropped with a notice when unknown, kept in the link."""
from streamlit.testing.v1 import AppTest

from tests.app_page import open_script

PAGE = """
import streamlit as st
from components.selection import keep_in_url, select, selected_state
codes = st.session_state.get("codes", {"LTU", "NOR"})
if "pick" in st.session_state:
    select(st.session_state.pop("pick"))
chosen = selected_state(codes)
st.text(str(chosen))
keep_in_url(chosen)
"""


def page(**query: str) -> AppTest:
    return open_script(PAGE, **query)


def test_a_known_state_in_the_link_is_selected_and_stays_in_the_link():
    app = page(state="LTU")
    assert app.text[0].value == "LTU" and not app.warning
    assert app.query_params["state"] == "LTU"


def test_an_unknown_state_in_the_link_selects_nothing_with_a_notice():
    app = page(state="XXX")
    assert app.text[0].value == "None"
    [warning] = app.warning
    assert "`XXX` is not in this dataset" in warning.value
    assert "state" not in app.query_params


def test_selecting_writes_the_link_and_clearing_removes_it():
    app = page()
    app.session_state["pick"] = "NOR"
    app.run()
    assert app.text[0].value == "NOR" and app.query_params["state"] == "NOR"
    app.session_state["pick"] = None
    app.run()
    assert app.text[0].value == "None" and "state" not in app.query_params


def test_a_selection_the_next_treaty_does_not_have_is_dropped():
    app = page(state="NOR")
    app.session_state["codes"] = {"LTU"}
    app.run()
    assert app.text[0].value == "None"
