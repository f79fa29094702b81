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


# Every control of the study boxes, reached with Tab: it must show that it has the focus.
FOCUS_SHOWN = """() => {
    const e = document.activeElement, style = getComputedStyle(e);
    return [e.tagName.toLowerCase() + (e.type ? `[${e.type}]` : "") + " " + (e.getAttribute("aria-label") || e.textContent.trim().slice(0, 30)),
            !!e.closest(".flashcards, .study-backup, .lesson-done, .course-progress"),
            style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0];
}"""


@pytest.mark.parametrize("path", ["/flashcards/", "/", "/lessons/07-availability/"])
def test_each_study_control_shows_the_keyboards_focus(browser, server, path: str):
    """WCAG 2.4.7: the radio buttons, the file input and the number of new cards had none."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    seen, unseen = set(), []
    for _ in range(250):  # past the header and the navigation, through the page
        page.keyboard.press("Tab")
        name, in_study_box, shown = page.evaluate(FOCUS_SHOWN)
        if in_study_box and name not in seen:
            seen.add(name)
            if not shown:
                unseen.append(name)
    context.close()
    assert seen and unseen == []
