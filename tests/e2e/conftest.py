"""Browser journeys: Playwright (its sync API) driving Debian's Chromium against the site served by
pytest-django's ``live_server`` on 127.0.0.1, with the session's PostgreSQL test database (demo data),
Elasticsearch and stripe-mock that ``make test`` starts.

The browser cannot reach anything but the live server: every other request is aborted by a route,
except the stand-ins a journey installs itself (Stripe.js). Each journey saves a full-page screenshot of
its final page under ``var/test-artefacts/e2e/<journey>.png``; a failing journey saves the page it
failed on as ``<journey>-failed.png`` and ``.html`` there too."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright import sync_api as playwright_sync  # requirements.txt; a missing package fails, never skips

CHROMIUM = os.environ.get("OCOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home (updates, sync, field trials) on a closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artefacts" / "e2e"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# Explicit waits: long enough for a loaded 2-core machine, short enough to fail fast.
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def _sync_orm_beside_playwright(monkeypatch):
    """Playwright's sync API runs an asyncio event loop in the test thread, and Django then refuses ORM
    calls there (SynchronousOnlyOperation). The test thread never runs async code of its own, so the
    guard is lifted — for these browser tests only, while each runs."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/chromium.sh installs Debian's chromium (make test runs it).")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        playwright_sync.expect.set_options(timeout=TIMEOUT_MS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server):
    """The live server's base URL (http://127.0.0.1:<port>)."""
    return live_server.url


@pytest.fixture
def new_page(browser, site, request):
    """``new_page(viewport=…)`` opens a fresh browser context (its own cookies: one person) and page."""
    contexts = []
    host = urlsplit(site).netloc

    def open_page(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, base_url=site, locale="vi-VN", **options)
        context.set_default_timeout(TIMEOUT_MS)

        def only_the_site(route):
            if urlsplit(route.request.url).netloc == host or route.request.url.startswith("data:"):
                return route.fallback()
            return route.abort()

        context.route(re.compile(r".*"), only_the_site)
        page = context.new_page()
        contexts.append((context, page))
        return page

    yield open_page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        for index, (_context, page) in enumerate(contexts):
            name = f"{request.node.name}-failed-{index}"
            try:
                page.screenshot(path=ARTEFACTS / f"{name}.png", full_page=True)
                (ARTEFACTS / f"{name}.html").write_text(page.content())
            except Exception:  # noqa: BLE001 — the page may be gone; the report still has the error
                pass
    for context, _page in contexts:
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report


def save_screenshot(page, journey):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{journey}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 1000
    return path


def log_in(page, email, password, next_url="/"):
    """Oscar's login form (/accounts/login/), as a person fills it."""
    page.goto(f"/accounts/login/?next={next_url}")
    form = page.locator("form#login_form")
    form.locator("[name=login-username]").fill(email)
    form.locator("[name=login-password]").fill(password)
    form.locator("[name=login_submit]").click()
    playwright_sync.expect(page.locator("form#login_form")).to_have_count(0)


@pytest.hookimpl(hookwrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    """Close the database connections the test body opened, in the body's own context.

    With Playwright's sync API active, the ORM calls of the test body do not share their connections
    with the fixtures' context (Django keeps connections in context-local storage), so the closing
    that the root conftest's database restore does would miss them: left open, such a connection
    keeps the test database busy, is killed by the restore and is found dead by the next journey."""
    yield
    from django.db import connections

    connections.close_all()
