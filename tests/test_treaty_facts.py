"""A state's dated facts: every recorded event with its sources, and the dates the treaty's rules give
where the file records none (marked as computed, never passed off as recorded)."""
from treaty.dates import Precision
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
    assert facts[EventType.SIGNATURE].is_key_date and facts[EventType.RATIFICATION].is_key_date
    text = mutate(
        minimal_yaml(),
        "      sources: [monitor-nor]\n  - iso3: RUS",
        "      sources: [monitor-nor]\n    - type: parliament_vote\n      date: 2025-03-01\n"
        "      confirmed: true\n      sources: [monitor-nor]\n  - iso3: RUS",
    )
    vote = next(fact for fact in facts_of(tmp_path, text, "NOR") if fact.type is EventType.PARLIAMENT_VOTE)
    assert not vote.is_key_date


RECORDED_EIF = "    - type: entry_into_force\n      date: 2003-11-01\n      confirmed: true\n      sources: [monitor-ltu]\n"
RECORDED_EFFECT = "    - type: withdrawal_effective\n      date: 2025-12-27\n      confirmed: true\n      sources: [depositary-ltu]\n"


def shown_facts(tmp_path, text, iso3):
    dataset = load_dataset(write(tmp_path, text))
    return [
        (f.label, f.date, f.precision, f.approximate, f.confirmed, f.derived_by, f.note, [s.title for s in f.sources], f.is_key_date)
        for f in state_facts(dataset, dataset.state(iso3))
    ]


def test_dates_the_file_does_not_record_are_derived_from_the_deposit_by_the_articles(tmp_path):
    text = mutate(minimal_yaml(), RECORDED_EIF, "")
    text = mutate(text, RECORDED_EFFECT, "")
    text = mutate(text, "      date: 2003-05-12\n", "      date: 2003-05-12\n      note: deposited in New York\n")
    text = mutate(text, "      date: 2025-06-27\n      confirmed: true", "      date: 2025-06-27\n      confirmed: false")
    monitor = ["Landmine Monitor 2003 Lithuania"]
    deposit = ["Lithuania notification of withdrawal", "Lithuania leaves the Convention"]  # strongest first
    assert shown_facts(tmp_path, text, "LTU") == [
        ("Ratified (instrument deposited)", "2003-05-12", Precision.DAY, False, True, None, "deposited in New York", monitor, True),
        ("Entered into force", "2003-11-01", Precision.DAY, False, True, "Art. 17", "Computed by Art. 17 from the deposit date.", [], True),
        ("Instrument of withdrawal deposited", "2025-06-27", Precision.DAY, False, False, None, None, deposit, True),
        # An unconfirmed deposit makes the date derived from it unconfirmed too.
        ("Withdrawal takes effect", "2025-12-27", Precision.DAY, False, False, "Art. 20", "Computed by Art. 20 from the deposit date.", [], True),
    ]


def test_recorded_dates_are_shown_as_recorded_with_a_rule_exception_as_their_note(tmp_path):
    text = mutate(minimal_yaml(), "      date: 2025-12-27\n", "      date: 2026-03-01\n      rule_exception: armed-conflict proviso\n")
    assert [(label, day, derived, note) for label, day, _, _, _, derived, note, _, _ in shown_facts(tmp_path, text, "LTU")] == [
        ("Ratified (instrument deposited)", "2003-05-12", None, None),
        ("Entered into force", "2003-11-01", None, None),
        ("Instrument of withdrawal deposited", "2025-06-27", None, None),
        ("Withdrawal takes effect", "2026-03-01", None, "armed-conflict proviso"),
    ]


def test_no_date_is_derived_from_a_deposit_known_only_to_the_month_and_later_facts_still_follow(tmp_path):
    text = mutate(minimal_yaml(), "      date: 1997-12-03\n", "      date: 1997-12-03\n      approximate: true\n")
    text = mutate(text, "      date: 1998-07-09\n", "      date: 1998-07\n")
    text = mutate(
        text,
        "      sources: [monitor-nor]\n  - iso3: RUS",
        "      sources: [monitor-nor]\n    - type: statement\n      date: 2025-01-15\n      confirmed: true\n"
        "      sources: [monitor-nor]\n  - iso3: RUS",
    )
    nor = ["Landmine Monitor Norway"]
    assert shown_facts(tmp_path, text, "NOR") == [
        ("Signed", "1997-12-03", Precision.DAY, True, True, None, None, nor, True),
        ("Ratified (instrument deposited)", "1998-07", Precision.MONTH, False, True, None, None, nor, True),
        ("Statement", "2025-01-15", Precision.DAY, False, True, None, None, nor, False),
    ]
