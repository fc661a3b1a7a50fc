"""Server-side figures: the script rerun when the date moves, and memory under concurrent sessions.

Run from the repository root: `python -m benchmarks.bench_server`. Prints figures; asserts nothing.

The date is moved on the map's own timeline in the browser, which then tells the server with the map
component's value `{"nonce": ..., "date": "YYYY-MM-DD"}`; the server applies it once (per nonce),
reruns the `briefing` fragment and acknowledges the nonce in the map's arguments (`ack`).

* Rerun (budget <= 20 ms): `AppTest` runs app.py in-process; after a first run, the map component's
  value is set to the next day (a new nonce each time) and each `.run()` is timed. AppTest reruns the
  whole script, not the fragment, and includes its own bookkeeping, so it is an upper bound of the
  script time. Every step is checked (outside the timing): the map's arguments carry the date and
  acknowledge the nonce. Run in a child process so nothing is cached beforehand. A cProfile of the
  same reruns says where the time goes. The real server's script time (a fragment rerun), taken by
  the server hook during the browser steps, is reported by bench_slider.
* Memory (budget <= 300 MB peak): one fresh `streamlit run` server; 5 websocket clients speak
  Streamlit's protocol (benchmarks/ws_client.py: a BackMsg rerun_script carrying the map component's
  value and the fragment's id, as the browser sends it) and make 200 one-day steps each,
  concurrently, each waiting for `script_finished` before the next step. VmRSS is sampled from /proc every 0.25 s; VmHWM is the kernel's peak. Three such rounds
  (new sessions each time) show whether memory keeps growing.
* `install_server_hooks` is the server hook the browser benchmarks use (loaded by sitecustomize).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks import PYTHON, ROOT, Row, RssSampler, proc_status, start_server, summary

SECTION_RERUN = "3. server script rerun"
SECTION_MEMORY = "4. server memory"
RERUN_STEPS = 40
RERUN_WARMUP = 3
SESSIONS = 5
STEPS_PER_SESSION = 200
ROUNDS = 3
FIRST_DAY = date(2025, 6, 1)
# The websocket clients send the map fragment's id with each step, as the browser does, so a step
# reruns only app.py's `briefing` fragment. (False: whole-script reruns, heavier than a browser's step.)
FRAGMENT_RERUNS = True


# ---------------------------------------------------------------------------------------------
# The server hook (runs inside the Streamlit process; standard library + Streamlit only)
def install_server_hooks(log_path: str) -> None:
    """Log every BackMsg, script start/stop and ForwardMsg of the server to `log_path` (JSON lines).

    Times are epoch seconds (time.time()), comparable with the browser's epoch milliseconds.
    * backmsg: AppSession.handle_backmsg entered (the BackMsg was parsed off the websocket).
    * script: AppSession._on_scriptrunner_event for every event but ENQUEUE_FORWARD_MSG (in the script
      thread: SCRIPT_STARTED, SCRIPT_STOPPED_WITH_SUCCESS, ...).
    * enqueue: AppSession._enqueue_forward_msg (the script produced a message).
    * write: StarletteSessionClient.write_forward_msg, with the serialized size and the element type.
    """
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunnerEvent
    from streamlit.web.server.starlette import starlette_websocket as ws_module

    out = open(log_path, "a", buffering=1, encoding="utf-8")
    lock = threading.Lock()

    def emit(record: dict) -> None:
        line = json.dumps(record, separators=(",", ":"))
        with lock:
            out.write(line + "\n")

    def describe(msg) -> tuple[str, str | None]:
        kind = msg.WhichOneof("type")
        element = None
        if kind == "delta":
            delta_kind = msg.delta.WhichOneof("type")
            if delta_kind == "new_element":
                element = msg.delta.new_element.WhichOneof("type")
                if element == "component_instance":
                    element = "component:" + msg.delta.new_element.component_instance.component_name
            else:
                element = delta_kind
                if delta_kind == "add_block":
                    element = "block:" + str(msg.delta.add_block.WhichOneof("type"))
        return kind, element

    original_backmsg = AppSession.handle_backmsg

    def handle_backmsg(self, msg):
        emit({"ev": "backmsg", "t": time.time(), "sid": self.id, "type": msg.WhichOneof("type")})
        return original_backmsg(self, msg)

    original_event = AppSession._on_scriptrunner_event

    def on_scriptrunner_event(self, sender, event, *args, **kwargs):
        if event is not ScriptRunnerEvent.ENQUEUE_FORWARD_MSG:
            emit({"ev": "script", "t": time.time(), "sid": self.id, "event": event.name})
        return original_event(self, sender, event, *args, **kwargs)

    original_enqueue = AppSession._enqueue_forward_msg

    def enqueue_forward_msg(self, msg):
        kind, element = describe(msg)
        emit({"ev": "enqueue", "t": time.time(), "sid": self.id, "type": kind, "element": element})
        return original_enqueue(self, msg)

    original_serialize = ws_module.serialize_forward_msg
    original_write = ws_module.StarletteSessionClient.write_forward_msg
    last_size = threading.local()

    def serialize(msg):
        payload = original_serialize(msg)
        last_size.value = len(payload)
        return payload

    def write_forward_msg(self, msg):
        result = original_write(self, msg)
        kind, element = describe(msg)
        # msg.hash is Streamlit's content hash (metadata excluded): equal hashes = the same element re-sent.
        emit({"ev": "write", "t": time.time(), "client": id(self), "type": kind, "element": element,
              "bytes": getattr(last_size, "value", None), "hash": msg.hash or None})
        return result

    AppSession.handle_backmsg = handle_backmsg
    AppSession._on_scriptrunner_event = on_scriptrunner_event
    AppSession._enqueue_forward_msg = enqueue_forward_msg
    ws_module.serialize_forward_msg = serialize
    ws_module.StarletteSessionClient.write_forward_msg = write_forward_msg


def read_hook_log(path: Path) -> list[dict]:
    if not path or not Path(path).exists():
        return []
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def script_runs(records: list[dict]) -> list[dict]:
    """Pairs SCRIPT_STARTED with the next stop event of the same session: [{start, end, ms}].
    A fragment rerun (st.fragment) ends with FRAGMENT_STOPPED_WITH_SUCCESS instead."""
    runs, open_runs = [], {}
    for record in records:
        if record["ev"] != "script":
            continue
        if record["event"] == "SCRIPT_STARTED":
            open_runs[record["sid"]] = record["t"]
        elif record["event"].startswith(("SCRIPT_STOPPED", "FRAGMENT_STOPPED")) and record["sid"] in open_runs:
            start = open_runs.pop(record["sid"])
            runs.append({"sid": record["sid"], "start": start, "end": record["t"], "ms": (record["t"] - start) * 1e3,
                         "event": record["event"]})
    return runs


# ---------------------------------------------------------------------------------------------
# AppTest rerun (child process)
MAP_KEY = "treaty_map"  # the map component's key (components/map_panel.py)


def map_arguments(at) -> dict:
    """The map component's JSON arguments in an AppTest (date, fills, first, last, ack...)."""
    # The map by its component's name: the Copy-link button is a component too, above it on the page.
    (found,) = [c for c in at.get("component_instance") if c.proto.component_name.endswith(".treaty_map")]
    return json.loads(found.proto.json_args)


def move_date(at, day: date, nonce: str):
    """What the browser sends after the viewer moved the map's timeline to `day`: the map
    component's value {"nonce", "date"}, then a rerun. AppTest reruns the whole script (it has no
    fragment reruns); the server acknowledges the nonce in the map's arguments (`ack`)."""
    at.session_state[MAP_KEY] = {"nonce": nonce, "date": day.isoformat()}
    return at.run()


def step_problem(at, day: date, nonce: str) -> str | None:
    """What is wrong after `move_date(at, day, nonce)`, or None: an exception, or map arguments that
    do not carry the date or do not acknowledge the nonce."""
    if at.exception:
        return f"{day}: {at.exception[0].message}"
    args = map_arguments(at)
    if args.get("date") != day.isoformat() or args.get("ack") != nonce:
        return f"{day}: the map drew {args.get('date')}, ack {args.get('ack')!r} (sent {nonce})"
    return None


def timed_date_steps(at, first_day: date, steps: int, warmup: int, label: str) -> tuple[list[float], list[str], date]:
    """Move the date one day per rerun, `warmup + steps` times from `first_day`: the timed reruns (ms)
    after the warm-up, what went wrong, and the last day."""
    day = first_day
    times, wrong = [], []
    for index in range(warmup + steps):
        day += timedelta(days=1)
        nonce = f"{label}-{index}"
        started = time.perf_counter()
        move_date(at, day, nonce)  # the map timeline's message {nonce, date}, then a (whole-script) rerun
        elapsed = (time.perf_counter() - started) * 1e3
        if index >= warmup:
            times.append(elapsed)
        if problem := step_problem(at, day, nonce):  # checked outside the timed part
            wrong.append(problem)
    return times, wrong, day


def first_app_run(first_day: date, timeout: float):
    """app.py's first AppTest run on `first_day`, timed: (AppTest, ms, exception messages)."""
    from streamlit.testing.v1 import AppTest

    started = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.query_params["date"] = first_day.isoformat()
    at.run()
    return at, (time.perf_counter() - started) * 1e3, [str(e.message) for e in at.exception]


def _apptest_child(steps: int, warmup: int, profile: bool) -> dict:
    """Runs in a fresh interpreter: time AppTest reruns of app.py with the date moved by one day."""
    at, first_run_ms, exceptions = first_app_run(FIRST_DAY, 120)
    if exceptions:
        return {"error": exceptions}
    times, wrong, day = timed_date_steps(at, FIRST_DAY, steps, warmup, "bench")
    if wrong:
        return {"error": wrong[:3]}
    result = {"first_run_ms": first_run_ms, "rerun_ms": times, "steps": steps}
    if profile:
        result["profile"] = _profile_script_thread(at, day, 20, pattern=".")
    return result


def _profile_script_thread(at, day: date, reruns: int, pattern: str = r"(app\.py|components/|treaty/|render/|geo/)") -> str:
    """cProfile of `reruns` reruns that each move the date one day (as the map's timeline does), taken in the script thread AppTest starts for each run
    (cProfile only sees the thread that enables it): threading.setprofile makes every new thread
    enable the one profiler on its first event."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()

    def start_in_thread(*_):
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(start_in_thread)
    try:
        for index in range(reruns):
            day += timedelta(days=1)
            move_date(at, day, f"profile-{index}")
    finally:
        threading.setprofile(None)
        profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(pattern, 25)
    return _trim_profile(stream.getvalue())


def _first_run_profile_child() -> dict:
    """In a fresh interpreter: cProfile of AppTest's first run of app.py (what a cold server's first
    session pays for: app imports, geometry, component build, datasets), in the script thread."""
    import cProfile
    import io
    import pstats

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["date"] = FIRST_DAY.isoformat()
    profiler = cProfile.Profile()

    def start_in_thread(*_):
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(start_in_thread)
    started = time.perf_counter()
    try:
        at.run()
    finally:
        threading.setprofile(None)
        profiler.disable()
    total = (time.perf_counter() - started) * 1e3
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(
        r"(app\.py|components/|treaty/|render/|geo/|folium/|geopandas/io|pyogrio/raw|yaml/__init__|_bootstrap>:\d+\(_find_and_load\))", 30)
    return {"first_run_ms_profiled": total, "profile": _trim_profile(stream.getvalue())}


def first_run_profile() -> dict:
    code = ("import json; from benchmarks.bench_server import _first_run_profile_child; "
            "print('RESULT ' + json.dumps(_first_run_profile_child()))")
    return apptest_reruns(code=code)


def _trim_profile(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    keep = [line.replace(str(ROOT) + "/", "").replace(str(Path(sys.prefix)), "<venv>") for line in lines]
    return "\n".join(keep[-40:])


def apptest_reruns(steps: int = RERUN_STEPS, warmup: int = RERUN_WARMUP, profile: bool = True, env: dict | None = None,
                   code: str | None = None) -> dict:
    """Run the AppTest measurement in a child process; returns its JSON result."""
    code = code or (
        "import json, sys; from benchmarks.bench_server import _apptest_child; "
        f"print('RESULT ' + json.dumps(_apptest_child({steps}, {warmup}, {profile})))"
    )
    completed = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env={**os.environ, **(env or {})},
                               capture_output=True, text=True, timeout=600)
    for line in completed.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"AppTest child failed ({completed.returncode}):\n{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}")


# ---------------------------------------------------------------------------------------------
# Websocket sessions (Streamlit's protocol, as the browser speaks it: benchmarks/ws_client.py)
async def _session(url: str, steps: int, first_day: date, results: dict, index: int) -> None:
    """One session: open the page at `first_day`, then `steps` one-day moves of the map's timeline, each
    sent as the browser sends it (the map component's value, a fragment rerun) and waited for."""
    from benchmarks.ws_client import MapSession

    latencies, received = [], 0
    statuses: dict[str, int] = {}
    bad_steps, errors = 0, []
    async with MapSession.connect(url, f"date={first_day.isoformat()}", fragment_reruns=FRAGMENT_RERUNS) as client:
        first = await client.run()
        if not first.ok or client.map_id is None:
            raise RuntimeError(f"session {index}: no map in the first run ({first.status}, {first.exceptions[:1]})")
        day = first_day
        for _ in range(steps):
            day += timedelta(days=1)
            start = time.perf_counter()
            nonce, seen = await client.move_to(day)
            latencies.append((time.perf_counter() - start) * 1e3)
            received += seen.bytes_in
            statuses[seen.status] = statuses.get(seen.status, 0) + 1
            # An exception, a failed run, another date drawn, no `ack` of the nonce, or the URL not following.
            if problem := client.check(seen, nonce, day):
                bad_steps += 1
                errors.append(problem)
    results[index] = {"latency_ms": latencies, "bytes_received": received, "finished": statuses, "bad_steps": bad_steps,
                      "errors": sorted(set(errors))[:3]}


def concurrent_steps(url: str, sessions: int, steps: int, first_day: date) -> dict:
    import asyncio

    results: dict = {}

    async def main():
        await asyncio.gather(*(_session(url, steps, first_day + timedelta(days=7 * i), results, i) for i in range(sessions)))

    asyncio.run(main())
    return results


def memory_soak(sessions: int = SESSIONS, steps: int = STEPS_PER_SESSION, rounds: int = ROUNDS, log=print) -> dict:
    server = start_server()
    try:
        idle = proc_status(server.pid)
        sampler = RssSampler(server.pid)
        sampler.start()
        round_results = []
        t0 = time.monotonic()
        for number in range(rounds):
            started = time.monotonic() - t0
            results = concurrent_steps(server.url, sessions, steps, FIRST_DAY)
            ended = time.monotonic() - t0
            after = proc_status(server.pid)
            time.sleep(3)
            settled = proc_status(server.pid)
            latencies = [ms for r in results.values() for ms in r["latency_ms"]]
            round_results.append({
                "round": number + 1, "start_s": started, "end_s": ended, "rss_after_mb": after.get("VmRSS"),
                "rss_settled_mb": settled.get("VmRSS"), "hwm_mb": settled.get("VmHWM"),
                "bad_steps": sum(r["bad_steps"] for r in results.values()),
                "errors": sorted({e for r in results.values() for e in r["errors"]})[:3],
                "step_latency_ms": latencies, "finished": [r["finished"] for r in results.values()],
                "bytes_per_step": sum(r["bytes_received"] for r in results.values()) / max(1, len(latencies)),
            })
            log(f"  memory round {number + 1}: {sessions}x{steps} steps in {ended - started:.1f} s, "
                f"RSS {after.get('VmRSS', 0):.0f} MB (settled {settled.get('VmRSS', 0):.0f}), peak {settled.get('VmHWM', 0):.0f} MB; "
                f"step {summary(latencies)} ms")
        samples = sampler.stop()
        final = proc_status(server.pid)
        return {"idle": idle, "rounds": round_results, "samples": samples, "final": final}
    finally:
        server.stop()


def growth_per_round(rounds: list[dict]) -> float:
    """MB of settled RSS gained per round after the first (least squares)."""
    points = [(r["round"], r["rss_settled_mb"]) for r in rounds[1:]] or [(1, rounds[0]["rss_settled_mb"])]
    if len(points) < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)


# ---------------------------------------------------------------------------------------------
def run(log=print, quick: bool = False) -> list[Row]:
    rows: list[Row] = []
    log("[server] AppTest reruns (child process)...")
    result = apptest_reruns(steps=15 if quick else RERUN_STEPS)
    if "error" in result:
        raise RuntimeError(f"app raised in AppTest: {result['error']}")
    rows.append(Row(SECTION_RERUN, "AppTest first run (fresh process, incl. imports)", [result["first_run_ms"]], "ms",
                    note="one sample per child process"))
    rows.append(Row(SECTION_RERUN, "AppTest rerun (whole app.py), map timeline +1 day", result["rerun_ms"], "ms", budget=20,
                    note=f"after {RERUN_WARMUP} warm-up reruns; the map component's value {{nonce, date}} set, then .run()", extra={"profile": result.get("profile", "")}))
    log(f"  AppTest rerun {summary(result['rerun_ms'])} ms")
    first = first_run_profile()
    rows[0].extra["first_run_profile"] = first["profile"]
    rows[0].extra["first_run_ms_profiled"] = first["first_run_ms_profiled"]

    steps, rounds = (50, 2) if quick else (STEPS_PER_SESSION, ROUNDS)
    log(f"[server] memory: {SESSIONS} websocket sessions x {steps} steps x {rounds} rounds...")
    soak = memory_soak(steps=steps, rounds=rounds, log=log)
    peak = soak["final"].get("VmHWM", 0.0)
    rss_samples = [mb for _, mb in soak["samples"]]
    growth = growth_per_round(soak["rounds"])
    rows.append(Row(SECTION_MEMORY, f"peak RSS (VmHWM), {SESSIONS} sessions x {steps} steps x {len(soak['rounds'])} rounds",
                    [peak], "MB", budget=300, compare="max",
                    note=f"idle after start {soak['idle'].get('VmRSS', 0):.0f} MB; RSS sampled every 0.25 s: {summary(rss_samples, 0)}",
                    extra={"rounds": [{k: v for k, v in r.items() if k != 'step_latency_ms'} for r in soak["rounds"]],
                           "samples": soak["samples"], "growth_mb_per_round": growth}))
    rows.append(Row(SECTION_MEMORY, "RSS settled after each round", [r["rss_settled_mb"] for r in soak["rounds"]], "MB",
                    note=f"growth after round 1: {growth:+.1f} MB/round ("
                         + ", ".join(f"{r['rss_settled_mb']:.0f}" for r in soak["rounds"]) + ")"))
    latencies = [ms for r in soak["rounds"] for ms in r["step_latency_ms"]]
    rows.append(Row(SECTION_MEMORY, f"step latency seen by a websocket client, {SESSIONS} concurrent", latencies, "ms",
                    note=f"BackMsg sent -> script_finished received ({'fragment' if FRAGMENT_RERUNS else 'whole-script'} reruns); "
                         f"~{soak['rounds'][-1]['bytes_per_step']:.0f} B/step (no message cache); "
                         f"{sum(r['bad_steps'] for r in soak['rounds'])} steps failed the check (date drawn, ack, URL)"))
    return rows


def report_details(rows: list[Row]) -> str:
    lines = []
    for row in rows:
        if row.extra.get("rounds"):
            lines.append(f"Memory rounds ({SESSIONS} websocket sessions each, new sessions every round):")
            for r in row.extra["rounds"]:
                lines.append(f"  round {r['round']}: {r['start_s']:6.1f}-{r['end_s']:6.1f} s, RSS after {r['rss_after_mb']:.0f} MB, "
                             f"3 s later {r['rss_settled_mb']:.0f} MB, peak so far {r['hwm_mb']:.0f} MB, "
                             f"{r['bad_steps']} steps failed the check (date drawn, ack, URL), {r['bytes_per_step']:.0f} B/step"
                             + (f"; app errors: {r['errors']}" if r.get("errors") else ""))
            samples = row.extra.get("samples") or []
            if samples:
                step = max(1, len(samples) // 12)
                lines.append("  RSS over time (s: MB): " + ", ".join(f"{t:.0f}: {mb:.0f}" for t, mb in samples[::step]))
        if row.extra.get("profile"):
            lines.append(f"cProfile of 20 AppTest reruns, script thread ({row.name}):\n{row.extra['profile']}")
        if row.extra.get("first_run_profile"):
            lines.append(f"cProfile of the first run of app.py in a fresh process (what a cold server's first session waits for; "
                         f"{row.extra['first_run_ms_profiled']:.0f} ms under the profiler):\n{row.extra['first_run_profile']}")
    return "\n".join(lines)


def main() -> None:
    from benchmarks.__main__ import run_alone

    run_alone(run, report_details)


if __name__ == "__main__":
    main()
