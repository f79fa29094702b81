"""One Markdown instance converting page after page, as Python-Markdown allows: the
extension keeps a page's state on itself and Markdown.reset() clears it, as it does
for abbr, toc and footnotes."""

from __future__ import annotations

from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from notes_site.extension import NotesExtension, Page

GOOD = (Path(__file__).parent / "fixtures" / "lessons" / "good.md").read_text()
LESSON = GOOD.split("---\n", 2)[2]  # the page as MkDocs hands it over: no front matter


def docs(tmp_path: Path) -> Path:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "02-caching.md").write_text(GOOD)
    (tmp_path / "glossary.md").write_text("# Glossary\n\n[GLOSSARY]\n")
    return tmp_path


def term_links(html: str) -> list[str]:
    return [a.get_text() for a in BeautifulSoup(html, "html.parser").select("a.glossary-term")]


def test_reset_clears_the_page_state_between_two_pages(tmp_path: Path):
    extension = NotesExtension(docs_dir=str(docs(tmp_path)))
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", extension])
    lesson = md.convert(LESSON)
    assert term_links(lesson) and extension.page.lesson is not None
    md.reset()
    assert extension.page == Page()
    other = md.convert("# Writing notes\n\nA cache cuts latency.\n")
    assert term_links(other) == []
    md.reset()
    assert term_links(md.convert(LESSON)) == term_links(lesson)


def test_a_glossary_page_then_a_lesson_on_one_instance(tmp_path: Path):
    extension = NotesExtension(docs_dir=str(docs(tmp_path)))
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", extension])
    glossary = BeautifulSoup(md.convert("# Glossary\n\n[GLOSSARY]\n"), "html.parser")
    assert glossary.find(id="cache") is not None
    md.reset()
    lesson = md.convert(LESSON)
    assert "cache" in [link.lower() for link in term_links(lesson)]
