"""The print page's links and ids, made by the print-site plugin's own rewrites, one
tag at a time in one pass over each page (hooks/site_hook.py): the plugin's way
rewrites the whole page once per tag, which grows with the square of a page's size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs_print_site_plugin import urls


def test_every_page_is_rewritten_as_the_plugin_rewrites_it(site: Path, site_hook, monkeypatch: pytest.MonkeyPatch):
    """Whole built pages, their navigation included. Not the print page itself, which
    the plugin never reads: its rewritten links, rewritten again, are where the plugin's
    way differs (it rewrites a tag whose text a tag before it has just become)."""
    pages = {
        f"{path.parent.relative_to(site).as_posix()}/".removeprefix("./"): path.read_text()
        for path in site.rglob("index.html") if path.parent != site / "print"
    }
    for name in site_hook.PRINT_SITE_REWRITES:
        # The plugin's own, though an earlier build in this process has put the hook's in
        # its place (once per process); and whatever was there again after the test.
        rewrite = getattr(urls, name)
        monkeypatch.setattr(urls, name, getattr(rewrite, "__wrapped__", rewrite))
    by_the_plugin = {url: urls.fix_internal_links(html, url, True, 1) for url, html in pages.items()}
    site_hook.rewrite_print_links_in_one_pass()
    assert all(getattr(getattr(urls, name), "one_tag_at_a_time", False) for name in site_hook.PRINT_SITE_REWRITES)
    for url, html in pages.items():
        assert urls.fix_internal_links(html, url, True, 1) == by_the_plugin[url], url


def test_each_tag_is_rewritten_once_however_often_it_is_on_the_page(site_hook):
    rewritten = []

    def rewrite(html: str, page_key: str) -> str:
        rewritten.append(html)
        return html.replace('href="', f'href="#{page_key}-')

    find, _ = site_hook.PRINT_SITE_REWRITES["fix_href_links"]
    one_pass = site_hook.one_tag_at_a_time(rewrite, find, site_hook.each_tag)
    page = '<p><a href="a">A</a> <a href="a">A</a> <a class="x" href="b">B</a></p>'
    assert one_pass(page, "lesson") == '<p><a href="#lesson-a">A</a> <a href="#lesson-a">A</a> <a class="x" href="#lesson-b">B</a></p>'
    assert rewritten == ['<a href="a"', '<a class="x" href="b"']


# Links of every kind the plugin tells apart, from pages at the site's root and below it.
LINKS = [
    '<a href="../../glossary/#latency">', '<a class="glossary-term" data-summary="x" href="../../glossary/#throughput">',
    '<a href="../../glossary/#latency">', '<a href="../glossary/">', '<a href="../07-availability/">', '<a href="#intro">',
    '<a href="https://example.com/a#b">', '<a href="www.example.com/#x">', '<a href="mailto:x@example.com">',
    '<a href="../../downloads/deck.apkg">', '<a href="../figures/1.svg#frag">', '<a href="./#here">', '<a href="">',
    '<a href="../x/#a/../b">', '<a href="../x/#a&amp;b">', '<a href="../x&amp;y/#z">', '<a href="../x&#35;y">', '<a href="../x/#">', '<a\n  HREF="../Y/#Z">',
    '<a title="t"   href="../../glossary/#latency">', '<a href="?q=1#r">', '<a href="index.md#s">', '<a href="../x/#a.b_c-1">',
]
PAGE_URLS = ["", "glossary/", "lessons/06-latency-and-throughput/", "a/b/c/"]


@pytest.mark.parametrize("page_url", PAGE_URLS)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_are_rewritten_as_the_plugin_rewrites_each(site_hook, page_url: str, directory_urls: bool):
    """Asked once per page a link leads to, not once per place on it: the same tags."""
    plugin = getattr(urls.fix_href_links, "__wrapped__", urls.fix_href_links)
    asked = []

    def rewrite(html: str, *args) -> str:
        asked.append(html)
        return plugin(html, *args)

    page_key = urls.get_page_key(page_url)
    find, _ = site_hook.PRINT_SITE_REWRITES["fix_href_links"]
    rewrite_link = site_hook.each_link(rewrite, page_key, page_url, directory_urls)
    for link in find("\n".join(LINKS)):
        assert rewrite_link(link) == plugin(link.group(), page_key, page_url, directory_urls), link.group()
    assert sum("glossary/#" in html for html in asked) == 1  # four links to places on one page


def test_a_link_is_asked_about_alone_where_the_answer_drops_its_fragment(site_hook):
    """Not what the plugin does: a rewrite that does not keep the fragment is asked about
    each link, so that its own answer is what the page gets."""
    asked = []

    def rewrite(html: str, page_key: str) -> str:
        asked.append(html)
        return re.sub(r'href="[^"]*"', f'href="#{page_key}-{len(asked)}"', html)

    find, _ = site_hook.PRINT_SITE_REWRITES["fix_href_links"]
    rewrite_link = site_hook.each_link(rewrite, "lesson")
    links = list(find('<a href="../g/#a"> <a class="x" href="../g/#b">'))
    assert [rewrite_link(link) for link in links] == ['<a href="#lesson-2"', '<a class="x" href="#lesson-3"']
    assert asked[1:] == ['<a href="../g/#a"', '<a class="x" href="../g/#b"']


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="a">A</h2>\n<p>x <a href="#a">y</a></p>\n<li id="b">z</li>',
        '<p>no id here <b>bold</b></p>\n<h3 ID="upper">Shouting</h3>',  # the plugin's pattern ignores case
        '<span class="x">a</span> <sup id="fn:1">1</sup> <a id="c" href="#d">',  # several tags, then a match, on one line
        '<h2 id="spans\nlines">A</h2> <h3 id="after">B</h3>\n<p id="next">',  # an id's value across a line's end
        '<h2 id="a\nb<c">A</h2> <h3 id="x">X</h3>',  # the next line's "<" inside a match: no match begins there
        '<p>a <b>b\n</b> <h4 id="e">E</h4>',  # a tag that does not match before one that does
        '<div class="grid="x" id="f">',  # "id=" inside another attribute's name
    ],
    ids=["lines", "case", "one-line", "across-lines", "inside-a-match", "mixed", "inside-a-name"],
)
def test_ids_are_found_where_the_plugins_own_pattern_finds_them(site_hook, html: str):
    found = [m.span() for m in site_hook.starting_on_lines_with(site_hook.PRINT_SITE_ID, site_hook.ID_ATTRIBUTE, html)]
    assert found == [m.span() for m in site_hook.PRINT_SITE_ID.finditer(html)]


def test_ids_are_found_as_the_plugin_finds_them_on_every_page(site: Path, site_hook):
    for path in site.rglob("index.html"):
        html = path.read_text()
        found = [m.span() for m in site_hook.starting_on_lines_with(site_hook.PRINT_SITE_ID, site_hook.ID_ATTRIBUTE, html)]
        assert found == [m.span() for m in site_hook.PRINT_SITE_ID.finditer(html)], path


def test_code_lines_keep_their_links_and_ids_apart_on_the_print_page(site_hook):
    """Two pages with a code block each: on the print page each line's link leads to its
    own line, and no id is there twice (the plugin alone prefixes the links, not the ids)."""
    from mkdocs_print_site_plugin import renderer

    site_hook.give_code_lines_their_print_ids()
    site_hook.give_code_lines_their_print_ids()  # once per process: not wrapped twice
    assert not getattr(renderer.fix_internal_links.__wrapped__, "gives_code_lines_ids", False)
    code = '<pre><code><a id="{0}__codelineno-0-1" name="{0}__codelineno-0-1" href="#{0}__codelineno-0-1"></a>x\n</code></pre>'
    pages = {"lessons/19-configuration/": code.format(""), "glossary/": code.format("json--"), "": code.format("")}
    print_page = "".join(renderer.fix_internal_links(html, url, True, "1") for url, html in pages.items())
    ids = re.findall(r'\bid="([^"]*__codelineno[^"]*)"', print_page)
    links = re.findall(r'href="#([^"]*)"', print_page)
    assert sorted(ids) == sorted(links) == sorted(re.findall(r'\bname="([^"]*)"', print_page))
    assert len(set(ids)) == len(pages)
    assert "glossary-json--__codelineno-0-1" in ids


def test_a_link_the_plugin_made_a_place_the_print_page_lacks_goes_to_its_page(site_hook):
    """The plugin makes each link to a page a place on the print page, also for a page it
    leaves out: "Study this lesson's terms" led to "#flashcards-?lesson=3", nowhere."""
    urls = {"flashcards": "../flashcards/", "lessons-03-client-server-model": "../lessons/03-client-server-model/"}
    html = (
        '<a href="#flashcards-?lesson=3">Study</a> <a href="#flashcards">cards</a> <a href="#flashcards-options">x</a>'
        ' <h2 id="lessons-03-client-server-model-client">Client</h2> <a href="#lessons-03-client-server-model-client">c</a>'
        " <section id='section-2'></section> <a href=\"#section-2\">2</a> <a href=\"#nowhere\">n</a>"
    )
    assert site_hook.links_off_the_print_page(html, urls) == (
        '<a href="../flashcards/?lesson=3">Study</a> <a href="../flashcards/">cards</a> <a href="../flashcards/#options">x</a>'
        ' <h2 id="lessons-03-client-server-model-client">Client</h2> <a href="#lessons-03-client-server-model-client">c</a>'
        " <section id='section-2'></section> <a href=\"#section-2\">2</a> <a href=\"#nowhere\">n</a>"
    )
