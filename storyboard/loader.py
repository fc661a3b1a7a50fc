"""Read, check and write storyboard files (briefings/*.yaml) under the datasets' discipline.

The YAML is read by treaty/yaml_reading.py (safe subset, lines kept); each step is validated on its own,
so one bad step hides nothing about another, then checked against the treaty's dataset: the treaty
exists, highlighted and pinned states are in the dataset or on the map, every date lies within the
treaty's history, every region exists. Every problem names file, line, step and field, e.g.

    briefings/x.yaml:14: step 3 ("27 June"), field 'highlight.1': 'XYZ' is not a state in the Mine Ban Convention file nor on the map

A file with any problem gives no storyboard at all (StoryboardError), so a page keeps the one it has.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from geo.countries import load_countries
from geo.regions import REGIONS
from storyboard.model import Step, Storyboard
from treaty.datasets import DATA_DIR
from treaty.dates import long_date
from treaty.loader import DatasetError, dataset_files, load_dataset
from treaty.model import Dataset
from treaty.status import change_dates, compile_timelines, track_last
from treaty.yaml_reading import FileProblems, Problem, _line_of, expanded_size, parse_yaml

MAX_STORYBOARD_BYTES = 200_000  # 60 steps of long notes fit ten times over
# Values in the file with YAML aliases expanded: a storyboard of 60 full steps has a few thousand.
MAX_EXPANDED_VALUES = 20_000
TITLE_SHOWN = 40  # characters of a step's title quoted in a problem


class StoryboardError(FileProblems):
    """The storyboard file could not be accepted; `problems` lists every reason, each placed."""


@dataclass(frozen=True)
class Reference:
    """What a storyboard is checked against: the treaty's dataset, the states on the map, the regions."""

    dataset: Dataset
    first_day: date  # the treaty's adoption
    last_day: date  # the timeline's end: a year after the last change, at least the dataset's as_of
    map_codes: frozenset[str]
    region_ids: frozenset[str]


def parse_storyboard(text: str, file_name: str, reference: Callable[[str], Reference | None] | None = None) -> Storyboard:
    """The storyboard in `text` (read from `file_name`), or StoryboardError listing every problem.

    `reference(treaty_id)` gives what the file is checked against (None: no such treaty); by default
    the dataset data/<treaty>.yaml, the committed geometry and the regions in geo/regions.py."""
    storyboard, problems = read_storyboard(text, file_name, reference)
    if problems:
        raise StoryboardError(Path(file_name), problems)
    return storyboard


def load_storyboard(path: str | Path, reference: Callable[[str], Reference | None] | None = None) -> Storyboard:
    """The storyboard in the file at `path`, or StoryboardError listing every problem."""
    name = str(path)
    try:
        if Path(path).stat().st_size > MAX_STORYBOARD_BYTES:
            raise StoryboardError(Path(path), [Problem(name, f"the file is larger than {MAX_STORYBOARD_BYTES:,} bytes")])
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StoryboardError(Path(path), [Problem(name, f"cannot be read: {error}")]) from None
    return parse_storyboard(text, name, reference)


def dump_storyboard(storyboard: Storyboard) -> str:
    """YAML that parse_storyboard reads back to an equal Storyboard: defaults left out, keys in the
    model's order, dates as YYYY-MM-DD, long text folded by YAML, never by hand."""
    plain = storyboard.model_dump(exclude_defaults=True)
    return yaml.dump(plain, Dumper=_StoryboardDumper, sort_keys=False, allow_unicode=True, width=100)


class _StoryboardDumper(yaml.SafeDumper):
    """Steps as blocks; a list of codes or a point on one line, `[LTU, LVA]`; notes with line breaks as `|` blocks."""


def _represent_list(dumper: yaml.SafeDumper, value: list | tuple) -> yaml.Node:
    flat = all(not isinstance(item, (dict, list, tuple)) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_StoryboardDumper.add_representer(list, _represent_list)
_StoryboardDumper.add_representer(tuple, _represent_list)
_StoryboardDumper.add_representer(str, _represent_text)


def read_storyboard(
    text: str, file_name: str, reference: Callable[[str], Reference | None] | None = None
) -> tuple[Storyboard | None, list[Problem]]:
    """The storyboard in `text` (None unless every part passed the schema) and every problem found."""
    if len(text.encode("utf-8", errors="replace")) > MAX_STORYBOARD_BYTES:
        return None, [Problem(file_name, f"the file is larger than {MAX_STORYBOARD_BYTES:,} bytes")]
    raw, problems = parse_yaml(text, file_name)
    if raw is None and problems:
        return None, problems
    if expanded_size(raw, MAX_EXPANDED_VALUES) >= MAX_EXPANDED_VALUES:
        return None, [Problem(file_name, f"the file stands for more than {MAX_EXPANDED_VALUES:,} values once its YAML aliases are expanded")]
    if not isinstance(raw, dict):
        return None, problems + [Problem(file_name, "the file must be a mapping with the keys title, treaty and steps")]
    problems += _schema_problems(Storyboard, raw, raw, file_name)
    steps = raw.get("steps")
    valid_steps: dict[int, Step] = {}
    for index, body in enumerate(steps if isinstance(steps, list) else []):
        found = _schema_problems(Step, body, raw, file_name, index)
        problems += found
        if not found:
            valid_steps[index] = Step.model_validate(body)
    treaty = raw.get("treaty")
    if isinstance(treaty, str) and not any(problem.field == "treaty" for problem in problems):
        # The steps that passed the schema are cross-checked too, so one bad step hides nothing.
        problems += check_steps(treaty, valid_steps, raw, file_name, reference or dataset_reference)
    return (None, sorted(problems, key=lambda problem: problem.line or 0)) if problems else (Storyboard.model_validate(raw), [])


def _schema_problems(model: type, value: Any, raw: Any, file_name: str, step: int | None = None) -> list[Problem]:
    """The schema's complaints about `value`, each placed on its line, step and field."""
    try:
        TypeAdapter(model).validate_python(value)
        return []
    except ValidationError as error:
        items = error.errors()
    path = ("steps", step) if step is not None else ()
    problems = []
    for item in items:
        loc = tuple(item["loc"])
        if step is None and loc[:1] == ("steps",) and len(loc) > 1 and isinstance(loc[1], int):
            continue  # a step's own problems are found step by step, each placed on its step
        message = _message(item)
        if not loc and step is not None:
            loc = _field_named_in(message, value)  # a rule across fields, e.g. `before` earlier than `after`
        field = ".".join(str(part)[:40] for part in loc) or None
        problems.append(
            Problem(file_name, message, line=_line_of(raw, *path, *loc), step=_step_name(value, step) if step is not None else None, field=field)
        )
    return problems


def _message(item: dict) -> str:
    if item["type"] == "extra_forbidden":
        return "unknown key"
    if item["type"] == "missing":
        return "required, but missing"
    return item["msg"].removeprefix("Value error, ")


def _field_named_in(message: str, body: Any) -> tuple:
    """The first field the message names in `backticks` that the step has, to place the problem on its line."""
    named = message.split("`")[1::2]
    return next(((name,) for name in named if isinstance(body, dict) and name in body), ())


def _step_name(body: Any, index: int) -> str:
    """'3 ("27 June: three instruments …")': the step's number, and its title when it has one."""
    title = body.get("title") if isinstance(body, dict) else None
    if not isinstance(title, str):
        return str(index + 1)
    return f'{index + 1} ("{title[:TITLE_SHOWN]}{"…" if len(title) > TITLE_SHOWN else ""}")'


def check_steps(
    treaty_id: str, steps: dict[int, Step], raw: Any, file_name: str, reference: Callable[[str], Reference | None]
) -> list[Problem]:
    """Checks against the dataset, geometry and regions of the steps (by index) that passed the schema."""
    against = reference(treaty_id)
    if against is None:
        known = ", ".join(path.stem for path in dataset_files(DATA_DIR))
        return [Problem(file_name, f"no treaty '{treaty_id}' (known: {known})", line=_line_of(raw, "treaty"), field="treaty")]
    treaty = against.dataset.treaty.short_name
    in_dataset = {state.iso3 for state in against.dataset.states}
    problems = []

    def problem(message: str, index: int, *loc: Any) -> None:
        where = ("steps", index, *loc)
        problems.append(
            Problem(file_name, message, line=_line_of(raw, *where), step=_step_name(raw["steps"][index], index),
                    field=".".join(str(part) for part in loc))
        )

    def check_state(code: str, index: int, *loc: Any) -> None:
        if code not in in_dataset and code not in against.map_codes:
            problem(f"'{code}' is not a state in the {treaty} file nor on the map", index, *loc)

    for index, step in steps.items():
        for position, code in enumerate(step.highlight):
            check_state(code, index, "highlight", position)
        for position, callout in enumerate(step.callouts):
            if callout.state is not None:
                check_state(callout.state, index, "callouts", position, "state")
        for name in ("date", "before", "after"):
            day = getattr(step, name)
            if day is not None and not against.first_day <= day <= against.last_day:
                problem(
                    f"{long_date(day)} is outside the {treaty}'s history in the dataset "
                    f"({long_date(against.first_day)} to {long_date(against.last_day)})",
                    index, name,
                )
        if step.region not in against.region_ids:
            problem(f"no region '{step.region}' (known: {', '.join(sorted(against.region_ids))})", index, "region")
    return problems


def dataset_reference(treaty_id: str) -> Reference | None:
    """What a storyboard of `treaty_id` is checked against: data/<treaty_id>.yaml, the map, the regions."""
    path = next((path for path in dataset_files(DATA_DIR) if path.stem == treaty_id), None)
    if path is None:
        return None
    return _reference(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _reference(path: Path, version: int) -> Reference:
    """Read once per dataset file version (`version` is its modification time)."""
    try:
        dataset = load_dataset(path)
    except DatasetError as error:
        raise StoryboardError(path, error.problems) from None
    return Reference(
        dataset,
        dataset.treaty.adopted,
        # The page's timeline end, so any day the briefer can show can be a step (not the run's today).
        track_last(dataset.treaty.adopted, change_dates(compile_timelines(dataset)), dataset.as_of),
        frozenset(load_countries()["iso3"]),
        frozenset(REGIONS),
    )
