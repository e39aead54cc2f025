"""Fixtures for the browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

The tests are skipped, with a message that says why, only where Chromium is not installed. Playwright's own
browser download is not used: the tests drive the system's Chromium (``CHROMIUM_PATH`` to choose another).
"""

import os
import shutil
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from tests.browser.admin_ui import DEMO_PASSWORD

CHROMIUM_MISSING = (
    "Chromium is not installed: install Debian's chromium package (apt-get install chromium) to run the browser tests"
)

#: Headless, as root, and quiet on a machine without a network: without the last five flags Chromium tries to
#: reach Google's hosts (updates, sync, field trials) at every start. Playwright gives each browser it launches
#: a new, empty profile (user-data-dir) of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_terminal_summary(terminalreporter):
    """Say, at the end of every run, that the browser tests did not run and why: skips are easy to miss."""
    skipped = [
        report for report in terminalreporter.stats.get("skipped", []) if CHROMIUM_MISSING in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep("=", f"{len(skipped)} browser tests skipped", yellow=True)
        terminalreporter.write_line(CHROMIUM_MISSING, yellow=True)


def find_chromium() -> str | None:
    """``CHROMIUM_PATH``, else Debian's /usr/bin/chromium, else a chromium on the PATH."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip(CHROMIUM_MISSING)
    return path


@pytest.fixture(scope="package")
def browser(chromium_path):
    """One headless Chromium for all the browser tests.

    Package-scoped, not session-scoped, so that Playwright, and the event loop it runs, stop as soon as the
    browser tests are done (pytest-django runs these transactional tests after the others).
    """
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop running in this thread while it is started. Django then
    # (1) refuses database access here (SynchronousOnlyOperation), and (2) looks its connections up in separate,
    # per-context storage, where it would open new ones that lack the test database's state (the data that
    # serialized_rollback restores, the SQLite connection the live server shares). The tests are plain
    # synchronous code that only waits on the browser, so: the check is off, and the same connection objects are
    # used, for exactly as long as Playwright runs.
    current = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, connection in current.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@contextmanager
def desktop_page(browser):
    """A new browser context (no cookies or storage shared with any other) and page, at a desktop size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser):
    with desktop_page(browser) as page:
        yield page


@pytest.fixture
def second_page(browser):
    """A second person's browser, so that two users are signed in at once."""
    with desktop_page(browser) as page:
        yield page


@pytest.fixture(scope="package")
def _leave_migration_data(django_db_setup, django_db_blocker):
    """Leave the test database with the rows that migrations wrote, once the browser tests are done.

    Each transactional test ends by emptying every table, migrations' rows included (Wagtail's root page,
    default site, locale and root collection); ``serialized_rollback`` puts them back at the start of the next.
    A later run with ``--reuse-db`` on a persistent database (PostgreSQL) would otherwise find them missing.
    """
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                    verbosity=0,
                )
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture
def demo_site(_leave_migration_data, live_server, settings, monkeypatch) -> str:
    """The demo content, served by the live server; gives the server's base URL.

    Tests that use it need ``@pytest.mark.django_db(transaction=True, serialized_rollback=True)``: the live
    server reads the database from another thread, so the content must be committed.
    """
    # load_initial_data points the default Site at WAGTAILADMIN_BASE_URL, so pages' full URLs are the server's.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD)
    call_command("load_initial_data", stdout=StringIO())
    return live_server.url
