"""Accessibility of the page: its CSS fixes, the map's text version, and the accessibility statement.

The map itself (one Tab stop, arrow keys, names, live regions) is render/static/map_keyboard.js.
"""
from __future__ import annotations

import streamlit as st

from render.text_version import BODY_CLASS, FOLDED_HEADING

# - Captions: Streamlit fades them to 3.9:1 on white; WCAG 1.4.3 asks 4.5:1. The theme's own text colour,
#   slightly faded, keeps well above it in every theme.
# - The selected treaty's label: the theme's text colour, not the primary colour's tint (4.47:1).
# - Heading anchors: a "Link to heading" Tab stop beside each heading, read as nothing useful.
# - The text version's lists (written by the browser into an st.html block, which indents lists) sit as Markdown's.
_PAGE_CSS = """
<style>
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: inherit !important; opacity: 0.82; }
  button[data-variant="segmented_control"][data-selected="true"],
  button[data-variant="segmented_control"][data-selected="true"] * { color: inherit !important; }
  [data-testid="stHeaderActionElements"] { display: none; }
  div.tm-text-body ul { padding-left: 0; }
</style>
"""


def page_accessibility() -> None:
    st.html(_PAGE_CSS)


def text_version() -> None:
    """The map as text, right after the map: drawn once here, outside the part of the page a date step reruns,
    and written by the map's frame for the date on the map (render/static/text_version.js): the heading with
    the date, the sentence, the highlight and callouts in words, then the region's states by status."""
    with st.container(key="text_version"), st.expander(FOLDED_HEADING):
        st.html(f'<div class="{BODY_CLASS}"></div>')


STATEMENT = """
#### Accessibility statement
Treaty Map aims to conform with **EN 301 549 V3.2.1**, which applies **WCAG 2.1 level AA** to the web
(the standard of the EU Web Accessibility Directive, 2016/2102); it is also checked against WCAG 2.2 AA.

**Compliance status.** Partially compliant: the page and the map are checked with axe-core (WCAG 2.0, 2.1
and 2.2 A and AA rules) on every tab, in presentation mode and in each theme, with no violation found, and
the keyboard path from the top of the page to a state's record is tested. Automated checks find about a
third of the problems there are: the parts listed below do not conform, or have not been tested by hand.

**Non-accessible content, and why.**
- The map's colours are the main way the map speaks; every colour has a label in the legend, the hover
  card and the text version, but neighbouring states in related colours can be hard to tell apart at a
  glance for some colour-vision deficiencies (1.4.1 is met by the text, not by the map alone).
- The shapes of very small states are dots 12 px across: they can be reached with the keyboard and the
  text version, but as pointer targets they are below 24×24 px where states crowd together (2.5.8).
- The State record and All-states tables are Streamlit data grids drawn on a canvas: screen readers read
  them through Streamlit's own table model, which has not been tested with every screen reader. The CSV
  download carries the same content.
- The withdrawal timeline chart (Vega-Lite) gives each bar a label; its axes are not described.
- PNG and GIF exports are pictures: the Download tab offers a text alternative beside each PNG to copy
  with it; the GIF's frames have none of their own.
- Not yet tested with screen readers by people who use them daily (NVDA, JAWS, VoiceOver).

**How to get the content another way.** The *Text version of the map* (right under the map) lists every
state by status with its key dates for the chosen date; **All states** lists them with sources and
downloads as CSV; the SVG and PDF exports carry the sentence and counts as text, the PowerPoint deck's
pictures have alternative text, and the offline HTML map works by keyboard. The data are plain YAML files
(`data/`), and `python -m treaty status FILE --date YYYY-MM-DD` prints every state's status as text.

**Keyboard.** The map is one Tab stop: ←/→ move between states (by name), a letter jumps to a state,
Enter opens its record, Escape closes the card. Outside the map ←/→ step through the changes in the shown region.

**Feedback and enforcement.** Report a barrier, or ask for the content in another format, through the
project's issue tracker or the contact of the body that publishes this map; if the answer is not
satisfactory, the national enforcement body of the publishing body's country under Directive 2016/2102
handles complaints.

This statement was prepared on 1 December 2026 from automated tests (axe-core 4.14.1 in Chromium) and a
keyboard walk-through by the developers.
"""


def accessibility_statement() -> None:
    st.markdown(STATEMENT)
