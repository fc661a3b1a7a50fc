"""Reading a dataset file: safe YAML, and one precisely placed problem per thing the schema refuses."""
import importlib.util
import sys
from typing import NamedTuple

import pytest
import yaml

import treaty.loader
import treaty.yaml_reading
from treaty.loader import DatasetError, Problem, dataset_files, load_dataset, read_yaml
from treaty_fixtures import REPO, assert_problem, line_of, minimal_yaml, mutate, only_problem, problems_of, write


def test_the_minimal_fixture_is_a_valid_dataset(tmp_path):
    dataset = load_dataset(write(tmp_path, minimal_yaml()))
    assert [state.iso3 for state in dataset.states] == ["LTU", "NOR", "RUS"]
    assert set(dataset.sources) == {"unoda", "monitor-ltu", "depositary-ltu", "news-ltu", "monitor-nor", "monitor-rus"}


class Broken(NamedTuple):
    old: str
    new: str
    message: str
    line_at: str  # text on the line the problem must point to
    state: str | None = None
    event: str | None = None
    field: str | None = None


NOR_SIGNATURE_DATE = "date: 1997-12-03"
NOR_SIGNATURE_SOURCES = "      sources: [monitor-nor]\n    - type: ratification"

SCHEMA_CASES = {
    "unknown key in a state": Broken(
        "    name: Norway\n", "    name: Norway\n    colour: red\n", "unknown key", "colour: red", "NOR", None, "colour"
    ),
    "unknown key in an event": Broken(
        "      date: 1997-12-03\n",
        "      date: 1997-12-03\n      colour: red\n",
        "unknown key",
        "colour: red",
        "NOR",
        "1 (signature)",
        "colour",
    ),
    "unknown key in the treaty": Broken(
        "  depositary:", "  colour: red\n  depositary:", "unknown key", "colour: red", None, None, "treaty.colour"
    ),
    "unknown event type": Broken(
        "type: signature", "type: signed", "unknown value 'signed'", "type: signed", "NOR", "1 (signed)", "type"
    ),
    "month 13": Broken(
        NOR_SIGNATURE_DATE, "date: 2025-13-01", "'2025-13-01' has no month 13", "2025-13-01", "NOR", "1 (signature)", "date"
    ),
    "a word for a date": Broken(
        NOR_SIGNATURE_DATE, "date: yesterday", "'yesterday' is not a date", "yesterday", "NOR", "1 (signature)", "date"
    ),
    "30 February": Broken(
        NOR_SIGNATURE_DATE,
        "date: 2025-02-30",
        "'2025-02-30' is not a day of the calendar",
        "2025-02-30",
        "NOR",
        "1 (signature)",
        "date",
    ),
    "event with an empty sources list": Broken(
        NOR_SIGNATURE_SOURCES,
        "      sources: []\n    - type: ratification",
        "at least 1 item",
        "sources: []",
        "NOR",
        "1 (signature)",
        "sources",
    ),
    "event with no sources key": Broken(
        NOR_SIGNATURE_SOURCES,
        "    - type: ratification",
        "required, but missing",
        "- type: signature",
        "NOR",
        "1 (signature)",
        "sources",
    ),
    "javascript: url": Broken(
        "url: https://example.org/nor",
        "url: javascript:alert(1)",
        "'javascript:alert(1)' is not an http(s) address",
        "javascript:",
        None,
        None,
        "sources.monitor-nor.url",
    ),
    "javascript: url with a host": Broken(
        "url: https://example.org/nor",
        "url: javascript://example.org/%0Aalert(1)",
        "is not an http(s) address",
        "javascript:",
        None,
        None,
        "sources.monitor-nor.url",
    ),
    "url with no host": Broken(
        "url: https://example.org/nor",
        "url: https:///nor",
        "is not an http(s) address",
        "https:///nor",
        None,
        None,
        "sources.monitor-nor.url",
    ),
    "source without accessed date": Broken(
        "    title: Landmine Monitor Norway\n    url: https://example.org/nor\n    accessed: 2026-11-22\n",
        "    title: Landmine Monitor Norway\n    url: https://example.org/nor\n",
        "required, but missing",
        "  monitor-nor:",
        None,
        None,
        "sources.monitor-nor.accessed",
    ),
    "lower-case state code": Broken(
        "iso3: NOR", "iso3: nor", "should match pattern", "iso3: nor", "nor", None, "iso3"
    ),
}


@pytest.mark.parametrize("case", SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_each_schema_problem_is_reported_with_its_file_line_state_event_and_field(tmp_path, case):
    text = mutate(minimal_yaml(), case.old, case.new)
    path = write(tmp_path, text)
    assert_problem(
        only_problem(path),
        path,
        message=case.message,
        line=line_of(text, case.line_at),
        state=case.state,
        event=case.event,
        field=case.field,
    )


def test_an_unknown_top_level_key_is_reported_on_its_line(tmp_path):
    text = minimal_yaml() + "colour: red\n"
    path = write(tmp_path, text)
    assert_problem(
        only_problem(path), path, message="unknown top-level key 'colour'", line=line_of(text, "colour: red")
    )


def test_a_missing_top_level_key_is_reported(tmp_path):
    text = mutate(minimal_yaml(), "as_of: 2026-11-22\n", "")
    messages = [problem.message for problem in problems_of(write(tmp_path, text))]
    assert "the top-level key 'as_of' is missing" in messages


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("    name: Norway\n", "    name: Norway\n    name: Norge\n", "name"),
        ("as_of: 2026-11-22\n", "as_of: 2026-11-22\nas_of: 2026-11-23\n", "as_of"),
    ],
    ids=["in a state", "at top level"],
)
def test_a_key_written_twice_in_one_mapping_is_reported_on_its_second_line(tmp_path, old, new, key):
    text = mutate(minimal_yaml(), old, new)
    path = write(tmp_path, text)
    second = new.splitlines()[1].strip()
    assert_problem(only_problem(path), path, message=f"the key '{key}' appears twice", line=line_of(text, second))


@pytest.mark.parametrize(
    "make_text",
    [
        lambda command: mutate(
            minimal_yaml(), "    name: Norway\n", f'    name: !!python/object/apply:os.system ["{command}"]\n'
        ),
        lambda command: f'!!python/object/apply:os.system ["{command}"]\n',
        lambda command: mutate(
            minimal_yaml(), "    name: Norway\n", f'    name: !!python/object/apply:subprocess.call [["sh", "-c", "{command}"]]\n'
        ),
    ],
    ids=["in a state", "as the whole document", "subprocess"],
)
def test_a_python_object_tag_is_refused_and_never_executed(tmp_path, make_text):
    marker = tmp_path / "executed"
    text = make_text(f"touch {marker}")
    path = write(tmp_path, text)
    problem = only_problem(path)
    assert_problem(
        problem,
        path,
        message="not valid YAML: could not determine a constructor for the tag",
        line=line_of(text, "!!python/object"),
    )
    assert "python/object/apply" in problem.message
    assert not marker.exists()


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\ufffe"], ids=["NUL", "ESC", "DEL", "U+FFFE"])
def test_a_control_character_is_reported_on_its_line(tmp_path, character):
    text = mutate(minimal_yaml(), "name: Lithuania", "name: Lietuva \u0160iauliai") + "# the end\n"
    text = mutate(text, "name: Norway", f"name: Nor{character}way")
    path = write(tmp_path, text)
    assert_problem(
        only_problem(path),
        path,
        message=f"not valid YAML: unacceptable character #x{ord(character):04x}: special characters are not allowed",
        line=line_of(text, f"Nor{character}way"),
    )


def test_invalid_yaml_syntax_is_reported_with_a_line(tmp_path):
    text = mutate(minimal_yaml(), "also_known_as: [Ottawa Convention]", "also_known_as: [Ottawa Convention")
    problem = only_problem(write(tmp_path, text))
    assert problem.message.startswith("not valid YAML")
    assert problem.line is not None


@pytest.mark.parametrize(("tagged", "says"), [("!!int x1", "invalid literal for int()"), ("!!float abc", "could not convert")])
def test_a_value_that_does_not_fit_its_explicit_tag_is_a_problem_on_its_line_not_a_crash(tmp_path, tagged, says):
    text = mutate(minimal_yaml(), "as_of: 2026-11-22", f"as_of: {tagged}")
    path = write(tmp_path, text)
    problem = only_problem(path)
    assert problem.message.startswith("not valid YAML: a value does not fit its explicit tag") and says in problem.message
    assert problem.line == line_of(text, tagged)
    with pytest.raises(DatasetError):
        load_dataset(path)


@pytest.mark.parametrize("text", ["- as_of\n- treaty\n", "just some text\n", "42\n"], ids=["list", "text", "number"])
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path, text):
    path = write(tmp_path, text)
    assert_problem(only_problem(path), path, message="the file must be a mapping with the keys", line=None)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "~\n"], ids=["empty", "comment", "null"])
def test_an_empty_file_is_refused_with_a_problem_that_says_so(tmp_path, text):
    # problems_of fails the test when DatasetError lists no problem at all.
    path = write(tmp_path, text)
    assert [problem.file for problem in problems_of(path)] == [str(path)]


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = write(tmp_path, mutate(minimal_yaml(), "name: Norway", "name: Norw\u00e9gen").encode("latin-1"))
    assert_problem(only_problem(path), path, message="cannot be read: 'utf-8' codec can't decode", line=None)


def test_a_missing_file_is_refused(tmp_path):
    path = tmp_path / "nowhere.yaml"
    assert_problem(only_problem(path), path, message="cannot be read: [Errno 2] No such file", line=None)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(treaty.yaml_reading, "MAX_FILE_BYTES", 100)
    path = write(tmp_path, minimal_yaml())
    assert_problem(only_problem(path), path, message="larger than 100 bytes", line=None)


def test_a_small_file_of_yaml_aliases_cannot_blow_up_a_problem_message(tmp_path):
    # Six levels of ten aliases: a 2 KB file whose expansion is 10**6 values (and 10**8 at eight levels).
    bomb = ["bomb:", "  - &b0 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"]
    bomb += [f"  - &b{level} [{', '.join([f'*b{level - 1}'] * 10)}]" for level in range(1, 6)]
    text = "\n".join(bomb) + "\n" + mutate(minimal_yaml(), "type: signature", "type: *b5")
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert any(problem.field == "type" and problem.state == "NOR" for problem in problems)
    assert max(len(problem.message) for problem in problems) < 1000


def test_dataset_error_lists_every_problem_in_its_message(tmp_path):
    path = tmp_path / "broken.yaml"
    problems = [Problem(str(path), "first", line=3), Problem(str(path), "second", state="NOR")]
    error = DatasetError(path, problems)
    assert str(error).splitlines() == [f"{path}: 2 problem(s)", f"  {path}:3: first", f"  {path}: state NOR: second"]


def test_a_problem_reads_as_file_line_state_event_field_then_message():
    problem = Problem("data/x.yaml", "bad", line=12, state="NOR", event="1 (signature)", field="date")
    assert str(problem) == "data/x.yaml:12: state NOR, event 1 (signature), field 'date': bad"
    assert str(Problem("data/x.yaml", "bad")) == "data/x.yaml: bad"


# ---------------------------------------------------------------------------------------------------
# libyaml reads the file when it is installed; the answer is the one the pure-Python loader gives


LIBYAML = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml: nothing to compare")
REAL_FILES = [REPO / "data" / "apmbc.yaml", REPO / "data" / "ccm.yaml"]


def _shape(node):
    """The document as the validator sees it: values, their types, and every recorded line."""
    if isinstance(node, dict):
        return ("mapping", node.line, [(key, node.key_lines[key], _shape(value)) for key, value in node.items()])
    if isinstance(node, list):
        return ("list", node.line, [_shape(item) for item in node])
    return (type(node).__name__, node)


def _read(path, monkeypatch, *, libyaml: bool):
    with monkeypatch.context() as patch:
        if not libyaml:
            patch.setattr(treaty.yaml_reading, "_FAST_LOADER", None)
        document, problems = read_yaml(path)
    return _shape(document), problems


def _refuse_pure_python(monkeypatch):
    """Make the pure-Python loader fail the test if read_yaml falls back to it."""

    def refused(text):
        raise AssertionError("read_yaml fell back to the pure-Python loader")

    monkeypatch.setattr(treaty.yaml_reading, "_SafeLineLoader", refused)


def test_libyaml_is_the_loader_used_when_pyyaml_has_it():
    if yaml.__with_libyaml__:
        assert treaty.yaml_reading._FAST_LOADER is treaty.yaml_reading._LibyamlLineLoader
        assert issubclass(treaty.yaml_reading._FAST_LOADER, yaml.cyaml.CParser)
    else:
        assert treaty.yaml_reading._FAST_LOADER is None


@LIBYAML
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_libyaml_reads_the_real_files_alone_and_as_the_pure_python_loader_does(path, monkeypatch):
    pure = _read(path, monkeypatch, libyaml=False)
    constructed = []

    class Spy(treaty.yaml_reading._LibyamlLineLoader):
        def __init__(self, stream):
            constructed.append(self)
            super().__init__(stream)

    monkeypatch.setattr(treaty.yaml_reading, "_FAST_LOADER", Spy)
    _refuse_pure_python(monkeypatch)
    fast = _read(path, monkeypatch, libyaml=True)
    assert len(constructed) == 1
    assert fast == pure
    document, problems = fast
    assert problems == [] and document[0] == "mapping"


@LIBYAML
def test_libyaml_reads_duplicate_keys_dates_and_lines_itself(tmp_path, monkeypatch):
    text = mutate(minimal_yaml(), "    name: Norway\n", "    name: Norway\n    name: Norge\n")
    path = write(tmp_path, text)
    pure = _read(path, monkeypatch, libyaml=False)
    _refuse_pure_python(monkeypatch)
    document, problems = read_yaml(path)
    assert (_shape(document), problems) == pure
    assert problems == [Problem(str(path), "the key 'name' appears twice in one mapping", line=line_of(text, "name: Norge"))]
    assert document["as_of"] == "2026-11-22"  # a date stays text
    assert document["states"][1]["name"] == "Norway"
    assert document["states"].line == line_of(text, "- iso3: LTU")
    assert document["states"][1].line == line_of(text, "- iso3: NOR")


def _broken(old: str, new: str) -> str:
    return mutate(minimal_yaml(), old, new)


NORWAY = "    name: Norway\n"
# Broken or unusual text, each with the line the problem must name (None: no problem, or no line).
# The later cases are text libyaml reads differently from PyYAML's scanner, found by comparing the two.
COMPARED = {
    "duplicate key": (_broken(NORWAY, NORWAY + "    name: Norge\n"), "name: Norge", "appears twice"),
    "bad indentation": (_broken(NORWAY, NORWAY + "   colour: red\n"), "colour: red", "expected <block end>"),
    "control character": (_broken("name: Norway", "name: Nor\x00way"), "Nor\x00way", "unacceptable character #x0000"),
    "python tag": (_broken(NORWAY, "    name: !!python/object:treaty.model.Dataset {}\n"), "!!python", "could not determine a constructor"),
    "unclosed bracket": (
        _broken("also_known_as: [Ottawa Convention]", "also_known_as: [Ottawa Convention"),
        "adopted: 1997-09-18",
        "expected ',' or ']', but got ':'",
    ),
    "undefined alias, then a NUL": (_broken("name: Norway", "name: *nowhere") + "# \x00\n", "# \x00", "unacceptable character"),
    "deep nesting": (minimal_yaml() + "deep: " + "[" * 50_000 + "]" * 50_000 + "\n", None, "nested too deeply"),
    "tab in a value": (_broken("name: Norway", "name: Nor\t way"), "Nor\t way", "found character '\\t' that cannot start any token"),
    "question mark in a flow list": (
        _broken("also_known_as: [Ottawa Convention]", "also_known_as: [Ottawa? Convention]"),
        "Ottawa?",
        "expected ',' or ']', but got '?'",
    ),
    "block scalar header then #": (_broken(NORWAY, "    name: >#\n      Norway\n"), "name: >#", "expected chomping or indentation"),
    "byte-order mark inside": (_broken(NORWAY, NORWAY + "\ufeff"), "iso3: RUS", "expected <block end>"),
    "byte-order mark at the end": (minimal_yaml() + "\ufeff", "\ufeff", "could not find expected ':'"),
    "bare ! tag": (_broken(NORWAY, "    name: !\n"), None, None),
    "YAML 1.3 directive": ("%YAML 1.3\n---\n" + minimal_yaml(), None, None),
}


@LIBYAML
@pytest.mark.parametrize("case", COMPARED.values(), ids=COMPARED.keys())
def test_libyaml_and_the_pure_python_loader_give_the_same_answer_for_broken_text(tmp_path, monkeypatch, case):
    text, line_at, message = case
    path = write(tmp_path, text)
    fast = _read(path, monkeypatch, libyaml=True)
    pure = _read(path, monkeypatch, libyaml=False)
    assert fast == pure
    document, problems = fast
    if message is None:
        assert problems == [] and document[0] == "mapping"
        return
    assert len(problems) == 1 and message in problems[0].message, problems
    assert problems[0].line == (line_of(text, line_at) if line_at else None)


@LIBYAML
def test_a_bare_tag_on_an_empty_value_is_read_as_pyyaml_reads_it(tmp_path):
    """libyaml makes '' of `name: !`, PyYAML None: the text goes to PyYAML."""
    document, problems = read_yaml(write(tmp_path, COMPARED["bare ! tag"][0]))
    assert problems == [] and document["states"][1]["name"] is None


def test_without_libyaml_the_module_reads_in_python_and_gives_the_same_answer(monkeypatch):
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    spec = importlib.util.spec_from_file_location("yaml_reading_without_libyaml", treaty.yaml_reading.__file__)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    assert module._FAST_LOADER is None and not hasattr(module, "_LibyamlLineLoader")
    for path in REAL_FILES:
        document, problems = module.read_yaml(path)
        assert problems == []
        assert _shape(document) == _shape(read_yaml(path)[0])


@pytest.mark.parametrize(
    ("written", "quoted", "event"),
    [
        ("x" * 41, "'" + "x" * 40 + "…'", "1 (" + "x" * 40 + ")"),
        ("x" * 40, "'" + "x" * 40 + "'", "1 (" + "x" * 40 + ")"),
        ("42", "of type int", "1"),
    ],
    ids=["41 characters", "40 characters", "a number"],
)
def test_an_unknown_event_type_is_quoted_at_most_40_characters_and_names_the_event(tmp_path, written, quoted, event):
    text = mutate(minimal_yaml(), "type: signature", f"type: {written}")
    path = write(tmp_path, text)
    problem = only_problem(path)
    assert problem.message.startswith(f"unknown value {quoted}: 'signature', 'ratification', ")
    assert (problem.line, problem.state, problem.event, problem.field) == (line_of(text, f"type: {written}"), "NOR", event, "type")


def test_an_event_that_is_not_a_mapping_is_named_by_its_number(tmp_path):
    text = mutate(minimal_yaml(), "    - type: signature\n      date: 1997-12-03\n      confirmed: true\n      sources: [monitor-nor]\n", "    - just text\n")
    problem = only_problem(write(tmp_path, text))
    assert (problem.state, problem.event, problem.field) == ("NOR", "1", None)
    assert "valid dictionary" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "line_at", "said"),
    [
        ("    name: Norway\n", "    name: Norway\n    colour: red\n", "colour: red", "field 'colour': unknown key"),
        ("    name: Norway\n", "", "iso3: NOR", "field 'name': required, but missing"),
    ],
    ids=["unknown key", "missing key"],
)
def test_a_states_unknown_or_missing_key_reads_as_one_plain_line(tmp_path, old, new, line_at, said):
    text = mutate(minimal_yaml(), old, new)
    path = write(tmp_path, text)
    assert str(only_problem(path)) == f"{path}:{line_of(text, line_at)}: state NOR, {said}"


def test_a_bad_source_id_in_a_list_is_placed_on_the_line_of_the_list(tmp_path):
    text = mutate(minimal_yaml(), "      sources: [monitor-nor]\n  - iso3: RUS", "      sources: [monitor-nor, Not An Id]\n  - iso3: RUS")
    path = write(tmp_path, text)
    assert_problem(
        only_problem(path), path, message="String should match pattern", line=line_of(text, "Not An Id"),
        state="NOR", event="2 (ratification)", field="sources.1",
    )


def test_the_treaty_files_in_a_folder_are_its_yaml_files_in_name_order_without_the_barred_list(tmp_path):
    for name in ("ccm.yaml", "barred_sources.yaml", "apmbc.yaml", "notes.txt", "old.yml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [path.name for path in dataset_files(tmp_path)] == ["apmbc.yaml", "ccm.yaml"]


@pytest.mark.parametrize("written", ["true", "[2025, 6]", "{year: 2025}"])
def test_a_date_that_is_not_text_or_a_year_is_refused_with_the_forms_to_write(tmp_path, written):
    """YAML reads `true` as a boolean (which Python counts as an int): it is no year either."""
    problem = only_problem(write(tmp_path, mutate(minimal_yaml(), "      date: 1998-07-09\n", f"      date: {written}\n")))
    assert (problem.state, problem.field) == ("NOR", "date")
    assert problem.message.endswith("write the date as YYYY-MM-DD, YYYY-MM or YYYY"), problem.message


def test_a_day_known_only_to_the_month_where_a_whole_date_is_needed_is_refused(tmp_path):
    """A source's 'accessed' is a day: '2026-11' will not do."""
    problem = only_problem(write(tmp_path, mutate(minimal_yaml(), "    title: Landmine Monitor Norway\n    url: https://example.org/nor\n    accessed: 2026-11-22\n",
                                                  "    title: Landmine Monitor Norway\n    url: https://example.org/nor\n    accessed: 2026-11\n")))
    assert (problem.field, problem.message) == ("sources.monitor-nor.accessed", "Value error, '2026-11' must be a whole date, YYYY-MM-DD")
