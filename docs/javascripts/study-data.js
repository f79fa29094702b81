// The reader's study data (card states, the review log, done lessons, settings): the one
// store that the flashcards page, the lessons' "Mark as done" and the home page use.
//
// In localStorage, one value, rather than IndexedDB: a write re-reads, changes and
// writes back within one synchronous task, so two tabs cannot interleave inside it
// (IndexedDB would need a transaction per change and async code everywhere); every
// other tab hears of it through the `storage` event (Chromium's tabs each keep a copy
// that another's write reaches a moment late, so a tab that hears of a value lacking
// its own last grade or mark puts it back); and the data is small enough (a
// year of 100 reviews a day is about 1.3 million characters, of the 5 million that
// browsers allow an origin; a write past that fails, and the reader is told).
//
// Nothing is ever dropped: a value of a newer site is left untouched (this page then
// saves nothing), a value it cannot read is copied aside before anything is written,
// and the first site's `systemsexpert.*` values are copied over once and kept.
import { emptyData, fromFirstVersion, isEmpty, mergeInto, missedBy, putBackMissed, readStored, storedText } from "./study-format.js";

const FIRST_SITE_KEYS = { flashcards: "systemsexpert.flashcards", done: "systemsexpert.lessons-done" };

// Scoped to the site's base path as Material scopes its own keys (__md_get/__md_set), so
// that two copies of the site on one origin keep apart; without Material's global, the
// base is the folder above this script's.
const scope = (globalThis.__md_scope || new URL("..", import.meta.url)).pathname;
export const KEY = `${scope}.systemsexpert.study`;

let shared = null;

/** The store of this page's visit to the site, read once and kept up to date. */
export function openStore() {
  if (!shared) shared = createStore();
  return shared;
}

/** Resolves once every change asked for is stored: writes are synchronous, so at once
 *  (a page about to reload, e.g. for a new service worker, may await it). */
export function flush() {
  return Promise.resolve();
}
globalThis.systemsexpertStudy = { flush };

function createStore() {
  const watchers = new Set();
  const notices = []; // what the reader must be told about the stored value, once per page
  let readOnly = null; // why nothing may be written, if so
  let unread = null; // why the data held is not the reader's (a newer site's, or not read), if so
  let asked = false; // navigator.storage.persist()
  let unsaved = false; // a write failed: this tab holds changes that storage lacks
  let unsavedSettings = {}; // the settings such a write changed, which mergeInto does not carry
  let data = load();

  function load() {
    let text;
    try {
      text = localStorage.getItem(KEY);
    } catch (error) {
      readOnly = `this browser does not let the site keep anything (${error.name})`;
      notices.push(`Your progress cannot be saved here: ${readOnly}.`);
      return emptyData();
    }
    const stored = readStored(text);
    if (stored.kind === "empty") return fromTheFirstSite();
    if (stored.kind === "newer") {
      readOnly = "your study data was saved by a newer version of this site";
      unread = `${readOnly}, which this page cannot read: reload the page to get it`;
      notices.push(
        `Your study data was saved by a newer version of this site (${stored.problems[0]}). ` +
          "It is left as it is, and nothing you do on this page is saved: reload the page to get the newer version.",
      );
      return stored.data;
    }
    if (stored.kind === "current") return stored.data;
    // Older or unreadable: keep the value as it is, under a name of its own, first.
    const aside = `${KEY}.kept-${new Date().toISOString()}`;
    if (!write(aside, text)) {
      readOnly = "your study data could not be copied aside before a change";
      // Nothing read of it: a backup would hold none of it (of an older one, all of it).
      if (stored.kind === "unreadable" && isEmpty(stored.data)) {
        unread = "your saved study data could not be read, and is left as it is in this browser's storage";
      }
      notices.push(`Your saved study data could not be read (${stored.problems[0]}), and this browser refused to copy it aside, so this page saves nothing and leaves it as it is.`);
      return stored.data;
    }
    if (stored.kind === "unreadable") {
      const none = isEmpty(stored.data);
      notices.push(
        `${none ? "Your" : "Part of your"} saved study data could not be read (${stored.problems[0]}${more(stored.problems)}). ` +
          `It is kept, unchanged, in this browser's storage under "${aside}"; ` +
          (none ? "the page starts afresh." : "the page goes on with what it could read."),
      );
    } else if (stored.problems.length) {
      notices.push(`Some of your older study data could not be moved over (${stored.problems[0]}${more(stored.problems)}). It is kept, unchanged, under "${aside}".`);
    }
    if (!write(KEY, storedText(stored.data))) notices.push("Your study data was read, but this browser refused to save it in the current form.");
    return stored.data;
  }

  // The first site kept two unscoped values: copied over once, when this site has none.
  function fromTheFirstSite() {
    const flashcards = localStorage.getItem(FIRST_SITE_KEYS.flashcards);
    const done = localStorage.getItem(FIRST_SITE_KEYS.done);
    if (flashcards === null && done === null) return emptyData();
    const parse = (text) => {
      try {
        return text === null ? null : JSON.parse(text);
      } catch (error) {
        return undefined; // not JSON: reported below
      }
    };
    const { data, problems } = fromFirstVersion(parse(flashcards) ?? null, parse(done) ?? null, new Date());
    for (const [name, text] of [["flashcards", flashcards], ["lessons done", done]]) {
      if (text !== null && parse(text) === undefined) problems.push(`${name}: not JSON`);
    }
    if (problems.length) {
      notices.push(
        `Some of your earlier progress could not be moved over (${problems[0]}${more(problems)}). ` +
          `It is kept, unchanged, in this browser's storage under "${FIRST_SITE_KEYS.flashcards}" and "${FIRST_SITE_KEYS.done}".`,
      );
    }
    if (!write(KEY, storedText(data))) notices.push("Your earlier progress was read, but this browser refused to save it in its new place.");
    return data;
  }

  // Another tab changed the data: take it, and tell this page's parts. If that tab wrote
  // before this tab's last write had reached it, what it missed is put back and stored.
  addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    const stored = readStored(event.key === null ? null : event.newValue);
    if (stored.kind !== "current") return; // cleared, or not ours to read: keep what we have
    const before = data;
    data = stored.data;
    const missed = missedBy(data, before);
    let failed = null; // putting it back failed: this visit keeps it, and the page says so
    if (missed.reviews.length + missed.done.length > 0 && !readOnly) {
      failed = store.update("Your progress that another tab wrote over", (fresh) => {
        const back = putBackMissed(fresh, before);
        return back.reviews + back.done > 0;
      });
    }
    for (const watcher of [...watchers]) {
      if (watcher.root.isConnected) watcher.onChange(data, before, failed);
      else watchers.delete(watcher); // a page instant navigation has left
    }
  });

  const store = {
    get data() {
      return data;
    },
    /** Why the data this page holds is not the reader's stored data, if so: a backup of
     *  it would hold nothing of theirs. */
    get unread() {
      return unread;
    },
    /** Messages about the stored value, for the page to show once. */
    notices,
    /** Calls onChange(data, before, failed) when another tab changes the data, while root
     *  is on the page; `failed` says why what that tab wrote over could not be put back. */
    watch(root, onChange) {
      watchers.add({ root, onChange });
    },
    /** Re-reads the stored value (with what this tab failed to store merged in: per card
     *  the later review, and the settings it changed), applies change(data) and stores it (unless change returns
     *  false): no tab's change is lost. Returns null when stored, or a sentence for the reader that
     *  names `what` was not saved and why. A change not stored is kept for this visit, so
     *  that the page goes on, and stored with the next write; unless `keepUnsaved` is
     *  false (a restore, which then says that nothing was changed). */
    update(what, change, { keepUnsaved = true } = {}) {
      if (readOnly) {
        if (keepUnsaved) change(data); // for this visit only, so that the page goes on
        return `${what} was not saved: ${readOnly}.`;
      }
      let stored;
      try {
        stored = readStored(localStorage.getItem(KEY));
      } catch (error) {
        return `${what} was not saved: this browser does not let the site read its storage (${error.name}).`;
      }
      if (stored.kind !== "current" && stored.kind !== "empty") {
        // Another tab left a value this page cannot read: never write over it.
        return `${what} was not saved: your study data was changed elsewhere into a form this page cannot read. Reload the page.`;
      }
      const fresh = stored.kind === "current" ? stored.data : { ...emptyData(), settings: { ...data.settings }, last_backup: data.last_backup };
      if (unsaved) {
        // What an earlier failed write left out: progress merged, settings as chosen here.
        mergeInto(fresh, data);
        Object.assign(fresh.settings, unsavedSettings);
      }
      // Another tab's write that this tab has not heard of yet may lack this tab's last
      // grade or mark (its copy of the storage was stale): put back before writing over it.
      putBackMissed(fresh, data);
      const settingsBefore = { ...fresh.settings };
      if (change(fresh) === false) return null; // nothing to change
      const failure = writeError(KEY, storedText(fresh));
      if (failure && !keepUnsaved) return `${what} was not saved: this browser refused to store it (${failure}).`;
      data = fresh; // kept for this visit even if not stored, so that the page goes on
      unsaved = Boolean(failure);
      unsavedSettings = failure ? { ...unsavedSettings, ...changedSettings(settingsBefore, fresh.settings) } : {};
      if (failure) return `${what} was not saved: this browser refused to store it (${failure}).`;
      return null;
    },
    /** Asks the browser to keep the data under storage pressure: at the first grade or
     *  done mark, not on load (browsers grant it to sites a reader engages with). */
    askToPersist() {
      if (asked || !navigator.storage || !navigator.storage.persist) return;
      asked = true;
      navigator.storage.persisted().then((kept) => kept || navigator.storage.persist()).catch(() => {});
    },
  };

  // Before the reload a new version of the site needs (javascripts/offline.js): what an
  // earlier failed write left unsaved is stored now, or the page stays, saying so.
  addEventListener("notes:before-reload", (event) => {
    if (unsaved && store.update("Your progress", () => {})) event.preventDefault();
  });
  return store;
}

function more(problems) {
  return problems.length > 1 ? `, and ${problems.length - 1} more` : "";
}

// The settings a change set to something else (a setting is a string or a number).
function changedSettings(before, after) {
  return Object.fromEntries(Object.entries(after).filter(([name, value]) => before[name] !== value));
}

function writeError(key, text) {
  try {
    localStorage.setItem(key, text);
    return null;
  } catch (error) {
    return error.name === "QuotaExceededError" ? "it is full, or storage is turned off" : error.name || String(error);
  }
}

function write(key, text) {
  return writeError(key, text) === null;
}

