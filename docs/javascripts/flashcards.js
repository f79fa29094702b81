// The flashcards page: study the deck that the term engine writes (one
// .flashcard[data-term] per glossary term, see notes_site/flashcards.py), scheduled by
// FSRS as in Anki. Progress stays in this browser (study-data.js); nothing is sent.
//
// An ES module (the page's front matter `scripts:`): it runs once per page load and sets
// the page up on Material's `document$`, which would also fire at each page change were
// `navigation.instant` on (it is off, see mkdocs.yml).
import { createEmptyCard, fsrs, Rating, State, StrategyMode, TypeConvert } from "./vendor/ts-fsrs.js";
import { openStore } from "./study-data.js";
import { wireBackup } from "./study-backup.js";

const GRADES = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };
// As in Anki: a card in its learning steps (due in minutes) is shown early rather
// than making the reader wait, once nothing else is left.
const LEARN_AHEAD_MS = 20 * 60 * 1000;
// What the backup line says after a reset, here or in another tab.
// A reset cannot be undone: the question names the way to keep a copy first.
const RESET_QUESTION = "Forget what you have studied on every flashcard? This cannot be undone. To keep a copy, cancel and press Download a backup first.";
const RESET = "Flashcard progress reset: every card is new again. A backup made before the reset brings it back.";
// Longer than any system's double-click time: a second click after the answer showed.
const DOUBLE_CLICK_MS = 1000;
// Too soon after the answer showed to have read it: Space or Enter pressed twice in a
// row (a deliberate grade by a reader who knows the card comes later than this).
const SECOND_PRESS_MS = 300;
// Why the card on screen gave way to the next, without a grade here.
const GRADED_ELSEWHERE = "The card that was on screen was graded in another tab, so here is the next one.";
const RESET_ELSEWHERE = "Flashcard progress was reset in another tab: every card is new again. A backup made before the reset brings it back.";

let session = null; // the flashcards page on screen, if it is

// One listener each on the document, not the page: with instant navigation the document
// would outlive it. The clicks are heard first (capture), to drop a double click's second.
document.addEventListener("keydown", (event) => session && session.onKey(event));
document.addEventListener("click", (event) => session && session.onClick(event), true);

window.document$.subscribe(() => {
  const root = document.querySelector("[data-flashcards]");
  if (!root) session = null;
  else if (!session || session.root !== root) session = study(root); // new content: set it up
});

// --- The study session of one page ------------------------------------------

function study(root) {
  const find = (selector) => root.querySelector(selector);
  const cards = [...root.querySelectorAll(".flashcard[data-term]")];
  const deck = find(".flashcard-deck");
  const filter = find("#flashcards-filter");
  const newPerDay = find("#flashcards-new-per-day");
  const counts = find(".flashcards-counts");
  const reveal = find("[data-reveal]");
  const grades = find(".flashcards-grades");
  const finished = find(".flashcards-finished");
  const alert = find(".flashcards-alert");
  const newPerDayAlert = find(".flashcards-new-per-day-alert"); // by its field, on a phone's screen with it
  const optionsAlert = find(".flashcards-options-alert"); // an option's failed save, under the options
  const options = find(".flashcards-options");
  const optionsToggle = find(".flashcards-options-toggle"); // a phone's: the choices fold
  const chosen = find(".flashcards-options-chosen");
  const store = openStore();
  // This tab's view: another tab's choice of cards or direction does not move it.
  const view = { ...store.data.settings };
  let current = null;
  let shown = null; // the current card's progress when it was shown, to see another tab grade it
  let revealedAt = 0;

  const lessons = lessonsOf(cards);
  fillFilter(filter, lessons, cards.length);
  // A lesson's "Study this lesson's terms" link (?lesson=N) chooses its cards for this
  // visit: the reader's own choice stays stored, for the next visit from the menu.
  const linked = new URLSearchParams(location.search).get("lesson");
  if (lessons.has(linked)) view.filter = `lesson:${linked}`;
  filter.value = [...filter.options].some((o) => o.value === view.filter) ? view.filter : "";
  showChosen();
  const direction = find(`input[name="flashcards-direction"][value="${view.direction}"]`);
  if (direction) direction.checked = true;
  newPerDay.value = store.data.settings.new_per_day;

  root.classList.add("is-studying"); // the page's inline script did, unless it was left out
  root.dataset.direction = view.direction;
  deck.setAttribute("aria-live", "polite"); // a screen reader hears each question and answer
  tell(null);

  // A card's progress, per direction: the reverse card is a card of its own, as in Anki.
  const reverse = () => view.direction === "reverse";
  const keyOf = (card) => card.dataset.term + (reverse() ? ":reverse" : "");
  const saved = (card) => store.data.cards[keyOf(card)];

  // Where the focus goes when no card is left: the choice of cards, or on a phone with
  // the options folded, the button that unfolds them (a hidden list takes no focus).
  function firstOption() {
    return filter.getClientRects().length ? filter : optionsToggle;
  }

  // The cards chosen, on the line that a phone's folded choices leave.
  function showChosen() {
    chosen.textContent = `Cards: ${filter.selectedOptions[0].text}`;
  }

  // A failed write, or else what the reader must know about the stored data.
  function tell(text) {
    alert.textContent = text || store.notices.join(" ");
  }

  function selected() {
    const colon = view.filter.indexOf(":"); // "lesson:12", "section:Databases" or "" for all
    const kind = view.filter.slice(0, colon), value = view.filter.slice(colon + 1);
    if (kind === "lesson") return cards.filter((card) => card.dataset.lesson === value);
    if (kind === "section") return cards.filter((card) => lessons.get(card.dataset.lesson).section === value);
    return cards;
  }

  // New cards first seen today in this direction, from the review log: the daily limit.
  function newSeenToday(now) {
    const startOfDay = new Date(now).setHours(0, 0, 0, 0);
    return store.data.reviews.filter(
      (r) => r.review_state === State.New && r.review_time >= startOfDay && r.card_id.endsWith(":reverse") === reverse(),
    ).length;
  }

  // Due cards, earliest first; then today's new ones in course order; then learning steps ahead.
  function plan(now) {
    const endOfDay = new Date(now).setHours(24, 0, 0, 0);
    const due = [], fresh = [], ahead = [];
    let laterToday = 0;
    for (const card of selected()) {
      const progress = saved(card);
      if (!progress) {
        fresh.push(card);
        continue;
      }
      const at = new Date(progress.due).getTime();
      if (at <= now) due.push({ at, card });
      else {
        ahead.push({ at, card });
        if (at <= endOfDay) laterToday += 1;
      }
    }
    const byTime = (a, b) => a.at - b.at;
    due.sort(byTime);
    ahead.sort(byTime);
    fresh.sort((a, b) => a.dataset.lesson - b.dataset.lesson || a.dataset.order - b.dataset.order); // as the lessons teach them
    const allowed = Math.max(0, store.data.settings.new_per_day - newSeenToday(now));
    const today = fresh.slice(0, allowed);
    const soon = ahead.filter((item) => item.at - now <= LEARN_AHEAD_MS);
    const next = due[0] || (today[0] && { card: today[0] }) || soon[0];
    return { next: next && next.card, dueNow: due.length, laterToday, fresh: today.length, held: fresh.length - today.length, later: ahead[0] };
  }

  function showCounts(now) {
    const { dueNow, laterToday, fresh } = plan(now);
    counts.textContent = `Due now: ${dueNow} · Later today: ${laterToday} · New: ${fresh}`;
  }

  function showNext() {
    const now = Date.now();
    const { next, held, later } = plan(now);
    showCounts(now);
    if (current) current.classList.remove("is-current", "is-revealed");
    current = next || null;
    shown = current ? JSON.stringify(saved(current)) : null;
    grades.hidden = true;
    reveal.hidden = !current;
    root.classList.toggle("is-finished", !current); // no room kept for a card
    if (current) {
      current.classList.add("is-current");
      finished.textContent = "";
    } else {
      // Where the limit holds them (a reset forgets the cards, not the day's reviews), how to study more.
      const limit = held
        ? ` ${held} new cards wait for the next days (${store.data.settings.new_per_day} a day: raise "New cards a day" to study more now).`
        : "";
      finished.textContent = later
        ? `Nothing more to study here for now.${limit} The next card is due ${when(later.at, now)}.`
        : `Nothing ${held ? "more " : ""}to study here${held ? " today" : ""}.${limit}`;
    }
  }

  function showAnswer() {
    if (!current || current.classList.contains("is-revealed")) return;
    const now = new Date();
    const preview = schedulerOf(keyOf(current)).repeat(progressOf(saved(current), now), now);
    for (const button of grades.querySelectorAll("[data-grade]")) {
      const due = preview[GRADES[button.dataset.grade]].card.due;
      button.querySelector(".flashcards-interval").textContent = interval(due - now);
    }
    current.classList.add("is-revealed");
    revealedAt = now.getTime();
    reveal.hidden = true;
    grades.hidden = false;
    grades.classList.add("is-unhovered"); // until the pointer moves: no grade looks chosen
    grades.querySelector('[data-grade="3"]').focus(); // then Space or Enter means Good, as in Anki
  }

  function grade(number) {
    if (!current || !current.classList.contains("is-revealed")) return;
    const now = new Date(), key = keyOf(current);
    // From the card as stored now: another tab may have graded it since it was shown.
    remember("This grade", (data) => {
      const before = progressOf(data.cards[key], now);
      data.cards[key] = schedulerOf(key).next(before, now, GRADES[number]).card;
      data.reviews.push({
        card_id: key,
        review_time: now.getTime(),
        review_rating: number,
        review_state: before.state,
        review_duration: now.getTime() - revealedAt,
      });
    });
    store.askToPersist();
    showNext();
    (current ? reveal : firstOption()).focus();
  }

  function progressOf(progress, now) {
    return progress ? TypeConvert.card(progress) : createEmptyCard(now);
  }

  // A save's failure is said where its control is: under the options for an option, on
  // a phone's screen with them, under the card for the rest. Once a save succeeds, what
  // earlier failed saves left out is stored too (study-data.js), so neither says it.
  function remember(what, change, near = alert) {
    const failed = store.update(what, change);
    if (failed && near === optionsAlert) {
      optionsAlert.textContent = failed;
      // Unfolded on a small phone, the options fill the screen and the alert is under them.
      optionsAlert.scrollIntoView({ block: "nearest" });
    } else tell(failed);
    if (!failed) optionsAlert.textContent = "";
    return failed;
  }

  function onKey(event) {
    if (!root.isConnected || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : document.body;
    if (target.closest("textarea, [contenteditable], input:not([type=radio])")) return; // typing, e.g. a search
    if (event.repeat && (event.key === " " || event.key === "Enter") && (target === document.body || root.contains(target))) {
      // A key held down: its first press showed the answer and put the focus on "Good",
      // which its repeats would press, a grade made unseen in a tenth of a second.
      event.preventDefault();
      return;
    }
    const revealed = current && current.classList.contains("is-revealed");
    const onDeck = target === document.body || root.contains(target);
    if ((event.key === " " || event.key === "Enter") && revealed && onDeck && Date.now() - revealedAt < SECOND_PRESS_MS) {
      // The key pressed twice: its first press showed the answer and put the focus on
      // "Good", which the second would press, a grade made unseen.
      event.preventDefault();
      return;
    }
    if ((event.key === " " || event.key === "Enter") && !revealed) {
      // The focused control's own key: Enter follows a link or presses a button, Space
      // also picks a radio button or opens a list; on a choice, neither shows the answer
      // (Enter there, as if to confirm it, did, and put the focus on "Good").
      if (target.closest("a, button, summary, select, input")) return;
      event.preventDefault(); // Space would scroll
      showAnswer();
    } else if (gradeOf(event) && revealed) {
      event.preventDefault();
      grade(gradeOf(event));
    }
  }

  // A grade's number: the key's own, or the place of a key 1 to 4 on the top row or the
  // keypad, where the top row gives other characters (AZERTY: "&", "é", '"', "'").
  function gradeOf(event) {
    if (GRADES[event.key]) return Number(event.key);
    const place = /^(?:Digit|Numpad)([1-4])$/.exec(event.code);
    return place ? Number(place[1]) : 0;
  }

  // The second click of a double click (or tap) on "Show answer" lands on what took its
  // place: "Again", or a link of the answer. It is no grade, and no way off the page.
  // (The page may have scrolled to "Good" in between: anywhere on it, for a moment.)
  function onClick(event) {
    if (event.detail < 2 || Date.now() - revealedAt > DOUBLE_CLICK_MS) return;
    event.preventDefault();
    event.stopPropagation();
  }
  reveal.addEventListener("click", showAnswer);
  grades.addEventListener("pointermove", (event) => {
    if (event.movementX || event.movementY) grades.classList.remove("is-unhovered");
  });
  grades.addEventListener("click", (event) => {
    const button = event.target.closest("[data-grade]");
    if (button) grade(Number(button.dataset.grade));
  });
  optionsToggle.addEventListener("click", () => {
    const unfolded = options.classList.toggle("is-unfolded");
    optionsToggle.setAttribute("aria-expanded", String(unfolded));
  });
  filter.addEventListener("change", () => {
    view.filter = filter.value;
    if (linked !== null) {
      // The reader's own choice now, stored: a reload keeps it, not the link's.
      const url = new URL(location.href);
      url.searchParams.delete("lesson");
      history.replaceState(history.state, "", url);
    }
    showChosen();
    remember("The choice of cards", (data) => (data.settings.filter = view.filter), optionsAlert);
    showNext();
  });
  root.addEventListener("change", (event) => {
    if (event.target.name !== "flashcards-direction") return;
    view.direction = root.dataset.direction = event.target.value;
    remember("The direction", (data) => (data.settings.direction = view.direction), optionsAlert);
    showNext();
  });
  newPerDay.addEventListener("change", () => {
    const value = newPerDay.value.trim() === "" ? NaN : Number(newPerDay.value); // Number("") is 0
    const refused = !Number.isInteger(value) || value < 0;
    // The number still in force goes back in the field, which so stays valid (not
    // aria-invalid); the alert beside it says why, heard as it appears.
    newPerDayAlert.textContent = refused ? "Write a whole number, 0 or more." : "";
    if (refused) {
      newPerDay.value = store.data.settings.new_per_day;
      return;
    }
    newPerDay.value = value; // as it is kept: "1e1" or "010" is 10
    remember("The number of new cards a day", (data) => (data.settings.new_per_day = value), optionsAlert);
    if (!current || !current.classList.contains("is-revealed")) showNext();
  });
  find("[data-reset]").addEventListener("click", () => {
    if (!confirm(RESET_QUESTION)) return;
    const failed = remember("The reset", (data) => (data.cards = {}));
    // "Backup downloaded." would read as if it held the cards just forgotten.
    backup.say(failed ? "" : RESET);
    showNext();
  });
  // Another tab graded or restored: new counts, and a new card if this one was graded there.
  store.watch(root, (data, before, failed) => {
    if (failed) tell(failed);
    // The number is the reader's, not this tab's view: in force here at once, so shown.
    if (document.activeElement !== newPerDay) newPerDay.value = data.settings.new_per_day;
    // As after a reset here: this tab's "Backup downloaded." would read as if it held them.
    if (Object.keys(before.cards).length && !Object.keys(data.cards).length) backup.say(RESET_ELSEWHERE);
    if (current && JSON.stringify(saved(current)) !== shown) {
      const gradedThere = Boolean(saved(current)); // not a reset, which the backup line says
      // On a grade, or a link of the answer: both go with the card.
      const focusOnCard = grades.contains(document.activeElement) || current.contains(document.activeElement);
      showNext();
      if (gradedThere && !failed) tell(GRADED_ELSEWHERE);
      if (focusOnCard) (current ? reveal : firstOption()).focus(); // as after a grade here: not lost to the page
    } else showCounts(Date.now());
  });

  const backup = wireBackup(find("[data-study-backup]"), showNext);
  showNext();
  root.classList.add("is-ready"); // the controls work from now on
  return { root, onKey, onClick };
}

// --- Scheduling ---------------------------------------------------------------

// FSRS with fuzz, so that cards learnt together drift apart. ts-fsrs seeds the fuzz with
// the time of the review to the millisecond, so the interval a grade button shows (worked
// out when the answer shows) would not be the one that grade schedules a moment later:
// here the seed is the card, its review count and its memory state, as they are then.
function schedulerOf(key) {
  return fsrs({ enable_fuzz: true }).useStrategy(StrategyMode.SEED, function () {
    const { reps, difficulty, stability } = this.current;
    return `${key}_${reps}_${difficulty * stability}`;
  });
}

// --- Lessons and sections ---------------------------------------------------

// Each lesson of the deck: its number, title, and the nav section it sits in, read
// from Material's navigation on this page (so the nav in mkdocs.yml stays the one
// place that groups the lessons).
function lessonsOf(cards) {
  const sections = new Map();
  for (const link of document.querySelectorAll(".md-nav--primary .md-nav__item--section a.md-nav__link[href]")) {
    const item = link.closest(".md-nav__item--section");
    const label = item.querySelector(":scope > .md-nav__link");
    if (label) sections.set(withoutHash(link.href), label.textContent.replace(/\s+/g, " ").trim());
  }
  const lessons = new Map();
  for (const card of cards) {
    if (lessons.has(card.dataset.lesson)) continue;
    const link = card.querySelector(".flashcard-lesson a");
    lessons.set(card.dataset.lesson, {
      number: Number(card.dataset.lesson),
      title: link ? link.textContent.trim() : `Lesson ${card.dataset.lesson}`,
      section: (link && sections.get(withoutHash(link.href))) || "",
      size: 0,
    });
  }
  for (const card of cards) lessons.get(card.dataset.lesson).size += 1;
  return new Map([...lessons].sort((a, b) => a[1].number - b[1].number));
}

function fillFilter(select, lessons, total) {
  select.replaceChildren(new Option(`All lessons (${total})`, ""));
  const groups = new Map();
  for (const lesson of lessons.values()) {
    if (!groups.has(lesson.section)) groups.set(lesson.section, []);
    groups.get(lesson.section).push(lesson);
  }
  for (const [section, members] of groups) {
    const options = members.map((l) => new Option(`${l.title} (${l.size})`, `lesson:${l.number}`));
    if (!section) {
      select.append(...options);
      continue;
    }
    const group = document.createElement("optgroup");
    group.label = section;
    const size = members.reduce((sum, l) => sum + l.size, 0);
    group.append(new Option(`All of ${section} (${size})`, `section:${section}`), ...options);
    select.append(group);
  }
}

function withoutHash(href) {
  const url = new URL(href);
  url.hash = "";
  return url.href;
}

// --- Words for times ----------------------------------------------------------

function interval(ms) {
  const minutes = Math.max(1, Math.round(ms / 60000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h`;
  const days = Math.round(minutes / (24 * 60));
  if (days < 31) return `${days} d`;
  if (days < 365) return `${(days / 30).toFixed(1)} mo`;
  return `${(days / 365).toFixed(1)} y`;
}

function when(at, now) {
  if (at - now < 24 * 60 * 60 * 1000) return `in ${interval(at - now)}`;
  return `on ${new Date(at).toLocaleDateString(undefined, { weekday: "long", month: "long", day: "numeric" })}`;
}
