"""The study pages on a 390 px phone: axe on a lesson, the learning path and the
flashcards in both palettes, a focused grade that does not look chosen, and the
navigation drawer from the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from notes_site.glossary import MOST_CHARACTERS
from support import sources, summaries

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 3}


@pytest.mark.parametrize("path", ["/lessons/08-caching/", "/learning-path/", "/flashcards/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_a_phone(browser: Browser, server, path: str, scheme: str):
    context = browser.new_context(color_scheme=scheme, **PHONE)
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    if path == "/lessons/08-caching/":
        page.locator("a.glossary-term").first.tap()  # its definition shown
        expect(page.get_by_role("tooltip")).to_be_visible()
    if path == "/flashcards/":
        unfold_the_options(page)
    results = Axe().run(page)
    context.close()
    violations = [f"{v['id']}: {v['help']} e.g. {v['nodes'][0]['target']}" for v in results.response["violations"]]
    assert violations == []


def test_after_show_answer_the_focused_grade_looks_like_the_others(browser: Browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    page.get_by_role("button", name="Show answer").tap()
    good = page.get_by_role("button", name="Good")
    expect(good).to_be_focused()  # Space or Enter means Good
    look = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color, getComputedStyle(b).borderColor]"
    others = {tuple(page.get_by_role("button", name=name).evaluate(look)) for name in ("Again", "Hard", "Easy")}
    assert others == {tuple(good.evaluate(look))}
    context.close()


# The h1's height against that of its own text, without the permalink after it.
TITLE_GAP = """h1 => {
  const text = document.createRange();
  text.selectNodeContents(h1);
  const link = h1.querySelector(".headerlink");
  if (link) text.setEndBefore(link);
  return h1.getBoundingClientRect().height - text.getBoundingClientRect().height;
}"""


@pytest.mark.parametrize("path", ["/", "/lessons/07-availability/", "/glossary/", "/writing-notes/"])
def test_on_a_phone_a_title_takes_only_the_lines_of_its_words(browser: Browser, server, path: str):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + path)
    gap = page.locator("article h1").evaluate(TITLE_GAP)
    context.close()
    assert gap < 10, f"{gap:.0f} px under the title's words"  # less than a line: only the line height's own slack


# The focused element: its name, whether it is in the drawer, whether it is seen (on
# top at its middle), and whether its focus ring is all seen: drawn, and inside the
# drawer, whose lists scroll and so clip it.
FOCUSED = """() => {
    const e = document.activeElement, box = e.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const style = getComputedStyle(e), out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const room = (e.closest(".md-sidebar--primary") || document.documentElement).getBoundingClientRect();
    const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        && box.left - out >= room.left - 0.5 && box.right + out <= room.right + 0.5
        && box.top - out >= room.top - 0.5 && box.bottom + out <= room.bottom + 0.5;
    return { name: (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 40),
             inDrawer: !!e.closest(".md-sidebar--primary"), seen: !!hit && e.contains(hit), ring };
}"""


def test_the_shut_drawer_takes_no_tab_stop_and_the_menu_button_opens_it_from_the_keyboard(browser: Browser, server):
    """The drawer's links took some forty Tab stops before the page's text, unseen; the
    menu button (a label) took none, so the keyboard could not open the drawer."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + "/lessons/09-proxies/")
    expect(page.get_by_role("button", name="Mark as done").first).to_be_visible()  # shown by a script
    stops = []
    while not stops or stops[-1]["name"] != "Mark as done":
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        assert len(stops) < 20, [stop["name"] for stop in stops]
    assert [stop["name"] for stop in stops if stop["inDrawer"]] == []

    menu = page.get_by_role("button", name="Navigation")
    expect(menu).to_have_attribute("aria-expanded", "false")
    for key in ("Enter", "Space"):
        menu.focus()
        page.keyboard.press(key)
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.wait_for_timeout(400)  # the drawer's slide
        focused = page.evaluate(FOCUSED)
        assert focused["inDrawer"] and focused["seen"], focused  # a link of the list on screen
        page.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(menu).to_be_focused()
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(menu).to_be_hidden()  # wide, the navigation is a sidebar: no drawer, no button
    context.close()


def seen_stops(page, keys: list[str]) -> list[dict]:
    """The focused element after each key, once the drawer's panels have slid."""
    stops = []
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(400)
        stops.append(page.evaluate(FOCUSED))
    return stops


def open_the_drawer_by_key(page: Page) -> None:
    page.get_by_role("button", name="Navigation").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # the drawer's slide


@pytest.mark.parametrize("path", ["/", "/lessons/07-availability/"])
def test_a_tap_opens_the_drawer_with_no_row_focused_so_only_the_page_being_read_looks_current(browser: Browser, server, path: str):
    """A tap moved the focus to the drawer's first row, whose focus colour is the
    current page's: on a lesson, two rows looked like the page being read."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + path)
    menu = page.get_by_role("button", name="Navigation")
    menu.tap()
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.wait_for_timeout(400)  # the drawer's slide
    assert not page.evaluate(FOCUSED)["inDrawer"], page.evaluate(FOCUSED)
    # A key after the tap (a tablet's keyboard): Tab goes on into the open drawer, not
    # past it to the header, which would shut it.
    page.keyboard.press("Tab")
    page.wait_for_timeout(100)
    assert page.evaluate(FOCUSED)["inDrawer"] and page.evaluate(FOCUSED)["seen"], page.evaluate(FOCUSED)
    expect(menu).to_have_attribute("aria-expanded", "true")
    context.close()


@pytest.mark.parametrize("path", ["/", "/lessons/07-availability/"])
def test_in_the_open_drawer_the_keyboard_goes_only_where_the_eye_can_follow(browser: Browser, server, path: str):
    """Tab went on into the panels the drawer does not show (the other sections, the
    page's contents), the drawer's list slid sideways out of sight, and a section could
    not be opened, nor a panel left, from the keyboard."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + path)
    open_the_drawer_by_key(page)
    assert page.evaluate(FOCUSED)["seen"], page.evaluate(FOCUSED)  # the current page first: its link is hidden
    drawer = []
    while page.evaluate(FOCUSED)["inDrawer"]:
        drawer.append(page.evaluate(FOCUSED))
        assert len(drawer) < 30, [stop["name"] for stop in drawer]
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)
    assert [stop["name"] for stop in drawer if not stop["seen"]] == []
    # Its ring, each reached by Tab (the first, focused by the script, shows none): it was cut to a
    # line above and below the row by the drawer's scrolling list.
    assert [stop["name"] for stop in drawer[1:] if not stop["ring"]] == []
    expect(page.get_by_role("button", name="Navigation")).to_have_attribute("aria-expanded", "false")  # tabbed out: shut
    # Into a section and back out, by the keys: each focus on a row on screen.
    open_the_drawer_by_key(page)
    opened = page.evaluate("document.querySelectorAll('.md-nav--primary .md-nav__toggle:checked').length")
    if opened:  # a lesson: its section's panel is open; Shift+Tab reaches its way back
        stops = seen_stops(page, ["Shift+Tab", "Enter"])
    else:  # the top list: a section's row opens its panel
        stops = seen_stops(page, ["Tab", "Enter", "Shift+Tab", "Enter"])
    stops += seen_stops(page, ["Tab", "Space", "Tab"])
    assert [stop for stop in stops if not (stop["seen"] and stop["inDrawer"] and stop["ring"])] == [], stops
    # Shut by a tap on the page beside it: the focus comes back to the menu button.
    page.touchscreen.tap(PHONE["viewport"]["width"] - 20, PHONE["viewport"]["height"] // 2)
    expect(page.get_by_role("button", name="Navigation")).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="Navigation")).to_be_focused()
    context.close()


SMALL_PHONES = [{"width": 375, "height": 667}, {"width": 360, "height": 740}, PHONE["viewport"]]
SMALLEST_PHONE = {"width": 320, "height": 568}
# Where "Show answer" ends with each card of the deck shown in turn, as the module shows
# its current card: the lowest, and the card it was under.
LOWEST_SHOW_ANSWER = """deck => {
  const cards = [...deck.querySelectorAll('.flashcard')];
  const showAnswer = [...deck.querySelectorAll('button')].find(b => b.textContent.startsWith('Show answer'));
  const current = cards.find(card => card.classList.contains('is-current'));
  let lowest = [0, ''];
  for (const card of cards) {
    cards.forEach(other => other.classList.toggle('is-current', other === card));
    const bottom = showAnswer.getBoundingClientRect().bottom;
    if (bottom > lowest[0]) lowest = [bottom, card.dataset.term || card.id];
  }
  cards.forEach(other => other.classList.toggle('is-current', other === current));
  return lowest;
}"""


# Where "Show answer" ends under the current card with each of these questions: the
# lowest, and the question.
LOWEST_UNDER_QUESTIONS = """(deck, questions) => {
  const prompt = deck.querySelector('.flashcard.is-current .flashcard-prompt'), was = prompt.textContent;
  const showAnswer = deck.querySelector('[data-reveal]');
  let lowest = [0, ''];
  for (const question of questions) {
    prompt.textContent = question;
    const bottom = showAnswer.getBoundingClientRect().bottom;
    if (bottom > lowest[0]) lowest = [bottom, question];
  }
  prompt.textContent = was;
  return lowest;
}"""


@pytest.mark.parametrize("viewport", [SMALLEST_PHONE, *SMALL_PHONES], ids=lambda v: f"{v['width']}x{v['height']}")
def test_on_a_phone_every_card_and_show_answer_are_on_the_first_screen(browser: Browser, server, viewport: dict):
    """The study is what the page is for: on a phone, even the smallest, its first screen
    holds the card, whichever card and whichever way round, and the button to reveal it.
    Above the deck, one sentence says what the cards are (how they are scheduled and
    kept is said under them); the sentence on keys, which a touch screen has none of, is
    left out there, and kept where a keyboard is likely; the deck's options fold under a
    line (they ended "Show answer" at y 828 on a 667 px screen, the page's introduction
    at y 703 on a 568 px one)."""
    context = browser.new_context(**{**PHONE, "viewport": viewport})
    page = context.new_page()
    page.goto(server + "/flashcards/")
    deck = page.locator(".flashcards.is-ready")
    expect(deck).to_be_visible()
    reveal = page.get_by_role("button", name="Show answer").bounding_box()
    assert reveal["y"] + reveal["height"] <= viewport["height"], reveal
    for direction in ("The definition of a term", "The term of a definition"):
        unfold_the_options(page)
        page.get_by_label(direction).check()
        unfold_the_options(page)  # folded again: the screen the reader studies on
        bottom, card = deck.evaluate(LOWEST_SHOW_ANSWER)
        assert bottom <= viewport["height"], f"{direction}: under {card}, Show answer ends at y {bottom}"
    # And under the longest question a contributor's summary may make (the build refuses
    # a longer one): each summary, lengthened with the words of the next ones.
    texts = list(summaries().values())
    longest = [" ".join(texts[i:] + texts[:i])[: MOST_CHARACTERS + 1].rsplit(" ", 1)[0] for i in range(len(texts))]
    bottom, question = deck.evaluate(LOWEST_UNDER_QUESTIONS, longest)
    assert bottom <= viewport["height"], f"under '{question}', Show answer ends at y {bottom}"
    expect(page.locator(".flashcards-keys")).to_be_hidden()
    context.close()
    desktop = browser.new_page()
    desktop.goto(server + "/flashcards/")
    expect(desktop.locator(".flashcards-keys")).to_be_visible()
    desktop.close()


def unfold_the_options(page: Page) -> None:
    page.get_by_role("button", name="Options").tap()


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 568}, PHONE["viewport"]], ids=lambda v: f"{v['width']}x{v['height']}")
def test_on_a_phone_the_decks_options_fold_under_a_line_that_names_the_cards(browser: Browser, server, viewport: dict):
    context = browser.new_context(**{**PHONE, "viewport": viewport})
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    toggle, cards = page.get_by_role("button", name="Options"), page.get_by_label("Cards", exact=True)
    chosen = page.locator(".flashcards-options-chosen")
    expect(chosen).to_have_text(re.compile(r"^Cards: All lessons \(\d+\)$"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(cards).to_be_hidden()
    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(cards).to_be_visible()
    expect(page.get_by_label("New cards a day")).to_be_visible()
    expect(chosen).to_be_hidden()  # the list says it: not twice
    longest = cards.evaluate("s => [...s.options].reduce((a, b) => (b.text.length > a.text.length ? b : a)).index")
    cards.select_option(index=longest)
    expect(chosen).to_have_text("Cards: " + cards.evaluate("select => select.selectedOptions[0].text"))
    toggle.tap()
    expect(cards).to_be_hidden()
    expect(chosen).to_be_visible()
    # However long the lesson's title, the line is cut to the column, the button in it.
    column = page.locator(".flashcards-options").bounding_box()
    button = toggle.bounding_box()
    assert button["x"] + button["width"] <= column["x"] + column["width"] + 0.5, (button, column)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()
    desktop = browser.new_page()  # room enough: the options shown, no line for them
    desktop.goto(server + "/flashcards/")
    expect(desktop.locator(".flashcards.is-ready")).to_be_visible()
    expect(desktop.get_by_label("Cards", exact=True)).to_be_visible()
    expect(desktop.get_by_role("button", name="Options")).to_be_hidden()
    desktop.close()


@pytest.mark.parametrize("viewport", [SMALL_PHONES[0], PHONE["viewport"]], ids=lambda v: f"{v['width']}x{v['height']}")
def test_on_a_phone_the_options_button_takes_a_fingers_tap_44_px_high_on_a_line_of_text(browser: Browser, server, viewport: dict):
    """Drawn 24 px high, the WCAG minimum, short of the 44-48 px that touch guidelines
    ask for: its target reaches 10 px above and below it, and its line stays a line."""
    context = browser.new_context(**{**PHONE, "viewport": viewport})
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    toggle = page.get_by_role("button", name="Options")
    drawn = toggle.bounding_box()
    line = page.locator(".flashcards-options-summary").bounding_box()
    assert line["height"] < 30, line  # a line of text: the card stays where it was
    middle = drawn["x"] + drawn["width"] / 2
    for y, expanded in ((drawn["y"] - 9, "true"), (drawn["y"] + drawn["height"] + 9, "false")):
        # What the point hits, not the tap alone: Chromium's touch adjustment moves a tap
        # near a small button onto it, which not every browser does.
        hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('button')?.textContent", [middle, y])
        assert hit == "Options", (y, drawn)
        page.touchscreen.tap(middle, y)
        expect(toggle).to_have_attribute("aria-expanded", expanded)
    context.close()


def test_on_a_phone_a_refused_new_cards_a_day_is_said_on_the_fields_screen(browser: Browser, server):
    """Said under the card, the refusal was half off a phone's screen while the reader
    looked at the field: it is said beside the field, on the screen that shows it."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    unfold_the_options(page)
    field = page.get_by_label("New cards a day")
    field.fill("-1")
    field.press("Tab")
    said = page.get_by_role("alert").filter(has_text="Write a whole number, 0 or more.")
    expect(said).to_have_count(1)
    field.scroll_into_view_if_needed()
    top, box = page.evaluate("scrollY"), said.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["viewport"]["height"], (top, box)
    there = field.bounding_box()
    assert box["y"] - (there["y"] + there["height"]) < 40, (there, box)  # under the field, not the card
    context.close()


FAIL_EVERY_WRITE = (
    "Storage.prototype.setItem = function () {"
    " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"
)
CHANGE_AN_OPTION = {  # each option's control, and how a reader changes it
    "cards": ("#flashcards-filter", lambda page: page.get_by_label("Cards", exact=True).select_option(index=1)),
    "direction": ("text=The term of a definition", lambda page: page.get_by_text("The term of a definition").tap()),
    "new cards a day": ("#flashcards-new-per-day", lambda page: (page.get_by_label("New cards a day").fill("5"), page.locator("h1").tap())),
}


@pytest.mark.parametrize("viewport", SMALL_PHONES, ids=lambda v: f"{v['width']}x{v['height']}")
@pytest.mark.parametrize("option", CHANGE_AN_OPTION)
def test_on_a_phone_an_options_failed_save_is_said_on_the_options_screen(browser: Browser, server, option: str, viewport: dict):
    """Said under the card, an option's failed save was half off a phone's screen while
    the reader looked at the option (y 819 to 844 of 844); under the unfolded options of
    a 667 px screen, it was below the screen, and the page brings it up."""
    context = browser.new_context(**{**PHONE, "viewport": viewport})
    context.add_init_script(FAIL_EVERY_WRITE)
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    control, change = CHANGE_AN_OPTION[option]
    unfold_the_options(page)
    change(page)
    said = page.get_by_role("alert").filter(has_text="was not saved")
    expect(said).to_have_count(1)
    # On the screen the reader changed the option on (the page's first), under it.
    box, there = said.bounding_box(), page.locator(control).bounding_box()
    context.close()
    assert 0 <= there["y"] < box["y"] and box["y"] + box["height"] <= viewport["height"], (there, box)


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_when_no_card_is_left_the_focus_goes_to_the_first_option_the_eye_can_see(browser: Browser, server, screen: str):
    """The lesson list on a wide screen; the button that unfolds the options on a phone,
    where it went to the list, which the folded options hide, and so fell to the page."""
    phone = screen == "phone"
    context = browser.new_context(**PHONE) if phone else browser.new_context()
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    if phone:
        unfold_the_options(page)
    page.get_by_label("New cards a day").fill("1")
    page.locator("h1").click()
    if phone:
        unfold_the_options(page)  # folded again
    page.get_by_role("button", name="Show answer").focus()
    page.keyboard.press("Space")
    page.keyboard.press("4")
    expect(page.locator(".flashcards.is-finished")).to_be_visible()
    expect(page.get_by_role("button", name="Options") if phone else page.get_by_label("Cards", exact=True)).to_be_focused()
    context.close()


@pytest.mark.parametrize("path", ["/", "/flashcards/", "/lessons/07-availability/"])
def test_on_a_phone_every_study_control_is_a_target_a_finger_can_hit(browser: Browser, server, path: str):
    """WCAG 2.5.8: 24 × 24 CSS px at least. A radio button's target is its label, which
    presses it too. (The review log's button was 18 px tall, the file input 21.)"""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".lesson-done:not([hidden]), .study-backup:not([hidden])").first).to_be_visible()
    if path == "/flashcards/":
        unfold_the_options(page)
    small = page.evaluate("""() => {
        const boxes = ".flashcards, .study-backup, .lesson-done, .course-progress";
        const controls = [...document.querySelectorAll("button, input, select, a[href]")].filter((e) => e.closest(boxes));
        return controls.filter((e) => e.getClientRects().length).map((e) => {
            const target = e.type === "radio" ? e.closest("label") : e;
            const box = target.getBoundingClientRect();
            return [e.outerHTML.slice(0, 80), Math.round(box.width), Math.round(box.height)];
        }).filter(([, width, height]) => width < 24 || height < 24);
    }""")
    context.close()
    assert small == []


# Each place where a word of inline code (its text between spaces) breaks across two
# lines, as "before|after", when the break is between two letters or digits where no
# <wbr> offers one, or when the word takes less than half its line: a short word goes to
# the next line whole.
CODE_BROKEN_BADLY = """() => {
    const found = [], letter = /\\w/;
    for (const code of document.querySelectorAll("article code")) {
        if (code.closest("pre") || code.getClientRects().length < 2) continue;
        const chars = [];  // each character, where it is drawn, and whether a <wbr> is before it
        let offered = false;
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.nodeType === Node.ELEMENT_NODE) { offered ||= node.localName === "wbr"; continue; }
            for (let i = 0; i < node.data.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                chars.push({ char: node.data[i], box: [...range.getClientRects()].at(-1), offered });
                offered = false;
            }
        }
        let block = code.parentElement;
        while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
        const style = getComputedStyle(block);
        const line = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const words = chars.map(c => c.char).join("").split(/(\\s+)/);
        let at = 0;
        for (const word of words) {
            const drawn = chars.slice(at, at + word.length);
            at += word.length;
            if (!word.trim()) continue;
            const width = drawn.reduce((sum, c) => sum + (c.box ? c.box.width : 0), 0);
            for (let i = 1; i < drawn.length; i++) {
                const [before, after] = [drawn[i - 1], drawn[i]];
                if (!before.box || !after.box || after.box.top <= before.box.top + 1) continue;
                const inside = letter.test(before.char) && letter.test(after.char) && !after.offered;
                if (inside || width < line / 2) found.push(word.slice(0, i) + "|" + word.slice(i));
            }
        }
    }
    return found;
}"""


# The first words of each table of the article that scrolls sideways.
TABLES_SCROLLING = """() => [...document.querySelectorAll("article .md-typeset__scrollwrap")]
    .filter(wrap => wrap.scrollWidth > wrap.clientWidth + 1)
    .map(wrap => wrap.textContent.trim().slice(0, 40))"""


def every_page(site: Path) -> list[str]:
    """The address of each page of the site but the print page, which repeats them."""
    pages = (file.parent.relative_to(site).as_posix() for file in site.glob("**/index.html"))
    return sorted("" if page == "." else page + "/" for page in pages if page != "print")


def found_on_each(page: Page, server: str, paths: list[str], *scripts: str) -> list[dict[str, object]]:
    """For each script, what it finds on each page where it finds anything, by the page's
    path; each page read once its fonts have loaded, as they set where lines break."""
    found: list[dict[str, object]] = [{} for _ in scripts]
    for path in paths:
        page.goto(f"{server}/{path}")
        page.evaluate("document.fonts.ready.then(() => true)")
        for script, by_path in zip(scripts, found):
            if result := page.evaluate(script):
                by_path[path] = result
    return found


@pytest.mark.parametrize("width", [SMALLEST_PHONE["width"], PHONE["viewport"]["width"]])
def test_on_a_phone_inline_code_breaks_between_the_parts_of_a_long_word_and_not_inside_a_short_one(
    browser: Browser, server, site: Path, width: int
):
    """Lesson 14's Cypher query broke inside "some_property" at 390 px (Material lets
    code break anywhere); at 320 px the study data page's table broke "exported_a|t" and
    the contributing page "mkdocs build --|strict". A long word breaks where
    notes_site.line_breaks offers, and a short one not at all."""
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 800}})
    # Nor is a table made wider than the screen by code that will not break.
    badly, scrolling = found_on_each(context.new_page(), server, every_page(site), CODE_BROKEN_BADLY, TABLES_SCROLLING)
    context.close()
    assert badly == {}
    assert scrolling == {}


# Each heading whose ¶ (its permalink, hidden until focused) sits below the line its
# text ends on: on a line of its own, a blank line under the heading.
PERMALINK_ON_ITS_OWN_LINE = """() => [...document.querySelectorAll(
    "article :is(h2, h3, h4, h5, h6) > a.headerlink")].filter((link) => {
  const text = document.createRange();
  text.setStart(link.parentElement, 0);
  text.setEndBefore(link);
  const lines = [...text.getClientRects()].filter((rect) => rect.width > 0);
  return lines.length && link.getBoundingClientRect().top >= lines[lines.length - 1].bottom - 1;
}).map((link) => link.parentElement.textContent.trim())"""


# What reaches past the screen's right edge, by its tag and class, where the page is
# wider than the screen: a phone then lets the whole page scroll sideways.
PAST_THE_SCREEN = """() => {
  const edge = screen.width;
  if (document.documentElement.scrollWidth <= edge) return null;
  return [...document.querySelectorAll("body *")]
    .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
    .map((element) => `${element.tagName.toLowerCase()}.${element.classList[0] || ""}`)
    .filter((name, i, names) => names.indexOf(name) === i).slice(0, 5);
}"""


@pytest.mark.parametrize("width", [SMALLEST_PHONE["width"], PHONE["viewport"]["width"]])
def test_on_a_phone_a_headings_permalink_never_takes_a_line_of_its_own_nor_widens_the_page(browser: Browser, server, site: Path, width: int):
    """Where a heading's last word just fit, its hidden ¶ wrapped onto the next line: a
    blank line under the heading (Lesson 2's first at 390 px). Made to overhang the
    line's end instead, it reached past the screen and the page scrolled sideways."""
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 800}, "screen": {"width": width, "height": 800}})
    alone, past = found_on_each(context.new_page(), server, every_page(site), PERMALINK_ON_ITS_OWN_LINE, PAST_THE_SCREEN)
    context.close()
    assert alone == {}
    assert past == {}


# Each place where a line of prose breaks between two letters or digits of one text
# node, so with no space, hyphen or <wbr> there: the text before and after it. A URL
# shown as a link's text is left out: its parts are longer than the line.
PROSE_BROKEN_INSIDE_A_WORD = """() => {
    const inside = [], word = /[\\p{L}\\p{N}]/u;
    const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent, link = node.parentElement.closest("a");
        if (node.parentElement.closest("pre, code") || (link && /^https?:/.test(link.textContent))) continue;
        const whole = document.createRange();
        whole.selectNodeContents(node);
        if (whole.getClientRects().length < 2) continue;
        let top = null;
        for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (top !== null && rect.top > top + 1 && word.test(text[i - 1]) && word.test(text[i])) {
                inside.push(text.slice(Math.max(0, i - 12), i) + " | " + text.slice(i, i + 12));
            }
            top = rect.top;
        }
    }
    return inside;
}"""


def test_on_the_smallest_phone_prose_breaks_between_words_not_inside_one(browser: Browser, server):
    """At 320 px Lesson 14 broke "interviewers/candidate|s" and "MATCH/WHERE/RETUR|N":
    Chromium offers no break after a slash, so Material's CSS broke the word where it
    had to. notes_site.line_breaks offers one."""
    context = browser.new_context(**{**PHONE, "viewport": {"width": 320, "height": 568}})
    paths = [lesson.path.removesuffix(".md") + "/" for lesson in sources().lessons if not lesson.unwritten] + ["glossary/"]
    (inside,) = found_on_each(context.new_page(), server, paths, PROSE_BROKEN_INSIDE_A_WORD)
    context.close()
    assert inside == {}
