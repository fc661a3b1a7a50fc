"""The colour a briefer sees for each status, written out here and not read from render.palette, so
that a colour changed or two colours swapped in the code fails the tests that compare fills with it.

Changing a colour on purpose means changing it here too (and in the README's legend if it has one).
"""
from PIL import ImageColor

THEME_HEX = {
    # status: (light, dark, high contrast)
    "party": ("#005F9E", "#3E97E0", "#004F8F"),
    "withdrawal_under_way": ("#F0E442", "#F6EE6A", "#FFF200"),
    "withdrawal_pending": ("#E69F00", "#F59A1A", "#FFA800"),
    "contested": ("#CC79A7", "#FFC2E2", "#E070B4"),
    "suspension_rejected": ("#4B0055", "#6E2C90", "#3D0047"),
    "joined": ("#56B4E9", "#888FB2", "#3298FF"),
    "signatory": ("#00B386", "#36A25A", "#38934A"),
    "suspended": ("#DDCC77", "#FCF3BD", "#FDF087"),
    "withdrawn": ("#7F1409", "#B8241A", "#6B0F06"),
    "not_party": ("#767676", "#777777", "#767676"),
    "cannot_join": ("#2B2B2B", "#1A1A1A", "#000000"),
    "not_applied": ("#EEEEBB", "#BBBB99", "#DDDDAA"),
    "not_covered": ("#EDEDED", "#353A40", "#FFFFFF"),
}
# What the map, the legend and the exports draw with by default.
STATUS_HEX = {key: colours[0] for key, colours in THEME_HEX.items()}


def expected_rgb(status_key: str) -> tuple[int, int, int]:
    return ImageColor.getrgb(STATUS_HEX[status_key])[:3]
