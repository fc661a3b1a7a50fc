"""Fuzzed dataset files: whatever the YAML holds, the loader answers with a Dataset or a DatasetError.

Mutations start from the real files: structural ones (wrong types, missing and unknown keys, renamed
keys, impossible dates, unknown codes, duplicated states, very long strings, nesting) on a slice of
data/apmbc.yaml, and textual ones (YAML tags that would run code, duplicate keys, truncation, stray
bytes, deep nesting) on data/ccm.yaml as written. A tag must never be executed: each payload's side
effect is creating a marker file, which must not exist afterwards (and does when PyYAML's unsafe
loader reads the same payload, so the check is not vacuous).

Then the same kinds of file through the app (AppTest, TREATY_MAP_DATA_DIR at a temporary folder):
the problem panel, never a traceback.
"""
from __future__ import annotations

import copy
import re
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.app_page import maps, open_page
from treaty.loader import DatasetError, load_dataset
from treaty.yaml_reading import _get, _SafeLineLoader
from treaty.model import Dataset
from treaty.status import Status, compile_timelines

REPO = Path(__file__).resolve().parent.parent
APMBC = REPO / "data" / "apmbc.yaml"
CCM = REPO / "data" / "ccm.yaml"
SLICE_STATES = 8

fuzz = settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run: a failure here is reproducible, not flaky
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each draw is labelled, so a failure says what was mutated
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


# ---------------------------------------------------------------------------------------------------
# The real data, as plain Python, and the one contract every answer must meet


def _plain(node):
    """The loader's line-tracking dicts and lists as plain ones, so yaml.safe_dump can write them."""
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    return node


def _parse(text: str):
    loader = _SafeLineLoader(text)
    try:
        return _plain(loader.get_single_data())
    finally:
        loader.dispose()


def real_slice(states: int = SLICE_STATES) -> dict:
    """data/apmbc.yaml with its first `states` states and only the sources they and the treaty cite."""
    raw = _parse(APMBC.read_text(encoding="utf-8"))
    kept = raw["states"][:states]
    cited = set(raw["treaty"]["sources"])
    for state in kept:
        cited.update(state.get("sources", []))
        for event in state.get("events", []):
            cited.update(event["sources"])
            for alternative in event.get("alternatives", []):
                cited.update(alternative["sources"])
    return {
        "as_of": raw["as_of"],
        "treaty": raw["treaty"],
        "states": kept,
        "sources": {key: value for key, value in raw["sources"].items() if key in cited},
    }


BASE = real_slice()


def dump(document) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120)


def outcome(path: Path) -> Dataset | DatasetError:
    """The loader's answer for `path`, checked against its contract; any other exception fails the test."""
    try:
        return load_dataset(path)
    except DatasetError as error:
        assert error.problems, "DatasetError with no problem listed"
        for problem in error.problems:
            assert problem.file == str(path), f"a problem does not name the file: {problem}"
            assert str(problem).startswith(str(path))
            assert problem.message
        return error


def test_the_slice_of_the_real_file_is_a_valid_dataset(tmp_path):
    path = tmp_path / "apmbc.yaml"
    path.write_text(dump(BASE), encoding="utf-8")
    dataset = outcome(path)
    assert isinstance(dataset, Dataset), str(dataset)
    assert len(dataset.states) == SLICE_STATES


def test_the_real_files_are_valid_datasets():
    for path in (APMBC, CCM):
        assert isinstance(outcome(path), Dataset)


# ---------------------------------------------------------------------------------------------------
# Structural mutations


IMPOSSIBLE_DATES = [
    "2025-02-30", "2025-13-01", "2025-00-10", "2025-06-31", "0000-01-01", "0001-01-01", "9999-12-31",
    "10000-01-01", "-2025-01-01", "2025-1-1", "20250101", "1997-12-02", "2999-01-01", "today", "", "2025-02-29",
]
HOSTILE_TEXT = [
    '<img src=x onerror="window.__pwned=1">', "</script><script>alert(1)</script>", "javascript:alert(1)",
    "=cmd|' /C calc'!A0", "\u202egnp.exe", "'; DROP TABLE states; --", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
    "![x](http://127.0.0.1:9/beacon.png)", "\t\r\n", "\ufeff",
]
UNKNOWN_CODES = ["XXX", "ZZZ", "nor", "NO", "NORW", "123", "SUN", "YUG", "CSK", "EU"]
URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x", "http://", "//x.org"]
WORDS = ["signature", "ratification", "withdrawal_effective", "entry_into_force", "suspension_notified", "colour", "iso3"]


def _nested(depth: int):
    value: object = "deep"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(IMPOSSIBLE_DATES + HOSTILE_TEXT + UNKNOWN_CODES + URLS + WORDS),
    st.lists(st.one_of(st.text(max_size=6), st.integers()), max_size=4),
    st.dictionaries(st.sampled_from(WORDS + ["a", "b"]), st.integers(), max_size=3),
)
JUNK_KEYS = st.one_of(
    st.sampled_from(["Bad Key", "UPPER", "-lead", "a" * 200, "x" * 5000, "", "colour", "as_of", "2025-01-01"]),
    st.integers(), st.booleans(), st.none(), st.text(max_size=12),
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


PATHS = list(_paths(BASE))
DATE_PATHS = [path for path in PATHS if path and path[-1] in ("date", "as_of", "accessed", "adopted", "general_date")]
CODE_PATHS = [path for path in PATHS if path and path[-1] == "iso3"]


def _at(document, path):
    """The node at `path`, or None where an earlier mutation removed it (using it then raises TypeError)."""
    return _get(document, *path)


CONTAINER_PATHS = [path for path in PATHS if isinstance(_at(BASE, path), (dict, list))]
KINDS = ["replace", "long", "nest", "delete", "add_key", "rename_key", "rename_source", "duplicate_item", "date", "code", "wrap"]


def mutated_document(data) -> dict:
    """BASE with one to three mutations drawn from `data` (small draws, so a failure prints short)."""
    document = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
        kind = data.draw(st.sampled_from(KINDS), label="kind")
        try:
            if kind in ("replace", "long", "nest", "delete", "wrap"):
                path = data.draw(st.sampled_from(PATHS[1:]), label="at")
                parent = _at(document, path[:-1])
                if kind == "replace":
                    parent[path[-1]] = data.draw(JUNK, label="value")
                elif kind == "long":  # longer than any Text field allows
                    parent[path[-1]] = "x" * data.draw(st.integers(min_value=2_001, max_value=60_000), label="length")
                elif kind == "nest":
                    parent[path[-1]] = _nested(data.draw(st.integers(min_value=20, max_value=150), label="depth"))
                elif kind == "wrap":
                    parent[path[-1]] = [parent[path[-1]]] if data.draw(st.booleans(), label="in a list") else {"value": parent[path[-1]]}
                else:
                    del parent[path[-1]]
            elif kind in ("add_key", "rename_key"):
                node = _at(document, data.draw(st.sampled_from(CONTAINER_PATHS), label="in"))
                if not isinstance(node, dict):
                    continue
                new_key = data.draw(JUNK_KEYS, label="key")
                if kind == "add_key" or not node:
                    node[new_key] = data.draw(JUNK, label="value")
                else:
                    node[new_key] = node.pop(data.draw(st.sampled_from(sorted(node, key=str)), label="old key"))
            elif kind == "rename_source":
                sources = document["sources"]
                if isinstance(sources, dict) and sources:
                    old_id = data.draw(st.sampled_from(sorted(sources, key=str)), label="source id")
                    sources[data.draw(JUNK_KEYS, label="new id")] = sources.pop(old_id)
            elif kind == "duplicate_item":
                node = _at(document, data.draw(st.sampled_from(CONTAINER_PATHS), label="in"))
                if isinstance(node, list) and node:
                    node.append(copy.deepcopy(node[data.draw(st.integers(0, len(node) - 1), label="item")]))
            elif kind == "date":
                path = data.draw(st.sampled_from(DATE_PATHS), label="at")
                _at(document, path[:-1])[path[-1]] = data.draw(st.sampled_from(IMPOSSIBLE_DATES), label="date")
            elif kind == "code":
                path = data.draw(st.sampled_from(CODE_PATHS), label="at")
                _at(document, path[:-1])[path[-1]] = data.draw(st.sampled_from(UNKNOWN_CODES), label="code")
        except (LookupError, TypeError):
            continue  # an earlier mutation removed the place this one aimed at, or made its parent a scalar
    return document


@fuzz
@given(data=st.data())
def test_a_structurally_mutated_file_gives_a_dataset_or_a_dataset_error(data):
    document = mutated_document(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "apmbc.yaml"
        path.write_text(dump(document), encoding="utf-8")
        outcome(path)


# ---------------------------------------------------------------------------------------------------
# Textual mutations of the real file, and YAML tags that would run code


CCM_TEXT = CCM.read_text(encoding="utf-8")
CCM_LINES = CCM_TEXT.splitlines(keepends=True)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _single_line_values() -> list[int]:
    """Lines 'key: value' (not list items) whose value ends on the same line: a tag there reaches the constructor."""
    found = []
    for number, line in enumerate(CCM_LINES[:-1]):
        following = next((later for later in CCM_LINES[number + 1 :] if later.strip() and not later.lstrip().startswith("#")), "")
        if re.match(r"^\s*[a-z_]+: [^\s>|&*!#]", line) and not line.lstrip().startswith("- ") and _indent(following) <= _indent(line):
            found.append(number)
    return found


VALUE_LINES = _single_line_values()


def tag_payloads(marker: Path) -> list[str]:
    """YAML that runs code when an unsafe loader constructs it; each would create `marker`."""
    return [
        f'!!python/object/apply:os.system ["touch {marker}"]',
        f'!!python/object/apply:builtins.open ["{marker}", "w"]',
        f'!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
        f'!!python/object/apply:os.mkdir ["{marker}"]',
        f'!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]',
        f'!!python/object/apply:subprocess.Popen [["touch", "{marker}"]]',
    ]


def harmless_tags() -> list[str]:
    """Tags that import or name code without running it: still never to be accepted."""
    return ["!!python/name:os.system", "!!python/module:os", "!!python/object:treaty.model.Dataset {}", "!custom {a: 1}"]


@pytest.mark.parametrize("index", range(len(tag_payloads(Path("m")))))
def test_each_tag_payload_does_run_code_under_an_unsafe_loader(tmp_path, index):
    """The control: the marker check below would see a payload that ran."""
    marker = tmp_path / "ran"
    payload = tag_payloads(marker)[index]
    result = yaml.unsafe_load(f"as_of: {payload}\n")
    if hasattr(result.get("as_of"), "wait"):
        result["as_of"].wait(timeout=10)
    if hasattr(result.get("as_of"), "close"):
        result["as_of"].close()
    assert marker.exists()


@pytest.mark.parametrize("index", range(len(tag_payloads(Path("m"))) + len(harmless_tags())))
def test_a_tag_anywhere_in_the_real_file_is_refused_and_never_run(tmp_path, index):
    marker = tmp_path / "ran"
    payload = (tag_payloads(marker) + harmless_tags())[index]
    for number in (VALUE_LINES[0], VALUE_LINES[len(VALUE_LINES) // 2], VALUE_LINES[-1]):
        lines = list(CCM_LINES)
        key = lines[number].split(":", 1)[0]
        lines[number] = f"{key}: {payload}\n"
        path = tmp_path / "ccm.yaml"
        path.write_text("".join(lines), encoding="utf-8")
        error = outcome(path)
        assert isinstance(error, DatasetError)
        assert any("tag" in problem.message for problem in error.problems), [str(p) for p in error.problems]
        assert error.problems[0].line == number + 1
    time.sleep(0.5 if "Popen" in payload else 0.05)  # a spawned process, had one been, would have touched it by now
    assert not marker.exists()


def test_a_tag_directive_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    text = f"%TAG !py! tag:yaml.org,2002:python/object/apply:\n---\nas_of: !py!os.system [\"touch {marker}\"]\n"
    path = tmp_path / "ccm.yaml"
    path.write_text(text + CCM_TEXT.split("as_of:", 1)[1].split("\n", 1)[1], encoding="utf-8")
    assert isinstance(outcome(path), DatasetError)
    assert not marker.exists()


def alias_bomb(width: int) -> str:
    """A top-level 'bomb' whose anchor l9 stands for width**9 items if expanded."""
    levels = "".join(f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]\n" for i in range(1, 10))
    return "bomb:\n  - &l0 [lol]\n" + levels


TEXT_KINDS = ["tag", "duplicate_key", "truncate", "insert", "replace_char", "deep", "anchor_bomb", "bytes"]


def mutated_text(data, marker: Path) -> tuple[bytes, str, int | None]:
    """The real ccm.yaml with one mutation drawn from `data` (small draws, so a failure prints short):
    the bytes, the kind of mutation, and the 1-based line it touched."""
    kind = data.draw(st.sampled_from(TEXT_KINDS), label="kind")
    lines = list(CCM_LINES)
    number = data.draw(st.sampled_from(VALUE_LINES), label="line index")
    key = lines[number].split(":", 1)[0]
    if kind == "tag":
        lines[number] = f"{key}: {data.draw(st.sampled_from(tag_payloads(marker) + harmless_tags()), label='payload')}\n"
    elif kind == "duplicate_key":
        lines.insert(number + 1, lines[number])
    elif kind == "truncate":
        return CCM_TEXT[: data.draw(st.integers(0, len(CCM_TEXT) - 1), label="cut at")].encode("utf-8"), kind, None
    elif kind == "insert":
        line = lines[number]
        at = data.draw(st.integers(0, len(line)), label="column")
        stray = data.draw(st.sampled_from(["{", "[", "]", ":", "- ", "&a ", "*a", "!!", '"', "'", "\t", "? ", "%", "@", "`", "<<: *a"]), label="stray")
        lines[number] = line[:at] + stray + line[at:]
    elif kind == "replace_char":
        line = lines[number]
        at = data.draw(st.integers(0, len(line) - 1), label="column")
        lines[number] = line[:at] + data.draw(st.characters(codec="utf-8"), label="character") + line[at + 1 :]
    elif kind == "deep":
        depth = data.draw(st.integers(min_value=100, max_value=3_000), label="depth")
        opening, closing = ("[", "]") if data.draw(st.booleans(), label="lists") else ("{k: ", "}")
        lines[number] = f"{key}: {opening * depth}1{closing * depth}\n"
    elif kind == "anchor_bomb":
        lines[number] = f"{key}: *l9\n"
        return (alias_bomb(data.draw(st.integers(min_value=5, max_value=12), label="width")) + "".join(lines)).encode("utf-8"), kind, number + 1
    elif kind == "bytes":
        text = CCM_TEXT.encode("utf-8")
        at = data.draw(st.integers(0, len(text)), label="offset")
        return text[:at] + data.draw(st.binary(min_size=1, max_size=8), label="bytes") + text[at:], kind, None
    return "".join(lines).encode("utf-8"), kind, number + 1


@settings(fuzz, max_examples=30)
@given(data=st.data())
def test_a_textually_mutated_real_file_gives_a_dataset_or_a_dataset_error_and_runs_nothing(data):
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder) / "ran"
        content, kind, line = mutated_text(data, marker)
        path = Path(folder) / "ccm.yaml"
        path.write_bytes(content)
        started = time.perf_counter()
        result = outcome(path)
        assert time.perf_counter() - started < 10, f"{kind}: the loader took too long"
        if kind == "tag":
            assert isinstance(result, DatasetError)
        if kind == "duplicate_key":
            assert isinstance(result, DatasetError)
            assert any("appears twice" in problem.message and problem.line == line + 1 for problem in result.problems), [
                str(p) for p in result.problems
            ]
        assert not marker.exists(), f"a {kind} mutation ran code"


# ---------------------------------------------------------------------------------------------------
# Named cases: each kind of bad input once, deterministically


def _write_doc(tmp_path: Path, document) -> Path:
    path = tmp_path / "apmbc.yaml"
    path.write_text(dump(document), encoding="utf-8")
    return path


def _messages(result) -> str:
    assert isinstance(result, DatasetError), "the broken file was accepted"
    return "\n".join(str(problem) for problem in result.problems)


@pytest.mark.parametrize(
    ("top_key", "value"),
    [("as_of", [1, 2]), ("treaty", "Mine Ban"), ("states", {"NOR": "Norway"}), ("sources", ["a", "b"]), ("states", None), ("treaty", 5)],
)
def test_a_top_level_part_of_the_wrong_type_is_reported(tmp_path, top_key, value):
    document = copy.deepcopy(BASE)
    document[top_key] = value
    assert top_key in _messages(outcome(_write_doc(tmp_path, document)))


@pytest.mark.parametrize("top_key", ["as_of", "treaty", "states", "sources"])
def test_a_missing_top_level_part_is_reported(tmp_path, top_key):
    document = copy.deepcopy(BASE)
    del document[top_key]
    assert f"the top-level key '{top_key}' is missing" in _messages(outcome(_write_doc(tmp_path, document)))


@pytest.mark.parametrize("field", ["type", "date", "confirmed", "sources"])
def test_a_missing_event_field_is_reported(tmp_path, field):
    document = copy.deepcopy(BASE)
    del document["states"][0]["events"][0][field]
    assert "required, but missing" in _messages(outcome(_write_doc(tmp_path, document)))


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "2025-00-10", "0000-01-01", "10000-01-01", "2025-1-1", "today"])
def test_an_impossible_event_date_is_reported(tmp_path, bad):
    document = copy.deepcopy(BASE)
    document["states"][0]["events"][0]["date"] = bad
    assert "field 'date'" in _messages(outcome(_write_doc(tmp_path, document)))


@pytest.mark.parametrize("code", ["XXX", "ZZZ", "nor", "NORW", "SUN"])
def test_an_unknown_state_code_is_reported(tmp_path, code):
    document = copy.deepcopy(BASE)
    document["states"][1]["iso3"] = code
    assert "iso3" in _messages(outcome(_write_doc(tmp_path, document)))


def test_a_duplicated_state_is_reported(tmp_path):
    document = copy.deepcopy(BASE)
    document["states"].append(copy.deepcopy(document["states"][0]))
    assert "duplicate state code" in _messages(outcome(_write_doc(tmp_path, document)))


def test_a_very_long_name_is_reported_without_quoting_it_whole(tmp_path):
    document = copy.deepcopy(BASE)
    document["states"][0]["name"] = "N" * 1_000_000
    result = outcome(_write_doc(tmp_path, document))
    assert "at most 2000 characters" in _messages(result)
    assert max(len(str(problem)) for problem in result.problems) < 1_000


@pytest.mark.parametrize("depth", [200, 3_000, 100_000])
@pytest.mark.parametrize("brackets", [("[", "]"), ("{k: ", "}")], ids=["lists", "mappings"])
def test_deep_nesting_is_reported_not_a_crash(tmp_path, depth, brackets):
    opening, closing = brackets
    path = tmp_path / "ccm.yaml"
    path.write_text(CCM_TEXT + "deep: " + opening * depth + "1" + closing * depth + "\n", encoding="utf-8")
    assert isinstance(outcome(path), DatasetError)


def test_deep_block_nesting_is_reported_not_a_crash(tmp_path):
    path = tmp_path / "ccm.yaml"
    path.write_text(CCM_TEXT + "deep:\n" + "".join(" " * level + "k:\n" for level in range(1, 1_500)), encoding="utf-8")
    assert isinstance(outcome(path), DatasetError)


def test_an_alias_bomb_is_reported_quickly(tmp_path):
    """'Billion laughs': nine levels of ten aliases each would be 10^9 items if anything expanded them."""
    for pattern in (r"(?m)^  also_known_as:.*$", r"(?m)^states:$", r"(?m)^sources:$", r"(?m)^as_of:.*$", r"(?m)^    name: Norway$"):
        key = re.search(pattern, CCM_TEXT).group(0).split(":")[0]
        text = alias_bomb(10) + re.sub(pattern, f"{key}: *l9", CCM_TEXT, count=1)
        path = tmp_path / "ccm.yaml"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        assert isinstance(outcome(path), DatasetError)
        assert time.perf_counter() - started < 5, f"{key}: an alias bomb took {time.perf_counter() - started:.1f} s"


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00a", "as_of: 2026-11-22\n".encode("utf-16"), b"---\n...\n---\n", b"[1, 2]", b"- a\n- b", b"\ta: b"],
    ids=["empty", "not utf-8", "utf-16", "two documents", "a list", "a block list", "tab"],
)
def test_a_file_that_is_not_a_dataset_at_all_is_reported(tmp_path, content):
    path = tmp_path / "ccm.yaml"
    path.write_bytes(content)
    assert isinstance(outcome(path), DatasetError)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "ccm.yaml"
    path.write_bytes(CCM_TEXT.encode() + b"#" * 5_100_000)
    assert "larger than" in _messages(outcome(path))


# ---------------------------------------------------------------------------------------------------
# Bugs the fuzzing found: each of these is a crash or an unbounded message today


@pytest.mark.parametrize("character", ["\x00", "\x1b"], ids=["NUL", "ESC"])
def test_a_control_character_in_the_file_is_a_problem_not_a_crash(tmp_path, character):
    """Found by the textual fuzzing: PyYAML's reader checks the characters when the loader is built, and
    read_yaml built _SafeLineLoader(text) outside its try, so yaml.reader.ReaderError escaped load_dataset
    and the app (fixed while these tests were written)."""
    path = tmp_path / "ccm.yaml"
    path.write_text(CCM_TEXT.replace("name: Norway", f"name: Nor{character}way", 1), encoding="utf-8")
    result = outcome(path)
    assert "not valid YAML" in _messages(result)


def test_a_source_id_the_schema_refuses_is_a_problem_not_a_crash(tmp_path):
    """BUG: sources are validated body by body, but their ids only when Dataset(...) is built, which raises
    pydantic's ValidationError out of load_dataset."""
    document = copy.deepcopy(BASE)
    source_id = document["treaty"]["sources"][0]
    document["sources"]["Bad Key"] = document["sources"].pop(source_id)
    result = outcome(_write_doc(tmp_path, document))
    assert "Bad Key" in _messages(result)


def test_a_date_near_the_end_of_the_calendar_is_a_problem_not_a_crash(tmp_path):
    """BUG: a deposit in late 9999 makes the rule's date (six months on) year 10000: ValueError out of
    load_dataset (and, if as_of allowed it, out of the status engine and the app's date range)."""
    document = copy.deepcopy(BASE)
    document["as_of"] = "9999-12-31"
    events = document["states"][0]["events"]
    for event in events:
        event["date"] = "9999-12-31"
    result = outcome(_write_doc(tmp_path, document))
    assert isinstance(result, DatasetError), "a file dated in year 9999 was accepted"
    assert [(problem.state, problem.field) for problem in result.problems] == [(None, "as_of")] + [("LTU", "date")] * len(events)
    assert all("'9999-12-31' is outside the years 1800-2999" in problem.message for problem in result.problems)


def test_a_deposit_on_the_last_day_of_the_treaty_era_still_gets_its_dates(tmp_path):
    """The last year a date may be written in (2999) is far enough from date.max that six months on
    (Art. 20) and the sixth month after (Art. 17) still fit the calendar."""
    document = copy.deepcopy(BASE)
    document["as_of"] = "2999-12-31"
    document["states"][0]["events"] = [
        {"type": "ratification", "date": "2999-06-30", "confirmed": True, "sources": document["states"][0]["events"][1]["sources"]},
        {"type": "withdrawal_deposited", "date": "2999-12-31", "confirmed": True, "sources": document["states"][0]["events"][1]["sources"]},
    ]
    dataset = outcome(_write_doc(tmp_path, document))
    assert isinstance(dataset, Dataset), str(dataset)
    [timeline] = [timeline for timeline in compile_timelines(dataset) if timeline.iso3 == "LTU"]
    assert [(t.on, t.status) for t in timeline.transitions] == [
        (date(2999, 6, 30), Status.JOINED),
        (date(2999, 12, 1), Status.PARTY),
        (date(2999, 12, 31), Status.WITHDRAWAL_PENDING),
        (date(3000, 6, 30), Status.WITHDRAWN),
    ]


@pytest.mark.parametrize("where", ["top level", "state", "duplicate"])
def test_a_problem_never_quotes_a_huge_key_whole(tmp_path, where):
    """BUG: values are quoted at most 40 characters (_shown), but unknown and duplicate keys are quoted whole,
    so one 100 kB key makes a 100 kB line in the problem panel."""
    key = "k" * 100_000
    text = CCM_TEXT
    if where == "top level":
        text += f"? {key}\n: 1\n"
    elif where == "state":
        text = text.replace("    name: Norway\n", f"    name: Norway\n    ? {key}\n    : 1\n", 1)
    else:
        text += f"? {key}\n: 1\n? {key}\n: 2\n"
    path = tmp_path / "ccm.yaml"
    path.write_text(text, encoding="utf-8")
    result = outcome(path)
    assert isinstance(result, DatasetError)
    assert max(len(str(problem)) for problem in result.problems) < 1_000


# ---------------------------------------------------------------------------------------------------
# Through the app: a mutated file in the data folder shows the problem panel, never a traceback


def _mutated_app_files(marker: Path) -> dict[str, str]:
    ccm = CCM_TEXT
    number = VALUE_LINES[len(VALUE_LINES) // 2]
    lines = list(CCM_LINES)
    lines[number] = lines[number].split(":", 1)[0] + f": {tag_payloads(marker)[0]}\n"
    dup = list(CCM_LINES)
    dup.insert(number + 1, dup[number])
    return {
        "tag": "".join(lines),
        "wrong type": re.sub(r"(?m)^states:", "states: 5\nold_states:", ccm, count=1),
        "missing rules": re.sub(r"(?m)^  rules:", "  no_rules:", ccm, count=1),
        "impossible date": ccm.replace("date: 2008-12-03", "date: 2008-02-30", 1),
        "unknown code": ccm.replace("iso3: NOR", "iso3: XXX", 1),
        "duplicate key": "".join(dup),
        "very long string": ccm.replace("name: Norway", "name: " + "N" * 200_000, 1),
        "deep nesting": ccm + "deep: " + "[" * 50_000 + "]" * 50_000 + "\n",
        "truncated": ccm[: len(ccm) // 2],
        "control character": ccm.replace("name: Norway", "name: Nor\x00way", 1),
        "bad source id": ccm.replace("\n  untc-xxvi-6:\n", "\n  Bad Key:\n", 1),
        "date at the end of the calendar": re.sub(
            r"(- type: ratification\n      date: )\S+", r"\g<1>9999-12-31", re.sub(r"(?m)^as_of: \S+", "as_of: 9999-12-31", ccm, count=1), count=1
        ),
    }


APP_CASES = list(_mutated_app_files(Path("m")))


@pytest.mark.parametrize("case", APP_CASES)
def test_the_app_shows_the_problem_panel_for_a_mutated_file(tmp_path, monkeypatch, case):
    marker = tmp_path / "ran"
    data = tmp_path / "data"
    data.mkdir()
    (data / "ccm.yaml").write_text(_mutated_app_files(marker)[case], encoding="utf-8")
    app = open_page(monkeypatch, data)
    assert app.error and "The dataset file has problems" in app.error[0].value
    assert app.code and str(data / "ccm.yaml") in app.code[0].value
    assert not maps(app), "a map was drawn from a broken file with no good version"
    assert not marker.exists()
