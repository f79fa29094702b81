"""The Python-Markdown extension that puts the term engine on the pages.

- A line ``[GLOSSARY]``, ``[FLASHCARDS]`` or ``[LEARNING-PATH]``, unindented and out
  of code, becomes that block, drawn from the lessons; ``[STUDY-BACKUP]``, the
  controls to back up and restore the study data (the flashcards block has them too).
  On the glossary page, every problem with the lessons is also logged as a warning:
  ``mkdocs build --strict`` fails on it, naming the file and line.
- On a lesson page, the first mention of each term per section links to its entry,
  with its summary, which javascripts/term-tooltips.js shows in a tooltip on hover,
  focus or a first tap, and names as the link's description;
  acronyms get an ``<abbr>``; the prerequisites are kept
  out of search; two lines say which lessons it builds on and leads to; a
  written lesson gets a "Mark as done" button under its title and at its end; and its
  key terms end with a link to their flashcards.

It runs wherever Python-Markdown does: MkDocs, or Zensical, which ignores MkDocs hooks.

    markdown_extensions:
      - notes_site.extension:
          docs_dir: docs
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .catalog import Catalog, load
from .figures import file_size, group_by_palette, with_sizes
from .flashcards import BACKUP, render_deck
from .glossary import check_summaries
from .glossary_page import relative, render_entries
from .lessons import LESSON_TITLE, NOTES, PREREQUISITES, TERM_SECTIONS, Lesson
from .linking import mark_mentions, text_of
from .outline import code_rows, headings
from .rendering import OnPage, page_url, setup_of

log = logging.getLogger("mkdocs.extensions.notes_site")


@dataclass
class Page:
    """What the preprocessor learnt about the page being converted: the extension's
    state for one page, which Markdown.reset() clears between pages."""

    catalog: Catalog | None = None
    lesson: Lesson | None = None


class NotesExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "The docs folder, from the folder the build runs in"],
            "lessons": ["lessons", "The lessons' folder, inside docs_dir"],
            "glossary": ["glossary.md", "The page with [GLOSSARY], inside docs_dir: term links lead there"],
            "flashcards": ["flashcards.md", "The page with [FLASHCARDS], inside docs_dir"],
            "learning_path": ["learning-path.md", "The page with [LEARNING-PATH], inside docs_dir"],
            "repo_url": ["", "The repository, for 'Edit this term' links; empty for none"],
            "edit_uri": ["edit/main/docs/", "The path from repo_url to the docs folder's files"],
            "build": ["", "A name for this build, new for each (the MkDocs hook sets it): the lessons' files are looked at once per build, not once per page"],
        }
        super().__init__(**kwargs)
        self.page = Page()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.setup = setup_of(md, without=self)  # the definitions are rendered as the pages are
        # After snippets (32) and whitespace (30), before raw HTML is stashed (20).
        md.preprocessors.register(PagePreprocessor(md, self), "notes_site", 25)
        # After inline markup (20), attribute lists (8) and abbr (7); before toc (5).
        md.treeprocessors.register(TermTreeprocessor(md, self), "notes_site", 6.5)
        md.treeprocessors.register(FigureTreeprocessor(md, self), "notes_site_figures", 6.4)

    def reset(self) -> None:
        self.page = Page()


class PagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: NotesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        settings, page = self.extension.getConfigs(), self.extension.page
        catalog = page.catalog = catalog_of(settings)
        code = code_rows(lines)
        for row, line in enumerate(lines):
            # A block's line, at the start of a line: indented, it is code, or in a list.
            if line.rstrip() in BLOCKS and not code[row]:
                setting, draw = BLOCKS[line.rstrip()]
                page_path = settings[setting] if setting else ""
                shown = OnPage(catalog.entries, self.extension.setup, page_path, self.md.htmlStash.store)
                return lines[:row] + draw(catalog, settings, shown).split("\n") + lines[row + 1 :]
        title = next(headings(lines, code), None)
        match = LESSON_TITLE.match(title.text) if title and title.level == 1 else None
        lesson = catalog.lesson(int(match.group(1)), match.group(2).strip()) if match else None
        if lesson is None:
            return lines
        page.lesson = lesson
        under_title = path_lines(catalog, lesson) + ([] if lesson.unwritten else done_toggle(lesson))
        taught = catalog.taught.get(lesson.number, 0)
        after_terms = next((h.row for h in headings(lines, code) if h.level == 2 and h.text == NOTES), None)
        if taught and after_terms is not None:
            study = study_link(lesson, taught, page_url(settings["flashcards"], lesson.path))
            lines = lines[:after_terms] + [*study, ""] + lines[after_terms:]
        at_end = [] if lesson.unwritten else ["", *done_toggle(lesson, at_end=True)]
        return lines[: title.row + 1] + ["", *under_title] + lines[title.row + 1 :] + at_end


class TermTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: NotesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        catalog, lesson = page.catalog, page.lesson
        if catalog and lesson:
            marks = catalog.marks(page_url(self.extension.getConfig("glossary"), lesson.path), self.extension.setup)
            mark_mentions(root, catalog.finder, marks, TERM_SECTIONS, self.md.htmlStash)
            exclude_prerequisites(root)


class FigureTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: NotesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        group_by_palette(root)
        # A lesson's figures resolve from its folder; any other page's from the docs' top
        # (the only pages whose folder Markdown lets the extension know).
        lesson, docs_dir = self.extension.page.lesson, self.extension.getConfig("docs_dir")
        folder = str(PurePosixPath(lesson.path).parent) if lesson else "."
        with_sizes(root, lambda src: file_size(docs_dir, folder, src))


# --- Blocks ------------------------------------------------------------------------


def glossary_block(catalog: Catalog, settings: dict[str, Any], shown: OnPage) -> str:
    summaries = catalog.summaries(shown.setup)
    # Once per build: the glossary is built once.
    for problem in (*catalog.problems, *check_summaries(catalog.entries, summaries)):
        log.warning("%s", problem)
    return render_entries(list(catalog.entries), settings["glossary"], edit_url(settings), shown.html, summaries, shown.stash)


def flashcards_block(catalog: Catalog, settings: dict[str, Any], shown: OnPage) -> str:
    return render_deck(list(catalog.entries), settings["flashcards"], shown.html, catalog.summaries(shown.setup), shown.stash)


def learning_path_block(catalog: Catalog, settings: dict[str, Any], shown: OnPage) -> str:
    from .path_map import draw_map, path_list  # Graphviz only where the map is drawn

    page = settings["learning_path"]
    lessons = [lesson for lesson in catalog.lessons if not lesson.unwritten]
    svg = draw_map(lessons, catalog.builds_on, lambda lesson: page_url(lesson.path, page))
    link = lambda lesson: f"[Lesson {lesson.number}: {lesson.title}]({relative(lesson.path, page)})"
    # Search finds the lessons themselves, not their titles repeated here. On a narrow
    # screen the map scrolls sideways: a named region (a <section> with a name) that a
    # keyboard can scroll too. The map is stashed, finished: Markdown's HTML parser
    # would read its every tag.
    return "\n".join([
        f'<p class="learning-path-hint" id="learning-path-hint" data-search-exclude>{MAP_SCROLLS}</p>',
        "",
        shown.stash(
            '<section class="learning-path-map" tabindex="0" aria-label="Learning path map"'
            f' aria-describedby="learning-path-hint" data-search-exclude>{svg}</section>'
        ),
        "",
        '<details class="learning-path-list abstract" data-search-exclude markdown>',
        "<summary>The map as a list</summary>",
        "",
        path_list(lessons, catalog.builds_on, link),
        "",
        "</details>",
    ])


MAP_SCROLLS = "The map scrolls sideways on a narrow screen; the list under it says the same."


def backup_block(catalog: Catalog, settings: dict[str, Any], shown: OnPage) -> str:
    return shown.stash(BACKUP)  # HTML to keep as it is


BLOCKS = {
    "[GLOSSARY]": ("glossary", glossary_block),
    "[FLASHCARDS]": ("flashcards", flashcards_block),
    "[LEARNING-PATH]": ("learning_path", learning_path_block),
    "[STUDY-BACKUP]": (None, backup_block),  # no link in it, so on any page
}


# --- Helpers ---------------------------------------------------------------------


def path_lines(catalog: Catalog, lesson: Lesson) -> list[str]:
    """'Builds on' and 'Leads to' lines under a lesson's title, out of search."""
    lines = []
    for label, numbers in (("Builds on", catalog.builds_on[lesson.number]), ("Leads to", catalog.leads_to[lesson.number])):
        if numbers:
            links = ", ".join(
                f"[Lesson {n} · {catalog.numbered[n].title}]({relative(catalog.numbered[n].path, lesson.path)})" for n in numbers
            )
            lines += [f"**{label}:** {links}", "{ .lesson-path data-search-exclude }", ""]
    return lines


def done_toggle(lesson: Lesson, at_end: bool = False) -> list[str]:
    """A "Mark as done" button for the reader's own progress, out of search: under the
    title, and again where the lesson ends, where a reader who has read it is. Hidden
    until docs/javascripts/progress.js wires it: without that script it would do nothing."""
    button = (
        f'<button type="button" class="md-button" data-lesson-done="{lesson.number}" aria-pressed="false">'
        f"{'Mark this lesson as done' if at_end else 'Mark as done'}</button>"
    )
    where = "lesson-done lesson-done-end" if at_end else "lesson-done"
    return [f'<p class="{where}" data-search-exclude hidden>{button}</p>', ""]


def study_link(lesson: Lesson, taught: int, flashcards: str) -> list[str]:
    """At the end of the key terms, a link to the flashcards of the terms the lesson
    teaches (javascripts/flashcards.js reads "?lesson=N" and chooses them, for that
    visit only), out of search. Left out of the print page, where it leads nowhere."""
    terms = f"{taught} term{'s' if taught != 1 else ''}"
    link = f'<a class="md-button" href="{flashcards}?lesson={lesson.number}">Study this lesson\'s {terms} as flashcards</a>'
    return [f'<p class="lesson-study print-site-plugin-ignore" data-search-exclude>{link}</p>', ""]


def exclude_prerequisites(root: etree.Element) -> None:
    """A prerequisite repeats a definition another lesson teaches: search leads there."""
    section = None
    for child in root:
        if child.tag == "h2":
            section = text_of(child)
        elif child.tag == "h3" and section == PREREQUISITES:
            child.set("data-search-exclude", "")


def catalog_of(settings: dict[str, Any]) -> Catalog:
    """The catalog of the files the extension's settings name."""
    return load(settings["docs_dir"], settings["lessons"], settings["glossary"], settings["build"])


def mkdocs_settings(config_file: str | Path, mdx_configs: dict[str, Any]) -> dict[str, Any]:
    """The extension's settings as mkdocs.yml gives them, for the hook and the scripts:
    ``docs_dir`` is taken from beside mkdocs.yml, wherever they run, and named as the
    extension itself names it when the build runs there, so that they share its catalog."""
    settings = NotesExtension(**mdx_configs.get("notes_site.extension", {})).getConfigs()
    return {**settings, "docs_dir": os.path.relpath(Path(config_file).parent / settings["docs_dir"])}


def edit_url(settings: dict[str, Any]) -> str:
    if not settings["repo_url"]:
        return ""
    return f"{settings['repo_url'].rstrip('/')}/{settings['edit_uri'].strip('/')}/"


def makeExtension(**kwargs: Any) -> NotesExtension:
    return NotesExtension(**kwargs)
