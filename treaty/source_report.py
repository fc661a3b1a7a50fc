"""What a person checking a dataset's sources wants to see: how strong they are, where a binding date
rests on press alone, what cannot be looked up, what is barred, repeated or never cited."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator, Sequence

from treaty.model import BINDING_DATE_TYPES, BarredDomain, Dataset, SourceKind
from treaty.summary import untraceable_sources
from treaty.validation import AGGREGATOR_MARK, barring

WEAK_KINDS = frozenset({SourceKind.PRESS, SourceKind.OTHER})


def source_report(dataset: Dataset, barred: Sequence[BarredDomain]) -> list[str]:
    """The report as lines of plain text, each section a count followed by its items."""
    kinds = Counter(source.kind for source in dataset.sources.values())
    lines = [
        f"treaty: {dataset.treaty.short_name} ({dataset.treaty.id}), data as of {dataset.as_of}",
        f"sources: {len(dataset.sources)} ("
        + ", ".join(f"{kind.label} {kinds[kind]}" for kind in SourceKind)
        + ")",
    ]
    lines += _section("key dates whose best source is press or other", list(_weakly_sourced_key_dates(dataset)))
    without_url = [source for source in dataset.sources.values() if not source.url]
    lines.append(f"sources without a url: {len(without_url)} ({sum(1 for s in without_url if s.citation)} with a citation)")
    lines += _section("  of them with neither url nor citation", untraceable_sources(dataset))
    lines += _section("barred sources", list(_barred(dataset, barred)))
    lines += _section("duplicate sources (one url under several ids)", list(_duplicates(dataset)))
    cited = _cited(dataset)
    lines += _section("sources never cited", [source_id for source_id in dataset.sources if source_id not in cited])
    return lines


def _section(title: str, items: list[str]) -> list[str]:
    indent = title[: len(title) - len(title.lstrip())]
    return [f"{title}: {len(items)}"] + [f"{indent}  - {item}" for item in items]


def _weakly_sourced_key_dates(dataset: Dataset) -> Iterator[str]:
    for state in dataset.states:
        for event in state.events:
            if event.type not in BINDING_DATE_TYPES:
                continue
            defined = [source_id for source_id in event.sources if source_id in dataset.sources]  # the file may have problems
            if not defined:
                continue
            best = min(defined, key=lambda source_id: dataset.sources[source_id].kind.rank)
            kind = dataset.sources[best].kind
            if kind in WEAK_KINDS:
                yield f"{state.iso3} {event.type.value} {event.date}: best is {kind.label} ({best})"


def _barred(dataset: Dataset, barred: Sequence[BarredDomain]) -> Iterator[str]:
    for source_id, source in dataset.sources.items():
        entry = barring(source.url, barred)
        if entry:
            yield f"{source_id}: {source.url} (barred: {entry.domain})"
        elif source.publisher and AGGREGATOR_MARK in source.publisher:
            yield f"{source_id}: publisher '{source.publisher}'"


def _duplicates(dataset: Dataset) -> Iterator[str]:
    ids_by_url: dict[str, list[str]] = defaultdict(list)
    for source_id, source in dataset.sources.items():
        if source.url:
            ids_by_url[source.url].append(source_id)
    for url, ids in ids_by_url.items():
        if len(ids) > 1:
            yield f"{url}: {', '.join(ids)}"


def _cited(dataset: Dataset) -> set[str]:
    cited = set(dataset.treaty.sources)
    for state in dataset.states:
        cited.update(state.sources)
        for event in state.events:
            cited.update(event.sources)
            for alternative in event.alternatives:
                cited.update(alternative.sources)
    return cited
