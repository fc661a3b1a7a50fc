"""A Treaty Map session over Streamlit's websocket protocol, as the browser speaks it (bench_load, bench_server).

The date is moved on the map's own timeline, in the browser: the map repaints from the treaty's history
of colours it already holds, and then tells the server through the map component's value, a JSON text
`{"nonce": "<unique>", "date": "YYYY-MM-DD", "history": "<the history file it was read from>"}`. The browser sends it as a BackMsg `rerun_script` whose
`widget_states` holds that value (`json_value`) under the component instance's widget id, with
`fragment_id` set to the fragment the component was drawn in (app.py's `briefing`), so only that
fragment reruns. The server applies each nonce once and answers with the map's arguments, which echo it
as `ack`. A client here does the same, one message in flight at a time (as the browser's outbox does),
and reads back what the browser would draw: the map's arguments (`date`, `first`, `last`, `ack`...; the
colours, `fills`, only where the browser may not hold the history: a step's answer has none), the page's query string (`?date=`, from `page_info_changed`) and any exception element.

Differences from a browser, on purpose: no message cache (`cached_message_hashes` is empty, so every
element comes in full) and only the map's widget state is sent (the browser sends every widget's).
"""
from __future__ import annotations

import asyncio
import itertools
import json
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qs

MAP_COMPONENT = "components.map_view.treaty_map"
RECV_TIMEOUT_S = 30
SUCCESS = ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")


@dataclass
class Run:
    """What one rerun sent back, up to and including `script_finished`."""

    status: str | None = None
    map_args: dict | None = None
    query_string: str | None = None  # from page_info_changed, if the run changed the URL
    exceptions: list[str] = field(default_factory=list)
    bytes_in: int = 0
    messages: int = 0

    @property
    def ok(self) -> bool:
        return self.status in SUCCESS and not self.exceptions

    @property
    def drawn(self) -> str | None:
        """The date the map is told to draw."""
        return (self.map_args or {}).get("date")

    @property
    def ack(self) -> str | None:
        return (self.map_args or {}).get("ack")


class MapSession:
    """One websocket session of the app. `run()` is the first (or a plain) rerun; `move_to(day)` is what
    the browser sends after the viewer moved the date on the map's timeline."""

    _ids = itertools.count(1)

    def __init__(self, ws, query: str, fragment_reruns: bool = True):
        self.ws = ws
        self.query = query  # the browser's current query string, which follows the server's page_info_changed
        self.fragment_reruns = fragment_reruns
        self.page_hash = ""
        self.map_id: str | None = None        # the component instance's widget id
        self.fragment_id: str | None = None   # the fragment the map was drawn in (Delta.fragment_id)
        self.map_args: dict = {}              # the map's last arguments
        self.prefix = f"ws{next(self._ids)}"
        self.sent = 0
        self.bytes_out = 0

    @classmethod
    @asynccontextmanager
    async def connect(cls, url: str, query: str = "", fragment_reruns: bool = True):
        import websockets

        ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=url, max_size=None,
                                      open_timeout=30, ping_interval=None) as ws:
            yield cls(ws, query, fragment_reruns)

    @property
    def url_date(self) -> str | None:
        return (parse_qs(self.query).get("date") or [None])[0]

    @property
    def bounds(self) -> tuple[date, date] | None:
        """The timeline's first and last day, from the map's arguments."""
        if "first" not in self.map_args or "last" not in self.map_args:
            return None
        return date.fromisoformat(self.map_args["first"]), date.fromisoformat(self.map_args["last"])

    async def run(self, value: dict | None = None) -> Run:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.page_script_hash = self.page_hash
        if value is not None:
            if self.map_id is None:
                raise RuntimeError("no map on the page yet: run() once first")
            state = message.rerun_script.widget_states.widgets.add()
            state.id = self.map_id
            state.json_value = json.dumps(value, separators=(",", ":"))
            if self.fragment_reruns and self.fragment_id:
                message.rerun_script.fragment_id = self.fragment_id
        data = message.SerializeToString()
        self.bytes_out += len(data)
        await self.ws.send(data)
        seen = Run()
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), RECV_TIMEOUT_S)
            seen.bytes_in += len(raw)
            seen.messages += 1
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = forward.new_session.main_script_hash
            elif kind == "page_info_changed":
                seen.query_string = self.query = forward.page_info_changed.query_string
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which == "component_instance" and element.component_instance.component_name == MAP_COMPONENT:
                    self.map_id = element.component_instance.id
                    self.fragment_id = forward.delta.fragment_id or None
                    seen.map_args = self.map_args = json.loads(element.component_instance.json_args or "{}")
                elif which == "exception":
                    seen.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
            elif kind == "script_finished":
                seen.status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                return seen

    async def move_to(self, day: date) -> tuple[str, Run]:
        """The viewer moved the map's timeline to `day`: send the map's message, wait for the rerun to end.
        Returns the nonce sent and the run."""
        self.sent += 1
        nonce = f"{self.prefix}-{self.sent}"
        # With the history it was read from, as the browser sends it: the answer then carries no colours.
        return nonce, await self.run({"nonce": nonce, "date": day.isoformat(), "history": self.map_args.get("history_url")})

    def check(self, run: Run, nonce: str, day: date) -> str | None:
        """What went wrong with a step to `day`, or None: an exception, a failed run, the map drawing
        another date, the map's arguments not acknowledging the message, or the URL's ?date= not
        following."""
        if run.exceptions:
            return run.exceptions[0]
        if run.status not in SUCCESS:
            return f"run ended {run.status}"
        if run.map_args is None:
            return "the run did not redraw the map"
        if run.drawn != day.isoformat():
            return f"asked for {day}, the map drew {run.drawn}"
        if run.ack != nonce:
            return f"sent nonce {nonce}, the map's arguments acknowledge {run.ack!r}"
        if self.url_date != day.isoformat():
            return f"asked for {day}, the URL says ?date={self.url_date}"
        return None
