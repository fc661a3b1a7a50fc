"""Export chosen dates in chosen formats into a folder, drawing the map's geometry once for all of them.

Per date: PNG, SVG, PDF (`apmbc-2025-12-27.png`). Per run, named by the first and last date
(`apmbc-2025-06-27-to-2025-12-27.gif`): the animated GIF (a frame per date), the deck (a slide per
date) and the offline HTML map, which holds every change date and opens on the first chosen one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geopandas as gpd

from export.animation import write_gif
from export.deck import Slide, write_deck
from geo.countries import geometry_metadata, load_countries, microstate_points
from geo.join import missing_shapes
from render.captions import as_of_line, attribution_line, file_stem, sources_line, title_on
from render.snapshot import FORMATS as IMAGE_FORMATS
from render.snapshot import SIZE_PRESETS, SnapshotInputs, SnapshotRenderer, prepare_inputs
from render.standalone import standalone_html
from treaty.loader import DatasetError, Problem, load_dataset
from treaty.narrative import describe_day
from treaty.status import Timeline, change_dates, timelines

FORMATS = (*IMAGE_FORMATS, "html", "gif", "pptx")


@dataclass(frozen=True)
class ExportData:
    """A validated dataset with its timelines, and the lon/lat geometry it is drawn on."""

    inputs: SnapshotInputs  # projected, for the static images
    countries: gpd.GeoDataFrame  # lon/lat, for the HTML map
    microstates: gpd.GeoDataFrame


def load_export_data(dataset_path: Path) -> ExportData:
    """The dataset at `dataset_path` and the committed geometry; DatasetError if either cannot be drawn."""
    dataset = load_dataset(dataset_path)
    countries = load_countries()
    missing = missing_shapes(countries["iso3"], (state.iso3 for state in dataset.states))
    if missing:
        raise DatasetError(
            Path(dataset_path),
            [Problem(str(dataset_path), "no country shape in the geometry file for this state", state=code, field="iso3") for code in missing],
        )
    inputs = prepare_inputs(dataset, timelines(dataset), countries, geometry_metadata())
    return ExportData(inputs, countries, microstate_points(countries))


def changes_between(compiled: tuple[Timeline, ...], first: date | None, last: date | None) -> list[date]:
    """The change dates from `first` to `last` inclusive (open ends run to the first or last change)."""
    return [day for day in change_dates(compiled) if (first is None or day >= first) and (last is None or day <= last)]


def notes_for(data: ExportData, day: date) -> str:
    """Speaker notes: what happens that day, then where the facts come from."""
    inputs = data.inputs
    return "\n\n".join(
        (
            describe_day(inputs.timelines, day),
            f"{sources_line(inputs.dataset)}.",
            f"{as_of_line(inputs.dataset)}. {attribution_line(inputs.geometry_metadata)}.",
        )
    )


def export_batch(
    data: ExportData,
    days: list[date],
    formats: list[str],
    out_dir: Path,
    size: tuple[int, int] = SIZE_PRESETS["16:9"],
    scale: float = 1,
    transparent: bool = False,
) -> list[Path]:
    """Write every requested file into `out_dir`; returns their paths in the order written."""
    days = sorted(set(days))
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not days:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}" if unknown else "no dates to export")
    out_dir.mkdir(parents=True, exist_ok=True)
    dataset = data.inputs.dataset
    renderer = SnapshotRenderer(data.inputs, size, scale)
    written: list[Path] = []

    for day in days:
        for fmt in IMAGE_FORMATS:
            if fmt in formats:
                path = out_dir / f"{file_stem(dataset, day)}.{fmt}"
                path.write_bytes(renderer.render(day, fmt, transparent))
                written.append(path)

    run_stem = file_stem(dataset, days[0]) + (f"-to-{days[-1].isoformat()}" if len(days) > 1 else "")
    if "gif" in formats:
        written.append(write_gif((renderer.rgb(day) for day in days), out_dir / f"{run_stem}.gif"))
    if "pptx" in formats:
        slides = [Slide(title_on(dataset, day), renderer.render(day, "png"), notes_for(data, day)) for day in days]
        picture_size = (round(size[0] * scale), round(size[1] * scale))
        written.append(write_deck(slides, picture_size, out_dir / f"{run_stem}.pptx"))
    if "html" in formats:
        page = standalone_html(
            dataset, data.countries, data.microstates, data.inputs.geometry_metadata, days[0], data.inputs.timelines
        )
        path = out_dir / f"{run_stem}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
