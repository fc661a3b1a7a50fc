"""The one table of statuses: every fact about a status is in its row, and everything else derives from it.

A row holds the status's key, its label (legend, hover card, tables, CSV, `python -m treaty status`),
whether the state is bound, its colour in each theme, which statuses it may follow, and the clause
the day's sentence uses when states enter it. The legend lists the rows in table order, and the
sentence names the day's changes in the same order.

Adding a status: a member of `Status`, a row here, and in treaty/status.py the event that leads to it.
tests/test_treaty_statuses.py checks that every status has every entry; tests/test_render_palette.py
that its colour stays distinguishable under the common colour-vision deficiencies.

Colours are Okabe-Ito where there are enough of them; bound statuses are blue, warm or purple, states
that are not bound are grey, green, sand or red; "not covered" is a pale grey so it never reads as a
status.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Mapping


class Status(str, Enum):
    NOT_PARTY = "not_party"
    SIGNATORY = "signatory"
    JOINED = "joined"
    PARTY = "party"
    WITHDRAWAL_UNDER_WAY = "withdrawal_under_way"
    WITHDRAWAL_PENDING = "withdrawal_pending"
    WITHDRAWN = "withdrawn"
    CONTESTED = "contested"
    SUSPENSION_REJECTED = "suspension_rejected"
    SUSPENDED = "suspended"

    @property
    def bound(self) -> bool:
        """Whether the treaty's obligations apply to the state on that day."""
        return BY_KEY[self.value].bound

    @property
    def label(self) -> str:
        return BY_KEY[self.value].label


# A shape on the map that the dataset has no entry for: drawn and listed in the legend, never a status.
NOT_COVERED = "not_covered"
# Where every state starts, before any event: no transition leads to it.
INITIAL = Status.NOT_PARTY


class Theme(str, Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


def _in_every_theme(colour: str) -> Mapping[Theme, str]:
    """One colour for every theme, until a theme of its own is designed (the test checks each theme)."""
    return MappingProxyType({theme: colour for theme in Theme})


@dataclass(frozen=True)
class StatusRow:
    key: str
    label: str
    bound: bool
    colours: Mapping[Theme, str]
    # The statuses a change to this one may follow; any other change is ignored (e.g. a parliament
    # vote before accession is part of joining, not of leaving).
    after: frozenset[str]
    # What happens on the day states enter this status, for one state and for several; "{}" is
    # their names. None for a status no change leads to.
    clause: tuple[str, str] | None


_BOUND_BEFORE_LEAVING = frozenset({Status.PARTY, Status.WITHDRAWAL_UNDER_WAY})

STATUS_TABLE: tuple[StatusRow, ...] = (
    StatusRow(
        Status.PARTY.value, "State Party", True, _in_every_theme("#0072B2"), frozenset({Status.JOINED}),
        ("the treaty enters into force for {}", "the treaty enters into force for {}"),
    ),
    StatusRow(
        Status.WITHDRAWAL_UNDER_WAY.value, "Withdrawal under way (still bound)", True, _in_every_theme("#F0E442"),
        frozenset({Status.PARTY}),
        ("{} starts moving to withdraw", "{} start moving to withdraw"),
    ),
    StatusRow(
        Status.WITHDRAWAL_PENDING.value, "Withdrawal notified, pending (still bound)", True, _in_every_theme("#E69F00"),
        _BOUND_BEFORE_LEAVING | {Status.CONTESTED, Status.SUSPENSION_REJECTED},
        ("{} gives notice of withdrawal", "{} give notice of withdrawal"),
    ),
    StatusRow(
        Status.CONTESTED.value, "Suspension claim, contested (still bound)", True, _in_every_theme("#CC79A7"),
        _BOUND_BEFORE_LEAVING,
        (
            "{} notifies a 'suspension', which the treaty does not provide for: it stays bound",
            "{} notify a 'suspension', which the treaty does not provide for: they stay bound",
        ),
    ),
    StatusRow(
        Status.SUSPENSION_REJECTED.value, "Suspension rejected (still bound)", True, _in_every_theme("#4B0055"),
        frozenset({Status.CONTESTED}),
        (
            "the States Parties find that {} cannot suspend the treaty: it stays bound",
            "the States Parties find that {} cannot suspend the treaty: they stay bound",
        ),
    ),
    StatusRow(
        Status.JOINED.value, "Joined, not yet in force", False, _in_every_theme("#56B4E9"),
        frozenset({Status.NOT_PARTY, Status.SIGNATORY, Status.WITHDRAWN}),
        ("{} deposits its instrument of consent", "{} deposit their instruments of consent"),
    ),
    StatusRow(
        Status.SIGNATORY.value, "Signatory, not bound", False, _in_every_theme("#009E73"),
        frozenset({Status.NOT_PARTY, Status.WITHDRAWN}),
        ("{} signs", "{} sign"),
    ),
    StatusRow(
        Status.SUSPENDED.value, "Suspended under the treaty (not bound)", False, _in_every_theme("#DDCC77"),
        _BOUND_BEFORE_LEAVING,
        (
            "{} suspends the treaty under its suspension clause: it is not bound while suspended",
            "{} suspend the treaty under its suspension clause: they are not bound while suspended",
        ),
    ),
    StatusRow(
        Status.WITHDRAWN.value, "Withdrawn (former party)", False, _in_every_theme("#D55E00"),
        frozenset({Status.WITHDRAWAL_PENDING}),
        ("the withdrawal of {} takes effect", "the withdrawals of {} take effect"),
    ),
    StatusRow(Status.NOT_PARTY.value, "Not a party", False, _in_every_theme("#5E5E5E"), frozenset(), None),
    StatusRow(NOT_COVERED, "Not covered by this dataset", False, _in_every_theme("#EDEDED"), frozenset(), None),
)

BY_KEY: Mapping[str, StatusRow] = MappingProxyType({row.key: row for row in STATUS_TABLE})
LABELS: Mapping[str, str] = MappingProxyType({row.key: row.label for row in STATUS_TABLE})
