"""Shared helpers for the treaty tests: a minimal valid dataset as YAML text, and ways to break it.

The minimal dataset copies the shape of data/apmbc.yaml (same treaty block and rules) with three
states: Lithuania (joined, then withdrew), Norway (an early party) and Russia (never joined).
Tests break it with `mutate`, which insists the text it replaces occurs exactly once, so a test
cannot silently stop breaking anything when the fixture changes.
"""
from __future__ import annotations

from pathlib import Path

from treaty.loader import DatasetError, Problem, load_dataset

REPO = Path(__file__).resolve().parent.parent
REAL_DATASET = REPO / "data" / "apmbc.yaml"

_MINIMAL = """\
as_of: 2026-11-22

treaty:
  id: apmbc
  name: Convention on the Prohibition of Anti-Personnel Mines
  short_name: Mine Ban Convention
  also_known_as: [Ottawa Convention]
  adopted: 1997-09-18
  opened_for_signature: 1997-12-03
  entry_into_force: 1999-03-01
  depositary: Secretary-General of the United Nations
  sources: [unoda]
  rules:
    entry_into_force:
      article: "17"
      general_date: 1999-03-01
      threshold_deposit_date: 1998-09-16
      months_after_deposit: 6
    withdrawal:
      article: "20"
      notice_months: 6
      armed_conflict_proviso: true

states:
  - iso3: LTU
    name: Lithuania
    events:
    - type: ratification
      date: 2003-05-12
      confirmed: true
      sources: [monitor-ltu]
    - type: entry_into_force
      date: 2003-11-01
      confirmed: true
      sources: [monitor-ltu]
    - type: withdrawal_deposited
      date: 2025-06-27
      confirmed: true
      sources: [news-ltu, depositary-ltu]
    - type: withdrawal_effective
      date: 2025-12-27
      confirmed: true
      sources: [depositary-ltu]
  - iso3: NOR
    name: Norway
    events:
    - type: signature
      date: 1997-12-03
      confirmed: true
      sources: [monitor-nor]
    - type: ratification
      date: 1998-07-09
      confirmed: true
      sources: [monitor-nor]
  - iso3: RUS
    name: Russian Federation
    sources: [monitor-rus]
    events: []

sources:
  unoda:
    kind: official
    publisher: UN Office for Disarmament Affairs
    title: Joining the Mine Ban Convention
    url: https://disarmament.unoda.org/joining
    accessed: 2026-11-22
  monitor-ltu:
    kind: monitor
    title: Landmine Monitor 2003 Lithuania
    url: http://archives.the-monitor.org/lithuania.html
    accessed: 2026-11-22
  depositary-ltu:
    kind: depositary
    publisher: Secretary-General of the United Nations
    title: Lithuania notification of withdrawal
    url: https://example.org/depositary-ltu
    accessed: 2026-11-22
  news-ltu:
    kind: press
    title: Lithuania leaves the Convention
    url: https://example.org/ltu
    accessed: 2026-11-22
  monitor-nor:
    kind: monitor
    title: Landmine Monitor Norway
    url: https://example.org/nor
    accessed: 2026-11-22
  monitor-rus:
    kind: monitor
    title: Landmine Monitor Russia
    accessed: 2026-11-22
"""


def minimal_yaml() -> str:
    """The text of a small dataset file that validates cleanly."""
    return _MINIMAL


def mutate(text: str, old: str, new: str) -> str:
    """`text` with its single occurrence of `old` replaced by `new`."""
    count = text.count(old)
    assert count == 1, f"the fixture text must contain {old!r} exactly once, found {count}"
    return text.replace(old, new)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line number of the `occurrence`-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} occurs on {len(hits)} line(s), wanted #{occurrence}"
    return hits[occurrence - 1]


def write(tmp_path: Path, text: str | bytes, name: str = "dataset.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    """Every problem the loader reports for `path`; fails the test if the file is accepted."""
    try:
        load_dataset(path)
    except DatasetError as error:
        assert error.problems, "DatasetError raised with no problem listed"
        return error.problems
    raise AssertionError(f"{path} was accepted, but it is broken")


def only_problem(path: Path) -> Problem:
    """The single problem reported for `path`."""
    found = problems_of(path)
    assert len(found) == 1, "expected exactly one problem, got:\n" + "\n".join(map(str, found))
    return found[0]


def add_to_norway(event_yaml: str) -> str:
    """The minimal dataset with `event_yaml` (an indented '- type: ...' block) after Norway's last event."""
    anchor = "      sources: [monitor-nor]\n  - iso3: RUS"
    return mutate(minimal_yaml(), anchor, "      sources: [monitor-nor]\n" + event_yaml + "  - iso3: RUS")


def assert_problem(problem: Problem, path: Path, *, message: str, line: int | None, state=None, event=None, field=None):
    """`problem` is about `path`, says `message`, and is placed at exactly this line, state, event and field."""
    assert problem.file == str(path)
    assert message in problem.message, f"{message!r} not in {problem.message!r}"
    assert (problem.line, problem.state, problem.event, problem.field) == (line, state, event, field), str(problem)
