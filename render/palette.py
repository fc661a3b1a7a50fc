"""Colours for drawing, per theme: each status's fill from the status table (treaty/statuses.py), in the
table's (legend) order, and the chrome: strokes around shapes and markers, and the page, sea, legend,
hover card and timeline bar around them. Every fill, legend and browser script takes its colours from
here (the browser's as `palette` and `chrome` in render.payload.palette_payload)."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from treaty.statuses import STATUS_TABLE, Theme

DEFAULT_THEME = Theme.LIGHT


@dataclass(frozen=True)
class Category:
    """A legend entry: a status key, its label and its fill in one theme."""

    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class Chrome:
    border: str  # between covered states
    not_covered_border: str  # around a shape the dataset does not cover (dashed in the browser)
    marker_edge: str  # around a microstate's dot
    selected: str  # around the state the viewer selected
    page: str
    sea: str
    panel: str  # the legend's and the timeline bar's background
    panel_edge: str
    shadow: str
    swatch_edge: str
    count: str  # the legend's counts
    faint: str  # sources, notes and hints in the hover card
    warning: str  # the countdown, precision flags and the change ticks on the timeline
    text: str  # text on the page and the panels
    control: str  # a button's background (the timeline's, the legend's switch)
    link: str  # a link on the page (a record's sources), at least 4.5:1 on `page`


_LIGHT = Chrome(
    border="#FFFFFF", not_covered_border="#9A9A9A", marker_edge="#333333", selected="#000000",
    page="#F4F6F8", sea="#DCE6EE", panel="#FFFFFFF0", panel_edge="#CCCCDD", shadow="#0000004D",
    swatch_edge="#555555", count="#444444", faint="#555555", warning="#8A4B00", text="#1A1A1A", control="#F0F2F5",
    link="#0B57A4",
)
# For a projector in a dim room: a dark page and sea, light text, dark lines between the states.
_DARK = Chrome(
    border="#101418", not_covered_border="#5A616A", marker_edge="#E6E6E6", selected="#FFFFFF",
    page="#0E1216", sea="#16212C", panel="#1B2129F2", panel_edge="#3A4350", shadow="#00000099",
    swatch_edge="#C8CDD3", count="#C8CDD3", faint="#B4BAC2", warning="#FFB454", text="#F2F4F7", control="#2A323C",
    link="#8AB4F8",
)
# Black on white, black outlines, opaque panels: nothing relies on a tint.
_HIGH_CONTRAST = Chrome(
    border="#000000", not_covered_border="#000000", marker_edge="#000000", selected="#000000",
    page="#FFFFFF", sea="#BFDDF5", panel="#FFFFFF", panel_edge="#000000", shadow="#000000",
    swatch_edge="#000000", count="#000000", faint="#1A1A1A", warning="#7A3300", text="#000000", control="#FFFFFF",
    link="#00008B",
)
CHROME: Mapping[Theme, Chrome] = MappingProxyType({Theme.LIGHT: _LIGHT, Theme.DARK: _DARK, Theme.HIGH_CONTRAST: _HIGH_CONTRAST})


def categories(theme: Theme = DEFAULT_THEME) -> tuple[Category, ...]:
    return tuple(Category(row.key, row.label, row.colours[theme]) for row in STATUS_TABLE)


CATEGORIES = categories()
COLOURS = MappingProxyType({category.key: category.colour for category in CATEGORIES})
BORDER_COLOUR = CHROME[DEFAULT_THEME].border
NOT_COVERED_BORDER = CHROME[DEFAULT_THEME].not_covered_border
