"""The colour a briefer sees for each status, written out here and not read from render.palette, so
that a colour changed or two colours swapped in the code fails the tests that compare fills with it.

Changing a colour on purpose means changing it here too (and in the README's legend if it has one).
"""
from PIL import ImageColor

STATUS_HEX = {
    "party": "#0072B2",
    "withdrawal_under_way": "#F0E442",
    "withdrawal_pending": "#E69F00",
    "contested": "#CC79A7",
    "suspension_rejected": "#4B0055",
    "joined": "#56B4E9",
    "signatory": "#009E73",
    "suspended": "#DDCC77",
    "withdrawn": "#D55E00",
    "not_party": "#5E5E5E",
    "not_covered": "#EDEDED",
}


def expected_rgb(status_key: str) -> tuple[int, int, int]:
    return ImageColor.getrgb(STATUS_HEX[status_key])[:3]
