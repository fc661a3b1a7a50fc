"""Highlighted states and callouts from the link: `?highlight=LTU,LVA,EST` (codes in any case) and
`?callout=LTU:First%20to%20leave` or `?callout=54.69,25.28:Vilnius` (repeatable). What cannot be read is
dropped from the link with a notice naming it; the rest is drawn."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import streamlit as st
from pydantic import ValidationError

from components.notices import literal, notice
from storyboard.model import Callout

HIGHLIGHT_KEY, CALLOUT_KEY = "highlight", "callout"
MAX_CALLOUTS = 8  # more would crowd any map; the storyboard file has the same per-step room
MAX_LINK_TEXT = 600  # longer highlight text is not a list of state codes
CALLOUT_CHARACTERS = 140  # as storyboard files: a callout is short


@dataclass(frozen=True)
class Story:
    highlight: frozenset[str] = frozenset()
    callouts: tuple[Callout, ...] = ()


def parse_highlight(text: str, codes: Collection[str]) -> tuple[frozenset[str], list[str]]:
    """The state codes in `text` (commas or spaces between, any case) that the map has, and the
    others as written (upper-cased, each once)."""
    words = list(dict.fromkeys(word.upper() for word in re.split(r"[,\s]+", text[:MAX_LINK_TEXT]) if word))
    return frozenset(word for word in words if word in codes), [word for word in words if word not in codes]


def parse_callout(text: str, codes: Collection[str]) -> Callout | str:
    """`STATE:text` or `LAT,LON:text` as a Callout, or why it is not one."""
    anchor, colon, words = text.partition(":")
    words = " ".join(words.split())
    if not colon or not words or not anchor.strip():
        return "is not STATE:text or LAT,LON:text"
    if not words.isprintable():
        return "has control characters"
    if len(words) > CALLOUT_CHARACTERS:
        return f"is longer than {CALLOUT_CHARACTERS} characters"
    if "," in anchor:
        try:
            lat, lon = (float(part) for part in anchor.split(","))
        except ValueError:
            return "has no readable latitude and longitude before the colon"
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return "has a point outside latitude -90..90, longitude -180..180"
        where = {"at": (lat, lon)}
    else:
        code = anchor.strip().upper()
        if code not in codes:
            return "names a state that is not on the map"
        where = {"state": code}
    try:
        return Callout(text=words, **where)
    except ValidationError as error:
        return f"is not a callout ({error.errors()[0]['msg']})"


def story_from_link(codes: Collection[str]) -> Story:
    """The link's highlight and callouts; what cannot be read is named in a notice and dropped from the link."""
    highlight: frozenset[str] = frozenset()
    if (raw := st.query_params.get(HIGHLIGHT_KEY)) is not None:
        highlight, unknown = parse_highlight(raw, codes)
        if unknown:
            named = ", ".join(literal(code, 12) for code in unknown[:6]) + (f" and {len(unknown) - 6} more" if len(unknown) > 6 else "")
            notice(f"The link highlights {named}: not states on the map, left out.")
        if highlight:
            st.query_params[HIGHLIGHT_KEY] = ",".join(sorted(highlight))
        else:
            del st.query_params[HIGHLIGHT_KEY]
    callouts, kept = [], []
    for raw in st.query_params.get_all(CALLOUT_KEY):
        parsed = parse_callout(raw, codes)
        if isinstance(parsed, str):
            notice(f"The link's callout {literal(raw)} {parsed}: left out.")
        elif len(callouts) == MAX_CALLOUTS:
            notice(f"The link has more than {MAX_CALLOUTS} callouts: the first {MAX_CALLOUTS} are drawn.")
            break
        else:
            callouts.append(parsed)
            kept.append(raw)
    if kept != st.query_params.get_all(CALLOUT_KEY):
        st.query_params[CALLOUT_KEY] = kept
    return Story(highlight, tuple(callouts))
