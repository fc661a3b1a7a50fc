"""Editing a storyboard in the page: each edit returns a new Storyboard (the model is frozen), checked
again as a whole, so an edit that would break a rule (more than 60 steps) raises instead of slipping in."""
from __future__ import annotations

from storyboard.model import Step, Storyboard


def _with_steps(storyboard: Storyboard, steps: list[Step]) -> Storyboard:
    return Storyboard(title=storyboard.title, treaty=storyboard.treaty, steps=steps)


def with_step_added(storyboard: Storyboard | None, step: Step, title: str, treaty: str) -> Storyboard:
    """The storyboard with `step` at the end; a new one (`title`, `treaty`) if there was none."""
    if storyboard is None:
        return Storyboard(title=title, treaty=treaty, steps=[step])
    return _with_steps(storyboard, [*storyboard.steps, step])


def with_step_replaced(storyboard: Storyboard, index: int, step: Step) -> Storyboard:
    steps = list(storyboard.steps)
    steps[index] = step
    return _with_steps(storyboard, steps)


def with_step_moved(storyboard: Storyboard, index: int, offset: int) -> Storyboard:
    """Step `index` moved `offset` places (-1 up, +1 down), stopping at either end."""
    steps = list(storyboard.steps)
    target = min(max(index + offset, 0), len(steps) - 1)
    steps.insert(target, steps.pop(index))
    return _with_steps(storyboard, steps)


def with_step_removed(storyboard: Storyboard, index: int) -> Storyboard | None:
    """Without step `index`; None once the last step has gone (a storyboard has at least one)."""
    steps = [step for position, step in enumerate(storyboard.steps) if position != index]
    return _with_steps(storyboard, steps) if steps else None


def retitled(storyboard: Storyboard, title: str) -> Storyboard:
    return Storyboard(title=title, treaty=storyboard.treaty, steps=list(storyboard.steps))
