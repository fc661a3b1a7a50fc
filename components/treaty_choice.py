"""Which treaty: one dataset file per treaty in the data folder, chosen in the page and in the URL."""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from components.notices import literal, notice, plain
from treaty.datasets import DATA_DIR, DEFAULT_TREATY
from treaty.loader import dataset_files

TREATY = "treaty"


def treaty_files(data_dir: Path) -> dict[str, Path]:
    """Treaty id (the file's stem) -> path, for every treaty file in the folder."""
    return {path.stem: path for path in dataset_files(data_dir)}


def available_treaties() -> dict[str, Path]:
    """The treaty files in data/, or in the folder TREATY_MAP_DATA_DIR names; with none, the page
    stops on an error saying what to do."""
    data_dir = Path(os.environ.get("TREATY_MAP_DATA_DIR") or DATA_DIR)
    files = treaty_files(data_dir)
    if not files:
        st.error(f"No treaty dataset (*.yaml) in {data_dir}: set TREATY_MAP_DATA_DIR to the folder that holds them.")
        st.stop()
    return files


def choose_treaty(files: dict[str, Path], labels: dict[str, str]) -> str:
    """A selector bound to `?treaty=`; an unknown id in the URL falls back to the default treaty
    (or the first file, without it), with a notice."""
    default = DEFAULT_TREATY if DEFAULT_TREATY in files else next(iter(files))
    wanted = st.query_params.get(TREATY)
    if TREATY not in st.session_state:
        if wanted in files:
            st.session_state[TREATY] = wanted
        else:
            st.session_state[TREATY] = default
            if wanted is not None:
                notice(f"The link's treaty {literal(wanted)} is not one of {', '.join(files)}: showing {plain(labels[default])}.")
    if st.session_state[TREATY] not in files:
        notice(f"The treaty file {literal(st.session_state[TREATY])} is no longer in the data folder: showing {plain(labels[default])}.")
        st.session_state[TREATY] = default
    if len(files) > 1:
        st.segmented_control("Treaty", list(files), format_func=labels.get, key=TREATY, required=True, label_visibility="collapsed")
    st.query_params[TREATY] = st.session_state[TREATY]
    return st.session_state[TREATY]
