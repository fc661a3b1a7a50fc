"""Read a treaty dataset file safely and validate it, collecting every problem, not only the first.

The YAML is read by treaty/yaml_reading.py: safe subset only, lines kept, dates left as text."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pycountry
from pydantic import BaseModel, TypeAdapter, ValidationError

from treaty.model import BarredDomain, BarredSources, Dataset, Day, Source, SourceId, State, Treaty
from treaty.validation import check_dataset
from treaty.yaml_reading import FileProblems, Problem, _get, _line_of, _shown, read_yaml

TOP_LEVEL_KEYS = ("as_of", "treaty", "states", "sources")
BARRED_SOURCES_FILE = "barred_sources.yaml"
DEFAULT_BARRED_SOURCES = Path(__file__).resolve().parent.parent / "data" / BARRED_SOURCES_FILE


class DatasetError(FileProblems):
    """The dataset file could not be accepted; `problems` lists every reason."""


def load_dataset(path: str | Path) -> Dataset:
    """The validated dataset in `path`, or DatasetError listing every problem found."""
    dataset, problems = read_dataset(path)
    if problems:
        raise DatasetError(Path(path), problems)
    return dataset


def read_dataset(path: str | Path) -> tuple[Dataset | None, list[Problem]]:
    """The dataset made of the parts of `path` that passed the schema, with every problem found.

    The dataset is None only when the file cannot be read or its as_of or treaty is unusable; a report
    on its sources can be made from it while other problems are still being fixed."""
    path = Path(path)
    raw, problems = read_yaml(path)
    if raw is None and problems:
        return None, problems
    barred, barred_problems = read_barred_sources(barred_sources_path(path))
    dataset, more = validate_raw(raw, str(path), barred)
    return dataset, problems + barred_problems + more


def dataset_files(folder: Path) -> list[Path]:
    """The treaty files in `folder`: every *.yaml but the barred list kept beside them."""
    return [path for path in sorted(folder.glob("*.yaml")) if path.name != BARRED_SOURCES_FILE]


def barred_sources_path(dataset_path: Path) -> Path:
    """The barred list beside the dataset, or the project's own for a dataset kept elsewhere."""
    beside = dataset_path.parent / BARRED_SOURCES_FILE
    return beside if beside.is_file() else DEFAULT_BARRED_SOURCES


def read_barred_sources(path: Path) -> tuple[tuple[BarredDomain, ...], list[Problem]]:
    """The domains no source may be on, from `path`, and the problems met reading it."""
    raw, problems = read_yaml(path)
    if raw is None:
        return (), problems
    found = _validate(BarredSources, raw, str(path), problems, raw, ())
    return (tuple(found.domains) if found else ()), problems



def validate_raw(raw: Any, file: str, barred: tuple[BarredDomain, ...] = ()) -> tuple[Dataset | None, list[Problem]]:
    """Validate parsed YAML part by part, so one bad state does not hide the problems of another.

    Returns the dataset of the parts that passed the schema (None without a usable as_of and treaty)
    and every problem: the dataset is valid only when there is none."""
    if not isinstance(raw, dict):
        return None, [Problem(file, "the file must be a mapping with the keys " + ", ".join(TOP_LEVEL_KEYS))]
    problems = [
        Problem(file, f"unknown top-level key {_shown(str(key))} (expected {', '.join(TOP_LEVEL_KEYS)})", line=_line_of(raw, key))
        for key in raw
        if key not in TOP_LEVEL_KEYS
    ]
    problems += [Problem(file, f"the top-level key '{key}' is missing") for key in TOP_LEVEL_KEYS if key not in raw]

    as_of = _validate(TypeAdapter(Day), raw.get("as_of"), file, problems, raw, ("as_of",), field_prefix="as_of")
    treaty = _validate(Treaty, raw.get("treaty"), file, problems, raw, ("treaty",), field_prefix="treaty")
    sources_raw = raw.get("sources")
    sources: dict[str, Source] = {}
    if isinstance(sources_raw, dict):
        for source_id, body in sources_raw.items():
            try:
                TypeAdapter(SourceId).validate_python(source_id)
            except ValidationError:
                problems.append(Problem(file, f"the source id {_shown(str(source_id))} must be lower-case letters, digits and hyphens", line=_line_of(raw, "sources", source_id), field="sources"))
                continue
            source = _validate(Source, body, file, problems, raw, ("sources", source_id), field_prefix=f"sources.{source_id}")
            if source is not None:
                sources[str(source_id)] = source
    elif "sources" in raw:
        problems.append(Problem(file, "'sources' must be a mapping of source id to source", line=_line_of(raw, "sources")))

    states_raw = raw.get("states")
    states: list[State] = []
    positions: list[int] = []
    if isinstance(states_raw, list):
        for index, body in enumerate(states_raw):
            state = _validate(State, body, file, problems, raw, ("states", index), state=_state_name(body, index))
            if state is not None:
                states.append(state)
                positions.append(index)
    elif "states" in raw:
        problems.append(Problem(file, "'states' must be a list", line=_line_of(raw, "states")))

    if as_of is None or treaty is None:
        return None, problems
    # The parts that passed the schema are cross-checked too, so one bad state hides nothing.
    dataset = Dataset(as_of=as_of, treaty=treaty, states=states, sources=sources)
    defined = frozenset(str(key) for key in sources_raw) if isinstance(sources_raw, dict) else frozenset()
    for finding in check_dataset(dataset, KNOWN_CODES, positions, defined, barred):
        problems.append(
            Problem(
                file,
                finding.message,
                line=_line_of(raw, *finding.path),
                state=finding.state,
                event=finding.event,
                field=finding.field,
            )
        )
    return dataset, problems


# ISO 3166-1 alpha-3, plus XKX: the user-assigned code the EU and the UN use for Kosovo.
KNOWN_CODES = frozenset(country.alpha_3 for country in pycountry.countries) | {"XKX"}


def _validate(model, value, file, problems, raw, path, state=None, field_prefix=""):
    validator = model if isinstance(model, TypeAdapter) else TypeAdapter(model)
    try:
        return validator.validate_python(value)
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(item["loc"])
            problems.append(_problem_from_error(file, raw, path, loc, item, state, field_prefix))
        return None


def _problem_from_error(file, raw, path, loc, item, state, field_prefix) -> Problem:
    event = None
    field_parts = list(loc)
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int):
        event = _event_name(_get(raw, *path, "events", loc[1]), loc[1])
        field_parts = list(loc[2:])
    field = ".".join(str(part)[:40] for part in ([field_prefix] if field_prefix else []) + field_parts) or None
    message = item["msg"]
    if item["type"] == "extra_forbidden":
        message = "unknown key"
    elif item["type"] == "missing":
        message = "required, but missing"
    elif item["type"] == "enum":
        message = f"unknown value {_shown(item.get('input'))}: {item['msg'].removeprefix('Input should be ')}"
    return Problem(file, message, line=_line_of(raw, *path, *loc), state=state, event=event, field=field)


def _state_name(body: Any, index: int) -> str:
    if isinstance(body, dict) and isinstance(body.get("iso3"), str):
        return body["iso3"][:12]
    return f"#{index + 1}"


def _event_name(body: Any, index: int) -> str:
    kind = body.get("type") if isinstance(body, dict) else None
    return f"{index + 1}" + (f" ({str(kind)[:40]})" if isinstance(kind, str) else "")
