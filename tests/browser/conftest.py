"""Browser tests: the real app, served by `streamlit run` on loopback, in Debian's Chromium.

The browser itself is the session fixture in tests/conftest.py.
Every request the page makes outside 127.0.0.1/localhost is blocked and recorded, so a test can
assert the app works, and asks for nothing, with the network unreachable.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(app: Path = ROOT / "app.py", env: dict | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail(f"the app did not start within 60 s:\n{process.stdout.read().decode(errors='replace')[-3000:]}")


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def app_url():
    process, url = start_app()
    yield url
    stop_app(process)


@pytest.fixture
def outside_requests():
    return []


@pytest.fixture
def page(browser, outside_requests):
    """A fresh page at 1920x1080 whose requests beyond this machine are refused and recorded."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", guard)
    opened = context.new_page()
    yield opened
    context.close()
