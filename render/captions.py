"""The words every export carries, worded once: title, data date, sources, attribution, file names."""
from __future__ import annotations

from collections import Counter
from datetime import date

from treaty.dates import long_date
from treaty.model import Dataset

NAMED_PUBLISHERS = 3
SOURCES_TAB = "Sources and method"  # the app's tab that lists every source (components/views.py)


def title_on(dataset: Dataset, day: date) -> str:
    """'Mine Ban Convention on 27 December 2025'."""
    return f"{dataset.treaty.short_name} on {long_date(day)}"


def as_of_line(dataset: Dataset) -> str:
    return f"Data as of {long_date(dataset.as_of)}"


def sources_line(dataset: Dataset) -> str:
    """The strongest, then most cited, publishers with their kind, then where an audience finds them all:
    the dataset, not this code, says who the sources are."""
    cited = Counter(
        (source.name, source.kind)
        for state in dataset.states
        for event in state.events
        for source in dataset.sources_for(event.sources)
    )
    named = sorted(cited, key=lambda publisher: (publisher[1].rank, -cited[publisher]))[:NAMED_PUBLISHERS]
    return (
        f"Key sources: {', '.join(f'{name} ({kind.label})' for name, kind in named)}. "
        f"All {len(dataset.sources)} sources, date by date: Treaty Map, “{SOURCES_TAB}” tab, or data/{dataset.treaty.id}.yaml"
    )


def attribution_line(geometry_metadata: dict) -> str:
    """Natural Earth asks for its credit; the point of view says whose borders are drawn."""
    credit = geometry_metadata.get("attribution", "Made with Natural Earth")
    point_of_view = geometry_metadata.get("point_of_view")
    return f"{credit}. Borders: point of view of {point_of_view}" if point_of_view else credit


def file_stem(dataset: Dataset, day: date) -> str:
    """'apmbc-2025-12-27': treaty id and date, so exported files sort and never collide."""
    return f"{dataset.treaty.id}-{day.isoformat()}"
