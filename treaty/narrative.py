"""Plain sentences about a date, for the briefer to read out: what changes today, what comes next."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from treaty.dates import long_date
from treaty.status import Status, StateHistory, Transition, changes_on, statuses_on
from treaty.statuses import BY_KEY, CANNOT_JOIN_ENTITIES, STATUS_TABLE

_TABLE_ORDER = {row.key: index for index, row in enumerate(STATUS_TABLE)}


def join_names(names: list[str]) -> str:
    names = sorted(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clauses(changes: list[tuple[str, Transition]]) -> list[str]:
    by_status: dict[Status, list[str]] = {}
    for name, transition in changes:
        by_status.setdefault(transition.status, []).append(name)
    return [
        BY_KEY[status.value].clause[len(names) > 1].format(join_names(names))
        for status, names in sorted(by_status.items(), key=lambda item: _TABLE_ORDER[item[0].value])
    ]


@dataclass(frozen=True)
class Scope:
    """The part of the world the figures are also given for: its name and the ISO3 codes of its states."""

    label: str
    members: frozenset[str] | None  # None: the world, whose figure is always given


WORLD_SCOPE = Scope("the world", None)


def count_clause(statuses, scope: Scope | None = None) -> str:
    """E.g. '164 States Parties worldwide; in Europe 42 of 55 states are bound'. The world figure counts
    every bound state in the dataset (a State Party: in force and not yet withdrawn); the region's, its
    states in the dataset, and says so when the dataset covers only some of them."""
    parties = sum(status.status.bound for status in statuses)
    clause = f"{parties} State{'s' * (parties != 1)} Part{'ies' if parties != 1 else 'y'} worldwide"
    if scope is None or scope.members is None:
        return clause
    inside = [status for status in statuses if status.iso3 in scope.members]
    if not inside:
        return clause + f"; the dataset covers none of the {len(scope.members)} states in {scope.label}"
    bound = sum(status.status.bound for status in inside)
    clause += f"; in {scope.label} {bound} of {len(inside)} state{'s' * (len(inside) != 1)} {'is' if bound == 1 else 'are'} bound"
    # An entity that cannot join (Western Sahara, Taiwan) is not a state the dataset could miss.
    eligible = scope.members - (CANNOT_JOIN_ENTITIES.keys() - {status.iso3 for status in inside})
    if len(inside) < len(eligible):
        clause += f" (the dataset covers {len(inside)} of its {len(eligible)} states)"
    return clause


def describe_day(compiled: tuple[StateHistory, ...], day: date, scope: Scope | None = None) -> str:
    """E.g. 'On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect;
    Finland's follows in 14 days.' With a `scope`, the figures follow (count_clause):
    'On 1 March 2026 there are 161 States Parties worldwide; in Europe 42 of 55 states are bound.'"""
    changes = changes_on(compiled, day)
    today = _clauses(changes)
    statuses = statuses_on(compiled, day)
    bound = sum(status.status.bound for status in statuses)
    counts = count_clause(statuses, scope) if scope else None
    if today:
        sentence = f"On {long_date(day)} " + "; ".join(today)
    elif counts:
        sentence = f"On {long_date(day)} there {'are' if bound != 1 else 'is'} {counts}"
        counts = None
    else:
        sentence = f"On {long_date(day)}, {bound} of the {len(statuses)} states shown are bound"
    upcoming = _next_withdrawals(statuses, day)
    if upcoming:
        when, names = upcoming
        days = (when - day).days
        owner = f"{join_names(names)}'s" if len(names) == 1 else f"those of {join_names(names)}"
        follows = "follows" if len(names) == 1 else "follow"
        if any(transition.status is Status.WITHDRAWN for _, transition in changes):
            sentence += f"; {owner} {follows} in {days} day{'s' * (days != 1)}"
        else:
            noun = "withdrawal" if len(names) == 1 else "withdrawals"
            sentence += f"; the next {noun}, of {join_names(names)}, take{'s' * (len(names) == 1)} effect in {days} day{'s' * (days != 1)} ({long_date(when)})"
    return sentence + "." + (f" {counts}." if counts else "")


def _next_withdrawals(statuses, day: date) -> tuple[date, list[str]] | None:
    pending = [s for s in statuses if s.status is Status.WITHDRAWAL_PENDING and s.takes_effect and s.takes_effect > day]
    if not pending:
        return None
    first = min(s.takes_effect for s in pending)
    return first, [s.name for s in pending if s.takes_effect == first]

