"""The page as Streamlit runs it (AppTest), in a briefer's terms: open a link, move the date on the
map's timeline, switch treaty, read the table and its CSV, open the withdrawal timeline, survive a broken dataset,
present on a projector.

AppTest cannot run the map component's script (tests/browser does: its timeline buttons, keys and
slider); here the component's messages to the server are sent as the browser sends them. Every test
names its date in the link; the tests about "today" compute today here, so nothing depends on the day the suite runs.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.status_table import csv_bytes, status_frame
from tests.app_page import click_on_map, map_arguments, move_on_timeline, open_page, open_script, shown_date, tell_from_map
from components.withdrawal_chart import chart_spec
from treaty.statuses import LABELS
from treaty.loader import load_dataset
from treaty.model import EventType
from treaty.status import statuses_on, compile_timelines

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# The 2025 withdrawals from the Mine Ban Convention (README): deposit with the UN -> takes effect.
WITHDRAWALS_2025 = {
    "LTU": (date(2025, 6, 27), date(2025, 12, 27)),
    "LVA": (date(2025, 6, 27), date(2025, 12, 27)),
    "EST": (date(2025, 6, 27), date(2025, 12, 27)),
    "FIN": (date(2025, 7, 10), date(2026, 1, 10)),
    "POL": (date(2025, 8, 20), date(2026, 2, 20)),
}


# ---- what a test does on the page, in the user's terms -------------------------------------------

def sentence(page: AppTest) -> str:
    """The sentence above the map: what happens on the chosen date."""
    lines = [m.value.lstrip("# ").strip() for m in page.markdown]
    return next(line for line in lines if line.startswith("On "))


def treaty_selector(page: AppTest):
    return next(group for group in page.get("button_group") if group.key == "treaty")


def choose_treaty(page: AppTest, treaty_id: str) -> AppTest:
    treaty_selector(page).set_value(treaty_id).run()
    assert not page.exception, [e.value for e in page.exception]
    return page


def tab(page: AppTest, label: str):
    return next(t for t in page.tabs if t.label == label)


def warnings(page: AppTest) -> list[str]:
    return [w.value for w in page.warning]


def headline(page: AppTest) -> str | None:
    return next((m.value for m in page.markdown if "Who is bound by" in m.value), None)


def all_states_row(page: AppTest, iso3: str) -> dict:
    frame = tab(page, "All states").dataframe[0].value
    rows = frame[frame["Code"] == iso3].to_dict("records")
    assert len(rows) == 1, rows
    return rows[0]


def elements(node):
    """Every element drawn on the page, in tree order (blocks are walked, not returned)."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from elements(child)


# ---- page flow ---------------------------------------------------------------------------------

def test_a_link_to_27_december_2025_says_the_baltic_withdrawals_take_effect():
    page = open_page(date="2025-12-27")
    assert sentence(page).startswith(
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; "
        "Finland's follows in 14 days. "
    )
    assert shown_date(page) == date(2025, 12, 27)
    assert page.query_params["date"] == "2025-12-27"
    assert warnings(page) == []


def test_a_date_chosen_on_the_map_timeline_moves_the_sentence_the_address_and_the_map():
    page = move_on_timeline(open_page(date="2025-12-27"), "2026-01-10")
    assert shown_date(page) == date(2026, 1, 10)
    assert sentence(page).startswith("On 10 January 2026 the withdrawal of Finland takes effect")
    assert page.query_params["date"] == "2026-01-10"
    arguments = map_arguments(page)
    assert arguments["date_label"] == "10 January 2026"
    assert arguments["remaining"] == {"POL": 41}, "Poland's withdrawal takes effect 41 days later"


def test_the_map_timeline_gets_the_treatys_bounds_today_and_its_history_of_colours():
    arguments = map_arguments(open_page(date="2025-12-27"))
    assert arguments["first"] == "1997-09-18", "the Convention was adopted on 18 September 1997"
    assert arguments["last"] == max(date(2027, 2, 20), date.today()).isoformat(), "a year after the last change"
    assert arguments["today"] in {date.today().isoformat(), arguments["last"]}
    history = json.loads((ROOT / "build" / "map_component" / arguments["history_url"]).read_text(encoding="utf-8"))
    assert history["changes"][-3:] == ["2025-12-27", "2026-01-10", "2026-02-20"]
    period = history["periods"][history["changes"].index("2025-12-27") + 1]
    assert period["fills"] == arguments["fills"], "the history colours 27 December 2025 as the server does"
    assert period["pending"] == {"FIN": "2026-01-10", "POL": "2026-02-20"}


@pytest.mark.parametrize(("sent", "shown"), [("1900-01-01", date(1997, 9, 18)), ("2999-12-31", None), ("not a date", date(2025, 12, 27)), (None, date(2025, 12, 27))])
def test_a_date_from_the_map_outside_the_history_is_clamped_and_garbage_is_ignored(sent, shown):
    page = move_on_timeline(open_page(date="2025-12-27"), sent)
    expected = shown or date.fromisoformat(map_arguments(page)["last"])
    assert shown_date(page) == expected
    assert page.query_params["date"] == expected.isoformat()


def test_a_state_clicked_on_the_map_is_selected_and_kept_in_the_address():
    page = click_on_map(open_page(date="2025-12-27"), "LTU")
    assert page.query_params["state"] == "LTU"
    assert map_arguments(page)["selected"] == "LTU"


def test_a_click_is_applied_once_though_later_messages_carry_it_again():
    page = click_on_map(open_page(date="2025-12-27"), "LTU", click_id="c-1")
    page.session_state["selected"] = "FIN"  # as a click on the withdrawal timeline selects, between two messages
    tell_from_map(page, date="2026-01-10", click={"iso3": "LTU", "id": "c-1"})
    assert map_arguments(page)["selected"] == "FIN", "the old click did not take the selection back"
    assert shown_date(page) == date(2026, 1, 10)


def test_a_date_read_from_another_treatys_history_is_not_applied():
    """A key pressed while the other treaty's page was still on screen: the date belongs to that history."""
    page = open_page(date="2025-12-27")
    history = map_arguments(page)["history_url"]
    tell_from_map(page, date="2026-01-10", history="history-0000000000000000.json")
    assert shown_date(page) == date(2025, 12, 27)
    tell_from_map(page, date="2026-01-10", history=history)
    assert shown_date(page) == date(2026, 1, 10)


@pytest.mark.parametrize("message", [{"click": ["LTU"]}, {"click": {"iso3": ["LTU"], "id": "x"}}, {"click": {"iso3": "XXX", "id": "y"}},
                                     {"date": {"year": 2025}}, {"date": 20251227}, {"select": "LTU"}])
def test_a_malformed_message_from_the_map_changes_nothing_and_breaks_nothing(message):
    page = tell_from_map(open_page(date="2025-12-27", state="FIN"), **message)
    assert shown_date(page) == date(2025, 12, 27)
    assert map_arguments(page)["selected"] in {"FIN", None}


def test_a_date_from_the_map_is_applied_once_not_again_on_later_reruns():
    page = move_on_timeline(open_page(date="2025-12-27"), "2000-01-01")
    choose_treaty(page, "ccm")
    assert shown_date(page) == date(2008, 5, 30), "the Cluster Munitions Convention's history starts on its adoption"
    choose_treaty(page, "apmbc")
    assert shown_date(page) == date(2008, 5, 30), "the map's old message did not move the date back to 2000"


def test_without_a_date_in_the_link_the_page_opens_on_today():
    before = date.today()
    page = open_page()
    assert shown_date(page) in {before, date.today()}
    assert warnings(page) == []
    assert page.query_params["date"] == shown_date(page).isoformat()


# ---- bad links ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "says"),
    [("garbage", "is not a date"), ("1900-01-01", "1900-01-01 is outside the treaty's history"), ("2025-02-30", "not a date")],
)
def test_an_unreadable_or_out_of_range_date_falls_back_to_today_with_a_notice(value, says):
    before = date.today()
    page = open_page(date=value)
    assert len(warnings(page)) == 1
    assert value in warnings(page)[0] and says in warnings(page)[0]
    assert "showing today instead" in warnings(page)[0]
    assert shown_date(page) in {before, date.today()}
    assert page.query_params["date"] == shown_date(page).isoformat()


def test_the_notice_about_a_bad_date_goes_once_the_briefer_moves_on():
    page = open_page(date="garbage")
    move_on_timeline(page, "2026-02-20")
    assert warnings(page) == []
    assert shown_date(page) == date(2026, 2, 20)


def test_an_unknown_treaty_falls_back_to_the_mine_ban_convention_with_a_notice():
    page = open_page(date="2025-12-27", treaty="nope")
    assert warnings(page) == ["The link's treaty `nope` is not one of apmbc, ccm: showing Mine Ban Convention."]
    assert treaty_selector(page).value == "apmbc"
    assert "Mine Ban Convention" in headline(page)
    assert page.query_params["treaty"] == "apmbc"
    assert shown_date(page) == date(2025, 12, 27), "the rest of the link still applies"


def test_an_unknown_state_selects_nothing_with_a_notice():
    page = open_page(date="2025-12-27", state="ZZZ")
    assert len(warnings(page)) == 1
    assert "ZZZ" in warnings(page)[0]
    assert [c.value for c in tab(page, "State record").caption] == ["Click a state on the map to see its whole record and sources here."]
    assert "state" not in page.query_params
    assert shown_date(page) == date(2025, 12, 27)


@pytest.mark.parametrize(
    ("parameter", "payload"),
    [
        ("date", "<script>alert('date')</script>"),
        ("treaty", "<img src=x onerror=alert(1)>"),
        ("state", "<svg onload=alert(1)>"),
    ],
)
def test_markup_in_a_link_is_only_ever_quoted_inside_a_notice(parameter, payload):
    link = {"date": "2025-12-27", parameter: payload}
    page = open_page(**link)
    quoted = [w for w in warnings(page) if payload[:20] in w.replace("\\", "")]  # Markdown escapes aside
    assert len(quoted) == 1, warnings(page)
    marker = payload[:8]
    reached = [type(e).__name__ for e in elements(page._tree) if marker in str(e.proto).replace("\\", "")]
    assert reached == ["Warning"], f"the link's markup reached {reached}"


# ---- the link as a saved state -----------------------------------------------------------------

def test_the_address_keeps_the_date_and_treaty_and_a_new_visit_restores_them():
    page = move_on_timeline(open_page(date="2025-12-27"), "2026-01-10")
    choose_treaty(page, "ccm")
    assert "Convention on Cluster Munitions" in headline(page)
    link = {name: page.query_params[name] for name in page.query_params}
    assert link["date"] == "2026-01-10"
    assert link["treaty"] == "ccm"

    again = open_page(**link)
    assert shown_date(again) == date(2026, 1, 10)
    assert treaty_selector(again).value == "ccm"
    assert "Convention on Cluster Munitions" in headline(again)
    assert warnings(again) == []


@pytest.mark.parametrize(
    ("day", "status", "takes_effect"),
    [("2025-03-05", "withdrawal_pending", date(2025, 3, 6)), ("2025-03-06", "withdrawn", None)],
)
def test_lithuania_leaves_the_cluster_munitions_convention_on_6_march_2025(day, status, takes_effect):
    page = open_page(treaty="ccm", date=day, view="All states")
    assert treaty_selector(page).value == "ccm"
    lithuania = all_states_row(page, "LTU")
    assert lithuania["State"] == "Lithuania"
    assert lithuania["Status"] == LABELS[status]
    assert lithuania["Withdrawal takes effect"] == (takes_effect.isoformat() if takes_effect else "")


def test_the_state_record_counts_a_single_day_in_the_singular():
    """BUG: on the eve of a withdrawal the record says 'in 1 days' (the map's tooltip says 'in 1 day')."""
    page = open_page(treaty="ccm", date="2025-03-05", state="LTU")
    record = [m.value for m in tab(page, "State record").markdown]
    assert any("takes effect on 6 March 2025" in line for line in record), record
    assert any("(in 1 day)" in line for line in record), record


# ---- the table's CSV ---------------------------------------------------------------------------

def _csv_rows(dataset, day: date) -> list[dict]:
    statuses = statuses_on(compile_timelines(dataset), day)
    return list(csv.DictReader(io.StringIO(csv_bytes(status_frame(dataset, statuses, day)).decode("utf-8"))))


def _text(value) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("day", [date(2025, 3, 1), date(2025, 12, 27), date(2026, 1, 9)])
def test_the_csv_has_the_engines_status_of_every_state_with_sources_and_the_data_date(day):
    dataset = load_dataset(DATA / "apmbc.yaml")
    expected = statuses_on(compile_timelines(dataset), day)
    rows = _csv_rows(dataset, day)
    assert [row["iso3"] for row in rows] == [s.iso3 for s in expected]
    for row, status in zip(rows, expected):
        assert row["state"] == status.name
        assert row["status"] == LABELS[status.status.value]
        assert row["bound"] == str(status.status.bound)
        assert row["since"] == _text(status.since)
        assert row["since_approximate"] == str(status.since_approximate)
        assert row["withdrawal_takes_effect"] == _text(status.takes_effect)
        assert (int(float(row["days_remaining"])) if row["days_remaining"] else None) == status.days_remaining
        assert row["date"] == day.isoformat()
        assert row["data_as_of"] == dataset.as_of.isoformat()
        if status.since is not None:  # a status that started on a day has an event, and every event a source
            assert row["sources"], f"{status.iso3} has no sources in the CSV"
    by_code = {row["iso3"]: row for row in rows}
    for iso3 in WITHDRAWALS_2025:
        deposit = next(e for e in dataset.state(iso3).events if e.type is EventType.WITHDRAWAL_DEPOSITED)
        for key in deposit.sources:
            source = dataset.sources[key]
            assert (source.url or source.title) in by_code[iso3]["sources"]


def test_the_csv_counts_days_remaining_in_whole_days():
    """BUG: a state with a pending withdrawal gets '14.0' days (the column is float because others have none)."""
    rows = {row["iso3"]: row for row in _csv_rows(load_dataset(DATA / "apmbc.yaml"), date(2025, 12, 27))}
    assert rows["FIN"]["days_remaining"] == "14"
    assert rows["NOR"]["days_remaining"] == ""


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path):
    text = (DATA / "apmbc.yaml").read_text(encoding="utf-8")
    text = text.replace("publisher: Tractatenblad (Netherlands)", "publisher: '=HYPERLINK(\"https://evil.example\",\"open\")'", 1)
    text = text.replace("name: Latvia", "name: '+Latvia'", 1).replace("name: Estonia", "name: '-Estonia'", 1)
    text = text.replace("name: Finland", "name: '@Finland'", 1)
    (tmp_path / "apmbc.yaml").write_text(text, encoding="utf-8")
    rows = {row["iso3"]: row for row in _csv_rows(load_dataset(tmp_path / "apmbc.yaml"), date(2025, 12, 27))}
    assert rows["LTU"]["sources"].startswith("'=HYPERLINK(")
    assert rows["LVA"]["state"] == "'+Latvia"
    assert rows["EST"]["state"] == "'-Estonia"
    assert rows["FIN"]["state"] == "'@Finland"
    assert rows["NOR"]["state"] == "Norway", "ordinary text is left alone"
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row


# ---- the withdrawal timeline -------------------------------------------------------------------

def _bars(spec: dict) -> list[dict]:
    layers = [layer for layer in spec["layer"] if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == "bar"]
    assert len(layers) == 1
    return layers[0]["data"]["values"]


def test_the_timeline_has_one_notice_bar_per_withdrawing_state_from_deposit_to_effect():
    dataset = load_dataset(DATA / "apmbc.yaml")
    compiled = compile_timelines(dataset)
    spec = chart_spec(dataset, compiled, date(2025, 12, 27), date(2025, 12, 27))
    bars = _bars(spec)
    assert Counter(bar["iso3"] for bar in bars) == Counter(list(WITHDRAWALS_2025))
    for bar in bars:
        deposited, takes_effect = WITHDRAWALS_2025[bar["iso3"]]
        assert (bar["from"], bar["to"]) == (deposited.isoformat(), takes_effect.isoformat()), bar
        recorded = [e.date.first for e in dataset.state(bar["iso3"]).events if e.type is EventType.WITHDRAWAL_DEPOSITED]
        assert recorded == [deposited]
    # The bar ends where the map changes colour.
    for iso3, (deposited, takes_effect) in WITHDRAWALS_2025.items():
        status = {s.iso3: s for s in statuses_on(compiled, deposited)}[iso3]
        assert status.status.value == "withdrawal_pending" and status.takes_effect == takes_effect
        assert {s.iso3: s for s in statuses_on(compiled, takes_effect)}[iso3].status.value == "withdrawn"


def test_the_timeline_tab_draws_the_five_notice_bars():
    page = open_page(date="2025-12-27", view="Withdrawal timeline")
    charts = [e for e in elements(tab(page, "Withdrawal timeline")) if getattr(e, "type", None) == "vega_lite_chart"]
    assert len(charts) == 1
    bars = _bars(json.loads(charts[0].proto.spec))
    assert sorted(bar["iso3"] for bar in bars) == sorted(WITHDRAWALS_2025)


def test_the_cluster_munitions_timeline_has_lithuanias_bar_only():
    dataset = load_dataset(DATA / "ccm.yaml")
    bars = _bars(chart_spec(dataset, compile_timelines(dataset), date(2025, 3, 5), date(2025, 3, 5)))
    assert [(bar["iso3"], bar["from"], bar["to"]) for bar in bars] == [("LTU", "2024-09-06", "2025-03-06")]


# ---- a broken dataset --------------------------------------------------------------------------

@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A copy of the data folder the app reads instead of data/ (TREATY_MAP_DATA_DIR)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA.glob("*.yaml"):
        shutil.copyfile(path, folder / path.name)
    monkeypatch.setenv("TREATY_MAP_DATA_DIR", str(folder))
    return folder


def break_a_date(path: Path) -> None:
    """Lithuania's instrument of withdrawal 'deposited' on 31 June, a day that does not exist."""
    text = path.read_text(encoding="utf-8")
    assert "date: 2025-06-27" in text
    path.write_text(text.replace("date: 2025-06-27", "date: 2025-06-31", 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later edit, whatever the clock


def problem_panel(page: AppTest) -> str:
    return "\n".join([e.value for e in page.error] + [c.value for c in page.code])


def test_a_bad_date_in_the_dataset_is_listed_with_file_state_and_field_not_a_traceback(data_dir):
    break_a_date(data_dir / "apmbc.yaml")
    page = open_page(date="2025-12-27")
    assert not page.exception
    panel = problem_panel(page)
    assert "cannot be drawn" in panel
    assert str(data_dir / "apmbc.yaml") in panel
    assert "state LTU" in panel
    assert "field 'date'" in panel
    assert "2025-06-31" in panel
    assert "Traceback" not in panel
    assert not any(m.value.lstrip("# ").startswith("On ") for m in page.markdown), "no map sentence for a broken dataset"


def test_with_the_mine_ban_file_broken_the_cluster_munitions_convention_still_works(data_dir):
    break_a_date(data_dir / "apmbc.yaml")
    page = open_page(date="2025-12-27")
    assert problem_panel(page)
    choose_treaty(page, "ccm")
    assert not page.exception
    assert len(page.error) == 0
    assert "Convention on Cluster Munitions" in headline(page)
    assert sentence(page).startswith("On 27 December 2025")
    assert shown_date(page) == date(2025, 12, 27)
    assert page.query_params["treaty"] == "ccm"


def test_a_file_broken_after_a_good_load_keeps_the_last_good_data_on_screen(data_dir):
    page = open_page(date="2025-12-27")
    assert problem_panel(page) == ""
    break_a_date(data_dir / "apmbc.yaml")
    page = open_page(date="2025-12-27")
    panel = problem_panel(page)
    assert "showing the last version that passed validation" in panel
    assert "state LTU" in panel
    assert sentence(page).startswith("On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect")


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda text: text.replace("as_of: 2026-11-22", "as_of: [2026-11-22", 1), "not valid YAML"),
        (lambda text: text.encode("utf-8").replace("Šakalienė".encode(), b"\x8aakalien\xe9", 1), "cannot be read"),
        (lambda text: "", "must be a mapping"),
        (lambda text: text.replace("as_of:", "\x00as_of:", 1), "not valid YAML"),
    ],
    ids=["yaml-syntax", "not-utf8", "empty", "nul-character"],
)
def test_a_damaged_dataset_file_is_listed_in_the_problem_panel_not_a_traceback(data_dir, damage, says):
    """BUG (nul-character): a control character makes PyYAML's reader raise before the loader's try block."""
    path = data_dir / "apmbc.yaml"
    damaged = damage(path.read_text(encoding="utf-8"))
    path.write_bytes(damaged if isinstance(damaged, bytes) else damaged.encode("utf-8"))
    page = open_page(date="2025-12-27")
    panel = problem_panel(page)
    assert str(path) in panel and says in panel, panel
    choose_treaty(page, "ccm")
    assert sentence(page).startswith("On 27 December 2025")


def test_a_data_folder_with_no_treaty_file_says_so_instead_of_a_traceback(tmp_path, monkeypatch):
    """BUG: with TREATY_MAP_DATA_DIR pointing at a folder with no *.yaml, app.py's next(iter(files)) raises StopIteration."""
    monkeypatch.setenv("TREATY_MAP_DATA_DIR", str(tmp_path))
    page = open_page(date="2025-12-27")
    assert any(str(tmp_path) in e.value for e in page.error), [e.value for e in page.error]


# ---- presentation mode -------------------------------------------------------------------------

def test_presentation_mode_shows_the_map_without_header_or_tabs():
    page = open_page(date="2025-12-27", present="1")
    assert headline(page) is None
    assert not any("Data as of" in c.value for c in page.caption)
    assert len(page.tabs) == 0
    assert sentence(page).startswith("On 27 December 2025")
    assert next(t for t in page.toggle if t.label == "Presentation mode").value is True
    assert page.query_params["present"] == "1"

    next(t for t in page.toggle if t.label == "Presentation mode").set_value(False).run()
    assert headline(page) is not None
    assert [t.label for t in page.tabs][:3] == ["State record", "All states", "Withdrawal timeline"]
    assert "present" not in page.query_params
    assert shown_date(page) == date(2025, 12, 27)


# ---- the record, the table and the link's state --------------------------------------------------

def test_a_state_code_in_lower_case_selects_the_state_and_the_address_is_corrected():
    page = open_page(date="2025-12-27", state="pol")
    assert warnings(page) == []
    assert page.query_params["state"] == "POL"
    assert tab(page, "State record").markdown[0].value.startswith("**Poland**")


def test_the_record_opens_on_the_withdrawal_date_and_countdown_then_lists_every_event_in_order():
    page = open_page(date="2025-12-13", state="FIN")
    record = [m.value for m in tab(page, "State record").markdown]
    assert record[0] == ("**Finland** — Withdrawal notified, pending (still bound) · "
                         "**Withdrawal takes effect on 10 January 2026** (in 28 days)")
    assert not any("None" in line for line in record)


def test_the_record_lists_every_source_of_every_event_with_its_link():
    page = open_page(date="2025-12-27", state="LTU")
    record = "\n".join(m.value for m in tab(page, "State record").markdown)
    dataset = load_dataset(DATA / "apmbc.yaml")
    for event in dataset.state("LTU").events:
        for source in dataset.sources_for(event.sources):
            assert (source.url or source.citation) in record.replace("\\", ""), source
    assert "None" not in record


def test_the_all_states_table_has_headings_in_words_and_empty_cells_where_nothing_applies():
    page = open_page(date="2025-12-27", view="All states")
    frame = tab(page, "All states").dataframe[0].value
    assert list(frame.columns) == ["State", "Code", "Status", "Bound", "Since", "Withdrawal takes effect", "Countdown"]
    finland = frame[frame["Code"] == "FIN"].iloc[0]
    assert (finland["Bound"], finland["Withdrawal takes effect"], finland["Countdown"]) == ("yes", "2026-01-10", "in 14 days")
    russia = frame[frame["Code"] == "RUS"].iloc[0]
    assert (russia["Bound"], russia["Since"], russia["Withdrawal takes effect"], russia["Countdown"]) == ("no", "", "", "")
    assert not frame.isin(["None", None]).any().any()


def test_a_dismissed_notice_stays_away_and_other_notices_still_show():
    script = (
        "from components.notices import notice\n"
        "notice('The link names no such view.')\n"
        "notice('Another notice.')\n"
    )
    page = open_script(script)
    assert warnings(page) == ["The link names no such view.", "Another notice."]
    next(button for button in page.button if button.label == "Dismiss").click().run()
    assert warnings(page) == ["Another notice."]
    assert warnings(page.run()) == ["Another notice."]


def test_the_map_view_the_viewer_chose_goes_into_the_address_and_a_link_opens_on_it():
    page = tell_from_map(open_page(date="2025-12-27"), view={"lat": 56.12345, "lon": 24.5, "zoom": 6.25})
    assert (page.query_params["zoom"], page.query_params["centre"]) == ("6.25", "56.123,24.5")
    again = open_page(date="2025-12-27", zoom="6.25", centre="56.123,24.5")
    assert map_arguments(again)["view"] == {"lat": 56.123, "lon": 24.5, "zoom": 6.25}
    assert map_arguments(open_page(date="2025-12-27"))["view"] is None  # the map opens on the whole region


def test_a_view_centred_east_of_180_degrees_in_the_pacific_view_goes_into_the_address():
    page = tell_from_map(open_page(date="2025-12-27", region="asia-pacific"), view={"lat": -18.0, "lon": 185.2, "zoom": 5})
    assert page.query_params["centre"] == "-18,185.2"  # Tonga, drawn east of 180° in that view
    assert map_arguments(open_page(date="2025-12-27", region="asia-pacific", zoom="5", centre="-18,185.2"))["view"] == {
        "lat": -18.0, "lon": 185.2, "zoom": 5.0}


@pytest.mark.parametrize("link", [{"zoom": "6", "centre": "abc"}, {"zoom": "99", "centre": "56,24"}, {"centre": "56,24"}])
def test_an_unreadable_map_view_in_the_link_opens_on_the_whole_region_with_a_notice(link):
    page = open_page(date="2025-12-27", **link)
    assert map_arguments(page)["view"] is None
    assert len(warnings(page)) == 1 and "map view" in warnings(page)[0]
    assert "zoom" not in page.query_params and "centre" not in page.query_params


def test_a_view_message_that_is_not_a_map_view_changes_nothing():
    page = tell_from_map(open_page(date="2025-12-27"), view={"lat": "north", "lon": 24, "zoom": 6})
    assert "zoom" not in page.query_params and "centre" not in page.query_params
