"""Headless Debian Chromium driven by Playwright. Missing Chromium fails; it never skips."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from chromium import CHROMIUM, FLAGS


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class Watched:
    """A page that records console errors and every request that leaves 127.0.0.1."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.off_origin: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith("data:"):
            self.off_origin.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def watched(browser: Browser) -> Watched:
    # No service worker: its answers would bypass the page's routes (Playwright's advice),
    # and its precaching would fetch the whole site once per test. test_offline.py tests it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    yield Watched(page)
    context.close()
