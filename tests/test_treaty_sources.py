"""The rules for sources a briefer can defend: each broken on the small fixture, reported at its place."""
from typing import NamedTuple

import pytest

from components.treaty_choice import treaty_files
from treaty.__main__ import main
from treaty.loader import BARRED_SOURCES_FILE, load_dataset, read_dataset
from treaty.model import BarredDomain, SourceKind
from treaty.source_report import source_report
from treaty.summary import dataset_summary
from treaty_fixtures import REPO, assert_problem, line_of, minimal_yaml, mutate, only_problem, write

BASE = minimal_yaml()
NORWAY_RATIFICATION = "      date: 1998-07-09\n      confirmed: true\n"


class Broken(NamedTuple):
    text: str
    message: str
    line_at: str  # text on the line the problem must point to
    state: str | None
    event: str | None
    field: str


def _ratification_with(extra: str) -> str:
    """The fixture with `extra` (indented keys) added to Norway's ratification."""
    return mutate(BASE, NORWAY_RATIFICATION, NORWAY_RATIFICATION + extra)


RULES = {
    "binding date resting on press alone": Broken(
        mutate(BASE, "sources: [depositary-ltu]", "sources: [news-ltu]"),
        "needs at least one depositary, official or monitor source; it cites only press",
        "sources: [news-ltu]",
        "LTU",
        "4 (withdrawal_effective)",
        "sources",
    ),
    "deposit resting on press and other": Broken(
        mutate(
            mutate(BASE, NORWAY_RATIFICATION + "      sources: [monitor-nor]", NORWAY_RATIFICATION + "      sources: [blog-nor, news-ltu]"),
            "  monitor-rus:\n",
            "  blog-nor:\n    kind: other\n    title: A blog\n    url: https://example.org/blog\n    accessed: 2026-11-22\n  monitor-rus:\n",
        ),
        "needs at least one depositary, official or monitor source; it cites only press, other",
        "sources: [blog-nor, news-ltu]",
        "NOR",
        "2 (ratification)",
        "sources",
    ),
    "publisher marked as an aggregator": Broken(
        mutate(BASE, "  news-ltu:\n    kind: press\n", "  news-ltu:\n    kind: press\n    publisher: lt.example.org (aggregator)\n"),
        "the publisher is marked '(aggregator)': an aggregator is never a source, cite the original publication",
        "publisher: lt.example.org (aggregator)",
        None,
        None,
        "sources.news-ltu.publisher",
    ),
    "placeholder source title": Broken(
        mutate(BASE, "title: Lithuania leaves the Convention", "title: News item of 23 Apr 2025 (headline not recorded)"),
        "'headline not recorded' is placeholder text: write what the source says, or leave the field out",
        "(headline not recorded)",
        None,
        None,
        "sources.news-ltu.title",
    ),
    "placeholder source note": Broken(
        mutate(BASE, "    title: Landmine Monitor Norway\n", "    title: Landmine Monitor Norway\n    note: Lorem ipsum dolor\n"),
        "'Lorem' is placeholder text",
        "note: Lorem ipsum",
        None,
        None,
        "sources.monitor-nor.note",
    ),
    "placeholder event note": Broken(
        _ratification_with("      note: Deposited in New York (this is seed text 2).\n"),
        "'(this is' is placeholder text",
        "note: Deposited in New York",
        "NOR",
        "2 (ratification)",
        "note",
    ),
    "placeholder state note": Broken(
        mutate(BASE, "    name: Norway\n", "    name: Norway\n    note: TODO check the Storting vote\n"),
        "'TODO' is placeholder text",
        "note: TODO",
        "NOR",
        None,
        "note",
    ),
    "alternatives without why_this_date": Broken(
        _ratification_with("      alternatives:\n      - date: 1998-07-08\n        sources: [monitor-nor]\n"),
        "alternative dates need 'why_this_date': say why the date shown is the one to trust",
        "alternatives:",
        "NOR",
        "2 (ratification)",
        "alternatives",
    ),
    "alternative citing an undefined source": Broken(
        _ratification_with("      alternatives:\n      - date: 1998-07-08\n        sources: [nope]\n      why_this_date: The depositary's date.\n"),
        "cites source 'nope', which the file's sources do not define",
        "sources: [nope]",
        "NOR",
        "2 (ratification)",
        "alternatives.0.sources",
    ),
    "alternative with the event's own date": Broken(
        _ratification_with("      alternatives:\n      - date: 1998-07-09\n        sources: [unoda]\n      why_this_date: The depositary's date.\n"),
        "1998-07-09 is the event's own date: an alternative is a date other sources give",
        "- date: 1998-07-09",
        "NOR",
        "2 (ratification)",
        "alternatives.0.date",
    ),
    "placeholder in an alternative's note": Broken(
        _ratification_with(
            "      alternatives:\n      - date: 1998-07-08\n        sources: [unoda]\n        note: placeholder\n      why_this_date: The depositary's date.\n"
        ),
        "'placeholder' is placeholder text",
        "note: placeholder",
        "NOR",
        "2 (ratification)",
        "alternatives.0.note",
    ),
}


@pytest.mark.parametrize("case", RULES.values(), ids=RULES.keys())
def test_each_source_rule_is_reported_with_its_file_line_state_event_and_field(tmp_path, case):
    path = write(tmp_path, case.text)
    assert_problem(
        only_problem(path),
        path,
        message=case.message,
        line=line_of(case.text, case.line_at),
        state=case.state,
        event=case.event,
        field=case.field,
    )


def test_a_domain_on_the_barred_list_beside_the_dataset_is_an_error_for_it_and_its_subdomains(tmp_path):
    write(tmp_path, "domains:\n  - domain: relay.example\n    reason: copies other sites\n    source: a test list\n", BARRED_SOURCES_FILE)
    text = mutate(BASE, "url: https://example.org/ltu", "url: https://lt.relay.example/2025/06/27/item")
    path = write(tmp_path, text)
    assert_problem(
        only_problem(path),
        path,
        message="relay.example is on the barred list (copies other sites): cite the original publication instead",
        line=line_of(text, "url: https://lt.relay.example"),
        field="sources.news-ltu.url",
    )


def test_without_a_list_beside_it_a_dataset_is_checked_against_the_projects_list(tmp_path):
    text = mutate(BASE, "url: https://example.org/ltu", "url: https://lithuania.news-pravda.com/world/2025/06/27/1.html")
    problem = only_problem(write(tmp_path, text))
    assert problem.message.startswith("news-pravda.com is on the barred list (")
    assert problem.field == "sources.news-ltu.url"


@pytest.mark.parametrize(
    ("url", "barred"),
    [
        ("https://news-pravda.com/", True),
        ("https://lithuania.news-pravda.com/x", True),
        ("https://LT.News-Pravda.com/x", True),
        ("https://lt.news-pravda.com./x", True),  # the fully qualified name, with its final dot
        ("https://notnews-pravda.com/x", False),
        ("https://news-pravda.com.example.org/x", False),
        ("https://example.org/news-pravda.com", False),
    ],
)
def test_a_barred_domain_bars_itself_and_its_subdomains_only(url, barred):
    entry = BarredDomain(domain="news-pravda.com", reason="relay", source="list")
    assert entry.bars(url) is barred


def test_a_broken_barred_list_is_reported_with_its_own_file_and_line(tmp_path):
    barred = write(tmp_path, "domains:\n  - domain: News Pravda\n    reason: relay\n    source: list\n", BARRED_SOURCES_FILE)
    problem = only_problem(write(tmp_path, BASE))
    assert (problem.file, problem.line, problem.field) == (str(barred), 2, "domains.0.domain")


@pytest.mark.parametrize("text", ["Todo el mundo conoce el tratado", "Seedtext-free title", "Ratification (thisis approved)"])
def test_words_that_only_look_like_placeholders_are_accepted(tmp_path, text):
    dataset = load_dataset(write(tmp_path, mutate(BASE, "title: Lithuania leaves the Convention", f"title: {text}")))
    assert dataset.sources["news-ltu"].title == text


def test_a_source_with_neither_url_nor_citation_is_a_warning_in_the_summary_not_an_error(tmp_path, capsys):
    assert main(["validate", str(write(tmp_path, BASE))]) == 0
    out = capsys.readouterr().out
    assert "  warning: sources with neither url nor citation: 1\n    - monitor-rus\n" in out


def test_a_citation_stands_in_for_a_missing_url(tmp_path, capsys):
    text = mutate(BASE, "    title: Landmine Monitor Russia\n", "    title: Landmine Monitor Russia\n    citation: Landmine Monitor Report 2003, p. 712\n")
    assert main(["validate", str(write(tmp_path, text))]) == 0
    assert "  warning: sources with neither url nor citation: 0\n" in capsys.readouterr().out


def test_source_kinds_are_labelled_and_ranked_strongest_first():
    assert [(kind.label, kind.rank) for kind in SourceKind] == [
        ("UN depositary", 0),
        ("official", 1),
        ("Monitor", 2),
        ("press", 3),
        ("other", 4),
    ]


def test_the_barred_list_beside_the_datasets_is_not_offered_as_a_treaty():
    assert list(treaty_files(REPO / "data")) == ["apmbc", "ccm"]


def test_the_source_report_counts_a_source_cited_only_by_an_alternative_date_and_reads_on_past_an_event_with_no_known_source(tmp_path):
    """Norway's ratification gives an alternative date from a source cited nowhere else: it is cited.
    Lithuania's ratification cites only an undefined source (a problem of its own); the state's next key
    date, its entry into force resting on press alone, must still be listed."""
    text = _ratification_with(
        "      alternatives:\n      - date: 1998-07-08\n        sources: [depositary-nor]\n      why_this_date: The Monitor's date.\n"
    )
    text = mutate(text, "      date: 2003-05-12\n      confirmed: true\n      sources: [monitor-ltu]",
                  "      date: 2003-05-12\n      confirmed: true\n      sources: [nowhere]")
    text = mutate(text, "      date: 2003-11-01\n      confirmed: true\n      sources: [monitor-ltu]",
                  "      date: 2003-11-01\n      confirmed: true\n      sources: [news-ltu]")
    text = mutate(text, "  monitor-nor:\n",
                  "  depositary-nor:\n    kind: depositary\n    title: Norway ratification\n    url: https://example.org/depositary-nor\n"
                  "    accessed: 2026-11-22\n  monitor-nor:\n")
    dataset, problems = read_dataset(write(tmp_path, text))
    assert [problem.message for problem in problems] == [
        "cites source 'nowhere', which the file's sources do not define",
        "needs at least one depositary, official or monitor source; it cites only press",
    ]
    report = source_report(dataset, ())
    weak = report.index("key dates whose best source is press or other: 1")
    assert report[weak + 1] == "  - LTU entry_into_force 2003-11-01: best is press (news-ltu)"
    assert report[report.index("sources never cited: 1") + 1] == "  - monitor-ltu"


def _report_fixture(tmp_path):
    """The fixture with one of each thing the source report lists: Norway's ratification resting on press and
    a gazette cited without a url, its signature known only to the month (unconfirmed), a barred site, an aggregator's
    publisher, one url under two ids, and a source no event cites."""
    text = mutate(BASE, "      date: 1997-12-03\n      confirmed: true\n      sources: [monitor-nor]",
                  "      date: 1997-12\n      confirmed: false\n      sources: [monitor-nor, copy-nor, farm-nor, relay-nor]")
    text = mutate(text, "      date: 1998-07-09\n      confirmed: true\n      sources: [monitor-nor]",
                  "      date: 1998-07-09\n      confirmed: true\n      sources: [gazette-nor, news-nor]")
    text = text.rstrip("\n") + "\n" + (
        "  news-nor:\n    kind: press\n    title: Norway signs\n    url: https://example.org/news-nor\n    accessed: 2026-11-22\n"
        "  gazette-nor:\n    kind: other\n    title: Norway gazette\n    citation: Norsk Lovtidend 1998 no. 12\n    accessed: 2026-11-22\n"
        "  copy-nor:\n    kind: monitor\n    title: Landmine Monitor Norway (again)\n    url: https://example.org/nor\n    accessed: 2026-11-22\n"
        "  farm-nor:\n    kind: press\n    title: Norway\n    url: https://lt.news-farm.example/nor\n    accessed: 2026-11-22\n"
        "  relay-nor:\n    kind: press\n    publisher: Relay (aggregator)\n    title: Norway\n    url: https://relay.example/nor\n    accessed: 2026-11-22\n"
        "  unread:\n    kind: press\n    title: Never cited\n    url: https://example.org/unread\n    accessed: 2026-11-22\n"
    )
    dataset, _problems = read_dataset(write(tmp_path, text))  # the barred and aggregator sources are problems too
    return dataset


def test_the_source_report_lists_each_section_with_its_count_and_items(tmp_path):
    farm = BarredDomain(domain="news-farm.example", reason="a content farm", source="a test")
    assert source_report(_report_fixture(tmp_path), (farm,)) == [
        "treaty: Mine Ban Convention (apmbc), data as of 2026-11-22",
        "sources: 12 (UN depositary 1, official 1, Monitor 4, press 5, other 1)",
        "key dates whose best source is press or other: 1",
        "  - NOR ratification 1998-07-09: best is press (news-nor)",
        "sources without a url: 2 (1 with a citation)",
        "  of them with neither url nor citation: 1",
        "    - monitor-rus",
        "barred sources: 2",
        "  - farm-nor: https://lt.news-farm.example/nor (barred: news-farm.example)",
        "  - relay-nor: publisher 'Relay (aggregator)'",
        "duplicate sources (one url under several ids): 1",
        "  - https://example.org/nor: monitor-nor, copy-nor",
        "sources never cited: 1",
        "  - unread",
    ]


def test_the_dataset_summary_counts_states_events_changes_and_what_is_unconfirmed(tmp_path):
    assert dataset_summary(_report_fixture(tmp_path)) == [
        "treaty: Mine Ban Convention (apmbc), data as of 2026-11-22",
        "states: 3",
        "events: 6, citing 12 sources",
        # Norway's signature (1997-12, counted from the month's last day), Lithuania's two key dates and
        # its withdrawal (deposit, effect), Norway's ratification and its entry into force on 1 March 1999.
        "status changes: 7 dates, 1997-12-31 to 2025-12-27",
        "dates not to the day or approximate: 1",
        "unconfirmed dates: 1",
        "  - NOR signature 1997-12",
        "warning: sources with neither url nor citation: 1",
        "  - monitor-rus",
    ]


def test_the_summary_of_a_file_with_no_status_change_says_so(tmp_path):
    states = BASE[BASE.index("states:\n"):BASE.index("\nsources:\n")]
    only_russia = "states:\n  - iso3: RUS\n    name: Russian Federation\n    sources: [monitor-rus]\n    events: []\n"
    dataset, _problems = read_dataset(write(tmp_path, mutate(BASE, states, only_russia)))  # unused sources are problems
    assert "status changes: none" in dataset_summary(dataset)
