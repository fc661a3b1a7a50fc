"""The typed model of a storyboard file (briefings/*.yaml): what a valid file contains, field by field.

A step shows one date (`date`) or two side by side (`before` and `after`); its highlighted states are
outlined and the rest muted; each callout is short text pinned to a state or to a point."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from treaty.model import ISO3, Day, SourceId, Text, _Strict

LatLon = tuple[float, float]


def _text_of_at_most(characters: int):
    """Text with its own limit. `Field(max_length=...)` on a field typed `Text` would be overridden by
    Text's own 2,000 (the limit inside the annotation wins), so the limit goes into the type."""
    return Annotated[str, Field(min_length=1, max_length=characters)]


CalloutText = _text_of_at_most(140)  # read at a glance on a projected map
Title = _text_of_at_most(120)
Subtitle = _text_of_at_most(200)


class Callout(_Strict):
    text: CalloutText
    state: ISO3 | None = None  # pinned to this state's label point...
    at: LatLon | None = None  # ...or to this point (latitude, longitude)

    @model_validator(mode="after")
    def _one_anchor(self) -> "Callout":
        if (self.state is None) == (self.at is None):
            raise ValueError("a callout is pinned to a state (state: ISO3) or to a point (at: [lat, lon]), one of the two")
        return self


class Step(_Strict):
    title: Title
    subtitle: Subtitle | None = None
    date: Day | None = None
    before: Day | None = None
    after: Day | None = None
    region: SourceId = "europe"
    highlight: list[ISO3] = []
    callouts: list[Callout] = []
    notes: Text | None = None  # speaker notes

    @model_validator(mode="after")
    def _one_date_or_two(self) -> "Step":
        single = self.date is not None
        pair = self.before is not None or self.after is not None
        if single == pair:
            raise ValueError("a step has either `date`, or `before` and `after`")
        if pair and (self.before is None or self.after is None):
            raise ValueError("before-and-after needs both `before` and `after`")
        if pair and self.before >= self.after:
            raise ValueError("`before` must be earlier than `after`")
        return self


class Storyboard(_Strict):
    title: Title
    treaty: SourceId  # the dataset's treaty id: apmbc, ccm
    steps: list[Step] = Field(min_length=1, max_length=60)
