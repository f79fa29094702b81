"""The term engine's MkDocs-only extras; nothing a reader needs comes from here
(Zensical ignores hooks). The site's other MkDocs-only extras, which a build without
the engine keeps, are in hooks/site_hook.py.

- A build with `use_directory_urls: false` stops, naming the line: the engine writes
  its links for directory URLs (lessons/x/).
- The lessons' files looked at once per build, not once per page: each build named
  in the term engine's settings.
- The print page (the print-site plugin, MkDocs-only too) leaves out the lessons
  whose front matter says `status: unwritten`.
- Each lesson's meta description, from its title and key terms.
- The glossary's table of contents: its letters, an A to Z at the side, not its
  every term (measured: a fifth less main-thread work on loading that page).
- Search's index made without reading the sections it skips (the glossary's full
  definitions, the flashcard deck), nor the term links' tags, of which it keeps only
  the text: the same entries, without parsing what it drops.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from notes_site.catalog import TERM_LINK_CLASS, Catalog, NoSuchFolder
from notes_site.describe import lesson_description
from notes_site.extension import catalog_of, mkdocs_settings
from notes_site.lessons import SEARCH_NOT_SETTINGS

ENGINE = "notes_site.extension"  # the term engine's name in mkdocs.yml
# A section that search skips (data-search-exclude) and that holds no other section and
# no heading: the glossary's full definitions, the flashcard deck. (A section inside
# would end the skip at its own end; a heading inside still makes a search section.)
SKIPPED_SECTION_TAG = re.compile(r"<section\b[^>]*\sdata-search-exclude(?=[\s>=])[^>]*>")
SECTION_OR_HEADING = re.compile(r"<section\b|<h[1-6]\b")
SECTION_END = "</section>"
# A term link as notes_site.linking makes it (Markdown writes its attributes A to Z, its
# class first): its text is all that search keeps of it.
TERM_LINK = re.compile(rf'<a class="{TERM_LINK_CLASS}"[^>]*>([^<]*)</a>')


def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    if not config.use_directory_urls:
        line = setting_line(config.config_file_path, "use_directory_urls")
        where, fix = (f"{config.config_file_path}:{line}: ", "remove the setting") if line else ("", "build without --no-directory-urls, and without the setting in an inherited config")
        raise PluginError(
            f"{where}use_directory_urls is false, but the term engine writes its links (term links, the glossary's, "
            f"the flashcards', the map's) for directory URLs (lessons/x/), MkDocs' default: {fix}"
        )
    # Each build a name of its own: the extension looks at the lessons' files once per
    # build, here, not once per page (each rebuild of `make serve` is a new build).
    config.mdx_configs.setdefault(ENGINE, {})["build"] = uuid.uuid4().hex
    sources = catalog(config)  # a missing folder stops the build here, before any page
    search = config.plugins.get("material/search")
    if search is not None and getattr(search, "search_index", None) is not None:
        index_what_search_keeps(search.search_index)
    printer = config.plugins.get("print-site")
    if printer:
        unwritten = [lesson.path for lesson in sources.lessons if lesson.unwritten]
        printer.config["exclude"] = [*printer.config["exclude"], *unwritten]
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, **_) -> str:
    if "search" in page.meta and not isinstance(page.meta["search"], dict):
        # The search plugin reads it as settings: it would stop the build with a traceback.
        line = setting_line(page.file.abs_src_path, "search")
        raise PluginError(f"{os.path.relpath(page.file.abs_src_path)}:{line}: {SEARCH_NOT_SETTINGS}")
    lesson = catalog(config).by_path.get(page.file.src_uri)
    if lesson:
        page.meta.setdefault("description", lesson_description(lesson))
    return markdown


@event_priority(50)  # before the search plugin, which looks up each section in the page's TOC
def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.file.src_uri == settings(config)["glossary"]:
        for title in page.toc:  # the page's <h1>, then its letters: an A to Z at the side
            for letter in title.children:
                letter.children = []
    return context


# --- Helpers ---------------------------------------------------------------------


def index_what_search_keeps(index: Any) -> None:
    """The search plugin's index reads each page without the sections it would skip
    and with its term links as their text: the same entries (a test compares the two on
    every page), without reading every tag of the glossary's full definitions and of the
    flashcard deck (0.6 s of a build at 1,300 terms), nor the 16,000 term links of 325
    lessons (0.3 s). The page itself keeps them."""
    add = index.add_entry_from_context

    def add_entry(page: Page) -> None:
        content = page.content
        page.content = what_search_keeps(content)
        try:
            add(page)
        finally:
            page.content = content

    index.add_entry_from_context = add_entry


def what_search_keeps(html: str) -> str:
    """A page's content without the sections search skips, and its term links as their
    text. (Whitespace alone between a link and the tag next to it is then kept as it is
    written, where the parser makes it one space: the same words.)"""
    return TERM_LINK.sub(r"\1", without_skipped_sections(html))


def without_skipped_sections(html: str) -> str:
    """Each skipped section that holds no section and no heading cut out, up to its first
    end tag. (As one pattern, it looked at each of their characters: 0.03 s a build on
    the glossary alone, at 1,300 terms.)"""
    kept, last, at = [], 0, 0
    while tag := SKIPPED_SECTION_TAG.search(html, at):
        end = html.find(SECTION_END, tag.end())
        if end == -1:
            break
        if SECTION_OR_HEADING.search(html, tag.end(), end):
            at = tag.start() + 1  # not cut: left to the search plugin's parser
            continue
        kept.append(html[last : tag.start()])
        last = at = end + len(SECTION_END)
    return "".join([*kept, html[last:]])


def setting_line(config_file: str | None, key: str) -> int | None:
    """The line of mkdocs.yml that sets ``key``; None if it does not (an inherited
    config, or the command line)."""
    lines = Path(config_file).read_text(encoding="utf-8").split("\n") if config_file else []
    return next((number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)


def settings(config: MkDocsConfig) -> dict:
    """The term engine's settings, as the Markdown extension reads them: worked out once
    per build, which they name (on_config), not on each page's every event."""
    build = config.mdx_configs.get(ENGINE, {}).get("build", "")
    if not build or BUILD_SETTINGS.get("build") != build:
        BUILD_SETTINGS.clear()
        BUILD_SETTINGS.update(build=build, settings=mkdocs_settings(config.config_file_path, config.mdx_configs))
    return BUILD_SETTINGS["settings"]


BUILD_SETTINGS: dict[str, Any] = {}  # the last build's name and settings


def catalog(config: MkDocsConfig) -> Catalog:
    """The extension's own catalog: the files are read once per build, by whichever asks first."""
    try:
        return catalog_of(settings(config))
    except NoSuchFolder as error:
        raise PluginError(str(error)) from None
