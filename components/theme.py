"""The colour theme: light, dark (for a projector) or high contrast, chosen on the page or in the address
(`?theme=light|dark|contrast`); with no choice, the system's light/dark preference decides.

The page gets the theme's colours here, as CSS (Streamlit's own theme cannot be set per viewer from
Python); the map, its legend, timeline and hover card get every theme's colours once with the map
document and the chosen theme's name with each message, so a change repaints without reloading the
geometry (render/static/map_present.js); the charts are drawn in `ThemeChoice.drawn`.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.notices import literal, notice
from render.palette import CHROME, Chrome
from treaty.statuses import Theme

THEME = "theme"
SYSTEM = "system"
IN_ADDRESS = {"light": Theme.LIGHT, "dark": Theme.DARK, "contrast": Theme.HIGH_CONTRAST}
LABELS = {SYSTEM: "Theme: system", "light": "Theme: light", "dark": "Theme: dark (projector)", "contrast": "Theme: high contrast"}
DARK_PREFERENCE = "@media (prefers-color-scheme: dark)"


@dataclass(frozen=True)
class ThemeChoice:
    name: str  # SYSTEM or a key of IN_ADDRESS

    @property
    def for_browser(self) -> str:
        """What the map is told: a theme's value, or "auto" to follow the system there and then."""
        return "auto" if self.name == SYSTEM else IN_ADDRESS[self.name].value

    @property
    def drawn(self) -> Theme:
        """The theme the server draws in (charts): the chosen one, or the one Streamlit's page follows."""
        if self.name != SYSTEM:
            return IN_ADDRESS[self.name]
        return Theme.DARK if st.context.theme.type == "dark" else Theme.LIGHT


def page_rules(chrome: Chrome) -> str:
    """The page's background and text in a theme's colours."""
    return (
        f'.stApp {{ background: {chrome.page}; color: {chrome.text}; }}\n'
        # The header bar stays see-through: painted, it would cover the treaty selector under it.
        'header[data-testid="stHeader"] { background: transparent; }\n'
        # Text on the page itself; a widget's own text stays in Streamlit's colours, on its own surface.
        f'.stApp [data-testid="stMarkdown"], .stApp [data-testid="stHeading"], .stApp [data-testid="stCaptionContainer"],'
        f' .stApp [data-testid="stWidgetLabel"], .stApp [data-baseweb="tab"] p {{ color: {chrome.text}; }}\n'
        # Links (a record's sources) in the theme's link colour: Streamlit's own is for its light page.
        f'.stApp [data-testid="stMarkdown"] a, .stApp [data-testid="stCaptionContainer"] a'
        f' {{ color: {chrome.link}; text-decoration: underline; }}\n'
    )


def page_css(name: str) -> str:
    if name == SYSTEM:
        rules = page_rules(CHROME[Theme.LIGHT]) + f"{DARK_PREFERENCE} {{\n{page_rules(CHROME[Theme.DARK])}}}\n"
    else:
        rules = page_rules(CHROME[IN_ADDRESS[name]])
    return f"<style>\n{rules}</style>"


def theme_choice(container) -> ThemeChoice:
    """The selector, bound to `?theme=`; the page takes the chosen theme's colours."""
    if THEME not in st.session_state:
        wanted = st.query_params.get(THEME)
        st.session_state[THEME] = wanted if wanted in IN_ADDRESS else SYSTEM
        if wanted is not None and wanted not in IN_ADDRESS:
            notice(f"The link's theme {literal(wanted)} is not light, dark or contrast: the system's theme is used.")
    name = container.selectbox(
        "Theme", list(LABELS), format_func=LABELS.get, key=THEME, label_visibility="collapsed",
    )  # no help icon: one Tab stop fewer before the map (README and Sources and method say what each theme is for)
    if name == SYSTEM:
        st.query_params.pop(THEME, None)
    else:
        st.query_params[THEME] = name
    st.html(page_css(name))
    return ThemeChoice(name)
