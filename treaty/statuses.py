"""The one table of statuses: every fact about a status is in its row, and everything else derives from it.

A row holds the status's key, its label (legend, hover card, tables, CSV, `python -m treaty status`),
whether the state is bound, its colour in each theme, which statuses it may follow, and the clause
the day's sentence uses when states enter it. The legend lists the rows in table order, and the
sentence names the day's changes in the same order.

Adding a status: a member of `Status`, a row here, and in treaty/status.py the event that leads to it
(or, for a status no event leads to, where it arises: CANNOT_JOIN for the entities below, NOT_APPLIED for
a territory in treaty/territories.py).
tests/test_treaty_statuses.py checks that every status has every entry; tests/test_render_palette.py
that its colour stays distinguishable under the common colour-vision deficiencies.

Colours start from Okabe-Ito; bound statuses are blue, warm or purple, states that are not bound are
grey, green, sand or red; "not covered" is near the background so it never reads as a status. In each
theme (light; dark, for a projector; high contrast) the statuses of the 2025 withdrawals (party, pending,
withdrawn, contested, rejected, not a party) also differ in lightness, so they read in greyscale and on a
washed-out projector: "withdrawn" is a dark red, far darker than the orange of "pending".
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
    CANNOT_JOIN = "cannot_join"
    NOT_APPLIED = "not_applied"

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

# Entities drawn on the map that no instrument of theirs can make a party: the treaties are open to
# "all States", and the UN Secretary-General, their depositary, accepts instruments only from States
# recognised in UN practice (members, and a few others such as the Holy See, Palestine, the Cook Islands
# and Niue). Their status is CANNOT_JOIN on every date, whatever the dataset records about their policy.
CANNOT_JOIN_ENTITIES: Mapping[str, str] = MappingProxyType({"XKX": "Kosovo", "TWN": "Taiwan", "ESH": "Western Sahara"})
CANNOT_JOIN_EXPLANATION = (
    "The treaty is open to all States, and its depositary, the UN Secretary-General, accepts instruments only "
    "from States recognised in UN practice (UN members, and a few others such as the Holy See, Palestine, the "
    "Cook Islands and Niue). {} is not among them: it cannot sign or join, whatever its policy on the weapons."
)


class Theme(str, Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


# Runs at import, before mutmut can switch a mutant on: its mutants could never be tested.
# pragma: no mutate start
def _themed(light: str, dark: str, contrast: str) -> Mapping[Theme, str]:
    return MappingProxyType({Theme.LIGHT: light, Theme.DARK: dark, Theme.HIGH_CONTRAST: contrast})
# pragma: no mutate end


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
        Status.PARTY.value, "State Party", True, _themed("#005F9E", "#3E97E0", "#004F8F"), frozenset({Status.JOINED}),
        ("the treaty enters into force for {}", "the treaty enters into force for {}"),
    ),
    StatusRow(
        Status.WITHDRAWAL_UNDER_WAY.value, "Withdrawal under way (still bound)", True, _themed("#F0E442", "#F6EE6A", "#FFF200"),
        frozenset({Status.PARTY}),
        ("{} starts moving to withdraw", "{} start moving to withdraw"),
    ),
    StatusRow(
        Status.WITHDRAWAL_PENDING.value, "Withdrawal notified, pending (still bound)", True, _themed("#E69F00", "#F59A1A", "#FFA800"),
        _BOUND_BEFORE_LEAVING | {Status.CONTESTED, Status.SUSPENSION_REJECTED},
        ("{} gives notice of withdrawal", "{} give notice of withdrawal"),
    ),
    StatusRow(
        Status.CONTESTED.value, "Suspension claim, contested (still bound)", True, _themed("#CC79A7", "#FFC2E2", "#E070B4"),
        _BOUND_BEFORE_LEAVING,
        (
            "{} notifies a 'suspension', which the treaty does not provide for: it stays bound",
            "{} notify a 'suspension', which the treaty does not provide for: they stay bound",
        ),
    ),
    StatusRow(
        Status.SUSPENSION_REJECTED.value, "Suspension rejected (still bound)", True, _themed("#4B0055", "#6E2C90", "#3D0047"),
        frozenset({Status.CONTESTED}),
        (
            "the States Parties find that {} cannot suspend the treaty: it stays bound",
            "the States Parties find that {} cannot suspend the treaty: they stay bound",
        ),
    ),
    StatusRow(
        Status.JOINED.value, "Joined, not yet in force", False, _themed("#56B4E9", "#888FB2", "#3298FF"),
        frozenset({Status.NOT_PARTY, Status.SIGNATORY, Status.WITHDRAWN}),
        ("{} deposits its instrument of consent", "{} deposit their instruments of consent"),
    ),
    StatusRow(
        Status.SIGNATORY.value, "Signatory, not bound", False, _themed("#00B386", "#36A25A", "#38934A"),
        frozenset({Status.NOT_PARTY, Status.WITHDRAWN}),
        ("{} signs", "{} sign"),
    ),
    StatusRow(
        Status.SUSPENDED.value, "Suspended under the treaty (not bound)", False, _themed("#DDCC77", "#FCF3BD", "#FDF087"),
        _BOUND_BEFORE_LEAVING,
        (
            "{} suspends the treaty under its suspension clause: it is not bound while suspended",
            "{} suspend the treaty under its suspension clause: they are not bound while suspended",
        ),
    ),
    StatusRow(
        Status.WITHDRAWN.value, "Withdrawn (former party)", False, _themed("#7F1409", "#B8241A", "#6B0F06"),
        frozenset({Status.WITHDRAWAL_PENDING}),
        ("the withdrawal of {} takes effect", "the withdrawals of {} take effect"),
    ),
    StatusRow(Status.NOT_PARTY.value, "Not a party", False, _themed("#767676", "#777777", "#767676"), frozenset(), None),
    StatusRow(
        Status.CANNOT_JOIN.value, "Cannot join: not recognised as a State able to sign", False,
        _themed("#2B2B2B", "#1A1A1A", "#000000"), frozenset(), None,
    ),
    # A territory its sovereign's instrument does not reach: excluded by a declaration, or not yet extended to.
    StatusRow(
        Status.NOT_APPLIED.value, "Territory the treaty does not apply to", False,
        _themed("#EEEEBB", "#BBBB99", "#DDDDAA"), frozenset(), None,
    ),
    StatusRow(NOT_COVERED, "Not covered by this dataset", False, _themed("#EDEDED", "#353A40", "#FFFFFF"), frozenset(), None),
)

BY_KEY: Mapping[str, StatusRow] = MappingProxyType({row.key: row for row in STATUS_TABLE})
LABELS: Mapping[str, str] = MappingProxyType({row.key: row.label for row in STATUS_TABLE})
