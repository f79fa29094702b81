"""A term link's definition in Chromium, as a reader sees and hears it: on every width
inside the viewport, by mouse, keyboard and touch (WCAG 1.4.13), named once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from chromium import CHROMIUM, FLAGS
from support import sources

TOOLTIP = "[role=tooltip]"
GLOSSARY_LINK = ".term-popup a"

# Focus each term link of the page in turn; list those whose tooltip is not the one
# the link names, is hidden, leaves the viewport or the text's column (on a wide screen,
# the table of contents is beside it), or widens the page.
EVERY_TERM = """() => {
  const root = document.documentElement, width = root.scrollWidth, problems = [];
  const column = document.querySelector(".md-content").getBoundingClientRect();
  const links = [...document.querySelectorAll("article a.glossary-term")];
  for (const link of links) {
    link.focus();
    const tip = document.getElementById(link.getAttribute("aria-describedby"));
    const box = tip && tip.getBoundingClientRect();
    const seen = tip && tip.getAttribute("role") === "tooltip" && tip.checkVisibility() && box.width > 0;
    const inside = seen && box.left >= 0 && box.top >= 0 && box.right <= Math.min(root.clientWidth, column.right) && box.bottom <= innerHeight;
    if (!inside || root.scrollWidth > width) {
      problems.push(`${link.textContent}: ${seen ? [box.left, box.top, box.right, box.bottom].map(Math.round) : "not shown"}, page ${root.scrollWidth} px`);
    }
  }
  return [links.length, problems];
}"""


def written_lessons() -> list[str]:
    return [lesson.path.removesuffix(".md") for lesson in sources().lessons if not lesson.unwritten]


def lesson(page: Page, server: str, path: str = "lessons/08-caching") -> None:
    page.goto(f"{server}/{path}/", wait_until="load")  # the tooltip's module (deferred) has run
    page.evaluate("document.fonts.ready.then(() => true)")  # and the text is laid out in its font


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
def test_every_terms_tooltip_is_inside_the_viewport_and_never_widens_the_page(server, browser: Browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    total, problems = 0, {}
    for path in written_lessons():
        lesson(page, server, path)
        count, found = page.evaluate(EVERY_TERM)
        total += count
        if found:
            problems[path] = found
    context.close()
    assert total > len(written_lessons())
    assert problems == {}


def test_hovering_shows_the_definition_which_stays_while_the_pointer_moves_onto_it(server, watched):
    page = watched.page
    lesson(page, server)
    term = page.locator("a.glossary-term[href$='#latency']").first
    tooltip = page.locator(TOOLTIP)
    term.hover()
    expect(tooltip).to_have_text("The time it takes for a certain operation to complete")
    expect(page.locator(GLOSSARY_LINK)).to_be_hidden()  # a mouse opens the entry by the term itself
    tooltip.hover()
    page.wait_for_timeout(600)  # longer than it waits for the pointer to arrive
    expect(tooltip).to_be_visible()
    page.mouse.move(5, 300)
    expect(tooltip).to_be_hidden()
    assert watched.errors == [] and watched.off_origin == []


def test_a_link_by_another_of_its_terms_names_shows_the_terms_name_above_its_summary(server, watched):
    """"DNS" showed "Describes the entities and protocols…", never "Domain Name System";
    "HA" never "High Availability". A link by the term's own name shows its summary alone."""
    page = watched.page
    lesson(page, server, "lessons/09-proxies")
    tooltip = page.get_by_role("tooltip")
    acronym = page.locator("article a.glossary-term[href$='#dns-domain-name-system']").first
    assert acronym.text_content() == "DNS"
    acronym.focus()
    expect(tooltip.locator("strong")).to_have_text("DNS: Domain Name System")
    expect(tooltip).to_have_text(re.compile(r"^DNS: Domain Name System Describes "))
    expect(acronym).to_have_accessible_description(re.compile(r"^DNS: Domain Name System Describes "))
    page.locator("article a.glossary-term[href$='#server']").first.focus()
    expect(tooltip.locator("strong")).to_have_count(0)


def test_the_keyboard_reaches_an_acronym_and_shows_what_it_stands_for(server, watched):
    """Its expansion was in its title alone, which only a mouse's hover shows: Tab went
    past it. Focused, it shows in the tooltip, heard as its description; Escape hides it."""
    page = watched.page
    lesson(page, server)
    acronym = page.locator("article abbr[title]").first
    acronym.focus()
    expect(acronym).to_be_focused()
    tooltip = page.get_by_role("tooltip")
    expect(tooltip).to_have_text(acronym.get_attribute("title"))
    expect(acronym).to_have_accessible_description(acronym.get_attribute("title"))
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reached from the keyboard, as a link is
    expect(acronym).to_be_focused()
    expect(tooltip).to_be_visible()


def test_a_mouse_press_on_an_acronym_leaves_its_expansion_to_the_title_alone(server, watched):
    """The press focused it, and the focus showed a box over the title's own until the
    button came up."""
    page = watched.page
    lesson(page, server)
    acronym = page.locator("article abbr[title]").first
    acronym.hover()
    page.mouse.down()
    expect(acronym).to_be_focused()
    expect(page.get_by_role("tooltip")).to_be_hidden()
    page.mouse.up()
    expect(page.get_by_role("tooltip")).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # the keyboard still shows it
    expect(page.get_by_role("tooltip")).to_have_text(acronym.get_attribute("title"))


def test_escape_hides_the_definition_of_a_hovered_or_focused_term(server, watched):
    page = watched.page
    lesson(page, server)
    term = page.locator("a.glossary-term[href$='#server']").first
    tooltip = page.locator(TOOLTIP)
    term.hover()
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    page.mouse.move(5, 300)
    term.focus()
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(term).to_be_focused()


def test_the_accessibility_tree_names_a_term_by_its_text_and_describes_it_once(server, watched):
    page = watched.page
    lesson(page, server)
    term = page.locator("a.glossary-term[href$='#server']").first
    term.focus()
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    focused = [n for n in nodes if {"name": "focused", "value": {"type": "booleanOrUndefined", "value": True}} in n.get("properties", [])]
    link = next(n for n in focused if n["role"]["value"] != "RootWebArea")  # the page says it holds the focus too
    name, description = link["name"]["value"], link.get("description", {}).get("value", "")
    assert link["role"]["value"] == "link" and name == term.inner_text()
    assert description == page.locator(TOOLTIP).inner_text() and description.startswith("A machine or process that provides data")
    assert description not in name


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=3)
    yield context.new_page()
    context.close()


def test_on_touch_the_first_tap_shows_the_definition_and_the_second_opens_the_glossary(server, phone: Page):
    lesson(phone, server)
    term = phone.locator("a.glossary-term[href$='#latency']").first
    term.tap()
    phone.wait_for_timeout(300)
    expect(phone).to_have_url(f"{server}/lessons/08-caching/")
    expect(phone.locator(TOOLTIP)).to_be_visible()
    expect(phone.locator(GLOSSARY_LINK)).to_have_text("Open in the glossary")
    expect(phone.locator(GLOSSARY_LINK)).to_be_visible()
    term.tap()
    expect(phone).to_have_url(f"{server}/glossary/#latency")


def test_a_shown_definition_follows_its_term_when_the_page_moves_under_it(server, phone: Page):
    """The lesson's "Mark as done" box shows once its script has loaded, which on a busy
    phone came after the first tap: the text moved down under the box, which stayed, and
    the second tap on the term hit the box. Here a block appears above the term."""
    lesson(phone, server)
    term = phone.locator("a.glossary-term[href$='#latency']").first
    term.tap()
    popup = phone.locator(".term-popup")
    expect(popup).to_be_visible()
    gap_before = popup.bounding_box()["y"] - term.bounding_box()["y"]
    phone.evaluate("""() => {
      const block = document.createElement("div");
      block.style.height = "120px";
      document.querySelector("article h1").after(block);
    }""")
    phone.wait_for_function(
        "([gap]) => { const t = document.querySelector(\"article a.glossary-term[href$='#latency']\"); "
        "return Math.abs(document.querySelector('.term-popup').getBoundingClientRect().y - t.getBoundingClientRect().y - gap) < 1; }",
        arg=[gap_before],
        timeout=2000,
    )
    term.tap()
    expect(phone).to_have_url(f"{server}/glossary/#latency")


def test_on_touch_the_glossary_link_opens_the_entry_and_a_tap_elsewhere_closes(server, phone: Page):
    lesson(phone, server)
    term = phone.locator("a.glossary-term[href$='#latency']").first
    tooltip = phone.locator(TOOLTIP)
    term.tap()
    expect(tooltip).to_be_visible()
    phone.locator("article h1").tap()
    expect(tooltip).to_be_hidden()
    term.tap()
    phone.locator(GLOSSARY_LINK).tap()
    expect(phone).to_have_url(f"{server}/glossary/#latency")


def test_on_touch_a_tapped_definition_closes_when_the_keyboard_moves_on(server, phone: Page):
    """A phone with a keyboard: the tapped term keeps :hover, which kept its box open
    over the text as the focus went on. The next Tab stop is the box's own link, just
    after the term; the one after that leaves the box, which closes."""
    lesson(phone, server)
    term = phone.locator("a.glossary-term[href$='#latency']").first
    term.tap()
    expect(phone.locator(TOOLTIP)).to_be_visible()
    term.focus()  # where the tap leaves it on a phone
    phone.keyboard.press("Tab")
    expect(phone.locator(GLOSSARY_LINK)).to_be_focused()
    expect(phone.locator(TOOLTIP)).to_be_visible()
    phone.keyboard.press("Tab")
    expect(phone.locator(TOOLTIP)).to_be_hidden()


# What a screen reader's swipes meet after a tapped term, in the page's order: its box (the
# definition, then "Open in the glossary") before the rest of the term's sentence.
AFTER_THE_TERM = """(term) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  walker.currentNode = term;
  const met = [];
  let node = term;
  while (met.length < 3 && (node = walker.nextNode())) {
    if (term.contains(node)) continue;
    const text = node.nodeType === Node.TEXT_NODE && node.textContent.trim();
    if (text && !node.parentElement.closest("a")) met.push(text.slice(0, 40));
    else if (node.tagName === "A") met.push(`link: ${node.textContent}`);
  }
  return met;
}"""


def test_on_touch_a_tapped_terms_glossary_link_comes_next_in_the_reading_order(server, phone: Page):
    """A screen reader swipes through the page in its order: the box was at the page's
    end, so "Open in the glossary" came after everything else on the page."""
    lesson(phone, server)
    term = phone.locator("a.glossary-term[href$='#latency']").first
    rest_of_the_text = term.evaluate(AFTER_THE_TERM)[0]
    term.tap()
    expect(phone.locator(TOOLTIP)).to_be_visible()
    summary = term.get_attribute("data-summary")
    assert term.evaluate(AFTER_THE_TERM) == [summary[:40], "link: Open in the glossary", rest_of_the_text]


# A copy of a term put where no lesson has one yet: the box must fit any place.
TERM_PUT = """([html, into]) => {
  const term = document.querySelector("article a.glossary-term[href$='#latency']");
  const block = document.createElement("div");
  block.innerHTML = html;
  document.querySelector("article h1").after(block.firstChild);
  document.querySelector(into).append(term.cloneNode(true));
}"""


def tapped_copy(phone: Page, server: str, html: str, into: str) -> Locator:
    """The box of a copy of a term put into ``html`` (whose element #put holds it), tapped."""
    lesson(phone, server)
    phone.evaluate(TERM_PUT, [html, into])
    phone.locator("#put a.glossary-term").tap()
    popup = phone.locator(".term-popup")
    expect(popup).to_be_visible()
    return popup


def test_a_terms_box_in_a_wide_tables_scrolling_wrapper_sits_after_it_not_cut_off(server, phone: Page):
    table = '<div class="md-typeset__scrollwrap" id="put"><div class="md-typeset__table"><table><tr><td>Here: </td></tr></table></div></div>'
    popup = tapped_copy(phone, server, table, "#put td")
    assert popup.evaluate("(popup) => popup.previousElementSibling.id") == "put"


def test_a_terms_box_takes_no_style_of_the_text_around_the_term(server, phone: Page):
    """In emphasis, in an admonition's bold title: the box sits after the emphasis, in
    the title, and is neither bold nor italic."""
    title = '<div class="admonition note"><p class="admonition-title" id="put">A title with <em id="emphasis">a term: </em></p></div>'
    popup = tapped_copy(phone, server, title, "#emphasis")
    assert popup.evaluate("(popup) => popup.previousElementSibling.id") == "emphasis"
    assert popup.evaluate("(popup) => [getComputedStyle(popup).fontStyle, getComputedStyle(popup).fontWeight]") == ["normal", "400"]


def test_on_touch_a_tap_on_an_acronym_shows_what_it_stands_for_and_a_second_tap_closes_it(server, phone: Page):
    """An acronym's expansion is its <abbr title>, which a touch screen's browser never
    shows: a tap did nothing."""
    lesson(phone, server)
    acronym = phone.locator("article abbr[title]").first
    expansion = acronym.get_attribute("title")
    tooltip = phone.get_by_role("tooltip")
    acronym.tap()
    expect(tooltip).to_have_text(expansion)
    expect(tooltip).to_be_in_viewport()
    expect(acronym).to_have_attribute("aria-describedby", "term-tooltip")
    expect(phone.locator(GLOSSARY_LINK)).to_be_hidden()  # no entry to open
    acronym.tap()
    expect(tooltip).to_be_hidden()
    acronym.tap()
    phone.locator("article h1").tap()
    expect(tooltip).to_be_hidden()


def test_on_touch_back_from_the_glossary_finds_the_definition_closed_and_a_tap_shows_it_again(server, browser: Browser):
    """A phone keeps the page in its back/forward cache (Playwright turns the cache off:
    this browser has it on): the box was still open over the text on the way back, and
    one tap went to the glossary, as the second tap of a tapped term does."""
    cached = browser.browser_type.launch(executable_path=CHROMIUM, args=FLAGS, ignore_default_args=["--disable-back-forward-cache"])
    try:
        phone = cached.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True).new_page()
        phone.add_init_script("addEventListener('pageshow', (event) => { window.fromCache = event.persisted; })")
        lesson(phone, server)
        term = phone.locator("article a.glossary-term[href$='#latency']").first
        term.tap()
        expect(phone.get_by_role("tooltip")).to_be_visible()
        term.tap()
        phone.wait_for_url("**/glossary/#latency")
        phone.go_back(wait_until="commit")  # a page from the cache fires no "load"
        phone.wait_for_function("window.fromCache === true")  # the page as it was left, from the cache
        expect(phone.get_by_role("tooltip")).to_be_hidden()
        expect(term).not_to_have_attribute("aria-describedby", "term-tooltip")
        term.tap()
        expect(phone.get_by_role("tooltip")).to_be_visible()
        assert phone.url.endswith("/lessons/08-caching/")
    finally:
        cached.close()


def test_the_print_page_has_no_tooltip_script(server, watched):
    page = watched.page
    page.goto(server + "/print/")
    page.wait_for_load_state("networkidle")
    page.locator("a.glossary-term").first.hover()
    expect(page.locator(TOOLTIP)).to_have_count(0)
    expect(page.locator("abbr[title]").first).to_be_attached()
    expect(page.locator("abbr[tabindex]")).to_have_count(0)  # no Tab stop that would show nothing


def test_a_printed_lesson_leaves_out_an_open_tooltip(server, watched):
    page = watched.page
    lesson(page, server)
    page.locator("a.glossary-term").first.hover()
    tooltip = page.locator(TOOLTIP)
    expect(tooltip).to_be_visible()
    page.emulate_media(media="print")
    assert not tooltip.evaluate("t => t.checkVisibility() && t.getBoundingClientRect().height > 0")
