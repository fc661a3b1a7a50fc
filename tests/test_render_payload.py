"""What the browser map is sent: a date's colours as one base-36 digit per shape, and the treaty's whole history
of colours, from which the browser colours any date itself. The history must colour every day exactly as
the status engine does, or the map would show one thing and the tables another."""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from geo.countries import load_countries, sovereigns
from geo.join import MissingShapeError, status_keys
from render.payload import countdown, details_payload, fill_digits, history_payload, palette_payload
from treaty.loader import load_dataset
from treaty.status import StateHistory, Status, statuses_on, compile_timelines, track_last
from treaty.territories import dependencies
from treaty_fixtures import minimal_yaml, mutate, write

ROOT_DATA = {"apmbc": "data/apmbc.yaml", "ccm": "data/ccm.yaml"}
CODES = tuple(load_countries()["iso3"])


def colour_on(history: dict, day: date) -> tuple[str, dict]:
    """What the browser computes (timeline_controller.js colouringOn): the period holding `day`."""
    index = sum(1 for change in history["changes"] if change <= day.isoformat())
    period = history["periods"][index]
    return period["fills"], period["pending"]


def test_fill_digits_are_the_status_keys_in_palette_order_one_per_shape():
    statuses = statuses_on(compile_timelines(load_dataset(ROOT_DATA["apmbc"])), date(2025, 12, 27))
    digits = fill_digits(statuses, CODES)
    assert len(digits) == len(CODES)
    keys = status_keys(CODES, statuses)
    palette = palette_payload()["palette"]
    assert [palette[int(digit, 36)]["key"] for digit in digits] == [keys[code] for code in CODES]
    # As the browser reads them (parseInt(digit, 36)): Lithuania's row is the ninth, Ukraine's the fifth.
    assert digits[CODES.index("LTU")] == "8"
    assert digits[CODES.index("UKR")] == "4"
    # Bir Tawil, land no state claims: in no dataset.
    assert digits[CODES.index("BRT")] == "c", "the thirteenth row, not covered: past one decimal digit"


def test_the_browser_is_given_each_status_colour_and_the_chrome_from_the_palette():
    colours = palette_payload()
    assert colours["palette"][4] == {"key": "suspension_rejected", "label": "Suspension rejected (still bound)", "colour": "#4B0055"}
    chrome = colours["chrome"]
    assert (chrome["border"], chrome["not_covered_border"], chrome["marker_edge"], chrome["selected"]) == ("#FFFFFF", "#9A9A9A", "#333333", "#000000")
    assert (chrome["sea"], chrome["warning"]) == ("#DCE6EE", "#8A4B00")


def test_no_browser_script_writes_a_colour_of_its_own():
    repo = Path(__file__).resolve().parent.parent
    scripts = [*(repo / "render" / "static").glob("*.js"), *(repo / "components" / "map_view" / "frontend").glob("*.js")]
    assert len(scripts) >= 3
    colours = {str(script): re.findall(r"#[0-9A-Fa-f]{3,8}\b|rgba?\(", script.read_text(encoding="utf-8")) for script in scripts}
    assert {script: found for script, found in colours.items() if found} == {}


def test_a_state_without_a_shape_is_refused_not_dropped():
    statuses = statuses_on(compile_timelines(load_dataset(ROOT_DATA["apmbc"])), date(2025, 12, 27))
    with pytest.raises(MissingShapeError, match="^no country shape for LTU, LVA in the geometry file$") as refused:
        fill_digits(statuses, tuple(code for code in CODES if code not in ("LVA", "LTU")))
    assert refused.value.codes == ["LTU", "LVA"]


@pytest.mark.parametrize("treaty_id", sorted(ROOT_DATA))
def test_the_history_colours_every_day_as_the_status_engine_does(treaty_id):
    dataset = load_dataset(ROOT_DATA[treaty_id])
    compiled = compile_timelines(dataset)
    history = history_payload(compiled, CODES)
    assert len(history["periods"]) == len(history["changes"]) + 1
    # A state's status changes only on one of its transition days, so between two such days (of any state)
    # every status is constant: checking each stretch on its first and its last day covers every day from
    # the adoption to 2027, at a hundredth of the cost of walking them all.
    first, last = dataset.treaty.adopted, date(2027, 3, 1)
    turns = {day for timeline in compiled for day in timeline.days if first < day <= last}
    for day in sorted({first, last} | turns | {turn - timedelta(days=1) for turn in turns}):
        statuses = statuses_on(compiled, day)
        fills, pending = colour_on(history, day)
        assert fills == fill_digits(statuses, CODES), day
        assert pending == {
            s.iso3: s.takes_effect.isoformat() for s in statuses if s.status is Status.WITHDRAWAL_PENDING
        }, day


def test_the_history_of_the_mine_ban_convention_ends_with_the_2025_withdrawals():
    history = history_payload(compile_timelines(load_dataset(ROOT_DATA["apmbc"])), CODES)
    assert history["changes"][-3:] == ["2025-12-27", "2026-01-10", "2026-02-20"]
    # periods[i] runs from changes[i - 1]: the one before 27 December 2025 has every withdrawal pending.
    before_baltics = history["periods"][history["changes"].index("2025-12-27")]["pending"]
    assert before_baltics == {"EST": "2025-12-27", "LVA": "2025-12-27", "LTU": "2025-12-27", "FIN": "2026-01-10", "POL": "2026-02-20"}
    assert history["periods"][-2]["pending"] == {"POL": "2026-02-20"}
    assert history["periods"][-1]["pending"] == {}


FACT_FIELDS = ("label", "date", "precision", "approximate", "confirmed", "derived_by", "note", "key_date")
SOURCE_FIELDS = ("publisher", "title", "url", "accessed")


def test_the_state_record_sent_to_the_browser_has_each_fact_with_its_flags_and_sources(tmp_path):
    text = mutate(minimal_yaml(), "      date: 1997-12-03\n", "      date: 1997-12-03\n      approximate: true\n")
    text = mutate(text, "    name: Norway\n", "    name: Norway\n    note: an early party\n")
    dataset = load_dataset(write(tmp_path, text))
    sent = details_payload(dataset)
    assert list(sent) == ["LTU", "NOR", "RUS"]
    norway = sent["NOR"]
    assert (norway["name"], norway["note"]) == ("Norway", "an early party")
    monitor = {"publisher": None, "title": "Landmine Monitor Norway", "url": "https://example.org/nor", "accessed": "2026-11-22"}
    assert [tuple(fact[field] for field in FACT_FIELDS) for fact in norway["facts"]] == [
        ("Signed", "1997-12-03", "day", True, True, None, None, True),
        ("Ratified (instrument deposited)", "1998-07-09", "day", False, True, None, None, True),
        ("Entered into force", "1999-03-01", "day", False, True, "Art. 17", "Computed by Art. 17 from the deposit date.", True),
    ]
    assert [[{field: source[field] for field in SOURCE_FIELDS} for source in fact["sources"]] for fact in norway["facts"]] == [
        [monitor], [monitor], []
    ]
    assert (sent["RUS"]["name"], sent["RUS"]["facts"]) == ("Russian Federation", [])
    # Only what the card shows: the event type stays behind (the label says it in words).
    assert {key for fact in norway["facts"] for key in fact} == {
        "label", "date", "precision", "approximate", "confirmed", "derived_by", "note", "why_this_date",
        "key_date", "sources", "alternatives",
    }


def test_the_legend_lists_only_the_statuses_a_treatys_history_shows():
    """No 'suspended' row for the Mine Ban Convention (no suspension clause), no suspension rows at all for
    the Cluster Munitions file, where no state claimed one."""
    listed = {
        treaty: history_payload(compile_timelines(load_dataset(path)), CODES)["statuses"] for treaty, path in ROOT_DATA.items()
    }
    assert listed["apmbc"] == [
        "party", "withdrawal_under_way", "withdrawal_pending", "contested", "suspension_rejected",
        "joined", "signatory", "withdrawn", "not_party", "cannot_join", "not_covered",
    ]
    assert listed["ccm"] == [
        "party", "withdrawal_under_way", "withdrawal_pending", "joined", "signatory", "withdrawn", "not_party", "cannot_join", "not_covered",
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 9, 1), {"remaining": {"LTU": 117}, "takes_effect": {"LTU": "27 December 2025"}}),
        (date(2025, 12, 26), {"remaining": {"LTU": 1}, "takes_effect": {"LTU": "27 December 2025"}}),
        (date(2025, 12, 27), {"remaining": {}, "takes_effect": {}}),
    ],
)
def test_the_countdown_holds_only_pending_withdrawals_with_days_left_and_the_day_written_out(tmp_path, day, expected):
    """The minimal file: Lithuania gives notice on 27 June 2025, effective 27 December 2025; Norway stays a
    party and Russia never joins, so neither has a countdown."""
    statuses = statuses_on(compile_timelines(load_dataset(write(tmp_path, minimal_yaml()))), day)
    assert countdown(statuses) == expected


@pytest.mark.parametrize(
    ("changes", "today", "last"),
    [
        ([date(2025, 6, 27), date(2025, 12, 27), date(2026, 1, 10)], date(2026, 3, 1), date(2027, 1, 10)),
        ([date(2025, 6, 27), date(2025, 12, 27), date(2026, 1, 10)], date(2027, 6, 1), date(2027, 6, 1)),
        ([], date(1990, 1, 1), date(1997, 9, 18)),
        ([], date(2026, 3, 1), date(2026, 3, 1)),
    ],
)
def test_the_timeline_runs_a_year_past_the_last_change_and_at_least_to_today(changes, today, last):
    """Adopted 18 September 1997; a year past 10 January 2026 is 10 January 2027."""
    assert track_last(date(1997, 9, 18), changes, today) == last


def test_a_treaty_whose_states_never_changed_has_one_period_and_no_change_dates():
    """A new treaty file with one state and no events yet: Russia not a party, a shape with no entry not covered."""
    never = StateHistory("RUS", "Russian Federation", (), ())
    assert history_payload((never,), ("RUS", "NOR")) == {
        "changes": [],
        "periods": [{"fills": "9c", "pending": {}}],  # not a party: the tenth row; not covered: the thirteenth
        "statuses": ["not_party", "not_covered"],
        "stops": {region: [] for region in ("world", "europe", "nordic-baltic", "africa", "americas", "asia-pacific", "middle-east")},
    }


def stop_dates(history: dict, region: str) -> list[str]:
    """What the browser reads (timeline_controller.js regionStops): the region's changes as dates."""
    return [history["changes"][index] for index in history["stops"][region]]


def test_the_timeline_stops_at_the_changes_of_the_shown_regions_states():
    """The Mine Ban Convention in 2025-26: the Baltic, Finnish and Polish withdrawals and Ukraine in Europe;
    the Marshall Islands (1 September 2025) and Tonga (1 December 2025) joining in the Asia–Pacific."""
    history = history_payload(compile_timelines(load_dataset(ROOT_DATA["apmbc"])), CODES)
    recent = {region: [day for day in stop_dates(history, region) if day >= "2025-07-01"] for region in history["stops"]}
    assert recent["europe"] == ["2025-07-10", "2025-07-18", "2025-08-20", "2025-12-05", "2025-12-27", "2026-01-10", "2026-02-20"]
    assert recent["nordic-baltic"] == ["2025-07-10", "2025-12-27", "2026-01-10"]
    assert recent["asia-pacific"] == ["2025-09-01", "2025-12-01"]
    assert recent["world"] == ["2025-07-10", "2025-07-18", "2025-08-20", "2025-09-01", "2025-12-01", "2025-12-05", "2025-12-27",
                               "2026-01-10", "2026-02-20"]
    assert recent["africa"] == recent["americas"] == recent["middle-east"] == []
    assert stop_dates(history, "world") == history["changes"]  # the world stops at every change
    assert "1999-03-01" in stop_dates(history, "americas")  # in force for Canada, Mexico, ... on 1 March 1999


def test_a_territory_counts_with_its_sovereign_not_where_it_lies():
    """The United Kingdom extended the Mine Ban Convention to its Overseas Territories on 4 December 2001 (the
    Falklands, the Caribbean and Atlantic ones): a change in Europe, the UK's region; not in the Americas."""
    dataset = load_dataset(ROOT_DATA["apmbc"])
    geometry = load_countries()
    history = history_payload(compile_timelines(dataset), CODES, dependencies(dataset, sovereigns(geometry)))
    assert "2001-12-04" in stop_dates(history, "europe")
    assert "2001-12-04" not in stop_dates(history, "americas")
    assert "2001-12-04" in stop_dates(history, "world")


NORWAY = "  - iso3: NOR\n    name: Norway\n"
# Norway excludes Svalbard by a declaration (no date) and extends the treaty to Bouvet Island from 4 May 2010.
NORWAYS_RECORDS = (
    "    territories:\n"
    "    - {code: SJM, name: Svalbard and Jan Mayen, applies: false, sources: [monitor-nor], note: declaration on ratification}\n"
    "    - {code: BVT, name: Bouvet Island, applies: true, from: 2010-05-04, sources: [monitor-nor]}\n"
)
MONITOR_NOR = {
    "kind": "monitor", "kind_label": "Monitor", "publisher": None, "title": "Landmine Monitor Norway",
    "url": "https://example.org/nor", "citation": None, "accessed": "2026-11-22",
}


def test_the_fill_of_a_territory_extended_to_follows_the_day_asked_for(tmp_path):
    """Bouvet Island is Norway's colour (party) from the day the extension reaches it, not-applied the day before."""
    dataset = load_dataset(write(tmp_path, mutate(minimal_yaml(), NORWAY, NORWAY + NORWAYS_RECORDS)))
    shapes = ("LTU", "NOR", "RUS", "BVT")
    compiled = compile_timelines(dataset)
    for day, expected in ((date(2010, 5, 3), "009b"), (date(2010, 5, 4), "0090")):
        assert fill_digits(statuses_on(compiled, day), shapes, dependencies(dataset), day) == expected, day


def test_the_territory_record_sent_to_the_browser_is_whole_and_only_for_drawn_territories_of_dataset_states(tmp_path):
    """Gibraltar's sovereign is not in the file and the French Southern Lands are not drawn: neither has a
    record (and they come first, so the drawn ones after them still get theirs). A shape without a name
    takes the record's name, or its code when there is no record."""
    dataset = load_dataset(write(tmp_path, mutate(minimal_yaml(), NORWAY, NORWAY + NORWAYS_RECORDS)))
    geometry = {"GIB": "GBR", "ATF": "NOR", "HMD": "NOR"}
    shape_names = {"GIB": "Gibraltar", "HMD": "", "SJM": "Svalbard (map)", "BVT": ""}
    sent = details_payload(dataset, dependencies(dataset, geometry), shape_names)
    assert {code: sent[code] for code in sent if code not in ("LTU", "NOR", "RUS")} == {
        "HMD": {
            "name": "HMD",
            "note": "Territory of Norway — follows its status (the dataset records no exclusion or extension).",
            "territory_of": "NOR",
            "facts": [],
            "source_count": 0,
        },
        "SJM": {
            "name": "Svalbard (map)",
            "note": "Territory of Norway — the treaty does not apply (excluded): declaration on ratification",
            "territory_of": "NOR",
            "facts": [{
                "label": "Treaty excluded from it", "date": "", "precision": "day", "approximate": False, "confirmed": True,
                "derived_by": None, "note": "declaration on ratification", "key_date": False, "why_this_date": None,
                "alternatives": [], "sources": [MONITOR_NOR],
            }],
            "source_count": 1,
        },
        "BVT": {
            "name": "Bouvet Island",
            "note": "Territory of Norway — the treaty applies from 4 May 2010 (extension).",
            "territory_of": "NOR",
            "facts": [{
                "label": "Treaty extended to it", "date": "2010-05-04", "precision": "day", "approximate": False, "confirmed": True,
                "derived_by": None, "note": None, "key_date": True, "why_this_date": None,
                "alternatives": [], "sources": [MONITOR_NOR],
            }],
            "source_count": 1,
        },
    }


TAIWAN_EXPLAINED = (
    "The treaty is open to all States, and its depositary, the UN Secretary-General, accepts instruments only "
    "from States recognised in UN practice (UN members, and a few others such as the Holy See, Palestine, the "
    "Cook Islands and Niue). Taiwan is not among them: it cannot sign or join, whatever its policy on the weapons."
)


def test_an_entity_that_cannot_join_is_explained_whether_drawn_only_or_in_the_file(tmp_path):
    """Taiwan drawn but not in the file: the explanation alone. Kosovo in the file with a note of its own:
    the explanation, then its note. Western Sahara, not drawn and not in the file: no record."""
    text = mutate(
        minimal_yaml(), "  - iso3: RUS\n",
        "  - iso3: XKX\n    name: Kosovo\n    note: Declared itself bound unilaterally.\n    sources: [monitor-rus]\n  - iso3: RUS\n",
    )
    sent = details_payload(load_dataset(write(tmp_path, text)), shape_names={"TWN": "Taiwan", "XKX": "Kosovo"})
    assert sent["TWN"] == {"name": "Taiwan", "note": TAIWAN_EXPLAINED, "facts": [], "source_count": 0}
    assert sent["XKX"]["note"] == TAIWAN_EXPLAINED.replace("Taiwan", "Kosovo") + " Declared itself bound unilaterally."
    assert "ESH" not in sent


def test_the_history_colours_a_territory_extended_to_from_the_day_the_extension_starts(tmp_path):
    """The browser's history, like the day's fills: Bouvet Island not-applied until 3 May 2010, Norway's party colour from 4 May."""
    dataset = load_dataset(write(tmp_path, mutate(minimal_yaml(), NORWAY, NORWAY + NORWAYS_RECORDS)))
    history = history_payload(compile_timelines(dataset), ("LTU", "NOR", "RUS", "BVT"), dependencies(dataset))
    assert "2010-05-04" in history["changes"]
    assert colour_on(history, date(2010, 5, 3)) == ("009b", {})
    assert colour_on(history, date(2010, 5, 4)) == ("0090", {})
