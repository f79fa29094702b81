"""Wire the notes_site package to MkDocs: the glossary, term tooltips and lesson descriptions.

All parsing and rendering is pure and lives in notes_site; this hook only reads
the lessons, hands them over and turns bad input into a build error.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from notes_site.annotate import Mentions, annotate, mentions_to_mark
from notes_site.describe import lesson_description
from notes_site.glossary import Entry, build_glossary, render_json, render_page
from notes_site.terms import Lesson, LessonFormatError, check_front_matter, parse_lesson

log = logging.getLogger("mkdocs.hooks.notes")

GLOSSARY_PAGE = "glossary.md"
GLOSSARY_JSON = "glossary.json"
# An image that opens in the lightbox: one not marked { .no-lightbox }.
FIGURE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?!\{[^}]*\.no-lightbox)")

_entries: list[Entry] = []
_lessons: dict[str, Lesson] = {}  # by source path
_mentions: dict[str, Mentions] = {}  # by the glossary's URL relative to the page


# --- Events ---------------------------------------------------------------------


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Parse every lesson, then add the glossary page and JSON as virtual files."""
    global _entries
    _mentions.clear()
    lessons = [lesson for file in files.documentation_pages() if (lesson := read_lesson(file))]
    _lessons.clear()
    _lessons.update((lesson.path, lesson) for lesson in lessons)
    try:
        _entries = build_glossary(lessons)
    except LessonFormatError as error:
        raise PluginError(f"Glossary: docs/{error}") from error
    edit_url = f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/"
    page = File.generated(config, GLOSSARY_PAGE, content=render_page(_entries, edit_url))
    page.edit_uri = None  # generated: there is no source file to edit
    files.append(page)
    glossary_url = page.url
    files.append(File.generated(config, GLOSSARY_JSON, content=render_json(_entries, glossary_url)))
    log.debug("glossary: %d terms from %d lessons", len(_entries), len(lessons))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Describe each lesson, and mark the first mention of each term in each section."""
    if not FIGURE.search(markdown):
        page.meta.setdefault("glightbox", False)  # no figure: no lightbox script to load
    lesson = _lessons.get(page.file.src_uri)
    if lesson is None:
        return markdown
    page.meta.setdefault("description", lesson_description(lesson))
    glossary = files.get_file_from_path(GLOSSARY_PAGE)
    href = get_relative_url(glossary.url, page.file.url)
    if href not in _mentions:
        _mentions[href] = mentions_to_mark(_entries, config.extra.get("acronyms", {}), href)
    return annotate(markdown, _mentions[href])


# --- Helpers --------------------------------------------------------------------


def read_lesson(file: File) -> Lesson | None:
    """Check every page's front matter; parse the lessons."""
    try:
        check_front_matter(file.content_string, file.src_uri)
        if not file.src_uri.startswith("lessons/"):
            return None
        return parse_lesson(file.content_string, file.src_uri)
    except LessonFormatError as error:
        # MkDocs names the docs dir; the path here is relative to it.
        raise PluginError(f"Lesson format: docs/{error}") from error
