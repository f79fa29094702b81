"""The flashcard downloads of `make build`: an Anki deck with one note per term, whose
ids stay the same from build to build, and a CSV of the same cards."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

from export_decks import (
    CSV_HEADER, DECK_ID, MODEL_ID, NAME, definition_html, lesson_tag, lesson_url, note_guid, write_decks,
)
from support import ROOT, sources

SITE_URL = "https://example.org/notes/"


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
    first, _ = write_decks(entries, SITE_URL, tmp_path / "first")
    second, _ = write_decks(entries, SITE_URL, tmp_path / "second")
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


def test_a_definition_keeps_its_lists_and_code():
    html = definition_html('A format\n\n- Example:\n\n    ```json title="a.json"\n    {"port": 8080}\n    ```\n\n- Nested:\n\n    - deeper')
    assert html.startswith("<p>A format</p>")
    assert "<pre" in html and "8080" in html and "```" not in html
    assert html.count("<ul>") == 2


def test_the_back_links_to_where_the_lesson_defines_the_term():
    for entry in sources().entries:
        page = entry.taught.lesson.path.removesuffix(".md")
        assert lesson_url(entry, SITE_URL) == f"{SITE_URL}{page}/#{entry.taught.anchor}"


def test_the_csv_has_a_header_and_one_row_per_term(site: Path):
    with open(site / f"downloads/{NAME}.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert tuple(rows[0]) == CSV_HEADER
    entries = sources().entries
    assert [row[CSV_HEADER.index("id")] for row in rows[1:]] == [entry.id for entry in entries]
    assert [row[CSV_HEADER.index("name")] for row in rows[1:]] == [entry.name for entry in entries]
    assert all(row[CSV_HEADER.index("definition")] for row in rows[1:])


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
