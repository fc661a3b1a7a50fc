"""Colours for drawing, per theme: each status's fill from the status table (treaty/statuses.py), in the
table's (legend) order, and the strokes around shapes and markers. Every fill, legend and browser script
takes its colours from here."""
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
class Strokes:
    border: str  # between covered states
    not_covered_border: str  # around a shape the dataset does not cover (dashed in the browser)
    marker_edge: str  # around a microstate's dot
    selected: str  # around the state the viewer selected


STROKES: Mapping[Theme, Strokes] = MappingProxyType({
    Theme.LIGHT: Strokes("#FFFFFF", "#9A9A9A", "#333333", "#000000"),
    Theme.DARK: Strokes("#FFFFFF", "#9A9A9A", "#333333", "#000000"),
    Theme.HIGH_CONTRAST: Strokes("#FFFFFF", "#9A9A9A", "#333333", "#000000"),
})


def categories(theme: Theme = DEFAULT_THEME) -> tuple[Category, ...]:
    return tuple(Category(row.key, row.label, row.colours[theme]) for row in STATUS_TABLE)


CATEGORIES = categories()
COLOURS = MappingProxyType({category.key: category.colour for category in CATEGORIES})
BORDER_COLOUR = STROKES[DEFAULT_THEME].border
NOT_COVERED_BORDER = STROKES[DEFAULT_THEME].not_covered_border
