"""Load: N concurrent sessions moving the date on the map's timeline, against one server on loopback.

Run from the repository root: `python -m benchmarks.bench_load` (20 sessions for 60 s; options
--sessions, --seconds, --rss-limit-mb, --growth-limit-mb, --data-dir). It exits non-zero if any step
failed or memory went past its bounds, so it can gate a release; `run()` gives the same figures as
rows for `python -m benchmarks`.

Each session is a websocket client speaking Streamlit's protocol, as the browser does
(benchmarks/ws_client.py): a first `rerun_script` BackMsg with `?date=...`, then one per step
carrying the map component's value `{"nonce": ..., "date": "YYYY-MM-DD"}` as its widget state, with
the `fragment_id` of the fragment the map is drawn in, so each step reruns that fragment as a
browser's does. A session waits for `script_finished` before its next step (the map's timeline keeps
one message in flight too), walks the treaty's history in random strides (seeded) within the
timeline's bounds (the map's `first` and `last`), and checks every step:

* error: an exception element, a run that did not finish successfully, no answer within 30 s, a
  closed connection, a map drawn for another date than the one asked for, map arguments whose `ack`
  is not the nonce sent, or a URL whose `?date=` is not the new date;
* step latency: BackMsg sent to `script_finished` received (p50/p90/p99/max reported);
* server memory: VmRSS of the server process from /proc every 0.5 s; bounded means the peak stays
  under --rss-limit-mb and the median of the last 10 s is within --growth-limit-mb of the median of
  the first 10 s after warm-up.

Loopback only; every loop is bounded in steps and time; the server is always stopped.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from benchmarks import ROOT, Row, RssSampler, percentile, proc_status, start_server, stop_server
from benchmarks.ws_client import RECV_TIMEOUT_S, MapSession

SECTION = "6. load: concurrent sessions"
MAX_STEPS_PER_SESSION = 100_000  # a hard bound besides the time limit


@dataclass
class SessionResult:
    index: int
    steps: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    last_asked: str | None = None
    last_drawn: str | None = None


async def session(url: str, index: int, first_day: date, *, seconds: float | None, steps: int | None,
                  stride: int = 45, seed: int = 0) -> SessionResult:
    """One client: open the page at `first_day`, then step until `seconds` pass or `steps` are done.

    With `steps` and stride 1 the walk is deterministic (one day forward per step), so the caller
    knows the date the session must end on: first_day + steps days.
    """
    result = SessionResult(index)
    rng = random.Random(seed * 1000 + index)
    deadline = time.monotonic() + seconds if seconds else None
    limit = min(steps, MAX_STEPS_PER_SESSION) if steps else MAX_STEPS_PER_SESSION
    try:
        async with MapSession.connect(url, f"date={first_day.isoformat()}") as client:
            first = await client.run()
            if not first.ok or client.map_id is None or client.bounds is None:
                problem = (first.exceptions or first.status) if not first.ok else "no map (or no timeline bounds) on the page"
                result.errors.append(f"first run: {problem}")
                return result
            low, high = client.bounds  # the map timeline's first and last day
            day = first_day
            while result.steps < limit and (deadline is None or time.monotonic() < deadline):
                move = 1 if stride == 1 else rng.choice([-1, 1]) * rng.randint(1, stride)
                day = min(max(day + timedelta(days=move), low), high)
                started = time.perf_counter()
                nonce, seen = await client.move_to(day)
                result.latencies_ms.append((time.perf_counter() - started) * 1e3)
                result.steps += 1
                result.last_asked, result.last_drawn = day.isoformat(), seen.drawn
                if problem := client.check(seen, nonce, day):
                    result.errors.append(f"step {result.steps}: {problem}")
    except (asyncio.TimeoutError, TimeoutError):
        result.errors.append(f"step {result.steps + 1}: no script_finished within {RECV_TIMEOUT_S} s")
    except Exception as error:  # a closed connection, a refused handshake: all count as errors
        result.errors.append(f"step {result.steps + 1}: {type(error).__name__}: {error}")
    return result


def run_sessions(url: str, sessions: int, *, seconds: float | None = None, steps: int | None = None,
                 first_day: date = date(2025, 1, 1), spacing_days: int = 30, stride: int = 45, seed: int = 0) -> list[SessionResult]:
    """`sessions` clients at once; session i opens at first_day + i * spacing_days."""
    if not seconds and not steps:
        raise ValueError("bound the load by seconds or steps")

    async def main():
        return await asyncio.gather(*(
            session(url, index, first_day + timedelta(days=index * spacing_days), seconds=seconds, steps=steps, stride=stride, seed=seed)
            for index in range(sessions)
        ))

    # A thread of its own: the caller may already run an event loop (Playwright's sync API does).
    outcome: dict = {}
    worker = threading.Thread(target=lambda: outcome.update(results=asyncio.run(main())), daemon=True)
    worker.start()
    worker.join((seconds or 0) + (steps or 0) * RECV_TIMEOUT_S + 120)
    if "results" not in outcome:
        raise RuntimeError("the load did not finish in time")
    return list(outcome["results"])


@dataclass
class LoadReport:
    sessions: int
    seconds: float
    results: list[SessionResult]
    rss: list[tuple[float, float]]
    peak_rss_mb: float
    server_log_errors: list[str]
    wall_s: float

    @property
    def latencies(self) -> list[float]:
        return [value for result in self.results for value in result.latencies_ms]

    @property
    def errors(self) -> list[str]:
        return [f"session {r.index}: {e}" for r in self.results for e in r.errors] + self.server_log_errors

    @property
    def steps(self) -> int:
        return sum(result.steps for result in self.results)

    def rss_window(self, first: bool, span: float = 10) -> float:
        if not self.rss:
            return float("nan")
        end = self.rss[-1][0]
        chosen = [mb for t, mb in self.rss if (t <= span if first else t >= end - span)]
        return percentile(chosen, 50)

    @property
    def growth_mb(self) -> float:
        return self.rss_window(False) - self.rss_window(True)

    def text(self) -> str:
        lat = self.latencies
        lines = [
            f"sessions {self.sessions}, {self.seconds:.0f} s each; {self.steps} steps in {self.wall_s:.1f} s "
            f"({self.steps / max(self.wall_s, 1e-9):.1f} steps/s over all sessions)",
            f"errors {len(self.errors)}" + (": " + "; ".join(self.errors[:5]) if self.errors else ""),
            f"step latency ms: p50 {percentile(lat, 50):.0f}, p90 {percentile(lat, 90):.0f}, p99 {percentile(lat, 99):.0f}, max {max(lat, default=float('nan')):.0f}",
            f"server RSS MB: first 10 s median {self.rss_window(True):.0f}, last 10 s median {self.rss_window(False):.0f} "
            f"(growth {self.growth_mb:+.0f}), peak {self.peak_rss_mb:.0f} (VmHWM), {len(self.rss)} samples",
        ]
        return "\n".join(lines)


def _log_errors(log_path: Path) -> list[str]:
    text = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    return [f"server log: {line.strip()[:200]}" for line in text.splitlines() if "Traceback" in line or "Uncaught" in line]


def load(sessions: int = 20, seconds: float = 60, data_dir: Path | None = None, warmup_sessions: int = 2, log=print) -> LoadReport:
    """Start a server (on a copy of `data_dir`, default data/), warm it up, run the load, stop it."""
    source = Path(data_dir) if data_dir else ROOT / "data"
    with tempfile.TemporaryDirectory(prefix="treaty-load-") as folder:
        copy = Path(folder) / "data"
        shutil.copytree(source, copy)
        server = start_server(env={"TREATY_MAP_DATA_DIR": str(copy)})
        try:
            log(f"  server pid {server.pid} at {server.url}; warming up")
            run_sessions(server.url, warmup_sessions, steps=5)
            sampler = RssSampler(server.pid, interval=0.5)
            sampler.start()
            log(f"  {sessions} sessions for {seconds:.0f} s")
            started = time.monotonic()
            try:
                results = run_sessions(server.url, sessions, seconds=seconds)
            finally:
                samples = sampler.stop()
            wall = time.monotonic() - started
            peak = proc_status(server.pid).get("VmHWM", float("nan"))
        finally:
            stop_server(server)
        return LoadReport(sessions, seconds, results, samples, peak, _log_errors(server.log_path), wall)


def run(log=print, quick: bool = False) -> list[Row]:
    """Rows for `python -m benchmarks`: --quick runs 5 sessions for 15 s."""
    sessions, seconds = (5, 15) if quick else (20, 60)
    report = load(sessions, seconds, log=log)
    log("  " + report.text().replace("\n", "\n  "))
    note = f"{report.steps} steps, {len(report.errors)} errors, RSS growth {report.growth_mb:+.0f} MB"
    return [
        Row(SECTION, f"step latency, {sessions} sessions x {seconds:.0f} s (BackMsg to script_finished)", report.latencies, "ms",
            compare="p90", note=note),
        Row(SECTION, "server RSS during the load", [mb for _, mb in report.rss], "MB", budget=1024, compare="max"),
        Row(SECTION, "errors (exceptions, failed runs, wrong dates, timeouts)", [float(len(report.errors))], "n", budget=0, compare="max"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rss-limit-mb", type=float, default=1024, help="the server's peak RSS must stay under this")
    parser.add_argument("--growth-limit-mb", type=float, default=150, help="last-10-s minus first-10-s median RSS")
    parser.add_argument("--data-dir", type=Path, help="dataset folder to copy and serve (default data/)")
    args = parser.parse_args(argv)
    if not (1 <= args.sessions <= 200 and 1 <= args.seconds <= 1800):
        parser.error("keep the load bounded: 1-200 sessions, 1-1800 s")
    report = load(args.sessions, args.seconds, args.data_dir)
    print(report.text())
    failures = []
    if report.errors:
        failures.append(f"{len(report.errors)} errors")
    if not report.steps:
        failures.append("no step was made")
    if not report.peak_rss_mb < args.rss_limit_mb:
        failures.append(f"peak RSS {report.peak_rss_mb:.0f} MB >= {args.rss_limit_mb:.0f} MB")
    if not report.growth_mb < args.growth_limit_mb:
        failures.append(f"RSS grew {report.growth_mb:.0f} MB >= {args.growth_limit_mb:.0f} MB")
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
