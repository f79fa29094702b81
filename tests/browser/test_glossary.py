"""The glossary in Chromium: the letter bar, links to the lessons (term tooltips: test_term_tooltips.py)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

def test_the_letter_bar_jumps_to_its_letter(server, watched):
    page = watched.page
    page.goto(server + "/glossary/")
    page.locator(".glossary-letters a", has_text="Q").click()
    expect(page).to_have_url(re.compile(r"#letter-q$"))
    expect(page.locator("#quadtree")).to_be_in_viewport()


def test_an_entrys_lesson_link_lands_on_the_term_heading(server, watched):
    page = watched.page
    page.goto(server + "/glossary/")
    page.locator("#consistent-hashing ~ section.glossary-entry p.glossary-sources a").first.click()
    expect(page).to_have_url(re.compile(r"/lessons/11-hashing/#consistent-hashing$"))
    expect(page.locator("h3#consistent-hashing")).to_be_in_viewport()


def test_the_glossary_reads_as_a_quick_reference(server, watched):
    """Folded definitions keep the page short: a few lines per entry, not whole notes."""
    page = watched.page
    page.goto(server + "/glossary/")
    entries = page.locator("article h3[id]").count()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height / entries < 250, f"{height} px for {entries} entries"
    folded = page.locator("#blob-storage ~ section.glossary-entry details.glossary-definition").first
    expect(folded).not_to_have_attribute("open", "")
    folded.locator("summary").click()
    expect(folded.locator("li").first).to_be_visible()
