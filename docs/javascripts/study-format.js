// The study data's shape and rules, with no browser in sight (tests/js/ runs them in
// Node): reading a stored value, moving the first site's data over, merging two copies
// (tabs, backups), checking a backup file, writing it and the review log.
// docs/progress-format.md documents the backup file; docs/schemas/ holds its schema.

export const STORE_VERSION = 2; // 1 was the first flashcards page's own value
export const FORMAT = "systemsexpert-progress";
export const FORMAT_VERSION = 1;
export const REVLOG_COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"];
export const DEFAULT_NEW_PER_DAY = 20; // as Anki
const CARD_NUMBERS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];
const CARD_REQUIRED = ["due", "stability", "difficulty", "reps", "lapses", "state", "last_review"];
const FILE_FIELDS = ["format", "version", "exported_at", "timezone", "cards", "reviews", "done"];

export function emptyData() {
  return {
    version: STORE_VERSION,
    cards: {},
    reviews: [],
    done: {},
    settings: { filter: "", direction: "forward", new_per_day: DEFAULT_NEW_PER_DAY },
    last_backup: null,
  };
}

/** No card, review or done mark: nothing a reader studied. */
export function isEmpty(data) {
  return !Object.keys(data.cards).length && !data.reviews.length && !Object.keys(data.done).length;
}

// --- Checks: each returns the problems it finds, as "where: what" --------------------

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isDate = (value) => typeof value === "string" && !Number.isNaN(Date.parse(value));
const isCount = (value, max = Infinity) => Number.isInteger(value) && value >= 0 && value <= max;
const quoted = (key) => JSON.stringify(key);

export function cardProblems(card, where) {
  if (!isObject(card)) return [`${where}: not an object`];
  const problems = CARD_REQUIRED.filter((field) => !(field in card)).map((field) => `${where}: no ${field}`);
  for (const field of ["due", "last_review"]) {
    if (field in card && !isDate(card[field])) problems.push(`${where}.${field}: not a date`);
  }
  for (const field of CARD_NUMBERS) {
    if (field in card && !(typeof card[field] === "number" && Number.isFinite(card[field]))) problems.push(`${where}.${field}: not a number`);
  }
  if ("state" in card && !isCount(card.state, 3)) problems.push(`${where}.state: not 0, 1, 2 or 3`);
  return problems;
}

// The common case at speed: a log holds tens of thousands of reviews, read at every write.
const isReview = (r) =>
  isObject(r) && typeof r.card_id === "string" && r.card_id !== "" && isCount(r.review_time) &&
  Number.isInteger(r.review_rating) && r.review_rating >= 1 && r.review_rating <= 4 &&
  isCount(r.review_state, 3) && isCount(r.review_duration);

export function reviewProblems(review, where) {
  if (isReview(review)) return [];
  if (!isObject(review)) return [`${where}: not an object`];
  const problems = REVLOG_COLUMNS.filter((field) => !(field in review)).map((field) => `${where}: no ${field}`);
  if ("card_id" in review && !(typeof review.card_id === "string" && review.card_id)) problems.push(`${where}.card_id: not a card id`);
  if ("review_time" in review && !isCount(review.review_time)) problems.push(`${where}.review_time: not a time in ms`);
  if ("review_rating" in review && !(isCount(review.review_rating, 4) && review.review_rating >= 1)) problems.push(`${where}.review_rating: not 1 to 4`);
  if ("review_state" in review && !isCount(review.review_state, 3)) problems.push(`${where}.review_state: not 0 to 3`);
  if ("review_duration" in review && !isCount(review.review_duration)) problems.push(`${where}.review_duration: not a duration in ms`);
  return problems;
}

export function doneProblems(mark, where) {
  if (!isObject(mark)) return [`${where}: not an object`];
  const problems = [];
  if (typeof mark.done !== "boolean") problems.push(`${where}.done: not true or false`);
  if (!isDate(mark.changed)) problems.push(`${where}.changed: not a date`);
  return problems;
}

// Each part that passes its check, and the problems of the others: what can be read of
// a damaged value is used, and the value itself is kept (study-data.js).
function salvage(value) {
  const data = emptyData(), problems = [];
  const part = (name, isRightKind) => {
    if (!(name in value)) return false;
    if (isRightKind(value[name])) return true;
    problems.push(`${name}: not ${name === "reviews" ? "a list" : "an object"}`);
    return false;
  };
  if (part("cards", isObject)) {
    for (const [id, card] of Object.entries(value.cards)) {
      const found = cardProblems(card, `cards[${quoted(id)}]`);
      if (found.length) problems.push(...found);
      else data.cards[id] = card;
    }
  }
  if (part("reviews", Array.isArray)) {
    value.reviews.forEach((review, index) => {
      const found = reviewProblems(review, `reviews[${index}]`);
      if (found.length) problems.push(...found);
      else data.reviews.push(review);
    });
  }
  if (part("done", isObject)) {
    for (const [lesson, mark] of Object.entries(value.done)) {
      const found = /^\d+$/.test(lesson) ? doneProblems(mark, `done[${quoted(lesson)}]`) : [`done[${quoted(lesson)}]: not a lesson number`];
      if (found.length) problems.push(...found);
      else data.done[lesson] = mark;
    }
  }
  const settings = isObject(value.settings) ? value.settings : {};
  if (typeof settings.filter === "string") data.settings.filter = settings.filter;
  if (settings.direction === "forward" || settings.direction === "reverse") data.settings.direction = settings.direction;
  if (isCount(settings.new_per_day)) data.settings.new_per_day = settings.new_per_day;
  if (isDate(value.last_backup)) data.last_backup = value.last_backup;
  return { data, problems };
}

// --- The stored value -----------------------------------------------------------------

/** What a stored text holds: `kind` is "empty", "current", "older" (migrated),
 *  "newer" (a later site's: left alone) or "unreadable"; `problems` says what was not
 *  read. `data` is what the page may use. */
export function readStored(text) {
  if (text === null || text === undefined) return { kind: "empty", data: emptyData(), problems: [] };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "unreadable", data: emptyData(), problems: [`not JSON (${error.message})`] };
  }
  if (!isObject(value)) return { kind: "unreadable", data: emptyData(), problems: ["not an object"] };
  if (value.version === STORE_VERSION) {
    if (Array.isArray(value.reviews)) value.reviews = value.reviews.map(fromRow);
    const { data, problems } = salvage(value);
    return { kind: problems.length ? "unreadable" : "current", data, problems };
  }
  if (value.version === 1) return { kind: "older", ...fromFirstVersion(value, null, new Date()) };
  if (Number.isInteger(value.version) && value.version > STORE_VERSION) {
    return { kind: "newer", data: emptyData(), problems: [`version ${value.version}, newer than this page's ${STORE_VERSION}`] };
  }
  return { kind: "unreadable", data: emptyData(), problems: [`version ${quoted(value.version)} is unknown`] };
}

/** The text to store: each review as a row of REVLOG_COLUMNS, less than half the size
 *  of an object (a year of 100 reviews a day: 1.3 rather than 4 million characters). */
export function storedText(data) {
  const rows = data.reviews.map((r) => [r.card_id, r.review_time, r.review_rating, r.review_state, r.review_duration]);
  return JSON.stringify({ ...data, reviews: rows });
}

const fromRow = (row) =>
  Array.isArray(row) && row.length === REVLOG_COLUMNS.length
    ? { card_id: row[0], review_time: row[1], review_rating: row[2], review_state: row[3], review_duration: row[4] }
    : row;

/** The first site's two values: its flashcards ({version: 1, cards, filter,
 *  direction}) and its list of done lessons. Whatever fits is taken. */
export function fromFirstVersion(flashcards, lessonsDone, now) {
  const problems = [];
  const value = isObject(flashcards) ? flashcards : {};
  if (flashcards !== null && !isObject(flashcards)) problems.push("flashcards: not an object");
  const { data, problems: found } = salvage({ cards: value.cards ?? {}, settings: value });
  problems.push(...found);
  if (lessonsDone !== null && lessonsDone !== undefined) {
    if (!Array.isArray(lessonsDone)) problems.push("lessons done: not a list");
    else {
      for (const lesson of lessonsDone) {
        if (isCount(lesson)) data.done[String(lesson)] = { done: true, changed: now.toISOString() };
        else problems.push(`lessons done: ${quoted(lesson)} is not a lesson number`);
      }
    }
  }
  return { data, problems };
}

// --- Merging ----------------------------------------------------------------------------

const time = (date) => Date.parse(date);

/** Two copies of one card: the later review wins; on a tie, the first (ours). */
export function laterCard(ours, theirs) {
  if (!ours) return theirs;
  if (!theirs) return ours;
  return time(theirs.last_review) > time(ours.last_review) ? theirs : ours;
}

const reviewKey = (review) => review.card_id + " " + review.review_time + " " + review.review_rating;
const sameReview = (a, b) => a.card_id === b.card_id && a.review_time === b.review_time && a.review_rating === b.review_rating;

/** `incoming` merged into `ours`, which is changed: per card the later `last_review`,
 *  the union of the reviews, per lesson the later done mark. Settings stay ours.
 *  Returns how many of each were added or updated. */
export function mergeInto(ours, incoming) {
  const changed = { cards: 0, reviews: 0, done: 0 };
  for (const [id, card] of Object.entries(incoming.cards)) {
    if (laterCard(ours.cards[id], card) !== ours.cards[id]) {
      ours.cards[id] = card;
      changed.cards += 1;
    }
  }
  const seen = new Set();
  for (const review of ours.reviews) seen.add(reviewKey(review));
  for (const review of incoming.reviews) {
    if (seen.has(reviewKey(review))) continue;
    seen.add(reviewKey(review));
    ours.reviews.push(review);
    changed.reviews += 1;
  }
  if (changed.reviews) ours.reviews.sort((a, b) => a.review_time - b.review_time);
  for (const [lesson, mark] of Object.entries(incoming.done)) {
    const mine = ours.done[lesson];
    if (!mine || time(mark.changed) > time(mine.changed)) {
      ours.done[lesson] = mark;
      changed.done += 1;
    }
  }
  return changed;
}

/** What `incoming`, another tab's new value, lacks of `ours`, the value this tab held.
 *  That tab wrote without having seen it: each browser process keeps a copy of the
 *  storage, which another's write reaches a moment late. The review log only grows and
 *  a done mark only moves forward, so a review or a later mark that is missing was
 *  written over, not removed. */
export function missedBy(incoming, ours) {
  // The two logs share their past, in one order: only what follows it is looked up
  // (a write re-reads a year's log; a key for each of its reviews doubled its time).
  const shared = Math.min(incoming.reviews.length, ours.reviews.length);
  let past = 0;
  while (past < shared && sameReview(incoming.reviews[past], ours.reviews[past])) past += 1;
  const kept = new Set(incoming.reviews.slice(past).map(reviewKey));
  return {
    reviews: ours.reviews.slice(past).filter((review) => !kept.has(reviewKey(review))),
    done: Object.keys(ours.done).filter((lesson) => {
      const theirs = incoming.done[lesson];
      return !theirs || time(ours.done[lesson].changed) > time(theirs.changed);
    }),
  };
}

/** `missedBy(incoming, ours)` put back into `incoming`, which is changed, each review
 *  with its card where ours is the later (a reset empties the cards: it stands for
 *  every other card). Returns how many reviews and marks came back. */
export function putBackMissed(incoming, ours) {
  const missed = missedBy(incoming, ours);
  for (const review of missed.reviews) {
    const id = review.card_id;
    incoming.reviews.push(review);
    if (laterCard(incoming.cards[id], ours.cards[id]) !== incoming.cards[id]) incoming.cards[id] = ours.cards[id];
  }
  if (missed.reviews.length) incoming.reviews.sort((a, b) => a.review_time - b.review_time);
  for (const lesson of missed.done) incoming.done[lesson] = ours.done[lesson];
  return { reviews: missed.reviews.length, done: missed.done.length };
}

// --- The backup file and the review log ------------------------------------------------

export function toBackup(data, now, timezone) {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    exported_at: now.toISOString(),
    timezone,
    cards: data.cards,
    reviews: data.reviews,
    done: data.done,
  };
}

/** A backup file's text, checked: `{ data }` to merge, or `{ problem }` that says why
 *  the file is refused. */
export function readBackup(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: "it cannot be read as a backup (it is not JSON: another kind of file, or a backup cut short)" };
  }
  if (!isObject(value) || value.format !== FORMAT) return { problem: `it is not a backup of this site (its "format" is not "${FORMAT}")` };
  if (!Number.isInteger(value.version)) return { problem: 'its "version" is not a whole number' };
  if (value.version > FORMAT_VERSION) {
    return { problem: `it was made by a newer version of this site (version ${value.version}; this page reads version ${FORMAT_VERSION}): reload the page and try again` };
  }
  if (value.version < 1) return { problem: `its version ${value.version} is unknown` };
  const missing = FILE_FIELDS.filter((field) => !(field in value));
  if (missing.length) return { problem: `it has no ${missing.map((field) => `"${field}"`).join(", ")}` };
  const problems = [];
  if (!isDate(value.exported_at)) problems.push("exported_at: not a date");
  if (typeof value.timezone !== "string") problems.push("timezone: not text");
  const { data, problems: found } = salvage(value);
  problems.push(...found);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    return { problem: `a value has the wrong type: ${problems[0]}${more}` };
  }
  return { data, exportedAt: value.exported_at };
}

const csvField = (value) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));

/** The review log in the FSRS optimizer's revlog.csv columns. */
export function toRevlogCsv(reviews) {
  const rows = reviews.map((review) => REVLOG_COLUMNS.map((column) => csvField(review[column])).join(","));
  return [REVLOG_COLUMNS.join(","), ...rows].join("\n") + "\n";
}

/** "systemsexpert-progress-2026-12-01.json": the reader's own date. */
export function datedName(prefix, now, extension) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
