"""The score of the last `make mutate` run, per package and overall, and every surviving mutant.

Reads mutmut's own records (mutants/**/*.py.meta). A mutant counts as killed when a test failed or it
timed out; a mutant no test reaches ("no tests") counts against the score, like a survivor.
Usage: .venv/bin/python -m tests.mutation_score
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from configparser import ConfigParser
from fnmatch import fnmatch
from pathlib import Path

from mutmut.stats import status_by_exit_code

MUTANTS = Path("mutants")
KILLED = {"killed", "timeout", "caught by type check"}


def in_scope() -> list[str]:
    """The `only_mutate` patterns of setup.cfg: records left in mutants/ by an earlier, wider scope are not counted."""
    config = ConfigParser()
    config.read("setup.cfg")
    return config.get("mutmut", "only_mutate").split()


def results() -> dict[str, str]:
    """Mutant name -> mutmut's status word, for every mutant of the last run in today's scope."""
    patterns = in_scope()
    found = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        source = meta.relative_to(MUTANTS).as_posix().removesuffix(".meta")
        if not any(fnmatch(source, pattern) for pattern in patterns):
            continue
        for name, exit_code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            found[name] = status_by_exit_code[exit_code]
    return found


def main() -> None:
    by_package: dict[str, Counter] = defaultdict(Counter)
    survivors = []
    for name, status in results().items():
        package = name.split(".", 1)[0]
        by_package[package]["killed" if status in KILLED else status] += 1
        if status not in KILLED:
            survivors.append((status, name))
    total = Counter()
    for package, counts in sorted(by_package.items()):
        total += counts
        print(_line(package, counts))
    print(_line("overall", total))
    for status, name in sorted(survivors):
        print(f"  {status:12} {name}")


def _line(label: str, counts: Counter) -> str:
    checked = sum(count for status, count in counts.items() if status != "not checked")
    score = 100 * counts["killed"] / checked if checked else 0.0
    others = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()) if status != "killed")
    return f"{label:8} {counts['killed']:5} of {checked:5} killed ({score:.1f} %){'; ' + others if others else ''}"


if __name__ == "__main__":
    main()
