"""Search as a reader uses it: typed into the box, read from the result list.

Material lists one result per page ("matching documents"), each with links to
its matching sections; a result "hits" a target when its page, or for the
glossary the entry's section, is among them.
"""

from __future__ import annotations

import csv
import http.server
import json
import re
import select
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from notes_site.names import names_of, other_names
from static_host import StaticHost, serve
from support import sources, summaries

QUERIES = Path(__file__).resolve().parent.parent / "fixtures" / "search-queries.tsv"


def queries() -> list[tuple[str, list[str]]]:
    rows = [line for line in QUERIES.read_text().splitlines() if line and not line.startswith("#")]
    return [(query, targets.split("|")) for query, targets in csv.reader(rows, delimiter="\t")]


def search(page: Page, query: str) -> list[list[str]]:
    """Enter the query in the search box; per result, best first, its links as path#anchor."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    # From an empty box, with search ready: else the answer to the query before (searched
    # again as the box takes the focus), or to the part of this one typed before search
    # got ready, could pass for this one's on a busy machine.
    box.fill("")
    box.press("Backspace")  # Material reads the box on a key's release
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Type to start searching")
    box.fill(query[:-1])  # as if pasted: the search runs on the key typed after it
    box.press_sequentially(query[-1])
    expect(meta).not_to_have_text(re.compile("Initializing|Type to start"))
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_attached()
    return [[path_and_anchor(href) for href in links] for links in settled(page, results)]


def settled(page: Page, results) -> list[list[str]]:
    """The result links once the list stops changing: the list may show before the
    last search is answered."""
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
    """And for the term's whole name, its entry comes first there: never folded under
    "more on this page" below longer names that hold it ("Cache Hit" for "Cache")."""
    missed = []
    for entry in sources().entries:
        for name in names_of(entry.name):
            first = search(home, name)[0]
            if f"/glossary/#{entry.id}" not in first:
                missed.append(f"{name}: {first[:3]}")
            elif name == entry.name and first[1] != f"/glossary/#{entry.id}":
                missed.append(f"{name}: not the first entry, {first[:3]}")
    assert missed == []


def test_an_other_name_finds_its_term(home: Page):
    """An alias that the glossary gives as "Also called" ("HA", "LB", "backward proxy")
    finds the glossary among the first 3 results, with the term first there: "HA" found
    SHA and hashing, and never High Availability, before the entry said it."""
    missed = []
    for entry in sources().entries:
        for name in other_names(entry.name, entry.data.aliases):
            top = search(home, name)[:3]
            if ["/glossary/", f"/glossary/#{entry.id}"] not in [result[:2] for result in top]:
                missed.append(f"{name}: {[result[:2] for result in top]}")
    assert missed == [], "\n".join(missed)


def plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and word[-2] not in "aeiou" else word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def test_a_plural_finds_its_term(home: Page):
    """Material's English index has no stemmer: "replicas" found nothing. Every term
    named by one word is found by its plural: the glossary is among the first 3
    results, with the term first there (a lesson that says "clients" often may lead)."""
    missed = []
    for entry in sources().entries:
        if re.fullmatch(r"[A-Za-z]{3,}", entry.name) and not entry.name.isupper() and not entry.name.endswith("s"):
            top = search(home, plural(entry.name.lower()))[:3]
            if ["/glossary/", f"/glossary/#{entry.id}"] not in [result[:2] for result in top]:
                missed.append(f"{plural(entry.name.lower())}: {[result[:2] for result in top]}")
    assert missed == [], "\n".join(missed)


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


# The pages about the site itself, not about system design.
META_PAGES = ("/contributing/", "/writing-notes/", "/progress-format/", "/flashcards/")


@pytest.mark.parametrize("query", ["LRU", "QPS", "cache", "latency", "round robin"])
def test_the_meta_pages_rank_below_the_lessons_and_the_glossary(home: Page, query: str):
    results = search(home, query)
    meta = [i for i, links in enumerate(results) if any(m in links[0] for m in META_PAGES)]
    notes = [i for i, links in enumerate(results) if any(m in links[0] for m in ("/lessons/", "/glossary/"))]
    assert notes and all(m > n for m in meta for n in notes), results


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("what is a cdn", "glossary:content delivery network"),  # "a" found every word that starts with one
        ("what's a cdn", "glossary:content delivery network"),  # and "'s" an "s"
        ("why use a cache", "glossary:cache|lesson:8"),
        ("in memory", "glossary:memory"),
        ("sharding?", "glossary:sharding"),  # "?" is no part of a word
        ("health checks", "lesson:10"),  # every word, before the contributing page's title "What CI checks"
        ("write through", "lesson:8"),  # every word, before the glossary's Throughput
        ("caching", "lesson:8|glossary:cache"),  # a verb's form: the index has no stemmer
        ("sharded", "glossary:sharding|lesson:15"),
        ("polled", "glossary:polling|lesson:18"),
        ("strongly consistent", "glossary:strong consistency|lesson:12"),  # an adverb's
        ("latancy", "glossary:latency|lesson:6"),  # a typo, where nothing is found without one
        ("availibility", "glossary:high availability|lesson:7"),
    ],
)
def test_a_question_finds_first_what_its_words_name(home: Page, query: str, target: str):
    first = search(home, query)[0]
    assert any(hits(first, one) for one in target.split("|")), first


def test_a_questions_last_stop_word_is_left_out_after_words_of_its_own(home: Page):
    """Kept as a word still being typed, "for" found "forward": Forward Proxy came
    before CDN in the glossary's result, and Lesson 9 before Lesson 8."""
    results = search(home, "what does cdn stand for")
    assert results[0][:2] == ["/glossary/", "/glossary/#content-delivery-network"], results[0]
    assert hits(results[1], "lesson:8"), results[1]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("IP", "ip-internet-protocol"),  # a term's short name: IP Packet came first
        ("SQL", "sql-structured-query-language"),  # SQL Database came first
        ("caching", "cache"),  # a verb's form of its name: Cache Eviction Policy came first
    ],
)
def test_a_terms_short_name_or_a_verbs_form_of_it_shows_its_entry_first_in_the_glossarys_result(home: Page, query: str, entry: str):
    glossary = next(result for result in search(home, query) if result[0] == "/glossary/")
    assert glossary[1] == f"/glossary/#{entry}", glossary[:4]


def test_a_typo_stays_forgiven_as_the_reader_types_on(home: Page):
    """Its retry with typos allowed was made once per query: "latancy" found Latency,
    and "latancy " (a space typed after it, the same query) found nothing."""
    assert hits(search(home, "latancy")[0], "glossary:latency")
    home.locator("input.md-search__input").press_sequentially(" ")
    home.wait_for_timeout(500)  # answered, and retried if need be
    results = home.locator("li.md-search-result__item")
    expect(results.first).to_be_attached()
    first = [path_and_anchor(href) for href in settled(home, results)[0]]
    assert hits(first, "glossary:latency"), first


@pytest.mark.parametrize("query", ["what is a reverse proxy", "what's a reverse proxy"])
def test_a_questions_stop_words_are_not_marked_on_the_page_it_opens(home: Page, query: str):
    """Material marks each word of a result link's ?h= wherever it starts a word: "is a"
    marked every "a" and "is" of the lesson, and the "s" of "what's" would every "s"."""
    search(home, query)
    links = home.locator("li.md-search-result__item a[href*='#']")
    asked = [parse_qs(urlsplit(href).query).get("h", [""])[0].split() for href in links.evaluate_all("links => links.map(a => a.href)")]
    assert any(asked) and not {"what", "is", "a", "s"} & {word for words in asked for word in words}, asked


def test_a_hyphenated_query_finds_its_phrase_first(home: Page):
    assert hits(search(home, "write-through")[0], "lesson:8")


def test_a_glossary_result_shows_the_terms_short_definition(home: Page):
    search(home, "quadtree")
    result = home.locator("li.md-search-result__item", has=home.locator("a[href*='/glossary/'][href$='#quadtree']"))
    expect(result.first).to_contain_text(summaries()["quadtree"])


def test_unwritten_lessons_are_never_returned(home: Page):
    unwritten = [lesson for lesson in sources().lessons if lesson.unwritten]
    for query in ["not written yet", *(lesson.title for lesson in unwritten)]:
        links = [link for result in search(home, query) for link in result]
        assert not [link for link in links for lesson in unwritten if lesson.path.removesuffix(".md") in link], query


def test_a_query_with_no_result_says_so_on_a_wide_screen_too(home: Page):
    """The results area was hidden on a wide screen while its list was empty, and with
    it "No matching documents"."""
    assert home.viewport_size["width"] >= 960  # Material's wide layout: 60em
    home.keyboard.press("/")
    home.locator("input.md-search__input").press_sequentially("zzqx")
    expect(home.locator(META)).to_have_text("No matching documents")
    expect(home.locator(META)).to_be_visible()


def test_search_is_driven_by_the_keyboard(home: Page):
    search(home, "quadtree")
    # The count of results is a status, said as it changes: a screen reader heard none.
    expect(home.get_by_role("status").filter(has_text=re.compile(r"^\d+ matching documents?$"))).to_have_count(1)
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


def test_escape_shuts_the_search_and_gives_the_focus_back_where_it_was(home: Page):
    """The focus went to the page's body, and the next Tab began again at the top."""
    link = home.locator("article a[href]").nth(2)
    link.focus()
    search(home, "cache")
    home.keyboard.press("Escape")
    expect(home.locator("input.md-search__input")).not_to_be_focused()
    expect(link).to_be_focused()


DOCUMENTS = "/search/search_documents.json"
FAILED = "Search could not be loaded. Type again to retry."
META = ".md-search-result__meta"
LOST = "Search could not be loaded. Reload the page to try again."


class SlowHost:
    """The site as static_host serves it, with what that cannot do: a page whose figure
    keeps its load event waiting (?late-figure), and an answer that never comes
    (/never). It logs, in order, the requests for those and for the search documents."""

    LATE_MS = 1500
    LOGGED = ("/late.svg", "/never", DOCUMENTS)

    def __init__(self, site: Path) -> None:
        self.log: list[str] = []
        self.hung_up = threading.Event()  # the browser gave up on /never
        self.done = threading.Event()  # the test is over: stop holding requests
        outer = self

        class Handler(StaticHost):
            root = site.resolve()

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                if url.path in outer.LOGGED:
                    outer.log.append(f"asked {url.path}")
                if url.path == "/late.svg":
                    time.sleep(outer.LATE_MS / 1000)
                    outer.log.append(f"answering {url.path}")  # before the browser can have it
                    self.answer(b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', "image/svg+xml")
                elif url.path == "/never":
                    self.hold()
                elif url.query == "late-figure":
                    html = self.resolve().read_text()
                    self.answer(html.replace("</body>", '<img src="/late.svg" alt=""></body>').encode(), "text/html; charset=utf-8")
                else:
                    super().do_GET()

            def answer(self, body: bytes, kind: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def hold(self) -> None:
                """No answer: wait until the browser hangs up, or the test ends."""
                while not outer.done.is_set():
                    readable, _, _ = select.select([self.connection], [], [], 0.05)
                    if readable and not self.connection.recv(1, socket.MSG_PEEK):
                        outer.hung_up.set()
                        return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.done.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def slow_host(site: Path):
    host = SlowHost(site)
    yield host
    host.close()


def index_naming(page: Page, site: Path, documents: str, timeout_ms: int | None = None) -> None:
    """Serve the page a search index whose config names other documents, or another
    timeout: Material's page fetches the index, and the worker the documents it names."""
    index = json.loads((site / "search/search_index.json").read_text())
    index["config"]["documents"] = documents
    if timeout_ms is not None:
        index["config"]["documents_timeout"] = timeout_ms
    page.route("**/search/search_index.json", lambda route: route.fulfill(json=index))


def test_the_documents_load_after_the_page_has_loaded_without_a_search(slow_host: SlowHost, watched):
    """The hook moves the documents out of search_index.json. The worker fetches them
    once the page's load event is over, the reader having done nothing: here a late
    figure holds that event for 1.5 s, and the documents are asked for only after it.
    Search is then ready before the reader comes, from documents fetched once."""
    page = watched.page
    page.goto(slow_host.url + "/lessons/07-availability/?late-figure")
    expect(page.locator(META)).to_have_text(re.compile("Type to start"))  # no focus: ready all the same
    assert slow_host.log == ["asked /late.svg", "answering /late.svg", f"asked {DOCUMENTS}"]
    assert hits(search(page, "write-through")[0], "lesson:8")
    assert slow_host.log.count(f"asked {DOCUMENTS}") == 1
    assert watched.errors == []


def test_the_sites_own_documents_load_once_and_are_searched(server, watched):
    """The documents that the hook writes, fetched once per page, with no error."""
    page, fetched = watched.page, []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/lessons/07-availability/")
    expect(page.locator(META)).to_have_text(re.compile("Type to start"))
    assert hits(search(page, "write-through")[0], "lesson:8")
    assert fetched.count(DOCUMENTS) == 1
    assert watched.errors == []


def test_a_search_link_queries_at_once(server, watched):
    """A search link (?q=) focuses the box and queries at once, before the page is idle:
    the results come, from the documents fetched once."""
    page, fetched = watched.page, []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/?q=write-through")
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_attached()
    assert hits([path_and_anchor(a.get_attribute("href")) for a in results.first.locator("a").all()], "lesson:8")
    assert fetched.count(DOCUMENTS) == 1
    assert watched.errors == []


@pytest.mark.parametrize(
    ("documents", "asked"),
    [
        ("search/missing.json", "/search/missing.json"),  # not found
        ("index.html", "/index.html"),  # not JSON
        ("search/search_index.json", "/search/search_index.json"),  # JSON, but no documents that Material can index
    ],
    ids=["not-found", "not-json", "not-documents"],
)
def test_a_setup_that_fails_is_shown_and_tried_again_at_the_next_keystroke(server, site: Path, watched, documents: str, asked: str):
    """Search that cannot be set up says so in the result list, rather than
    "Initializing search" for good; the reader's next keystroke tries again."""
    page, fetched = watched.page, []
    index_naming(page, site, documents)
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(server + "/")
    page.keyboard.press("/")
    meta = page.locator(META)
    expect(meta).to_have_text(FAILED)
    expect(meta).to_be_visible()
    tries = fetched.count(asked)
    assert tries >= 1
    with page.expect_request(lambda request: urlsplit(request.url).path == asked):
        page.locator("input.md-search__input").press_sequentially("c")
    expect(meta).to_have_text(FAILED)
    assert fetched.count(asked) == tries + 1
    assert DOCUMENTS not in fetched


def test_documents_that_never_come_time_out(site: Path, slow_host: SlowHost, watched):
    """A fetch that hangs (the server never answers) is given up after the config's
    `documents_timeout` (1 s here): until then "Initializing search", then the error,
    and the browser hangs up."""
    page = watched.page
    index_naming(page, site, "never", timeout_ms=1000)
    page.goto(slow_host.url + "/")
    page.keyboard.press("/")
    meta = page.locator(META)
    expect(meta).to_have_text(re.compile("Initializing search"))
    start = time.monotonic()
    expect(meta).to_have_text(FAILED, timeout=10_000)
    assert time.monotonic() - start < 5
    assert "asked /never" in slow_host.log
    assert slow_host.hung_up.wait(5)


def test_an_index_that_never_comes_is_shown_with_a_reload_to_try_again(server, watched):
    """Material's page fetches search_index.json and, when that fails, does nothing more:
    here it fails. Some seconds after the page asked for search, the result list says
    so, rather than "Initializing search" for good, and keeps saying so as the reader
    types (no keystroke can bring that index back); a reload does."""
    page, failing = watched.page, [True]
    page.route("**/search/search_index.json", lambda route: route.abort() if failing[0] else route.continue_())
    page.goto(server + "/")
    page.keyboard.press("/")
    meta = page.locator(META)
    expect(meta).to_have_text(re.compile("Initializing search"))
    expect(meta).to_have_text(LOST, timeout=20_000)
    page.locator("input.md-search__input").press_sequentially("write")
    page.wait_for_timeout(500)
    expect(meta).to_have_text(LOST)
    failing[0] = False
    page.reload()
    assert hits(search(page, "write-through")[0], "lesson:8")


def test_an_index_that_comes_late_is_set_up_and_its_failure_tried_again(server, site: Path, watched):
    """After the reload message, the index comes after all (held here, then answered),
    naming documents that are not there: that failure is shown, and the reader's next
    keystroke tries again, as for any failed setup."""
    page, held = watched.page, []
    index = json.loads((site / "search/search_index.json").read_text())
    index["config"]["documents"] = "search/missing.json"
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(server + "/")
    page.keyboard.press("/")
    meta = page.locator(META)
    expect(meta).to_have_text(LOST, timeout=20_000)
    with page.expect_request(lambda request: urlsplit(request.url).path == "/search/missing.json"):
        for route in held:
            route.fulfill(json=index)
    expect(meta).to_have_text(FAILED)
    with page.expect_request(lambda request: urlsplit(request.url).path == "/search/missing.json"):
        page.locator("input.md-search__input").press_sequentially("c")


def test_a_build_without_hooks_searches_its_index_as_it_is(hookless_site: Path, watched):
    """As Zensical builds it: search_index.json keeps its documents, and the worker file
    loads Material's by URL; nothing else is fetched."""
    page, fetched = watched.page, []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    with serve(hookless_site) as url:
        page.goto(url + "/")
        assert hits(search(page, "write-through")[0], "lesson:8")
    assert "/search/search_index.json" in fetched and DOCUMENTS not in fetched
    assert watched.errors == []
