"""What a reader sees in Chromium: home page, nested lists, figures, palette toggle."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import sources


def test_the_home_page_loads_clean_and_has_a_card_for_every_written_lesson(server, watched):
    watched.page.goto(server + "/", wait_until="networkidle")
    expect(watched.page.locator("h1")).to_contain_text("SystemsExpert Notes")
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    cards = watched.page.locator(".grid.cards li")
    expect(cards).to_have_count(len(written))
    for lesson in written:
        expect(cards.locator(f"a[href$='{lesson.path.removesuffix('.md')}/']")).to_have_count(1)
    assert watched.errors == []
    assert watched.off_origin == []


def test_a_lessons_nested_lists_render_nested(server, watched):
    page = watched.page
    page.goto(server + "/lessons/04-network-protocols/")
    deepest = page.locator("article li", has_text="Packets get out of order").last
    expect(deepest).to_be_visible()
    depth = deepest.evaluate("li => { let d = 0; for (let e = li; e; e = e.parentElement) if (e.tagName === 'UL' || e.tagName === 'OL') d++; return d; }")
    assert depth == 7  # as the notes nest it: seven lists deep
    # indented: each level sits further right than its parent
    parent = page.locator("article li", has_text="How does this work?").last
    assert deepest.bounding_box()["x"] > parent.bounding_box()["x"]


def test_the_table_of_contents_leads_into_a_long_lessons_notes(server, watched):
    page = watched.page
    page.goto(server + "/lessons/08-caching/")
    toc = page.locator("nav.md-nav--secondary")
    toc.get_by_role("link", name="Writing w/ Cache", exact=True).click()
    expect(page).to_have_url(re.compile(r"#writing-w-cache$"))
    expect(page.locator("h3#writing-w-cache")).to_be_in_viewport()
    # the bullets that explain "Write-back cache" are in its numbered item
    item = page.locator("article ol > li", has_text="Write-back cache")
    expect(item.locator("li", has_text="Only the cache gets updated")).to_be_visible()
    assert watched.errors == []


def test_a_figure_opens_in_the_lightbox(server, watched):
    page = watched.page
    page.goto(server + "/lessons/11-hashing/")
    page.locator("article a.glightbox").first.click()
    expect(page.locator(".glightbox-container .gslide.current img")).to_be_visible()
    assert watched.errors == []


def test_the_palette_follows_the_system_and_the_toggle_switches_it(server, browser):
    dark = browser.new_context(color_scheme="dark").new_page()
    dark.goto(server + "/")
    expect(dark.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    dark.context.close()
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(server + "/lessons/06-latency-and-throughput/")
    body = page.locator("body")
    # The system's light preference is followed until the reader chooses.
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    background = lambda: page.evaluate("getComputedStyle(document.body).backgroundColor")
    light = background()
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert background() != light
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert background() == light
    context.close()


def test_the_palette_toggle_switches_back_and_forth_from_the_keyboard(server, browser):
    """Enter or Space on the focused toggle switches the palette, and the focus moves to
    the toggle now shown, so the next press switches back (as Material's own does)."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(server + "/lessons/06-latency-and-throughput/")
    body = page.locator("body")
    page.locator("input[name=__palette]").first.focus()
    for key, scheme in (("Enter", "slate"), ("Enter", "default"), ("Space", "slate"), ("Space", "default")):
        page.keyboard.press(key)
        expect(body).to_have_attribute("data-md-color-scheme", scheme)
        # the focused toggle is the one on screen: its label shows, and shows the focus
        assert page.evaluate("""() => { const input = document.activeElement;
            const label = input.nextElementSibling;
            return input.name === "__palette" && !label.hidden && label.getBoundingClientRect().width > 0 }""")
    assert page.evaluate("window.scrollY") == 0  # Space switched; it did not scroll the page
    context.close()


def test_every_page_loads_clean_and_stays_on_this_host(server, site, watched):
    paths = sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))
    assert len(paths) >= 30
    for path in paths:
        watched.page.goto(server + path, wait_until="load")
    assert watched.errors == []
    assert watched.off_origin == []


def test_a_missing_page_offers_search_and_the_way_home(server, watched):
    page = watched.page
    response = page.goto(server + "/lessons/99-nothing-here/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    expect(page).to_have_title("Page not found - SystemsExpert Notes")
    expect(page.get_by_role("link", name="Go to the home page")).to_have_attribute("href", re.compile(f"^(/|{server}/)$"))
    page.get_by_label("Search the notes").fill("quadtree")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".md-search-result__item").first).to_contain_text("Quadtree")


@pytest.mark.parametrize("width", [1280, 320])
def test_every_tab_stop_before_the_content_is_visible(server, watched, width: int):
    """On a phone the search results area, off the screen until the search opens, took
    the Tab after the search field, which closes it there."""
    page = watched.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + "/lessons/08-caching/")
    for _ in range(6):
        page.keyboard.press("Tab")
        page.wait_for_timeout(400)  # what the stop opens or closes has moved (Material's transitions: 250 ms)
        focused = page.evaluate("""() => { const e = document.activeElement;
            const box = e.getBoundingClientRect(); const label = e.id && document.querySelector(`label[for="${e.id}"]`);
            const seen = box.width * box.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
            return [e.className, seen || !!label] }""")
        assert focused[1], f"an invisible element takes a Tab stop: {focused[0]}"


def test_the_unwritten_lessons_marks_stand_in_one_column_of_the_navigation(server, watched):
    """After each title's end, the clock of "not written yet" stood where a short title
    ended and at the far right of one that wraps."""
    page = watched.page
    page.goto(server + "/glossary/")
    marks = page.locator(".md-sidebar--primary .md-nav__link > .md-status--unwritten")
    expect(marks.first).to_be_visible()
    rights = {round(box["x"] + box["width"]) for box in (mark.bounding_box() for mark in marks.all())}
    assert len(rights) == 1, rights
