"""Command line for treaty dataset files.

  python -m treaty validate FILE...               every problem (exit 1), or a summary of each clean file
  python -m treaty sources FILE                   a report on the file's sources (exit 1 only if it cannot be read)
  python -m treaty status FILE --date YYYY-MM-DD  every state's status on that date [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

from treaty.statuses import LABELS as STATUS_LABELS
from treaty.loader import DatasetError, Problem, barred_sources_path, load_dataset, read_barred_sources, read_dataset
from treaty.model import Dataset
from treaty.source_report import source_report
from treaty.status import statuses_on, compile_timelines
from treaty.summary import dataset_summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m treaty", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check dataset files and summarise them")
    validate.add_argument("files", nargs="+")
    sources = commands.add_parser("sources", help="report on a dataset's sources: kinds, weak key dates, gaps, barred, duplicates, unused")
    sources.add_argument("file")
    status = commands.add_parser("status", help="every state's status on a date")
    status.add_argument("file")
    status.add_argument("--date", required=True, type=_day, help="YYYY-MM-DD")
    status.add_argument("--json", action="store_true", help="print JSON: {treaty, date, states: {ISO3: {status, label, bound}}}")
    arguments = parser.parse_args(argv)
    if arguments.command == "sources":
        return _sources(arguments.file)
    if arguments.command == "status":
        return _status(arguments.file, arguments.date, arguments.json)
    return _validate(arguments.files)


def _day(text: str) -> date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2025-12-27")


def _validate(files: list[str]) -> int:
    failed = False
    for file in files:
        try:
            dataset = load_dataset(file)
        except DatasetError as error:
            failed = True
            _print_problems(file, error.problems)
            continue
        print(f"{file}: OK")
        for line in dataset_summary(dataset):
            print(f"  {line}")
    return 1 if failed else 0


def _print_problems(file: str, problems: list[Problem]) -> None:
    print(f"{file}: {len(problems)} problem(s)", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def _sources(file: str) -> int:
    dataset, problems = read_dataset(file)
    if dataset is None:
        _print_problems(file, problems)
        return 1
    barred, _ = read_barred_sources(barred_sources_path(Path(file)))  # its problems are among `problems`
    print(f"{file}: {len(problems)} validation problem(s)" + (f" (python -m treaty validate {file} lists them)" if problems else ""))
    for line in source_report(dataset, barred):
        print(f"  {line}")
    return 0


def _status(file: str, day: date, as_json: bool) -> int:
    try:
        dataset = load_dataset(file)
    except DatasetError as error:
        _print_problems(file, error.problems)
        return 1
    document = status_document(dataset, day)
    if as_json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    print(f"{dataset.treaty.short_name} on {document['date']}")
    for iso3, status in document["states"].items():
        print(f"  {iso3} {dataset.state(iso3).name}: {status['label']}")
    return 0


def status_document(dataset: Dataset, day: date) -> dict:
    """The status engine's answer for `day` as plain JSON data."""
    return {
        "treaty": dataset.treaty.id,
        "date": day.isoformat(),
        "states": {
            status.iso3: {"status": status.status.value, "label": STATUS_LABELS[status.status.value], "bound": status.status.bound}
            for status in statuses_on(compile_timelines(dataset), day)
        },
    }


if __name__ == "__main__":
    sys.exit(main())
