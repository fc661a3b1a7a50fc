"""A storyboard handed out: each step's picture drawn once, then a deck, a PDF handout and a GIF made from them.

A step's picture is the map on its date with its highlighted states and callouts, titled with the
step's title and subtitle (blank: the day's sentence, which starts with the date); a before-and-after
step is render/before_after.py's picture of the two dates side by side with the changes between them. The deck and the handout end
with the sources behind every date the steps show, strongest first.
"""
from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from PIL import Image

from export.animation import gif_bytes
from export.deck import Slide, deck_bytes
from geo.regions import scope_of
from render.captions import as_of_line, attribution_line, title_on
from render.before_after import BeforeAfterRenderer
from render.snapshot import Heading
from storyboard.model import Step, Storyboard
from treaty.changes import changes_between
from treaty.dates import long_date
from treaty.model import BINDING_DATE_TYPES, Source, strongest_first
from treaty.narrative import describe_day
from treaty.status import changes_on

if TYPE_CHECKING:
    from export.formats import Run

SOURCES_TITLE = "Sources"
SOURCES_ON_A_SLIDE = 14  # more do not fit the slide at a readable size; the rest are counted
SHORT_TITLE = 70  # characters of a source's title on the slide (the handout has them whole)
SOURCES_ON_A_PAGE = 20
HANDOUT_INCHES = (11.69, 8.27)  # A4 landscape
HANDOUT_DPI = 150
PICTURE_SHARE = 0.62  # of the page's width


@dataclass(frozen=True)
class StepPicture:
    """One step as drawn: its picture (H x W x 3), the caption naming its date(s), alt text and notes."""

    step: Step
    number: int
    rgb: np.ndarray
    caption: str  # 'Mine Ban Convention on 27 June 2025', or '... on 1 January 2025 and 1 January 2026'
    alt_text: str
    notes: str

    @property
    def png(self) -> bytes:
        buffer = io.BytesIO()
        Image.fromarray(self.rgb).save(buffer, format="PNG")
        return buffer.getvalue()


def step_days(step: Step) -> tuple[date, ...]:
    """The dates a step shows: its date, or its before and after."""
    return (step.date,) if step.date is not None else (step.before, step.after)


def step_pictures(
    run_for: Callable[[str], Run], storyboard: Storyboard, progress: Callable[[str], None] = lambda _: None
) -> Iterator[StepPicture]:
    """Each step drawn in its region (`run_for(region id)`: the run drawing it), in order; `progress` is
    told before each step is drawn."""
    for number, step in enumerate(storyboard.steps, start=1):
        progress(f"Step {number} of {len(storyboard.steps)}: {step.title}")
        run = run_for(step.region)
        heading = Heading(step.title, step.subtitle or "")
        story = dict(highlight=frozenset(step.highlight), callouts=tuple(step.callouts))
        if step.date is not None:
            rgb, alt_text = run.renderer.rgb(step.date, heading, **story), run.renderer.alt_text(step.date)
        else:
            pair = BeforeAfterRenderer(run.data.inputs, step.before, step.after, run.size, run.scale)  # a figure per pair
            pair.show_pair(heading, **story)
            rgb, alt_text = pair.pixels(), pair.description()
        yield StepPicture(step, number, rgb, caption(run, step), alt_text, step_notes(run, step))


def caption(run: Run, step: Step) -> str:
    days = step_days(step)
    dataset = run.data.inputs.dataset
    return title_on(dataset, days[0]) + (f" and {long_date(days[1])}" if len(days) > 1 else "")


def step_notes(run: Run, step: Step) -> str:
    """The briefer's notes, then what the map shows that day (or what changed between the two days), then the data's date."""
    inputs = run.data.inputs
    if step.date is not None:
        shown = describe_day(inputs.timelines, step.date, scope_of(inputs.region))
    else:
        changes = changes_between(inputs.timelines, step.before, step.after, scope_of(inputs.region).members)
        shown = f"Between {long_date(step.before)} and {long_date(step.after)}:\n" + (
            "\n".join(f"• {change.sentence}" for change in changes) if changes else "no state's status changed."
        )
    parts = (step.notes.strip() if step.notes else None, shown, f"{as_of_line(inputs.dataset)}. {attribution_line(inputs.geometry_metadata)}.")
    return "\n\n".join(part for part in parts if part)


def sources_shown(run: Run, storyboard: Storyboard) -> list[Source]:
    """The sources behind every date the steps show, strongest first: on each date, for each state that
    changes that day or that a step highlights or pins a callout to, the events of the day its status
    then began (for a status begun by rule, such as entry into force, its latest binding event before)."""
    inputs = run.data.inputs
    dataset = inputs.dataset
    histories = {history.iso3: history for history in inputs.timelines}
    by_name = {history.name: history.iso3 for history in inputs.timelines}
    cited: dict[str, None] = {}
    for step in storyboard.steps:
        named = set(step.highlight) | {callout.state for callout in step.callouts if callout.state}
        for day in step_days(step):
            codes = named | {by_name[name] for name, _ in changes_on(inputs.timelines, day)}
            for state in (state for state in dataset.states if state.iso3 in codes):
                since = histories[state.iso3].at(day).since
                # A date known only to the month starts its status on the month's last day (treaty.status).
                began = [event for event in state.events if since and event.date.first <= since <= event.date.last]
                binding = [event for event in state.events if event.type in BINDING_DATE_TYPES and event.date.first <= day]
                for event in began or binding[-1:]:
                    cited.update(dict.fromkeys(event.sources))
    return strongest_first(dataset.sources[source_id] for source_id in cited)


def source_line(source: Source, short: bool = False) -> str:
    """'official — Dziennik Ustaw (Journal of Laws of Poland): Oświadczenie rządowe … (https://…)'; `short`
    for a slide: the title cut at SHORT_TITLE characters and only the web address's host."""
    title = source.title if not short or len(source.title) <= SHORT_TITLE else source.title[:SHORT_TITLE].rstrip() + "…"
    named = f"{source.name}: {title}" if source.publisher else title
    where = urlparse(source.url).netloc if short and source.url else source.reference
    return f"{source.kind.label} — {named}" + (f" ({where})" if where else "")


def sources_text(run: Run, storyboard: Storyboard, shown: int, short: bool = False) -> list[str]:
    """At most `shown` source lines, then where the rest and every other source are."""
    sources = sources_shown(run, storyboard)
    lines = [source_line(source, short) for source in sources[:shown]]
    rest = len(sources) - shown
    treaty_id = run.data.inputs.dataset.treaty.id
    lines.append((f"…and {rest} more. " if rest > 0 else "") + f"Every source, date by date: data/{treaty_id}.yaml, or Treaty Map's “Sources and method” tab.")
    return lines


def briefing_deck(run: Run, storyboard: Storyboard, pictures: list[StepPicture]) -> bytes:
    """A slide per step (picture, title, subtitle, caption with the date, notes as speaker notes), then the sources."""
    slides = [
        Slide(picture.step.title, picture.png, picture.notes, picture.alt_text, subtitle=picture.step.subtitle or "", caption=picture.caption)
        for picture in pictures
    ]
    return deck_bytes(slides, run.size, closing=(SOURCES_TITLE, sources_text(run, storyboard, SOURCES_ON_A_SLIDE, short=True)))


def briefing_gif(run: Run, storyboard: Storyboard, pictures: list[StepPicture]) -> bytes:
    """A frame per step: its picture, which carries the step's title and its date(s)."""
    return gif_bytes(picture.rgb for picture in pictures)


def briefing_handout(run: Run, storyboard: Storyboard, pictures: list[StepPicture]) -> bytes:
    """An A4 landscape page per step (picture, title, subtitle, caption, notes), then a page of sources; text stays text."""
    buffer = io.BytesIO()
    metadata = {"Title": storyboard.title, "Subject": f"Briefing: {len(pictures)} steps", "CreationDate": None}
    with mpl.rc_context({"pdf.fonttype": 42}), PdfPages(buffer, metadata=metadata) as pdf:
        for picture in pictures:
            pdf.savefig(_handout_page(storyboard, picture, len(pictures)))
        pdf.savefig(_text_page(SOURCES_TITLE, sources_text(run, storyboard, SOURCES_ON_A_PAGE)))
    return buffer.getvalue()


# The handout's page layout (positions, font sizes, wrapping widths) is checked by looking at the pages, as
# render/snapshot.py's is: a mutant moving a title by 1 % is a different page, not a wrong one.
# pragma: no mutate start
def _handout_page(storyboard: Storyboard, picture: StepPicture, steps: int) -> Figure:
    figure = Figure(figsize=HANDOUT_INCHES, dpi=HANDOUT_DPI)
    figure.text(0.04, 0.955, picture.step.title, fontsize=18, weight="bold", va="top", parse_math=False)
    figure.text(0.04, 0.04, f"{storyboard.title} · step {picture.number} of {steps}", fontsize=9, color="#444444",
                va="bottom", parse_math=False)
    if picture.step.subtitle:
        figure.text(0.04, 0.91, picture.step.subtitle, fontsize=12, va="top", parse_math=False)
    # The picture on the left 62 % of the page under the title, its aspect kept, captioned; the notes beside it.
    height, width = picture.rgb.shape[:2]
    page_width, page_height = HANDOUT_INCHES
    picture_height = PICTURE_SHARE * page_width * height / width / page_height
    top = 0.86
    axes = figure.add_axes((0.04, top - picture_height, PICTURE_SHARE, picture_height))
    axes.imshow(picture.rgb, interpolation="antialiased")
    axes.set_axis_off()
    figure.text(0.04, top - picture_height - 0.015, picture.caption, fontsize=10, va="top", color="#444444", parse_math=False)
    wrapped = "\n".join(textwrap.fill(line, 44, subsequent_indent="  " if line.startswith("•") else "") for line in picture.notes.splitlines())
    figure.text(0.69, top, wrapped, fontsize=9.5, va="top", linespacing=1.35, parse_math=False)
    return figure


def _text_page(title: str, lines: list[str]) -> Figure:
    figure = Figure(figsize=HANDOUT_INCHES, dpi=HANDOUT_DPI)
    figure.text(0.04, 0.955, title, fontsize=18, weight="bold", va="top", parse_math=False)
    body = "\n".join(textwrap.fill(line, 150, subsequent_indent="    ") for line in lines)
    figure.text(0.04, 0.89, body, fontsize=8.5, va="top", linespacing=1.4, parse_math=False)
    return figure
# pragma: no mutate end
