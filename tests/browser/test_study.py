"""Studying in Chromium: flashcards graded with the mouse and the keyboard, progress that
outlives a reload and a page change, lessons marked as done, and the way on."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from colour import contrast
from support import ROOT, sources, store_done_marks

CURRENT = ".flashcard.is-current"


NEW_PER_DAY = 20  # the default, as Anki's


def saved(page: Page) -> dict:
    """The study data the page keeps in localStorage, under the site's base path."""
    return json.loads(page.evaluate("localStorage.getItem('/.systemsexpert.study')"))


def counts(page: Page, later: int, new: int, seen: int = 0, now: int = 0) -> None:
    """`new` cards left in the deck, `seen` of them today: today's are at most NEW_PER_DAY."""
    today = min(new, NEW_PER_DAY - seen)
    expect(page.locator(".flashcards-counts")).to_have_text(f"Due now: {now} · Later today: {later} · New: {today}")


def open_deck(page: Page, url: str) -> None:
    page.goto(url + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()


def current_term(page: Page) -> str:
    return page.locator(CURRENT).get_attribute("data-term")


def nav_sections() -> dict[str, list[str]]:
    """mkdocs.yml's nav sections and their pages (its !ENV tags read as plain text)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=loader)["nav"]
    return {name: pages for item in nav if isinstance(item, dict) for name, pages in item.items() if isinstance(pages, list)}


def graded_and_backed_up(page: Page) -> Locator:
    """One card graded Good, then a backup downloaded: the backup's status line."""
    page.keyboard.press("Enter")
    page.keyboard.press("3")
    with page.expect_download():
        page.get_by_role("button", name="Download a backup").click()
    status = page.locator(".study-backup [role=status]")
    expect(status).to_have_text("Backup downloaded.")
    return status


def reset(page: Page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset flashcard progress").click()


def test_grading_a_card_persists_across_a_reload(server, watched):
    page, total = watched.page, len(sources().entries)
    open_deck(page, server)
    counts(page, 0, total)
    first = current_term(page)
    expect(page.locator(CURRENT).locator(".flashcard-back")).to_be_hidden()
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator(CURRENT).locator(".flashcard-back")).to_be_visible()
    page.get_by_role("button", name="Good").click()
    counts(page, 1, total - 1, seen=1)  # Good on a new card: due again in minutes, so later today
    assert current_term(page) != first
    assert first in saved(page)["cards"]
    page.reload()
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    counts(page, 1, total - 1, seen=1)
    assert current_term(page) != first
    assert watched.errors == [] and watched.off_origin == []


def test_space_or_enter_reveals_and_1_to_4_grade(server, watched):
    page, total = watched.page, len(sources().entries)
    open_deck(page, server)
    back = lambda: page.locator(CURRENT).locator(".flashcard-back")
    studied = []
    for reveal, grade in ((" ", "1"), ("Enter", "2"), (" ", "3"), ("Enter", "4")):
        studied.append(current_term(page))
        page.keyboard.press("3")  # no grade before the answer shows
        assert current_term(page) == studied[-1]
        page.keyboard.press(reveal)
        expect(back()).to_be_visible()
        page.keyboard.press(grade)
        expect(back()).to_be_hidden()
    assert len(set(studied)) == 4 and current_term(page) not in studied
    cards = saved(page)["cards"]
    assert sorted(cards) == sorted(studied)
    assert cards[studied[0]]["due"] < cards[studied[3]]["due"]  # Again comes back before Easy
    counts(page, 3, total - 4, seen=4)  # Again, Hard and Good: in minutes; Easy: in days
    assert watched.errors == []


def test_a_keyboard_whose_top_row_types_other_characters_grades_by_the_keys_place(server, watched):
    """AZERTY's top row types "&", "é", '"' and "'" without Shift: a grade needed Shift."""
    page = watched.page
    open_deck(page, server)
    term = current_term(page)
    page.keyboard.press(" ")
    press = "([key, code]) => document.body.dispatchEvent(new KeyboardEvent('keydown', {key, code, bubbles: true, cancelable: true}))"
    page.evaluate(press, ["&", "Digit1"])
    expect(page.locator(CURRENT).locator(".flashcard-back")).to_be_hidden()
    assert [(card, rating) for card, _, rating, *_ in saved(page)["reviews"]] == [(term, 1)]  # Again
    assert current_term(page) != term
    assert watched.errors == []


def test_a_lessons_new_cards_come_in_the_order_it_teaches_them(server, watched):
    """They came A to Z: Lesson 3's Client, Client Server Model, DNS, IP Address..."""
    page, catalog = watched.page, sources()
    lesson = next(lesson for lesson in catalog.lessons if sum(e.taught.lesson is lesson for e in catalog.entries) >= 3)
    taught = {entry.taught.anchor: entry.id for entry in catalog.entries if entry.taught.lesson is lesson}
    expected = [taught[term.anchor] for term in lesson.terms if term.anchor in taught]
    page.goto(f"{server}/flashcards/?lesson={lesson.number}")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    shown = []
    for _ in expected:
        shown.append(current_term(page))
        page.keyboard.press(" ")
        page.keyboard.press("4")  # Easy: due in days, out of the way
    assert shown == expected


def test_each_grade_schedules_the_interval_its_button_shows(server, watched):
    """FSRS's fuzz spreads the intervals of cards learnt together: the interval shown on
    "Easy" when the answer shows is the one that "Easy" then gives the card."""
    page = watched.page
    open_deck(page, server)
    for _ in range(6):  # Easy on a new card: days, with fuzz of a day or more either way
        term = current_term(page)
        page.keyboard.press("Enter")
        shown = page.locator(".flashcards-grades [data-grade='4'] .flashcards-interval").inner_text()
        page.keyboard.press("4")
        expect(page.locator(CURRENT)).not_to_have_attribute("data-term", term)
        data = saved(page)
        graded_at = [time for card, time, *_ in data["reviews"] if card == term][-1]  # rows: study-format.js
        due = datetime.fromisoformat(data["cards"][term]["due"].replace("Z", "+00:00")).timestamp() * 1000
        assert (term, f"{round((due - graded_at) / 86_400_000)} d") == (term, shown)
    assert watched.errors == []


def test_a_double_click_on_show_answer_neither_grades_nor_leaves(browser, server):
    """The answer takes the place of "Show answer": the second click of a double click or
    tap landed on "Again" (a card graded as forgotten, unread) or on a link of the answer.
    A mouse's double click, whose click count Playwright sets; a tap's count comes from
    its timing, which a busy machine stretches: the test below covers it by the count."""
    # Tall enough that nothing scrolls: the second click lands where the first did.
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    open_deck(page, server)
    first = current_term(page)
    page.get_by_role("button", name="Show answer").dblclick()
    expect(page.locator(CURRENT).locator(".flashcard-back")).to_be_visible()
    page.wait_for_timeout(1200)  # past the double-click time: the next click is one of its own
    assert page.url == server + "/flashcards/" and current_term(page) == first
    assert page.evaluate("localStorage.getItem('/.systemsexpert.study')") is None  # nothing graded
    page.get_by_role("button", name="Again").click()
    expect(page.locator(CURRENT)).not_to_have_attribute("data-term", first)
    assert [(card, rating) for card, _, rating, *_ in saved(page)["reviews"]] == [(first, 1)]
    context.close()


# (Space held on "Show answer" presses it as the key goes up, after its repeats: no case.)
@pytest.mark.parametrize(("focus", "key"), [("page", "Space"), ("page", "Enter"), ("Show answer", "Enter")])
def test_a_key_held_down_shows_the_answer_and_grades_nothing(browser, server, focus: str, key: str):
    """Its repeats pressed "Good", which the answer puts the focus on: a card graded
    unseen, 36 to 60 ms after its answer showed. A later press is a grade, as in Anki."""
    context = browser.new_context()
    page = context.new_page()
    open_deck(page, server)
    first = current_term(page)
    if focus == "page":
        page.locator("h1").click()
    else:
        page.get_by_role("button", name="Show answer").focus()
    for _ in range(4):  # the first press, then the key's repeats
        page.keyboard.down(key)
    page.keyboard.up(key)
    expect(page.locator(CURRENT).locator(".flashcard-back")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Good"))).to_be_focused()
    assert page.evaluate("localStorage.getItem('/.systemsexpert.study')") is None and current_term(page) == first
    page.wait_for_timeout(SECOND_PRESS_MS)
    page.keyboard.press(key)
    expect(page.locator(CURRENT)).not_to_have_attribute("data-term", first)
    assert [(card, rating) for card, _, rating, *_ in saved(page)["reviews"]] == [(first, 3)]
    context.close()


SECOND_PRESS_MS = 300  # flashcards.js: sooner after the answer showed, Space or Enter grades nothing


@pytest.mark.parametrize("key", ["Space", "Enter"])
def test_a_key_pressed_twice_in_a_row_shows_the_answer_and_grades_nothing(browser, server, key: str):
    """The second press landed on "Good", which the answer puts the focus on: a card
    graded unseen. Pressed once the answer has been on screen a moment, it grades."""
    context = browser.new_context()
    page = context.new_page()
    open_deck(page, server)
    first = current_term(page)
    page.locator("h1").click()
    # The page's clock stands still across the two presses, as for a quick double press
    # (on a busy machine, two real presses may be more than 300 ms apart).
    now = page.evaluate("Date.now()")
    page.clock.set_fixed_time(now)
    page.keyboard.press(key)
    page.keyboard.press(key)
    expect(page.locator(CURRENT).locator(".flashcard-back")).to_be_visible()
    page.wait_for_timeout(50)  # had the second press graded, its write would be done
    assert page.evaluate("localStorage.getItem('/.systemsexpert.study')") is None and current_term(page) == first
    page.clock.set_fixed_time(now + SECOND_PRESS_MS)
    page.keyboard.press(key)
    expect(page.locator(CURRENT)).not_to_have_attribute("data-term", first)
    assert [(card, rating) for card, _, rating, *_ in saved(page)["reviews"]] == [(first, 3)]
    context.close()


def test_a_double_taps_second_tap_does_nothing_anywhere_on_the_page_for_a_moment(server, watched):
    """On a phone the page scrolls to "Good" as the answer shows, so a double tap's second
    tap may land on any link below the deck (it once downloaded the Anki deck)."""
    page = watched.page
    open_deck(page, server)
    now = page.evaluate("Date.now()")
    page.clock.set_fixed_time(now)  # the second click comes at once, however busy the machine
    page.get_by_role("button", name="Show answer").click()
    second_click = """(selector) => document.querySelector(selector).dispatchEvent(
        new MouseEvent("click", { detail: 2, bubbles: true, cancelable: true }))"""  # false: prevented
    assert page.evaluate(second_click, "a[href$='systemsexpert-notes.apkg']") is False
    page.clock.set_fixed_time(now + 1200)  # longer than any double-click time: a click of its own again
    assert page.evaluate(second_click, ".flashcards-counts") is True
    assert watched.errors == []


@pytest.mark.parametrize("choice", ["The term of a definition", "Cards"])
def test_enter_on_a_choice_shows_no_answer(server, watched, choice: str):
    """Enter on a choice, as if to confirm it, showed the answer and put the focus on
    "Good": the next Enter graded a card unseen."""
    page = watched.page
    open_deck(page, server)
    field = page.get_by_label(choice, exact=True)
    field.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)  # had it shown the answer, the focus would be on "Good" by now
    expect(page.locator(".flashcard.is-revealed")).to_have_count(0)
    expect(field).to_be_focused()
    assert watched.errors == []


def test_the_grade_under_a_still_pointer_does_not_look_chosen(server, watched):
    """"Again" takes the place of "Show answer": after a click there it was filled as
    hovered, and read as the grade chosen. It looks so once the pointer moves."""
    page = watched.page
    open_deck(page, server)
    page.get_by_role("button", name="Show answer").click()
    again, hard = (page.get_by_role("button", name=re.compile(f"^{grade}")) for grade in ("Again", "Hard"))
    background = "e => getComputedStyle(e).backgroundColor"
    expect(again).to_be_visible()
    assert again.evaluate("e => e.matches(':hover')")
    assert again.evaluate(background) == hard.evaluate(background)
    box = again.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + 5, box["y"] + box["height"] / 2, steps=2)
    expect(again).not_to_have_css("background-color", hard.evaluate(background))


def test_the_question_is_a_heading_a_screen_reader_can_go_to(server, watched):
    """The term, or in reverse the definition with the term left out: the page's only
    level-2 heading above the deck's buttons."""
    page = watched.page
    open_deck(page, server)
    card = page.locator(CURRENT)
    question = page.get_by_role("heading", level=2).first
    expect(question).to_have_text(card.locator(".flashcard-front").inner_text())
    page.get_by_label("The term of a definition").check()
    expect(question).to_have_text(card.locator(".flashcard-prompt").inner_text())
    expect(question).to_be_visible()


def test_the_counts_are_not_read_aloud_at_each_grade(server, watched):
    """They change at each grade: in a live region, a screen reader heard them before
    the next question (the deck is one)."""
    page = watched.page
    open_deck(page, server)
    live = "el => el.closest('[aria-live], [role=status], [role=alert], [role=log]')"
    assert page.locator(".flashcards-counts").evaluate(live) is None
    assert page.locator(CURRENT).evaluate(live) is not None


ALSO_RIGHT_SHOWN = "() => [...document.querySelectorAll('.flashcard-also-right')].map((line) => getComputedStyle(line).display !== 'none')"


def test_the_reverse_direction_asks_for_the_term(server, watched):
    page = watched.page
    open_deck(page, server)
    # The terms that answer a card's question as well: said in reverse only.
    also_right = page.evaluate(ALSO_RIGHT_SHOWN)
    assert not any(also_right)
    page.get_by_label("The term of a definition").check()
    assert page.evaluate(ALSO_RIGHT_SHOWN) == [True] * len(also_right)
    card = page.locator(CURRENT)
    expect(card.locator(".flashcard-prompt")).to_be_visible()
    expect(card.locator(".flashcard-front")).to_be_hidden()
    term = current_term(page)
    page.get_by_role("button", name="Show answer").click()
    expect(card.locator(".flashcard-front")).to_be_visible()
    page.keyboard.press("3")
    assert f"{term}:reverse" in saved(page)["cards"]
    page.reload()  # the direction is remembered too
    expect(page.get_by_label("The term of a definition")).to_be_checked()
    assert watched.errors == []


def test_the_deck_filters_by_lesson_and_by_nav_section(server, watched):
    page, entries = watched.page, sources().entries
    open_deck(page, server)
    lesson = max(sources().lessons, key=lambda l: sum(e.taught.lesson == l for e in entries))
    taught = [e.id for e in entries if e.taught.lesson == lesson]
    page.get_by_label("Cards", exact=True).select_option(f"lesson:{lesson.number}")
    counts(page, 0, len(taught))
    assert current_term(page) in taught
    section, pages = next((name, pages) for name, pages in nav_sections().items() if lesson.path in pages)
    page.get_by_label("Cards", exact=True).select_option(f"section:{section}")
    counts(page, 0, sum(e.taught.lesson.path in pages for e in entries))
    page.reload()  # the choice is remembered
    expect(page.get_by_label("Cards", exact=True)).to_have_value(f"section:{section}")
    assert watched.errors == []


def test_a_lessons_study_link_opens_the_deck_on_its_terms_for_this_visit_only(server, watched):
    """"Study this lesson's N terms as flashcards", where the key terms end: the deck
    opens on those N cards; the reader's own stored choice of cards stays as it was."""
    page, entries = watched.page, sources().entries
    open_deck(page, server)
    page.get_by_label("Cards", exact=True).select_option("")  # the reader's choice: all lessons
    stored = saved(page)["settings"]
    lesson = max(sources().lessons, key=lambda l: sum(e.taught.lesson == l for e in entries))
    taught = [e.id for e in entries if e.taught.lesson == lesson]
    page.goto(f"{server}/{lesson.path.removesuffix('.md')}/")
    link = page.get_by_role("link", name=f"Study this lesson's {len(taught)} terms as flashcards")
    link.click()
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    expect(page.get_by_label("Cards", exact=True)).to_have_value(f"lesson:{lesson.number}")
    counts(page, 0, len(taught))
    assert current_term(page) in taught
    page.keyboard.press("Enter")
    page.keyboard.press("3")  # a grade stores the card, not the link's choice
    assert saved(page)["settings"] == stored
    page.locator(".md-nav--primary").get_by_role("link", name="Flashcards").click()
    expect(page.get_by_label("Cards", exact=True)).to_have_value("")
    # Followed again, then another choice made on the page: a reload keeps that one.
    page.goto(f"{server}/{lesson.path.removesuffix('.md')}/")
    link.click()
    expect(page.get_by_label("Cards", exact=True)).to_have_value(f"lesson:{lesson.number}")
    page.get_by_label("Cards", exact=True).select_option("")
    page.reload()
    expect(page.get_by_label("Cards", exact=True)).to_have_value("")
    assert watched.errors == []


def test_reset_forgets_the_cards(server, watched):
    page, total = watched.page, len(sources().entries)
    open_deck(page, server)
    page.keyboard.press("Enter")
    page.keyboard.press("3")
    counts(page, 1, total - 1, seen=1)
    reset(page)
    counts(page, 0, total, seen=1)  # the review log, and so today's new cards, stay
    assert saved(page)["cards"] == {} and len(saved(page)["reviews"]) == 1


def test_reset_comes_last_and_cancelled_changes_nothing_as_its_question_offers_a_backup_first(server, watched):
    """The one control that cannot be undone is the last of the deck, after the backup's,
    so that the eye, and Tab, meet "Download a backup" first; it sat between the deck and
    the backup, drawn as the backup's twin. Its question says how to keep a copy."""
    page = watched.page
    open_deck(page, server)
    page.keyboard.press("Enter")
    page.keyboard.press("3")
    before = saved(page)
    deck = page.locator(".flashcards")
    last = deck.evaluate("deck => [...deck.querySelectorAll('button, input, select, a[href]')].filter(e => e.getClientRects().length).at(-1).textContent.trim()")
    assert last == "Reset flashcard progress"
    reset_box, backup_box = (deck.locator(s).bounding_box() for s in (".flashcards-reset", ".study-backup"))
    assert reset_box["y"] >= backup_box["y"] + backup_box["height"], (reset_box, backup_box)
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Reset flashcard progress").click()
    assert questions and "cannot be undone" in questions[0] and "Download a backup first" in questions[0], questions
    assert saved(page) == before
    assert watched.errors == []


def test_after_a_reset_the_backup_line_says_the_reset_not_the_last_backup(server, watched):
    """"Backup downloaded." left on screen read as if that backup held nothing now."""
    page = watched.page
    open_deck(page, server)
    status = graded_and_backed_up(page)
    reset(page)
    expect(status).to_have_text(re.compile(r"^Flashcard progress reset: .*A backup made before the reset brings it back\.$"))
    assert watched.errors == []


def test_a_reset_in_another_tab_is_said_on_this_ones_backup_line(browser, server):
    """This tab's "Backup downloaded." would read, after another tab's reset, as if that
    backup were of cards now new; a grade in the other tab changes nothing there."""
    context = browser.new_context()
    here, there, total = context.new_page(), context.new_page(), len(sources().entries)
    errors = []
    for page in (here, there):
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_deck(page, server)
    status = graded_and_backed_up(here)
    counts(there, 1, total - 1, seen=1)  # the other tab has heard of the grade
    there.keyboard.press("Enter")
    there.keyboard.press("3")
    counts(here, 2, total - 2, seen=2)
    expect(status).to_have_text("Backup downloaded.")
    reset(there)
    counts(here, 0, total, seen=2)
    expect(status).to_have_text(re.compile(r"^Flashcard progress was reset in another tab: .*A backup made before the reset brings it back\.$"))
    assert errors == []
    context.close()


def with_study_data_held(browser, url: str, width: int) -> tuple[Page, Callable[[], None]]:
    """The page at url loaded and laid out in its font, its study data's script held
    back; and the function that lets that script through."""
    context = browser.new_context(viewport={"width": width, "height": 844}, service_workers="block")
    page, held = context.new_page(), []
    page.route("**/javascripts/study-data.js*", lambda route: held.append(route))
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate("document.fonts.ready.then(() => true)")  # laid out in its font: nothing else moves it

    def let_through() -> None:
        for _ in range(100):  # the page asks for the study data once its own scripts have run
            if held:
                break
            page.wait_for_timeout(50)
        assert held, f"{url} never asked for javascripts/study-data.js"
        held[0].continue_()

    return page, let_through


def displays_without_javascript(browser, url: str, selectors: list[str]) -> list[str]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    displays = [page.locator(selector).evaluate("box => getComputedStyle(box).display") for selector in selectors]
    context.close()
    return displays


def test_the_lesson_does_not_move_down_when_its_done_box_shows(browser, server):
    """The "Mark as done" box shows once the study data's script has loaded, which on a
    busy phone comes after the reader has started to read, or to tap a term: its room
    is kept, so the text under it stays where it is. Without JavaScript it takes none."""
    url = server + "/lessons/08-caching/"
    page, let_through = with_study_data_held(browser, url, 390)
    box, heading = page.locator(".lesson-done").first, page.locator("article h2").first
    expect(box).to_be_hidden()
    before = heading.bounding_box()["y"]
    let_through()
    expect(box).to_be_visible()
    assert heading.bounding_box()["y"] == before
    page.context.close()
    assert displays_without_javascript(browser, url, [".lesson-done:not(.lesson-done-end)", ".lesson-done-end"]) == ["none", "none"]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_home_pages_lessons_do_not_move_down_when_the_progress_shows(browser, server, width: int):
    """On the home page the progress and the backup controls show once the study data's
    scripts have loaded: on a first visit, their room is kept, so the lessons under
    them stay where they are. Without JavaScript they take none."""
    page, let_through = with_study_data_held(browser, server + "/", width)
    boxes, lessons = [".course-progress", ".study-backup"], page.locator(".grid.cards").first
    for box in boxes:
        expect(page.locator(box)).to_be_hidden()
    before = lessons.bounding_box()["y"]
    let_through()
    first = next(lesson for lesson in sources().lessons if not lesson.unwritten)  # the page's own words name it
    start = page.get_by_role("link", name=f"Start with Lesson {first.number}: {first.title}")
    expect(start).to_be_visible()
    expect(start).to_have_attribute("href", page.locator(".grid.cards a").first.get_attribute("href"))
    expect(page.get_by_role("button", name="Download a backup")).to_be_visible()
    assert lessons.bounding_box()["y"] == before
    page.context.close()
    assert displays_without_javascript(browser, server + "/", boxes) == ["none", "none"]


def test_flashcards_work_when_reached_by_a_link_and_again_after_leaving(server, watched):
    page, total = watched.page, len(sources().entries)
    page.goto(server + "/")
    page.locator("article").get_by_role("link", name="flashcards").first.click()
    expect(page).to_have_url(f"{server}/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    page.keyboard.press(" ")
    page.keyboard.press("3")
    counts(page, 1, total - 1, seen=1)
    # Away and back: the saved progress sets the page up again.
    page.locator(".md-nav--primary").get_by_role("link", name="Glossary").click()
    expect(page).to_have_url(f"{server}/glossary/")
    page.locator(".md-nav--primary").get_by_role("link", name="Flashcards").click()
    counts(page, 1, total - 1, seen=1)
    page.keyboard.press("Enter")
    page.keyboard.press("4")
    counts(page, 1, total - 2, seen=2)
    assert watched.errors == [] and watched.off_origin == []


def test_without_javascript_the_deck_is_a_list_to_read_and_says_so(browser, server, watched):
    """No study session without the script: its controls stay hidden, each card shows
    its term and definition, and a note says why, where the intro speaks of keys."""
    note = ".flashcards-no-script"  # in a <noscript>, which Playwright's text search skips
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/flashcards/")
    expect(page.locator(note)).to_be_visible()
    expect(page.locator(note)).to_contain_text("Studying the cards needs JavaScript")
    for part in (".flashcard-front", ".flashcard-short", ".flashcard-lesson"):
        expect(page.locator(f".flashcard {part}").last).to_be_visible()
    for control in ("[data-reveal]", ".flashcards-options", "[data-grade='1']"):
        expect(page.locator(control)).to_be_hidden()
    shown = page.locator(".flashcards").evaluate(
        "deck => [...deck.querySelectorAll('button, input, select')].filter(e => e.getClientRects().length).map(e => e.outerHTML)"
    )
    assert shown == []  # no control that would do nothing, the reset included
    assert page.locator(".study-backup").evaluate("box => getComputedStyle(box).display") == "none"  # no room either
    context.close()
    watched.page.goto(server + "/flashcards/")
    expect(watched.page.locator("[data-reveal]")).to_be_visible()
    expect(watched.page.locator(note)).to_have_count(0)  # with scripts, a <noscript> holds text only


def test_the_deck_does_not_move_under_the_reader_while_the_script_loads(browser, server):
    """Laid out for study from the first paint: when the page's module arrives late (held
    here until the page has painted), what the reader sees does not shift (CLS < 0.1,
    "good" in Web Vitals; it was 0.5 when the module collapsed the list)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(
        "window.shifts = 0; new PerformanceObserver((list) => list.getEntries().forEach("
        "(entry) => { if (!entry.hadRecentInput) window.shifts += entry.value; })"
        ").observe({ type: 'layout-shift', buffered: true });"
    )
    page = context.new_page()
    held = []
    page.route("**/javascripts/flashcards.js", lambda route: held.append(route))
    page.goto(server + "/flashcards/", wait_until="commit")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    page.wait_for_timeout(300)  # a few frames of the page as painted, script still held
    assert len(held) == 1
    assert page.locator(".study-backup").bounding_box()["height"] > 0  # its room, kept while hidden
    held[0].continue_()
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    expect(page.locator(CURRENT)).to_be_visible()
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.shifts") < 0.1
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_answer_and_its_grades_pass_axe(browser, server, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    open_deck(page, server)
    page.get_by_role("button", name="Show answer").click()
    expect(page.get_by_role("group", name="How well did you remember it?")).to_be_visible()
    violations = [f"{v['id']}: {v['help']} e.g. {v['nodes'][0]['target']}" for v in Axe().run(page).response["violations"]]
    context.close()
    assert violations == []


@pytest.mark.parametrize("device", ["mouse", "touch"])
def test_mark_as_done_looks_pressed_only_while_it_is(browser, server, device: str):
    """A tap leaves the button focused (and, on a phone, hovered): Material's fill for
    those read as "done" after the reader had just unmarked the lesson."""
    touch = device == "touch"
    context = browser.new_context(**({"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True} if touch else {}))
    page = context.new_page()
    page.goto(server + "/lessons/07-availability/")
    page.add_style_tag(content="* { transition: none !important }")  # the look, not its fade
    button = page.get_by_role("button", name="Mark as done")
    look = lambda: button.evaluate("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color] }")
    off = look()
    for pressed in ("true", "false"):
        button.tap() if touch else button.click()
        expect(button).to_have_attribute("aria-pressed", pressed)
        if not touch:
            page.mouse.move(0, 0)  # no longer hovered; still focused
        assert (look() != off) == (pressed == "true"), pressed
    context.close()


def test_a_lesson_can_be_marked_as_done_where_it_ends_and_both_buttons_say_so(server, watched):
    """The one button was under the title: a reader who had read to the end had to go
    back up to it. A press of either shows on both, and is stored."""
    page = watched.page
    page.goto(server + "/lessons/07-availability/")
    top = page.get_by_role("button", name="Mark as done")
    end = page.get_by_role("button", name="Mark this lesson as done")
    end.scroll_into_view_if_needed()
    expect(end).to_be_in_viewport()
    expect(top).not_to_be_in_viewport()  # a screenful or more away
    for button, pressed in ((end, "true"), (top, "false"), (end, "true")):
        button.click()
        expect(top).to_have_attribute("aria-pressed", pressed)
        expect(end).to_have_attribute("aria-pressed", pressed)
    page.reload()
    expect(top).to_have_attribute("aria-pressed", "true")
    expect(end).to_have_attribute("aria-pressed", "true")
    assert watched.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mark_as_done_stands_out_when_pressed_on_either_palette(browser, server, scheme: str):
    """The filled box is what says "done" at a glance: WCAG 1.4.11 asks 3:1 of it against
    the page, and 4.5:1 of its words against it (the dark primary was 1.8:1 on slate)."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "/lessons/07-availability/")
    page.add_style_tag(content="* { transition: none !important }")
    button = page.get_by_role("button", name="Mark as done")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.mouse.move(0, 0)
    button.blur()
    fill, words = button.evaluate("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color] }")
    ground = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast(fill, ground) >= 3, (fill, ground)
    assert contrast(words, fill) >= 4.5, (words, fill)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovering_mark_as_done_shows_in_either_state(browser, server, scheme: str):
    """Under the mouse, the button answers: a tint that stands out from the page (1.2:1 at
    least; the accent's 10 % was 1.11:1 on the dark page), or a lighter fill once done
    (a hover on the pressed button changed nothing)."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "/lessons/07-availability/")
    page.add_style_tag(content="* { transition: none !important }")
    button = page.get_by_role("button", name="Mark as done")
    look = lambda: button.evaluate("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.filter] }")
    ground = page.evaluate("getComputedStyle(document.body).backgroundColor")
    expect(button).to_be_visible()
    button.hover()
    tint, _ = look()
    assert contrast(tint, ground) >= 1.2, (tint, ground)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    hovered = look()
    page.mouse.move(0, 0)
    assert look() != hovered
    context.close()


def test_with_every_lesson_done_the_home_page_leads_to_the_flashcards(server, watched):
    page = watched.page
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    page.goto(server + "/")
    expect(page.locator(".course-progress:not([hidden])")).to_be_visible()
    store_done_marks(page, server, [lesson.number for lesson in written])
    page.goto(server + "/")
    expect(page.locator(".course-progress p").first).to_have_text("Every written lesson is done. Keep their terms fresh with the flashcards")
    page.get_by_role("link", name="Keep their terms fresh with the flashcards").click()
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    assert watched.errors == []


def test_the_focus_stays_on_continue_when_another_tab_marks_a_lesson_done(browser, server):
    """The box is written anew when another tab changes the marks: the focus on its
    "Continue with…" link fell to the page, and a keyboard reader had to start over."""
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    context = browser.new_context()
    home, lesson = context.new_page(), context.new_page()
    lesson.goto(f"{server}/{written[0].path.removesuffix('.md')}/")
    lesson.get_by_role("button", name="Mark as done").click()
    home.goto(server + "/")
    home.get_by_role("link", name=re.compile(f"^Continue with Lesson {written[1].number}:")).focus()
    lesson.goto(f"{server}/{written[1].path.removesuffix('.md')}/")
    lesson.get_by_role("button", name="Mark as done").click()
    expect(home.get_by_role("link", name=re.compile(f"^Continue with Lesson {written[2].number}:"))).to_be_focused()
    context.close()


@pytest.mark.parametrize("words", ["the page's", "without a link"])
def test_the_focus_goes_on_in_the_progress_box_when_another_tab_marks_the_last_lesson_done(browser, server, words: str):
    """With no lesson left there is no "Continue with…" to hand the focus to: it goes to
    the link of the page's words for that (the flashcards), or where they have none, to
    the box itself."""
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    context = browser.new_context()
    home, lesson = context.new_page(), context.new_page()
    if words == "without a link":
        home.route(f"{server}/", lambda route: route.fulfill(
            response=(answer := route.fetch()),
            body=re.sub(r'<a [^>]*>Keep their terms fresh with the flashcards</a>', "", answer.text()),
        ))
    lesson.goto(f"{server}/{written[0].path.removesuffix('.md')}/")
    lesson.get_by_role("button", name="Mark as done").click()
    home.goto(server + "/")
    home.get_by_role("link", name=re.compile("^Continue with Lesson")).focus()
    lesson.evaluate(
        """([key, numbers]) => {
          const data = JSON.parse(localStorage.getItem(key));
          for (const n of numbers) data.done[String(n)] = { done: true, changed: new Date().toISOString() };
          localStorage.setItem(key, JSON.stringify(data));
        }""",
        ["/.systemsexpert.study", [lesson.number for lesson in written]],
    )
    box = home.locator("[data-course-progress]")
    expect(box).to_contain_text("Every written lesson is done.")
    if words == "without a link":
        expect(box).to_be_focused()
    else:
        expect(box.get_by_role("link", name="Keep their terms fresh with the flashcards")).to_be_focused()
    context.close()


def test_lessons_marked_done_show_on_the_home_page_with_the_next_one(server, watched):
    page = watched.page
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    url = lambda lesson: f"{server}/{lesson.path.removesuffix('.md')}/"
    for lesson in (written[0], written[2]):  # the second is left to do
        page.goto(url(lesson))
        toggle = page.get_by_role("button", name="Mark as done")
        expect(toggle).to_have_attribute("aria-pressed", "false")
        toggle.click()
        expect(toggle).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(page.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "true")
    assert [int(n) for n, mark in saved(page)["done"].items() if mark["done"]] == [written[0].number, written[2].number]
    page.goto(server + "/")
    follow = page.get_by_role("link", name=f"Continue with Lesson {written[1].number}: {written[1].title}")
    expect(follow).to_have_attribute("href", url(written[1]))
    expect(page.locator(".course-progress")).to_contain_text(f"2 of {len(written)} lessons")
    done = page.locator(".grid.cards li", has=page.locator(".lesson-card-done"))
    expect(done).to_have_count(2)
    for lesson in (written[0], written[2]):
        link = done.locator(f"a[href$='{lesson.path.removesuffix('.md')}/']")
        expect(link).to_have_count(1)
        expect(link).to_have_accessible_description("Done")  # heard with the link, not after it
    expect(page.locator(f".grid.cards a[href$='{written[1].path.removesuffix('.md')}/']")).not_to_have_attribute("aria-describedby", re.compile(".*"))
    # Undone again, it is the next lesson once more.
    page.goto(url(written[0]))
    page.get_by_role("button", name="Mark as done").click()
    page.goto(server + "/")
    expect(page.get_by_role("link", name=re.compile(f"^Continue with Lesson {written[0].number}:"))).to_be_visible()
    assert watched.errors == [] and watched.off_origin == []
