"""Export chosen dates in chosen formats into a folder, drawing the map's geometry once for all of them.

Per date: PNG, SVG, PDF (`apmbc-2025-12-27.png`). Per run, named by the first and last date
(`apmbc-2025-06-27-to-2025-12-27.gif`): the animated GIF (a frame per date), the deck (a slide per
date) and the offline HTML map, which holds every change date and opens on the first chosen one.
The formats and their writers are in export/formats.py.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from export.formats import FORMATS, ExportData, Run, Scope
from geo.countries import geometry_metadata, load_countries, microstate_points
from geo.drawable import load_drawable
from geo.regions import DEFAULT_REGION, Region
from render.snapshot import SIZE_PRESETS, Heading, prepare_inputs
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
