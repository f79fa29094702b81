"""notes_site.extension through Python-Markdown: links made on the element tree.

Each test writes a small docs folder, then converts a page as MkDocs would.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from markdown.test_tools import TestCase

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
        ("cache", "../../glossary/#cache", 'A piece of hardware & software that stores "hot" data.'),
        ("latency", "../../glossary/#latency", "The time it takes for a certain operation to complete"),
    ]
    assert links(html)[-1] == ("Caches", "../../glossary/#cache")
    # The tooltip is made by the page's script, so the page holds no id to describe a link by.
    assert not html.select("[aria-describedby], [id^=summary-]")


def test_a_prerequisite_is_out_of_search_and_a_key_term_in_it(tmp_path: Path):
    html = convert(site(tmp_path), body(""))
    assert html.find(id="latency")["data-search-exclude"] == ""  # a prerequisite: out of search
    assert not html.find(id="cache").has_attr("data-search-exclude")


def test_pages_that_are_no_lesson_are_left_alone(tmp_path: Path):
    html = convert(site(tmp_path), "# Writing notes\n\nA cache.\n\n```markdown\n# Lesson 2: Caching\n```\n")
    assert not links(html)


def test_the_glossary_page_gets_its_entries_with_links_rebased(tmp_path: Path):
    html = convert(site(tmp_path), GLOSSARY.split("---\n", 2)[2])
    assert [h["id"] for h in html.select("h3")] == ["cache", "latency", "selection", "sla-service-level-agreement"]
    # The definition comes rendered, its links made for the glossary's URL (glossary/).
    definition = html.find(id="selection").find_next("details", class_="glossary-definition")
    assert [a["href"] for a in definition.select("a")] == ["../lessons/01-latency/#latency"]
    assert definition.find("img")["src"] == "../photos/2.svg"
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


# --- Exact HTML, as Python-Markdown's own tests: a small lesson in, its page out ----------

SMALL_LESSON = """# Lesson 2: Caching

## Key Terms

### Cache

Hardware that keeps hot data near: a cache is fast, as is low latency.

### Latency

How long a cache takes to answer.

## Notes from the video

"""
SMALL_FRONT_MATTER = "---\nterms:\n  Cache:\n    not_in: [cache money]\n---\n\n"
SUMMARIES = {
    "cache": "Hardware that keeps hot data near: a cache is fast, as is low latency.",
    "latency": "How long a cache takes to answer.",
}


def term(text: str, id: str) -> str:
    """A term link as the page shows it, written out here rather than asked of the code:
    finished, its address the glossary's on the built site (glossary/), from the lesson's
    (lessons/02-caching/)."""
    return (
        f'<a class="glossary-term" data-summary="{SUMMARIES[id]}" '
        f'href="../../glossary/#{id}">{text}</a>'
    )


# Each definition links the other term and not its own, though each names both.
SMALL_PAGE_HEAD = f"""<h1 id="lesson-2-caching">Lesson 2: Caching</h1>
<p class="lesson-done" data-search-exclude hidden><button type="button" class="md-button" data-lesson-done="2" aria-pressed="false">Mark as done</button></p>

<h2 id="key-terms">Key Terms</h2>
<h3 id="cache">Cache</h3>
<p>Hardware that keeps hot data near: a cache is fast, as is low {term("latency", "latency")}.</p>
<h3 id="latency">Latency</h3>
<p>How long a {term("cache", "cache")} takes to answer.</p>
<p class="lesson-study print-site-plugin-ignore" data-search-exclude><a class="md-button" href="../../flashcards/?lesson=2">Study this lesson's 2 terms as flashcards</a></p>

<h2 id="notes-from-the-video">Notes from the video</h2>
"""
THEN_A_CACHE = f"""<p>Then a {term("cache", "cache")}.</p>"""
# "Mark as done" again where the lesson ends.
PAGE_END = (
    '\n<p class="lesson-done lesson-done-end" data-search-exclude hidden><button type="button" class="md-button"'
    ' data-lesson-done="2" aria-pressed="false">Mark this lesson as done</button></p>'
)
class TestExactHtml(TestCase):
    maxDiff = None

    def setUp(self) -> None:
        docs = Path(self.enterContext(tempfile.TemporaryDirectory()))
        (docs / "lessons").mkdir()
        (docs / "lessons" / "02-caching.md").write_text(SMALL_FRONT_MATTER + SMALL_LESSON)
        (docs / "glossary.md").write_text(GLOSSARY)
        extensions = ["abbr", "attr_list", "md_in_html", "toc", "pymdownx.superfences", NotesExtension(docs_dir=str(docs))]
        self.default_kwargs = {"extensions": extensions}

    def test_a_term_is_not_linked_in_its_own_definition_but_is_in_the_next(self) -> None:
        self.assertMarkdownRenders(SMALL_LESSON + "Then a cache.\n", SMALL_PAGE_HEAD + THEN_A_CACHE + PAGE_END)

    def test_nothing_is_linked_in_code_links_images_abbreviations_html_or_headings(self) -> None:
        """Each case, then "Then a cache.": the mention outside is the one linked."""
        cases = {
            "    an indented code block about a cache\n": "<pre><code>an indented code block about a cache\n</code></pre>\n",
            "```text\na cache\n```\n": '<div class="highlight"><pre><span></span><code>a cache\n</code></pre></div>\n',
            "Some `cache` code.\n": "<p>Some <code>cache</code> code.</p>\n",
            "[throughput and cache notes][tp]\n\n[tp]: https://example.org/\n":
                '<p><a href="https://example.org/">throughput and cache notes</a></p>\n',
            "![a cache figure][fig]\n\n[fig]: ../photos/2.svg\n": '<p><img alt="a cache figure" src="../photos/2.svg" /></p>\n',
            "![a cache figure](../photos/2.svg)\n": '<p><img alt="a cache figure" src="../photos/2.svg" /></p>\n',
            "[a cache](https://example.org/cache)\n": '<p><a href="https://example.org/cache">a cache</a></p>\n',
            "*[HTML]: Hyper cache Language\n\nHTML is not a term.\n":
                '<p><abbr title="Hyper cache Language">HTML</abbr> is not a term.</p>\n',
            "<kbd>cache</kbd> and <span title='a cache'>x</span> <a href='x'>a cache</a>\n":
                "<p><kbd>cache</kbd> and <span title='a cache'>x</span> <a href='x'>a cache</a></p>\n",
            "### A cache heading\n": '<h3 id="a-cache-heading">A cache heading</h3>\n',
        }
        for source, html in cases.items():
            with self.subTest(source):
                self.assertMarkdownRenders(
                    SMALL_LESSON + source + "\nThen a cache.\n", SMALL_PAGE_HEAD + html + THEN_A_CACHE + PAGE_END
                )

    def test_a_not_in_phrase_leaves_the_word_alone_and_an_acronym_is_expanded_once(self) -> None:
        self.assertMarkdownRenders(
            SMALL_LESSON + "Cache money, then LRU and LRU.\n\nThen a cache.\n",
            SMALL_PAGE_HEAD
            + '<p>Cache money, then <abbr title="Least-recently used">LRU</abbr> and LRU.</p>\n'
            + THEN_A_CACHE
            + PAGE_END,
        )

    def test_each_mark_takes_the_place_of_its_words_among_the_elements_children(self) -> None:
        """Marks made in an element's own text and in the text after each inline element,
        several in one text, in a nested list: each where its words were, the rest kept."""
        lru = '<abbr title="Least-recently used">LRU</abbr>'
        cases = {
            "A cache, then *some* latency and LRU after it, and `code` with a cache.\n":
                f'<p>A {term("cache", "cache")}, then <em>some</em> {term("latency", "latency")} and {lru} after it,'
                " and <code>code</code> with a cache.</p>",
            "*One* cache, *two* latency, *three* LRU, *four*.\n":
                f'<p><em>One</em> {term("cache", "cache")}, <em>two</em> {term("latency", "latency")},'
                f" <em>three</em> {lru}, <em>four</em>.</p>",
            "- Caches and latency\n    - a cache *in* LRU\n":
                f'<ul>\n<li>{term("Caches", "cache")} and {term("latency", "latency")}<ul>\n'
                f"<li>a cache <em>in</em> {lru}</li>\n</ul>\n</li>\n</ul>",
        }
        for source, html in cases.items():
            with self.subTest(source):
                self.assertMarkdownRenders(SMALL_LESSON + source, SMALL_PAGE_HEAD + html + PAGE_END)

    def test_a_mention_in_inline_html_is_passed_over_and_the_next_one_marked(self) -> None:
        self.assertMarkdownRenders(
            SMALL_LESSON + "<kbd>latency</kbd> is no link, then <kbd>cache</kbd> and latency and a cache are.\n",
            SMALL_PAGE_HEAD
            + f'<p><kbd>latency</kbd> is no link, then <kbd>cache</kbd> and {term("latency", "latency")}'
            + f' and a {term("cache", "cache")} are.</p>'
            + PAGE_END,
        )


def test_a_study_backup_line_becomes_the_same_hidden_controls_as_the_flashcards(tmp_path: Path):
    """One set of backup controls, on the home page and under the deck, each hidden until
    its script wires it; its file input labelled."""
    docs = site(tmp_path)
    box = convert(docs, "# Home\n\n[STUDY-BACKUP]\n\nMore text.\n").select("div.study-backup")
    deck = convert(docs, "# Flashcards\n\n[FLASHCARDS]\n").select(".flashcards div.study-backup")
    assert len(box) == len(deck) == 1
    # (Inside the deck's section, Markdown writes an attribute without a value as its name.)
    shape = lambda element: [(e.name, sorted(e.attrs), e.get_text(" ", strip=True)) for e in [element, *element.find_all(True)]]
    assert shape(box[0]) == shape(deck[0])
    assert box[0].has_attr("hidden") and box[0].has_attr("data-study-backup")
    assert box[0].find("label", string="Restore from a backup")["for"] == box[0].find("input", type="file")["id"]


def test_a_lessons_key_terms_end_with_a_link_to_the_flashcards_of_the_terms_it_teaches(tmp_path: Path):
    """The link names as many terms as the deck's choice of the lesson holds, and leads
    to that choice (javascripts/flashcards.js reads "?lesson=N"); out of search and the
    print page."""
    docs = site(tmp_path)
    html = convert(docs, body("Notes.\n"))
    taught = len(convert(docs, "# Flashcards\n\n[FLASHCARDS]\n").select('.flashcard[data-lesson="2"]'))
    assert taught > 0
    study = html.select("p.lesson-study")
    assert [str(p) for p in study] == [
        '<p class="lesson-study print-site-plugin-ignore" data-search-exclude=""><a class="md-button" href="../../flashcards/?lesson=2">'
        f"Study this lesson's {taught} terms as flashcards</a></p>"
    ]
    # The last thing of the key terms: right before the notes' heading.
    assert study[0].find_next_sibling()["id"] == "notes-from-the-video"
    assert study[0].find_previous("h2")["id"] == "key-terms"


def test_a_blocks_line_in_code_is_left_as_code(tmp_path: Path):
    """A page that shows how to place a block, fenced or indented, shows the line."""
    docs = site(tmp_path)
    for code in ("```\n[STUDY-BACKUP]\n```", "    [STUDY-BACKUP]", "    [GLOSSARY]", "~~~\n[FLASHCARDS]\n~~~"):
        assert convert(docs, f"# Writing notes\n\n{code}\n").find("code").get_text() == code.strip("`~\n ") + "\n"


def test_a_figure_gets_its_files_own_size_so_its_room_is_kept_before_it_loads(tmp_path: Path):
    """From the SVG's root, resolved from the lesson's folder or, elsewhere, from the top
    of the docs; an image with a size, another site's, or a missing one is left alone."""
    docs = site(tmp_path)
    (docs / "photos").mkdir()
    (docs / "photos" / "ring.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 44 48" width="440" height="480px"></svg>')
    (docs / "photos" / "em.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="20em" height="10em"></svg>')
    (docs / "photos" / "part.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="380.6" height="508.2px"></svg>')
    images = "\n\n".join([
        "![Ring](../photos/ring.svg#only-light)",
        "![Sized](../photos/ring.svg){ width=100 }",
        "![Elsewhere](https://example.org/ring.svg)",
        "![Missing](../photos/none.svg)",
        "![In em](../photos/em.svg)",
        "![In parts](../photos/part.svg)",
    ])
    sizes = {img["alt"]: (img.get("width"), img.get("height")) for img in convert(docs, body(images)).select("img")}
    assert {alt: sizes[alt] for alt in ("Ring", "Sized", "Elsewhere", "Missing", "In em", "In parts")} == {
        "Ring": ("440", "480"), "Sized": ("100", None), "Elsewhere": (None, None), "Missing": (None, None), "In em": (None, None),
        "In parts": ("381", "508"),  # whole pixels: HTML's width and height take no fraction
    }
    top = convert(docs, "# Home\n\n![Ring](photos/ring.svg)\n\n![Out](../ring.svg)\n").select("img")
    assert [(img.get("width"), img.get("height")) for img in top] == [("440", "480"), (None, None)]
