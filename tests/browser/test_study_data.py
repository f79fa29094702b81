"""The reader's study data in Chromium: safe across tabs, versions and base paths, every
failed save shown, backup and restore, the review log, the reminder, the daily limit."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import Browser, Page, expect

from static_host import serve
from support import ROOT, sources

KEY = "/.systemsexpert.study"
CURRENT = ".flashcard.is-current"
SCHEMA = json.loads((ROOT / "docs" / "schemas" / "progress.schema.json").read_text())
NEW_PER_DAY = 20
REVLOG_COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"]
DAY_MS = 24 * 60 * 60 * 1000
FAIL_EVERY_WRITE = (
    "Storage.prototype.setItem = function () {"
    " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"
)


def open_deck(page: Page, url: str) -> None:
    page.goto(url + "/flashcards/")
    expect(page.locator(".flashcards.is-ready")).to_be_visible()


def grade(page: Page, key: str = "3") -> str:
    """Shows the answer of the current card and grades it; returns its term."""
    term = page.locator(CURRENT).get_attribute("data-term")
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator(".flashcard.is-revealed")).to_have_count(1)
    page.keyboard.press(key)
    expect(page.locator(".flashcard.is-revealed")).to_have_count(0)
    return term


def set_new_cards_a_day(page: Page, count: int | str) -> None:
    """Types the setting and leaves the field, as a reader does: it is saved on change."""
    field = page.get_by_label("New cards a day")
    field.fill(str(count))
    field.press("Tab")


def test_new_cards_a_day_takes_only_a_whole_number_and_says_so(watched, server):
    """An emptied field read as 0 (Number("") is 0): no new card, ever, and no word why."""
    page = watched.page
    open_deck(page, server)
    field_alert = page.locator(".flashcards-new-per-day [role=alert]")  # said as it appears, by its field
    set_new_cards_a_day(page, 5)
    expect(page.locator(".flashcards-counts")).to_contain_text("New: 5")
    for typed in ("", "-1", "2.5"):
        set_new_cards_a_day(page, typed)
        expect(field_alert).to_have_text("Write a whole number, 0 or more.")
        expect(page.get_by_label("New cards a day")).to_have_value("5")  # the number in force, shown
        # The field holds the number in force again, a valid one: not marked invalid.
        expect(page.get_by_label("New cards a day")).not_to_have_attribute("aria-invalid", "true")
        assert study(page)["settings"]["new_per_day"] == 5, repr(typed)
    set_new_cards_a_day(page, "1e1")  # a whole number, written oddly: kept, and shown, as 10
    expect(page.get_by_label("New cards a day")).to_have_value("10")
    assert study(page)["settings"]["new_per_day"] == 10
    set_new_cards_a_day(page, 0)
    expect(field_alert).to_have_text("")
    expect(page.get_by_label("New cards a day")).not_to_have_attribute("aria-invalid", "true")
    assert study(page)["settings"]["new_per_day"] == 0
    assert watched.errors == []


@pytest.mark.parametrize("width", [1280, 1000, 768, 390])
def test_the_refusal_under_new_cards_a_day_moves_none_of_the_options(browser, server, width: int):
    """Said under its field, the message widened the field's column: at 1280 px the
    field jumped to a row of its own, at 768 px the radio buttons dropped a line."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    open_deck(page, server)
    if width <= 480:  # a phone's: the options fold
        page.get_by_role("button", name="Options").click()
    controls = ["#flashcards-filter", ".flashcards-direction input[value=reverse]", "#flashcards-new-per-day"]
    where = """(selectors) => {
        const options = document.querySelector(".flashcards-options").getBoundingClientRect();
        return selectors.map((s) => { const box = document.querySelector(s).getBoundingClientRect(); return [box.x - options.x, box.y - options.y]; });
    }"""
    before = page.evaluate(where, controls)
    set_new_cards_a_day(page, "-1")
    expect(page.locator(".flashcards-new-per-day [role=alert]")).not_to_be_empty()
    assert page.evaluate(where, controls) == before
    context.close()


def storage(page: Page) -> dict[str, str]:
    """Every localStorage value of the origin, as stored: to compare byte for byte."""
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def study(page: Page, key: str = KEY) -> dict:
    """The stored study data, its review log's rows read as reviews."""
    data = json.loads(storage(page)[key])
    data["reviews"] = [dict(zip(REVLOG_COLUMNS, row)) for row in data["reviews"]]
    return data


def counts(page: Page) -> str:
    return page.locator(".flashcards-counts").text_content()


def seed(page: Page, url: str, values: dict[str, str]) -> None:
    """Stores values on the site's origin from a page that does not load the store."""
    page.goto(url + "/glossary/")
    page.evaluate("(values) => { localStorage.clear(); for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }", values)


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def a_card(due_ms: int, last_review_ms: int) -> dict:
    return {
        "due": iso(due_ms), "stability": 2.3, "difficulty": 5.0, "elapsed_days": 0, "scheduled_days": 1,
        "learning_steps": 0, "reps": 1, "lapses": 0, "state": 2, "last_review": iso(last_review_ms),
    }


def download(page: Page, name: str) -> tuple[str, str]:
    """Presses the control called name; returns the saved file's name and text."""
    with page.expect_download() as info:
        page.get_by_role("button", name=name).first.click()
    return info.value.suggested_filename, Path(info.value.path()).read_text()


def restore(page: Page, name: str, text: str) -> None:
    page.get_by_label("Restore from a backup").first.set_input_files({"name": name, "mimeType": "application/json", "buffer": text.encode()})


def now_ms(page: Page) -> int:
    return page.evaluate("Date.now()")


# --- Tabs, versions, base paths ---------------------------------------------------------


def test_two_tabs_keep_both_reviews_and_each_shows_the_other(browser: Browser, server):
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    entries, total = sources().entries, len(sources().entries)
    open_deck(a, server)
    open_deck(b, server)
    first_lesson = a.locator(CURRENT).get_attribute("data-lesson")
    other = next(e.taught.lesson.number for e in entries if str(e.taught.lesson.number) != first_lesson)
    b.get_by_label("Cards", exact=True).select_option(f"lesson:{other}")
    graded_in_a = grade(a)
    graded_in_b = grade(b)
    assert graded_in_a != graded_in_b
    # B's process may store its grade before A's has reached it: A then puts its own back.
    a.wait_for_function("([key, n]) => JSON.parse(localStorage.getItem(key)).reviews.length === n", arg=[KEY, 2])
    stored = study(a)
    assert sorted(stored["cards"]) == sorted([graded_in_a, graded_in_b])
    assert [r["card_id"] for r in stored["reviews"]] == [graded_in_a, graded_in_b]
    # A heard of B's grade: its counts show both cards.
    expect(a.locator(".flashcards-counts")).to_have_text(f"Due now: 0 · Later today: 2 · New: {min(total - 2, NEW_PER_DAY - 2)}")
    # B grades the card A is showing, its answer shown: A moves on to another.
    showing_in_a = a.locator(CURRENT).get_attribute("data-term")
    a.get_by_role("button", name="Show answer").click()
    expect(a.get_by_role("button", name=re.compile("^Good"))).to_be_focused()
    b.get_by_label("Cards", exact=True).select_option("")
    assert b.locator(CURRENT).get_attribute("data-term") == showing_in_a
    grade(b)
    expect(a.locator(f'{CURRENT}[data-term="{showing_in_a}"]')).to_have_count(0)
    expect(a.locator(CURRENT)).to_have_count(1)
    expect(a.locator(".flashcards-alert")).to_have_text("The card that was on screen was graded in another tab, so here is the next one.")
    expect(a.get_by_role("button", name="Show answer")).to_be_focused()  # "Good", which had it, is gone
    grade(a)  # the next grade here: the word about the other tab has done its work
    expect(a.locator(".flashcards-alert")).to_have_text("")
    assert len(study(a)["reviews"]) == 4
    context.close()


def test_new_cards_a_day_set_in_one_tab_shows_in_the_others(browser: Browser, server):
    """The number is the reader's, in force in every tab at once; the other tabs' field
    kept the old one, which typed again changed nothing."""
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    open_deck(a, server)
    open_deck(b, server)
    set_new_cards_a_day(b, 5)
    expect(a.get_by_label("New cards a day")).to_have_value("5")
    expect(a.locator(".flashcards-counts")).to_contain_text("New: 5")
    set_new_cards_a_day(a, NEW_PER_DAY)
    expect(b.get_by_label("New cards a day")).to_have_value(str(NEW_PER_DAY))
    context.close()


def test_the_focus_on_an_answers_link_goes_to_show_answer_when_another_tab_grades_the_card(browser: Browser, server):
    """The link went with the card, and the focus with it, to the page."""
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    open_deck(a, server)
    open_deck(b, server)
    showing = a.locator(CURRENT).get_attribute("data-term")
    a.get_by_role("button", name="Show answer").click()
    a.locator(CURRENT).locator(".flashcard-lesson a").focus()
    assert b.locator(CURRENT).get_attribute("data-term") == showing
    grade(b)
    expect(a.locator(f'{CURRENT}[data-term="{showing}"]')).to_have_count(0)
    expect(a.get_by_role("button", name="Show answer")).to_be_focused()
    context.close()


def written_over_without(page: Page, term: str, then: str = "") -> None:
    """Another tab's write of a value without this tab's grade of `term`, heard by this
    tab (after the script `then`, run in this tab)."""
    stale = json.loads(storage(page)[KEY])
    del stale["cards"][term]
    stale["reviews"] = [row for row in stale["reviews"] if row[0] != term]
    page.evaluate(
        "([key, value, then]) => { localStorage.setItem(key, value); eval(then);"
        " dispatchEvent(new StorageEvent('storage', { key, newValue: value })); }",
        [KEY, json.dumps(stale), then],
    )


def test_a_grade_that_another_tab_wrote_over_unseen_comes_back(watched, server):
    """Chromium gives each tab's process a copy of localStorage that another tab's write
    reaches a moment late, so a tab that grades just after this one can store a value
    without this one's grade (a CI run of the test above lost one so). Hearing of that
    value, this tab puts its grade back and stores it."""
    page = watched.page
    open_deck(page, server)
    mine = grade(page)
    written_over_without(page, mine)
    stored = study(page)
    assert mine in stored["cards"]
    assert [review["card_id"] for review in stored["reviews"]] == [mine]
    assert watched.errors == []


def test_a_grade_that_cannot_be_put_back_is_said_and_stored_with_the_next_write(browser: Browser, server):
    context = browser.new_context()
    page = context.new_page()
    open_deck(page, server)
    mine = grade(page)
    page.evaluate("window.workingSetItem = Storage.prototype.setItem; true")
    written_over_without(page, mine, then=FAIL_EVERY_WRITE)
    expect(page.locator(".flashcards-alert")).to_have_text(
        re.compile("^Your progress that another tab wrote over was not saved: this browser refused to store it")
    )
    assert mine not in study(page)["cards"]
    page.evaluate("Storage.prototype.setItem = window.workingSetItem; true")
    other = grade(page)
    assert {mine, other} <= set(study(page)["cards"])  # kept for the visit, then stored
    # The lessons and the home page say it too, where they say a failed save.
    kept = storage(page)[KEY]
    for path, alert in (("/lessons/05-storage/", ".lesson-done-end [role=alert]"), ("/", ".course-progress [role=alert]")):
        page.goto(server + path)
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, kept])  # the grade, stored again
        page.reload()
        expect(page.locator(alert)).to_be_attached()
        written_over_without(page, mine, then=FAIL_EVERY_WRITE)
        expect(page.locator(alert)).to_have_text(re.compile("^Your progress that another tab wrote over was not saved"))
    context.close()


def test_the_first_sites_data_moves_over_once_and_is_kept(watched, server):
    page, total = watched.page, len(sources().entries)
    terms = [e.id for e in sources().entries]
    seed(page, server, {})
    now = now_ms(page)
    broken = a_card(now - DAY_MS, now - 2 * DAY_MS)
    del broken["stability"]  # the first site threw at setup on a card like this one
    first = json.dumps({"version": 1, "cards": {terms[0]: a_card(now - DAY_MS, now - 2 * DAY_MS), terms[1]: broken}})
    seed(page, server, {"systemsexpert.flashcards": first, "systemsexpert.lessons-done": "[1]"})
    open_deck(page, server)
    expect(page.locator(".flashcards-counts")).to_have_text(f"Due now: 1 · Later today: 0 · New: {min(total - 1, NEW_PER_DAY)}")
    expect(page.locator(".flashcards-alert")).to_contain_text(f'cards["{terms[1]}"]: no stability')
    expect(page.locator(".flashcards-alert")).to_contain_text("kept, unchanged")
    stored = storage(page)
    assert stored["systemsexpert.flashcards"] == first and stored["systemsexpert.lessons-done"] == "[1]"
    assert list(study(page)["cards"]) == [terms[0]] and study(page)["done"]["1"]["done"] is True
    assert grade(page) == terms[0]  # due
    page.reload()  # once: the grade is not undone by moving the first site's data again
    expect(page.locator(".flashcards.is-ready")).to_be_visible()
    assert study(page)["cards"][terms[0]]["reps"] == 2 and len(study(page)["reviews"]) == 1
    assert watched.errors == []


@pytest.mark.parametrize("value, problem", [
    ("{\"version\": 2, \"cards\": {\"x\": ", "not JSON"),
    ("[1, 2, 3]", "not an object"),
    (json.dumps({"version": 2, "cards": [], "reviews": [], "done": {}}), "cards: not an object"),
])
def test_an_unreadable_stored_value_is_kept_and_the_page_works(watched, server, value: str, problem: str):
    page, total = watched.page, len(sources().entries)
    seed(page, server, {KEY: value})
    open_deck(page, server)
    expect(page.locator(".flashcards-counts")).to_have_text(f"Due now: 0 · Later today: 0 · New: {min(total, NEW_PER_DAY)}")
    alert = page.locator(".flashcards-alert")
    expect(alert).to_contain_text(problem)
    kept = [key for key in storage(page) if key.startswith(KEY + ".kept-")]
    assert len(kept) == 1 and storage(page)[kept[0]] == value
    expect(alert).to_contain_text(kept[0])
    grade(page)
    assert storage(page)[kept[0]] == value and len(study(page)["cards"]) == 1
    assert watched.errors == []


def test_a_newer_sites_value_is_left_untouched(watched, server):
    page = watched.page
    newer = json.dumps({"version": 3, "cards": {"latency": {"due": "soon"}}, "log": []})
    seed(page, server, {KEY: newer})
    open_deck(page, server)
    expect(page.locator(".flashcards-alert")).to_contain_text("newer version of this site")
    grade(page)  # the page still works, and says the grade is not saved
    expect(page.locator(".flashcards-alert")).to_contain_text("This grade was not saved")
    # A file of what this page holds would look like a backup and hold nothing of theirs.
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    backup_alert = page.locator(".study-backup [role=alert]")
    for button, what in (("Download a backup", "No backup"), ("Download the review log (CSV)", "No review log")):
        page.get_by_role("button", name=button).click()
        expect(backup_alert).to_have_text(f"{what} was not made: your study data was saved by a newer version of this site, which this page cannot read: reload the page to get it.")
    assert downloads == []
    # A lesson has two "Mark as done" buttons: the notice is by the first, heard once.
    page.goto(server + "/lessons/05-storage/")
    expect(page.locator(".lesson-done [role=alert]").first).to_contain_text("newer version of this site")
    assert [text for text in page.locator("[role=alert]").all_text_contents() if "newer version" in text] == [page.locator(".lesson-done [role=alert]").first.text_content()]
    assert storage(page) == {KEY: newer}
    assert watched.errors == []


def test_two_copies_of_the_site_on_one_origin_keep_apart(browser: Browser, site: Path, tmp_path: Path):
    for name in ("notes", "notes-fork"):  # user.github.io/notes and user.github.io/notes-fork
        shutil.copytree(site, tmp_path / name, copy_function=os.link)
    context = browser.new_context()
    page = context.new_page()
    total = len(sources().entries)
    with serve(tmp_path) as origin:
        open_deck(page, origin + "/notes")
        graded = grade(page)
        page.goto(origin + "/notes/lessons/01-introduction/")
        page.get_by_role("button", name="Mark as done").click()
        open_deck(page, origin + "/notes-fork")
        expect(page.locator(".flashcards-counts")).to_have_text(f"Due now: 0 · Later today: 0 · New: {min(total, NEW_PER_DAY)}")
        assert page.locator(CURRENT).get_attribute("data-term") == graded  # the fork's first card is new there
        grade(page, "4")
        page.goto(origin + "/notes-fork/lessons/01-introduction/")
        expect(page.get_by_role("button", name="Mark as done")).to_have_attribute("aria-pressed", "false")
        notes, fork = study(page, "/notes/.systemsexpert.study"), study(page, "/notes-fork/.systemsexpert.study")
        assert [r["review_rating"] for r in notes["reviews"]] == [3] and [r["review_rating"] for r in fork["reviews"]] == [4]
        assert notes["done"]["1"]["done"] is True and fork["done"] == {}
        assert not [key for key in storage(page) if key.startswith("systemsexpert")]
    context.close()


# --- Backup, restore, the review log ----------------------------------------------------


def test_the_backup_holds_what_was_graded_and_marked_and_a_fresh_browser_restores_it(browser: Browser, server):
    context = browser.new_context(timezone_id="Europe/Paris")
    page = context.new_page()
    open_deck(page, server)
    graded = [grade(page, "3"), grade(page, "1")]
    page.goto(server + "/lessons/03-client-server-model/")
    page.get_by_role("button", name="Mark as done").click()
    open_deck(page, server)
    name, text = download(page, "Download a backup")
    assert re.fullmatch(r"systemsexpert-progress-\d{4}-\d{2}-\d{2}\.json", name)
    backup = json.loads(text)
    jsonschema.validate(backup, SCHEMA)
    assert backup["format"] == "systemsexpert-progress" and backup["version"] == 1 and backup["timezone"] == "Europe/Paris"
    assert sorted(backup["cards"]) == sorted(graded)
    assert [(r["card_id"], r["review_rating"], r["review_state"]) for r in backup["reviews"]] == [(graded[0], 3, 0), (graded[1], 1, 0)]
    assert all(r["review_duration"] >= 0 for r in backup["reviews"])
    assert {n: m["done"] for n, m in backup["done"].items()} == {"3": True}
    assert study(page)["last_backup"] is not None
    stored = study(page)
    context.close()

    fresh = browser.new_context()
    page = fresh.new_page()
    open_deck(page, server)
    restore(page, name, text)
    expect(page.locator(".study-backup-status")).to_contain_text("2 cards, 2 reviews and 1 done mark were newer")
    restored = study(page)
    assert (restored["cards"], restored["reviews"], restored["done"]) == (stored["cards"], stored["reviews"], stored["done"])
    expect(page.locator(".flashcards-counts")).to_contain_text("Later today: 2")
    page.goto(server + "/")
    expect(page.locator(".course-progress")).to_contain_text("You have marked 1 of")
    fresh.close()


def test_an_older_backup_never_undoes_newer_work(watched, server):
    page = watched.page
    open_deck(page, server)
    set_new_cards_a_day(page, 1)
    page.goto(server + "/lessons/01-introduction/")
    page.get_by_role("button", name="Mark as done").click()
    open_deck(page, server)
    term = grade(page, "3")
    _, older = download(page, "Download a backup")
    # Newer work: the same card again (shown ahead of time: no new card is left today),
    # and the lesson marked as not done.
    assert page.locator(CURRENT).get_attribute("data-term") == term
    grade(page, "4")
    page.goto(server + "/lessons/01-introduction/")
    page.get_by_role("button", name="Mark as done").click()
    open_deck(page, server)
    before = storage(page)
    restore(page, "older.json", older)
    expect(page.locator(".study-backup-status")).to_contain_text("holds nothing newer")
    assert storage(page) == before
    assert study(page)["cards"][term]["reps"] == 2 and study(page)["done"]["1"]["done"] is False
    restore(page, "older.json", older)  # twice: still nothing
    assert storage(page) == before
    assert watched.errors == []


def bad_files(good: str) -> dict[str, tuple[str, str]]:
    value = json.loads(good)
    wrong_type = json.loads(good)
    wrong_type["reviews"][0]["review_rating"] = "Good"
    return {
        "truncated": (good[: len(good) // 2], "it cannot be read as a backup (it is not JSON: another kind of file, or a backup cut short)."),
        "another format": (json.dumps({**value, "format": "anki"}), 'it is not a backup of this site (its "format"'),
        "a newer version": (json.dumps({**value, "version": 2}), "it was made by a newer version of this site (version 2"),
        "wrong types": (json.dumps(wrong_type), "a value has the wrong type: reviews[0].review_rating: not 1 to 4"),
    }


@pytest.mark.parametrize("kind", ["truncated", "another format", "a newer version", "wrong types"])
def test_a_bad_file_is_refused_with_an_alert_and_changes_nothing(watched, server, kind: str):
    page = watched.page
    open_deck(page, server)
    grade(page)
    _, good = download(page, "Download a backup")
    grade(page)
    before = storage(page)
    text, problem = bad_files(good)[kind]
    restore(page, "mine.json", text)
    alert = page.locator(".study-backup [role=alert]")
    expect(alert).to_contain_text(f'"mine.json" was not restored: {problem}')
    expect(alert).to_contain_text("Nothing was changed.")
    assert storage(page) == before
    assert watched.errors == []


def test_the_review_log_csv_has_the_optimizers_columns_and_a_row_per_review(watched, server):
    page = watched.page
    open_deck(page, server)
    for key in ("1", "3", "4"):
        grade(page, key)
    name, text = download(page, "Download the review log (CSV)")
    assert re.fullmatch(r"systemsexpert-revlog-\d{4}-\d{2}-\d{2}\.csv", name)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["card_id", "review_time", "review_rating", "review_state", "review_duration"]
    reviews = study(page)["reviews"]
    assert rows[1:] == [[str(r[column]) for column in rows[0]] for r in reviews]
    assert [row[2] for row in rows[1:]] == ["1", "3", "4"]
    assert watched.errors == []


@pytest.mark.parametrize("path", ["/", "/progress-format/"], ids=["home", "study data page"])
def test_backup_and_restore_are_on_the_home_page_and_the_study_data_page_too(watched, server, path: str):
    """The page that explains backups sent its readers to two others to make one."""
    page = watched.page
    open_deck(page, server)
    graded = grade(page)
    page.goto(server + path)
    name, text = download(page, "Download a backup")
    assert list(json.loads(text)["cards"]) == [graded]
    restore(page, name, "{")
    expect(page.locator(".study-backup [role=alert]")).to_contain_text("not JSON")
    older = json.loads(text)
    older["reviews"].append({**older["reviews"][0], "review_time": older["reviews"][0]["review_time"] - 60_000})
    restore(page, name, json.dumps(older))  # one review this browser has not: it is added
    expect(page.locator(".study-backup [role=status]")).to_contain_text("1 review")
    assert len(study(page)["reviews"]) == 2
    assert watched.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_restore_fields_button_is_drawn_as_the_backup_button_beside_it(browser: Browser, server, scheme: str):
    """The browser's own grey "Choose File" stood beside the site's outlined buttons, and
    then, drawn as they are, at a form field's 13.33 px and 27 px tall against their 16
    and 38."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "/progress-format/")
    look = (
        "e => { const s = getComputedStyle(e, ARG); return [s.color, s.borderTopColor, s.backgroundColor,"
        " s.fontWeight, s.fontSize, s.lineHeight, s.padding]; }"
    )
    backup_button = page.get_by_role("button", name="Download a backup")
    restore_field = page.get_by_label("Restore from a backup")
    expect(restore_field).to_be_visible()  # the box shows once study-backup.js has wired it
    assert restore_field.evaluate(look.replace("ARG", "'::file-selector-button'")) == backup_button.evaluate(
        look.replace("ARG", "null")
    )
    assert restore_field.bounding_box()["height"] == pytest.approx(backup_button.bounding_box()["height"], abs=1)
    context.close()


def test_on_a_wide_screen_the_backups_controls_share_their_bottom_line(server, watched):
    """The restore field's label above it set it 20 px lower than "Download a backup",
    centred beside it, and the review log's link between the two."""
    page = watched.page
    page.goto(server + "/progress-format/")
    controls = [page.get_by_role("button", name="Download a backup"), page.get_by_label("Restore from a backup"),
                page.get_by_role("button", name="Download the review log (CSV)")]
    expect(controls[1]).to_be_visible()  # the box shows once study-backup.js has wired it
    boxes = [control.bounding_box() for control in controls]
    first_row = [box for box in boxes if box["y"] < boxes[0]["y"] + boxes[0]["height"]]  # the link may wrap
    assert len(first_row) >= 2
    bottoms = [box["y"] + box["height"] for box in first_row]
    assert max(bottoms) - min(bottoms) <= 1, bottoms


def test_on_the_smallest_phone_the_restore_field_and_its_focus_ring_fit_the_screen(browser: Browser, server):
    """Drawn at the text's size, the field was 303 px wide, past the 288 px of text and,
    with the keyboard's focus ring, past the 320 px screen."""
    context = browser.new_context(viewport={"width": 320, "height": 568}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "/progress-format/")
    restore_field = page.get_by_label("Restore from a backup")
    expect(restore_field).to_be_visible()  # the box shows once study-backup.js has wired it
    restore_field.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focused from the keyboard: its ring shows
    expect(restore_field).to_be_focused()
    right = restore_field.evaluate(
        "e => { const s = getComputedStyle(e); return e.getBoundingClientRect().right"
        " + parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth); }"
    )
    assert right <= 320
    context.close()


# --- Failed writes, persistence, the reminder -------------------------------------------


def test_every_control_shows_a_failed_save(browser: Browser, server):
    context = browser.new_context()
    page = context.new_page()
    context.add_init_script(FAIL_EVERY_WRITE)
    open_deck(page, server)
    alert, options_alert = page.locator(".flashcards-alert"), page.locator(".flashcards-options-alert")

    def shows(text: str, where=alert) -> None:
        expect(where).to_contain_text(text)
        expect(where).to_contain_text("this browser refused to store it")

    # An option's, under the options: on a phone's screen with them (test_phones.py).
    page.get_by_label("Cards", exact=True).select_option(index=1)
    shows("The choice of cards was not saved", options_alert)
    page.get_by_label("The term of a definition").check()
    shows("The direction was not saved", options_alert)
    set_new_cards_a_day(page, 5)
    shows("The number of new cards a day was not saved", options_alert)
    grade(page)
    shows("This grade was not saved")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset flashcard progress").click()
    shows("The reset was not saved")
    backup_alert = page.locator(".study-backup [role=alert]")
    download(page, "Download a backup")
    shows("Backup downloaded. The time of this backup was not saved", backup_alert)  # the file is saved
    page.goto(server + "/lessons/05-storage/")
    page.get_by_role("button", name="Mark as done").click()
    shows("The done mark was not saved", page.locator(".lesson-done [role=alert]").first)  # under the button pressed
    context.close()


def test_an_option_whose_save_failed_is_stored_with_the_next_save_and_its_message_goes(browser: Browser, server):
    """A failed save is kept for the visit and stored by the next one that succeeds: the
    progress merged in, and the options as chosen here (mergeInto carries no option)."""
    context = browser.new_context()
    page = context.new_page()
    context.add_init_script(
        "const setItem = Storage.prototype.setItem; Storage.prototype.setItem = function (...args) {"
        " if (window.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');"
        " return setItem.apply(this, args); };"
    )
    open_deck(page, server)
    grade(page)  # something stored, which the next write reads back
    page.evaluate("window.failWrites = true")
    page.get_by_label("The term of a definition").check()
    options_alert = page.locator(".flashcards-options-alert")
    expect(options_alert).to_contain_text("The direction was not saved")
    page.evaluate("window.failWrites = false")
    grade(page)
    expect(options_alert).to_have_text("")
    expect(page.locator(".flashcards-alert")).to_have_text("")
    assert study(page)["settings"]["direction"] == "reverse"
    context.close()


def test_a_failed_restore_says_so_and_changes_nothing(browser: Browser, server):
    context = browser.new_context()
    page = context.new_page()
    open_deck(page, server)
    grade(page)
    _, good = download(page, "Download a backup")
    page.evaluate("localStorage.clear()")
    context.add_init_script("window.workingSetItem = Storage.prototype.setItem;" + FAIL_EVERY_WRITE)
    open_deck(page, server)
    restore(page, "mine.json", good)
    alert = page.locator(".study-backup [role=alert]")
    expect(alert).to_contain_text('The backup "mine.json" was not saved: this browser refused to store it')
    expect(alert).to_contain_text("Nothing was changed.")
    assert storage(page) == {}
    # Nor is it stored by the next write that works, as a grade's failed write is.
    page.evaluate("Storage.prototype.setItem = window.workingSetItem; true")
    mine = grade(page)  # the card the backup holds, as this browser starts afresh
    assert [review["card_id"] for review in study(page)["reviews"]] == [mine]  # the backup's review is not
    context.close()


@pytest.mark.parametrize("script", ["study-data.js", "study-backup.js"])
def test_a_study_script_that_does_not_arrive_is_said_where_its_controls_would_be(browser: Browser, server, script: str):
    """A dropped connection can lose one of the study data's scripts: each page says so
    where its controls would be (no empty space, no half-working deck), the flashcards
    are a list to read again, and nothing stored is touched."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    open_deck(page, server)
    grade(page)
    page.goto(server + "/lessons/05-storage/")
    page.get_by_role("button", name="Mark as done").click()
    kept = storage(page)
    context.route(f"**/javascripts/{script}", lambda route: route.abort())
    again = " Reload the page to try again: your stored progress is kept."

    page.goto(server + "/flashcards/")
    flashcards = page.locator(".flashcards")
    expect(flashcards.locator(".study-unavailable")).to_have_text(
        "The study session could not be loaded, so here the cards are a list to read." + again
    )
    expect(flashcards).not_to_have_class(re.compile("is-studying"))
    expect(flashcards.locator(".flashcard").last).to_be_visible()
    expect(page.get_by_role("button", name="Show answer")).to_be_hidden()
    assert flashcards.locator(".study-backup").evaluate("box => getComputedStyle(box).display") == "none"  # no empty room

    page.goto(server + "/")
    if script == "study-data.js":
        expect(page.locator(".course-progress [role=alert]")).to_have_text("Your progress could not be loaded." + again)
        page.goto(server + "/lessons/05-storage/")
        box = page.locator(".lesson-done").first
        expect(box.get_by_role("alert")).to_have_text(
            "Your progress could not be loaded, so this lesson cannot be marked as done for now." + again
        )
        expect(box.get_by_role("button", name="Mark as done")).to_be_disabled()
    else:  # the progress shows; only backup and restore are missing
        expect(page.locator(".course-progress")).to_contain_text("You have marked 1 of")
        expect(page.locator(".study-backup [role=alert]")).to_have_text("Backup and restore could not be loaded." + again)
    page.goto(server + "/progress-format/")  # the study data page's backup, alone on its page
    lone = page.locator(".study-backup")
    expect(lone.get_by_role("alert")).to_have_text(
        ("Your progress could not be loaded, so it cannot be backed up or restored for now." if script == "study-data.js" else "Backup and restore could not be loaded.") + again
    )
    expect(page.get_by_role("button", name="Download a backup")).to_have_count(0)
    assert storage(page) == kept
    context.close()


def test_persistent_storage_is_asked_for_at_the_first_grade_or_done_mark_not_on_load(browser: Browser, server):
    context = browser.new_context()
    context.add_init_script(
        "window.persistAsked = 0;"
        "navigator.storage.persisted = () => Promise.resolve(false);"
        "navigator.storage.persist = () => { window.persistAsked += 1; return Promise.resolve(true); };"
    )
    page = context.new_page()
    open_deck(page, server)
    page.get_by_role("button", name="Show answer").click()
    assert page.evaluate("window.persistAsked") == 0
    page.keyboard.press("3")
    page.wait_for_function("window.persistAsked === 1")
    grade(page)
    assert page.evaluate("window.persistAsked") == 1
    page.goto(server + "/lessons/02-what-are-design-fundamentals/")
    expect(page.get_by_role("button", name="Mark as done")).to_be_visible()
    assert page.evaluate("window.persistAsked") == 0
    page.get_by_role("button", name="Mark as done").click()
    page.wait_for_function("window.persistAsked === 1")
    context.close()


SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"


@pytest.mark.parametrize("safari", [False, True])
def test_a_week_without_a_backup_brings_a_quiet_reminder(browser: Browser, server, safari: bool):
    context = browser.new_context(**({"user_agent": SAFARI} if safari else {}))
    page = context.new_page()
    open_deck(page, server)
    reminder = page.locator(".study-backup-reminder")
    grade(page)
    expect(reminder).to_be_hidden()  # reviews, but for less than a week
    data = study(page)
    data["reviews"][0]["review_time"] -= 8 * DAY_MS
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(data)])
    for path in ("/flashcards/", "/"):
        page.goto(server + path)
        expect(reminder).to_be_visible()
        expect(reminder).to_contain_text("you have not saved a backup for a week")
        if safari:
            expect(reminder).to_contain_text("add this site to your Home Screen")
        else:
            expect(reminder).not_to_contain_text("Home Screen")
    _, backup = download(page, "Download a backup")
    expect(reminder).to_be_hidden()
    page.reload()
    expect(page.get_by_role("button", name="Download a backup")).to_be_visible()
    expect(reminder).to_be_hidden()
    # A fresh browser that restores this week's backup holds one: no reminder there.
    fresh = browser.new_context().new_page()
    open_deck(fresh, server)
    restore(fresh, "mine.json", backup)
    expect(fresh.locator(".study-backup [role=status]")).to_contain_text("Restored from")
    expect(fresh.locator(".study-backup-reminder")).to_be_hidden()
    fresh.reload()
    expect(fresh.get_by_role("button", name="Download a backup")).to_be_visible()
    expect(fresh.locator(".study-backup-reminder")).to_be_hidden()
    fresh.context.close()
    context.close()


# --- The study flow ---------------------------------------------------------------------


def test_new_cards_a_day_are_limited_and_the_setting_is_kept(watched, server):
    page, total = watched.page, len(sources().entries)
    open_deck(page, server)
    expect(page.get_by_label("New cards a day")).to_have_value(str(NEW_PER_DAY))
    expect(page.locator(".flashcards-counts")).to_have_text(f"Due now: 0 · Later today: 0 · New: {min(total, NEW_PER_DAY)}")
    set_new_cards_a_day(page, 2)
    expect(page.locator(".flashcards-counts")).to_have_text("Due now: 0 · Later today: 0 · New: 2")
    grade(page, "4")
    grade(page, "4")  # Easy: due in days, so none is shown ahead of time
    expect(page.locator(".flashcards-counts")).to_have_text("Due now: 0 · Later today: 0 · New: 0")
    expect(page.locator(".flashcards-finished")).to_contain_text(
        f'{total - 2} new cards wait for the next days (2 a day: raise "New cards a day" to study more now).'
    )
    page.reload()
    expect(page.get_by_label("New cards a day")).to_have_value("2")
    assert study(page)["settings"]["new_per_day"] == 2
    assert watched.errors == []


def test_due_now_is_told_apart_from_later_today(watched, server):
    page, total = watched.page, len(sources().entries)
    terms = [e.id for e in sources().entries]
    seed(page, server, {})
    now = now_ms(page)
    data = {
        "version": 2, "reviews": [], "done": {}, "last_backup": None,
        "settings": {"filter": "", "direction": "forward", "new_per_day": NEW_PER_DAY},
        "cards": {terms[0]: a_card(now - 60_000, now - DAY_MS), terms[1]: a_card(now + 10 * 60_000, now - DAY_MS)},
    }
    seed(page, server, {KEY: json.dumps(data)})
    open_deck(page, server)
    later = 1 if page.evaluate("new Date().getHours() * 60 + new Date().getMinutes()") < 23 * 60 + 49 else 0
    expect(page.locator(".flashcards-counts")).to_have_text(f"Due now: 1 · Later today: {later} · New: {min(total - 2, NEW_PER_DAY)}")
    assert page.locator(CURRENT).get_attribute("data-term") == terms[0]
    assert watched.errors == []


@pytest.mark.parametrize("width", [1280, 1600, 1920])
def test_the_four_grades_sit_side_by_side(browser: Browser, server, width: int):
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    open_deck(page, server)
    page.get_by_role("button", name="Show answer").click()
    boxes = [button.bounding_box() for button in page.locator("[data-grade]").all()]
    assert len({round(box["y"]) for box in boxes}) == 1, boxes
    assert [box["x"] for box in boxes] == sorted(box["x"] for box in boxes)
    context.close()


def test_the_finished_message_has_no_gap_above_it(watched, server):
    page = watched.page
    open_deck(page, server)
    set_new_cards_a_day(page, 0)
    expect(page.locator(".flashcards-finished")).to_contain_text("Nothing more to study here today")
    gap = page.evaluate(
        "document.querySelector('.flashcards-finished').getBoundingClientRect().top"
        " - document.querySelector('.flashcards-counts').getBoundingClientRect().bottom"
    )
    assert gap < 3 * 16, gap  # a few lines' margins, not a card's room (about 200 px)


def test_the_store_loads_only_on_pages_that_use_it(watched, server):
    page = watched.page
    loaded = []
    page.on("request", lambda request: "/javascripts/study-" in request.url and loaded.append(request.url))
    for path in ("/glossary/", "/learning-path/", "/lessons/20-rate-limiting/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert loaded == []
    for path, backup in (("/", True), ("/lessons/01-introduction/", False), ("/flashcards/", True)):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert any(url.endswith("/javascripts/study-data.js") for url in loaded), path
        assert any(url.endswith("/javascripts/study-backup.js") for url in loaded) == backup, path
        loaded.clear()
    assert watched.errors == [] and watched.off_origin == []


def test_what_a_failed_write_left_is_saved_before_a_new_versions_reload(browser: Browser, server):
    """offline.js announces the reload with `notes:before-reload`; the store saves then,
    or cancels the event (the page stays and says so) while it still cannot."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(
        "const realSetItem = Storage.prototype.setItem; window.refuse = true;"
        "Storage.prototype.setItem = function (k, v) {"
        " if (window.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');"
        " return realSetItem.call(this, k, v); };"
    )
    page = context.new_page()
    open_deck(page, server)
    term = grade(page)
    announce = "!window.dispatchEvent(new Event('notes:before-reload', { cancelable: true }))"
    assert page.evaluate(announce) is True  # still refused: the reload waits
    assert KEY not in storage(page)
    page.evaluate("window.refuse = false")
    assert page.evaluate(announce) is False  # saved: the reload may go on
    assert term in study(page)["cards"]
    context.close()
