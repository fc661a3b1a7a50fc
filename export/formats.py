"""Every export format in one table: its name (also the file's extension), label, MIME type, whether it
makes a file per date or one per run, whether the Download tab offers it, and its writer.

`python -m export` and the app's Download tab both read `FORMATS`; a new format is one entry here and
its writer. A writer gets the run (data and image settings) and its dates, and returns the file's
bytes: a per-date format is called once per date with that one date, a per-run format once with them all.
A format that can also hand out a storyboard (deck, PDF handout, GIF) has a second writer,
`write_storyboard`, given the run, the storyboard and its steps' pictures (export/briefing.py).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cached_property

import geopandas as gpd

from export.animation import gif_bytes
from export.briefing import StepPicture, briefing_deck, briefing_gif, briefing_handout
from export.deck import Slide, deck_bytes
from geo.regions import DEFAULT_REGION, Region, scope_of
from render.captions import as_of_line, attribution_line, file_stem, sources_line
from render.snapshot import SIZE_PRESETS, Heading, SnapshotInputs, SnapshotRenderer
from render.standalone import standalone_html
from storyboard.model import Callout, Storyboard
from treaty.model import Dataset
from treaty.narrative import describe_day


@dataclass(frozen=True, eq=False)  # hashed by identity: one cache key per dataset version
class ExportData:
    """A validated dataset with its timelines, and the lon/lat geometry it is drawn on."""

    inputs: SnapshotInputs  # projected, for the static images
    countries: gpd.GeoDataFrame  # lon/lat, for the HTML map
    microstates: gpd.GeoDataFrame


@dataclass(eq=False)
class Run:
    """One export: the data, the options every writer reads (image size, scale, background, the
    briefer's title and subtitle, the states to highlight and the callouts), and one figure shared by
    its dates and formats."""

    data: ExportData
    size: tuple[int, int] = SIZE_PRESETS["16:9"]
    scale: float = 1
    transparent: bool = False
    heading: Heading = Heading()
    highlight: frozenset[str] = frozenset()
    callouts: tuple[Callout, ...] = ()

    @cached_property
    def renderer(self) -> SnapshotRenderer:
        """Drawn on first use (an HTML-only run needs none); never shared between threads."""
        return SnapshotRenderer(self.data.inputs, self.size, self.scale)


class Scope(Enum):
    PER_DATE = "a file per date"
    PER_RUN = "one file for all the dates"


@dataclass(frozen=True)
class ExportFormat:
    name: str  # on the command line, and the file's extension
    label: str  # the Download tab's button
    mime: str
    scope: Scope
    write: Callable[[Run, list[date]], bytes]
    on_download_tab: bool  # the tab exports the date on screen: a one-frame GIF or deck says nothing more
    write_storyboard: Callable[[Run, Storyboard, list[StepPicture]], bytes] | None = None

    def file_name(self, dataset: Dataset, days: list[date], region: Region = DEFAULT_REGION) -> str:
        """e.g. apmbc-2025-12-27.png, apmbc-2025-06-27-to-2025-12-27.gif for a run of dates, and
        apmbc-2025-12-27-world.png for a region other than the default."""
        stem = file_stem(dataset, days[0]) + (f"-to-{days[-1].isoformat()}" if len(days) > 1 else "")
        return f"{stem}{'' if region == DEFAULT_REGION else '-' + region.id}.{self.name}"


# Runs at import, before mutmut can switch a mutant on: its mutants could never be tested.
# pragma: no mutate start
def _image(fmt: str) -> Callable[[Run, list[date]], bytes]:
    def write(run: Run, days: list[date]) -> bytes:
        [day] = days
        return run.renderer.render(day, fmt, run.transparent, run.heading, highlight=run.highlight, callouts=run.callouts)

    return write
# pragma: no mutate end


def _html(run: Run, days: list[date]) -> bytes:
    """The offline map with every change date, opening on the first chosen one."""
    data = run.data
    inputs = data.inputs
    page = standalone_html(inputs.dataset, data.countries, data.microstates, inputs.geometry_metadata, days[0], inputs.timelines,
                           highlight=run.highlight, callouts=run.callouts, region=inputs.region)
    return page.encode("utf-8")


def _gif(run: Run, days: list[date]) -> bytes:
    return gif_bytes(run.renderer.rgb(day, run.heading, run.highlight, run.callouts) for day in days)


def notes_for(data: ExportData, day: date) -> str:
    """Speaker notes: what happens that day, then where the facts come from."""
    inputs = data.inputs
    return "\n\n".join(
        (
            describe_day(inputs.timelines, day, scope_of(inputs.region)),
            f"{sources_line(inputs.dataset)}.",
            f"{as_of_line(inputs.dataset)}. {attribution_line(inputs.geometry_metadata)}.",
        )
    )


def _deck(run: Run, days: list[date]) -> bytes:
    dataset = run.data.inputs.dataset
    slides = [
        Slide(
            run.heading.title_for(dataset, day),
            run.renderer.render(day, "png", heading=run.heading, highlight=run.highlight, callouts=run.callouts),
            notes_for(run.data, day),
            run.renderer.alt_text(day, run.highlight, run.callouts),
        )
        for day in days
    ]
    picture_size = (round(run.size[0] * run.scale), round(run.size[1] * run.scale))
    return deck_bytes(slides, picture_size)


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("png", "PNG slide (16:9)", "image/png", Scope.PER_DATE, _image("png"), on_download_tab=True),
        ExportFormat("svg", "SVG", "image/svg+xml", Scope.PER_DATE, _image("svg"), on_download_tab=True),
        ExportFormat("pdf", "PDF", "application/pdf", Scope.PER_DATE, _image("pdf"), on_download_tab=True,
                     write_storyboard=briefing_handout),
        ExportFormat("html", "Offline HTML map", "text/html", Scope.PER_RUN, _html, on_download_tab=True),
        ExportFormat("gif", "Animated GIF", "image/gif", Scope.PER_RUN, _gif, on_download_tab=False, write_storyboard=briefing_gif),
        ExportFormat(
            "pptx", "PowerPoint deck", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            Scope.PER_RUN, _deck, on_download_tab=False, write_storyboard=briefing_deck,
        ),
    )
}
# The formats a storyboard can be handed out in: pptx (a slide per step), pdf (a handout page per step), gif.
STORYBOARD_FORMATS = {name: fmt for name, fmt in FORMATS.items() if fmt.write_storyboard is not None}
