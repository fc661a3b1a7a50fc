"""A date step in a real browser: step latency, websocket bytes per step, first map paint.

Run from the repository root: `python -m benchmarks.bench_slider`. Prints figures; asserts nothing.

The date is moved on the map's own timeline, inside the component iframe: its day slider (.tm-range)
repaints the map at once from the treaty's history of colours the frame holds, and the frame then
tells the server (the map component's value {nonce, date}); the server reruns the `briefing`
fragment (sentence, map arguments, open tab, URL ?date=) and acknowledges the nonce (`ack`).

Method (probe.js beside this file):
* Debian's Chromium, headless, through Playwright; viewport 1920x1080. The browser is launched
  before the server, so no launch time is counted.
* Each round starts a fresh `streamlit run app.py` on loopback, with the server hook
  (bench_server.install_server_hooks) loaded through sitecustomize. Then:
  1. cold load: the first browser context after the server answers /_stcore/health;
  2. WARM_LOADS warm loads, each in a new context (new session, empty HTTP cache);
  3. in the last context, STEPS_PER_ROUND date steps: focus the map's day slider (.tm-range, in
     the iframe), press ArrowRight (one day later), wait (in the browser, not by polling from
     Python) for the map frame to show the next date and then for the server to catch up, pause 400 ms.
* First paint = navigation start -> first top-page animation frame after the map frame holds the
  date's colours. Step (the budgeted figure) = keydown in the map document -> first top-page frame
  after the map frame shows the new date (treaty_map.js sets data-rendered-date after restyling
  every path). Every render's fills are compared with those computed in Python for that date.
* Server caught up (reported, no budget) = keydown -> the later of: the map's arguments arriving in
  the frame with `ack` = the nonce the frame sent for this step, and the page's URL saying ?date= the
  new date. At that moment the sentence above the map and the fills are read and checked too.
* Bytes per step = everything the server sent over the websocket between this step's keydown and
  the next one's (as the browser received it); bytes browser -> server likewise.
* The hook gives the server's share: BackMsg received, script (fragment) start and end, and when
  each message was written to the socket; the map component's message is matched to the browser's
  receipt by size and time, which splits the catch-up into key -> value posted, -> BackMsg sent,
  network + server, script, delivery and the frame receiving its arguments.
* A separate short run with the CDP Profiler (sampling) splits the renderer main thread's time
  per step between Streamlit's frontend, Leaflet, the map document's scripts and native work
  (style, layout, paint: "(program)").
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from benchmarks import (BENCH_DIR, MAP_FRAME, ROOT, OtherLoad, Row, percentile, proc_status, start_server,
                        summary)
from benchmarks.bench_server import read_hook_log, script_runs
from harness import launch_chromium

SECTION_STEP = "1. date step (browser, map timeline)"
SECTION_PAINT = "2. first map paint"
SECTION_RERUN = "3. server script rerun"
ROUNDS = 5
WARM_LOADS = 4
STEPS_PER_ROUND = 8
PAUSE_S = 0.4
VIEWPORT = {"width": 1920, "height": 1080}
# Start dates: each run of one-day steps crosses at least one status change (2025-12-27 Baltic
# withdrawals, 2026-01-10 Finland, 2026-02-20 Poland, 2025-06-27 Baltic notices).
START_DATES = [date(2025, 12, 22), date(2026, 1, 5), date(2026, 2, 15), date(2025, 6, 23), date(2025, 12, 24)]
PROBE = BENCH_DIR / "probe.js"
DAY_SLIDER = ".tm-range"   # the map timeline's <input type=range> over day numbers, in the map iframe
TIMELINE_READY = ".tm-first:not([disabled])"  # enabled once the frame holds the treaty's history


# ---------------------------------------------------------------------------------------------
class Expected:
    """The fill colour of every shape on a date, computed in Python the way the app does."""

    def __init__(self, dataset_path: Path = ROOT / "data" / "apmbc.yaml"):
        from geo.countries import load_countries, sovereigns
        from render.palette import COLOURS
        from treaty.loader import load_dataset
        from treaty.status import compile_timelines
        from treaty.territories import dependencies

        self.colours = COLOURS
        dataset = load_dataset(dataset_path)
        self.compiled = compile_timelines(dataset)
        countries = load_countries()
        self.codes = tuple(countries["iso3"])
        # Territories in their sovereign's status, or their own where the dataset records an extension or exclusion.
        self.territories = dependencies(dataset, sovereigns(countries))

    def fills(self, day: date) -> dict[str, str]:
        from geo.join import status_keys
        from treaty.status import statuses_on

        keys = status_keys(self.codes, statuses_on(self.compiled, day), self.territories, day)
        return {code: self.colours[keys[code]] for code in self.codes}

    def sentence_ok(self, day: date, sentence: str | None) -> bool:
        """The sentence above the map is about `day` (describe_day's sentences start "On <day>")."""
        from treaty.dates import long_date

        return bool(sentence) and sentence.startswith(f"On {long_date(day)}")

    def matches(self, day: date, drawn: dict[str, str]) -> bool:
        expected = self.fills(day)
        return bool(drawn) and all(drawn.get(code, "").lower() == colour.lower() for code, colour in expected.items()
                                   if code in drawn) and set(drawn) <= set(expected)


def open_page(browser, url: str, day: date, timeout_ms: int = 60_000):
    """New context + page at ?date=day; returns (context, page, render record or None)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(path=str(PROBE))
    page = context.new_page()
    page.goto(f"{url}/?date={day.isoformat()}", wait_until="commit")
    record = page.evaluate(f"() => window.__probe.waitForDate('{day.isoformat()}', {timeout_ms})")
    nav_start = page.evaluate("() => window.__probe.navStart")
    return context, page, record, nav_start


def focus_day_slider(page, day: date, timeout_ms: int = 30_000) -> None:
    """Wait until the map's timeline holds the treaty's history (before that, its keys do nothing),
    then focus its day slider, which must show `day`."""
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(TIMELINE_READY).wait_for(timeout=timeout_ms)
    slider = frame.locator(DAY_SLIDER)
    slider.focus()
    page.wait_for_timeout(300)
    shown = int(slider.input_value())
    if shown != (day - date(1970, 1, 1)).days:
        raise RuntimeError(f"the map's day slider shows day {shown}, not {day}")


def press_day_key(page, day: date, timeout_ms: int = 15_000) -> dict:
    """ArrowRight on the focused day slider (the map moves to `day`): wait for the repaint, then for
    the server to catch up. Times are epoch ms."""
    before, keys_before = page.evaluate("() => [window.__probe.now(), window.__probe.keys.length]")
    page.keyboard.press("ArrowRight")
    record = page.evaluate("([d, t, after]) => window.__probe.waitForDate(d, t, after)", [day.isoformat(), timeout_ms, before])
    caught = page.evaluate("([d, t, after]) => window.__probe.waitForCaughtUp(d, t, after)", [day.isoformat(), timeout_ms, before])
    key = page.evaluate(f"() => window.__probe.keys[{keys_before}] || null")
    return {"day": day, "key": key and key["t"], "key_where": key and key.get("where"), "record": record, "caught": caught}


def do_steps(page, first: date, steps: int) -> list[dict]:
    """Focus the map's day slider and press ArrowRight `steps` times; one record per step."""
    focus_day_slider(page, first)
    day = first
    out = []
    for _ in range(steps):
        day += timedelta(days=1)
        out.append(press_day_key(page, day))
        time.sleep(PAUSE_S)
    return out


def analyse_steps(steps: list[dict], ws: list[dict], hooks: list[dict], expected: Expected, t_end: float) -> list[dict]:
    """Per step: latency, catch-up, bytes, correctness and the split of the time (all ms)."""
    writes = [h for h in hooks if h["ev"] == "write"]
    backmsgs = [h for h in hooks if h["ev"] == "backmsg" and h["type"] == "rerun_script"]
    runs = script_runs(hooks)
    rows = []
    for index, step in enumerate(steps):
        record, key, caught = step["record"], step["key"], step["caught"]
        if not record or key is None:
            rows.append({"day": step["day"].isoformat(), "ok": False, "key_where": step.get("key_where")})
            continue
        end = steps[index + 1]["key"] if index + 1 < len(steps) and steps[index + 1]["key"] else t_end
        window_in = [m for m in ws if m["dir"] == "in" and key <= m["t"] < end]
        window_out = [m for m in ws if m["dir"] == "out" and key <= m["t"] < end]
        row = {
            "day": step["day"].isoformat(),
            "ok": True,
            "key_where": step.get("key_where"),
            "latency": record["tFrame"] - key,
            "to_dom": record["tMutation"] - key,
            "dom_to_frame": record["tFrame"] - record["tMutation"],
            "bytes_in": sum(m["bytes"] for m in window_in),
            "messages_in": len(window_in),
            "bytes_out": sum(m["bytes"] for m in window_out),
            "fills_ok": expected.matches(step["day"], record["fills"]),
            "changed": expected.fills(step["day"]) != expected.fills(step["day"] - timedelta(days=1)),
            "caught_up_ok": caught is not None,
        }
        if caught:
            row.update({
                "caught_up": caught["tCaught"] - key,
                "key_to_value": caught["tValue"] - key,
                "key_to_args": caught["tArgs"] - key,
                "key_to_url": caught["tUrl"] - key,
                "args_date_ok": caught["argsDate"] == step["day"].isoformat(),
                "sentence_ok": expected.sentence_ok(step["day"], caught["sentence"]),
                "fills_after_ack_ok": expected.matches(step["day"], caught["fills"]),
            })
        sent = next((m["t"] for m in window_out if not caught or m["t"] >= caught["tValue"] - 1), None)
        if sent is not None:
            if caught:
                row["value_to_send"] = sent - caught["tValue"]
            back = next((b for b in backmsgs if b["t"] * 1e3 >= sent - 5), None)
            if back:
                row["send_to_server"] = back["t"] * 1e3 - sent
                run = next((r for r in runs if r["start"] >= back["t"] - 0.001), None)
                following = next((r["start"] for r in runs if run and r["start"] > run["start"]), float("inf"))
                if run:
                    # This run's messages: written from its start until just after it ends (not the next run's).
                    until = min(run["end"] + 0.25, following)
                    row["server_to_script"] = (run["start"] - back["t"]) * 1e3
                    row["script"] = run["ms"]
                    row["script_event"] = run["event"]
                    comp = next((w for w in writes if (w["element"] or "").startswith("component:") and w["t"] >= run["start"]), None)
                    if comp:
                        row["script_start_to_map_written"] = (comp["t"] - run["start"]) * 1e3
                        received = next((m for m in window_in if m["bytes"] == comp["bytes"] and m["t"] >= comp["t"] * 1e3 - 5), None)
                        if received:
                            row["map_msg_delivery"] = received["t"] - comp["t"] * 1e3
                            if caught:
                                row["map_msg_to_args_in_frame"] = caught["tArgs"] - received["t"]
                    row["server_bytes_by_element"] = _bytes_by_element(writes, run["start"], until)
                    window = [w for w in writes if run["start"] <= w["t"] < until]
                    row["_hashes"] = {w["hash"] for w in window if w.get("hash")}
                    previous = rows[-1].get("_hashes") if rows else None
                    if previous is not None:
                        row["bytes_unchanged_since_last_step"] = sum(w["bytes"] or 0 for w in window if w.get("hash") in previous)
                        row["bytes_written"] = sum(w["bytes"] or 0 for w in window)
        rows.append(row)
    return rows


def load_breakdown(nav: float, record: dict, ws: list[dict], hooks: list[dict]) -> dict:
    """Split a first paint (ms): frontend boot, server, first script run, map message, map frame."""
    out: dict = {"total": record["tFrame"] - nav}
    first_out = next((m["t"] for m in ws if m["dir"] == "out"), None)
    if first_out is None:
        return out
    out["nav_to_websocket_send"] = first_out - nav
    back = next((h for h in hooks if h["ev"] == "backmsg" and h["type"] == "rerun_script" and h["t"] * 1e3 >= first_out - 5), None)
    if not back:
        return out
    run = next((r for r in script_runs(hooks) if r["start"] >= back["t"] - 0.001), None)
    if not run:
        return out
    out["send_to_script_start"] = run["start"] * 1e3 - first_out
    out["script_run"] = run["ms"]
    comp = next((h for h in hooks if h["ev"] == "write" and (h["element"] or "").startswith("component:") and h["t"] >= run["start"]), None)
    if comp:
        out["script_start_to_map_written"] = (comp["t"] - run["start"]) * 1e3
        received = next((m for m in ws if m["dir"] == "in" and m["bytes"] == comp["bytes"] and m["t"] >= comp["t"] * 1e3 - 5), None)
        if received:
            out["map_written_to_received"] = received["t"] - comp["t"] * 1e3
            out["map_received_to_painted"] = record["tFrame"] - received["t"]
    return out


def _bytes_by_element(writes: list[dict], start: float, end: float) -> dict[str, int]:
    by = defaultdict(int)
    for w in writes:
        if start <= w["t"] < end:
            by[w["element"] or w["type"]] += w["bytes"] or 0
    return dict(by)


# ---------------------------------------------------------------------------------------------
def browser_profile(browser, url: str, first: date, steps: int = 10) -> dict:
    """Renderer main-thread CPU per step (the map's repaint and the server's answer), by origin of the
    code (CDP Profiler, 100 us sampling). The map iframe is same-origin: one renderer, one main thread."""
    context, page, record, _ = open_page(browser, url, first)
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 100})
        focus_day_slider(page, first)
        cdp.send("Profiler.start")
        day, done = first, 0
        for _ in range(steps):
            day += timedelta(days=1)
            # The whole step: the map's own repaint and the server's answer (sentence, arguments, URL).
            done += bool(press_day_key(page, day)["record"])
            page.wait_for_timeout(int(PAUSE_S * 1000))
        profile = cdp.send("Profiler.stop")["profile"]
    finally:
        context.close()
    nodes = {node["id"]: node for node in profile["nodes"]}
    self_us = defaultdict(float)
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        self_us[sample] += delta
    by_category, by_function = defaultdict(float), defaultdict(float)
    for node_id, micros in self_us.items():
        frame = nodes[node_id]["callFrame"]
        category = _category(frame["url"], frame["functionName"])
        by_category[category] += micros / 1e3 / max(1, done)
        if category not in ("(idle)",):
            name = f"{frame['functionName'] or '(anonymous)'} @ {frame['url'].rsplit('/', 1)[-1][:40] or category}"
            by_function[name] += micros / 1e3 / max(1, done)
    busy = sum(v for k, v in by_category.items() if k != "(idle)")
    return {
        "steps": done,
        "busy_ms_per_step": busy,
        "by_category_ms_per_step": dict(sorted(by_category.items(), key=lambda kv: -kv[1])),
        "top_functions_ms_per_step": dict(sorted(by_function.items(), key=lambda kv: -kv[1])[:12]),
    }


def _category(url: str, function: str) -> str:
    if function in ("(idle)", "(program)", "(garbage collector)", "(root)"):
        return function
    if url.endswith("probe.js"):
        return "probe.js (the measurement's own overhead)"
    if "/component/" in url:
        return "map frame: leaflet.js" if url.endswith("leaflet.js") else "map frame: document scripts (folium, treaty_map.js, timeline, bridge)"
    if "/static/" in url:
        return "Streamlit frontend (static/js)"
    if not url:
        return "native / probe / extensions"
    return "other: " + url.rsplit("/", 1)[-1][:40]


# ---------------------------------------------------------------------------------------------
def run(log=print, quick: bool = False, profile: bool = True, server_env: dict | None = None, rounds: int | None = None) -> list[Row]:
    """`server_env`: extra environment for the server (experiments, e.g. a Streamlit option as
    STREAMLIT_*); the suite runs without it."""
    from playwright.sync_api import sync_playwright

    rounds = rounds or (2 if quick else ROUNDS)
    steps_per_round = 5 if quick else STEPS_PER_ROUND
    expected = Expected()
    cold, cold_spawn, health, warm, steps, peaks, paint_ok = [], [], [], [], [], [], []
    profile_result = None
    breakdowns: dict[str, list[dict]] = {"cold": [], "warm": []}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for number in range(rounds):
                first = START_DATES[number % len(START_DATES)]
                others = OtherLoad()
                server = start_server(env=server_env, hooks=True)
                try:
                    health.append((server.t_health - server.t_spawn) * 1e3)
                    context, page, record, nav = open_page(browser, server.url, first)
                    loads = []
                    if record:
                        cold.append(record["tFrame"] - nav)
                        cold_spawn.append(record["tFrame"] - server.t_spawn * 1e3)
                        paint_ok.append(expected.matches(first, record["fills"]))
                        loads.append(("cold", nav, record, page.evaluate("() => window.__probe.ws")))
                    context.close()
                    for _ in range(WARM_LOADS):
                        context, page, record, nav = open_page(browser, server.url, first)
                        if record:
                            warm.append(record["tFrame"] - nav)
                            paint_ok.append(expected.matches(first, record["fills"]))
                            loads.append(("warm", nav, record, page.evaluate("() => window.__probe.ws")))
                        if _ < WARM_LOADS - 1:
                            context.close()
                    taken = do_steps(page, first, steps_per_round)
                    ws = page.evaluate("() => window.__probe.ws")
                    t_end = page.evaluate("() => performance.timeOrigin + performance.now()")
                    context.close()
                    time.sleep(0.3)
                    hooks = read_hook_log(server.hook_log)
                    for kind, load_nav, load_record, load_ws in loads:
                        breakdowns[kind].append(load_breakdown(load_nav, load_record, load_ws, hooks))
                    analysed = analyse_steps(taken, ws, hooks, expected, t_end)
                    steps += analysed
                    peaks.append(proc_status(server.pid).get("VmHWM", 0.0))
                    good = [s for s in analysed if s["ok"]]
                    log(f"  round {number + 1}: cold {cold[-1] if cold else float('nan'):.0f} ms, "
                        f"warm {summary(warm[-WARM_LOADS:], 0)} ms, steps {summary([s['latency'] for s in good])} ms "
                        f"(server caught up {summary([s['caught_up'] for s in good if 'caught_up' in s], 0)} ms), "
                        f"{sum(s['bytes_in'] for s in good) / max(1, len(good)):.0f} B/step; "
                        f"other processes used {others.share():.0%} of the CPUs")
                    if profile and number == rounds - 1:
                        log("  CPU profile of the renderer during 10 steps...")
                        profile_result = browser_profile(browser, server.url, first)
                finally:
                    server.stop()
        finally:
            browser.close()
    return _rows(cold, cold_spawn, health, warm, steps, peaks, paint_ok, profile_result, breakdowns)


def _rows(cold, cold_spawn, health, warm, steps, peaks, paint_ok, profile_result, breakdowns) -> list[Row]:
    good = [s for s in steps if s["ok"]]
    failed = len(steps) - len(good)
    latencies = [s["latency"] for s in good]
    caught = [s for s in good if s["caught_up_ok"]]
    bytes_in = [float(s["bytes_in"]) for s in good]
    bytes_out = [float(s["bytes_out"]) for s in good]
    fills_ok = sum(s["fills_ok"] for s in good)
    changed = sum(s["changed"] for s in good)
    in_map = sum(s.get("key_where") == "map" for s in good)
    correctness = (f"{fills_ok}/{len(good)} repaints had the expected fills; {changed} steps changed colours; "
                   f"{in_map}/{len(good)} keydowns in the map document; {failed} repaints timed out")
    catch_up_note = (f"{len(caught)}/{len(good)} caught up; of those, {sum(s['args_date_ok'] for s in caught)} map arguments "
                     f"carried the date, {sum(s['sentence_ok'] for s in caught)} sentences were about the date, "
                     f"{sum(s['fills_after_ack_ok'] for s in caught)} fills still right after the server's arguments")
    breakdown = {}
    for key in ("to_dom", "dom_to_frame", "caught_up", "key_to_value", "value_to_send", "send_to_server", "server_to_script",
                "script", "script_start_to_map_written", "map_msg_delivery", "map_msg_to_args_in_frame", "key_to_args",
                "key_to_url", "messages_in", "bytes_out", "bytes_written", "bytes_unchanged_since_last_step"):
        values = [s[key] for s in good if key in s]
        if values:
            breakdown[key] = {"median": percentile(values, 50), "p90": percentile(values, 90), "n": len(values)}
    elements = defaultdict(list)
    for s in good:
        for name, size in s.get("server_bytes_by_element", {}).items():
            elements[name].append(size)
    bytes_by_element = {name: percentile(v, 50) for name, v in sorted(elements.items(), key=lambda kv: -percentile(kv[1], 50))}
    load_split = {}
    for kind, items in breakdowns.items():
        keys = sorted({k for item in items for k in item}, key=lambda k: ["total", "nav_to_websocket_send", "send_to_script_start",
                      "script_run", "script_start_to_map_written", "map_written_to_received", "map_received_to_painted"].index(k))
        load_split[kind] = {k: {"median": percentile([i[k] for i in items if k in i], 50),
                                "p90": percentile([i[k] for i in items if k in i], 90),
                                "n": sum(k in i for i in items)} for k in keys}
    script_events = sorted({s["script_event"] for s in good if "script_event" in s})
    extra = {"breakdown": breakdown, "bytes_by_element_median": bytes_by_element, "profile": profile_result, "load_split": load_split,
             "script_events": script_events,
             "steps": [{k: v for k, v in s.items() if k not in ("server_bytes_by_element", "_hashes")} for s in steps]}
    rows = [
        Row(SECTION_STEP, "step key -> map repainted, p50 (issue 7)", latencies, "ms", budget=100, note=correctness, extra=extra),
        Row(SECTION_STEP, "step key -> map repainted, p90 (issue 7)", latencies, "ms", budget=150, compare="p90"),
        Row(SECTION_STEP, "step key -> map repainted, p50 (issue 4)", latencies, "ms", budget=150),
        Row(SECTION_STEP, "step key -> server caught up (map args ack + URL ?date=)", [s["caught_up"] for s in caught], "ms",
            note=catch_up_note),
        Row(SECTION_STEP, "websocket bytes server->browser per step (issue 17)", bytes_in, "B", budget=3000,
            note=f"median {percentile([s['messages_in'] for s in good], 50):.0f} messages per step"),
        Row(SECTION_STEP, "websocket bytes server->browser per step (issue 7)", bytes_in, "B", budget=5000),
        Row(SECTION_STEP, "websocket bytes server->browser per step (issue 4)", bytes_in, "B", budget=10000),
        Row(SECTION_STEP, "websocket bytes browser->server per step", bytes_out, "B"),
    ]
    for key, label in (("to_dom", "  repaint: keydown -> map DOM restyled"),
                       ("dom_to_frame", "  repaint: map DOM restyled -> next frame"),
                       ("key_to_value", "  catch-up: keydown -> map value posted to Streamlit"),
                       ("value_to_send", "  catch-up: value posted -> BackMsg sent"),
                       ("send_to_server", "  catch-up: BackMsg sent -> server handles it"),
                       ("server_to_script", "  catch-up: server handles -> script starts"),
                       ("script_start_to_map_written", "  catch-up: script start -> map message written"),
                       ("map_msg_delivery", "  catch-up: map message written -> received"),
                       ("map_msg_to_args_in_frame", "  catch-up: map message received -> args in frame"),
                       ("key_to_url", "  catch-up: keydown -> URL ?date= updated")):
        values = [s[key] for s in good if key in s]
        if values:
            rows.append(Row(SECTION_STEP, label, values, "ms"))
    scripts = [s["script"] for s in good if "script" in s]
    if scripts:
        rows.append(Row(SECTION_RERUN, "script run in the real server (hook, during browser steps)", scripts, "ms", budget=20,
                        note="SCRIPT_STARTED -> " + (", ".join(script_events) or "stop")
                             + " (a fragment rerun ends with FRAGMENT_STOPPED_...)"))
    rows += [
        Row(SECTION_PAINT, "first map paint, warm server, fresh context", warm, "ms", budget=2000,
            note=f"navigation -> frame with the date's fills; {sum(paint_ok)}/{len(paint_ok)} first renders had the expected fills"),
        Row(SECTION_PAINT, "first map paint, first session after server start", cold, "ms", budget=3000,
            note="navigation right after /_stcore/health answers -> painted map (includes the first script run)"),
        Row(SECTION_PAINT, "  server spawn -> /_stcore/health answers", health, "ms"),
        Row(SECTION_PAINT, "  server spawn -> first map painted", cold_spawn, "ms"),
    ]
    if peaks:
        rows.append(Row("4. server memory", "peak RSS (VmHWM) per browser round (1 cold + 4 warm sessions, steps)", peaks, "MB"))
    return rows


def report_details(rows: list[Row]) -> str:
    """The step breakdown, bytes by element and the renderer profile, as text."""
    extra = rows[0].extra
    lines = ["Step breakdown (ms unless noted; the repaint is keydown -> DOM -> frame, the catch-up is the server's answer):"]
    for key, value in extra.get("breakdown", {}).items():
        lines.append(f"  {key:30s} median {value['median']:8.1f}  p90 {value['p90']:8.1f}  (n={value['n']})")
    lines.append("Server->browser bytes per step by element (median, from the hook; ForwardMsg sizes):")
    for name, size in extra.get("bytes_by_element_median", {}).items():
        lines.append(f"  {name:40s} {size:8.0f}")
    for kind, split in extra.get("load_split", {}).items():
        lines.append(f"First paint split, {kind} loads (ms; script_start_to_map_written overlaps script_run):")
        for key, value in split.items():
            lines.append(f"  {key:30s} median {value['median']:8.1f}  p90 {value['p90']:8.1f}  (n={value['n']})")
    profile = extra.get("profile")
    if profile:
        lines.append(f"Renderer main thread per step (CDP Profiler, {profile['steps']} steps): busy {profile['busy_ms_per_step']:.1f} ms")
        for name, ms in profile["by_category_ms_per_step"].items():
            lines.append(f"  {name:60s} {ms:8.1f} ms")
        lines.append("  top functions (self time per step):")
        for name, ms in profile["top_functions_ms_per_step"].items():
            lines.append(f"    {name:70s} {ms:6.1f} ms")
    return "\n".join(lines)


def main() -> None:
    from benchmarks.__main__ import run_alone

    run_alone(run, report_details)


if __name__ == "__main__":
    main()
