"""The site's MkDocs-only extras that are no part of the term engine; nothing a reader
needs comes from here (Zensical ignores hooks). A build without the engine keeps this
hook (`make bench` compares the two), and hooks/notes_hook.py holds the engine's own.
It uses two pure modules of the engine's package: notes_site.source, for its UTF-8 check,
and notes_site.file_links.

- The theme's templates compiled once per build: the search plugin (for its
  translations) and the print-site plugin (for the print page) each asked MkDocs for a
  new Jinja environment, which compiled every template they rendered again (0.1 s of
  each build). Each build of `make serve` loads the configuration, and its theme, anew.
- A page that is not UTF-8 stops the build with its file and line, where MkDocs
  alone would print a traceback.
- A link or image that leads to no file is named with its line too: MkDocs names the
  page and the link only.
- The lightbox script only on pages with a figure, and the print-site plugin's
  stylesheets and script only on the print page, which alone uses them.
- The search worker in one file: javascripts/search-worker.js with Material's worker
  in place of the line that fetches it (the search plugin is MkDocs-only too).
- The search index's documents in a file of their own, which that worker fetches
  once the page is idle after its load event: about 52 KiB (gzip) and the building of
  the index kept out of the page's load and off its main thread.
- The print page's links and ids made in one pass over each page: the print-site
  plugin rewrites the whole page once per link, which on a glossary of 1,300 terms
  took 9 of a 27 s build; and the plugin asked about a link's target page once, not
  once per place on it that a link leads to.
- On the print page, each code line's anchor given the id its link leads to: the
  plugin rewrites the line's self-link, but not its id. And a link to a page the
  print page leaves out leads to that page, not to a place the plugin made up for it.
- A page that only includes another file (`--8<-- "CONTRIBUTING.md"`) has its "Edit
  this page" link on that file, where the words are, not on the include line, and its
  "Last update" from that file too where it changed later.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs_print_site_plugin import renderer as print_site_renderer
from mkdocs_print_site_plugin import urls as print_site_urls

from notes_site.file_links import links_to_no_file
from notes_site.source import decode, read_source

log = logging.getLogger("mkdocs.hooks.site_hook")
SEARCH_WORKER = "javascripts/search-worker.js"
IMPORT_MATERIALS_WORKER = 'importScripts(new URL(location.href).searchParams.get("worker"));'
SEARCH_INDEX = "search/search_index.json"
SEARCH_DOCUMENTS = "search/search_documents.json"  # named in the index's config: `documents`
# How long the worker waits for them before it shows an error (`documents_timeout`):
# about 52 KiB gzip'd, some seconds on a 2G phone.
SEARCH_DOCUMENTS_TIMEOUT_MS = 20_000
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=.*$")
# An image that opens in the lightbox: one not marked { .no-lightbox }.
FIGURE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?!\{[^}]*\.no-lightbox)")
# The print-site plugin's assets, which it adds to every page's <head> and scripts.
# (It starts with "<", not with the whitespace before it, which without_print_site_assets
# drops: a leading \s* made the search try each space of a page, 1/3 s a page at 325 lessons.)
PRINT_SITE_ASSET = re.compile(
    r'<(?:link rel="stylesheet" href|script src)="[^"]*(?:css/print-site(?:-material)?\.css|js/print-site\.js)">(?:</script>)?'
)
# The print-site plugin's own patterns for what it rewrites on each page (its urls.py).
PRINT_SITE_LINK = re.compile(r"<a\s+([^>]*?\s+)?href=\"(.*?)\"", flags=re.IGNORECASE)
PRINT_SITE_ID = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)
PRINT_SITE_IMAGE = re.compile(r"<img[^>]+src=\"([^\">]+)\"", flags=re.IGNORECASE)
# Where PRINT_SITE_ID can match: on a line that holds its `id="` (neither `[^\s]+` nor
# `.*?` crosses a line's end), in its case-blindness.
ID_ATTRIBUTE = re.compile(r"id=\"", flags=re.IGNORECASE)
# A link's fragment that the print-site plugin keeps as it is, after the target page's
# key: no "/" (its path normalising would read one), "#" or "&" (it unescapes the link).
PLAIN_FRAGMENT = re.compile(r"[^/#&]+")
FRAGMENT_SLOT = "\ue000"  # a fragment of a link asked about: in no link of a page
# A link to a place on the same page, and an element's id, on the print page.
PLACE_LINK = re.compile(r'href="#([^"]*)"')
PRINT_PAGE_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")
# A code line's anchor (pymdownx.highlight's anchor_linenums), `<a id="X" name="X" href="#X">`;
# in the glossary X starts with its entry's id (notes_site.rendering).
CODE_LINE_ANCHOR = re.compile(r'<a id="([^"]*__codelineno-[^"]*)" name="\1"')
# A page's whole text one snippet of pymdownx.snippets, a path from the project's folder
# (its base_path, "."): the page is that file.
WHOLE_PAGE_SNIPPET = re.compile(r'--8<-- "(?P<path>[^"]+)"')
TagRewrite = Callable[[re.Match[str]], str]  # one tag's new text, on one page


@event_priority(100)  # first: the search plugin's own on_config asks for the theme's templates
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    # One environment per build: each new one compiles every template it renders again.
    config.theme.get_env = cache(config.theme.get_env)  # type: ignore[method-assign]
    if config.plugins.get("print-site"):
        rewrite_print_links_in_one_pass()
        give_code_lines_their_print_ids()
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        _, problems = decode(Path(file.abs_src_path).read_bytes(), docs_path(config, file.src_uri))
        if problems:
            raise PluginError(str(problems[0]))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files, **_) -> str:
    shown = docs_path(config, page.file.src_uri)
    source, _ = read_source(page.file.content_string, shown)  # its problems: named by on_files and MkDocs

    def exists(path: str) -> bool:
        return files.get_file_from_path(path) is not None

    for problem in links_to_no_file(source.body, page.file.src_uri, shown, source.first_body_line, exists):
        log.warning("%s", problem)
    if not FIGURE.search(markdown):
        page.meta.setdefault("glightbox", False)  # no figure: no lightbox script to load
    if included := WHOLE_PAGE_SNIPPET.fullmatch(markdown.strip()):
        if page.edit_url:
            page.edit_url = edit_url_of(page.edit_url, shown, included["path"])
        dated_by_included(page, config, included["path"])
    return markdown


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    printer = config.plugins.get("print-site")
    if printer and page.file.src_uri != f"{printer.config['print_page_basename']}.md":
        return without_print_site_assets(output)  # about 2.6 KiB a page that only print/ uses
    return output


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return without_print_site_assets(output) if template_name == "404.html" else output


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    ours = site / SEARCH_WORKER
    material = next((site / "assets/javascripts/workers").glob("search.*.min.js"), None)
    if material and ours.is_file() and IMPORT_MATERIALS_WORKER in (text := ours.read_text()):
        ours.write_text(text.replace(IMPORT_MATERIALS_WORKER, SOURCE_MAP.sub("", material.read_text())))
    if ours.is_file():  # the worker that fetches the documents is there
        split_search_index(site)
    printer = config.plugins.get("print-site")  # its page is written by now: it is the last plugin
    if printer and (print_page := Path(printer.print_page.file.abs_dest_path)).is_file():
        urls = {print_site_urls.get_page_key(url): get_relative_url(url, printer.print_page.url) for url in page_urls(site)}
        print_page.write_text(links_off_the_print_page(print_page.read_text(), urls))


# --- Helpers ---------------------------------------------------------------------


def docs_path(config: MkDocsConfig, src_uri: str) -> str:
    """A docs file's path from the project's folder, as errors and the repository name it."""
    docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path))
    return f"{docs}/{src_uri}"


def edit_url_of(page_edit_url: str, page_path: str, included: str) -> str:
    """The edit link of the file ``included`` (a path from the project's folder), from
    the link MkDocs made for the page at ``page_path`` that includes it; the page's own
    where its link does not end on that path (an ``edit_uri`` of another shape)."""
    if not page_edit_url.endswith(page_path):
        return page_edit_url
    return page_edit_url.removesuffix(page_path) + posixpath.normpath(included)


def dated_by_included(page: Page, config: MkDocsConfig, included: str) -> None:
    """The page's "Last update" from the file it includes (a path from the project's
    folder), where that changed last: the plugin dates the page by its include line."""
    dating = config.plugins.get("git-revision-date-localized")
    if not dating or "git_revision_date_localized" not in page.meta:  # off, or the page excluded
        return
    path = Path(config.config_file_path).parent / included
    _, own = dating.util.get_git_commit_timestamp(page.file.abs_src_path)
    commit, then = dating.util.get_git_commit_timestamp(str(path))
    if then > own:
        dating._render_date(  # as the plugin dates a page: its meta, with and without markup
            markdown="", page=page, locale=dating._get_locale(page),
            variable="git_revision_date_localized", commit_hash=commit, commit_timestamp=then,
        )


def page_urls(site: Path) -> Iterator[str]:
    """The address of each page of the built site, from its root."""
    for page in site.rglob("*.html"):
        path = page.relative_to(site).as_posix()
        yield path.removesuffix("index.html") if path.endswith("index.html") else path


def links_off_the_print_page(html: str, urls: dict[str, str]) -> str:
    """The print page's links to a place it does not have, made links to the page they
    meant: the plugin makes each link to a page of the site a place on the print page,
    also for a page it leaves out ("../../flashcards/?lesson=3" became
    "#flashcards-?lesson=3"). ``urls``: each page's address from the print page, by the
    key the plugin gives it."""
    ids = {double or single for double, single in PRINT_PAGE_ID.findall(html)}

    def to_its_page(link: re.Match[str]) -> str:
        place = link.group(1)
        if place in ids:
            return link.group()  # nearly every link: only the few others are looked up
        key = max((key for key in urls if place == key or place.startswith(f"{key}-")), key=len, default=None)
        if key is None:
            return link.group()
        rest = place[len(key) + 1 :]
        return f'href="{urls[key]}{rest if rest.startswith("?") else f"#{rest}" if rest else ""}"'

    return PLACE_LINK.sub(to_its_page, html)


def without_print_site_assets(html: str) -> str:
    """The page without the print-site plugin's assets, nor the whitespace before each."""
    kept, last = [], 0
    for asset in PRINT_SITE_ASSET.finditer(html):
        kept.append(html[last : asset.start()].rstrip())
        last = asset.end()
    return "".join([*kept, html[last:]])


def rewrite_print_links_in_one_pass() -> None:
    """The print-site plugin's link, id and image rewrites, each applied to one tag at a
    time by the plugin's own function, in one pass over the page: the plugin replaces
    each tag's text in the whole page, once per tag, which grows with the square of
    a page's size. Done once per process; the output is the plugin's own (a test
    compares the two on every page)."""
    for name, (find, each) in PRINT_SITE_REWRITES.items():
        rewrite = getattr(print_site_urls, name)
        if not getattr(rewrite, "one_tag_at_a_time", False):
            setattr(print_site_urls, name, one_tag_at_a_time(rewrite, find, each))


def give_code_lines_their_print_ids() -> None:
    """Each page the print-site plugin puts on the print page, with its code lines' ids
    prefixed by the page's key, as the plugin prefixes their links (fix_href_links). It
    prefixes only the ids of headings, list items and footnotes: each line's link led
    nowhere, and two pages' code blocks would share ids. Done once per process."""
    fix_internal_links = print_site_renderer.fix_internal_links
    if getattr(fix_internal_links, "gives_code_lines_ids", False):
        return

    def fixed(page_html: str, page_url: str, *args: Any, **kwargs: Any) -> str:
        key = print_site_urls.get_page_key(page_url)
        fixed_html = fix_internal_links(page_html, page_url, *args, **kwargs)
        return CODE_LINE_ANCHOR.sub(lambda line: f'<a id="{key}-{line[1]}" name="{key}-{line[1]}"', fixed_html)

    fixed.gives_code_lines_ids = True  # type: ignore[attr-defined]
    fixed.__wrapped__ = fix_internal_links  # type: ignore[attr-defined]
    print_site_renderer.fix_internal_links = fixed


def one_tag_at_a_time(
    rewrite: Callable[..., str], find: Callable[[str], Iterator[re.Match[str]]], each: Callable[..., TagRewrite]
) -> Callable[..., str]:
    """``rewrite(page_html, *args)`` done in one pass: each tag ``find`` finds is
    rewritten by ``each(rewrite, *args)``, once per distinct tag."""

    def rewritten(page_html: str, *args: Any) -> str:
        rewrite_tag, done = each(rewrite, *args), {}
        out, last = [], 0
        for tag in find(page_html):
            text = tag.group()
            if text not in done:
                done[text] = rewrite_tag(tag)
            out += [page_html[last : tag.start()], done[text]]
            last = tag.end()
        return "".join(out) + page_html[last:]

    rewritten.one_tag_at_a_time = True  # type: ignore[attr-defined]
    rewritten.__wrapped__ = rewrite  # type: ignore[attr-defined]
    return rewritten


def each_tag(rewrite: Callable[..., str], *args: Any) -> TagRewrite:
    """The plugin's rewrite of the tag alone."""
    return lambda tag: rewrite(tag.group(), *args)


def each_link(rewrite: Callable[..., str], *args: Any) -> TagRewrite:
    """The plugin's fix_href_links of a link (PRINT_SITE_LINK), asked once per page it
    leads to, not once per place on it: the plugin gives a link to a place on a page
    that page's new address and the fragment as it is, when the fragment is plain. (A
    lesson's term links, some 50, all lead to the glossary: at 325 lessons, 16,000
    questions became one a lesson.)"""
    # The part before the fragment, and whether there is one: the new address, with a slot
    # for the fragment; None if the link is kept as it is; "" if each must be asked about.
    by_target: dict[tuple[str, bool], str | None] = {}

    def rewrite_link(link: re.Match[str]) -> str:
        other, url = link.group(1, 2)
        target, hashmark, fragment = url.partition("#")
        if "&" in target or (hashmark and not PLAIN_FRAGMENT.fullmatch(fragment)):
            return rewrite(link.group(), *args)
        if (target, bool(hashmark)) not in by_target:
            asked = f'<a href="{target}{hashmark}{FRAGMENT_SLOT if hashmark else ""}"'
            answer = rewrite(asked, *args)  # '<a href="new address"', or as asked if kept
            if answer == asked:
                by_target[target, bool(hashmark)] = None
            elif answer.count(FRAGMENT_SLOT) == (1 if hashmark else 0) and answer.startswith('<a href="'):
                by_target[target, bool(hashmark)] = answer.removeprefix('<a href="')[:-1]
            else:  # not what the plugin has been seen to do
                by_target[target, bool(hashmark)] = ""
        address = by_target[target, bool(hashmark)]
        if address is None:
            return link.group()
        if not address:
            return rewrite(link.group(), *args)
        # As the plugin writes the tag: what stood before href=, then the new address.
        address = address.replace(FRAGMENT_SLOT, fragment)
        return f'<a href="{address}"' if other is None else f'<a {other.rstrip()} href="{address}"'

    return rewrite_link


# Each rewrite: how to find the tags it rewrites, as its own pattern finds them, and how
# to rewrite each of them on a page (given the plugin's rewrite and its arguments).
PRINT_SITE_REWRITES: dict[str, tuple[Callable[[str], Iterator[re.Match[str]]], Callable[..., TagRewrite]]] = {
    "fix_href_links": (PRINT_SITE_LINK.finditer, each_link),
    "update_anchor_ids": (lambda html: starting_on_lines_with(PRINT_SITE_ID, ID_ATTRIBUTE, html), each_tag),
    "fix_image_src": (PRINT_SITE_IMAGE.finditer, each_tag),
}


def starting_on_lines_with(pattern: re.Pattern[str], marker: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern that begins with "<" and matches only
    where a match of ``marker`` follows on the same line: only those lines are tried.
    (The print-site plugin's id pattern tries each "<" up to its line's end: 0.4 s of
    a build at 325 lessons, on lines that mostly hold no id.)"""
    resume = 0  # where the last match ended: the next begins no sooner
    for line_start in sorted({text.rfind("\n", 0, found.start()) + 1 for found in marker.finditer(text)}):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        at = text.find("<", max(line_start, resume), line_end)
        while at != -1:
            match = pattern.match(text, at)
            if match is None:
                at = text.find("<", at + 1, line_end)
                continue
            yield match
            resume = match.end()  # perhaps on a later line, through an id's value
            at = text.find("<", resume, line_end)


def split_search_index(site: Path) -> None:
    """Leave the page only the index's config; the worker fetches the documents once the
    page is idle after its load (see javascripts/search-worker.js)."""
    index_file = site / SEARCH_INDEX
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text())
    (site / SEARCH_DOCUMENTS).write_text(json.dumps(index["docs"], separators=(",", ":")))
    config = {**index["config"], "documents": SEARCH_DOCUMENTS, "documents_timeout": SEARCH_DOCUMENTS_TIMEOUT_MS}
    index_file.write_text(json.dumps({**index, "config": config, "docs": []}, separators=(",", ":")))
