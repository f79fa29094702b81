"""The print page (print/): every written lesson once, the glossary, one table of contents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from support import sources

PRINT_PAGE = "print/index.html"
NOT_NOTES = ("index", "learning-path", "flashcards", "writing-notes", "contributing")


def print_page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / PRINT_PAGE).read_text(), "html.parser")


def page_titles(page: BeautifulSoup) -> Counter[str]:
    """The title of each page the print page holds."""
    return Counter(
        section.find("h1").get_text(strip=True).rstrip("¶")
        for section in page.select("#print-site-page section.print-page:not(.md-section)")
    )


def test_every_written_lesson_is_there_once_and_no_unwritten_one(site: Path):
    titles = page_titles(print_page(site))
    for lesson in sources().lessons:
        title = f"Lesson {lesson.number}: {lesson.title}"
        wanted = 0 if lesson.unwritten else 1
        assert titles[title] == wanted, (
            f"{title} is on the print page {titles[title]} times, not {wanted}"
        )


def test_the_glossary_is_there_with_every_entry(site: Path):
    page = print_page(site)
    assert page_titles(page)["Glossary"] == 1
    glossary = page.select_one("#print-site-page section#glossary")
    names = [h3.get_text(strip=True).rstrip("¶") for h3 in glossary.select("h3")]
    assert names == [entry.name for entry in sources().entries]


def test_the_pages_that_are_no_notes_are_left_out(site: Path):
    ids = {section.get("id") for section in print_page(site).select("section.print-page")}
    assert not ids & set(NOT_NOTES)


def test_the_table_of_contents_is_made_once(site: Path):
    """mkdocs-glightbox 0.5 returns each page with a figure as a whole document, whose
    </head> the print page plugin fills with its table of contents script again."""
    html = (site / PRINT_PAGE).read_text()
    assert html.count("generate_toc()") == 1
    assert html.count("</head>") == 1 and html.count("<body") == 1
    assert len(print_page(site).select("#print-page-toc")) == 1


def test_the_print_page_alone_loads_the_plugins_stylesheets_and_script(site: Path):
    def print_assets(html: BeautifulSoup) -> set[str]:
        urls = [tag.get("href") or tag.get("src") for tag in html.select("link[rel=stylesheet], script[src]")]
        return {url.rsplit("/", 1)[-1] for url in urls if "print-site" in url}

    assert print_assets(print_page(site)) == {"print-site.css", "print-site-material.css", "print-site.js"}
    for path in sorted(site.rglob("*.html")):
        if path != site / PRINT_PAGE:
            assert print_assets(BeautifulSoup(path.read_text(), "html.parser")) == set(), path


def test_its_acronyms_take_no_tab_stop_that_shows_nothing(site: Path):
    """A lesson's acronym takes the keyboard's focus to show what it stands for, by a
    script the print page does not load: there, 32 Tab stops showed nothing. The stop
    is the script's to give (tests/browser/test_term_tooltips.py), never the page's."""
    page = print_page(site)
    assert page.select("abbr[title]")
    assert page.select("abbr[tabindex]") == []
