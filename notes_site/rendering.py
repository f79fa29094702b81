"""Each term's definition rendered once, with the site's own Markdown configuration,
for every page and download that shows it.

The glossary and the flashcards used to put a definition's Markdown back into their
page, inside ``<details markdown>``, where fenced code does not work. Here it is
rendered by a fresh ``markdown.Markdown`` built as the page's own was (the same
extensions with the same settings, less the term engine), once per build; a page
then gets that HTML with the definition's links made to work from it, and each term's
summary is read from it (notes_site.summaries).
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .figures import group_by_palette
from .glossary import Entry
from .summaries import summary_of

CHANGED = ("href", "src", "id", "name")  # the attributes that link, and that are linked to
# Where one of them may be: HTML's attribute names are in any case, "=" after any space.
CHANGED_ATTRIBUTE = re.compile(rf"(?:{'|'.join(CHANGED)})\s*=", re.IGNORECASE)
NEWLINE = re.compile("\n")


@dataclass(frozen=True, eq=False)
class MarkdownSetup:
    """How a page's Markdown is built: its extensions (names or instances) and their
    settings, as given to ``markdown.Markdown``."""

    extensions: tuple[Extension | str, ...]
    configs: Mapping[str, Mapping[str, Any]]

    @cached_property
    def key(self) -> str:
        """Equal for equal setups, though MkDocs makes new ones for every page."""
        named = [ext if isinstance(ext, str) else f"{type(ext).__module__}.{type(ext).__qualname__}{ext.getConfigs()}" for ext in self.extensions]
        return json.dumps([named, self.configs], sort_keys=True, default=repr)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MarkdownSetup) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)


def setup_of(md: Markdown, without: Extension) -> MarkdownSetup:
    """The extensions ``md`` is being built with, less ``without`` (the caller's own).
    Call it from ``extendMarkdown``.

    Python-Markdown keeps no list of a Markdown's extensions (``registeredExtensions``
    holds only those with state to reset, not ``tables``, ``md_in_html`` or
    ``sane_lists``), so they are read from the ``registerExtensions`` call under way."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is Markdown.registerExtensions.__code__ and frame.f_locals.get("self") is md:
            given, configs = frame.f_locals["extensions"], frame.f_locals["configs"]
            own = [ext for ext in given if extension_class(md, ext) is without.__class__]
            # Its own settings too: they name the build, which the rendering does not depend on.
            others = {name: config for name, config in configs.items() if name not in own}
            return MarkdownSetup(tuple(ext for ext in given if ext not in own), others)
        frame = frame.f_back
    raise RuntimeError(f"{type(without).__name__}: setup_of() is called from extendMarkdown, during Markdown(extensions=...)")


NAMED_CLASSES: dict[str, type[Extension]] = {}  # an extension's name in a setup, and its class


def extension_class(md: Markdown, extension: Extension | str) -> type[Extension]:
    """The class of an extension given by name or instance. A name is built once per
    process, not once per page: building imports and configures it."""
    if not isinstance(extension, str):
        return type(extension)
    if extension not in NAMED_CLASSES:
        NAMED_CLASSES[extension] = type(md.build_extension(extension, {}))
    return NAMED_CLASSES[extension]


class PaletteGalleries(Treeprocessor):
    """As on the lesson page: a figure's light and dark variants in their own galleries."""

    def run(self, root: etree.Element) -> None:
        group_by_palette(root)


@lru_cache(maxsize=4)
def render_all(definitions: tuple[str, ...], setup: MarkdownSetup) -> tuple[str, ...]:
    """Each definition's HTML, its links as its lesson wrote them."""
    md = Markdown(extensions=list(setup.extensions), extension_configs=setup.configs)
    # Where the lesson page groups figures (notes_site.extension, 6.4).
    md.treeprocessors.register(PaletteGalleries(md), "notes_site_figures", 6.4)
    return tuple(md.reset().convert(definition) for definition in definitions)


def rendered(entries: Sequence[Entry], setup: MarkdownSetup) -> dict[str, str]:
    """Each entry's definition as HTML, by entry id, links as its lesson wrote them."""
    html = render_all(tuple(entry.definition for entry in entries), setup)
    return {entry.id: text for entry, text in zip(entries, html)}


def summaries(entries: Sequence[Entry], setup: MarkdownSetup) -> dict[str, str]:
    """Each entry's summary, by entry id: its ``summary:``, or read from its rendering."""
    html = rendered(entries, setup)
    return {entry.id: entry.data.summary or summary_of(html[entry.id]) for entry in entries}


@dataclass(frozen=True, eq=False)
class OnPage:
    """The rendered definitions as one page shows them: links made for that page, and
    HTML put aside in the page's stash so that nothing renders it again."""

    entries: Sequence[Entry]
    setup: MarkdownSetup
    page: str  # the docs path of the page, e.g. "glossary.md"
    stash: Callable[[str], str]  # HTML in, the placeholder Markdown keeps as it is out

    @cached_property
    def html(self) -> dict[str, str]:
        """Each entry's definition, by entry id, made for the page."""
        html = rendered(self.entries, self.setup)
        return {entry.id: for_page(html[entry.id], entry, self.page) for entry in self.entries}


# --- Links -------------------------------------------------------------------------


def site_path(docs_path: str) -> str:
    """Where a docs file is on the built site, as MkDocs' and Zensical's directory URLs
    have it: "lessons/x.md" at "lessons/x/", "index.md" at ""."""
    if not docs_path.endswith(".md"):
        return docs_path
    page = docs_path.removesuffix(".md")
    return page.removesuffix("index") if page == "index" or page.endswith("/index") else f"{page}/"


def rebase(url: str, source: str, page: str) -> str:
    """A relative link written in the docs file ``source``, as a link from the built
    ``page``; other links as they are."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not url:
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path)) if parts.path else source
    return urlunsplit(("", "", page_url(target, page), parts.query, parts.fragment))


@lru_cache(maxsize=4096)  # a glossary of 1,300 terms links each lesson ten times from one page
def page_url(target: str, page: str) -> str:
    """A docs file's address on the built site, as a link from the docs page ``page``:
    "lessons/x.md" is served at "lessons/x/" (MkDocs' and Zensical's directory URLs)."""
    return relative_url(site_path(target), site_path(page))


def relative_url(target: str, page: str) -> str:
    """A site path as a link from the page at the site path ``page`` (a folder's, as
    every page's is with directory URLs)."""
    path = posixpath.relpath(target or ".", page or ".")
    if target and not target.endswith("/"):
        return path  # a file: a figure, a download
    return "./" if path == "." else f"{path}/"


def for_page(html: str, entry: Entry, page: str) -> str:
    """A rendered definition on a page: its links made to work there, and its own ids
    (a code block's line anchors) prefixed with the entry's id, unique on a page that
    shows every definition."""
    if not CHANGED_ATTRIBUTE.search(html):
        return html  # no attribute to change: most definitions, not parsed at all
    tags = start_tags(html)  # read once, for its ids and for the rewrite
    own = {value for *_, attrs in tags for name, value in attrs if name == "id" and value}
    prefix = f"{entry.id}--"

    def change(name: str, value: str) -> str:
        if name in ("id", "name"):
            return prefix + value if value in own else value
        if value.startswith("#") and value[1:] in own:
            return f"#{prefix}{value[1:]}"
        return rebase(value, entry.taught.lesson.path, page)

    return rewrite_attributes(html, change, tags)


# Each start tag: its (line, column), its text, its name and its attributes.
Tag = tuple[tuple[int, int], str, str, list[tuple[str, str | None]]]
Tags = Sequence[Tag]


class StartTags(HTMLParser):
    """Each start tag of an HTML text: where it is, its text and its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Tag] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos(), self.get_starttag_text() or "", tag, attrs))

    handle_startendtag = handle_starttag


@lru_cache(maxsize=4096)  # a definition is shown on two pages: the glossary and the flashcards
def start_tags(html: str) -> Tags:
    return tuple(StartTags(html).found)


def rewrite_attributes(html: str, change: Callable[[str, str], str], tags: Tags | None = None) -> str:
    """The HTML with each link (``href``, ``src``) and id (``id``, ``name``) given by
    ``change(attribute, value)``, and nothing else changed; ``tags``, its
    ``StartTags(html).found`` if already read."""
    out, last, line_starts = [], 0, []
    for (line, column), text, tag, attrs in StartTags(html).found if tags is None else tags:
        changed = [(name, change(name, value) if name in CHANGED and value else value) for name, value in attrs]
        if changed == attrs:
            continue
        if not line_starts:  # where each line starts, read once and only for a change: most definitions have none
            line_starts = [0, *(newline.end() for newline in NEWLINE.finditer(html))]
        start = line_starts[line - 1] + column
        out += [html[last:start], start_tag(tag, changed, text.endswith("/>"))]
        last = start + len(text)
    return "".join(out) + html[last:]


def start_tag(tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> str:
    written = "".join(f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in attrs)
    return f"<{tag}{written}{' /' if self_closing else ''}>"
