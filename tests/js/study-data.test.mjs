// The study data's rules in Node (`node --test tests/js/`, run by tests/test_study_data_js.py):
// merging backups and tabs, reading stored values, checking backup files.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  emptyData, mergeInto, missedBy, putBackMissed, readBackup, readStored, storedText, toBackup, toRevlogCsv, REVLOG_COLUMNS,
} from "../../docs/javascripts/study-format.js";
import { restored } from "../../docs/javascripts/study-backup.js";

const card = (lastReview, due = lastReview) => ({
  due, stability: 2.3, difficulty: 5.1, elapsed_days: 0, scheduled_days: 0, learning_steps: 1,
  reps: 1, lapses: 0, state: 1, last_review: lastReview,
});
const review = (id, time, rating = 3) => ({ card_id: id, review_time: time, review_rating: rating, review_state: 0, review_duration: 1500 });
const copy = (value) => JSON.parse(JSON.stringify(value));

function sample() {
  const data = emptyData();
  data.cards.latency = card("2026-11-02T10:00:00.000Z");
  data.cards["latency:reverse"] = card("2026-11-01T10:00:00.000Z");
  data.reviews.push(review("latency:reverse", Date.parse("2026-11-01T10:00:00Z")), review("latency", Date.parse("2026-11-02T10:00:00Z")));
  data.done["6"] = { done: true, changed: "2026-11-02T09:00:00.000Z" };
  return data;
}

// A backup as a fresh browser reads it from the file.
const viaFile = (data) => readBackup(JSON.stringify(toBackup(data, new Date("2026-11-03T00:00:00Z"), "Europe/Paris"))).data;

test("a backup restored into an empty browser gives back all it holds", () => {
  const ours = emptyData();
  assert.deepEqual(mergeInto(ours, viaFile(sample())), { cards: 2, reviews: 2, done: 1 });
  const { cards, reviews, done } = sample();
  assert.deepEqual({ cards: ours.cards, reviews: ours.reviews, done: ours.done }, { cards, reviews, done });
});

test("restoring the same file twice changes nothing the second time", () => {
  const ours = emptyData();
  mergeInto(ours, viaFile(sample()));
  const once = copy(ours);
  assert.deepEqual(mergeInto(ours, viaFile(sample())), { cards: 0, reviews: 0, done: 0 });
  assert.deepEqual(ours, once);
});

test("an older file never undoes newer work: per card and per lesson the later change wins", () => {
  const older = sample();
  const ours = sample();
  ours.cards.latency = card("2026-11-05T10:00:00.000Z", "2026-11-20T10:00:00.000Z");
  ours.reviews.push(review("latency", Date.parse("2026-11-05T10:00:00Z"), 4));
  ours.done["6"] = { done: false, changed: "2026-11-05T09:00:00.000Z" }; // taken off since
  older.cards.throughput = card("2026-11-01T08:00:00.000Z"); // only in the file: taken
  const newer = copy(ours);
  assert.deepEqual(mergeInto(ours, viaFile(older)), { cards: 1, reviews: 0, done: 0 });
  assert.deepEqual(ours.cards.latency, newer.cards.latency);
  assert.deepEqual(ours.done, newer.done);
  assert.equal(ours.reviews.length, 3);
  assert.deepEqual(ours.cards.throughput, older.cards.throughput);
});

test("a newer file wins per card, its reviews join ours once and in time order", () => {
  const ours = sample();
  const theirs = sample();
  theirs.cards["latency:reverse"] = card("2026-11-04T10:00:00.000Z");
  theirs.reviews.push(review("latency:reverse", Date.parse("2026-11-04T10:00:00Z"), 1));
  ours.reviews.push(review("latency", Date.parse("2026-11-03T10:00:00Z"), 2));
  assert.deepEqual(mergeInto(ours, viaFile(theirs)), { cards: 1, reviews: 1, done: 0 });
  assert.deepEqual(ours.cards["latency:reverse"], theirs.cards["latency:reverse"]);
  assert.deepEqual(ours.reviews.map((r) => r.review_time), [...ours.reviews.map((r) => r.review_time)].sort());
  assert.equal(ours.reviews.length, 4);
});

test("bad files are refused with the problem named", () => {
  const good = JSON.stringify(toBackup(sample(), new Date(), "UTC"));
  const refused = {
    "not JSON": ["hello", /not JSON/],
    truncated: [good.slice(0, good.length / 2), /cut short/],
    "another format": [JSON.stringify({ format: "anki", version: 1 }), /not a backup of this site/],
    "a newer version": [good.replace('"version":1', '"version":2'), /newer version of this site \(version 2/],
    "a field missing": [good.replace('"reviews":', '"log":'), /no "reviews"/],
    "wrong types": [good.replace('"review_rating":3', '"review_rating":"good"'), /reviews\[0\]\.review_rating: not 1 to 4/],
    "a card of the wrong type": [good.replace('"stability":2.3', '"stability":"high"'), /cards\["latency"\]\.stability: not a number/],
    "done of the wrong type": [good.replace('"done":true', '"done":"yes"'), /done\["6"\]\.done/],
  };
  for (const [name, [text, problem]] of Object.entries(refused)) {
    const result = readBackup(text);
    assert.equal(result.data, undefined, name);
    assert.match(result.problem, problem, name);
  }
  assert.ok(readBackup(good).data);
});

test("the review log has the optimizer's columns and one row per review", () => {
  const lines = toRevlogCsv(sample().reviews).trimEnd().split("\n");
  assert.equal(lines[0], "card_id,review_time,review_rating,review_state,review_duration");
  assert.deepEqual(REVLOG_COLUMNS, lines[0].split(","));
  assert.equal(lines.length, 1 + sample().reviews.length);
  assert.equal(lines[1], `latency:reverse,${Date.parse("2026-11-01T10:00:00Z")},3,0,1500`);
});

test("the stored log is in rows, read back as the same reviews", () => {
  const text = storedText(sample());
  assert.deepEqual(JSON.parse(text).reviews[0], ["latency:reverse", Date.parse("2026-11-01T10:00:00Z"), 3, 0, 1500]);
  assert.deepEqual(readStored(text), { kind: "current", data: sample(), problems: [] });
  assert.ok(text.length < JSON.stringify(sample()).length);
});

test("stored values: current, the first version migrated, newer left alone, damaged salvaged", () => {
  assert.equal(readStored(null).kind, "empty");
  assert.equal(readStored(JSON.stringify(sample())).kind, "current");
  const first = readStored(JSON.stringify({ version: 1, cards: { latency: card("2026-11-02T10:00:00.000Z") }, direction: "reverse" }));
  assert.equal(first.kind, "older");
  assert.deepEqual(Object.keys(first.data.cards), ["latency"]);
  assert.equal(first.data.settings.direction, "reverse");
  assert.equal(readStored(JSON.stringify({ version: 3 })).kind, "newer");
  const damaged = sample();
  delete damaged.cards.latency.stability;
  const read = readStored(JSON.stringify(damaged));
  assert.equal(read.kind, "unreadable");
  assert.deepEqual(Object.keys(read.data.cards), ["latency:reverse"]);
  assert.match(read.problems[0], /cards\["latency"\]: no stability/);
  assert.equal(readStored("{not json").kind, "unreadable");
});

// --- The store, with two tabs sharing one localStorage ---------------------------------

class FakeStorage {
  values = new Map();
  failing = false;
  getItem(key) {
    return this.values.has(key) ? this.values.get(key) : null;
  }
  setItem(key, value) {
    if (this.failing) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
    this.values.set(key, String(value));
  }
}

globalThis.localStorage = new FakeStorage();
// Each tab's "storage" listener, last opened last: a test calls it as the browser would.
const storageListeners = [];
globalThis.addEventListener = (type, listener) => type === "storage" && storageListeners.push(listener);
globalThis.__md_scope = new URL("https://example.org/notes/");
// Each import with its own query is a module of its own: a tab of its own.
let tabs = 0;
const openTab = async () => (await import(`../../docs/javascripts/study-data.js?tab=${(tabs += 1)}`)).openStore();
const grade = (id, time) => (data) => {
  data.cards[id] = card(new Date(time).toISOString());
  data.reviews.push(review(id, time));
};

test("two tabs writing in turn, each with a stale copy, lose nothing", async () => {
  localStorage.values.clear();
  const a = await openTab(), b = await openTab();
  assert.equal(b.update("B's choice", (data) => (data.settings.filter = "lesson:6")), null);
  assert.equal(a.update("A's grade", grade("latency", 1000)), null);
  assert.equal(b.update("B's grade", grade("throughput", 2000)), null);
  assert.equal(a.update("A's second grade", grade("availability", 3000)), null);
  const stored = readStored(localStorage.getItem("/notes/.systemsexpert.study")).data;
  assert.deepEqual(Object.keys(stored.cards).sort(), ["availability", "latency", "throughput"]);
  assert.deepEqual(stored.reviews.map((r) => r.card_id), ["latency", "throughput", "availability"]);
  assert.equal(stored.settings.filter, "lesson:6");
});

// Another tab's write that reaches this tab's storage only after this tab has written:
// that tab read a stale copy, so its value lacks this tab's last change.
const KEY = "/notes/.systemsexpert.study";
function writtenElsewhere(hear, data) {
  localStorage.setItem(KEY, storedText(data));
  hear({ key: KEY, newValue: storedText(data) });
}

test("a grade that another tab wrote over unseen is put back and stored", async () => {
  localStorage.values.clear();
  const a = await openTab(), hear = storageListeners.at(-1);
  assert.equal(a.update("A's grade", grade("latency", 1000)), null);
  a.update("A's done mark", (data) => (data.done["6"] = { done: true, changed: "2026-11-02T09:00:00.000Z" }));
  const stale = emptyData(); // B had not seen A's writes when it graded
  grade("throughput", 2000)(stale);
  writtenElsewhere(hear, stale);
  const stored = readStored(localStorage.getItem(KEY)).data;
  assert.deepEqual(stored.reviews.map((r) => r.card_id), ["latency", "throughput"]);
  assert.deepEqual(Object.keys(stored.cards).sort(), ["latency", "throughput"]);
  assert.equal(stored.done["6"].done, true);
  assert.deepEqual(a.data, stored);
});

test("a grade that another tab wrote over, not yet heard of, is put back by this tab's next write", async () => {
  localStorage.values.clear();
  const a = await openTab(), hear = storageListeners.at(-1);
  assert.equal(a.update("A's grade", grade("latency", 1000)), null);
  const stale = emptyData(); // B had not seen A's grade when it graded
  grade("throughput", 2000)(stale);
  localStorage.setItem(KEY, storedText(stale)); // in A's copy of the storage, its event still to come
  assert.equal(a.update("A's next grade", grade("availability", 3000)), null);
  const stored = () => readStored(localStorage.getItem(KEY)).data;
  assert.deepEqual(stored().reviews.map((r) => r.card_id), ["latency", "throughput", "availability"]);
  assert.deepEqual(Object.keys(stored().cards).sort(), ["availability", "latency", "throughput"]);
  hear({ key: KEY, newValue: storedText(stale) }); // the event, late: nothing more to put back
  assert.deepEqual(stored().reviews.map((r) => r.card_id), ["latency", "throughput", "availability"]);
});

test("a restore that could not be stored is not kept: the page says nothing was changed", async () => {
  localStorage.values.clear();
  const tab = await openTab();
  localStorage.failing = true;
  const restore = (data) => (data.done["6"] = { done: true, changed: "2026-11-02T09:00:00.000Z" });
  assert.match(tab.update("The backup", restore, { keepUnsaved: false }), /^The backup was not saved/);
  assert.deepEqual(tab.data.done, {});
  localStorage.failing = false;
  assert.equal(tab.update("A grade", grade("latency", 1000)), null);
  assert.deepEqual(readStored(localStorage.getItem(KEY)).data.done, {}); // not stored later either
});

test("a reset in another tab that had seen this tab's grades stays a reset", async () => {
  localStorage.values.clear();
  const a = await openTab(), hear = storageListeners.at(-1);
  a.update("A's grade", grade("latency", 1000));
  const reset = readStored(localStorage.getItem(KEY)).data;
  reset.cards = {};
  writtenElsewhere(hear, reset);
  assert.equal(localStorage.getItem(KEY), storedText(reset)); // nothing written back
  assert.deepEqual(a.data.cards, {});
});

test("what another tab missed: the reviews and later done marks, each review with its card if ours is later", () => {
  const ours = sample();
  const theirs = copy(ours);
  theirs.cards = {}; // reset there, after it had seen both of our reviews...
  ours.reviews.push(review("cache", Date.parse("2026-11-03T10:00:00Z"))); // ...but not this one
  ours.cards.cache = card("2026-11-03T10:00:00.000Z");
  ours.done["7"] = { done: true, changed: "2026-11-03T09:00:00.000Z" };
  theirs.done["6"] = { done: false, changed: "2026-11-03T11:00:00.000Z" }; // taken off there, later
  assert.deepEqual(missedBy(theirs, ours).reviews.map((r) => r.card_id), ["cache"]);
  assert.deepEqual(putBackMissed(theirs, ours), { reviews: 1, done: 1 });
  assert.deepEqual(Object.keys(theirs.cards), ["cache"]);
  assert.deepEqual(theirs.reviews.map((r) => r.card_id), ["latency:reverse", "latency", "cache"]);
  assert.deepEqual(theirs.done, { 6: { done: false, changed: "2026-11-03T11:00:00.000Z" }, 7: ours.done["7"] });
  assert.deepEqual(putBackMissed(theirs, ours), { reviews: 0, done: 0 }); // once only
});

test("a failed write is reported, kept for the visit, and stored with the next write", async () => {
  localStorage.values.clear();
  const tab = await openTab();
  localStorage.failing = true;
  assert.match(tab.update("This grade", grade("latency", 1000)), /^This grade was not saved: .*full/);
  assert.ok(tab.data.cards.latency);
  localStorage.failing = false;
  assert.equal(tab.update("This grade", grade("throughput", 2000)), null);
  assert.deepEqual(Object.keys(JSON.parse(localStorage.getItem("/notes/.systemsexpert.study")).cards).sort(), ["latency", "throughput"]);
});

test("a setting whose write failed is stored with the next write, over no other", async () => {
  localStorage.values.clear();
  const tab = await openTab(), other = await openTab();
  localStorage.failing = true;
  assert.match(tab.update("The direction", (data) => (data.settings.direction = "reverse")), /^The direction was not saved/);
  localStorage.failing = false;
  assert.equal(other.update("Another tab's choice", (data) => (data.settings.filter = "lesson:6")), null);
  assert.equal(tab.update("This grade", grade("latency", 1000)), null);
  const stored = JSON.parse(localStorage.getItem(KEY));
  assert.equal(stored.settings.direction, "reverse");
  assert.equal(stored.settings.filter, "lesson:6"); // not this tab's: left as the other tab stored it
  assert.equal(tab.data.settings.direction, "reverse");
});

test("a newer site's value is never written over; an unreadable one is kept aside first", async () => {
  localStorage.values.clear();
  const newer = JSON.stringify({ version: 9, cards: "whatever" });
  localStorage.setItem("/notes/.systemsexpert.study", newer);
  const tab = await openTab();
  assert.match(tab.notices[0], /newer version of this site/);
  assert.match(tab.unread, /newer version of this site, which this page cannot read/); // no backup of it
  assert.match(tab.update("This grade", grade("latency", 1000)), /not saved/);
  assert.equal(localStorage.getItem("/notes/.systemsexpert.study"), newer);

  localStorage.values.clear();
  localStorage.setItem("/notes/.systemsexpert.study", "{broken");
  const next = await openTab();
  const aside = [...localStorage.values.keys()].find((key) => key.startsWith("/notes/.systemsexpert.study.kept-"));
  assert.equal(localStorage.getItem(aside), "{broken");
  assert.match(next.notices[0], new RegExp(`not JSON.*kept, unchanged.*${aside.replaceAll(".", "\\.")}`));
  assert.match(next.notices[0], /^Your saved study data could not be read .* the page starts afresh\.$/); // not "Part of"
  assert.equal(next.unread, null); // what it could read is the reader's: a backup holds it

  localStorage.values.clear();
  const damaged = sample();
  delete damaged.cards.latency.stability;
  localStorage.setItem("/notes/.systemsexpert.study", JSON.stringify(damaged));
  const partly = await openTab();
  assert.match(partly.notices[0], /^Part of your saved study data could not be read \(cards\["latency"\]: no stability\).* the page goes on with what it could read\.$/);
  assert.deepEqual(Object.keys(partly.data.cards), ["latency:reverse"]);
});

test("where a value cannot be copied aside, a backup is refused only if nothing of it was read", async () => {
  localStorage.values.clear();
  localStorage.setItem(KEY, "{broken");
  localStorage.failing = true;
  const broken = await openTab();
  assert.match(broken.unread, /could not be read/);
  localStorage.failing = false;
  localStorage.values.clear();
  localStorage.setItem(KEY, JSON.stringify({ version: 1, cards: { latency: card("2026-11-02T10:00:00.000Z") } }));
  localStorage.failing = true;
  const older = await openTab();
  localStorage.failing = false;
  assert.equal(older.unread, null); // read whole: a backup holds it
  assert.deepEqual(Object.keys(older.data.cards), ["latency"]);
});

test("a backup file read for a restore gives its time, from which the backup reminder counts", () => {
  const { data, exportedAt } = readBackup(JSON.stringify(toBackup(sample(), new Date("2026-11-03T00:00:00Z"), "Europe/Paris")));
  assert.ok(data.cards.latency);
  assert.equal(exportedAt, "2026-11-03T00:00:00.000Z");
});

test("the first site's unscoped values move over once and stay", async () => {
  localStorage.values.clear();
  const first = JSON.stringify({ version: 1, cards: { latency: card("2026-11-02T10:00:00.000Z") }, filter: "lesson:6", direction: "forward" });
  localStorage.setItem("systemsexpert.flashcards", first);
  localStorage.setItem("systemsexpert.lessons-done", "[6,8]");
  const tab = await openTab();
  assert.deepEqual(Object.keys(tab.data.cards), ["latency"]);
  assert.deepEqual(Object.keys(tab.data.done), ["6", "8"]);
  assert.equal(localStorage.getItem("systemsexpert.flashcards"), first);
  tab.update("A grade", grade("throughput", 5000));
  localStorage.setItem("systemsexpert.lessons-done", "[6,8,9]"); // the old site still open somewhere
  assert.equal((await openTab()).data.done["9"], undefined); // moved once, not at every visit
});

test("a restore says what it brought, in words that count", () => {
  const said = (cards, reviews, done) => restored("b.json", { cards, reviews, done });
  assert.equal(said(2, 2, 1), 'Restored from "b.json": 2 cards, 2 reviews and 1 done mark were newer than this browser\'s.');
  assert.equal(said(0, 0, 2), 'Restored from "b.json": 2 done marks were newer than this browser\'s.');
  assert.equal(said(1, 0, 0), 'Restored from "b.json": 1 card was newer than this browser\'s.');
  assert.equal(said(1, 1, 0), 'Restored from "b.json": 1 card and 1 review were newer than this browser\'s.');
  assert.equal(said(0, 0, 0), '"b.json" holds nothing newer than this browser\'s progress: nothing was changed.');
});

test("a file that is not JSON, or cut short, is refused as unreadable, without the parser's words", () => {
  for (const text of ["\u0089PNG\r\n", '{"format": "systemsexpert-progress", "cards": {']) {
    assert.equal(readBackup(text).problem, "it cannot be read as a backup (it is not JSON: another kind of file, or a backup cut short)");
  }
});
