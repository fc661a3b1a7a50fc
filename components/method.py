"""Sources and method: where the data comes from and how the treaty's rules are applied."""
from __future__ import annotations

import streamlit as st

from components.accessibility import accessibility_statement
from components.notices import plain

from treaty.dates import count_of, long_date, ordinal
from treaty.model import Dataset, EntryIntoForceRule, EventType, State
from treaty.status import state_history
from treaty.statuses import LABELS

SUSPENSION_TYPES = (EventType.SUSPENSION_NOTIFIED, EventType.MEETING_FINDING)


def method_markdown(dataset: Dataset, geometry_metadata: dict) -> str:
    treaty = dataset.treaty
    rules = treaty.rules
    eif, withdrawal = rules.entry_into_force, rules.withdrawal
    publishers = sorted({s.publisher for s in dataset.sources.values() if s.publisher})
    suspending = [state for state in dataset.states if any(e.type is EventType.SUSPENSION_NOTIFIED for e in state.events)]
    held_back = sorted(
        state.name for state in dataset.states if any(e.type is EventType.WITHDRAWAL_EFFECTIVE and e.rule_exception for e in state.events)
    )
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
        f"{long_date(eif.threshold_deposit_date)} are bound from {long_date(eif.general_date)}; a later joiner "
        f"{_later_joiner(eif)}.",
        f"- **Withdrawal (Art. {withdrawal.article}).** A withdrawal takes effect {count_of(withdrawal.notice_months, 'month')} "
        "after the Depositary receives the instrument, on the same calendar day (the month's last day where that day does "
        "not exist). Until then the state is still bound. Steps at home (announcements, votes, signatures) show as "
        "'withdrawal under way': they change nothing in law.",
    ]
    if withdrawal.armed_conflict_proviso:
        text.append(
            "- **Armed-conflict proviso.** If the withdrawing state is engaged in an armed conflict when the notice "
            "period ends, the withdrawal does not take effect before the conflict ends. A date held back this way is "
            "recorded in the dataset with the reason; "
            + (f"held back: {plain(', '.join(held_back))}." if held_back else "none of the withdrawals shown was.")
        )
    text.append(
        f"- **Suspension (Art. {rules.suspension.article}).** The treaty provides for suspension: a notified suspension "
        "takes effect, and the state is not bound while it lasts."
        if rules.suspension
        else "- **Suspension.** The treaty has no suspension clause: a notified suspension is not an instrument of "
        "withdrawal, and the state stays bound."
    )
    for state in suspending:
        text += _suspension_story(dataset, state)
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


def _later_joiner(rule: EntryIntoForceRule) -> str:
    if rule.days_after_deposit is not None:
        return f"from {count_of(rule.days_after_deposit, 'day')} after its deposit"
    return f"from the first day of the {ordinal(rule.months_after_deposit)} month after its deposit"


def _suspension_story(dataset: Dataset, state: State) -> list[str]:
    """The state's suspension events with their notes, then what the map shows from when, in the legend's words."""
    name = plain(state.name)
    events = [e for e in state.events if e.type in SUSPENSION_TYPES]
    shown = [t for t in state_history(dataset, state).transitions if t.cause in SUSPENSION_TYPES]
    return [
        f"#### {name}: a {'' if dataset.treaty.rules.suspension else 'claimed '}suspension",
        *(f"- {long_date(e.date.first) if e.date.is_exact else e.date}: {plain(e.note or e.type.label)}" for e in events),
        f"The map shows {name} as " + "; then ".join(f"'{LABELS[t.status.value]}' from {long_date(t.on)}" for t in shown) + "."
        if shown
        else f"These events change nothing on the map: {name} was not bound when they happened.",
    ]


def method_section(dataset: Dataset, geometry_metadata: dict) -> None:
    st.markdown(method_markdown(dataset, geometry_metadata))
    accessibility_statement()
