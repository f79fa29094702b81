"""One rendering of each definition, wherever it is shown: the lesson that teaches the
term, the glossary, the flashcards, the Anki deck (opened with Anki's own backend, as a
student's Anki opens it) and the CSV all show the same blocks: code blocks,
Editor's notes, lists, tables, figures."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.notes import Note
from bs4 import BeautifulSoup, Tag

from export_decks import CSV_HEADER, NAME, built_definitions, built_summaries, note_guid, page_base, write_decks
from mkdocs.config import load_config
from notes_site.glossary import Entry
from notes_site.outline import code_rows
from support import EDITORS_BOXES, ROOT, sources

# The blocks a definition is made of, in document order; an admonition is a <div>.
BLOCK_TAGS = {"p", "ul", "ol", "li", "pre", "table", "tr", "img", "blockquote", "hr", "dl", "details"}
ADMONITION = re.compile(r'^\s*(!!!|\?\?\?)\+?(?:\s+[\w-]+)*(?:\s+"([^"]*)")?')  # its title, if it has one
MARKDOWN_LINK = re.compile(r"\]\(|\]\[")


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def structure(elements: Iterable[Tag]) -> list[str]:
    """The block tags of a definition, in document order, each admonition as such."""
    found = []
    for element in elements:
        for tag in [element, *element.find_all(True)]:
            if tag.name == "div" and "admonition" in tag.get("class", []):
                found.append("admonition")
            elif tag.name in BLOCK_TAGS:
                found.append(tag.name)
    return found


def children(element: Tag | None) -> list[Tag]:
    assert element is not None
    return element.find_all(True, recursive=False)


def in_lesson(page: BeautifulSoup, entry: Entry) -> list[Tag]:
    """The elements under the term's heading on the lesson page, up to the next heading
    or the link to the lesson's flashcards that ends its key terms."""
    heading = page.find(id=entry.taught.anchor)
    assert heading is not None and heading.name == "h3", entry.name
    following = []
    for sibling in heading.find_next_siblings(True):
        if re.fullmatch(r"h[1-3]", sibling.name) or "lesson-study" in sibling.get("class", []):
            break
        following.append(sibling)
    return following


def in_glossary(page: BeautifulSoup, entry: Entry) -> list[Tag]:
    heading = page.find(id=entry.id)
    entry_section = heading.find_next_sibling("section", class_="glossary-entry")
    body = entry_section.select_one(":scope > details > .glossary-definition-body")
    return children(body) if body else [heading.find_next_sibling("p", class_="glossary-short")]


def in_flashcards(page: BeautifulSoup, entry: Entry) -> list[Tag]:
    card = page.select_one(f'.flashcard[data-term="{entry.id}"]')
    body = card.select_one(".flashcard-definition-body")
    return children(body) if body else [card.select_one(".flashcard-short")]


def fragment(text: str) -> list[Tag]:
    return BeautifulSoup(text, "html.parser").find_all(True, recursive=False)


def fences(markdown: str) -> int:
    """How many fenced code blocks a definition's Markdown writes."""
    code = code_rows(markdown.split("\n"))
    return sum(1 for row, is_code in enumerate(code) if is_code and (row == 0 or not code[row - 1]))


def admonition_titles(markdown: str) -> list[str]:
    """The title of each admonition ('!!! note "Editor's note"') a definition's Markdown writes."""
    lines = markdown.split("\n")
    return [found[2] or "" for line, is_code in zip(lines, code_rows(lines)) if not is_code and (found := ADMONITION.match(line))]


@pytest.fixture(scope="module")
def anki(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built deck imported into a fresh collection, as Anki imports a download; then
    the deck of a second export, as a student imports the next version of the site's."""
    folder = tmp_path_factory.mktemp("anki")
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    page = site / "flashcards" / "index.html"
    definitions = built_definitions(page, page_base(site_url, "flashcards.md"))
    next_version, _ = write_decks(list(sources().entries), definitions, built_summaries(page), site_url, folder / "next")
    collection = Collection(str(folder / "collection.anki2"))
    options = ImportAnkiPackageOptions(with_scheduling=False)
    imported = lambda apkg: collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options)).log
    first = imported(site / f"downloads/{NAME}.apkg")
    count = collection.note_count()
    again = imported(next_version)
    yield collection, first, again, count
    collection.close()


def notes(collection: Collection) -> dict[str, Note]:
    """Each imported note, by guid."""
    return {note.guid: note for note in map(collection.get_note, collection.find_notes(""))}


def test_every_definition_has_the_lessons_blocks_in_every_place(site: Path, anki):
    lessons = {lesson.path: html(site / lesson.path.removesuffix(".md") / "index.html") for lesson in sources().lessons}
    glossary, flashcards = html(site / "glossary/index.html"), html(site / "flashcards/index.html")
    with open(site / f"downloads/{NAME}.csv", encoding="utf-8") as file:
        rows = {row[CSV_HEADER.index("id")]: row[CSV_HEADER.index("definition")] for row in csv.reader(file)}
    deck = notes(anki[0])
    checked = 0
    for entry in sources().entries:
        lesson = structure(in_lesson(lessons[entry.taught.lesson.path], entry))
        # The lesson page itself shows every code block and note its Markdown writes.
        assert lesson.count("pre") == fences(entry.definition), entry.name
        assert lesson.count("admonition") == len(admonition_titles(entry.definition)), entry.name
        places = {
            "glossary": structure(in_glossary(glossary, entry)),
            "flashcards": structure(in_flashcards(flashcards, entry)),
            "Anki deck": structure(fragment(deck[note_guid(entry)]["Definition"])),
            "CSV": structure(fragment(rows[entry.id])),
        }
        for place, blocks in places.items():
            assert blocks == lesson, f"{entry.name}: {place} shows {blocks}, its lesson {lesson}"
        checked += 1
    assert checked == len(sources().entries)


def test_the_deck_imports_into_anki_and_importing_it_again_adds_nothing(anki):
    collection, first, again, count = anki
    entries = sources().entries
    assert len(first.new) == count == len(entries)
    assert len(again.new) == 0 and collection.note_count() == count
    assert len(again.duplicate) + len(again.updated) == len(entries)


def test_every_anki_note_reads_as_the_site_shows_it(anki):
    deck = notes(anki[0])
    for entry in sources().entries:
        note = deck[note_guid(entry)]
        for name, value in note.items():
            text = BeautifulSoup(value, "html.parser").get_text(" ", strip=True)
            assert text, f"{entry.name}: empty {name}"
            assert "!!!" not in value and "```" not in value, f"{entry.name}: Markdown left in {name}"
            assert not MARKDOWN_LINK.search(text), f"{entry.name}: a Markdown link in {name}: {text[:80]}"
        definition = BeautifulSoup(note["Definition"], "html.parser")
        for link in definition.select("[href], [src]"):
            assert re.match(r"https?://", link.get("href") or link.get("src")), f"{entry.name}: {link}"
        titles = [title.get_text() for title in definition.select(".admonition > .admonition-title")]
        assert titles == admonition_titles(entry.definition) and set(titles) <= set(EDITORS_BOXES), entry.name
        answer = BeautifulSoup(note.cards()[0].answer(), "html.parser").get_text(" ", strip=True)
        assert entry.name in answer and " ".join(definition.get_text(" ").split())[:40] in " ".join(answer.split())
