"""Speed, size and memory figures for Treaty Map. `python -m benchmarks` runs the suite (see README.md).

Shared helpers for the benchmark modules: the app server on loopback with the benchmarks' hook
(started by harness.py, as the tests start it), reading a process's memory from /proc, the machine
description, and the statistics every table uses. Standard library only: the server hook
(bench_server.install_server_hooks) imports this package inside the Streamlit process.
"""
from __future__ import annotations

import datetime as _dt
import math
import os
import platform
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness import AppServer, start_app, stop_app

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
MAP_FRAME = 'iframe[src*="components.map_view.treaty_map"]'  # the map and its timeline (the date is moved there)


# ---------------------------------------------------------------------------------------------
# Results
@dataclass
class Row:
    """One line of the results table: a figure over `n` samples, against its budget."""

    section: str
    name: str
    values: list[float]
    unit: str
    budget: float | None = None  # upper bound on the compared statistic; None: figure only
    compare: str = "p50"          # which statistic the budget applies to: "p50", "p90" or "max"
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def median(self) -> float:
        return percentile(self.values, 50)

    @property
    def p90(self) -> float:
        return percentile(self.values, 90)

    @property
    def met(self) -> bool | None:
        if self.budget is None or not self.values:
            return None
        value = {"p50": self.median, "p90": self.p90, "max": max(self.values)}[self.compare]
        return value <= self.budget

    def as_dict(self) -> dict:
        return {
            "section": self.section, "name": self.name, "n": self.n, "unit": self.unit,
            "median": self.median if self.values else None, "p90": self.p90 if self.values else None,
            "min": min(self.values) if self.values else None, "max": max(self.values) if self.values else None,
            "budget": self.budget, "compare": self.compare, "met": self.met, "note": self.note,
            "values": self.values, "extra": self.extra,
        }


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float], digits: int = 1) -> str:
    if not values:
        return "no samples"
    return (f"median {percentile(values, 50):.{digits}f}, p90 {percentile(values, 90):.{digits}f} "
            f"(min {min(values):.{digits}f}, max {max(values):.{digits}f}, N={len(values)})")


# ---------------------------------------------------------------------------------------------
# Machine and load
def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    return {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor() or "unknown",
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "load": os.getloadavg(),
    }


def wait_for_quiet(max_other_share: float = 0.10, max_wait_s: float = 300, log=print) -> tuple[float, ...]:
    """Wait (bounded) until processes outside this suite use less than `max_other_share` of the CPUs
    over a 5 s sample (the load average would also count the suite's own browser and server).
    Returns the load average seen at the end."""
    deadline = time.monotonic() + max_wait_s
    while True:
        sample = OtherLoad()
        time.sleep(5)
        share = sample.share()
        if share <= max_other_share:
            break
        if time.monotonic() >= deadline:
            log(f"  WARNING: other processes still use {share:.0%} of the CPUs after {max_wait_s:.0f} s; measuring anyway")
            break
        log(f"  machine busy (other processes use {share:.0%} of the CPUs, load {os.getloadavg()[0]:.2f}); waiting...")
        time.sleep(10)
    return os.getloadavg()


class OtherLoad:
    """CPU used by processes outside this benchmark's own process tree, as a share of the machine.

    The load average also counts the benchmark's own browser and server, so it cannot tell whether
    other people's work disturbed a measurement; this can. A thread samples /proc every 0.5 s: a
    process once seen in our tree stays ours (Chromium's processes are re-parented when they exit),
    and its last user+system time counts. Start with `OtherLoad()`, read `.share()` (stops it)."""

    def __init__(self, interval: float = 0.5):
        import threading

        self._own_pids: set[int] = set()
        self._ticks: dict[int, int] = {}
        self._baseline: dict[int, int] = {}
        self._stop = threading.Event()
        self._t0, self._busy0 = time.monotonic(), self._busy()
        self._sample(first=True)
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)
        self._thread.start()

    @staticmethod
    def _busy() -> int:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        return sum(values) - values[3] - (values[4] if len(values) > 4 else 0)  # minus idle and iowait

    def _sample(self, first: bool = False) -> None:
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    raw = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                parts = raw[raw.rindex(")") + 2:].split()
                stats[int(entry)] = (int(parts[1]), int(parts[11]) + int(parts[12]))  # ppid, utime+stime
        tree = self._own_pids | {os.getpid()}
        changed = True
        while changed:
            changed = False
            for pid, (ppid, _) in stats.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    changed = True
        for pid in tree:
            if pid in stats:
                if first or pid not in self._own_pids and pid not in self._ticks:
                    self._baseline.setdefault(pid, stats[pid][1] if first else 0)
                self._ticks[pid] = stats[pid][1]
        self._own_pids = tree

    def _loop(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self._sample()
            except OSError:
                pass

    def share(self) -> float:
        self._stop.set()
        self._thread.join(2)
        self._sample()
        elapsed = max(1e-6, time.monotonic() - self._t0)
        hz = os.sysconf("SC_CLK_TCK")
        own = sum(ticks - self._baseline.get(pid, 0) for pid, ticks in self._ticks.items())
        other = max(0.0, (self._busy() - self._busy0) - own) / hz
        return other / (elapsed * (os.cpu_count() or 1))


# ---------------------------------------------------------------------------------------------
# Processes
def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS) of a process in MB, from /proc (psutil is not required)."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, amount = line.split(":", 1)
                values[key] = int(amount.split()[0]) / 1024
    except OSError:
        pass
    return values


class RssSampler(threading.Thread):
    """Samples VmRSS of `pid` every `interval` s until stopped: [(t, MB)]."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        t0 = time.monotonic()
        while not self._stop_event.is_set():
            status = proc_status(self.pid)
            if "VmRSS" in status:
                self.samples.append((time.monotonic() - t0, status["VmRSS"]))
            self._stop_event.wait(self.interval)

    def stop(self) -> list[tuple[float, float]]:
        self._stop_event.set()
        self.join(5)
        return self.samples


@dataclass
class Server(AppServer):
    """The app as harness.start_app serves it, with the benchmark's hook log and temporary folder."""

    hook_log: Path | None = None
    workdir: Path | None = None

    def stop(self) -> None:
        stop_server(self)


def start_server(env: dict | None = None, hooks: bool = False, timeout_s: float = 60) -> Server:
    """The app on 127.0.0.1 and a free port (harness.start_app), its log in a temporary folder.

    With `hooks`, a sitecustomize.py in that folder (first on PYTHONPATH) installs
    bench_server.install_server_hooks() in the server process, which logs every BackMsg, script
    event and ForwardMsg (time, type, bytes) to a JSON-lines file: no app code is touched.
    """
    workdir = Path(tempfile.mkdtemp(prefix="treaty-bench-"))
    full_env = dict(env or {})
    hook_log = None
    if hooks:
        hook_log = workdir / "hooks.jsonl"
        (workdir / "sitecustomize.py").write_text(
            "import os\n"
            "if os.environ.get('TREATY_BENCH_HOOK_LOG'):\n"
            "    from benchmarks.bench_server import install_server_hooks\n"
            "    install_server_hooks(os.environ['TREATY_BENCH_HOOK_LOG'])\n"
        )
        inherited = full_env.get("PYTHONPATH", os.environ.get("PYTHONPATH", ""))
        full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(workdir), str(ROOT), inherited) if p)
        full_env["TREATY_BENCH_HOOK_LOG"] = str(hook_log)
    served = start_app(workdir / "server.log", full_env, python=PYTHON, timeout_s=timeout_s)
    return Server(**vars(served), hook_log=hook_log, workdir=workdir)


def stop_server(server: Server) -> None:
    """Stop the one process we started, by its id, and remove its temporary folder (log, hook log)."""
    stop_app(server.process)
    if server.workdir is not None:
        import shutil

        shutil.rmtree(server.workdir, ignore_errors=True)

