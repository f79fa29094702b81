"""The study tools on the built site: the flashcard deck and the lessons' "Mark as done"
buttons, as the pages carry them (tests/browser/test_study.py drives them)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from notes_site.names import Finder
from support import sources


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(), "html.parser")


def test_the_deck_has_a_card_per_glossary_term_with_its_lesson(site: Path):
    cards = page(site, "flashcards").select("article .flashcard[data-term]")
    entries = {entry.id: entry for entry in sources().entries}
    assert sorted(card["data-term"] for card in cards) == sorted(entries)
    for card in cards:
        entry = entries[card["data-term"]]
        assert card.select_one(".flashcard-front").get_text() == entry.name
        assert card.select_one(".flashcard-short").get_text() == entry.summary
        link = card.select_one(".flashcard-lesson a")
        assert link["href"].startswith(f"../{entry.taught.lesson.path.removesuffix('.md')}/")


def test_a_reverse_card_does_not_name_its_term(site: Path):
    """Definition -> term: the question blanks out the term's own names."""
    entries = {entry.id: entry for entry in sources().entries}
    for card in page(site, "flashcards").select("article .flashcard[data-term]"):
        entry = entries[card["data-term"]]
        prompt = card.select_one(".flashcard-prompt").get_text()
        assert list(Finder({entry.id: entry.names}).mentions(prompt)) == [], entry.name


def test_the_flashcards_script_loads_on_that_page_only(site: Path):
    def page_scripts(html: BeautifulSoup) -> list[str]:
        return [script["src"] for script in html.select("script[src]") if "flashcards" in script["src"] or "vendor/" in script["src"]]

    flashcards = page(site, "flashcards")
    modules = [script["src"] for script in flashcards.select("article script[type=module][src]")]
    assert modules == ["../javascripts/flashcards.js"]  # inside the content: instant navigation runs it
    for path in sorted(site.rglob("index.html")):
        if path.parent.name != "flashcards":
            assert page_scripts(BeautifulSoup(path.read_text(), "html.parser")) == [], path


def test_each_written_lesson_and_only_those_has_a_done_toggle(site: Path):
    for lesson in sources().lessons:
        buttons = page(site, lesson.path.removesuffix(".md")).select("article button[data-lesson-done]")
        if lesson.unwritten:
            assert buttons == []
            continue
        assert len(buttons) == 1
        button = buttons[0]
        assert button["data-lesson-done"] == str(lesson.number)
        assert button["aria-pressed"] == "false" and "done" in button.get_text().lower()
        assert button.parent.has_attr("data-search-exclude")


def test_study_pages_are_linked_from_the_home_page_and_the_glossary(site: Path):
    for path, href in (("", "flashcards/"), ("glossary", "../flashcards/")):
        links = [a["href"] for a in page(site, path).select("article a[href]")]
        assert href in links, path
