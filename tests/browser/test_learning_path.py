"""The learning-path map as readers see it: links that work, readable on a phone and in dark mode."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from colour import contrast
from support import sources


def written() -> list[int]:
    return [lesson.number for lesson in sources().lessons if not lesson.unwritten]


def test_every_node_opens_its_lesson(server, watched):
    page = watched.page
    page.goto(server + "/learning-path/")
    links = page.locator(".learning-path-map svg a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs
    for href in hrefs:
        response = page.request.get(f"{server}/learning-path/{href}")
        assert response.status == 200, href
    links.filter(has_text="Caching").click()
    expect(page).to_have_url(f"{server}/lessons/08-caching/")
    assert watched.off_origin == [] and watched.errors == []


def test_on_a_phone_the_map_is_a_named_scroll_area_that_says_it_scrolls_and_keeps_every_label_whole(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "/learning-path/")
    box = page.get_by_role("region", name="Learning path map")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # scrolls sideways
    assert box.get_attribute("tabindex") == "0"  # so that arrow keys scroll it too
    hint = page.locator("#" + box.get_attribute("aria-describedby"))
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("scrolls sideways")
    # Every label inside its node, and its node inside what the scroll area reaches.
    problems = box.evaluate("""map => {
      const area = map.getBoundingClientRect(), problems = [];
      for (const node of map.querySelectorAll(".node")) {
        const label = node.querySelector("text").getBoundingClientRect(), shape = node.querySelector("path, polygon").getBoundingClientRect();
        const whole = label.left >= shape.left && label.right <= shape.right && label.height >= 12;
        const reached = shape.left >= area.left - map.scrollLeft && shape.right <= area.left + map.scrollWidth - map.scrollLeft;
        if (!whole || !reached) problems.push(node.textContent.trim());
      }
      return problems;
    }""")
    assert problems == []
    assert box.locator(".node").count() == len(written())
    context.close()


def test_on_a_phone_the_map_as_a_list_reads_at_the_size_of_the_text(server, browser):
    """Where the map scrolls sideways, the list is the map at a glance: it was set in a
    note's size, 12.8 px, under 16 px text."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "/learning-path/")
    summary = page.locator(".learning-path-list summary")
    summary.tap()
    size = lambda locator: locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")  # noqa: E731
    text = size(page.locator("article > p").first)
    for item in (summary, page.locator(".learning-path-list li").first):
        assert size(item) == text
    context.close()


# The focused node's id, if the map's scroll box cuts it off: it shows less than whole.
CUT_OFF = """() => {
  const node = document.activeElement.getBoundingClientRect();
  const view = document.querySelector(".learning-path-map").getBoundingClientRect();
  return node.left < view.left - 0.5 || node.right > view.right + 0.5 ? document.activeElement.closest(".node").id : null;
}"""


@pytest.mark.parametrize("width", [320, 390])
def test_tab_visits_the_nodes_in_lesson_order_each_shown_whole(server, browser: Browser, width: int):
    """Chromium scrolled the map only to a node wholly out of view: on a phone, after
    Lesson 7, most nodes stayed half under the map's edge, two of them wholly."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(server + "/learning-path/")
    page.get_by_role("region", name="Learning path map").focus()
    visited, unmarked, cut_off = [], [], []
    for _ in written():
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.closest('.node')?.id"))
        if hidden := page.evaluate(CUT_OFF):
            cut_off.append(hidden)
        # The focus shows on the node's own outline, inside the scroll box that would cut
        # off a ring around it at the map's edges.
        outline = page.evaluate("""() => { const a = document.activeElement, shape = a.querySelector('path, polygon');
            const other = document.querySelector('.node a:not(:focus) path, .node a:not(:focus) polygon');
            return [getComputedStyle(shape).strokeWidth, getComputedStyle(other).strokeWidth] }""")
        if float(outline[0].removesuffix("px")) < 2 * float(outline[1].removesuffix("px")):
            unmarked.append(visited[-1])
    context.close()
    assert visited == [f"map-lesson-{number}" for number in written()]
    assert unmarked == []
    assert cut_off == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_node_outlines_and_arrows_reach_3_to_1_against_the_page(server, browser: Browser, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "/learning-path/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    colours = page.evaluate("""() => ({
      outline: [...document.querySelectorAll(".learning-path-map .node path")].map(p => getComputedStyle(p).stroke),
      arrow: [...document.querySelectorAll(".learning-path-map .edge path")].map(p => getComputedStyle(p).stroke),
      head: [...document.querySelectorAll(".learning-path-map .edge polygon")].map(p => getComputedStyle(p).fill),
    })""")
    context.close()
    for part, found in colours.items():
        assert found and min(contrast(colour, background) for colour in found) >= 3, (part, set(found), background)


def test_in_dark_mode_the_nodes_follow_the_palette(server, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server + "/learning-path/")
    text = page.locator(".learning-path-map .node text").first.evaluate("t => getComputedStyle(t).fill")
    box = page.locator(".learning-path-map .node path").first.evaluate("p => getComputedStyle(p).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast(text, box) >= 4.5 and contrast(box, background) < 1.5  # a dark box with light text
    context.close()
