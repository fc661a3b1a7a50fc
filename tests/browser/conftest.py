"""Browser tests: the real app, served by `streamlit run` on loopback, in Debian's Chromium.

The browser itself is the session fixture in tests/conftest.py.
Every request the page makes outside 127.0.0.1/localhost is blocked and recorded, so a test can
assert the app works, and asks for nothing, with the network unreachable.
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from harness import start_app, stop_app

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    try:
        server = start_app(tmp_path_factory.mktemp("app") / "server.log")
    except RuntimeError as error:
        pytest.fail(str(error))
    yield server.url
    stop_app(server.process)


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
