"""Shared by every test that needs a browser: one Debian Chromium, driven by Playwright, per session.

Nothing skips: with no Chromium the tests fail and say how to install it (`make test` does).
One sync Playwright per process: a second one would clash with the first's event loop.
"""
from __future__ import annotations

import os

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


# Under mutation testing (`make mutate`; mutmut sets MUTANT_UNDER_TEST) a mutant is killed by the first
# failing test (-x), so the quick modules run first and the rendering and fuzzing ones only for the
# mutants the quick ones miss.
QUICK_FIRST = ("test_treaty_dates", "test_treaty_rules", "test_treaty_status", "test_treaty_narrative",
               "test_treaty_withdrawals", "test_treaty_facts", "test_treaty_validation", "test_treaty_loader",
               "test_treaty_cli", "test_render_palette", "test_render_payload", "test_export_animation",
               "test_export_deck", "test_treaty_properties")


def pytest_collection_modifyitems(items):
    if "MUTANT_UNDER_TEST" in os.environ:
        rank = {name: index for index, name in enumerate(QUICK_FIRST)}
        items.sort(key=lambda item: rank.get(item.path.stem, len(QUICK_FIRST)))
