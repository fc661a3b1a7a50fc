"""Two treaties side by side on one date: which states are bound by one and not the other."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.data import LoadedTreaty
from components.region_choice import region_filter
from geo.regions import Region
from treaty.status import statuses_on
from treaty.statuses import LABELS


def comparison_frame(first: LoadedTreaty, second: LoadedTreaty, day: date) -> pd.DataFrame:
    """One row per state in either dataset: its status under each treaty and whether they differ in being bound."""
    names = (first.dataset.treaty.short_name, second.dataset.treaty.short_name)
    by_treaty = [{s.iso3: s for s in statuses_on(t.timelines, day)} for t in (first, second)]
    rows = []
    for iso3 in sorted(set(by_treaty[0]) | set(by_treaty[1])):
        pair = [statuses.get(iso3) for statuses in by_treaty]
        bound = [bool(s and s.status.bound) for s in pair]
        rows.append(
            {
                "state": next(s.name for s in pair if s),
                "iso3": iso3,
                names[0]: LABELS[pair[0].status.value] if pair[0] else "not in dataset",
                names[1]: LABELS[pair[1].status.value] if pair[1] else "not in dataset",
                "bound by": names[0] if bound == [True, False] else names[1] if bound == [False, True] else "both" if all(bound) else "neither",
            }
        )
    return pd.DataFrame(rows)


def comparison(current_id: str, treaties: dict[str, LoadedTreaty], labels: dict[str, str], day: date, region: Region) -> None:
    others = [treaty_id for treaty_id, t in treaties.items() if treaty_id != current_id and t.dataset is not None]
    if not others:
        st.caption("Only one treaty dataset is available: nothing to compare with.")
        return
    pick, area = st.columns(2)
    with pick:
        other = st.selectbox("Compare with", others, format_func=labels.get, key="compare_with")
    with area:
        members = region_filter("Region", "compare_region", region)
    frame = comparison_frame(treaties[current_id], treaties[other], day)
    if members is not None:
        frame = frame[frame["iso3"].isin(members)]
    differing = frame[frame["bound by"].isin([labels[current_id], labels[other]])]
    st.markdown(
        f"On this date **{len(differing)}** states are bound by one of the two treaties and not the other; "
        f"{int((frame['bound by'] == 'both').sum())} are bound by both, {int((frame['bound by'] == 'neither').sum())} by neither."
    )
    only_differing = st.toggle("Only states bound by one and not the other", value=True, key="compare_only_differing")
    st.dataframe(differing if only_differing else frame, hide_index=True, width="stretch")
