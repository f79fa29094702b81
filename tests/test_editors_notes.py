"""Editor's notes: a correction of fact beside the author's words, never in them.

A lesson corrects a statement with an admonition titled "Editor's note" right after it
(inside its list item when the statement is one), citing a public source.  The counts
come from the sources: every note written in a lesson is on its page, in its place.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from notes_site.outline import code_rows
from support import sources

NOTE = re.compile(r"""^(?P<indent> *)!!! note "Editor's note"\s*$""")
TITLE = "Editor's note"


def written_notes(markdown: str) -> list[int]:
    """The indent of each Editor's note in a lesson's Markdown, outside code."""
    lines = markdown.split("\n")
    code = code_rows(lines)
    return [len(match["indent"]) for line, is_code in zip(lines, code) if not is_code and (match := NOTE.match(line))]


def rendered_notes(page: Path) -> list[Tag]:
    article = BeautifulSoup(page.read_text(), "html.parser").find("article")
    notes = article.select("div.admonition.note") if article else []
    return [note for note in notes if note.select_one(".admonition-title").get_text(strip=True) == TITLE]


def lesson_page(site: Path, path: str) -> Path:
    return site / path.removesuffix(".md") / "index.html"


def test_every_editors_note_of_the_sources_is_on_its_page_in_its_list_item(site: Path):
    total = 0
    for lesson in sources().lessons:
        written = written_notes(lesson.body)
        shown = rendered_notes(lesson_page(site, lesson.path))
        assert len(shown) == len(written), lesson.path
        for indent, note in zip(written, shown):
            # 4 spaces per list level: the note sits in as many list items, so no list breaks around it
            assert len(note.find_parents("li")) == indent // 4, f"{lesson.path}: {note.get_text(' ', strip=True)[:60]}"
        total += len(written)
    assert total > 0


def test_every_editors_note_on_the_site_cites_a_public_source(site: Path):
    notes = [(path, note) for path in sorted(site.rglob("*.html")) for note in rendered_notes(path)]
    assert notes
    for path, note in notes:
        body = note.get_text(" ", strip=True).removeprefix(TITLE).strip()
        links = [a["href"] for a in note.select("a[href]") if a["href"].startswith("https://")]
        assert links and "Source" in body, f"{path.relative_to(site)}: {body[:60]}"


# Material's look of a "note" admonition, which a <details> without a type class gets too.
ADMONITION_TYPES = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example", "quote"}
RESTYLED_FOLDS = ("glossary-definition", "flashcard-definition")  # extra.css gives these a look of their own


def test_only_an_editors_note_looks_like_one(site: Path):
    """A reader learns the pencil of a "note" box as "the editor speaks": no other box or
    fold on the site has it (the learning path's list once did)."""
    lookalikes = []
    for path in sorted(site.rglob("*.html")):
        for box in BeautifulSoup(path.read_text(), "html.parser").select("article div.admonition, article details"):
            classes = set(box.get("class", []))
            if classes & set(RESTYLED_FOLDS):
                continue
            title = box.select_one(":scope > .admonition-title, :scope > summary")
            looks_like_note = "note" in classes or (box.name == "details" and not classes & ADMONITION_TYPES)
            if looks_like_note and (title is None or title.get_text(strip=True) != TITLE):
                lookalikes.append(f"{path.relative_to(site)}: {title.get_text(strip=True) if title else box.name}")
    assert lookalikes == []
