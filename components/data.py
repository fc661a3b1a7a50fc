"""Loading the dataset and the geometry once per version, and keeping the last good data browsable."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from geo.countries import DEFAULT_PATH as GEOMETRY_PATH
from geo.countries import geometry_metadata, load_countries, microstate_points, sovereigns
from geo.drawable import load_drawable
from treaty.loader import DatasetError, Problem
from treaty.model import Dataset
from treaty.status import StateHistory, compile_timelines
from treaty.territories import NO_DEPENDENCIES, Dependencies, dependencies


@dataclass
class LoadedTreaty:
    """A validated dataset and its compiled status timelines; `problems` explain a fallback or a failure."""

    dataset: Dataset | None
    timelines: tuple[StateHistory, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    stale: bool = False  # the file is broken now: these are the last good data
    version: tuple = ()  # path, modification time and size of the file these data came from
    dependencies: Dependencies = NO_DEPENDENCIES  # the territories drawn in their sovereign's status


@dataclass(frozen=True)
class Geometry:
    countries: object
    microstates: object
    codes: tuple[str, ...]
    metadata: dict
    sovereign_of: dict[str, str] = field(default_factory=dict)  # territory code -> sovereign ISO3
    names: dict[str, str] = field(default_factory=dict)  # shape code -> name
    shapes: dict[str, object] = field(default_factory=dict)  # shape code -> lon/lat geometry (callouts, highlight)


@st.cache_resource(show_spinner=False)
def load_geometry(path: str = str(GEOMETRY_PATH)) -> Geometry:
    countries = load_countries(path)
    codes = tuple(countries["iso3"])
    return Geometry(
        countries, microstate_points(countries), codes, geometry_metadata(path), sovereigns(countries),
        dict(zip(codes, countries["name"])), dict(zip(codes, countries.geometry)),
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def _validated(path: str, version: tuple) -> LoadedTreaty:
    """One entry per file version (modification time and size): an edit is picked up on the next run."""
    try:
        geometry = load_geometry()
        dataset = load_drawable(path, geometry.codes)
    except DatasetError as error:
        return LoadedTreaty(None, problems=error.problems)
    return LoadedTreaty(dataset, compile_timelines(dataset), version=(path, *version), dependencies=dependencies(dataset, geometry.sovereign_of))


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, LoadedTreaty]:
    return {}


def load_treaties(files: dict[str, Path]) -> tuple[dict[str, LoadedTreaty], dict[str, str]]:
    """Every treaty file loaded (or its problems), and each treaty's label: its short name, or its
    id while it does not load."""
    loaded = {treaty_id: load_treaty(path) for treaty_id, path in files.items()}
    labels = {treaty_id: t.dataset.treaty.short_name if t.dataset else treaty_id for treaty_id, t in loaded.items()}
    return loaded, labels


def load_treaty(path: Path) -> LoadedTreaty:
    """The dataset at `path`; if it is broken now, its problems with the last good version, if any."""
    try:
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError as error:
        version = ("unreadable", str(error))
    loaded = _validated(str(path), version)
    good = _last_good()
    if loaded.dataset is not None:
        good[str(path)] = loaded
        return loaded
    previous = good.get(str(path))
    if previous is None:
        return loaded
    return LoadedTreaty(previous.dataset, previous.timelines, loaded.problems, stale=True, version=previous.version, dependencies=previous.dependencies)
