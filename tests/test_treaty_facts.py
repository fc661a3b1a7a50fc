"""A state's dated facts: every recorded event with its sources, and the dates the treaty's rules give
where the file records none (marked as computed, never passed off as recorded)."""
from treaty.facts import state_facts
from treaty.loader import load_dataset
from treaty.model import EventType
from treaty_fixtures import minimal_yaml, mutate, write

LITHUANIA_EFFECTIVE = """\
    - type: withdrawal_effective
      date: 2025-12-27
      confirmed: true
      sources: [depositary-ltu]
"""


def facts_of(tmp_path, text: str, iso3: str):
    dataset = load_dataset(write(tmp_path, text))
    return state_facts(dataset, dataset.state(iso3))


def test_recorded_events_come_with_their_sources_in_date_order(tmp_path):
    facts = facts_of(tmp_path, minimal_yaml(), "LTU")
    assert [(fact.date, fact.type) for fact in facts] == [
        ("2003-05-12", EventType.RATIFICATION),
        ("2003-11-01", EventType.ENTRY_INTO_FORCE),
        ("2025-06-27", EventType.WITHDRAWAL_DEPOSITED),
        ("2025-12-27", EventType.WITHDRAWAL_EFFECTIVE),
    ]
    # strongest first: the depositary before the press
    assert [source.title for source in facts[2].sources] == ["Lithuania notification of withdrawal", "Lithuania leaves the Convention"]
    assert all(fact.derived_by is None for fact in facts)


def test_entry_into_force_not_recorded_is_computed_by_article_17(tmp_path):
    # Norway ratified on 9 July 1998, before the 40th ratification: in force on the general date.
    facts = facts_of(tmp_path, minimal_yaml(), "NOR")
    computed = [fact for fact in facts if fact.derived_by]
    assert [(fact.type, fact.date, fact.derived_by, fact.sources) for fact in computed] == [
        (EventType.ENTRY_INTO_FORCE, "1999-03-01", "Art. 17", ())
    ]
    assert computed[0].note == "Computed by Art. 17 from the deposit date."


def test_a_withdrawal_without_its_effect_recorded_takes_effect_six_months_on_by_article_20(tmp_path):
    facts = facts_of(tmp_path, mutate(minimal_yaml(), LITHUANIA_EFFECTIVE, ""), "LTU")
    [computed] = [fact for fact in facts if fact.derived_by]
    assert (computed.type, computed.date, computed.derived_by) == (EventType.WITHDRAWAL_EFFECTIVE, "2025-12-27", "Art. 20")
    assert facts[-1] is computed  # sorted in with the recorded events


def test_a_date_computed_from_an_unconfirmed_deposit_is_unconfirmed_too(tmp_path):
    text = mutate(minimal_yaml(), LITHUANIA_EFFECTIVE, "")
    text = mutate(text, "      date: 2025-06-27\n      confirmed: true", "      date: 2025-06-27\n      confirmed: false")
    [computed] = [fact for fact in facts_of(tmp_path, text, "LTU") if fact.derived_by]
    assert computed.confirmed is False


def test_key_facts_are_the_legal_steps_not_the_domestic_ones(tmp_path):
    facts = {fact.type: fact for fact in facts_of(tmp_path, minimal_yaml(), "NOR")}
    assert facts[EventType.SIGNATURE].key and facts[EventType.RATIFICATION].key
    text = mutate(
        minimal_yaml(),
        "      sources: [monitor-nor]\n  - iso3: RUS",
        "      sources: [monitor-nor]\n    - type: parliament_vote\n      date: 2025-03-01\n"
        "      confirmed: true\n      sources: [monitor-nor]\n  - iso3: RUS",
    )
    vote = next(fact for fact in facts_of(tmp_path, text, "NOR") if fact.type is EventType.PARLIAMENT_VOTE)
    assert not vote.key
