"""Sharing and printing: a Copy-link button for the page's address (which holds treaty, date, state, tab,
presentation mode and the map's view), and a print stylesheet: one landscape page with the day's sentence,
the map, its legend and date, and no buttons."""
from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

COPIED = "Link copied"

# The address is the app page's (this button sits in a frame of its own). The page's clipboard is tried
# first (the click's user activation reaches it), then this frame's, then a selected text area, so it also
# works where the clipboard API is missing (plain http on a LAN). Colours and font are the page's.
_COPY_LINK = """
<style>
  body { margin: 0; font-family: sans-serif; font-size: 14px; }
  button { font: inherit; color: inherit; background: transparent; border: 1px solid; border-radius: 0.5rem;
           padding: 0.3rem 0.8rem; cursor: pointer; opacity: 0.9; }
  button:hover, button:focus-visible { opacity: 1; }
  #said { margin-left: 0.6rem; }
</style>
<button id="copy" type="button" title="Copy this view's address: treaty, date, state, tab, zoom and centre">Copy link</button>
<span id="said" role="status" aria-live="polite"></span>
<script>
  const button = document.getElementById("copy"), said = document.getElementById("said");
  try {
    const page = getComputedStyle(window.parent.document.body);
    document.body.style.color = page.color;
    document.body.style.fontFamily = page.fontFamily;
  } catch (error) { /* not embedded */ }

  function selectAndCopy(text) {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }

  function say(text) {
    said.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { said.textContent = ""; }, 4000);
  }

  button.addEventListener("click", function () {
    let link = window.location.href, clipboard = navigator.clipboard;
    try {
      link = window.parent.location.href;
      clipboard = window.parent.navigator.clipboard || clipboard;
    } catch (error) { /* not embedded */ }
    const fallback = function () { say(selectAndCopy(link) ? "%(copied)s" : "Could not copy: copy the address bar"); };
    if (clipboard) clipboard.writeText(link).then(function () { say("%(copied)s"); }, fallback);
    else fallback();
  });
</script>
""" % {"copied": COPIED}

PRINT_CSS = """
<style>
  @page { size: landscape; margin: 8mm; }
  @media print {
    header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"], [data-testid="stDecoration"],
    footer, [data-testid="stTabs"], [data-testid="stAlert"], [data-testid="stButton"], [data-testid="stDownloadButton"],
    [data-testid="stButtonGroup"], [data-testid="stCheckbox"], .st-key-copy_link { display: none !important; }
    .block-container { padding: 0 !important; max-width: 100% !important; }
    /* The map with its legend and date line fills the rest of the page, never split over two. */
    .st-key-map_frame iframe { height: 150mm !important; break-inside: avoid; }
  }
</style>
"""


def copy_link_button(container) -> None:
    with container.container(key="copy_link"):
        components.html(_COPY_LINK, height=42)


def print_stylesheet() -> None:
    st.html(PRINT_CSS)
