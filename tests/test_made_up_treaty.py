"""A made-up treaty (tests/fixtures/made_up_treaty.yaml) with rules unlike the Mine Ban Convention's:
entry into force 90 days after deposit, withdrawal twelve months after notice, a suspension clause. With
no code of its own it validates, gets its statuses from its own rules, draws, exports and reads right."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from components.method import method_markdown
from components.withdrawal_chart import chart_spec
from export.__main__ import main as export_main
from export.batch import load_export_data
from render.payload import history_payload
from render.snapshot import SnapshotRenderer
from tests.expected_colours import expected_rgb as rgb
from tests.export_fixtures import interior_point
from treaty.__main__ import main as treaty_main
from treaty.loader import load_dataset
from treaty.narrative import describe_day
from treaty.status import Status, compile_timelines

MADE_UP = Path(__file__).parent / "fixtures" / "made_up_treaty.yaml"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(MADE_UP)


@pytest.fixture(scope="module")
def compiled(dataset):
    return {timeline.iso3: timeline for timeline in compile_timelines(dataset)}


def test_it_validates_on_the_command_line(capsys):
    assert treaty_main(["validate", str(MADE_UP)]) == 0
    assert "states: 5" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("iso3", "day", "status"),
    [
        ("ISL", date(2011, 3, 31), Status.JOINED),  # deposited before the threshold: the general date
        ("ISL", date(2011, 4, 1), Status.PARTY),
        ("IRL", date(2012, 3, 10), Status.JOINED),  # a later joiner: 90 days after 10 March 2012
        ("IRL", date(2012, 6, 7), Status.JOINED),
        ("IRL", date(2012, 6, 8), Status.PARTY),
        ("PRT", date(2024, 3, 15), Status.WITHDRAWAL_PENDING),  # twelve months' notice
        ("PRT", date(2025, 3, 14), Status.WITHDRAWAL_PENDING),
        ("PRT", date(2025, 3, 15), Status.WITHDRAWN),
        ("DNK", date(2023, 5, 31), Status.PARTY),
        ("DNK", date(2023, 6, 1), Status.SUSPENDED),  # the clause makes the suspension take effect
        ("CHE", date(2025, 3, 15), Status.NOT_PARTY),
    ],
)
def test_statuses_follow_its_own_rules(compiled, iso3, day, status):
    assert compiled[iso3].at(day).status is status


def test_the_withdrawal_counts_down_twelve_months_and_a_suspended_state_is_not_bound(compiled):
    portugal = compiled["PRT"].at(date(2024, 3, 15))
    assert (portugal.takes_effect, portugal.days_remaining) == (date(2025, 3, 15), 365)
    assert not compiled["DNK"].at(date(2023, 6, 1)).status.bound


def test_its_wording_comes_from_its_rules(dataset):
    method = method_markdown(dataset, {})
    assert "A withdrawal takes effect twelve months after the Depositary receives the instrument" in method
    assert "a later joiner from 90 days after its deposit" in method
    assert "**Suspension (Art. 16).** The treaty provides for suspension" in method
    assert "The map shows Denmark as 'Suspended under the treaty (not bound)' from 1 June 2023." in method
    for mine_ban_wording in ("Armed-conflict proviso", "six months", "sixth month", "claimed suspension", "Convention"):
        assert mine_ban_wording not in method


def test_its_sentences_and_timeline_read_right(dataset):
    all_timelines = compile_timelines(dataset)
    assert describe_day(all_timelines, date(2023, 6, 1)) == (
        "On 1 June 2023 Denmark suspends the treaty under its suspension clause: it is not bound while suspended."
    )
    assert describe_day(all_timelines, date(2025, 3, 15)).startswith("On 15 March 2025 the withdrawal of Portugal takes effect")
    spec = chart_spec(dataset, all_timelines, date(2025, 1, 1), date(2026, 1, 15))
    [bar] = spec["layer"][0]["data"]["values"]
    assert (bar["iso3"], bar["from"], bar["to"], bar["what"]) == ("PRT", "2024-03-15", "2025-03-15", "Notice of twelve months: deposit to effect")


def test_it_draws_for_the_browser(dataset):
    data = load_export_data(MADE_UP)
    codes = tuple(data.countries["iso3"])
    history = history_payload(compile_timelines(dataset), codes)
    assert "2012-06-08" in history["changes"] and "2023-06-01" in history["changes"]


def test_it_exports_png_and_svg_with_its_colours_legend_and_sentence(tmp_path):
    size = ["--size", "4:3", "--scale", "0.5"]
    assert export_main(["--dataset", str(MADE_UP), "--dates", "2023-06-01", "--formats", "png", "svg", "--out", str(tmp_path), *size]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["made-up-treaty-2023-06-01.png", "made-up-treaty-2023-06-01.svg"]
    data = load_export_data(MADE_UP)
    renderer = SnapshotRenderer(data.inputs, (1440, 1080), 0.5)
    png = Image.open(tmp_path / "made-up-treaty-2023-06-01.png").convert("RGB")
    assert png.getpixel(renderer.pixel_at(*interior_point(data, "DNK"))) == rgb("suspended")
    assert png.getpixel(renderer.pixel_at(*interior_point(data, "PRT"))) == rgb("party")
    assert png.getpixel(renderer.pixel_at(*interior_point(data, "CHE"))) == rgb("not_party")
    svg = (tmp_path / "made-up-treaty-2023-06-01.svg").read_text(encoding="utf-8")
    text = " ".join(re.findall(r">([^<>]+)<", svg))
    assert "Imaginary Objects Treaty" in text
    assert "Suspended under the treaty (not bound)" in text
    assert "Denmark suspends the treaty" in text
