"""The status colours stay distinguishable for the most common colour-vision deficiencies.

Simulation: Machado, Oliveira and Fernandes (2009), severity 1.0, applied in linear sRGB; distance:
CIE76 ΔE in CIELAB. ΔE ≥ 15 reads as clearly different colours side by side on a map. Greyscale (and a washed-out
projector) keeps only lightness: the CIELAB L* of each colour. Text contrast: WCAG 2 relative luminance.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from render.palette import CHROME, COLOURS, categories
from render.payload import palette_payload
from tests.expected_colours import STATUS_HEX, THEME_HEX
from treaty.statuses import LABELS, Theme

MACHADO_2009 = {
    "normal": np.eye(3),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
}
MIN_DELTA_E = 15.0


def linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(linear_rgb: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(linear_rgb, 0, 1)
    ratio = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(ratio > (6 / 29) ** 3, np.cbrt(ratio), ratio / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_as(vision: str, hex_colour: str) -> np.ndarray:
    return lab(MACHADO_2009[vision] @ linear(hex_colour))


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("vision", list(MACHADO_2009))
def test_every_pair_of_status_colours_stays_distinct(vision, theme):
    too_close = []
    for first, second in itertools.combinations(categories(theme), 2):
        delta = float(np.linalg.norm(seen_as(vision, first.colour) - seen_as(vision, second.colour)))
        if delta < MIN_DELTA_E:
            too_close.append((first.key, second.key, round(delta, 1)))
    assert too_close == []


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("claim", ["contested", "suspension_rejected"])
def test_a_suspension_claim_and_not_covered_are_far_apart_for_everyone(claim, theme):
    colours = {category.key: category.colour for category in categories(theme)}
    for vision in MACHADO_2009:
        assert np.linalg.norm(seen_as(vision, colours[claim]) - seen_as(vision, colours["not_covered"])) > 30


@pytest.mark.parametrize("column, theme", [(0, Theme.LIGHT), (1, Theme.DARK), (2, Theme.HIGH_CONTRAST)])
def test_each_theme_uses_these_colours_in_this_legend_order(column, theme):
    assert [(category.key, category.colour) for category in categories(theme)] == [
        (key, colours[column]) for key, colours in THEME_HEX.items()
    ]


def test_each_status_has_its_agreed_colour_in_every_legend_and_fill():
    """Swapping two colours (pending and under way, party and joined) keeps every pair distinct, so only
    a fixed table catches it: what the map, the legend and the exports draw with."""
    assert COLOURS == STATUS_HEX
    sent = palette_payload()["palette"]
    assert {entry["key"]: entry["colour"] for entry in sent} == STATUS_HEX
    assert {entry["key"]: entry["label"] for entry in sent} == LABELS


# The statuses on the map in the 2025 withdrawals story; neighbours on the map hold most of these pairs.
STORY = ("party", "withdrawal_pending", "withdrawn", "contested", "suspension_rejected", "not_party")
MIN_LIGHTNESS_STEP = 8.0  # L*: two neighbouring shapes still read as different greys
PENDING_TO_WITHDRAWN = 25.0  # the pair a briefer must never confuse: unmistakably different greys


def lightness(hex_colour: str) -> float:
    return float(seen_as("normal", hex_colour)[0])


@pytest.mark.parametrize("theme", list(Theme))
def test_the_story_statuses_differ_in_greyscale(theme):
    colours = {category.key: category.colour for category in categories(theme)}
    too_close = [
        (first, second, round(abs(lightness(colours[first]) - lightness(colours[second])), 1))
        for first, second in itertools.combinations(STORY, 2)
        if abs(lightness(colours[first]) - lightness(colours[second])) < MIN_LIGHTNESS_STEP
    ]
    assert too_close == []


@pytest.mark.parametrize("theme", list(Theme))
def test_withdrawn_is_far_darker_than_pending_for_every_vision(theme):
    colours = {category.key: category.colour for category in categories(theme)}
    for vision in MACHADO_2009:
        pending, withdrawn = seen_as(vision, colours["withdrawal_pending"]), seen_as(vision, colours["withdrawn"])
        assert pending[0] - withdrawn[0] >= PENDING_TO_WITHDRAWN, vision


def test_pending_and_withdrawn_were_too_close_before_and_the_check_says_so():
    """The old pair (Okabe-Ito orange and vermilion) is what the projector washed together."""
    assert lightness("#E69F00") - lightness("#D55E00") < PENDING_TO_WITHDRAWN


def luminance(hex_colour: str) -> float:
    return float(np.array([0.2126, 0.7152, 0.0722]) @ linear(hex_colour[:7]))


def composite(over: str, under: str) -> str:
    """`over` (#RRGGBB or #RRGGBBAA) laid on the opaque `under`, as the browser paints a translucent panel."""
    alpha = int(over[7:9], 16) / 255 if len(over) == 9 else 1.0
    mixed = [round(alpha * int(over[i : i + 2], 16) + (1 - alpha) * int(under[i : i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert composite("#00000080", "#FFFFFF") == "#7F7F7F"


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("ink", ["text", "count", "faint", "warning"])
def test_legend_and_card_text_reads_on_its_panel_over_any_fill(theme, ink):
    """The legend and the timeline lie over the sea and the shapes: the panel is checked over each of them."""
    chrome = CHROME[theme]
    grounds = [chrome.page, chrome.sea, *(category.colour for category in categories(theme))]
    worst = min(contrast(getattr(chrome, ink), composite(chrome.panel, ground)) for ground in grounds)
    assert worst >= 4.5


@pytest.mark.parametrize("theme", list(Theme))
def test_links_read_on_the_page(theme):
    chrome = CHROME[theme]
    assert contrast(chrome.link, chrome.page) >= 4.5
