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


_LIGHT = Chrome(
    border="#FFFFFF", not_covered_border="#9A9A9A", marker_edge="#333333", selected="#000000",
    page="#F4F6F8", sea="#DCE6EE", panel="#FFFFFFF0", panel_edge="#CCCCDD", shadow="#0000004D",
    swatch_edge="#555555", count="#444444", faint="#555555", warning="#8A4B00",
)
# Dark and high-contrast themes are not designed yet: they repeat the light one until then.
CHROME: Mapping[Theme, Chrome] = MappingProxyType({Theme.LIGHT: _LIGHT, Theme.DARK: _LIGHT, Theme.HIGH_CONTRAST: _LIGHT})


def categories(theme: Theme = DEFAULT_THEME) -> tuple[Category, ...]:
    return tuple(Category(row.key, row.label, row.colours[theme]) for row in STATUS_TABLE)


CATEGORIES = categories()
COLOURS = MappingProxyType({category.key: category.colour for category in CATEGORIES})
BORDER_COLOUR = CHROME[DEFAULT_THEME].border
NOT_COVERED_BORDER = CHROME[DEFAULT_THEME].not_covered_border
