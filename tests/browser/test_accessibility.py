"""axe-core in Chromium: no violations on the pages readers use most."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "/", "/lessons/07-availability/", "/lessons/11-hashing/", "/lessons/19-configuration/", "/glossary/",
    "/learning-path/", "/flashcards/", "/progress-format/", "/lessons/20-rate-limiting/", "/writing-notes/", "/contributing/", "/404.html",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(browser, server, path: str, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    context.close()
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}) e.g. {v['nodes'][0]['target']}"
        for v in results.response["violations"]
    ]
    assert violations == []
