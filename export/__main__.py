"""Command line: export the map for chosen dates, e.g.

    python -m export --dates 2025-06-27 2025-12-27 --formats png pdf pptx
    python -m export --changes-from 2025-01-01 --changes-to 2026-12-31 --formats gif html --size 4:3
    python -m export --dates 2025-12-27 --formats pptx --title "Baltic exits" --subtitle "Briefing, 5 January"
    python -m export --dates 2025-12-27 --region world --formats png svg

Writes into --out, or a fresh temporary folder, and prints every file written. Exits 1 listing the
dataset's problems if it does not validate, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from export.batch import changes_between, export_batch, load_export_data
from export.formats import FORMATS
from geo.regions import DEFAULT_REGION, REGIONS, Region, region_by_id
from render.snapshot import SIZE_PRESETS, Heading, parse_size
from treaty.datasets import DATA_DIR, DEFAULT_TREATY
from treaty.loader import DatasetError

DEFAULT_DATASET = DATA_DIR / f"{DEFAULT_TREATY}.yaml"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write YYYY-MM-DD") from None


def _size(text: str) -> tuple[int, int]:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _region(text: str) -> Region:
    region = region_by_id(text)
    if region is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a region: use one of {', '.join(REGIONS)}")
    return region


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0.25 <= value <= 4:
        raise argparse.ArgumentTypeError(f"'{text}' is not a scale from 0.25 to 4")
    return value


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(prog="python -m export", description=__doc__.splitlines()[0])
    which = commands.add_mutually_exclusive_group(required=True)
    which.add_argument("--dates", nargs="+", type=_day, metavar="YYYY-MM-DD", help="these dates")
    which.add_argument("--changes-from", type=_day, metavar="YYYY-MM-DD", help="every change date from this day")
    commands.add_argument("--changes-to", type=_day, metavar="YYYY-MM-DD", help="... up to this day (default: the last change)")
    commands.add_argument("--formats", nargs="+", choices=list(FORMATS), default=["png"], help="default: png")
    commands.add_argument("--size", type=_size, default=SIZE_PRESETS["16:9"],
                          help=f"{', '.join(SIZE_PRESETS)} or WIDTHxHEIGHT (default 16:9, 1920x1080)")
    commands.add_argument("--region", type=_region, default=DEFAULT_REGION, metavar="ID",
                          help=f"the map's region and projection: {', '.join(REGIONS)} (default {DEFAULT_REGION.id})")
    commands.add_argument("--scale", type=_scale, default=1.0, help="multiplies the pixels, e.g. 2 for print")
    commands.add_argument("--transparent", action="store_true", help="PNG, SVG and PDF without a background")
    commands.add_argument("--title", default="", help="the images' and slides' title (default: treaty and date)")
    commands.add_argument("--subtitle", default="", help="the line under the title (default: what changes that day)")
    commands.add_argument("--out", type=Path, help="folder to write into (default: a new temporary folder)")
    commands.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="treaty dataset file")
    return commands


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def main(argv: list[str] | None = None) -> int:
    commands = parser()
    arguments = commands.parse_args(argv)
    if arguments.changes_to and not arguments.changes_from:
        commands.error("--changes-to needs --changes-from")
    if arguments.out and _inside(arguments.out, DATA_DIR):
        commands.error(f"--out {arguments.out} is inside {DATA_DIR}: exports never go beside the datasets")

    try:
        data = load_export_data(arguments.dataset, arguments.region)
    except DatasetError as error:
        print(f"{arguments.dataset}: {len(error.problems)} problem(s); nothing exported", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1

    days = arguments.dates or changes_between(data.inputs.timelines, arguments.changes_from, arguments.changes_to)
    if not days:
        commands.error(f"no status changes between {arguments.changes_from} and {arguments.changes_to or 'the last change'}")
    out_dir = arguments.out or Path(tempfile.mkdtemp(prefix=f"{data.inputs.dataset.treaty.id}-export-"))
    written = export_batch(data, days, list(dict.fromkeys(arguments.formats)), out_dir,
                           arguments.size, arguments.scale, arguments.transparent,
                           Heading(arguments.title, arguments.subtitle))
    for path in written:
        print(path)
    print(f"{len(written)} file(s) for {len(set(days))} date(s) in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
