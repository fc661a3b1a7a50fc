"""Notices about the link, which the reader may dismiss, and showing text from a link or a dataset safely
in Markdown: it must read as written, never as markup."""
from __future__ import annotations

import hashlib

import streamlit as st

DISMISSED = "dismissed_notices"

# What can form markup in the middle of a line: emphasis, code, links and images ([), HTML, tables,
# strikethrough, LaTeX, and the colon of a bare web address (auto-linked otherwise).
# Line-start markers (#, -, 1.) cannot occur: callers put text after a prefix.
_MARKDOWN_SPECIALS = "\\`*_[]<>|~$:"


def literal(value: str, limit: int = 40) -> str:
    """A value from the address, quoted as code, so no Markdown or auto-link can form."""
    shown = " ".join(value[:limit].replace("`", "'").split())
    return f"`{shown}{'…' if len(value) > limit else ''}`"


def plain(text: str) -> str:
    """Dataset text for st.markdown: every character that could form markup is escaped."""
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIALS else char for char in text)


def notice(text: str) -> None:
    """A warning with a Dismiss button beside it; once dismissed, the same words stay away this session."""
    dismissed = st.session_state.setdefault(DISMISSED, set())
    key = hashlib.sha256(text.encode()).hexdigest()[:12]
    if key in dismissed:
        return
    message, close = st.columns([7, 1], vertical_alignment="center")
    message.warning(text, icon="⚠️")
    close.button("Dismiss", key=f"dismiss-{key}", icon=":material/close:", help="Hide this notice",
                 on_click=dismissed.add, args=(key,))
