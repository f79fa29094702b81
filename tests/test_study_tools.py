"""The study tools on the built site: the flashcard deck and the lessons' "Mark as done"
buttons, as the pages carry them (tests/browser/test_study.py drives them)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from notes_site.flashcards import blanked, render_deck
from notes_site.glossary import build_glossary
from notes_site.glossary_page import letter_ids
from notes_site.lessons import parse_lesson
from notes_site.rendering import summaries as summaries_of
from support import site_setup, sources, summaries


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(), "html.parser")


def test_the_deck_has_a_card_per_glossary_term_with_its_lesson(site: Path):
    cards = page(site, "flashcards").select("article .flashcard[data-term]")
    entries = {entry.id: entry for entry in sources().entries}
    assert sorted(card["data-term"] for card in cards) == sorted(entries)
    for card in cards:
        entry = entries[card["data-term"]]
        assert card.select_one(".flashcard-front").get_text() == entry.name
        assert card.select_one(".flashcard-short").get_text() == summaries()[entry.id]
        link = card.select_one(".flashcard-lesson a")
        assert link["href"].startswith(f"../{entry.taught.lesson.path.removesuffix('.md')}/")


# Words of a name that say nothing of the term.
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def giveaways(prompt: str, names: tuple[str, ...]) -> list[str]:
    """The prompt's words that give a name away, by the rule in plain code (not the
    site's): an acronym anywhere, as written; any other word of a name, in any case,
    at the start of a word, or less its final e or y (cache: caching, proxy: proxies)."""
    found = []
    words = re.findall(r"[^\W_]+", prompt)
    for name_word in {w for name in names for w in re.findall(r"[^\W_]+", name) if w.lower() not in SMALL_WORDS}:
        if len(name_word) > 1 and name_word.isupper():
            found += [word for word in words if name_word in word]
            continue
        lower = name_word.lower()
        start = lower[:-1] if len(lower) > 3 and lower[-1] in "ey" else lower
        found += [word for word in words if word.lower().startswith(start)]
    return found


def test_a_reverse_card_gives_no_word_of_its_terms_names(site: Path):
    """Definition -> term: the question shows no word of the term's names or aliases."""
    entries = {entry.id: entry for entry in sources().entries}
    leaks = {}
    for card in page(site, "flashcards").select("article .flashcard[data-term]"):
        entry = entries[card["data-term"]]
        prompt = card.select_one(".flashcard-prompt").get_text()
        assert prompt.strip(" …"), entry.name  # a question is left
        if giveaways(prompt, entry.names):
            leaks[entry.name] = prompt
    assert leaks == {}


def test_a_reverse_card_blanks_a_name_inside_a_word_and_a_part_of_a_name(site: Path):
    prompts = {card["data-term"]: card.select_one(".flashcard-prompt").get_text()
               for card in page(site, "flashcards").select("article .flashcard[data-term]")}
    assert prompts["postgres"] == "A relational database that uses a dialect of SQL called …"
    assert prompts["google-cloud-storage"] == "… is a blob … service by …"
    assert prompts["high-availability"] == "Systems with particularly … levels of …, usually five nines (99.999%) or more"
    assert prompts["cache-hit"] == "When requested data is found in a …"


def test_reverse_cards_that_ask_the_same_question_each_name_the_others_as_also_right(site: Path):
    """InfluxDB and Prometheus have one short definition: a student who answers either
    is right, and the back of each card says so (in reverse only: see the stylesheet)."""
    asked: dict[str, list] = {}
    for card in page(site, "flashcards").select("article .flashcard[data-term]"):
        asked.setdefault(card.select_one(".flashcard-prompt").get_text(), []).append(card)
    shared = [cards for cards in asked.values() if len(cards) > 1]
    names = lambda cards: {card.select_one(".flashcard-front").get_text() for card in cards}
    for cards in shared:
        for card in cards:
            line = card.select_one(".flashcard-back .flashcard-also-right")
            assert line and {b.get_text() for b in line.select("strong")} == names(cards) - names([card])
    alone = [card for cards in asked.values() if len(cards) == 1 for card in cards]
    assert not any(card.select_one(".flashcard-also-right") for card in alone)


TWO_TERMS_ONE_DEFINITION = """# Lesson 1: Time Series

## Key Terms

### InfluxDB

A popular open-source time series database

### Prometheus

A popular open-source time series database

### Graphite

A tool that stores numeric time series data
"""


def test_a_reverse_card_whose_question_another_asks_too_names_it_as_also_right():
    lesson, problems = parse_lesson(TWO_TERMS_ONE_DEFINITION, "lessons/01-time-series.md", "docs/lessons/01-time-series.md")
    entries, found = build_glossary([lesson], letter_ids())
    assert problems == found == []
    summaries = summaries_of(entries, site_setup())
    deck = BeautifulSoup(render_deck(entries, "flashcards.md", {e.id: "" for e in entries}, summaries, str), "html.parser")
    also_right = {card["data-term"]: str(card.select_one(".flashcard-also-right")) for card in deck.select(".flashcard")}
    assert also_right == {
        "influxdb": '<p class="flashcard-also-right">Also right: <strong>Prometheus</strong>, with the same definition</p>',
        "prometheus": '<p class="flashcard-also-right">Also right: <strong>InfluxDB</strong>, with the same definition</p>',
        "graphite": "None",
    }


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
        # Under its title, and again where it ends, where a reader who has read it is.
        assert len(buttons) == 2 and "lesson-done-end" in buttons[1].parent["class"]
        # The second is the lesson's last: only the page's date of update follows it.
        assert [e.name for e in buttons[1].parent.find_next_siblings() if e.name != "script"] in ([], ["aside"])
        for button in buttons:
            assert button["data-lesson-done"] == str(lesson.number)
            assert button["aria-pressed"] == "false" and "done" in button.get_text().lower()
            assert button.parent.has_attr("data-search-exclude")


def test_study_pages_are_linked_from_the_home_page_and_the_glossary(site: Path):
    for path, href in (("", "flashcards/"), ("glossary", "../flashcards/")):
        links = [a["href"] for a in page(site, path).select("article a[href]")]
        assert href in links, path


BLANKING_LESSON = """# Lesson 1: Storage

## Key Terms

### Postgres

A relational database that uses a dialect of SQL called PostgreSQL

### SQL

A language; NoSQL stores are named after it

### Google Cloud Storage

A blob storage service by Google, storing Google's blobs

### Replication

Replicating data: a replicated copy, kept by replicas

### Key-Value Store

A key-value store keeps values under keys; its keystore too
"""


def test_blanking_takes_out_acronyms_inside_words_and_every_form_of_a_names_words():
    lesson, problems = parse_lesson(BLANKING_LESSON, "lessons/01-storage.md", "docs/lessons/01-storage.md")
    entries, more = build_glossary([lesson], letter_ids())
    assert problems + more == []
    shown = summaries_of(entries, site_setup())
    assert {entry.name: blanked(entry, shown[entry.id]) for entry in entries} == {
        "Google Cloud Storage": "A blob … service by …, …'s blobs",
        "Key-Value Store": "A … keeps … under …; its … too",
        "Postgres": "A relational database that uses a dialect of SQL called …",
        "Replication": "… data: a … copy, kept by …",
        "SQL": "A language; … stores are named after it",
    }
