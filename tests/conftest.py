"""Shared by every test that needs a browser: one Debian Chromium, driven by Playwright, per session.

Nothing skips: with no Chromium the tests fail and say how to install it (`make test` does).
One sync Playwright per process: a second one would clash with the first's event loop.
"""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
