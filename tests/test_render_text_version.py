"""The text version under the app's map is written in the browser (render/static/text_version.js) from the
states' transitions and words the server sends once (render.text_version.text_version_payload). Here Node runs
that script on many dates and regions and its lines are held to Python's own text version (status_groups over
statuses_on), and to lines written out by hand."""
from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from geo.regions import REGIONS, WORLD
from render.text_version import status_groups, text_version_payload
from treaty.loader import load_dataset
from treaty.status import change_dates, compile_timelines, statuses_on

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "render" / "static" / "text_version.js"
# Reads {payload, cases: [{date, members, title}]} on stdin; writes [{heading, groups: [{label, lines}]}].
RUNNER = f"""
const T = require({json.dumps(str(SCRIPT))});
let input = "";
process.stdin.on("data", (chunk) => {{ input += chunk; }});
process.stdin.on("end", () => {{
  const {{ payload, cases }} = JSON.parse(input);
  process.stdout.write(JSON.stringify(cases.map((c) => ({{
    heading: T.heading(payload, c.title, c.date), groups: T.groups(payload, c.date, c.members) }}))));
}});
"""


def written_in_browser(payload: dict, cases: list[dict]) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed (Debian: apt-get install nodejs)"
    done = subprocess.run([node, "-e", RUNNER], input=json.dumps({"payload": payload, "cases": cases}),
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def members(region_id: str) -> list[str] | None:
    region = REGIONS[region_id]
    return None if region == WORLD else sorted(region.members)


@pytest.mark.parametrize("path", ["data/apmbc.yaml", "data/ccm.yaml", "tests/fixtures/made_up_treaty.yaml"])
def test_the_browsers_text_version_says_what_pythons_says_on_every_change_date_in_every_region(path):
    compiled = compile_timelines(load_dataset(ROOT / path))
    changes = change_dates(compiled)
    # Each change date and the day before it (a countdown of 1 day included), the first day and today's date far on.
    days = sorted({*changes, *(day - timedelta(days=1) for day in changes), date(1997, 9, 18), date(2031, 5, 4)})
    cases = [{"date": day.isoformat(), "members": members(region), "title": "T"} for day in days for region in REGIONS]
    browser = written_in_browser(text_version_payload(compiled), cases)
    assert len(browser) == len(cases) > 0
    for case, written in zip(cases, browser):
        statuses = statuses_on(compiled, date.fromisoformat(case["date"]))
        shown = [s for s in statuses if case["members"] is None or s.iso3 in case["members"]]
        expected = [{"label": group.label, "lines": list(group.states)} for group in status_groups(shown)]
        assert written["groups"] == expected, f"{path} on {case['date']}, members {case['members'] and len(case['members'])}"


def test_the_browsers_text_version_of_the_nordic_baltic_states_on_27_december_2025_reads_as_written_here():
    compiled = compile_timelines(load_dataset(ROOT / "data/apmbc.yaml"))
    [written] = written_in_browser(text_version_payload(compiled), [
        {"date": "2025-12-27", "members": ["DNK", "EST", "FIN", "ISL", "LTU", "LVA", "NOR", "SWE"], "title": "Mine Ban Convention"},
    ])
    assert written["heading"] == "Text version of the map: Mine Ban Convention on 27 December 2025"
    assert written["groups"] == [
        # In force six months after ratification (Iceland 5 May 1999, Sweden 30 November 1998), the others from 1 March 1999.
        {"label": "State Party", "lines": ["Denmark — since 1 March 1999", "Iceland — since 1 November 1999",
                                           "Norway — since 1 March 1999", "Sweden — since 1 May 1999"]},
        {"label": "Withdrawal notified, pending (still bound)",
         "lines": ["Finland — withdrawal takes effect on 10 January 2026 (in 14 days)"]},
        {"label": "Withdrawn (former party)", "lines": ["Estonia — since 27 December 2025", "Latvia — since 27 December 2025",
                                                       "Lithuania — since 27 December 2025"]},
    ]


def test_a_countdown_of_one_day_says_day_and_a_date_known_to_the_month_says_approximate():
    payload = text_version_payload(compile_timelines(load_dataset(ROOT / "data/apmbc.yaml")))
    eve, domestic = written_in_browser(payload, [
        {"date": "2026-01-09", "members": ["FIN"], "title": "T"},
        # Lithuania's withdrawal recommendation, dated January 2025 (the month only): counted from its last day.
        {"date": "2025-02-01", "members": ["LTU"], "title": "T"},
    ])
    assert eve["groups"] == [{"label": "Withdrawal notified, pending (still bound)",
                              "lines": ["Finland — withdrawal takes effect on 10 January 2026 (in 1 day)"]}]
    assert domestic["groups"] == [{"label": "Withdrawal under way (still bound)",
                                   "lines": ["Lithuania — since 31 January 2025 (approximate)"]}]
