"""One mapping from status to label and colour: it drives every fill and every legend.

Colours are Okabe-Ito, chosen to stay distinguishable under deuteranopia and protanopia
(tests/test_render_palette.py checks this with a colour-vision simulation). Bound statuses are
blue or warm; states that are not bound are grey or red; "not covered" is a pale grey outline
so it never reads as a status.
"""
from __future__ import annotations

from dataclasses import dataclass

from treaty.status import Status

NOT_COVERED = "not_covered"


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    colour: str
    bound: bool


CATEGORIES: tuple[Category, ...] = (
    Category(Status.PARTY.value, "State Party", "#0072B2", True),
    Category(Status.WITHDRAWAL_UNDER_WAY.value, "Withdrawal under way (still bound)", "#F0E442", True),
    Category(Status.WITHDRAWAL_PENDING.value, "Withdrawal notified, pending (still bound)", "#E69F00", True),
    Category(Status.CONTESTED.value, "Claimed suspension, rejected (still bound)", "#CC79A7", True),
    Category(Status.JOINED.value, "Joined, not yet in force", "#56B4E9", False),
    Category(Status.SIGNATORY.value, "Signatory, not bound", "#009E73", False),
    Category(Status.WITHDRAWN.value, "Withdrawn (former party)", "#D55E00", False),
    Category(Status.NOT_PARTY.value, "Not a party", "#5E5E5E", False),
    Category(NOT_COVERED, "Not covered by this dataset", "#EDEDED", False),
)

COLOURS = {category.key: category.colour for category in CATEGORIES}
LABELS = {category.key: category.label for category in CATEGORIES}
BORDER_COLOUR = "#FFFFFF"
NOT_COVERED_BORDER = "#9A9A9A"
