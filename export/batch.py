"""Export chosen dates in chosen formats into a folder, drawing the map's geometry once for all of them.

Per date: PNG, SVG, PDF (`apmbc-2025-12-27.png`). Per run, named by the first and last date
(`apmbc-2025-06-27-to-2025-12-27.gif`): the animated GIF (a frame per date), the deck (a slide per
date) and the offline HTML map, which holds every change date and opens on the first chosen one.
A storyboard (`export_storyboard`) is handed out as a deck, a PDF handout and a GIF named after it
(`2025-withdrawals.pptx`), every step drawn once for all three.
The formats and their writers are in export/formats.py.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from export.briefing import step_pictures
from export.formats import FORMATS, STORYBOARD_FORMATS, ExportData, Run, Scope
from geo.countries import geometry_metadata, load_countries, microstate_points
from geo.drawable import load_drawable
from geo.regions import DEFAULT_REGION, Region, region_by_id
from render.snapshot import SIZE_PRESETS, Heading, prepare_inputs
from storyboard.model import Storyboard
from treaty.status import StateHistory, change_dates, compile_timelines


def load_export_data(dataset_path: Path, region: Region = DEFAULT_REGION) -> ExportData:
    """The dataset at `dataset_path` and the committed geometry, framed for `region`; DatasetError if
    either cannot be drawn."""
    countries = load_countries()
    dataset = load_drawable(dataset_path, countries["iso3"])
    inputs = prepare_inputs(dataset, compile_timelines(dataset), countries, geometry_metadata(), region)
    return ExportData(inputs, countries, microstate_points(countries, region))


def changes_between(compiled: tuple[StateHistory, ...], first: date | None, last: date | None) -> list[date]:
    """The change dates from `first` to `last` inclusive (open ends run to the first or last change)."""
    return [day for day in change_dates(compiled) if (first is None or day >= first) and (last is None or day <= last)]


def export_batch(
    data: ExportData,
    days: list[date],
    formats: list[str],
    out_dir: Path,
    size: tuple[int, int] = SIZE_PRESETS["16:9"],
    scale: float = 1,
    transparent: bool = False,
    heading: Heading = Heading(),
) -> list[Path]:
    """Write every requested file into `out_dir`; returns their paths in the order written."""
    days = sorted(set(days))
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not days:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}" if unknown else "no dates to export")
    out_dir.mkdir(parents=True, exist_ok=True)
    run = Run(data, size, scale, transparent, heading)
    chosen = [fmt for name, fmt in FORMATS.items() if name in formats]
    # Every per-date file of a date before the next date: the figure is restyled once per date.
    files = [(fmt, [day]) for day in days for fmt in chosen if fmt.scope is Scope.PER_DATE]
    files += [(fmt, days) for fmt in chosen if fmt.scope is Scope.PER_RUN]
    written = []
    for fmt, its_days in files:
        path = out_dir / fmt.file_name(data.inputs.dataset, its_days, data.inputs.region)
        path.write_bytes(fmt.write(run, its_days))
        written.append(path)
    return written


def storyboard_files(
    data_for: Callable[[Region], ExportData],
    storyboard: Storyboard,
    formats: list[str],
    size: tuple[int, int] = SIZE_PRESETS["16:9"],
    scale: float = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, bytes]:
    """The storyboard's deck, handout and GIF, by format name, every step drawn once for all of them, in
    its region (`data_for(region)`: the data framed for it); `progress` is told before each step is drawn
    and each file made (len(storyboard.steps) + len(formats) calls)."""
    unknown = sorted(set(formats) - set(STORYBOARD_FORMATS))
    if unknown:
        raise ValueError(f"a storyboard is not exported as {', '.join(unknown)}: choose from {', '.join(STORYBOARD_FORMATS)}")
    runs: dict[str, Run] = {}  # one run, and so one figure, per region

    def run_for(region_id: str) -> Run:
        if region_id not in runs:
            runs[region_id] = Run(data_for(region_by_id(region_id)), size, scale)
        return runs[region_id]

    pictures = list(step_pictures(run_for, storyboard, progress))
    run = run_for(storyboard.steps[0].region)
    files = {}
    for name in formats:
        progress(f"Making the {name.upper()}")
        files[name] = STORYBOARD_FORMATS[name].write_storyboard(run, storyboard, pictures)
    return files


def export_storyboard(
    data_for: Callable[[Region], ExportData],
    storyboard: Storyboard,
    formats: list[str],
    out_dir: Path,
    stem: str,
    size: tuple[int, int] = SIZE_PRESETS["16:9"],
    scale: float = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> list[Path]:
    """Write `stem`.pptx / .pdf / .gif into `out_dir` (see storyboard_files); returns the paths in the order written."""
    files = storyboard_files(data_for, storyboard, formats, size, scale, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        path = out_dir / f"{stem}.{name}"
        path.write_bytes(content)
        written.append(path)
    return written
