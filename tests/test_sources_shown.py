"""Sources as a briefer sees them: every source of a date, strongest first with its kind, in the hover
card's content, the State record, the CSV and the export caption; both dates where sources differ."""
from datetime import date

import pytest

from components.state_panel import facts_frame, markdown_link_target, record_blocks
from components.status_table import status_frame
from render.captions import attribution_line, sources_line
from render.payload import details_payload
from treaty.loader import load_dataset
from treaty.status import statuses_on, compile_timelines
from treaty_fixtures import minimal_yaml, mutate, write

WHY = "The depositary's notification is dated 27 June."
OTHER_NOTE = "A press report dated the deposit a day early."

# Lithuania's deposit: press recorded before the depositary, and a press report giving another date.
# Norway's ratification: the Monitor recorded before an official gazette that has a citation, no URL.
SOURCES_DIFFER = mutate(
    mutate(
        mutate(
            minimal_yaml(),
            "      sources: [news-ltu, depositary-ltu]\n",
            "      sources: [news-ltu, depositary-ltu]\n"
            f"      alternatives:\n      - date: 2025-06-26\n        sources: [news-ltu]\n        note: {OTHER_NOTE}\n"
            f"      why_this_date: {WHY}\n",
        ),
        "      date: 1998-07-09\n      confirmed: true\n      sources: [monitor-nor]",
        "      date: 1998-07-09\n      confirmed: true\n      sources: [monitor-nor, gazette-nor]",
    ),
    "  monitor-nor:\n",
    "  gazette-nor:\n    kind: official\n    publisher: Norwegian treaty series\n    title: Ratification of the Convention\n"
    "    citation: Treaty series 1998 no. 12\n    accessed: 2026-11-22\n  monitor-nor:\n",
)

DEPOSITARY_LTU = {
    "kind": "depositary",
    "kind_label": "UN depositary",
    "publisher": "Secretary-General of the United Nations",
    "title": "Lithuania notification of withdrawal",
    "url": "https://example.org/depositary-ltu",
    "citation": None,
    "accessed": "2026-11-22",
}
NEWS_LTU = {
    "kind": "press",
    "kind_label": "press",
    "publisher": None,
    "title": "Lithuania leaves the Convention",
    "url": "https://example.org/ltu",
    "citation": None,
    "accessed": "2026-11-22",
}


@pytest.fixture
def dataset(tmp_path):
    return load_dataset(write(tmp_path, SOURCES_DIFFER))


def _fact(details: dict, iso3: str, label: str) -> dict:
    return next(fact for fact in details[iso3]["facts"] if fact["label"] == label)


def test_the_card_gets_every_source_of_a_date_strongest_first_with_its_kind(dataset):
    deposit = _fact(details_payload(dataset), "LTU", "Instrument of withdrawal deposited")
    assert deposit["sources"] == [DEPOSITARY_LTU, NEWS_LTU]
    ratification = _fact(details_payload(dataset), "NOR", "Ratified (instrument deposited)")
    assert [(s["kind_label"], s["publisher"], s["url"], s["citation"]) for s in ratification["sources"]] == [
        ("official", "Norwegian treaty series", None, "Treaty series 1998 no. 12"),
        ("Monitor", None, "https://example.org/nor", None),
    ]


def test_the_card_gets_the_other_date_its_sources_and_why_this_date_is_shown(dataset):
    deposit = _fact(details_payload(dataset), "LTU", "Instrument of withdrawal deposited")
    assert deposit["date"] == "2025-06-27"
    assert deposit["alternatives"] == [{"date": "2025-06-26", "note": OTHER_NOTE, "sources": [NEWS_LTU]}]
    assert deposit["why_this_date"] == WHY
    effective = _fact(details_payload(dataset), "LTU", "Withdrawal takes effect")
    assert (effective["alternatives"], effective["why_this_date"]) == ([], None)


def test_the_card_counts_the_sources_the_record_lists(dataset):
    details = details_payload(dataset)
    assert {iso3: details[iso3]["source_count"] for iso3 in details} == {"LTU": 3, "NOR": 2, "RUS": 0}


def test_the_state_record_lists_every_source_strongest_first_with_kind_and_link_or_citation(dataset):
    frame = facts_frame(dataset, "NOR")
    assert frame[["Date", "Event", "Note", "Kind", "Source", "Link"]].values.tolist() == [
        ["1997-12-03", "Signed", "", "Monitor", "Landmine Monitor Norway", "https://example.org/nor"],
        ["1998-07-09", "Ratified (instrument deposited)", "", "official", "Norwegian treaty series — Treaty series 1998 no. 12", None],
        ["1998-07-09", "Ratified (instrument deposited)", "", "Monitor", "Landmine Monitor Norway", "https://example.org/nor"],
        ["1999-03-01", "Entered into force", "Computed by Art. 17 from the deposit date.", "", "", None],
    ]


def test_where_sources_differ_the_record_shows_both_dates_their_sources_and_why(dataset):
    frame = facts_frame(dataset, "LTU")
    deposit = frame[frame["Event"].str.startswith("Instrument of withdrawal deposited")]
    assert deposit[["Date", "Event", "Flags", "Note", "Kind", "Source", "Link"]].values.tolist() == [
        ["2025-06-27", "Instrument of withdrawal deposited", "sources differ", f"Date shown: {WHY}", "UN depositary",
         "Secretary-General of the United Nations", "https://example.org/depositary-ltu"],
        ["2025-06-27", "Instrument of withdrawal deposited", "sources differ", "", "press", "Lithuania leaves the Convention", "https://example.org/ltu"],
        ["2025-06-26", "Instrument of withdrawal deposited (other sources' date)", "sources differ", OTHER_NOTE, "press",
         "Lithuania leaves the Convention", "https://example.org/ltu"],
    ]
    assert "sources differ" not in set(frame[frame["Event"] == "Withdrawal takes effect"]["Flags"])


def test_the_csv_lists_key_date_sources_strongest_first_with_kind_and_citation(dataset):
    day = date(2025, 12, 27)
    rows = status_frame(dataset, statuses_on(compile_timelines(dataset), day), day).set_index("iso3")["sources"]
    assert rows["LTU"] == (
        "Secretary-General of the United Nations [UN depositary]: https://example.org/depositary-ltu"
        " | Landmine Monitor 2003 Lithuania [Monitor]: http://archives.the-monitor.org/lithuania.html"
        " | Lithuania leaves the Convention [press]: https://example.org/ltu"
    )
    assert rows["NOR"] == (
        "Norwegian treaty series [official]: Treaty series 1998 no. 12 | Landmine Monitor Norway [Monitor]: https://example.org/nor"
    )


def test_the_export_caption_names_the_strongest_publishers_first_with_their_kind(dataset):
    assert sources_line(dataset) == (
        "Key sources: Secretary-General of the United Nations (UN depositary), Norwegian treaty series (official), "
        "Landmine Monitor 2003 Lithuania (Monitor). All 7 sources, date by date: Treaty Map, “Sources and method” tab, "
        "or data/apmbc.yaml"
    )


def test_the_record_shows_every_source_with_its_link_or_citation_and_never_none(dataset):
    [signed, ratified, in_force] = record_blocks(dataset, "NOR")
    assert signed == "**3 December 1997** — Signed\n\n- Monitor: [Landmine Monitor Norway](<https://example.org/nor>)"
    assert ratified == (
        "**9 July 1998** — Ratified (instrument deposited)\n\n"
        "- official: Norwegian treaty series — Ratification of the Convention — Treaty series 1998 no. 12\n"
        "- Monitor: [Landmine Monitor Norway](<https://example.org/nor>)"
    )
    assert in_force == "**1 March 1999** — Entered into force · *computed by Art. 17*\n\nComputed by Art. 17 from the deposit date."


def test_the_record_shows_the_other_date_under_the_shown_one_each_with_its_sources(dataset):
    deposit = next(block for block in record_blocks(dataset, "LTU") if "Instrument of withdrawal deposited" in block)
    assert deposit == (
        "**27 June 2025** — Instrument of withdrawal deposited · *sources differ*\n\n"
        "Date shown\\: The depositary's notification is dated 27 June.\n\n"
        "- UN depositary: [Secretary-General of the United Nations — Lithuania notification of withdrawal](<https://example.org/depositary-ltu>)\n"
        "- press: [Lithuania leaves the Convention](<https://example.org/ltu>)\n\n"
        "Other sources' date: **26 June 2025** — A press report dated the deposit a day early.\n\n"
        "- press: [Lithuania leaves the Convention](<https://example.org/ltu>)"
    )


def test_a_month_only_date_comes_after_the_days_of_that_month_and_before_the_next(tmp_path):
    # The President signs some day in May 2025 after the vote of 8 May: file order, and true order.
    steps = (
        "    - type: parliament_vote\n      date: 2025-05-08\n      confirmed: true\n      sources: [news-ltu]\n"
        "    - type: head_of_state_signature\n      date: 2025-05\n      confirmed: false\n      sources: [news-ltu]\n"
    )
    text = mutate(minimal_yaml(), "    - type: withdrawal_deposited\n", steps + "    - type: withdrawal_deposited\n")
    heads = [block.split("\n")[0] for block in record_blocks(load_dataset(write(tmp_path, text)), "LTU")]
    assert heads[2:5] == [
        "**8 May 2025** — Parliament vote",
        "**May 2025** — Head of state signed · *known to the month, unconfirmed*",
        "**27 June 2025** — Instrument of withdrawal deposited",
    ]


def test_a_link_with_parentheses_or_spaces_stays_one_markdown_link():
    assert markdown_link_target("https://example.org/a (b)<c>") == "<https://example.org/a%20%28b%29%3Cc%3E>"


@pytest.mark.parametrize(
    ("metadata", "line"),
    [
        ({"attribution": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com", "point_of_view": "Germany (DEU)"},
         "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. Borders: point of view of Germany (DEU)"),
        ({"attribution": "Made with Natural Earth, 1:50m"}, "Made with Natural Earth, 1:50m"),
        ({}, "Made with Natural Earth"),
    ],
)
def test_the_attribution_is_the_geometry_files_own_credit_and_point_of_view(metadata, line):
    assert attribution_line(metadata) == line


def test_the_key_sources_are_the_strongest_kinds_first_then_the_most_cited(tmp_path):
    """The minimal file with Lithuania's entry into force resting on the depositary: the Monitor's Norway
    report (cited twice) comes before its Lithuania report (cited once)."""
    text = mutate(minimal_yaml(), "      date: 2003-11-01\n      confirmed: true\n      sources: [monitor-ltu]",
                  "      date: 2003-11-01\n      confirmed: true\n      sources: [depositary-ltu]")
    assert sources_line(load_dataset(write(tmp_path, text))) == (
        "Key sources: Secretary-General of the United Nations (UN depositary), Landmine Monitor Norway (Monitor), "
        "Landmine Monitor 2003 Lithuania (Monitor). All 6 sources, date by date: Treaty Map, “Sources and method” tab, "
        "or data/apmbc.yaml"
    )
