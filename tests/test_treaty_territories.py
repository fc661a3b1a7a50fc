"""Territories take their sovereign's status unless the dataset records an exclusion or a later extension,
with its source; the entities that cannot join have a status of their own. On a small made-up file:
Norway (ratified 9 July 1998, in force 1 March 1999) with Svalbard and Jan Mayen (SJM) and Bouvet Island
(BVT) as territories drawn on their own, Russia (never joined) with a made-up territory of its own."""
from __future__ import annotations

from datetime import date

import pytest

from geo.join import status_keys
from render.payload import details_payload
from treaty.loader import load_dataset
from treaty.status import compile_timelines, statuses_on
from treaty.statuses import NOT_COVERED
from treaty.model import Territory
from treaty.territories import dependencies, territory_note
from treaty_fixtures import minimal_yaml, mutate, problems_of, write

NORWAY = "  - iso3: NOR\n    name: Norway\n"
SHAPES = ("LTU", "NOR", "RUS", "SJM", "BVT", "ATA", "XKX", "TWN")
# What the geometry says: whose territory each shape is (Antarctica is no one's).
SOVEREIGN_OF = {"SJM": "NOR", "BVT": "NOR"}
BEFORE_TREATY, NORWAY_BOUND, LATER = date(1997, 6, 1), date(2000, 1, 1), date(2020, 6, 1)


def keys_on(tmp_path, text: str, day: date) -> dict[str, str]:
    dataset = load_dataset(write(tmp_path, text))
    return status_keys(SHAPES, statuses_on(compile_timelines(dataset), day), dependencies(dataset, SOVEREIGN_OF), day)


def with_territories(records: str) -> str:
    return mutate(minimal_yaml(), NORWAY, NORWAY + "    territories:\n" + records)


EXCLUDED = "    - {code: SJM, name: Svalbard and Jan Mayen, applies: false, sources: [monitor-nor], note: declaration on ratification}\n"
EXTENDED = "    - {code: BVT, name: Bouvet Island, applies: true, from: 2010-05-04, sources: [monitor-nor], note: extension notified}\n"


@pytest.mark.parametrize(("day", "norway"), [(BEFORE_TREATY, "not_party"), (NORWAY_BOUND, "party"), (LATER, "party")])
def test_territories_without_a_record_follow_their_sovereign_on_every_date(tmp_path, day, norway):
    keys = keys_on(tmp_path, minimal_yaml(), day)
    assert (keys["NOR"], keys["SJM"], keys["BVT"]) == (norway, norway, norway)
    assert keys["ATA"] == NOT_COVERED, "a shape that is no one's territory and not in the dataset"


def test_an_exclusion_takes_the_territory_out_while_the_sovereign_is_bound(tmp_path):
    text = with_territories(EXCLUDED)
    assert keys_on(tmp_path, text, BEFORE_TREATY)["SJM"] == "not_party", "nothing to be excluded from yet"
    assert keys_on(tmp_path, text, NORWAY_BOUND)["SJM"] == "not_applied"
    assert keys_on(tmp_path, text, NORWAY_BOUND)["BVT"] == "party", "the other territory still follows Norway"


@pytest.mark.parametrize(("day", "bouvet"), [(NORWAY_BOUND, "not_applied"), (date(2010, 5, 3), "not_applied"), (date(2010, 5, 4), "party")])
def test_an_extension_covers_the_territory_from_its_date(tmp_path, day, bouvet):
    assert keys_on(tmp_path, with_territories(EXTENDED), day)["BVT"] == bouvet


def test_entities_that_cannot_join_have_their_own_status_in_the_file_or_not(tmp_path):
    text = mutate(minimal_yaml(), "  - iso3: RUS\n", "  - iso3: XKX\n    name: Kosovo\n    sources: [monitor-rus]\n  - iso3: RUS\n")
    for day in (BEFORE_TREATY, LATER):
        keys = keys_on(tmp_path, text, day)
        assert (keys["XKX"], keys["TWN"]) == ("cannot_join", "cannot_join")


def test_the_card_says_whose_territory_it_is_and_what_the_record_says(tmp_path):
    dataset = load_dataset(write(tmp_path, with_territories(EXCLUDED + EXTENDED)))
    names = {"SJM": "Svalbard and Jan Mayen", "BVT": "Bouvet Island", "TWN": "Taiwan"}
    sent = details_payload(dataset, dependencies(dataset, SOVEREIGN_OF), names)
    assert sent["SJM"]["note"] == "Territory of Norway — the treaty does not apply (excluded): declaration on ratification"
    assert sent["BVT"]["note"] == "Territory of Norway — the treaty applies from 4 May 2010 (extension): extension notified"
    assert sent["BVT"]["facts"][0]["sources"][0]["title"] == "Landmine Monitor Norway"
    assert "cannot sign or join" in sent["TWN"]["note"]


def test_a_territory_without_a_record_is_said_to_follow_its_sovereign(tmp_path):
    dataset = load_dataset(write(tmp_path, minimal_yaml()))
    sent = details_payload(dataset, dependencies(dataset, SOVEREIGN_OF), {"SJM": "Svalbard and Jan Mayen"})
    assert sent["SJM"]["note"].startswith("Territory of Norway — follows its status")


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        ("    - {code: SJX, name: X, applies: false, sources: [monitor-nor]}\n", "territories.0.code", "not an ISO 3166-1 alpha-3 code"),
        ("    - {code: RUS, name: X, applies: false, sources: [monitor-nor]}\n", "territories.0.code", "is a state of this file"),
        ("    - {code: SJM, name: X, applies: false, sources: [nowhere]}\n", "territories.0.sources", "do not define"),
        ("    - {code: SJM, name: X, applies: false, sources: [news-ltu]}\n", "territories.0.sources", "depositary, official or monitor"),
        ("    - {code: SJM, name: X, applies: maybe, sources: [monitor-nor]}\n", "territories.0.applies", "boolean"),
        ("    - {code: SJM, name: X, applies: true, from: 2010-13-01, sources: [monitor-nor]}\n", "territories.0.from", "no month 13"),
    ],
)
def test_a_bad_territory_record_is_named_with_its_place(tmp_path, record, field, message):
    found = problems_of(write(tmp_path, with_territories(record)))
    assert len(found) == 1, found
    problem = found[0]
    assert (problem.state, problem.field) == ("NOR", field)
    assert message in problem.message
    assert problem.line is not None and problem.line > 0


def test_a_territory_recorded_under_two_states_is_refused(tmp_path):
    text = with_territories("    - {code: SJM, name: X, applies: false, sources: [monitor-nor]}\n")
    text = mutate(text, "  - iso3: RUS\n    name: Russian Federation\n",
                  "  - iso3: RUS\n    name: Russian Federation\n    territories:\n    - {code: SJM, name: X, applies: false, sources: [monitor-rus]}\n")
    found = problems_of(write(tmp_path, text))
    assert [(p.state, p.field) for p in found] == [("RUS", "territories.0.code")]
    assert "already recorded under NOR" in found[0].message


@pytest.mark.parametrize(
    ("sovereign", "said"),
    [("United Kingdom", "the United Kingdom"), ("Netherlands (Kingdom of the)", "the Netherlands (Kingdom of the)"), ("Norway", "Norway")],
)
def test_a_sovereign_is_named_with_the_article_english_gives_it(sovereign, said):
    assert territory_note(None, sovereign) == f"Territory of {said} — follows its status (the dataset records no exclusion or extension)."


def test_a_record_without_a_note_ends_the_sentence_with_a_full_stop():
    record = Territory(code="SJM", name="Svalbard and Jan Mayen", applies=False, sources=["monitor-nor"])
    assert territory_note(record, "Norway") == "Territory of Norway — the treaty does not apply (excluded)."
