"""Command line: export the map for chosen dates, e.g.

    python -m export --dates 2025-06-27 2025-12-27 --formats png pdf pptx
    python -m export --changes-from 2025-01-01 --changes-to 2026-12-31 --formats gif html --size 4:3
    python -m export --dates 2025-12-27 --formats pptx --title "Baltic exits" --subtitle "Briefing, 5 January"
    python -m export --dates 2025-12-27 --region world --formats png svg
    python -m export --storyboard briefings/2025-withdrawals.yaml --formats pptx pdf gif --out briefing/

Writes into --out, or a fresh temporary folder, and prints every file written. A storyboard gives a
deck (a slide per step, then its sources), a PDF handout (a page per step, then its sources) and a GIF
(a frame per step), named after its file, each step in its own region, with a progress bar while the
steps are drawn. Exits 1 listing
the dataset's or the storyboard's problems if it does not validate, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from export.batch import changes_between, export_batch, export_storyboard, load_export_data
from export.formats import FORMATS, STORYBOARD_FORMATS, ExportData
from geo.regions import DEFAULT_REGION, REGIONS, Region, region_by_id
from render.snapshot import SIZE_PRESETS, Heading, parse_size
from storyboard.loader import load_storyboard
from storyboard.model import Storyboard
from treaty.datasets import DATA_DIR, DEFAULT_TREATY
from treaty.yaml_reading import FileProblems

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
    which.add_argument("--storyboard", type=Path, metavar="FILE", help=f"a briefing's steps (briefings/*.yaml): {', '.join(STORYBOARD_FORMATS)}")
    commands.add_argument("--changes-to", type=_day, metavar="YYYY-MM-DD", help="... up to this day (default: the last change)")
    commands.add_argument("--formats", nargs="+", choices=list(FORMATS),
                          help=f"default: png; for a storyboard {' '.join(STORYBOARD_FORMATS)}")
    commands.add_argument("--size", type=_size, default=SIZE_PRESETS["16:9"],
                          help=f"{', '.join(SIZE_PRESETS)} or WIDTHxHEIGHT (default 16:9, 1920x1080)")
    commands.add_argument("--region", type=_region, default=DEFAULT_REGION, metavar="ID",
                          help=f"the map's region and projection: {', '.join(REGIONS)} (default {DEFAULT_REGION.id})")
    commands.add_argument("--scale", type=_scale, default=1.0, help="multiplies the pixels, e.g. 2 for print")
    commands.add_argument("--transparent", action="store_true", help="PNG, SVG and PDF without a background")
    commands.add_argument("--title", default="", help="the images' and slides' title (default: treaty and date)")
    commands.add_argument("--subtitle", default="", help="the line under the title (default: what changes that day)")
    commands.add_argument("--out", type=Path, help="folder to write into (default: a new temporary folder)")
    commands.add_argument("--dataset", type=Path, help=f"treaty dataset file (default: {DEFAULT_DATASET.name}, or the storyboard's treaty)")
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

    storyboard = None
    try:
        if arguments.storyboard:
            storyboard = load_storyboard(arguments.storyboard)
        dataset_path = arguments.dataset or (DATA_DIR / f"{storyboard.treaty}.yaml" if storyboard else DEFAULT_DATASET)
        data = load_export_data(dataset_path, arguments.region)
    except FileProblems as error:
        print(f"{error.path}: {len(error.problems)} problem(s); nothing exported", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if storyboard is not None:
        # Each step is drawn in its own region: the data framed for each, loaded once.
        framed = {arguments.region.id: data}

        def data_for(region: Region) -> ExportData:
            if region.id not in framed:
                framed[region.id] = load_export_data(dataset_path, region)
            return framed[region.id]

        return _export_storyboard(commands, arguments, data_for, storyboard)

    days = arguments.dates or changes_between(data.inputs.timelines, arguments.changes_from, arguments.changes_to)
    if not days:
        commands.error(f"no status changes between {arguments.changes_from} and {arguments.changes_to or 'the last change'}")
    out_dir = arguments.out or Path(tempfile.mkdtemp(prefix=f"{data.inputs.dataset.treaty.id}-export-"))
    written = export_batch(data, days, list(dict.fromkeys(arguments.formats or ["png"])), out_dir,
                           arguments.size, arguments.scale, arguments.transparent,
                           Heading(arguments.title, arguments.subtitle))
    for path in written:
        print(path)
    print(f"{len(written)} file(s) for {len(set(days))} date(s) in {out_dir}")
    return 0


def _export_storyboard(
    commands: argparse.ArgumentParser, arguments: argparse.Namespace, data_for: Callable[[Region], ExportData], storyboard: Storyboard
) -> int:
    formats = list(dict.fromkeys(arguments.formats or STORYBOARD_FORMATS))
    refused = [name for name in formats if name not in STORYBOARD_FORMATS]
    if refused:
        commands.error(f"a storyboard is exported as {', '.join(STORYBOARD_FORMATS)}, not {', '.join(refused)}")
    if arguments.title or arguments.subtitle or arguments.transparent:
        commands.error("--title, --subtitle and --transparent are for dates: a storyboard's steps carry their own titles")
    out_dir = arguments.out or Path(tempfile.mkdtemp(prefix=f"{arguments.storyboard.stem}-"))
    # The bar goes to stderr, so stdout lists only the files written.
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Drawing the steps", total=len(storyboard.steps) + len(formats))
        done = itertools.count()  # export_storyboard reports each piece of work as it starts it

        def progress(what: str) -> None:
            bar.update(task, description=what, completed=next(done))

        written = export_storyboard(data_for, storyboard, formats, out_dir, arguments.storyboard.stem,
                                    arguments.size, arguments.scale, progress)
    for path in written:
        print(path)
    print(f"{len(written)} file(s) for {len(storyboard.steps)} step(s) in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
