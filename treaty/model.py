"""The typed model of a treaty dataset file: what a valid file contains, field by field."""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Iterable
from urllib.parse import urlparse

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from treaty.dates import PartialDate

ISO3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 (XKX for Kosovo)")]
SourceId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


def _parse_partial(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError("write the date as YYYY-MM-DD, YYYY-MM or YYYY")
    return PartialDate.parse(value)


def _parse_day(value: object) -> date:
    if isinstance(value, date):
        return value
    parsed = _parse_partial(value)
    if not parsed.is_exact:
        raise ValueError(f"'{value}' must be a whole date, YYYY-MM-DD")
    return parsed.first


EventDate = Annotated[PartialDate, BeforeValidator(_parse_partial)]
Day = Annotated[date, BeforeValidator(_parse_day)]


class EventType(str, Enum):
    """What happened. Roles (joining, domestic step, withdrawal...) are read by the status engine."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    SUCCESSION = "succession"
    ENTRY_INTO_FORCE = "entry_into_force"
    ANNOUNCEMENT = "announcement"
    RECOMMENDATION = "recommendation"
    GOVERNMENT_DECISION = "government_decision"
    DECREE = "decree"
    BILL_SUBMITTED = "bill_submitted"
    PARLIAMENT_COMMITTEE = "parliament_committee"
    PARLIAMENT_READING = "parliament_reading"
    PARLIAMENT_VOTE = "parliament_vote"
    HEAD_OF_STATE_SIGNATURE = "head_of_state_signature"
    HEAD_OF_STATE_INSTRUMENT = "head_of_state_instrument"
    WITHDRAWAL_DEPOSITED = "withdrawal_deposited"
    WITHDRAWAL_EFFECTIVE = "withdrawal_effective"
    SUSPENSION_NOTIFIED = "suspension_notified"
    OBJECTION = "objection"
    MEETING_FINDING = "meeting_finding"
    STATEMENT = "statement"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventType.SIGNATURE: "Signed",
    EventType.RATIFICATION: "Ratified (instrument deposited)",
    EventType.ACCESSION: "Acceded (instrument deposited)",
    EventType.ACCEPTANCE: "Accepted (instrument deposited)",
    EventType.APPROVAL: "Approved (instrument deposited)",
    EventType.SUCCESSION: "Succeeded (notification deposited)",
    EventType.ENTRY_INTO_FORCE: "Entered into force",
    EventType.ANNOUNCEMENT: "Withdrawal announced",
    EventType.RECOMMENDATION: "Withdrawal recommended",
    EventType.GOVERNMENT_DECISION: "Government decision",
    EventType.DECREE: "Decree",
    EventType.BILL_SUBMITTED: "Bill submitted to parliament",
    EventType.PARLIAMENT_COMMITTEE: "Parliamentary committee",
    EventType.PARLIAMENT_READING: "Parliament reading",
    EventType.PARLIAMENT_VOTE: "Parliament vote",
    EventType.HEAD_OF_STATE_SIGNATURE: "Head of state signed",
    EventType.HEAD_OF_STATE_INSTRUMENT: "Head of state executed the instrument",
    EventType.WITHDRAWAL_DEPOSITED: "Instrument of withdrawal deposited",
    EventType.WITHDRAWAL_EFFECTIVE: "Withdrawal takes effect",
    EventType.SUSPENSION_NOTIFIED: "Suspension notified (not a withdrawal)",
    EventType.OBJECTION: "Objection",
    EventType.MEETING_FINDING: "Finding of the States Parties",
    EventType.STATEMENT: "Statement",
}

CONSENT_TYPES = frozenset(
    {EventType.RATIFICATION, EventType.ACCESSION, EventType.ACCEPTANCE, EventType.APPROVAL, EventType.SUCCESSION}
)
# The dates that decide whether a state is bound: the deposits, entry into force and the withdrawal's two dates.
BINDING_DATE_TYPES = CONSENT_TYPES | {EventType.ENTRY_INTO_FORCE, EventType.WITHDRAWAL_DEPOSITED, EventType.WITHDRAWAL_EFFECTIVE}
# Domestic steps towards leaving: recorded while a state is bound, they open "withdrawal under way".
DOMESTIC_STEP_TYPES = frozenset(
    {
        EventType.ANNOUNCEMENT,
        EventType.RECOMMENDATION,
        EventType.GOVERNMENT_DECISION,
        EventType.DECREE,
        EventType.BILL_SUBMITTED,
        EventType.PARLIAMENT_COMMITTEE,
        EventType.PARLIAMENT_READING,
        EventType.PARLIAMENT_VOTE,
        EventType.HEAD_OF_STATE_SIGNATURE,
        EventType.HEAD_OF_STATE_INSTRUMENT,
    }
)


# Runs at import, before mutmut can switch a mutant on: its mutants could never be tested.
# pragma: no mutate start
def _text_only(enum_type: type[Enum]) -> BeforeValidator:
    """Refuse a value that is not text before the Enum sees it, with pydantic's own 'enum' error:
    Enum(value) quotes repr(value) in its error, which for a YAML alias bomb is billions of items."""
    names = [f"'{member.value}'" for member in enum_type]
    expected = ", ".join(names[:-1]) + f" or {names[-1]}"

    def check(value: object) -> object:
        if isinstance(value, str):
            return value
        raise PydanticCustomError("enum", "Input should be {expected}", {"expected": expected})

    return BeforeValidator(check)
# pragma: no mutate end


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceKind(str, Enum):
    """How far a source can be defended, strongest first (the order sources are listed in)."""

    DEPOSITARY = "depositary"  # the UN Secretary-General as depositary: UN Treaty Collection, notifications C.N.…
    OFFICIAL = "official"  # gazettes, governments, parliaments, the Convention's support unit, meeting reports
    MONITOR = "monitor"  # Landmine and Cluster Munition Monitor, ICBL-CMC
    PRESS = "press"  # established outlets
    OTHER = "other"

    @property
    def rank(self) -> int:
        return list(SourceKind).index(self)

    @property
    def label(self) -> str:
        """How a reader sees the kind beside a source: 'UN depositary', 'official', 'Monitor', 'press', 'other'."""
        return SOURCE_KIND_LABELS[self]


SOURCE_KIND_LABELS = {
    SourceKind.DEPOSITARY: "UN depositary",
    SourceKind.OFFICIAL: "official",
    SourceKind.MONITOR: "Monitor",
    SourceKind.PRESS: "press",
    SourceKind.OTHER: "other",
}
# A date that decides whether a state is bound must rest on at least one of these.
DEFENSIBLE_KINDS = frozenset({SourceKind.DEPOSITARY, SourceKind.OFFICIAL, SourceKind.MONITOR})


class Source(_Strict):
    """Where a date comes from, after owid/etl's origin: who published it, what, where, when read."""

    kind: Annotated[SourceKind, _text_only(SourceKind)]
    publisher: Text | None = None
    title: Text
    url: str | None = None
    # A full citation (gazette and number, document symbol) for a source with no web address.
    citation: Text | None = None
    accessed: Day
    note: Text | None = None

    @property
    def name(self) -> str:
        """Who a reader is told the source is: the publisher, or the title where none is recorded."""
        return self.publisher or self.title

    @property
    def reference(self) -> str | None:
        """Where to find it: the web address, or the citation of a source that has none."""
        return self.url or self.citation

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str | None) -> str | None:
        if url is None:
            return None
        parts = urlparse(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 500:
            raise ValueError(f"'{url[:80]}' is not an http(s) address")
        return url


def strongest_first(sources: Iterable[Source]) -> list[Source]:
    """`sources` by kind, strongest first; sources of one kind stay in the order they were recorded."""
    return sorted(sources, key=lambda source: source.kind.rank)


class AlternativeDate(_Strict):
    """A date other sources give for the same event, kept so the app can say that sources differ."""

    date: EventDate
    sources: list[SourceId] = Field(min_length=1)
    note: Text | None = None


class Event(_Strict):
    type: Annotated[EventType, _text_only(EventType)]
    date: EventDate
    approximate: bool = False
    confirmed: bool
    sources: list[SourceId] = Field(min_length=1)
    note: Text | None = None
    # Why a recorded effective date differs from the treaty's rule (e.g. the armed-conflict proviso).
    rule_exception: Text | None = None
    # Dates other sources give, and why the date above is the one shown (also how an inferred date was reached).
    alternatives: list[AlternativeDate] = []
    why_this_date: Text | None = None

    @property
    def is_exact(self) -> bool:
        return self.date.is_exact and not self.approximate


class Territory(_Strict):
    """A dependency whose coverage the depositary records apart from its sovereign's: excluded by a
    declaration (`applies: false`), or reached by an extension (`applies: true`, from the day it is
    notified). A dependency with no record takes its sovereign's status (treaty/territories.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    code: ISO3
    name: Text
    applies: bool
    from_: Day | None = Field(default=None, alias="from")
    sources: list[SourceId] = Field(min_length=1)
    note: Text | None = None


class State(_Strict):
    iso3: ISO3
    name: Text
    note: Text | None = None
    # For a state with no joining event: the sources that say it never joined.
    sources: list[SourceId] = []
    events: list[Event] = []
    territories: list[Territory] = []


class EntryIntoForceRule(_Strict):
    """For a later joiner, exactly one of: the first day of the Nth month after its deposit, or N days after it."""

    article: Text
    general_date: Day
    threshold_deposit_date: Day
    months_after_deposit: int | None = Field(default=None, ge=0, le=24)
    days_after_deposit: int | None = Field(default=None, ge=0, le=3660)

    @model_validator(mode="after")
    def _one_delay(self) -> "EntryIntoForceRule":
        if (self.months_after_deposit is None) == (self.days_after_deposit is None):
            raise ValueError("give exactly one of months_after_deposit and days_after_deposit")
        return self


class WithdrawalRule(_Strict):
    article: Text
    notice_months: int = Field(ge=0, le=60)
    armed_conflict_proviso: bool


class SuspensionRule(_Strict):
    """The treaty's own suspension clause: a notified suspension then takes effect instead of being contested."""

    article: Text


class Rules(_Strict):
    entry_into_force: EntryIntoForceRule
    withdrawal: WithdrawalRule
    # Absent: the treaty has no suspension clause (as the Mine Ban Convention and the CCM).
    suspension: SuspensionRule | None = None


class BarredDomain(_Strict):
    """A site never to be cited (an aggregator or content farm): the domain, every subdomain too, why, and who says so."""

    domain: str = Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", max_length=253)
    reason: Text
    source: Text

    def bars(self, url: str) -> bool:
        host = (urlparse(url).hostname or "").rstrip(".")
        return host == self.domain or host.endswith("." + self.domain)


class BarredSources(_Strict):
    """data/barred_sources.yaml: the domains no dataset may cite."""

    domains: list[BarredDomain]


class Treaty(_Strict):
    id: SourceId
    name: Text
    short_name: Text
    also_known_as: list[Text] = []
    adopted: Day
    opened_for_signature: Day
    entry_into_force: Day
    depositary: Text
    sources: list[SourceId] = Field(min_length=1)
    rules: Rules


class Dataset(_Strict):
    """One treaty file, validated: the treaty, its states in file order, and the sources they cite."""

    as_of: Day
    treaty: Treaty
    states: list[State]
    sources: dict[SourceId, Source]

    def state(self, iso3: str) -> State:
        return next(state for state in self.states if state.iso3 == iso3)

    def sources_for(self, ids: list[str]) -> list[Source]:
        return [self.sources[source_id] for source_id in ids]
