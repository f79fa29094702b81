"""The study pages on a 390 px phone: axe on a lesson, the learning path and the
flashcards in both palettes, and a focused grade that does not look chosen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 3}


@pytest.mark.parametrize("path", ["/lessons/08-caching/", "/learning-path/", "/flashcards/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_a_phone(browser: Browser, server, path: str, scheme: str):
    context = browser.new_context(color_scheme=scheme, **PHONE)
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    if path == "/lessons/08-caching/":
        page.locator("a.glossary-term").first.tap()  # its definition shown
        expect(page.get_by_role("tooltip")).to_be_visible()
    results = Axe().run(page)
    context.close()
    violations = [f"{v['id']}: {v['help']} e.g. {v['nodes'][0]['target']}" for v in results.response["violations"]]
    assert violations == []


def test_after_show_answer_the_focused_grade_looks_like_the_others(browser: Browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    page.get_by_role("button", name="Show answer").tap()
    good = page.get_by_role("button", name="Good")
    expect(good).to_be_focused()  # Space or Enter means Good
    look = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color, getComputedStyle(b).borderColor]"
    others = {tuple(page.get_by_role("button", name=name).evaluate(look)) for name in ("Again", "Hard", "Easy")}
    assert others == {tuple(good.evaluate(look))}
    context.close()


# The h1's height against that of its own text, without the permalink after it.
TITLE_GAP = """h1 => {
  const text = document.createRange();
  text.selectNodeContents(h1);
  const link = h1.querySelector(".headerlink");
  if (link) text.setEndBefore(link);
  return h1.getBoundingClientRect().height - text.getBoundingClientRect().height;
}"""


@pytest.mark.parametrize("path", ["/", "/lessons/07-availability/", "/glossary/", "/writing-notes/"])
def test_on_a_phone_a_title_takes_only_the_lines_of_its_words(browser: Browser, server, path: str):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + path)
    gap = page.locator("article h1").evaluate(TITLE_GAP)
    context.close()
    assert gap < 10, f"{gap:.0f} px under the title's words"  # less than a line: only the line height's own slack
