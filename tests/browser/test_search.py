"""Search as a reader uses it: typed into the box, read from the result list.

Material lists one result per page ("matching documents"), each with links to
its matching sections; a result "hits" a target when its page, or for the
glossary the entry's section, is among them.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from notes_site.names import names_of
from support import search_documents, sources

QUERIES = Path(__file__).resolve().parent.parent / "fixtures" / "search-queries.tsv"


def queries() -> list[tuple[str, list[str]]]:
    rows = [line for line in QUERIES.read_text().splitlines() if line and not line.startswith("#")]
    return [(query, targets.split("|")) for query, targets in csv.reader(rows, delimiter="\t")]


def search(page: Page, query: str) -> list[list[str]]:
    """Type the query into the search box; per result, best first, its links as path#anchor."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill("")
    box.press_sequentially(query)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Initializing|Type to start"))
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_attached()
    return [[path_and_anchor(href) for href in links] for links in settled(page, results)]


def settled(page: Page, results) -> list[list[str]]:
    """The result links once the list stops changing: each keystroke searches again."""
    read = "items => items.map(li => [...li.querySelectorAll('a')].map(a => a.href))"
    last = results.evaluate_all(read)
    for _ in range(40):
        page.wait_for_timeout(150)
        now = results.evaluate_all(read)
        if now == last:
            return now
        last = now
    pytest.fail("search results kept changing")


def path_and_anchor(href: str) -> str:
    # Material adds ?h=… to highlight the query; the page and anchor are what count.
    url = urlsplit(href)
    return f"{url.path}#{url.fragment}" if url.fragment else url.path


def hits(result: list[str], target: str) -> bool:
    kind, _, what = target.partition(":")
    if kind == "lesson":
        return any(f"/lessons/{int(what):02d}-" in link for link in result)
    words = "-".join(what.lower().split())
    return any(link.startswith("/glossary/#") and words in link for link in result)


@pytest.fixture
def home(server, watched) -> Page:
    watched.page.goto(server + "/")
    return watched.page


@pytest.mark.parametrize(("query", "targets"), queries(), ids=[q for q, _ in queries()])
def test_each_query_finds_a_target_in_the_top_3(home: Page, query: str, targets: list[str]):
    top = search(home, query)[:3]
    assert any(hits(result, target) for result in top for target in targets), top


def test_the_glossary_ranks_first_for_every_term_name(home: Page):
    missed = []
    for entry in sources().entries:
        for name in names_of(entry.name):
            first = search(home, name)[0]
            if f"/glossary/#{entry.id}" not in first:
                missed.append(f"{name}: {first[:3]}")
    assert missed == []


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("five nines", "lesson:7"),  # a phrase from a definition, found where it is taught
        ("LRU", "lesson:8"),  # an acronym inside a definition
        ("torrent", "lesson:17"),  # a word from the notes
        ("TSDB", "glossary:tsdb"),  # an acronym in parentheses
        ("key-value", "glossary:key-value store"),
        ("client-server", "lesson:3"),
        ("publish/subscribe", "lesson:16"),
        ("RPS/QPS", "lesson:6"),
    ],
)
def test_names_acronyms_definitions_hyphens_and_slashes(home: Page, query: str, target: str):
    top = search(home, query)[:3]
    assert any(hits(result, target) for result in top), top


@pytest.mark.parametrize("query", ["LRU", "QPS", "cache"])
def test_the_meta_pages_rank_below_the_lessons_and_the_glossary(home: Page, query: str):
    results = search(home, query)
    meta = [i for i, links in enumerate(results) if any(m in links[0] for m in ("/contributing/", "/writing-notes/"))]
    notes = [i for i, links in enumerate(results) if any(m in links[0] for m in ("/lessons/", "/glossary/"))]
    assert notes and all(m > n for m in meta for n in notes), results


def test_a_hyphenated_query_finds_its_phrase_first(home: Page):
    assert hits(search(home, "write-through")[0], "lesson:8")


def test_a_glossary_result_shows_the_terms_short_definition(home: Page):
    search(home, "quadtree")
    quadtree = next(entry for entry in sources().entries if entry.id == "quadtree")
    result = home.locator("li.md-search-result__item", has=home.locator("a[href*='/glossary/'][href$='#quadtree']"))
    expect(result.first).to_contain_text(quadtree.summary)


def test_unwritten_lessons_are_never_returned(home: Page):
    unwritten = [lesson for lesson in sources().lessons if lesson.unwritten]
    for query in ["not written yet", *(lesson.title for lesson in unwritten)]:
        links = [link for result in search(home, query) for link in result]
        assert not [link for link in links for lesson in unwritten if lesson.path.removesuffix(".md") in link], query


def test_search_is_driven_by_the_keyboard(home: Page):
    search(home, "quadtree")
    home.keyboard.press("ArrowDown")
    focused = home.locator(":focus")
    expect(focused).to_have_class(re.compile("md-search-result__link"))
    home.wait_for_timeout(400)  # the highlight fades in
    style = focused.evaluate("el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).backgroundColor]")
    assert style != ["none", "rgba(0, 0, 0, 0)"]  # the focused result is visibly marked
    first = focused.get_attribute("href")
    home.keyboard.press("ArrowDown")
    assert home.locator(":focus").get_attribute("href") != first
    home.keyboard.press("ArrowUp")
    home.keyboard.press("Enter")
    expect(home).to_have_url(re.compile(re.escape(first.split("?")[0].lstrip("."))))


DOCUMENTS = "/search/search_documents.json"


def test_the_documents_load_when_the_search_box_is_focused_not_with_the_page(server, watched):
    """A page view without a search fetches only the index's config (the hook moves the
    documents out of search_index.json); focusing the search box fetches them, once."""
    page, fetched = watched.page, []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/lessons/07-availability/")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("Type to start"))
    page.wait_for_timeout(500)
    assert "/search/search_index.json" in fetched and DOCUMENTS not in fetched
    page.keyboard.press("/")
    page.wait_for_timeout(500)  # before the first keystroke
    assert DOCUMENTS in fetched
    assert hits(search(page, "write-through")[0], "lesson:8")
    assert fetched.count(DOCUMENTS) == 1
    assert watched.errors == []


def test_the_documents_load_at_the_first_query_too(server, watched):
    """A search link (?q=) focuses the box and queries at once, maybe before the worker
    is set up: the results come, from the documents fetched once."""
    page, fetched = watched.page, []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/?q=write-through")
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_attached()
    assert hits([path_and_anchor(a.get_attribute("href")) for a in results.first.locator("a").all()], "lesson:8")
    assert fetched.count(DOCUMENTS) == 1
    assert watched.errors == []


def test_an_index_that_holds_its_documents_is_searched_as_it_is(server, site: Path, watched):
    """A build without the hook keeps the documents in search_index.json: the worker
    passes that index on to Material's and fetches nothing more."""
    page, fetched = watched.page, []
    whole = json.loads((site / "search/search_index.json").read_text())
    whole["config"].pop("documents")
    whole["docs"] = search_documents(site)
    page.route("**/search/search_index.json", lambda route: route.fulfill(json=whole))
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/")
    assert hits(search(page, "write-through")[0], "lesson:8")
    assert DOCUMENTS not in fetched
    assert watched.errors == []


def test_documents_that_fail_to_load_answer_no_results_and_are_fetched_again(server, site: Path, watched):
    """Documents that cannot be fetched (here, a file that is not there) do not leave
    search waiting for good: the query gets "no matching documents", and the next one
    fetches them again. (Playwright cannot intercept a worker's own requests, so the
    index names a missing file.)"""
    page, fetched = watched.page, []
    index = json.loads((site / "search/search_index.json").read_text())
    index["config"]["documents"] = "search/missing.json"
    page.route("**/search/search_index.json", lambda route: route.fulfill(json=index))
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.press_sequentially("cache")
    expect(meta).to_have_text("No matching documents")
    box.press_sequentially("s")
    page.wait_for_timeout(500)
    assert fetched.count("/search/missing.json") >= 2
    assert fetched.count(DOCUMENTS) == 0
