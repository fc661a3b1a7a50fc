"""Command line: `python -m treaty validate data/apmbc.yaml [more files]`.

Exits 1 listing every problem, or prints a summary of each clean file and exits 0.
"""
from __future__ import annotations

import argparse
import sys

from treaty.loader import DatasetError, load_dataset
from treaty.summary import dataset_summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m treaty", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check dataset files and summarise them")
    validate.add_argument("files", nargs="+")
    arguments = parser.parse_args(argv)

    failed = False
    for file in arguments.files:
        try:
            dataset = load_dataset(file)
        except DatasetError as error:
            failed = True
            print(f"{file}: {len(error.problems)} problem(s)", file=sys.stderr)
            for problem in error.problems:
                print(f"  {problem}", file=sys.stderr)
            continue
        print(f"{file}: OK")
        for line in dataset_summary(dataset):
            print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
