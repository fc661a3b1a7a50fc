"""The theme selector and the link's ?theme=: light, dark or contrast; anything else falls back to the
system's theme with a notice; the page's CSS carries the chosen theme's colours (fixed values)."""
from streamlit.testing.v1 import AppTest

from components.theme import page_css
from tests.app_page import open_script

PAGE = """
import streamlit as st
from components.theme import theme_choice
choice = theme_choice(st)
st.write(f"browser={choice.for_browser} drawn={choice.drawn.value}")
"""


def page(**query: str) -> AppTest:
    return open_script(PAGE, **query)


def said(app: AppTest) -> str:
    return app.markdown[-1].value


def test_each_theme_in_the_link_is_chosen_and_kept_in_the_link():
    for name, value in (("light", "light"), ("dark", "dark"), ("contrast", "high_contrast")):
        app = page(theme=name)
        assert not app.warning
        assert said(app) == f"browser={value} drawn={value}"
        assert app.query_params["theme"] == name


def test_without_a_theme_the_browser_follows_the_system_and_the_link_stays_clean():
    app = page()
    assert said(app).startswith("browser=auto ")
    assert "theme" not in app.query_params


def test_an_unknown_theme_is_named_and_the_system_theme_used():
    app = page(theme="purple")
    [warning] = app.warning
    assert "`purple` is not light, dark or contrast" in warning.value
    assert said(app).startswith("browser=auto ")
    assert "theme" not in app.query_params


def test_choosing_a_theme_on_the_page_puts_it_in_the_link():
    app = page()
    app.selectbox[0].set_value("contrast").run()
    assert said(app) == "browser=high_contrast drawn=high_contrast"
    assert app.query_params["theme"] == "contrast"


def test_the_page_css_paints_the_theme_and_follows_the_system_preference_when_none_is_chosen():
    assert "background: #0E1216" in page_css("dark") and "color: #F2F4F7" in page_css("dark")
    assert "background: #FFFFFF" in page_css("contrast") and "prefers-color-scheme" not in page_css("contrast")
    system = page_css("system")
    light_at, dark_at = system.index("background: #F4F6F8"), system.index("background: #0E1216")
    assert light_at < system.index("@media (prefers-color-scheme: dark)") < dark_at
