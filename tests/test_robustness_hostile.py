"""Hostile text in a dataset is shown as text wherever it appears, and never runs or fetches anything.

The hostile dataset is the real data/apmbc.yaml with markup in Norway's name and note, an event
note, a source's publisher, title and address, Ukraine's suspension note and the treaty's short
name; formula-like names for five states; and Markdown (a link and an image) in the depositary and
Norway's note. It passes validation: nothing in the schema forbids these characters, so every place
that shows dataset text must escape it. The browser half of these checks is in
tests/browser/test_robustness_browser.py, which builds its data folder with `write_hostile_data`.
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest

from tests.app_page import maps, open_page
from treaty.loader import DatasetError, load_dataset
from treaty.status import statuses_on, compile_timelines

REPO = Path(__file__).resolve().parent.parent
APMBC = REPO / "data" / "apmbc.yaml"

# Each payload sets window.__pwned if it ever runs in a browser.
NAME = '<img src=x onerror="window.__pwned=1">'
STATE_NOTE = '<script>window.__pwned=2</script><svg onload="window.__pwned=2"></svg> Norway stays in.'
MARKDOWN_IN_NOTE = "[open](javascript:window.__pwned=9) ![beacon](http://beacon.invalid/state-note.png)"
EVENT_NOTE = '</script><img src=x onerror="window.__pwned=3"> FM Barth Eide: Norway will not withdraw.'
PUBLISHER = '=HYPERLINK("http://127.0.0.1:9/x","<img src=x onerror=window.__pwned=4>")'
TITLE = '+<img src=x onerror="window.__pwned=5"> Norway: Mine Ban Policy'
URL = 'https://example.org/"><img src=x onerror="window.__pwned=8">'
SUSPENSION_NOTE = '@SUM(1+1)<img src=x onerror="window.__pwned=6"> Depositary notification announcing suspension.'
SHORT_NAME = 'Mine Ban <img src=x onerror="window.__pwned=7"> Convention'
DEPOSITARY = "Secretary-General ![beacon](http://beacon.invalid/depositary.png) [open](javascript:window.__pwned=10)"
FORMULA_NAMES = {
    "Sweden": '=cmd|" /C calc"!A0',
    "Denmark": "+1+1",
    "Switzerland": "-2+3",
    "Austria": "@SUM(1,1)",
    "Iceland": "\t=1+1",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKUP = [NAME, STATE_NOTE, EVENT_NOTE, PUBLISHER, TITLE, SUSPENSION_NOTE, SHORT_NAME]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in data/apmbc.yaml"
    return text.replace(old, new)


def hostile_yaml() -> str:
    text = APMBC.read_text(encoding="utf-8")
    text = _once(text, "  - iso3: NOR\n    name: Norway\n",
                 f"  - iso3: NOR\n    name: {_quoted(NAME)}\n    note: {_quoted(STATE_NOTE + ' ' + MARKDOWN_IN_NOTE)}\n")
    text = _once(text, "note: 'FM Barth Eide: Norway will not withdraw; only European state bordering Russia staying in.'",
                 f"note: {_quoted(EVENT_NOTE)}")
    text = _once(
        text,
        "  landmine-and-cluster-mun-nor:\n    publisher: Landmine and Cluster Munition Monitor\n    title: 'Norway: Mine Ban Policy'\n"
        "    url: https://archives2.the-monitor.org/en-gb/reports/2022/norway/mine-ban-policy.aspx\n",
        f"  landmine-and-cluster-mun-nor:\n    publisher: {_quoted(PUBLISHER)}\n    title: {_quoted(TITLE)}\n    url: {_quoted(URL)}\n",
    )
    text = _once(text, "      note: Depositary notification to UN SG announcing SUSPENSION of operation of the Convention, invoking\n"
                       "        VCLT Art. 62 (fundamental change of circumstances). Not an Art. 20 instrument of withdrawal.\n",
                 f"      note: {_quoted(SUSPENSION_NOTE)}\n")
    text = _once(text, "  short_name: Mine Ban Convention\n", f"  short_name: {_quoted(SHORT_NAME)}\n")
    text = _once(text, "  depositary: Secretary-General of the United Nations\n", f"  depositary: {_quoted(DEPOSITARY)}\n")
    for name, formula in FORMULA_NAMES.items():
        text = _once(text, f"    name: {name}\n", f"    name: {_quoted(formula)}\n")
    return text


def write_hostile_data(folder: Path) -> Path:
    """A data folder holding only the hostile apmbc.yaml; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "apmbc.yaml"
    path.write_text(hostile_yaml(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture(scope="module")
def hostile(hostile_file):
    return load_dataset(hostile_file)


def test_the_hostile_dataset_passes_validation_so_the_app_must_escape_it(hostile):
    norway = hostile.state("NOR")
    assert norway.name == NAME and norway.note.startswith(STATE_NOTE)
    assert hostile.treaty.short_name == SHORT_NAME
    assert hostile.sources["landmine-and-cluster-mun-nor"].url == URL


# ---------------------------------------------------------------------------------------------------
# The app's own pages (AppTest): Streamlit's Markdown never renders raw HTML unless asked to, so
# each element showing dataset text must not ask, and must carry the text whole.


def _app(hostile_file, monkeypatch, **query):
    return open_page(monkeypatch, hostile_file.parent, **query)


def _texts(app) -> list:
    """Every Markdown-rendered element (markdown, captions, alerts) of the page."""
    return [*app.markdown, *app.caption, *app.warning, *app.error, *app.info]


def shown(markdown: str) -> str:
    """The text a Markdown source shows, as far as escaping goes: CommonMark lets a backslash escape any
    ASCII punctuation, so a source that escapes dataset text shows it as written."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def _assert_no_raw_html(app):
    for element in [*app.markdown, *app.caption]:
        assert not element.proto.allow_html, f"unsafe_allow_html on dataset text: {element.value[:80]}"
    for element in app.get("html"):
        body = element.proto.body
        assert not any(payload in body for payload in MARKUP), "dataset text in st.html"


def test_the_state_record_shows_hostile_text_as_text(hostile_file, monkeypatch):
    app = _app(hostile_file, monkeypatch, state="NOR", date="2025-12-27")
    _assert_no_raw_html(app)
    bodies = [shown(element.value) for element in _texts(app)]
    assert any(NAME in body for body in bodies), "Norway's name is not shown whole in the record"
    assert any(STATE_NOTE in body for body in bodies), "Norway's note is not shown whole"
    assert any(SHORT_NAME in body for body in bodies), "the treaty's short name is not shown whole in the header"
    record = "\n".join(element.value for element in app.markdown)
    assert EVENT_NOTE in shown(record)
    assert PUBLISHER in shown(record)
    # Every link in the record is a web address, kept whole as one link target: no quote or bracket ends it.
    targets = re.findall(r"\]\(<([^>]*)>\)", record)
    assert targets and all(target.startswith(("http://", "https://")) for target in targets)
    assert "https://example.org/%22%3E%3Cimg%20src=x%20onerror=%22window.__pwned=8%22%3E" in targets


def test_the_method_page_shows_hostile_text_as_text(hostile_file, monkeypatch):
    app = _app(hostile_file, monkeypatch, view="Sources and method")
    _assert_no_raw_html(app)
    method = shown("\n".join(element.value for element in app.markdown))
    assert PUBLISHER in method, "the hostile publisher is not listed whole"
    assert SUSPENSION_NOTE in method, "Ukraine's suspension note is not shown whole"
    assert SHORT_NAME in method


def test_every_tab_with_hostile_data_runs_and_allows_no_raw_html(tmp_path, monkeypatch):
    """Whatever tabs the app has (they grow), none fails on hostile text or lets it through as HTML."""
    folder = tmp_path / "data"
    write_hostile_data(folder)
    (folder / "ccm.yaml").write_bytes((REPO / "data" / "ccm.yaml").read_bytes())  # something to compare with
    first = _app(folder / "apmbc.yaml", monkeypatch, state="NOR")
    labels = [tab.label for tab in first.tabs]
    assert labels, "no tabs"
    for label in labels:
        app = _app(folder / "apmbc.yaml", monkeypatch, view=label, state="NOR", date="2025-12-27")
        _assert_no_raw_html(app)


def test_dataset_text_is_escaped_for_markdown(hostile_file, monkeypatch):
    """BUG: dataset strings are pasted into st.markdown/st.caption unescaped, so Markdown in them is live:
    an image in a note or the depositary makes every viewer's browser fetch it from an outside host
    (the browser test sees the request), and links are drawn. Expected: dataset text escaped for
    Markdown wherever it is put into Markdown (state_panel, method, header, app's day sentence)."""
    bodies = []
    for query in ({"state": "NOR"}, {"view": "Sources and method"}):
        bodies += [element.value for element in _texts(_app(hostile_file, monkeypatch, **query))]
    live = [body for body in bodies if re.search(r"(?<!\\)!\[beacon(?<!\\)\]\(", body) or re.search(r"(?<!\\)\]\(javascript:", body)]
    assert not live, f"live Markdown from the dataset: {live[0][:160]}"


# ---------------------------------------------------------------------------------------------------
# The CSV: no cell may start like a spreadsheet formula


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def _assert_no_formula(rows):
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), f"a CSV cell starts like a formula: {cell[:40]!r}"


def test_the_csv_neutralises_every_formula_like_cell(hostile):
    from components.status_table import csv_bytes, status_frame

    day = date(2025, 12, 27)
    rows = _rows(csv_bytes(status_frame(hostile, statuses_on(compile_timelines(hostile), day), day)))
    _assert_no_formula(rows)
    names = {row[0]: row[1] for row in rows[1:]}
    for code, formula in {"SWE": FORMULA_NAMES["Sweden"], "DNK": "+1+1", "CHE": "-2+3", "AUT": "@SUM(1,1)", "ISL": "\t=1+1"}.items():
        assert names[code] == "'" + formula, f"{code}: {names[code]!r}"
    assert names["NOR"] == NAME
    assert any(PUBLISHER in cell for row in rows for cell in row), "the hostile publisher was dropped, not neutralised"


def test_the_csv_the_app_offers_is_neutralised(hostile_file, monkeypatch):
    """The bytes handed to the download button in the 'All states' tab."""
    import components.status_table as status_table

    offered = []
    original = status_table.csv_bytes

    def spy(frame):
        offered.append(original(frame))
        return offered[-1]

    monkeypatch.setattr(status_table, "csv_bytes", spy)
    app = _app(hostile_file, monkeypatch, view="All states", date="2025-12-27")
    assert app.get("download_button"), "no CSV download in the 'All states' tab"
    assert offered, "the app did not build its CSV with csv_bytes"
    _assert_no_formula(_rows(offered[-1]))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"])
def test_neutralise_quotes_each_formula_start(cell):
    from components.status_table import neutralise

    assert neutralise(cell) == "'" + cell


# ---------------------------------------------------------------------------------------------------
# Addresses: only http(s) is accepted


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript://example.org/%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//example.org/x",
        "https:/example.org",
    ],
)
def test_a_non_http_address_is_rejected_by_validation(tmp_path, url):
    text = _once(APMBC.read_text(encoding="utf-8"),
                 "    url: https://archives2.the-monitor.org/en-gb/reports/2022/norway/mine-ban-policy.aspx\n",
                 f"    url: {_quoted(url)}\n")
    path = tmp_path / "apmbc.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        load_dataset(path)
    problems = [problem for problem in raised.value.problems if problem.field == "sources.landmine-and-cluster-mun-nor.url"]
    assert problems, "\n".join(map(str, raised.value.problems))
    assert "is not an http(s) address" in problems[0].message
    assert str(problems[0]).startswith(str(path))


# ---------------------------------------------------------------------------------------------------
# The exporters (render/snapshot.py and render/standalone.py were present when these were written)


@pytest.fixture(scope="module")
def geometry():
    from geo.countries import geometry_metadata, load_countries, microstate_points

    countries = load_countries()
    return countries, microstate_points(countries), geometry_metadata()


def test_the_svg_snapshot_escapes_hostile_text(hostile, geometry):
    snapshot = pytest.importorskip("render.snapshot")
    countries, _, metadata = geometry
    compiled = compile_timelines(hostile)
    svg = snapshot.render_snapshot(snapshot.prepare_inputs(hostile, compiled, countries, metadata), date(2025, 12, 27), fmt="svg")
    root = ElementTree.fromstring(svg)  # well-formed: no markup from the dataset broke out of a text node
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "img", "foreignObject", "iframe"}, tags
    handlers = [name for element in root.iter() for name in element.attrib if name.lower().startswith("on")]
    assert not handlers, handlers
    text = "".join(root.itertext())
    assert SHORT_NAME in text, "the title should show the short name as text"


def test_the_standalone_html_escapes_hostile_text(hostile, geometry):
    standalone = pytest.importorskip("render.standalone")
    from tests.export_fixtures import embedded  # reads the page's packed data islands

    countries, microstates, metadata = geometry
    page = standalone.standalone_html(hostile, countries, microstates, metadata, date(2025, 12, 27))
    for payload in MARKUP:
        assert payload not in page, f"raw in the HTML: {payload[:40]}"
    assert "<img src=x" not in page and "<svg onload" not in page and "</script><img" not in page
    # The data islands hold the text whole, as (gzip-packed) JSON the browser decodes.
    details = embedded(page, "tm-details")
    assert details["NOR"]["name"] == NAME
    assert details["NOR"]["note"].startswith(STATE_NOTE)
    assert embedded(page, "tm-page")["title"] == SHORT_NAME


# ---------------------------------------------------------------------------------------------------
# Hostile links: every URL parameter falls back, with a notice the viewer can see


BAD_VALUE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">%%$$' + "9" * 10_000
URL_PARAMETERS = ["date", "treaty", "state", "view", "present"]


def _real_data_app(monkeypatch, **query):
    return open_page(monkeypatch, **query)


def _assert_fallbacks(app):
    params = dict(app.query_params)
    assert params.get("date") in ([date.today().isoformat()], date.today().isoformat())
    assert params.get("treaty") in (["apmbc"], "apmbc")
    assert "state" not in params and "present" not in params
    assert maps(app), "no map drawn"
    assert not app.toggle[0].value, "presentation mode switched on by a bad link"
    for notice in app.warning:
        assert len(notice.value) < 400, "a notice quotes the whole 10 kB value"


@pytest.mark.parametrize("parameter", URL_PARAMETERS)
def test_a_bad_url_parameter_falls_back_with_a_visible_notice(monkeypatch, parameter):
    """BUG for 'view' and 'present': a value that is not a tab or a switch setting is dropped in silence
    (Streamlit's bound tabs and presentation_switch ignore it); date, treaty and state say so."""
    app = _real_data_app(monkeypatch, **{parameter: BAD_VALUE})
    _assert_fallbacks(app)
    notices = [notice.value for notice in app.warning]
    assert any(parameter in notice.lower().replace(BAD_VALUE[:40].lower(), "") for notice in notices), (
        f"no visible notice about the link's '{parameter}': {notices}"
    )


def test_all_bad_url_parameters_at_once_fall_back_safely(monkeypatch):
    app = _real_data_app(monkeypatch, **{parameter: BAD_VALUE for parameter in URL_PARAMETERS})
    _assert_fallbacks(app)
    assert len(app.warning) >= 3
    assert [tab.label for tab in app.tabs][0] == "State record" and app.tabs[0].children, "the default tab should be shown"
