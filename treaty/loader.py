"""Read a treaty dataset file safely and validate it, collecting every problem, not only the first.

Only YAML's safe subset is read: tags such as !!python/object are refused, never executed.
Timestamps are not resolved by YAML, so an impossible date reaches the validator as text and is
reported with its place instead of crashing the parser.

libyaml parses the file when PyYAML was built with it (five times faster than pure Python); PyYAML's
own parser reads it otherwise, and whenever the two could disagree (text libyaml refuses, or text
the two are known to read differently), so the data, lines and problems are the same either way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from treaty.model import BarredDomain, BarredSources, Dataset, Day, Source, SourceId, State, Treaty
from treaty.validation import check_dataset

MAX_FILE_BYTES = 5_000_000
TOP_LEVEL_KEYS = ("as_of", "treaty", "states", "sources")
BARRED_SOURCES_FILE = "barred_sources.yaml"
DEFAULT_BARRED_SOURCES = Path(__file__).resolve().parent.parent / "data" / BARRED_SOURCES_FILE


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset file, placed as precisely as it can be."""

    file: str
    message: str
    line: int | None = None
    state: str | None = None
    event: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = ", ".join(
            part
            for part in (
                f"state {self.state}" if self.state else "",
                f"event {self.event}" if self.event else "",
                f"field '{self.field}'" if self.field else "",
            )
            if part
        )
        return f"{place}: {where + ': ' if where else ''}{self.message}"


class DatasetError(Exception):
    """The file could not be accepted; `problems` lists every reason."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s)\n" + "\n".join(f"  {p}" for p in problems))


class _Mapping(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict


class _List(list):
    line: int = 0


class _LineConstructor(yaml.constructor.SafeConstructor):
    """SafeConstructor that records lines and reports duplicate keys; `duplicates` lists (key, line)."""

    def __init__(self):
        yaml.constructor.SafeConstructor.__init__(self)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node, deep=False):
        mapping = _Mapping()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark
                )
            line = key_node.start_mark.line + 1
            if key in mapping:
                self.duplicates.append((str(key), line))
                continue
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.key_lines[key] = line
        return mapping

    def construct_sequence(self, node, deep=False):
        items = _List(self.construct_object(child, deep=deep) for child in node.value)
        items.line = node.start_mark.line + 1
        return items


_LineConstructor.add_constructor("tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True))
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", lambda loader, node: loader.construct_sequence(node, deep=True))


class _DatesAsTextResolver(yaml.resolver.Resolver):
    """YAML 1.1's implicit types without timestamps: a date stays text for the validator to judge."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }


class _SafeLineLoader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _LineConstructor, _DatesAsTextResolver
):
    """Pure-Python safe loader that records lines, reports duplicate keys and leaves dates as text.

    It checks every character when built, so a control character raises yaml.reader.ReaderError here."""

    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _LineConstructor.__init__(self)
        _DatesAsTextResolver.__init__(self)


class _ReadInPython(Exception):
    """libyaml and PyYAML's pure-Python scanner may read this text differently."""


if yaml.__with_libyaml__:

    class _LibyamlLineLoader(yaml.composer.Composer, yaml.cyaml.CParser, _LineConstructor, _DatesAsTextResolver):
        """The same loader with libyaml scanning and parsing: about five times faster.

        libyaml only produces the events. They are composed into nodes by PyYAML's Python Composer
        (which comes before CParser so that its methods win), not by CParser's own composer, which
        recurses in C: a few tens of thousands of nested brackets overflow the C stack and kill the
        process, where Python's recursion stops with a RecursionError that read_yaml reports."""

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            _LineConstructor.__init__(self)
            _DatesAsTextResolver.__init__(self)

        def compose_sequence_node(self, anchor):
            node = yaml.composer.Composer.compose_sequence_node(self, anchor)
            if node.flow_style:
                _refuse_question_marks(node.value)
            return node

        def compose_mapping_node(self, anchor):
            node = yaml.composer.Composer.compose_mapping_node(self, anchor)
            if node.flow_style:
                for key, value in node.value:
                    _refuse_question_marks((key, value))
            return node

    _FAST_LOADER: type | None = _LibyamlLineLoader
else:
    _FAST_LOADER = None


def _refuse_question_marks(nodes) -> None:
    """PyYAML ends a plain value in [...] or {...} at a '?' ("[who? what]" is a syntax error), libyaml does not."""
    for node in nodes:
        if isinstance(node, yaml.ScalarNode) and not node.style and "?" in node.value:  # plain: libyaml says '', PyYAML None
            raise _ReadInPython


# Text that libyaml and PyYAML's scanner read differently, found by comparing them on mutated files:
# a tab (PyYAML refuses one inside a plain value, "a\t b"), a byte-order mark after the start, a
# block scalar's indicators followed at once by '#' ("|#"), and a bare '!' tag, which on an empty
# value libyaml makes '' and PyYAML None. Such text is read by PyYAML alone; the pattern also matches
# harmless text ("Yes! "), which is then only slower to read.
_NOT_FOR_LIBYAML = re.compile(
    r"""[\t\ufeff|>!]  # one character to look at (fast to find), then what must follow it
        (?: (?<=[\t\ufeff])           # a tab or a byte-order mark (one at the start is allowed, see _load)
          | (?<=[|>]) [-+0-9]* \#     # a block scalar header running into a comment
          | (?<=!) (?![^\s,\]}])       # a '!' standing alone
        )""",
    re.VERBOSE,
)
_LINE_BREAKS = re.compile("[\n\x85\u2028\u2029]")  # YAML's line breaks once read_text has made \r\n and \r into \n


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


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """The YAML document in `path` with line information, and the problems met reading it."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(name, f"the file is larger than {MAX_FILE_BYTES:,} bytes")]
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, f"cannot be read: {error}")]
    try:
        document, duplicates = _load(text)
    except yaml.reader.ReaderError as error:
        return None, [_unacceptable_character(name, text, error)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(part for part in (error.context, error.problem) if part)
        return None, [Problem(name, f"not valid YAML: {reason}", line=mark.line + 1 if mark else None)]
    except yaml.YAMLError as error:
        return None, [Problem(name, f"not valid YAML: {error}")]
    except RecursionError:
        return None, [Problem(name, "the YAML is nested too deeply to be a dataset")]
    except (ValueError, TypeError) as error:  # an explicit tag on a value it cannot hold: `!!int x`
        tagged = re.search(r"!![A-Za-z]+", text)
        line = _line_at(text, tagged.start()) if tagged else None
        return None, [Problem(name, f"not valid YAML: a value does not fit its explicit tag ({error})", line=line)]
    problems = [Problem(name, f"the key {_shown(key)} appears twice in one mapping", line=line) for key, line in duplicates]
    return document, problems


def _load(text: str) -> tuple[Any, list[tuple[str, int]]]:
    """The document in `text` and its duplicate keys as (key, line), read by libyaml when it can be.

    Text that _NOT_FOR_LIBYAML matches is read by PyYAML alone, and anything libyaml's path refuses
    (a syntax error, a control character, an unknown tag, deep nesting, ...) is read again by PyYAML,
    which raises what it always has, in the same words and at the same place: libyaml words its errors
    differently, and checks characters only as it reaches them where PyYAML checks them all first."""
    if _FAST_LOADER is not None and not _NOT_FOR_LIBYAML.search(text, 1 if text.startswith("\ufeff") else 0):
        try:
            return _load_with(_FAST_LOADER, text)
        except Exception:  # noqa: BLE001 - refused text is only slower: PyYAML's answer stands
            pass
    return _load_with(_SafeLineLoader, text)


def _load_with(loader_class: type, text: str) -> tuple[Any, list[tuple[str, int]]]:
    loader = loader_class(text)  # the pure-Python reader checks the characters here
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def _unacceptable_character(file: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML forbids (NUL, ESC, ...), placed on its line; PyYAML names only an offset."""
    if not isinstance(error.character, int) or not 0 <= error.position <= len(text):
        return Problem(file, f"not valid YAML: {error}")
    return Problem(file, f"not valid YAML: unacceptable character #x{error.character:04x}: {error.reason}", line=_line_at(text, error.position))


def _line_at(text: str, offset: int) -> int:
    return len(_LINE_BREAKS.findall(text, 0, offset)) + 1


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


def _shown(value: Any) -> str:
    """A short quotation of a bad value: aliases can make a small file expand enormously."""
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    return f"of type {type(value).__name__}"


def _state_name(body: Any, index: int) -> str:
    if isinstance(body, dict) and isinstance(body.get("iso3"), str):
        return body["iso3"][:12]
    return f"#{index + 1}"


def _event_name(body: Any, index: int) -> str:
    kind = body.get("type") if isinstance(body, dict) else None
    return f"{index + 1}" + (f" ({str(kind)[:40]})" if isinstance(kind, str) else "")


def _get(raw: Any, *path: Any) -> Any:
    node = raw
    for key in path:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def _line_of(raw: Any, *path: Any) -> int | None:
    """The line of the deepest part of `path` the YAML recorded a line for."""
    node, line = raw, getattr(raw, "line", None)
    for key in path:
        if isinstance(node, _Mapping) and key in node:
            line = node.key_lines.get(key, line)
            node = node[key]
        elif isinstance(node, _List) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
            line = getattr(node, "line", line)
        else:
            break
    return line


