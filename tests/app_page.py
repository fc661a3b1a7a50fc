"""What an AppTest does on the page, in the user's terms: open a link (on the real data or another
folder), read what the map is told to draw, and send what the map's timeline sends when the viewer
moves the date or clicks a state.

AppTest cannot run the component's script (tests/browser does); its messages are sent here as the
browser sends them.
"""
from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"
_nonces = itertools.count(1)


def open_page(monkeypatch=None, data_dir: Path | None = None, **link: str) -> AppTest:
    """Open the app as a link with these query parameters would, on `data_dir` (TREATY_MAP_DATA_DIR,
    set through `monkeypatch`) or, with a monkeypatch and no folder, on the real data/."""
    if monkeypatch is not None:
        if data_dir is None:
            monkeypatch.delenv("TREATY_MAP_DATA_DIR", raising=False)
        else:
            monkeypatch.setenv("TREATY_MAP_DATA_DIR", str(data_dir))
    page = _opened(AppTest.from_file(str(APP), default_timeout=60), link)
    assert not page.exception, [getattr(e, "value", e) for e in page.exception]
    return page


def open_script(script: str, **link: str) -> AppTest:
    """A few lines of page (a component on its own) opened as a link with these query parameters would."""
    return _opened(AppTest.from_string(script, default_timeout=30), link)


def _opened(page: AppTest, link: dict[str, str]) -> AppTest:
    for name, value in link.items():
        page.query_params[name] = value
    return page.run()


def maps(page: AppTest) -> list:
    """The map components on the page (the Copy-link button is a component too)."""
    return [c for c in page.get("component_instance") if c.proto.component_name.endswith(".treaty_map")]


def map_arguments(page: AppTest) -> dict:
    """The map component's JSON arguments: the date, its fills, the timeline's bounds, the ack..."""
    components = maps(page)
    assert len(components) == 1, "exactly one map on the page"
    return json.loads(components[0].proto.json_args)


def shown_date(page: AppTest) -> date:
    return date.fromisoformat(map_arguments(page)["date"])


def tell_from_map(page: AppTest, **message) -> AppTest:
    """Send one message from the map and rerun, as the browser does: it carries the viewer's latest
    date ({"date": ..., "history": the history file it was read from}) and last click
    ({"click": {"iso3": ..., "id": ...}})."""
    nonce = f"test-{next(_nonces)}"
    page.session_state["treaty_map"] = {"nonce": nonce, **message}
    page.run()
    assert not page.exception, [e.value for e in page.exception]
    assert map_arguments(page)["ack"] == nonce, "the server acknowledges every message it applied"
    return page


def move_on_timeline(page: AppTest, day: str | None) -> AppTest:
    return tell_from_map(page, date=day)


def click_on_map(page: AppTest, iso3, click_id: str | None = None) -> AppTest:
    return tell_from_map(page, click={"iso3": iso3, "id": click_id or f"click-{next(_nonces)}"})
