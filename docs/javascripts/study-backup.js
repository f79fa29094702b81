// Backup and restore of the study data, and the review log as CSV: the controls of a
// page's `[data-study-backup]` box (the flashcards page, the home page, the study data
// page), which the term engine writes hidden (notes_site/flashcards.py, BACKUP), its
// room kept, and this script wires and shows: without it they could do nothing.
import { openStore } from "./study-data.js";
import { datedName, mergeInto, readBackup, toBackup, toRevlogCsv } from "./study-format.js";

const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000; // WebKit deletes a site's storage after 7 days without a visit
const wired = new WeakMap(); // each box wired, and what it returned

/** Wires the box's controls, once, and shows them; `onRestore` runs after a restore changed the data.
 *  Returns `say(text)`, for the page to tell in the box's status line what its own
 *  controls did to the data (which leaves the box's last message out of date). */
export function wireBackup(box, onRestore = () => {}) {
  if (!box || "wired" in box.dataset) return wired.get(box) || { say() {} };
  box.dataset.wired = "";
  const store = openStore();
  const find = (selector) => box.querySelector(selector);
  const alert = find("[role=alert]"), status = find("[role=status]"), file = find("input[type=file]");
  const tell = (element, text) => {
    alert.textContent = status.textContent = "";
    element.textContent = text || "";
  };

  // The data this page holds is not the reader's (a newer site's): a file of it would
  // look like a backup and hold nothing.
  const unread = (what) => store.unread && (tell(alert, `${what} was not made: ${store.unread}.`), true);

  find("[data-backup]").addEventListener("click", () => {
    if (unread("No backup")) return;
    const now = new Date();
    const backup = toBackup(store.data, now, Intl.DateTimeFormat().resolvedOptions().timeZone);
    save(datedName("systemsexpert-progress", now, "json"), "application/json", JSON.stringify(backup, null, 2) + "\n");
    const failed = store.update("The time of this backup", (data) => (data.last_backup = now.toISOString()));
    tell(failed ? alert : status, failed ? `Backup downloaded. ${failed}` : "Backup downloaded.");
    remind();
  });
  find("[data-revlog]").addEventListener("click", () => {
    if (unread("No review log")) return;
    save(datedName("systemsexpert-revlog", new Date(), "csv"), "text/csv", toRevlogCsv(store.data.reviews));
  });
  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const { data, exportedAt, problem } = readBackup(await chosen.text());
    file.value = ""; // the same file may be chosen again
    if (problem) return tell(alert, `"${chosen.name}" was not restored: ${problem}. Nothing was changed.`);
    let changed;
    const failed = store.update(`The backup "${chosen.name}"`, (ours) => {
      changed = mergeInto(ours, data);
      // The reader holds a backup of all this from its time: the reminder counts from then.
      if (!ours.last_backup || Date.parse(exportedAt) > Date.parse(ours.last_backup)) ours.last_backup = exportedAt;
      return changed.cards + changed.reviews + changed.done > 0;
    }, { keepUnsaved: false });
    if (failed) return tell(alert, `${failed} Nothing was changed.`);
    tell(status, restored(chosen.name, changed));
    remind();
    onRestore();
  });

  // Once there are reviews and no backup for a week: a quiet line above the button.
  function remind() {
    const reminder = find(".study-backup-reminder");
    const { reviews, last_backup } = store.data;
    const since = Math.max(last_backup ? Date.parse(last_backup) : 0, reviews.length ? reviews[0].review_time : Infinity);
    reminder.hidden = !(Date.now() - since >= REMIND_AFTER_MS);
    reminder.textContent = "Your progress is only in this browser, and you have not saved a backup for a week." +
      (isSafari() ? " Safari deletes a site's data after 7 days without a visit: add this site to your Home Screen (or Dock) to keep it." : "");
  }
  remind();
  store.watch(box, remind);
  box.hidden = false;
  const api = { say: (text) => tell(status, text) };
  wired.set(box, api);
  return api;
}

/** What a restore brought: "1 card and 3 reviews were newer than …", only what it did bring. */
export function restored(name, { cards, reviews, done }) {
  const parts = [[cards, "card"], [reviews, "review"], [done, "done mark"]]
    .filter(([count]) => count > 0)
    .map(([count, noun]) => `${count} ${noun}${count === 1 ? "" : "s"}`);
  if (!parts.length) return `"${name}" holds nothing newer than this browser's progress: nothing was changed.`;
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  const verb = parts.length === 1 && /^1 /.test(parts[0]) ? "was" : "were";
  return `Restored from "${name}": ${listed} ${verb} newer than this browser's.`;
}

function save(name, type, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// Safari in a tab, not from the Home Screen (which has its own 7-day counter).
function isSafari() {
  const standalone = navigator.standalone || matchMedia("(display-mode: standalone)").matches;
  return /^((?!chrome|chromium|crios|fxios|android).)*safari/i.test(navigator.userAgent) && !standalone;
}
