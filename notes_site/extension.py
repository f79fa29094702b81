"""The Python-Markdown extension that puts the term engine on the pages.

- On the glossary page, a line ``[GLOSSARY]`` becomes the entries, A to Z, and every
  problem with the lessons is logged as a warning: ``mkdocs build --strict`` fails on
  it, naming the file and line.
- On a lesson page, the first mention of each term per section links to its entry,
  titled with its summary, and acronyms get an ``<abbr>``; the lesson's prerequisites
  are kept out of search.

It runs wherever Python-Markdown does: MkDocs, or Zensical, which ignores MkDocs hooks.

    markdown_extensions:
      - notes_site.extension:
          docs_dir: docs
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .catalog import Catalog, load
from .glossary_page import rebase, relative, render_entries
from .lessons import LESSON_TITLE, PREREQUISITES, TERM_SECTIONS, Lesson
from .linking import mark_mentions, text_of
from .outline import code_rows, headings

MARKER = "[GLOSSARY]"
log = logging.getLogger("mkdocs.extensions.notes_site")


@dataclass
class Page:
    """What the preprocessor learnt about the page being converted."""

    catalog: Catalog | None = None
    lesson: Lesson | None = None
    glossary: bool = False


class NotesExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "The docs folder, from the folder the build runs in"],
            "lessons": ["lessons", "The lessons' folder, inside docs_dir"],
            "glossary": ["glossary.md", "The glossary page, inside docs_dir: the page term links lead to"],
            "repo_url": ["", "The repository, for 'Edit this term' links; empty for none"],
            "edit_uri": ["edit/main/docs/", "The path from repo_url to the docs folder's files"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        page = Page()
        # After snippets (32) and whitespace (30), before raw HTML is stashed (20).
        md.preprocessors.register(PagePreprocessor(md, self, page), "notes_site", 25)
        # After inline markup (20), attribute lists (8) and abbr (7); before toc (5).
        md.treeprocessors.register(TermTreeprocessor(md, self, page), "notes_site", 6.5)


class PagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: NotesExtension, page: Page) -> None:
        super().__init__(md)
        self.settings = extension.getConfigs()
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        settings = self.settings
        catalog = load(settings["docs_dir"], settings["lessons"], settings["glossary"])
        self.page.__init__(catalog)
        code = code_rows(lines)
        marker = next((row for row, line in enumerate(lines) if line.strip() == MARKER and not code[row]), None)
        if marker is not None:
            for problem in catalog.problems:
                log.warning("%s", problem)
            self.page.glossary = True
            entries = render_entries(list(catalog.entries), settings["glossary"], edit_url(settings))
            return lines[:marker] + entries.split("\n") + lines[marker + 1 :]
        title = next(headings(lines), None)
        match = LESSON_TITLE.match(title.text) if title and title.level == 1 else None
        if match:
            self.page.lesson = catalog.lesson(int(match.group(1)), match.group(2).strip())
        return lines


class TermTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: NotesExtension, page: Page) -> None:
        super().__init__(md)
        self.glossary = extension.getConfig("glossary")
        self.page = page

    def run(self, root: etree.Element) -> None:
        catalog, lesson = self.page.catalog, self.page.lesson
        if self.page.glossary:
            rebase_definitions(root, self.glossary)
        elif catalog and lesson:
            marks = catalog.marks(relative(self.glossary, lesson.path))
            mark_mentions(root, catalog.finder, marks, TERM_SECTIONS, self.md.htmlStash.rawHtmlBlocks)
            exclude_prerequisites(root)


# --- Helpers ---------------------------------------------------------------------


def rebase_definitions(root: etree.Element, page: str) -> None:
    """Links in a definition were written from its lesson: make them work here."""
    for definition in root.iter("details"):
        source = definition.attrib.pop("data-lesson", None)
        if source is None:
            continue
        for element in definition.iter():
            for attribute in ("href", "src"):
                if attribute in element.attrib:
                    element.set(attribute, rebase(element.get(attribute), source, page))


def exclude_prerequisites(root: etree.Element) -> None:
    """A prerequisite repeats a definition another lesson teaches: search leads there."""
    section = None
    for child in root:
        if child.tag == "h2":
            section = text_of(child)
        elif child.tag == "h3" and section == PREREQUISITES:
            child.set("data-search-exclude", "")


def edit_url(settings: dict[str, Any]) -> str:
    if not settings["repo_url"]:
        return ""
    return f"{settings['repo_url'].rstrip('/')}/{settings['edit_uri'].strip('/')}/"


def makeExtension(**kwargs: Any) -> NotesExtension:
    return NotesExtension(**kwargs)
