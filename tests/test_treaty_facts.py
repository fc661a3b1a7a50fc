"""A state's dated facts as the hover card and the state record show them: each recorded event with its
flags and sources, and the dates the treaty's rules give where the file records none (marked derived)."""
from treaty.dates import Precision
from treaty.facts import state_facts
from treaty.loader import load_dataset
from treaty_fixtures import minimal_yaml, mutate, write

RECORDED_EIF = "    - type: entry_into_force\n      date: 2003-11-01\n      confirmed: true\n      sources: [monitor-ltu]\n"
RECORDED_EFFECT = "    - type: withdrawal_effective\n      date: 2025-12-27\n      confirmed: true\n      sources: [news-ltu]\n"


def facts_of(tmp_path, text, iso3):
    dataset = load_dataset(write(tmp_path, text))
    return [
        (f.label, f.date, f.precision, f.approximate, f.confirmed, f.derived_by, f.note, [s.title for s in f.sources], f.key)
        for f in state_facts(dataset, dataset.state(iso3))
    ]


def test_dates_the_file_does_not_record_are_derived_from_the_deposit_by_the_articles(tmp_path):
    text = mutate(minimal_yaml(), RECORDED_EIF, "")
    text = mutate(text, RECORDED_EFFECT, "")
    text = mutate(text, "      date: 2003-05-12\n", "      date: 2003-05-12\n      note: deposited in New York\n")
    text = mutate(text, "      date: 2025-06-27\n      confirmed: true", "      date: 2025-06-27\n      confirmed: false")
    monitor, press = ["Landmine Monitor 2003 Lithuania"], ["Lithuania leaves the Convention"]
    assert facts_of(tmp_path, text, "LTU") == [
        ("Ratified (instrument deposited)", "2003-05-12", Precision.DAY, False, True, None, "deposited in New York", monitor, True),
        ("Entered into force", "2003-11-01", Precision.DAY, False, True, "Art. 17", "Computed by Art. 17 from the deposit date.", [], True),
        ("Instrument of withdrawal deposited", "2025-06-27", Precision.DAY, False, False, None, None, press, True),
        # An unconfirmed deposit makes the date derived from it unconfirmed too.
        ("Withdrawal takes effect", "2025-12-27", Precision.DAY, False, False, "Art. 20", "Computed by Art. 20 from the deposit date.", [], True),
    ]


def test_recorded_dates_are_shown_as_recorded_with_a_rule_exception_as_their_note(tmp_path):
    text = mutate(minimal_yaml(), "      date: 2025-12-27\n", "      date: 2026-03-01\n      rule_exception: armed-conflict proviso\n")
    assert [(label, day, derived, note) for label, day, _, _, _, derived, note, _, _ in facts_of(tmp_path, text, "LTU")] == [
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
    assert facts_of(tmp_path, text, "NOR") == [
        ("Signed", "1997-12-03", Precision.DAY, True, True, None, None, nor, True),
        ("Ratified (instrument deposited)", "1998-07", Precision.MONTH, False, True, None, None, nor, True),
        ("Statement", "2025-01-15", Precision.DAY, False, True, None, None, nor, False),
    ]
