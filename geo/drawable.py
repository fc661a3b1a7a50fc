"""The one loader of drawable data, for the app and the exports alike: a dataset is drawable when it
validates and the geometry has a shape for every state in it."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from geo.join import missing_shapes
from treaty.loader import DatasetError, Problem, load_dataset
from treaty.model import Dataset


def load_drawable(dataset_path: str | Path, shape_codes: Iterable[str]) -> Dataset:
    """The validated dataset at `dataset_path`; DatasetError listing every problem, or every state
    the geometry (`shape_codes`) has no shape for."""
    dataset = load_dataset(dataset_path)
    missing = missing_shapes(shape_codes, (state.iso3 for state in dataset.states))
    if missing:
        raise DatasetError(
            Path(dataset_path),
            [Problem(str(dataset_path), "no country shape in the geometry file for this state", state=code, field="iso3") for code in missing],
        )
    return dataset
