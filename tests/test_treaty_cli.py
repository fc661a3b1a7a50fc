"""`python -m treaty validate FILE...`: a summary and exit 0, or every problem on stderr and exit 1."""
import json
import re
import subprocess
import sys
from datetime import date

import pytest

from treaty.statuses import LABELS
from treaty.__main__ import main
from treaty.loader import load_dataset
from treaty.status import statuses_on, compile_timelines
from treaty_fixtures import REAL_DATASET, REPO, minimal_yaml, mutate, problems_of, write


def run_cli(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "treaty", *map(str, arguments)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_validate_summarises_the_real_file_and_exits_0():
    result = run_cli("validate", REAL_DATASET)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"{REAL_DATASET}: OK"
    assert any(line.strip().startswith("states: ") and int(line.split(":")[1]) >= 55 for line in lines)
    assert any(line.strip().startswith("unconfirmed dates: ") for line in lines)


def test_validate_lists_every_problem_on_stderr_and_exits_1(tmp_path):
    text = mutate(minimal_yaml(), "type: signature", "type: signed")
    text = mutate(text, "url: https://example.org/nor", "url: javascript:alert(1)")
    text = mutate(text, "    name: Lithuania\n", "    name: Lithuania\n    name: Lietuva\n")
    path = write(tmp_path, text)
    expected = problems_of(path)
    assert len(expected) == 3

    result = run_cli("validate", path)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{path}: 3 problem(s)"] + [f"  {problem}" for problem in expected]


def test_validate_checks_every_file_and_fails_if_any_is_broken(tmp_path, capsys):
    good = write(tmp_path, minimal_yaml(), "good.yaml")
    bad = write(tmp_path, mutate(minimal_yaml(), "iso3: NOR", "iso3: ZZZ"), "bad.yaml")
    assert main(["validate", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert f"{good}: OK" in out
    assert f"{bad}: 1 problem(s)" in err
    assert "'ZZZ' is not an ISO 3166-1 alpha-3 code" in err


def test_validate_reports_a_missing_file_without_a_traceback(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere.yaml")]) == 1
    err = capsys.readouterr().err
    assert "cannot be read" in err
    assert "Traceback" not in err


def test_the_summary_lists_each_unconfirmed_date(tmp_path, capsys):
    path = write(tmp_path, mutate(minimal_yaml(), "      date: 1998-07-09\n      confirmed: true", "      date: 1998-07-09\n      confirmed: false"))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  unconfirmed dates: 1\n" in out
    assert "    - NOR ratification 1998-07-09\n" in out
    assert "  states: 3\n" in out


@pytest.mark.parametrize("argv", [[], ["validate"], ["check", "data/apmbc.yaml"]])
def test_a_wrong_command_line_is_a_usage_error(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


# ---- python -m treaty status ----


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2025-06-26", {"LTU": ("party", True), "NOR": ("party", True), "RUS": ("not_party", False)}),
        ("2025-06-27", {"LTU": ("withdrawal_pending", True), "NOR": ("party", True), "RUS": ("not_party", False)}),
        ("2025-12-27", {"LTU": ("withdrawn", False), "NOR": ("party", True), "RUS": ("not_party", False)}),
    ],
)
def test_status_json_is_the_engines_status_of_every_state_on_the_date(tmp_path, day, expected):
    path = write(tmp_path, minimal_yaml())
    result = run_cli("status", path, "--date", day, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert {iso3: (entry["status"], entry["bound"]) for iso3, entry in document["states"].items()} == expected
    engine = statuses_on(compile_timelines(load_dataset(path)), date.fromisoformat(day))
    assert document == {
        "treaty": "apmbc",
        "date": day,
        "states": {s.iso3: {"status": s.status.value, "label": LABELS[s.status.value], "bound": s.status.bound} for s in engine},
    }


def test_status_without_json_prints_one_line_per_state(tmp_path, capsys):
    assert main(["status", str(write(tmp_path, minimal_yaml())), "--date", "2025-12-27"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Mine Ban Convention on 2025-12-27",
        f"  LTU Lithuania: {LABELS['withdrawn']}",
        f"  NOR Norway: {LABELS['party']}",
        f"  RUS Russian Federation: {LABELS['not_party']}",
    ]


@pytest.mark.parametrize("day", ["2025-02-30", "27/12/2025", "20251227", "2025-12-27T00:00", "tomorrow"])
def test_status_refuses_a_bad_date_with_a_clear_message_and_exit_2(tmp_path, capsys, day):
    with pytest.raises(SystemExit) as exit_info:
        main(["status", str(write(tmp_path, minimal_yaml())), "--date", day])
    assert exit_info.value.code == 2
    assert f"argument --date: '{day}' is not a date: write it as YYYY-MM-DD" in capsys.readouterr().err


def test_status_of_a_broken_file_lists_its_problems_and_exits_1(tmp_path, capsys):
    path = write(tmp_path, mutate(minimal_yaml(), "iso3: NOR", "iso3: ZZZ"))
    assert main(["status", str(path), "--date", "2025-12-27", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}: 1 problem(s)" in err


# ---- python -m treaty sources ----

_REPORTED = mutate(
    mutate(
        mutate(
            minimal_yaml(),
            "      date: 1998-07-09\n      confirmed: true\n      sources: [monitor-nor]",
            "      date: 1998-07-09\n      confirmed: true\n      sources: [news-ltu, copy-of-news-ltu]",
        ),
        "    title: Landmine Monitor Russia\n",
        "    title: Landmine Monitor Russia\n    citation: Landmine Monitor Report 2003, p. 712\n",
    ),
    "  monitor-nor:\n",
    "  copy-of-news-ltu:\n    kind: press\n    title: The same article again\n    url: https://example.org/ltu\n    accessed: 2026-11-22\n"
    "  relay-ltu:\n    kind: other\n    publisher: lt.news-pravda.com (aggregator)\n    title: A relayed item\n"
    "    url: https://lt.news-pravda.com/en/world/1.html\n    accessed: 2026-11-22\n"
    "  gazette-nor:\n    kind: official\n    title: Norwegian treaty series\n    accessed: 2026-11-22\n"
    "  monitor-nor:\n",
)


def test_sources_reports_kinds_weak_key_dates_gaps_barred_duplicates_and_unused(tmp_path, capsys):
    path = write(tmp_path, _REPORTED)
    assert main(["sources", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: 3 validation problem(s) (python -m treaty validate {path} lists them)",
        "  treaty: Mine Ban Convention (apmbc), data as of 2026-11-22",
        "  sources: 9 (UN depositary 1, official 2, Monitor 3, press 2, other 1)",
        "  key dates whose best source is press or other: 1",
        "    - NOR ratification 1998-07-09: best is press (news-ltu)",
        "  sources without a url: 2 (1 with a citation)",
        "    of them with neither url nor citation: 1",
        "      - gazette-nor",
        "  barred sources: 1",
        "    - relay-ltu: https://lt.news-pravda.com/en/world/1.html (barred: news-pravda.com)",
        "  duplicate sources (one url under several ids): 1",
        "    - https://example.org/ltu: news-ltu, copy-of-news-ltu",
        "  sources never cited: 2",
        "    - relay-ltu",
        "    - gazette-nor",
    ]


def test_sources_of_an_unreadable_file_exits_1(tmp_path, capsys):
    assert main(["sources", str(tmp_path / "nowhere.yaml")]) == 1
    assert "cannot be read" in capsys.readouterr().err
def test_the_summary_counts_states_events_sources_changes_and_inexact_dates(tmp_path, capsys):
    """Norway's ratification known only to the month and unconfirmed: it counts from 31 July 1998."""
    text = mutate(minimal_yaml(), "      date: 1998-07-09\n      confirmed: true", "      date: 1998-07\n      confirmed: false")
    path = write(tmp_path, text)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: OK",
        "  treaty: Mine Ban Convention (apmbc), data as of 2026-11-22",
        "  states: 3",
        "  events: 6, citing 6 sources",
        "  status changes: 7 dates, 1997-12-03 to 2025-12-27",
        "  dates not to the day or approximate: 1",
        "  unconfirmed dates: 1",
        "    - NOR ratification 1998-07",
        "  warning: sources with neither url nor citation: 1",
        "    - monitor-rus",
    ]


def test_the_summary_of_a_file_where_nothing_ever_changes_says_so(tmp_path, capsys):
    text = mutate(minimal_yaml(), "    sources: [monitor-rus]\n    events: []\n", "    sources: [monitor-rus]\n")
    start, end = text.index("  - iso3: LTU"), text.index("  - iso3: RUS")
    path = write(tmp_path, text[:start] + text[end:])
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  states: 1\n  events: 0, citing 6 sources\n  status changes: none\n" in out


def test_help_names_the_validate_command_and_what_it_does(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m treaty")
    assert "Command line for treaty dataset files." in out
    assert re.search(r"^ +validate +check dataset files and summarise them$", out, re.M), out
