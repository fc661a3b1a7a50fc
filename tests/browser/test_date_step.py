"""A date step on the map's timeline: the page follows the date (the sentence, the text version under the map,
the hover card), while the server re-sends only what it must say. The text version is written in the browser
(render/static/text_version.js), the colours too (from the history); the tab bar and the text version's frame
are drawn once, outside the date's fragment. The bytes per step are a budget in benchmarks/, not here: this
file asserts WHAT a step sends."""
from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from benchmarks.ws_client import MapSession
from tests.browser.map_page import MapPage

pytestmark = pytest.mark.browser

TEXT_VERSION = ".st-key-text_version"


def text_version(briefing: MapPage) -> dict:
    place = briefing.page.locator(TEXT_VERSION)
    return {
        "heading": place.locator("summary").inner_text().split("\n")[-1].strip(),
        "paragraphs": place.locator(".tm-text-body p").all_text_contents(),
        "lines": place.locator(".tm-text-body li").all_text_contents(),
    }


def wait_for_text_version(briefing: MapPage, day: str) -> None:
    briefing.page.locator(f"{TEXT_VERSION} summary", has_text=f"on {day}").wait_for(timeout=15_000)
    briefing.page.locator(f"{TEXT_VERSION} .tm-text-body p", has_text=f"On {day}").first.wait_for(state="attached", timeout=15_000)


def test_the_text_version_under_the_map_follows_the_date_the_viewer_steps_to(page, app_url):
    briefing = MapPage(page, app_url).open("date=2025-12-26&region=nordic-baltic")
    briefing.wait_for_date("2025-12-26")
    wait_for_text_version(briefing, "26 December 2025")
    page.locator(f"{TEXT_VERSION} summary").click()
    before = text_version(briefing)
    assert before["heading"] == "Text version of the map: Mine Ban Convention on 26 December 2025"
    assert "Finland — withdrawal takes effect on 10 January 2026 (in 15 days)" in before["lines"]
    assert "Estonia — withdrawal takes effect on 27 December 2025 (in 1 day)" in before["lines"]

    briefing.step_days("ArrowRight")  # one day later: the Baltic withdrawals take effect
    briefing.wait_for_date("2025-12-27")
    wait_for_text_version(briefing, "27 December 2025")
    briefing.wait_for_sentence("On 27 December 2025")
    after = text_version(briefing)
    assert after["heading"] == "Text version of the map: Mine Ban Convention on 27 December 2025"
    assert after["paragraphs"][0].startswith("On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect")
    assert after["paragraphs"][0] == page.locator("h4").filter(has_text="On 27 December 2025").inner_text()
    # Only the region's eight states, grouped by status with their counts (Denmark, Iceland, Norway, Sweden bound).
    assert [p for p in after["paragraphs"][1:]] == [
        "State Party (4)", "Withdrawal notified, pending (still bound) (1)", "Withdrawn (former party) (3)"]
    assert "Estonia — since 27 December 2025" in after["lines"]
    assert "Finland — withdrawal takes effect on 10 January 2026 (in 14 days)" in after["lines"]
    assert len(after["lines"]) == 8
    assert page.locator(f"{TEXT_VERSION} details").get_attribute("open") is not None, "a step keeps it open"

    briefing.press_timeline("Change ▶")  # Finland's withdrawal takes effect
    briefing.wait_for_date("2026-01-10")
    wait_for_text_version(briefing, "10 January 2026")
    assert "Finland — since 10 January 2026" in text_version(briefing)["lines"]

    briefing.choose_treaty("Convention on Cluster Munitions")  # another treaty's states and their dates
    briefing.page.locator(f"{TEXT_VERSION} summary", has_text="Convention on Cluster Munitions on 10 January 2026").wait_for()
    briefing.page.locator(f"{TEXT_VERSION} li", has_text="Lithuania — since 6 March 2025").wait_for(state="attached")
    lines = text_version(briefing)["lines"]
    assert "Finland" in lines and "Sweden — since 1 October 2012" in lines, "Finland never joined it; Sweden from 2012"


def test_the_text_version_says_what_the_link_outlines_and_its_callouts(page, app_url):
    briefing = MapPage(page, app_url).open("date=2026-03-01&highlight=LTU,LVA&callout=LTU:First%20to%20leave")
    briefing.wait_for_date("2026-03-01")
    wait_for_text_version(briefing, "1 March 2026")
    assert text_version(briefing)["paragraphs"][1:3] == ["Outlined: Latvia, Lithuania.", "Callout at Lithuania: “First to leave”."]


async def _first_step(url: str) -> tuple[list, list]:
    """The messages of a page's first run, and of one date step sent as the browser sends it (from its history)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with MapSession.connect(url, "date=2025-12-26") as session:
        received: list = []
        recv = session.ws.recv

        async def recording():
            raw = await recv()
            message = ForwardMsg()
            message.ParseFromString(raw)
            received.append(message)
            return raw

        session.ws.recv = recording
        await session.run()
        first = list(received)
        received.clear()
        run = await session.run({"nonce": "step-1", "date": "2025-12-27", "history": session.map_args["history_url"]})
        assert run.ok and run.drawn == "2025-12-27" and run.ack == "step-1"
        return first, received


def _elements(messages: list) -> list[tuple[str, object]]:
    found = []
    for message in messages:
        if message.WhichOneof("type") != "delta":
            continue
        delta = message.delta
        if delta.WhichOneof("type") == "add_block":
            found.append((delta.add_block.WhichOneof("type"), delta.add_block))
        elif delta.WhichOneof("type") == "new_element":
            element = delta.new_element
            found.append((element.WhichOneof("type"), getattr(element, element.WhichOneof("type"))))
    return found


def test_a_date_step_sends_no_colours_no_text_version_and_no_tab_bar(app_url):
    # In a thread of its own: the browser fixture's Playwright holds this thread's event loop.
    with ThreadPoolExecutor(1) as worker:
        first, step = worker.submit(asyncio.run, _first_step(app_url)).result(timeout=120)
    drawn_once = [kind for kind, _ in _elements(first)]
    assert {"tab_container", "tab", "expandable", "html"} <= set(drawn_once), "the first run draws them"

    sent = _elements(step)
    kinds = [kind for kind, _ in sent]
    assert "tab_container" not in kinds and "tab" not in kinds, "the tab bar is not re-sent"
    assert "expandable" not in kinds, "the text version's frame is not re-sent"
    markdown = [element.body for kind, element in sent if kind == "markdown"]
    assert not any("State Party" in body for body in markdown), "the text version is written in the browser"
    assert any(body.startswith("#### On 27 December 2025") for body in markdown), "the sentence is the server's"
    [arguments] = [json.loads(element.json_args) for kind, element in sent if kind == "component_instance"
                   and element.component_name.endswith(".treaty_map")]
    assert not {"fills", "date_label", "remaining", "takes_effect"} & set(arguments), "the browser painted the date"
    assert arguments["sentence"]["date"] == "2025-12-27" and arguments["counts"].startswith("163 States Parties worldwide")
    assert date.fromisoformat(arguments["date"]) == date(2025, 12, 27)
