"""Read YAML safely, keeping the line of every key and list item, and name each problem with its place.

Shared by the treaty datasets (treaty/loader.py) and the storyboards (storyboard/loader.py).

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

import yaml

MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file (a dataset, a storyboard), placed as precisely as it can be."""

    file: str
    message: str
    line: int | None = None
    state: str | None = None
    event: str | None = None
    step: str | None = None  # a storyboard's step: number and title
    field: str | None = None

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = ", ".join(
            part
            for part in (
                f"state {self.state}" if self.state else "",
                f"event {self.event}" if self.event else "",
                f"step {self.step}" if self.step else "",
                f"field '{self.field}'" if self.field else "",
            )
            if part
        )
        return f"{place}: {where + ': ' if where else ''}{self.message}"



class FileProblems(Exception):
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
    """A YAML sequence that remembers its line and the line of each item (1-based)."""

    line: int = 0
    item_lines: tuple[int, ...] = ()


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
        items.item_lines = tuple(child.start_mark.line + 1 for child in node.value)
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


def read_yaml(path: Path, max_bytes: int | None = None) -> tuple[Any, list[Problem]]:
    """The YAML document in `path` with line information, and the problems met reading it; a file
    larger than `max_bytes` (default MAX_FILE_BYTES) is refused unread."""
    name = str(path)
    max_bytes = max_bytes or MAX_FILE_BYTES
    try:
        if path.stat().st_size > max_bytes:
            return None, [Problem(name, f"the file is larger than {max_bytes:,} bytes")]
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, f"cannot be read: {error}")]
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> tuple[Any, list[Problem]]:
    """The YAML document in `text` (from the file called `name`) with line information, and the problems met."""
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



def _shown(value: Any) -> str:
    """A short quotation of a bad value: aliases can make a small file expand enormously."""
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    return f"of type {type(value).__name__}"




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
            line = node.item_lines[key] if key < len(node.item_lines) else line
            node = node[key]
        else:
            break
    return line




def expanded_size(document: Any, limit: int) -> int:
    """How many values `document` holds with every alias expanded, counted up to `limit` and no further:
    a few lines of aliases ("billion laughs") can stand for billions of values, and whatever walks
    the document (a validator, a writer) would walk them all."""
    count, pending = 0, [document]
    while pending and count < limit:
        node = pending.pop()
        count += 1
        if isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return count
