"""Search's index made without reading the sections it skips, and with the term links
as their text (hooks/notes_hook.py): the search plugin's parser gives the same sections,
titles and texts for every page."""

from __future__ import annotations

import random
import re

import pytest
from material.plugins.search.plugin import Parser, SearchIndex, SearchPlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    """From a build of the site, each page's content as the search plugin has it, and
    as its index reads it."""
    contents: dict[str, str] = {}
    read: dict[str, str] = {}
    index_page, add_entry = SearchPlugin.on_page_context, SearchIndex.add_entry_from_context

    def recording(self, context, *, page, config, nav):
        contents[page.file.src_uri] = page.content
        return index_page(self, context, page=page, config=config, nav=nav)

    def reading(self, page):
        read[page.file.src_uri] = page.content
        return add_entry(self, page)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SearchPlugin, "on_page_context", recording)
        patch.setattr(SearchIndex, "add_entry_from_context", reading)
        patch.chdir(ROOT)  # the extension's docs_dir is from the folder the build runs in
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("site"))))
    return contents, read


def indexed(html: str) -> list[tuple[str | None, str, str, bool]]:
    """What the search plugin's parser makes of a page's content: each section's id, title, text and exclusion."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


def test_every_page_is_indexed_as_in_full(built, hook):
    """The index reads each page without its skipped sections, the glossary's and the
    flashcards' among them, and without its term links' tags, and makes the same
    sections of it."""
    contents, read = built
    assert read == {page: hook.what_search_keeps(html) for page, html in contents.items()}
    assert read["glossary.md"] != contents["glossary.md"] and read["flashcards.md"] != contents["flashcards.md"]
    linked = [page for page, html in contents.items() if 'class="glossary-term"' in html]
    assert linked and not any('class="glossary-term"' in read[page] for page in linked)
    for page, html in contents.items():
        assert indexed(read[page]) == indexed(html), page


@pytest.mark.parametrize(
    "html",
    [
        # A heading inside a skipped section still makes a search section.
        '<h2 id="a">A</h2><section data-search-exclude><h4 id="b">B</h4><p>hidden</p></section><p>shown</p>',
        # A section inside ends the skip at its own end: what follows it is searched, and
        # the outer one's end still closes a heading's section that began in it.
        '<h2 id="a">A</h2><section data-search-exclude><section><p>x</p></section>'
        '<h3 id="c">C</h3><p>shown</p></section><p>after</p>',
        # Only sections are cut; a skipped div is left to the parser.
        '<h2 id="a">A</h2><div data-search-exclude><p>hidden</p></div><p>shown</p>',
    ],
    ids=["heading", "nested-section", "div"],
)
def test_what_is_not_cut_is_left_to_the_parser(hook, html: str):
    assert indexed(hook.what_search_keeps(html)) == indexed(html)


def test_a_skipped_section_is_cut_whole(hook):
    html = '<h2 id="a">A</h2><section class="x" data-search-exclude><details><p>full</p></details></section><p>shown</p>'
    assert hook.what_search_keeps(html) == '<h2 id="a">A</h2><p>shown</p>'


def test_skipped_sections_are_cut_as_the_plain_pattern_cuts_them(hook):
    """The rule as one pattern: a skipped section's start tag, then up to the first end
    tag with no section or heading before it (random pages of those pieces)."""
    rule = re.compile(
        r"<section\b[^>]*\sdata-search-exclude(?=[\s>=])[^>]*>(?:(?!<section\b|<h[1-6]\b).)*?</section>", re.DOTALL
    )
    pieces = ["<section data-search-exclude>", '<section class="x" data-search-exclude>', "<section>",
              "<section data-search-excluded>", "</section>", "<h3 id=a>", "</h3>", "<hr>", "<p>x</p>", "\n", "<sectionx>"]
    rng = random.Random(3)
    for _ in range(3000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert hook.what_search_keeps(html) == rule.sub("", html), html


TERM = '<a class="glossary-term" data-summary="A &quot;store&quot; &lt;b&gt;" href="../../glossary/#cache">{}</a>'


@pytest.mark.parametrize(
    "html",
    [
        f"<p>A {TERM.format('cache')} and {TERM.format('disk')}.</p>",
        f"<ul><li>{TERM.format('Caching')}\n<ul><li>x</li></ul></li></ul>",  # a nested list after it
        f'<h2 id="a">A</h2><p>{TERM.format("cache")}</p><h3 id="b">B</h3><p>{TERM.format("RAM &amp; disk")}</p>',
        f"<p><strong>x</strong>{TERM.format('cache')}<em>y</em></p>",
        f"<pre><code>{TERM.format('in code')}  </code></pre>",
    ],
    ids=["sentence", "before-a-list", "sections", "between-tags", "pre"],
)
def test_a_term_link_is_indexed_as_its_text(hook, html: str):
    kept = hook.what_search_keeps(html)
    assert "glossary-term" not in kept and indexed(kept) == indexed(html)


def test_only_term_links_lose_their_tags(hook):
    html = '<p><a href="x">a link</a> <a class="glossary-term-x" href="y">z</a> <abbr title="t">T</abbr></p>'
    assert hook.what_search_keeps(html) == html
