"""Before and after: which states' status differs between two dates, and from what to what."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from treaty.status import StateHistory, statuses_on
from treaty.statuses import Status


@dataclass(frozen=True)
class StatusChange:
    iso3: str
    name: str
    old: Status
    new: Status

    @property
    def sentence(self) -> str:
        """e.g. 'Estonia: State Party → Withdrawn (former party)'."""
        return f"{self.name}: {self.old.label} → {self.new.label}"


def changes_between(
    compiled: tuple[StateHistory, ...], before: date, after: date, among: frozenset[str] | None = None
) -> list[StatusChange]:
    """Every state (of `among`, if given: a region's states) whose status on `after` differs from its status
    on `before`, by name. Only the two days are compared: a state that changed and changed back in between
    is not listed."""
    if before > after:
        raise ValueError(f"the first date ({before.isoformat()}) is after the second ({after.isoformat()})")
    old = {status.iso3: status.status for status in statuses_on(compiled, before)}
    return sorted(
        (
            StatusChange(status.iso3, status.name, old[status.iso3], status.status)
            for status in statuses_on(compiled, after)
            if status.status is not old[status.iso3] and (among is None or status.iso3 in among)
        ),
        key=lambda change: change.name,
    )
