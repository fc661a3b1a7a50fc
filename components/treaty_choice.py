"""Which treaty: one dataset file per treaty in the data folder, chosen in the page and in the URL."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.notices import literal, plain
from treaty.loader import dataset_files

TREATY = "treaty"


def treaty_files(data_dir: Path) -> dict[str, Path]:
    """Treaty id (the file's stem) -> path, for every treaty file in the folder."""
    return {path.stem: path for path in dataset_files(data_dir)}


def choose_treaty(files: dict[str, Path], labels: dict[str, str], default: str) -> str:
    """A selector bound to `?treaty=`; an unknown id in the URL falls back to the default, with a notice."""
    wanted = st.query_params.get(TREATY)
    if TREATY not in st.session_state:
        if wanted in files:
            st.session_state[TREATY] = wanted
        else:
            st.session_state[TREATY] = default
            if wanted is not None:
                st.warning(f"The link's treaty {literal(wanted)} is not one of {', '.join(files)}: showing {plain(labels[default])}.", icon="⚠️")
    if st.session_state[TREATY] not in files:
        st.warning(f"The treaty file {literal(st.session_state[TREATY])} is no longer in the data folder: showing {plain(labels[default])}.", icon="⚠️")
        st.session_state[TREATY] = default
    if len(files) > 1:
        st.segmented_control("Treaty", list(files), format_func=labels.get, key=TREATY, required=True, label_visibility="collapsed")
    st.query_params[TREATY] = st.session_state[TREATY]
    return st.session_state[TREATY]
