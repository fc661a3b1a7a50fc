"""Starting the app and the browser, for the tests and the benchmarks alike: one set of Chromium
flags, one way to serve app.py on loopback and to stop it.

A module of its own, beside app.py, because the benchmarks must not import from tests/ (and the tests
not from benchmarks/). Standard library only: the benchmarks' server hook runs inside the Streamlit
process, and Playwright is handed in by the caller.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
NO_CHROMIUM = "Debian's chromium is not installed: run `make test`, which installs it (apt-get install chromium)"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch_chromium(playwright):
    """Debian's Chromium through a started sync Playwright; RuntimeError saying how to install it if absent."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(NO_CHROMIUM)
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    process: subprocess.Popen
    url: str
    port: int
    t_spawn: float  # epoch s
    t_health: float  # epoch s, first 200 from /_stcore/health
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        stop_app(self.process)


def start_app(log_path: Path, env: dict | None = None, python: str = sys.executable, timeout_s: float = 60) -> AppServer:
    """`python -m streamlit run app.py` on 127.0.0.1 and a free port, its output in `log_path`; returns
    once the server answers its health check. RuntimeError with the log's tail if it exits or never answers."""
    port = free_port()
    command = [python, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port), "--server.address", "127.0.0.1"]
    t_spawn = time.time()
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return AppServer(process, url, port, t_spawn, time.time(), log_path)
        except OSError:
            time.sleep(0.05)
    stop_app(process)
    raise RuntimeError(f"the app did not answer within {timeout_s:.0f} s:\n{log_path.read_text(errors='replace')[-3000:]}")


def stop_app(process: subprocess.Popen) -> None:
    """Stop the one process we started, by its id."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
