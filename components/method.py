"""Sources and method: where the data comes from and how the treaty's rules are applied."""
from __future__ import annotations

import streamlit as st

from components.notices import plain

from treaty.dates import long_date
from treaty.model import Dataset, EventType


def method_markdown(dataset: Dataset, geometry_metadata: dict) -> str:
    treaty = dataset.treaty
    rules = treaty.rules
    eif, withdrawal = rules.entry_into_force, rules.withdrawal
    publishers = sorted({s.publisher for s in dataset.sources.values() if s.publisher})
    contested = [
        (state, [e for e in state.events if e.type in (EventType.SUSPENSION_NOTIFIED, EventType.MEETING_FINDING)])
        for state in dataset.states
        if any(e.type is EventType.SUSPENSION_NOTIFIED for e in state.events)
    ]
    text = [
        f"**{plain(treaty.name)}** ({plain(treaty.short_name)}). Adopted {long_date(treaty.adopted)}, opened for signature "
        f"{long_date(treaty.opened_for_signature)}, in force {long_date(treaty.entry_into_force)}. "
        f"Depositary: {plain(treaty.depositary)}. The data were last checked on **{long_date(dataset.as_of)}**.",
        "#### Where the data come from",
        f"Every date on the map comes from an event in the dataset, and every event cites at least one source "
        f"({len(dataset.sources)} in all) with the day it was read. Publishers include: {plain(', '.join(publishers[:12]))}"
        f"{' and others' if len(publishers) > 12 else ''}. Dates known only to the month or year, approximate days "
        "and dates no source has yet been seen to state are flagged wherever they are shown.",
        "#### How the rules are applied",
        f"- **Entry into force (Art. {eif.article}).** States that deposited their instrument by "
        f"{long_date(eif.threshold_deposit_date)} are bound from {long_date(eif.general_date)}; a later joiner from the "
        f"first day of the {_ordinal(eif.months_after_deposit)} month after its deposit.",
        f"- **Withdrawal (Art. {withdrawal.article}).** A withdrawal takes effect {withdrawal.notice_months} months after "
        "the Depositary receives the instrument, on the same calendar day (the month's last day where that day does "
        "not exist). Until then the state is still bound. Steps at home (announcements, votes, signatures) show as "
        "'withdrawal under way': they change nothing in law.",
    ]
    if withdrawal.armed_conflict_proviso:
        text.append(
            "- **Armed-conflict proviso.** If the withdrawing state is engaged in an armed conflict when the notice "
            "period ends, the withdrawal does not take effect before the conflict ends. A date held back this way is "
            "recorded in the dataset with the reason; none of the withdrawals shown was."
        )
    for state, events in contested:
        text.append(f"#### {plain(state.name)}: a claimed suspension")
        text += [f"- {long_date(e.date.first) if e.date.is_exact else e.date}: {plain(e.note or e.type.label)}" for e in events]
        text.append(
            f"The map shows {plain(state.name)} as **still bound** ('claimed suspension, rejected'): the Convention has no "
            "suspension clause, the notification was not an instrument of withdrawal, and the States Parties found "
            "that suspension is not allowed."
        )
    text += [
        "#### The map",
        plain(
            f"Borders: {geometry_metadata.get('source', 'Natural Earth')} {geometry_metadata.get('version', '')}, "
            f"point of view: {geometry_metadata.get('point_of_view', '')}. {geometry_metadata.get('attribution', '')}. "
        )
        + "States too small to see at this scale are drawn as dots in their status colour. Shapes with no entry in "
        "the dataset are drawn as 'not covered', never given a status colour.",
    ]
    return "\n\n".join(text)


def _ordinal(number: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}.get(number, f"{number}th")


def method_section(dataset: Dataset, geometry_metadata: dict) -> None:
    st.markdown(method_markdown(dataset, geometry_metadata))
