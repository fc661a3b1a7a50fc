"""Shared by every test that needs a browser: one Debian Chromium, driven by Playwright, per session.

Nothing skips: with no Chromium the tests fail and say how to install it (`make test` does).
One sync Playwright per process: a second one would clash with the first's event loop.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from harness import NO_CHROMIUM, chromium_path, launch_chromium


@pytest.fixture(scope="session")
def browser():
    if chromium_path() is None:
        pytest.fail(NO_CHROMIUM)
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()
