"""Offline reading and installing, in Chromium, against the built site served as GitHub
Pages serves it. After one visit the server is stopped (Playwright's set_offline does
not cover the service worker's own fetches): what the worker kept must be enough.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

from browser.test_search import hits, search
from chromium import CHROMIUM, FLAGS
from static_host import serve
from support import ROOT, mkdocs_build, sources

NOTICE = "A new version of the notes is available"
WORD = "quokkas"  # in no lesson
# A first visit's worker waits out the page's first seconds after its load: it would
# compete with the reader's first search.
SETTLED_BEFORE_WORKBOX = """() => {
  const page = performance.getEntriesByType("navigation")[0];
  const workbox = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith("/workbox-window.prod.mjs"));
  return page.loadEventStart > 0 && workbox.startTime >= page.loadEventStart + 3000;
}"""
# The words the update notice's status region had when it came onto the page.
NOTICE_ARRIVALS = """new MutationObserver((changes) => {
  for (const change of changes) for (const node of change.addedNodes) {
    if (node.getAttribute?.("role") === "status") window.noticeArrivedWith = node.firstChild.textContent;
  }
}).observe(document, { childList: true, subtree: true });"""
PAGES = {"home": "", "glossary": "glossary/", "flashcards": "flashcards/", "learning path": "learning-path/"}


def written_lessons() -> list[tuple[str, str]]:
    return [(lesson.path.removesuffix(".md") + "/", f"Lesson {lesson.number}: {lesson.title}")
            for lesson in sources().lessons if not lesson.unwritten]


def under(tmp_path: Path, site: Path, subpath: str) -> Path:
    """A copy of the site at tmp_path/subpath, to serve tmp_path as a host's root."""
    shutil.copytree(site, tmp_path / subpath)
    return tmp_path


def make_offline_ready(page: Page, url: str) -> str:
    """Visit url and wait until the worker has kept the site; its scope."""
    page.goto(url)
    return page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)")


# Each registration's scope, and whether it has an active, a waiting and an installing worker.
WORKERS = "navigator.serviceWorker.getRegistrations().then((all) => all.map((r) => [r.scope, !!r.active, !!r.waiting, !!r.installing]))"


def eventually(page: Page, promise: str, seconds: float = 15) -> bool:
    """Whether the page's promise comes true within the time (wait_for_function does not
    wait for a promise)."""
    for _ in range(int(seconds * 5)):
        if page.evaluate(promise):
            return True
        page.wait_for_timeout(200)
    return False


def violations(page: Page, within: str | None = None) -> list[str]:
    found = Axe().run(page, context=within).response["violations"]
    return [f"{v['id']}: {v['help']} e.g. {v['nodes'][0]['target']}" for v in found]


def errors_of(context: BrowserContext) -> list[str]:
    errors: list[str] = []
    context.on("console", lambda message: message.type == "error" and errors.append(message.text))
    context.on("weberror", lambda error: errors.append(str(error.error)))
    return errors


@contextmanager
def context_of(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    yield context
    context.close()


def test_after_one_visit_the_notes_work_without_the_server_under_a_subpath(browser: Browser, site: Path, tmp_path: Path):
    root = under(tmp_path, site, "notes")
    with context_of(browser) as context:
        errors = errors_of(context)
        page = context.new_page()
        with serve(root) as host:
            base = host + "/notes/"
            assert make_offline_ready(page, base) == base
            caches = page.evaluate("caches.keys()")
        # The server is gone from here on.
        assert caches and all(name.endswith(base) for name in caches), caches  # two sites on one origin keep apart
        for path, title in [*written_lessons(), *((path, None) for path in PAGES.values())]:
            response = page.goto(base + path)
            assert response.ok and response.from_service_worker, path
            if title:
                expect(page.locator("h1")).to_contain_text(title)
        # An address typed or shared without its last "/" goes to its page, as online.
        page.goto(base + "lessons/08-caching?h=cache")
        assert page.url == base + "lessons/08-caching/?h=cache"
        page.goto(base)
        assert hits(search(page, "write-through")[0], "lesson:8")
        page.goto(base + "flashcards/")
        expect(page.locator(".flashcards.is-ready")).to_be_visible()
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name="Good").click()
        expect(page.locator(".flashcards-counts")).to_have_text(re.compile(r"^Due now: \d+ · Later today: 1 "))
        assert errors == []


def test_a_reader_who_moves_on_within_the_first_seconds_gets_the_worker_when_they_are_over(browser: Browser, site: Path):
    """The seconds the worker waits are the visit's, not each page's: a reader moving on
    from page to page within them does not put it off again and again."""
    with context_of(browser) as context:
        page = context.new_page()
        with serve(site) as host:
            page.goto(host + "/")
            page.wait_for_timeout(2000)  # the worker waits for one more second
            assert make_offline_ready(page, host + "/glossary/") == host + "/"
            waited = page.evaluate("""() => {
              const page = performance.getEntriesByType("navigation")[0];
              const workbox = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith("/workbox-window.prod.mjs"));
              return workbox.startTime - page.loadEventStart;
            }""")
            assert waited < 2500, f"the glossary waited {waited:.0f} ms after its load, as a first page would"


def test_a_page_not_kept_shows_the_offline_page_and_a_download_is_no_page(browser: Browser, site: Path):
    with context_of(browser) as context:
        page = context.new_page()
        with serve(site) as host:
            make_offline_ready(page, host + "/")
        assert page.evaluate(SETTLED_BEFORE_WORKBOX)  # the worker's part waits for the page
        page.goto(host + "/print/")  # the print page is not kept
        expect(page.locator("h1")).to_contain_text("You are offline")
        expect(page.get_by_role("link", name="Open the page again")).to_have_attribute("href", host + "/print/")
        for name in ("the home page", "the glossary", "the flashcards", "the learning path"):
            expect(page.locator("article").get_by_role("link", name=name)).to_be_visible()
        assert violations(page) == []
        page.locator("article").get_by_role("link", name="the glossary").click()
        expect(page.locator("h1")).to_contain_text("Glossary")
        for download in sorted((site / "downloads").iterdir()):
            with pytest.raises(Error, match="ERR_"):  # the browser's network error, not a page of ours
                page.goto(f"{host}/downloads/{download.name}")
            page.wait_for_load_state()


def build_with_a_changed_lesson(project: Path, site_dir: Path, line: str) -> None:
    lesson = project / "docs" / "lessons" / "07-availability.md"
    lesson.write_text(f"{lesson.read_text()}\n{line}\n")
    build = mkdocs_build(project, site_dir)
    assert build.returncode == 0, build.stderr
    step = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), str(site_dir)], capture_output=True, text=True)
    assert step.returncode == 0, step.stderr


def test_a_new_deploy_is_offered_and_shows_after_reload_in_every_tab(browser: Browser, site: Path, project: Path, tmp_path: Path):
    """Two builds, one lesson changed: the first served, visited, then the second on the
    same address. The notice appears; Reload announces itself (study data is saved on
    `notes:before-reload`) and shows the new text, which search finds too. A second
    tab's Reload, pressed after the first tab's, worked too (it was stuck)."""
    new_site = tmp_path / "new"
    build_with_a_changed_lesson(project, new_site, f"A line that the second deploy adds: {WORD}.")
    lesson = "lessons/07-availability/"
    with context_of(browser) as context:
        errors = errors_of(context)
        context.add_init_script("addEventListener('notes:before-reload', () => sessionStorage.setItem('announced', 'yes'))")
        context.add_init_script(NOTICE_ARRIVALS)
        page = context.new_page()
        with serve(site) as host:
            make_offline_ready(page, f"{host}/{lesson}")
            page.reload()  # now under the worker
            other = context.new_page()
            other.goto(f"{host}/{lesson}")
            port = int(host.rsplit(":", 1)[1])
        with serve(new_site, port):
            for tab in (page, other):
                tab.reload()  # the browser checks sw.js on a navigation
                expect(tab.get_by_role("status").filter(has_text=NOTICE)).to_be_visible(timeout=20_000)
                assert WORD not in tab.locator("article").inner_text()  # the kept version, until Reload
            assert violations(page, ".update-notice") == []
            # A screen reader announces a change of a live region it knows: the region
            # came first, empty, and its words after.
            assert page.evaluate("window.noticeArrivedWith") == ""
            page.get_by_role("button", name="Reload").click()
            expect(page.locator("article")).to_contain_text(WORD)
            assert page.evaluate("sessionStorage.getItem('announced')") == "yes"
            other.get_by_role("button", name="Reload").click()
            expect(other.locator("article")).to_contain_text(WORD)
        for tab in (page, other):
            expect(tab.get_by_role("status").filter(has_text=NOTICE)).to_have_count(0)
        # The new version is kept, pages and search index alike.
        page.goto(f"{host}/lessons/08-caching/")
        assert hits(search(page, WORD)[0], "lesson:7")
        assert errors == []


def test_the_kill_switch_removes_the_worker_and_its_caches(browser: Browser, site: Path, tmp_path: Path):
    root = under(tmp_path, site, "notes")
    with context_of(browser) as context:
        page = context.new_page()
        with serve(root) as host:
            make_offline_ready(page, host + "/notes/")
            page.reload()
            assert page.evaluate("caches.keys()")
            retire = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), str(root / "notes"), "--retire"])
            assert retire.returncode == 0
            page.wait_for_load_state("networkidle")  # the old worker answering nothing: no reason to wait for it
            # The browser looks for a new sw.js at each visit; asked here, from the loaded page,
            # so that nothing the old worker is still answering holds the kill switch back.
            page.evaluate("navigator.serviceWorker.getRegistration().then((registration) => registration.update())")
            gone = "caches.keys().then((names) => names.length === 0)"
            assert eventually(page, gone), page.evaluate(f"Promise.all([caches.keys(), {WORKERS}])")
        with pytest.raises(Error, match="ERR_CONNECTION_REFUSED"):
            page.goto(host + "/notes/glossary/")  # nothing kept any more


def test_chromium_finds_the_site_installable_as_an_app_of_its_own_path(browser: Browser, site: Path, tmp_path: Path):
    """Page.getInstallabilityErrors, in a profile of its own (an incognito context
    cannot install): the manifest, its icons and the worker pass. Under a subpath, as a
    GitHub Pages project site is, the app is that path's: an "id" of "./" resolves
    against the origin, which made it the user's root site's app, or another project's."""
    root = under(tmp_path, site, "notes")
    with serve(root) as host:
        context = browser.browser_type.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM, args=FLAGS)
        try:
            page = context.new_page()
            make_offline_ready(page, host + "/notes/")
            page.reload()
            session = context.new_cdp_session(page)
            manifest = session.send("Page.getAppManifest")
            assert manifest["errors"] == [], manifest["errors"]
            assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            assert session.send("Page.getAppId")["appId"] == host + "/notes/"
        finally:
            context.close()
