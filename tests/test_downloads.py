"""The flashcard downloads of `make build`: an Anki deck with one note per term, whose
ids stay the same from build to build, and a CSV of the same cards; each definition
read from the built flashcards page (tests/test_one_rendering.py compares them with the
lessons and opens the deck with Anki's own backend)."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from export_decks import (
    CSV_HEADER, DECK_ID, MODEL_ID, NAME, SiteError, built_definitions, lesson_tag, lesson_url, note_guid, page_base, plain_text,
    write_decks,
)
from mkdocs.config import load_config
from support import ROOT, sources, summaries

SITE_URL = "https://example.org/notes/"
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def read_deck(apkg: Path, tmp_path: Path) -> tuple[list[tuple[str, str, str]], set[int], set[int]]:
    """The notes (guid, tags, fields) of an .apkg, its deck ids and its model ids."""
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = db.execute("SELECT guid, tags, flds FROM notes ORDER BY sfld").fetchall()
        decks, models = db.execute("SELECT decks, models FROM col").fetchone()
    finally:
        db.close()
    return notes, {int(id) for id in json.loads(decks)}, {int(id) for id in json.loads(models)}


def read_csv(site: Path) -> list[dict[str, str]]:
    with open(site / f"downloads/{NAME}.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert tuple(rows[0]) == CSV_HEADER
    return [dict(zip(CSV_HEADER, row)) for row in rows[1:]]


def stand_ins() -> dict[str, str]:
    return {entry.id: f"<p>{entry.name}</p>" for entry in sources().entries}


def test_the_built_deck_has_one_note_per_term_tagged_with_its_lesson(site: Path, tmp_path: Path):
    notes, decks, models = read_deck(site / f"downloads/{NAME}.apkg", tmp_path)
    entries = sources().entries
    assert len(notes) == len(entries)
    assert {guid for guid, _, _ in notes} == {note_guid(entry) for entry in entries}
    tags = {guid: tag.split() for guid, tag, _ in notes}
    for entry in entries:
        assert tags[note_guid(entry)] == [lesson_tag(entry)]
    assert DECK_ID in decks and models == {MODEL_ID}


def test_a_rebuilt_deck_keeps_its_ids(tmp_path: Path):
    entries = list(sources().entries)
    first, _ = write_decks(entries, stand_ins(), summaries(), SITE_URL, tmp_path / "first")
    second, _ = write_decks(entries, stand_ins(), summaries(), SITE_URL, tmp_path / "second")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert read_deck(first, tmp_path / "a") == read_deck(second, tmp_path / "b")


def test_a_notes_guid_follows_the_term_id_alone():
    entry = sources().entries[0]
    assert note_guid(replace(entry, name="Renamed", definition="Rewritten")) == note_guid(entry)
    assert note_guid(replace(entry, id="another-id")) != note_guid(entry)
    assert len({note_guid(e) for e in sources().entries}) == len(sources().entries)


def test_the_tag_names_the_lesson_in_two_digits():
    entry = next(e for e in sources().entries if e.taught.lesson.number < 10)
    assert lesson_tag(entry) == f"lesson-0{entry.taught.lesson.number}"


def test_the_back_links_to_where_the_lesson_defines_the_term():
    for entry in sources().entries:
        page = entry.taught.lesson.path.removesuffix(".md")
        assert lesson_url(entry, SITE_URL) == f"{SITE_URL}{page}/#{entry.taught.anchor}"
        assert lesson_url(entry, "") == f"{page}/#{entry.taught.anchor}"  # no site_url: from the site's root


CARDS = """<div class="flashcard" data-term="ring"><p class="flashcard-short">A ring &amp; more</p>
<details class="flashcard-definition"><summary>The full definition</summary><div class="flashcard-definition-body">
<p>See <a href="../lessons/11-hashing/#ring">the ring</a>, <a href="#ring--line-1">a line</a>
and <a href="https://example.com/x">out</a>.</p>
<p><img alt="A ring" src="../photos/2.svg" /></p>
<pre><code><a id="ring--line-1" name="ring--line-1" href="#ring--line-1"></a>hash(key)</code></pre>
</div></details></div>
<div class="flashcard" data-term="short"><p class="flashcard-short">Only <code>this</code> &amp; no more</p></div>"""


def test_a_definition_is_the_built_cards_with_links_that_work_outside_the_site(tmp_path: Path):
    page = tmp_path / "flashcards" / "index.html"
    page.parent.mkdir()
    page.write_text(CARDS)
    read = built_definitions(page, page_base(SITE_URL, "flashcards.md"))
    assert read["ring"] == (
        '<p>See <a href="https://example.org/notes/lessons/11-hashing/#ring">the ring</a>, '
        '<a href="https://example.org/notes/flashcards/#ring--line-1">a line</a>\n'
        'and <a href="https://example.com/x">out</a>.</p>\n'
        '<p><img alt="A ring" src="https://example.org/notes/photos/2.svg"/></p>\n'
        "<pre><code>hash(key)</code></pre>"  # a code line's anchor is a place on the site only
    )
    assert read["short"] == "<p>Only <code>this</code> &amp; no more</p>"  # a card with no more than its summary
    rooted = built_definitions(page, page_base("", "flashcards.md"))
    assert 'href="lessons/11-hashing/#ring"' in rooted["ring"] and 'src="photos/2.svg"' in rooted["ring"]


def test_no_card_holds_an_empty_link(site: Path, tmp_path: Path):
    """Lesson 19's code blocks carried an empty link per line into the deck and the CSV."""
    notes, _, _ = read_deck(site / f"downloads/{NAME}.apkg", tmp_path)
    backs = [fields.split("\x1f")[1] for _, _, fields in notes] + [row["definition"] for row in read_csv(site)]
    assert any("<pre" in back for back in backs)
    empty = [a for back in backs for a in BeautifulSoup(back, "html.parser").find_all("a") if not a.contents]
    assert empty == []


def test_the_csv_has_a_header_one_row_per_term_and_the_sites_definitions(site: Path):
    rows = read_csv(site)
    entries = sources().entries
    assert [row["id"] for row in rows] == [entry.id for entry in entries]
    assert [row["name"] for row in rows] == [entry.name for entry in entries]
    assert [row["summary"] for row in rows] == [summaries()[entry.id] for entry in entries]  # the cards' short definitions
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    built = built_definitions(site / "flashcards" / "index.html", page_base(site_url, "flashcards.md"))
    assert all(row["definition"] == built[row["id"]] for row in rows)


def test_the_csv_has_each_definition_as_plain_text_too(site: Path):
    for row in read_csv(site):
        text = row["definition_text"]
        assert text and not TAG.search(text) and "&amp;" not in text, row["name"]
        words = lambda s: re.findall(r"\w+", s)
        unmarked = re.sub(r"^\s*(?:-|\d+\.) ", "", text, flags=re.M)  # the list items' markers are the text's own
        # (a <wbr>, a place to break a line, joins the parts of a long name: "some_<wbr>long_<wbr>name")
        html = re.sub(r"<wbr\s*/?>", "", row["definition"])
        assert words(unmarked) == words(BeautifulSoup(html, "html.parser").get_text(" ")), row["name"]


def test_glossary_json_holds_every_term_with_its_names_definitions_and_lessons(site: Path):
    """For other tools (issue 3): each term as the glossary has it, its definitions the
    site's own, every lesson that uses it, and addresses that lead to it."""
    terms = json.loads((site / "downloads" / "glossary.json").read_text())["terms"]
    entries, rows = sources().entries, {row["id"]: row for row in read_csv(site)}
    glossary = BeautifulSoup((site / "glossary" / "index.html").read_text(), "html.parser")
    assert [term["id"] for term in terms] == [entry.id for entry in entries]
    for term, entry in zip(terms, entries):
        assert (term["term"], term["aliases"], term["see_also"]) == (entry.name, list(entry.data.aliases), list(entry.see_also))
        assert (term["summary"], term["definition"], term["definition_text"]) == tuple(
            rows[entry.id][field] for field in ("summary", "definition", "definition_text")
        )
        assert [(lesson["number"], lesson["role"]) for lesson in term["lessons"]] == [(use.lesson.number, use.role) for use in entry.uses]
        assert term["lessons"][0]["url"].endswith(f"/#{entry.taught.anchor}")  # where it is taught
        assert term["url"].endswith(f"glossary/#{entry.id}") and glossary.find(id=entry.id), entry.name
    assert any(term["aliases"] for term in terms) and any(len(term["lessons"]) > 2 for term in terms)


def test_plain_text_keeps_lists_numbers_code_and_notes_apart():
    html = (
        '<p>A <strong>format</strong> &amp; more</p>\n<ol start="3">\n<li>Third<ul>\n<li>deeper</li>\n</ul></li>\n'
        "<li>\n<p>Fourth</p>\n</li>\n</ol>\n"
        '<div class="highlight"><span class="filename">a.json</span><pre><span></span><code><a id="x"></a>{\n  "port": 80\n}\n</code></pre></div>\n'
        '<div class="admonition note">\n<p class="admonition-title">Editor\'s note</p>\n<p>Right is <a href="https://x.org">this</a>.</p>\n</div>'
    )
    assert plain_text(html) == "\n".join([
        "A format & more", "3. Third", "    - deeper", "4. Fourth",
        "a.json", "{", '  "port": 80', "}",
        "Editor's note:", "Right is this.",
    ])


def test_without_a_built_site_the_script_says_what_to_do(tmp_path: Path):
    result = subprocess.run([sys.executable, "scripts/export_decks.py", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "no flashcards page: build the site first" in result.stderr and "Traceback" not in result.stderr


def test_a_term_without_a_card_on_the_built_page_stops_the_export_naming_it(tmp_path: Path):
    entries = list(sources().entries)
    definitions = stand_ins()
    del definitions[entries[0].id]
    with pytest.raises(SiteError, match=f"the built flashcards page has no card for {re.escape(entries[0].name)}: build the site again"):
        write_decks(entries, definitions, summaries(), SITE_URL, tmp_path)
    assert not (tmp_path / f"{NAME}.apkg").exists()


def test_make_build_writes_the_decks_and_the_epub_and_make_pdf_the_pdf():
    def plan(goal: str) -> str:
        result = subprocess.run(["make", "-n", goal], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    build = plan("build")
    assert build.index("mkdocs build") < build.index("scripts/export_decks.py site")
    assert build.index("mkdocs build") < build.index("scripts/make_epub.py site")
    pdf = plan("pdf")
    assert pdf.index("scripts/export_decks.py site") < pdf.index("scripts/make_pdf.py site")
    assert "scripts/make_epub.py site" in pdf  # the deploy's `make pdf` publishes the EPUB too
