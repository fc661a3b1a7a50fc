"""The status colours stay distinguishable for the most common colour-vision deficiencies.

Simulation: Machado, Oliveira and Fernandes (2009), severity 1.0, applied in linear sRGB; distance:
CIE76 ΔE in CIELAB. ΔE ≥ 15 reads as clearly different colours side by side on a map.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from render.palette import COLOURS, categories
from render.payload import palette_payload
from tests.expected_colours import STATUS_HEX
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


def test_the_light_theme_uses_these_colours_in_this_legend_order():
    assert [(category.key, category.colour) for category in categories(Theme.LIGHT)] == [
        ("party", "#0072B2"),
        ("withdrawal_under_way", "#F0E442"),
        ("withdrawal_pending", "#E69F00"),
        ("contested", "#CC79A7"),
        ("suspension_rejected", "#4B0055"),
        ("joined", "#56B4E9"),
        ("signatory", "#009E73"),
        ("suspended", "#DDCC77"),
        ("withdrawn", "#D55E00"),
        ("not_party", "#5E5E5E"),
        ("not_covered", "#EDEDED"),
    ]


def test_each_status_has_its_agreed_colour_in_every_legend_and_fill():
    """Swapping two colours (pending and under way, party and joined) keeps every pair distinct, so only
    a fixed table catches it: what the map, the legend and the exports draw with."""
    assert COLOURS == STATUS_HEX
    sent = palette_payload()["palette"]
    assert {entry["key"]: entry["colour"] for entry in sent} == STATUS_HEX
    assert {entry["key"]: entry["label"] for entry in sent} == LABELS
