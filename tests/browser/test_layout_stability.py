"""Nothing a reader is looking at moves when the site's scripts arrive late, as on a slow
phone: the study boxes, the deck, the figures and the term links keep their room from
the first paint. Each page loads with every script of the site's own held back a
little, and Chromium's layout-shift entries must name no element of the page's text.
(Material's header moves its own buttons as its script sets it up; that is not text.)"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, Route, expect

from support import ROOT, sources, store_done_marks

LATE_S = 0.2  # each of the site's scripts held back this long
# Every layout shift of an element in the page's text: where it was and where it went.
SHIFTS = """
window.contentShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    for (const source of entry.sources) {
      const node = source.node && (source.node.closest ? source.node : source.node.parentElement);
      if (!node || !node.closest(".md-content")) continue;
      const name = node.localName + (node.className && typeof node.className === "string" ? "." + node.className.split(" ").join(".") : "");
      window.contentShifts.push(`${name}: y ${Math.round(source.previousRect.y)} -> ${Math.round(source.currentRect.y)}`);
    }
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def pages() -> list[str]:
    """The home page, the study pages, the glossary and the map, and the first and last
    written lessons, and the first with a figure (the print page is the print-site
    plugin's own layout)."""
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    with_figure = next(lesson for lesson in written if "![" in (ROOT / "docs" / lesson.path).read_text())
    lessons = dict.fromkeys(lesson.path.removesuffix(".md") + "/" for lesson in (written[0], with_figure, written[-1]))
    return ["", "glossary/", "flashcards/", "learning-path/", *lessons]


def late(route: Route) -> None:
    time.sleep(LATE_S)  # Python waits; the browser goes on parsing and painting the page
    route.continue_()


@pytest.mark.parametrize("width", [390, 1280])
def test_no_text_moves_when_the_sites_scripts_arrive_late(browser, server, width: int):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    for path in pages():  # the system fonts loaded first: their late arrival moves text too, not the scripts
        page.goto(f"{server}/{path}")
        page.evaluate("document.fonts.ready.then(() => true)")
    context.add_init_script(SHIFTS)
    page.route("**/javascripts/**", late)
    moved = {}
    for path in pages():  # nothing is clicked or typed: no study data is written
        # A move that the late scripts cause comes at every load. Once in about 400
        # loads here, the glossary's letter bar moved up by half a line and did not at
        # the next load, for no cause found: a move counts when a second load has it too.
        if (shifts := shifts_at(page, f"{server}/{path}")) and shifts_at(page, f"{server}/{path}"):
            moved[path or "/"] = shifts[:3]
    context.close()
    assert moved == {}


def shifts_at(page: Page, url: str) -> list[str]:
    page.goto(url, wait_until="networkidle")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page.evaluate("window.contentShifts")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_figure_keeps_its_room_before_it_arrives(browser, server, width: int):
    """Each figure's size is on its <img>, so the text under it is laid out where it will
    stay before the figure has loaded (on the home page, the intro's figure is above the
    lessons)."""
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    with_figure = next(lesson for lesson in written if "![" in (ROOT / "docs" / lesson.path).read_text())
    for path in ("", with_figure.path.removesuffix(".md") + "/"):
        context = browser.new_context(viewport={"width": width, "height": 844})
        page, held = context.new_page(), []
        page.route("**/photos/**", lambda route: held.append(route))
        page.goto(f"{server}/{path}", wait_until="domcontentloaded")
        page.evaluate("document.fonts.ready.then(() => true)")
        last = page.locator("article h2").last
        before = last.bounding_box()["y"]
        assert held, f"/{path} asked for no figure"
        for route in held:
            route.continue_()
        page.wait_for_function("[...document.images].every((image) => image.complete)")
        assert last.bounding_box()["y"] == before, f"/{path}"
        context.close()


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
@pytest.mark.parametrize("done", ["some", "all"])
def test_a_returning_readers_progress_moves_no_lesson(browser, server, width: int, done: str):
    """The box keeps a first visit's room while the study data loads; a returning
    reader's line is shorter or taller at some widths (at 768 px the lessons rose a line)."""
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    context = browser.new_context(viewport={"width": width, "height": 844})
    page, held = context.new_page(), []
    store_done_marks(page, server, [lesson.number for lesson in (written[:2] if done == "some" else written)])
    page.route("**/javascripts/study-data.js", lambda route: held.append(route))  # what the box waits for
    page.goto(f"{server}/", wait_until="domcontentloaded")
    page.evaluate("document.fonts.ready.then(() => true)")
    lessons = page.locator(".grid.cards").last  # under every card that may get its "Done"
    before = lessons.bounding_box()["y"]
    page.wait_for_function("document.readyState === 'complete'")
    assert held, "the study data's script was not asked for"
    for route in held:
        route.continue_()
    expect(page.locator(".course-progress:not([hidden])")).to_contain_text("lesson" if done == "some" else "Every written lesson is done.")
    expect(page.locator(".study-backup:not([hidden])")).to_be_visible()  # under it, wired by its own module
    assert lessons.bounding_box()["y"] == before
    context.close()
