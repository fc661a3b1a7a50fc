"""Editing a storyboard in the page (storyboard/editing.py) and carrying one in a link (storyboard/link.py)."""
from __future__ import annotations

import base64
import zlib
from datetime import date

import pytest
from pydantic import ValidationError

from storyboard.editing import retitled, with_step_added, with_step_moved, with_step_removed, with_step_replaced
from storyboard.link import LINK_LIMIT, LinkError, decoded, encoded
from storyboard.model import Step, Storyboard


def step(title: str, day: str = "2025-12-27") -> Step:
    return Step(title=title, date=date.fromisoformat(day))


def board(*titles: str) -> Storyboard:
    return Storyboard(title="Withdrawals", treaty="apmbc", steps=[step(title) for title in titles])


def titles(storyboard: Storyboard | None) -> list[str] | None:
    return None if storyboard is None else [s.title for s in storyboard.steps]


def test_the_first_step_starts_a_storyboard_and_the_next_go_at_the_end():
    first = with_step_added(None, step("A"), "Withdrawals", "apmbc")
    assert (first.title, first.treaty, titles(first)) == ("Withdrawals", "apmbc", ["A"])
    second = with_step_added(first, step("B"), "ignored", "ccm")
    assert (second.title, second.treaty, titles(second)) == ("Withdrawals", "apmbc", ["A", "B"])
    assert titles(first) == ["A"], "the storyboard before the edit is unchanged"


def test_steps_move_up_and_down_and_stop_at_the_ends():
    story = board("A", "B", "C")
    assert titles(with_step_moved(story, 2, -1)) == ["A", "C", "B"]
    assert titles(with_step_moved(story, 0, 1)) == ["B", "A", "C"]
    assert titles(with_step_moved(story, 0, -1)) == ["A", "B", "C"]
    assert titles(with_step_moved(story, 2, 1)) == ["A", "B", "C"]


def test_a_step_is_replaced_or_removed_and_the_last_removal_leaves_none():
    story = board("A", "B")
    assert titles(with_step_replaced(story, 1, step("B2", "2026-02-20"))) == ["A", "B2"]
    assert with_step_replaced(story, 1, step("B2", "2026-02-20")).steps[1].date == date(2026, 2, 20)
    assert titles(with_step_removed(story, 0)) == ["B"]
    assert with_step_removed(board("A"), 0) is None
    assert retitled(story, "Another").title == "Another"


def test_an_edit_that_breaks_the_rules_raises():
    full = board(*[f"S{n}" for n in range(60)])
    with pytest.raises(ValidationError):
        with_step_added(full, step("one too many"), "t", "apmbc")


def test_a_storyboard_travels_in_a_link_and_back():
    text = "title: Withdrawals\ntreaty: apmbc\nsteps:\n- title: Estonia — 27 December 2025\n  date: 2025-12-27\n"
    code = encoded(text)
    assert code is not None and set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decoded(code) == text


def test_a_storyboard_too_large_for_a_link_gets_none():
    import random

    noise = random.Random(7)
    text = "".join(noise.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(3 * LINK_LIMIT))
    assert encoded(text) is None


def pack(raw: bytes) -> str:
    return base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


@pytest.mark.parametrize("code, why", [
    ("not base64 at all!", "not base64"),
    (base64.urlsafe_b64encode(b"plain, not compressed").decode(), "not a compressed storyboard"),
    (pack(b"title: x\n" * 50)[:-6], "cut short"),
    (pack(b"\xff\xfe\x00bad"), "does not unpack to text"),
    (pack(b"a" * 2_000_000), "more than 512,000 bytes"),
    ("A" * (LINK_LIMIT + 1), "more than the 6,000"),
])
def test_a_hostile_link_gets_a_reason_not_a_crash(code, why):
    with pytest.raises(LinkError, match=why):
        decoded(code)
