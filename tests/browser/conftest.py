"""Headless Debian Chromium driven by Playwright. Missing Chromium fails; it never skips."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from chromium import CHROMIUM, FLAGS


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, env={**os.environ, "TZ": noon_zone()})
        # No service worker unless a test asks for one (test_offline.py): its precaching
        # would fetch the whole site in every context, and it answers outside page routes.
        new_context = browser.new_context
        browser.new_context = lambda **options: new_context(**{"service_workers": "block", **options})
        yield browser
        browser.close()


def noon_zone() -> str:
    """A time zone where it is about noon now: "today" and "later today" in the study
    tests never cross a midnight while the suite runs."""
    hours = (12 - datetime.now(timezone.utc).hour + 12) % 24 - 12  # -12..11
    return "Etc/GMT" + (f"{-hours:+d}" if hours else "")  # Etc/GMT-N is UTC+N


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
