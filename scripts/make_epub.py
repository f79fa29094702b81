"""The notes as an EPUB 3 for e-readers, made from the built site after `mkdocs build`:
a cover and title page, every written lesson in the order of the nav, then the
glossary, into site/downloads/systemsexpert-notes.epub.

    python scripts/make_epub.py site/ [--config mkdocs.yml]

Each chapter is a page's article as the site renders it (definitions, term links,
editor's notes, figures), without what only a browser uses: scripts, buttons, the
hidden tooltip and search blocks, permalinks, code lines' anchors, the dark variant
of each figure. Links between pages become links between chapters; a link to a page
the book leaves out goes to the site. The book's identifier comes from the site's
URL, so a newer download replaces an older one in a reader's library instead of
sitting beside it.
"""

from __future__ import annotations

import argparse
import mimetypes
import posixpath
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from ebooklib import epub
from mkdocs.config import load_config

from export_decks import DECK_NAME, NAME
from notes_site.catalog import load
from notes_site.extension import NotesExtension
from notes_site import rendering

FILE_NAME = f"{NAME}.epub"
HERE = "http://site.invalid/"  # a base to resolve a page's relative links against
# What a browser uses and a book does not: site chrome, scripts, buttons, hidden blocks
# (the term summaries that tooltips read, the lesson's "Mark as done" and its link to
# the flashcards), and the target of the skip link that Zensical puts in the article.
DROPPED = (
    "script, style, noscript, form, input, button, template, [hidden], "
    "a.headerlink, a.md-content__button, aside.md-source-file, .lesson-done, .lesson-study, a#__skip, .glossary-edit, "
    "a:empty"  # a link that only marks a place, such as a code line's: on an e-reader, a link to nothing
)
# Attributes for scripts, tooltips and the lightbox: nothing a reader sees.
DROPPED_ATTRIBUTE_PREFIXES = ("data-", "aria-describedby")
STYLESHEET = """\
body { font-family: serif; line-height: 1.5; }
h1, h2, h3, h4 { font-family: sans-serif; line-height: 1.25; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; font-size: 0.85em; }
code { font-family: monospace; }
abbr { text-decoration: none; }
a.glossary-term { color: inherit; text-decoration: underline dotted; }
.admonition { margin: 1em 0; padding: 0.5em 1em; border-left: 4px solid #3f51b5; background: #eef0fa; }
.admonition-title { font-family: sans-serif; font-weight: bold; margin: 0 0 0.25em; }
.glossary-definition-title { font-style: italic; }
.glossary-sources, .glossary-see-also, .glossary-also-called, .lesson-path { font-size: 0.9em; }
.cover { text-align: center; }
.cover img { max-height: 95vh; }
.title-page { text-align: center; margin-top: 20%; }
"""
COVER = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800" width="600" height="800">
<title>{title}</title>
<rect width="600" height="800" fill="#3f51b5"/>
<text x="300" y="330" text-anchor="middle" font-family="sans-serif" font-size="52" font-weight="bold" fill="#ffffff">{first}</text>
<text x="300" y="400" text-anchor="middle" font-family="sans-serif" font-size="52" font-weight="bold" fill="#ffffff">{rest}</text>
<text x="300" y="500" text-anchor="middle" font-family="sans-serif" font-size="26" fill="#e8eaf6">{author}</text>
</svg>
"""


@dataclass(frozen=True)
class Page:
    """A page of the site that is a chapter of the book."""

    source: str  # in the docs folder: "lessons/08-caching.md"
    url: str  # on the site, relative to its root: "lessons/08-caching/"
    file_name: str  # in the book: "08-caching.xhtml"


@dataclass
class Chapter:
    page: Page
    title: str
    body: Tag  # the article, made fit for a book
    headings: list[tuple[int, str, str]]  # level (2 or 3), id, text: the table of contents


def nav_sources(nav: Iterable[object]) -> list[str]:
    """The docs files of mkdocs.yml's nav, in its order, sections flattened."""
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def book_pages(nav: Iterable[object], written: set[str], glossary: str) -> list[Page]:
    """The written lessons in the nav's order, then the glossary: each where the build
    wrote it (directory URLs, which the build requires)."""
    sources = [source for source in nav_sources(nav) if source in written] + [glossary]
    return [Page(source, rendering.site_path(source), posixpath.basename(source).removesuffix(".md") + ".xhtml") for source in sources]


def built_file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url.endswith("/") or not url else url)


# --- A page's article, made fit for a book ----------------------------------------


def article_of(html: str, shown: str) -> Tag:
    article = BeautifulSoup(html, "html.parser").find("article")
    if article is None:
        raise SystemExit(f"{shown}: no <article>: is this a page of the built site?")
    return article


def strip_chrome(article: Tag) -> None:
    """Leaves what a reader of the page reads, and nothing that needs a browser."""
    for element in article.select(DROPPED):
        element.decompose()
    for element in article.find_all(True):
        for name in [n for n in element.attrs if n.startswith(DROPPED_ATTRIBUTE_PREFIXES)]:
            del element[name]


def open_details(article: Tag) -> None:
    """A collapsed block (the glossary's full definitions) shown open: e-readers cannot
    all toggle one, so its summary becomes a line above its content."""
    for details in article.find_all("details"):
        summary = details.find("summary", recursive=False)
        if summary is not None:
            summary.name = "p"
            summary["class"] = f"{details.get('class', ['details'])[0]}-title"  # .glossary-definition-title
        details.name = "div"
        details.attrs.pop("open", None)


def light_figures(article: Tag) -> list[str]:
    """Keeps each figure's light variant, without its lightbox link; drops the dark one.
    Returns the images' paths relative to the page."""
    for image in article.find_all("img"):
        if urlsplit(image.get("src", "")).fragment == "only-dark":
            link = image.find_parent("a")
            (link if link is not None and link.find_all("img") == [image] else image).decompose()
    for link in article.select("a.glightbox"):
        link.unwrap()
    sources = []
    for image in article.find_all("img"):
        image["src"] = urlsplit(image["src"])._replace(fragment="").geturl()
        sources.append(image["src"])
    return sources


def table_of_contents(article: Tag) -> list[tuple[int, str, str]]:
    return [(int(h.name[1]), h["id"], h.get_text(" ", strip=True)) for h in article.find_all(["h2", "h3"]) if h.get("id")]


def unique_ids(article: Tag) -> None:
    """An id twice in one chapter is invalid XHTML: the first keeps it."""
    seen: set[str] = set()
    for element in article.find_all(id=True):
        if element["id"] in seen:
            del element["id"]
        else:
            seen.add(element["id"])


def is_public(site_url: str) -> bool:
    return urlsplit(site_url).hostname not in (None, "127.0.0.1", "localhost")


def site_path(page: Page, href: str) -> str:
    """A page's relative link as a path from the site's root."""
    return urljoin(HERE + page.url, href).removeprefix(HERE)


def relink(article: Tag, page: Page, files: dict[str, str], ids: dict[str, set[str]], site_url: str) -> None:
    """Links between pages of the book go to their chapters (to an anchor the chapter
    has, else to its start); others go to the site; images to their copy in the book,
    which keeps the site's paths."""
    for link in article.find_all("a", href=True):
        target = urlsplit(urljoin(HERE + page.url, link["href"]))
        if target.scheme + "://" + target.netloc + "/" != HERE:
            continue
        path = target.path.removeprefix("/")
        if path in files:
            chapter = files[path]
            link["href"] = chapter + (f"#{target.fragment}" if target.fragment in ids[chapter] else "")
        elif is_public(site_url):
            link["href"] = urljoin(site_url, path) + (f"#{target.fragment}" if target.fragment else "")
        else:
            link.unwrap()  # a local build's address would be a dead link on an e-reader
    for image in article.find_all("img"):
        image["src"] = site_path(page, image["src"])


def chapter_of(page: Page, html: str) -> tuple[Chapter, list[str]]:
    """The page's article cleaned, and the site paths of its images (links not yet
    resolved: that needs every chapter's ids)."""
    article = article_of(html, page.source)
    strip_chrome(article)
    open_details(article)
    images = [site_path(page, src) for src in light_figures(article)]
    unique_ids(article)
    heading = article.find("h1")
    title = heading.get_text(" ", strip=True) if heading else page.source
    article.name = "section"
    article.attrs = {"class": ["chapter"]}
    return Chapter(page, title, article, table_of_contents(article)), images


def has_inline_svg(chapter: Chapter) -> bool:
    return chapter.body.find("svg") is not None


# --- The book ------------------------------------------------------------------


def xml_name(text: str) -> str:
    """An id for the package and the NCX, which must be an XML name (a heading's HTML id
    need not be one)."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", text)


def book_identifier(site_url: str) -> str:
    """The same for every build of one site, different for a fork's."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url)}"


def cover_svg(title: str, author: str) -> str:
    first, _, rest = title.partition(" ")
    return COVER.format(title=escape(title), first=escape(first), rest=escape(rest), author=escape(author))


def cover_page(title: str, author: str, language: str) -> epub.EpubHtml:
    """The cover image as the book's first page (ebooklib's own cover page is non-linear
    with no link to it, which EPUBCheck rejects)."""
    page = epub.EpubHtml(title="Cover", file_name="cover.xhtml", lang=language, uid="cover-page")
    page.content = f'<section class="cover"><img src="cover.svg" alt="{escape(title)}, by {escape(author)}"/></section>'
    return page


def title_page(title: str, author: str, description: str, site_url: str, language: str) -> epub.EpubHtml:
    page = epub.EpubHtml(title=title, file_name="title.xhtml", lang=language, uid="title-page")
    link = f'<p><a href="{escape(site_url)}">{escape(site_url)}</a></p>' if is_public(site_url) else ""
    page.content = (
        f'<section class="title-page"><h1>{escape(title)}</h1><p>{escape(author)}</p>'
        f"<p>{escape(description)}</p>{link}<p>Made on {date.today().isoformat()}.</p></section>"
    )
    return page


def toc_entries(chapter: Chapter, item: epub.EpubHtml) -> tuple[epub.Link, list[object]]:
    """The chapter, and under it its ## headings with their ### headings."""
    sections: list[tuple[epub.Link, list[epub.Link]]] = []
    for level, id, text in chapter.headings:
        link = epub.Link(f"{item.file_name}#{id}", text, xml_name(f"{item.id}-{id}"))
        if level == 2 or not sections:
            sections.append((link, []))
        else:
            sections[-1][1].append(link)
    children = [(link, subs) if subs else link for link, subs in sections]
    return epub.Link(item.file_name, chapter.title, item.id), children


def make_book(site: Path, pages: list[Page], meta: dict[str, str]) -> epub.EpubBook:
    book = epub.EpubBook()
    book.set_identifier(book_identifier(meta["site_url"]))
    book.set_title(meta["title"])
    book.set_language(meta["language"])
    book.add_author(meta["author"])
    book.add_metadata("DC", "description", meta["description"])
    book.add_metadata("DC", "publisher", meta["title"])
    book.add_metadata("DC", "source", meta["site_url"])
    book.add_metadata("DC", "date", date.today().isoformat())
    book.set_cover("cover.svg", cover_svg(meta["title"], meta["author"]).encode(), create_page=False)

    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLESHEET.encode())
    book.add_item(style)

    chapters, image_paths = [], []
    for page in pages:
        chapter, images = chapter_of(page, built_file(site, page.url).read_text(encoding="utf-8"))
        chapters.append(chapter)
        image_paths += images
    files = {chapter.page.url: chapter.page.file_name for chapter in chapters}
    ids = {chapter.page.file_name: {e["id"] for e in chapter.body.find_all(id=True)} for chapter in chapters}
    for path in dict.fromkeys(image_paths):
        media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        book.add_item(epub.EpubImage(uid=xml_name(f"image-{path}"), file_name=path, media_type=media_type, content=(site / path).read_bytes()))

    cover = cover_page(meta["title"], meta["author"], meta["language"])
    cover.add_item(style)
    book.add_item(cover)
    front = title_page(meta["title"], meta["author"], meta["description"], meta["site_url"], meta["language"])
    front.add_item(style)
    book.add_item(front)
    items, toc = [], []
    for chapter in chapters:
        relink(chapter.body, chapter.page, files, ids, meta["site_url"])
        item = epub.EpubHtml(title=chapter.title, file_name=chapter.page.file_name, lang=meta["language"],
                             uid=xml_name(f"chapter-{chapter.page.file_name.removesuffix('.xhtml')}"))
        item.content = str(chapter.body)
        item.add_item(style)
        if has_inline_svg(chapter):
            item.properties.append("svg")
        book.add_item(item)
        items.append(item)
        toc.append(toc_entries(chapter, item))
    book.toc = toc
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title="Contents")
    nav.add_item(style)
    book.add_item(nav)
    book.spine = [cover, front, "nav", *items]
    return book


def export(site_dir: Path, config_file: Path) -> Path:
    """The book of the pages that mkdocs.yml names, from the site built from them."""
    config = load_config(str(config_file))
    settings = NotesExtension(**config.mdx_configs.get("notes_site.extension", {})).getConfigs()
    catalog = load(str(config_file.parent / settings["docs_dir"]), settings["lessons"], settings["glossary"])
    written = {lesson.path for lesson in catalog.lessons if not lesson.unwritten}
    pages = book_pages(config.nav or [], written, settings["glossary"])
    site_url = config.site_url or ""
    meta = {
        "title": config.site_name or DECK_NAME, "author": config.site_author or "", "site_url": site_url,
        "description": (config.site_description or "").strip(), "language": config.theme["language"] or "en",
    }
    out = site_dir / "downloads" / FILE_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    epub.write_epub(str(out), make_book(site_dir, pages, meta), {"raise_exceptions": True})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    path = export(args.site, args.config)
    print(f"Wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
