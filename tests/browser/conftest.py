"""Browser fixtures: Debian's Chromium driven by Playwright against the live server.

One headless Chromium per test session, a fresh context (no cookies, no
cache) per test. The browser is never downloaded: Playwright launches
``/usr/bin/chromium`` (or ``$CHROMIUM``); when it is missing every browser
test is skipped with a message saying how to install it.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from .probe import PageProbe

# Playwright's sync API runs an asyncio loop in this thread, and Django
# refuses ORM calls from a thread with a running loop. The tests only read
# and write through the ORM between browser steps, never concurrently.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# Serve on the IPv4 loopback address: the tests assert that no request goes
# anywhere else, and "localhost" could resolve to ::1 first.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # root in a container: Chromium's sandbox needs user namespaces
    "--disable-gpu",
    # No update checks, sync, field trials or QUIC probes: the browser itself
    # must not talk to the network either.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    """Mark every test in this folder ``browser`` (``pytest -m 'not browser'`` skips them)."""
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium for the whole session."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"No Chromium at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium) or set CHROMIUM=/path/to/chromium."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    """A new browser profile per test: no cookies, no cache, Swedish locale."""
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport=DESKTOP, java_script_enabled=True
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def no_js_page(browser, live_server, demo):
    """A tab of a browser with JavaScript switched off, on the demo content."""
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport=DESKTOP, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def probe(context):
    """A tab that records console errors, outside requests and page weight."""
    return PageProbe(context)


@pytest.fixture
def page(probe):
    """The probe's Playwright page, for journeys that drive it directly."""
    return probe.page


@pytest.fixture
def demo(live_server, django_db_serialized_rollback):
    """The site's demo content, as ``manage.py seed_demo`` creates it.

    Live-server tests run in transactions that are flushed afterwards, which
    would also wipe rows the migrations created (the site, branches, groups);
    serialized rollback restores them before each test.
    """
    call_command("seed_demo", verbosity=0)
    return live_server
