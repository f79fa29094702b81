"""The print page in Chromium, and the PDF that `make pdf` prints from it: every written
lesson with its bookmark, one table of contents, and download links that resolve."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from pypdf import PdfReader

from make_pdf import PDF, render_pdf
from support import sources, summaries


@pytest.fixture(scope="module")
def pdf(site: Path, browser: Browser) -> PdfReader:
    """The PDF of the session's built site, made as `make pdf` makes it."""
    return PdfReader(render_pdf(site, site / PDF, browser))


def titles() -> dict[str, bool]:
    """Each lesson's title, and whether it is written."""
    return {f"Lesson {lesson.number}: {lesson.title}": not lesson.unwritten for lesson in sources().lessons}


def test_the_print_page_shows_one_table_of_contents_with_every_written_lesson(server, watched):
    page = watched.page
    page.goto(server + "/print/", wait_until="load")
    assert page.locator("#print-page-toc").count() == 1
    assert page.locator(".print-page-toc-nav > ul").count() == 1
    listed = Counter(page.locator(".print-page-toc-nav a").all_text_contents())
    listed = Counter({" ".join(text.split()): count for text, count in listed.items()})
    for title, written in titles().items():
        assert listed[title] == written, title
    assert listed["Glossary"] == 1
    assert watched.errors == []
    assert watched.off_origin == []


def test_the_pdf_bookmarks_every_written_lesson_on_its_first_page(pdf: PdfReader):
    top = [item for item in pdf.outline if not isinstance(item, list)]
    bookmarks = Counter(item.title for item in top)
    for title, written in titles().items():
        assert bookmarks[title] == written, title
    assert bookmarks["Glossary"] == 1
    for item in top:
        if item.title in titles() or item.title == "Glossary":
            text = pdf.pages[pdf.get_destination_page_number(item)].extract_text()
            assert item.title in " ".join(text.split()), item.title


def test_the_pdf_prints_the_glossary_definitions_unfolded(pdf: PdfReader):
    entry = next(e for e in sources().entries if "Example" in e.definition and e.definition.strip() != summaries()[e.id])
    page = next(p for item in pdf.outline if not isinstance(item, list) and item.title == "Glossary"
                for p in [pdf.get_destination_page_number(item)])
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages[page:])
    last_line = entry.definition.strip().split("\n")[-1].strip(" -")
    assert " ".join(last_line.split()) in text, entry.name
    assert "· Edit this term" not in text  # paper edits nothing (the intro still says what the link does)


def test_the_pdf_links_to_no_local_address(pdf: PdfReader):
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in pdf.pages for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert uris and not [uri for uri in uris if urlsplit(uri).hostname in ("127.0.0.1", "localhost")]


def test_the_download_links_resolve(site: Path, pdf: PdfReader):
    linked = set()
    for page in ("index.html", "flashcards/index.html"):
        base = "/" + page
        article = BeautifulSoup((site / page).read_text(), "html.parser").find("article")
        on_page = set()
        for link in article.select('a[href*="downloads/"]'):
            target = site / unquote(urljoin(base, urlsplit(link["href"]).path)).lstrip("/")
            assert target.is_file() and target.stat().st_size > 0, f"{page}: {link['href']}"
            on_page.add(target.name)
        assert {"systemsexpert-notes.pdf", "systemsexpert-notes.epub"} <= on_page, page  # all the notes, from both pages
        linked |= on_page
    assert linked == {"systemsexpert-notes.pdf", "systemsexpert-notes.apkg", "systemsexpert-notes.csv", "systemsexpert-notes.epub"}


def test_printed_the_page_wraps_code_keeps_figures_whole_and_hides_the_navigation(server, watched):
    page = watched.page
    page.goto(server + "/print/", wait_until="load")
    page.emulate_media(media="print")
    style = lambda selector, name: page.locator(selector).first.evaluate(f"e => getComputedStyle(e)['{name}']")
    assert style("article pre > code", "whiteSpace") == "pre-wrap"
    assert style("article img", "breakInside") == "avoid"
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert style(chrome, "display") == "none", chrome


@pytest.mark.parametrize(("path", "ready"), [
    ("/print/", ".lesson-done:not([hidden])"),  # the "Mark as done" of each lesson, shown by a script
    ("/lessons/07-availability/", ".lesson-done:not([hidden])"),
    ("/flashcards/", ".flashcard.is-current"),
])
def test_printed_a_page_shows_no_control(server, watched, path: str, ready: str):
    """Paper has nothing to press: no button, field or menu of the page is printed,
    once the page's scripts have shown theirs, nor a link drawn as a button (a lesson's
    "Study this lesson's terms as flashcards")."""
    page = watched.page
    page.goto(server + path, wait_until="load")
    page.locator(ready).first.wait_for()
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll(".md-content :is(button, input, select, textarea, .md-button)")]
      .filter(control => control.checkVisibility({visibilityProperty: true, opacityProperty: true}))
      .map(control => control.outerHTML.slice(0, 80))""")
    assert shown == [], shown


# Per glossary entry, as printed: its full definition's fold (if any) is closed, what
# shows of it (the fold's body, else the short definition) is on the page and not empty,
# and a short definition that the full one stands in for is not printed as well.
PRINTED_ENTRIES = """() => [...document.querySelectorAll("h3:has(+ .glossary-short)")].map(entry => {
  const short = entry.nextElementSibling;
  const section = entry.parentElement.querySelector(`#${CSS.escape(entry.id)} ~ .glossary-entry`);
  const full = section?.querySelector(":scope > details.glossary-definition");
  const shown = full ? full.querySelector(".glossary-definition-body") : short;
  const visible = element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({visibilityProperty: true});
  };
  return {
    entry: entry.innerText, closed: !full?.open, shown: visible(shown) && shown.innerText.trim() !== "",
    once: !full || !visible(short),
  };
})"""


def test_printed_by_the_reader_the_glossary_shows_each_full_definition_though_its_fold_is_closed(server, watched):
    """Ctrl+P prints the page as it is: no script opens the folds, as make_pdf.py does."""
    page = watched.page
    page.goto(server + "/glossary/", wait_until="load")
    page.emulate_media(media="print")
    entries = page.evaluate(PRINTED_ENTRIES)
    assert len(entries) == len(sources().entries)
    assert [e["entry"] for e in entries if not (e["closed"] and e["shown"] and e["once"])] == []
