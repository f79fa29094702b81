"""notes_site.extension through Python-Markdown: links made on the element tree.

Each test writes a small docs folder, then converts a page as MkDocs would.
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from notes_site.extension import NotesExtension

GOOD = (Path(__file__).parent / "fixtures" / "lessons" / "good.md").read_text()
GLOSSARY = "---\nacronyms:\n  LRU: Least-recently used\n---\n\n# Glossary\n\n[GLOSSARY]\n"


def site(tmp_path: Path, lesson: str = GOOD, glossary: str = GLOSSARY) -> Path:
    (tmp_path / "lessons").mkdir(exist_ok=True)
    (tmp_path / "lessons" / "02-caching.md").write_text(lesson)
    (tmp_path / "glossary.md").write_text(glossary)
    return tmp_path


def convert(docs: Path, text: str) -> BeautifulSoup:
    extensions = ["abbr", "attr_list", "md_in_html", "toc", "pymdownx.superfences", NotesExtension(docs_dir=str(docs), repo_url="https://x.org/r")]
    return BeautifulSoup(markdown.Markdown(extensions=extensions).convert(text), "html.parser")


def body(page: str) -> str:
    """A lesson page: the fixture's title and sections, then the page's own text."""
    return GOOD.split("## Notes from the video")[0].split("---\n", 2)[2] + "## Notes from the video\n\n" + page


def links(html: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in html.select("a.glossary-term")]


def test_the_first_mention_per_section_links_to_the_glossary_with_its_summary(tmp_path: Path):
    html = convert(site(tmp_path), body("A cache cuts latency, and a cache is everywhere.\n\n## More\n\nCaches again.\n"))
    notes = html.find(id="notes-from-the-video").find_next("p")
    assert [(a.get_text(), a["href"], a["data-summary"]) for a in notes.select("a")] == [
        ("cache", "../glossary.md#cache", 'A piece of hardware & software that stores "hot" data.'),
        ("latency", "../glossary.md#latency", "The time it takes for a certain operation to complete"),
    ]
    assert links(html)[-1] == ("Caches", "../glossary.md#cache")
    # The tooltip is made by the page's script, so the page holds no id to describe a link by.
    assert not html.select("[aria-describedby], [id^=summary-]")


def test_a_term_is_not_linked_in_its_own_definition_but_is_in_the_next(tmp_path: Path):
    html = convert(site(tmp_path), body(""))
    cache_definition = html.find(id="cache").find_next("p")
    assert cache_definition.find("a") is None
    assert html.find(id="latency")["data-search-exclude"] == ""  # a prerequisite: out of search
    assert not html.find(id="cache").has_attr("data-search-exclude")


@pytest.mark.parametrize(
    "text",
    [
        "    an indented code block about a cache\n",
        "```text\na cache\n```\n",
        "Some `cache` code.\n",
        "[throughput and cache notes][tp]\n\n[tp]: https://example.org/\n",
        "![a cache figure][fig]\n\n[fig]: ../photos/2.svg\n",
        "![a cache figure](../photos/2.svg)\n",
        "[a cache](https://example.org/cache)\n",
        "*[HTML]: Hyper cache Language\n\nHTML is not a term.\n",
        "<kbd>cache</kbd> and <span title='a cache'>x</span> <a href='x'>a cache</a>\n",
        "### A cache heading\n",
    ],
    ids=["indented-code", "fence", "inline-code", "reference-link", "reference-image", "image", "link", "abbr", "raw-html", "heading"],
)
def test_nothing_is_linked_in_code_links_images_abbreviations_html_or_headings(tmp_path: Path, text: str):
    html = convert(site(tmp_path), body(text))
    section = html.find(id="notes-from-the-video")
    after = [el for el in section.find_all_next() if el.name != "a" or "glossary-term" not in el.get("class", [])]
    assert not [a for a in section.find_all_next("a", class_="glossary-term")]
    assert "&lt;a" not in str(html) and "glossary-term" not in "".join(str(el.attrs) for el in after)


def test_acronyms_get_their_expansion_once_per_section(tmp_path: Path):
    html = convert(site(tmp_path), body("Evict with LRU, then LRU again.\n"))
    assert [(a.get_text(), a["title"]) for a in html.select("abbr")] == [("LRU", "Least-recently used")]


def test_not_in_phrases_leave_the_word_alone_and_the_next_mention_links(tmp_path: Path):
    html = convert(site(tmp_path), body("Cache money, then a cache.\n"))
    assert links(html)[-1] == ("cache", "../glossary.md#cache")
    assert str(html.find(string=lambda s: "money" in s)).startswith("Cache money")


def test_pages_that_are_no_lesson_are_left_alone(tmp_path: Path):
    html = convert(site(tmp_path), "# Writing notes\n\nA cache.\n\n```markdown\n# Lesson 2: Caching\n```\n")
    assert not links(html)


def test_the_glossary_page_gets_its_entries_with_links_rebased(tmp_path: Path):
    html = convert(site(tmp_path), GLOSSARY.split("---\n", 2)[2])
    assert [h["id"] for h in html.select("h3")] == ["cache", "latency", "selection", "sla-service-level-agreement"]
    definition = html.find(id="selection").find_next("details", class_="glossary-definition")
    assert [a["href"] for a in definition.select("a")] == ["lessons/01-latency.md#latency"]
    assert definition.find("img")["src"] == "photos/2.svg"
    assert not definition.has_attr("data-lesson")
    edit = html.find(id="cache").find_next("p", class_="glossary-sources").find("a", string="Edit this term")
    assert edit["href"] == "https://x.org/r/edit/main/docs/lessons/02-caching.md"


def test_problems_are_logged_once_on_the_glossary_page_under_the_mkdocs_logger(tmp_path: Path, caplog):
    docs = site(tmp_path, GOOD.replace("## Key Terms", "## Key terms"))
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        convert(docs, body("x"))
        assert not caplog.records
        convert(docs, "# Glossary\n\n[GLOSSARY]\n")
    assert {r.name for r in caplog.records} == {"mkdocs.extensions.notes_site"}
    assert [r.getMessage() for r in caplog.records] == [
        f"{docs}/lessons/02-caching.md:20: '## Key terms' should be '## Key Terms', exactly: its terms are not read otherwise",
        f"{docs}/lessons/02-caching.md:4: front matter names term 'Cache', which this lesson does not define (its terms: Latency)",
    ]
