"""What an AppTest does with the map component, in the user's terms: read what the map is told to draw,
and send what the map's timeline sends when the viewer moves the date or clicks a state.

AppTest cannot run the component's script (tests/browser does); its messages are sent here as the
browser sends them.
"""
from __future__ import annotations

import itertools
import json
from datetime import date

from streamlit.testing.v1 import AppTest

_nonces = itertools.count(1)


def map_arguments(page: AppTest) -> dict:
    """The map component's JSON arguments: the date, its fills, the timeline's bounds, the ack..."""
    components = page.get("component_instance")
    assert len(components) == 1, "exactly one map on the page"
    return json.loads(components[0].proto.json_args)


def shown_date(page: AppTest) -> date:
    return date.fromisoformat(map_arguments(page)["date"])


def tell_from_map(page: AppTest, **message) -> AppTest:
    """Send one message from the map ({"date": ...} or {"select": ...}) and rerun, as the browser does."""
    nonce = f"test-{next(_nonces)}"
    page.session_state["treaty_map"] = {"nonce": nonce, **message}
    page.run()
    assert not page.exception, [e.value for e in page.exception]
    assert map_arguments(page)["ack"] == nonce, "the server acknowledges every message it applied"
    return page


def move_on_timeline(page: AppTest, day: str | None) -> AppTest:
    return tell_from_map(page, date=day)
