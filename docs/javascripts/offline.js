// Offline reading: registers the site's service worker (sw.js, written into the built site
// by scripts/offline.py) once the page has loaded and settled, and offers a new version
// of the notes when a deploy brings one. An ES module on every page (overrides/main.html).
//
// Before the reload that a new version needs, the page announces it with the
// `notes:before-reload` event on window: study data that is not saved yet is saved
// then (a listener may call event.preventDefault() only to report that saving failed,
// which keeps the page as it is).
const SITE = new URL("../", import.meta.url); // this file is javascripts/offline.js
const NOTICE = "A new version of the notes is available";

function offerUpdate(workbox) {
  if (document.querySelector(".update-notice")) return; // one notice, however it was found
  const notice = document.createElement("div");
  notice.className = "update-notice";
  notice.setAttribute("role", "status");
  const text = document.createElement("span");
  const reload = document.createElement("button");
  reload.type = "button";
  reload.className = "md-button md-button--primary";
  reload.textContent = "Reload";
  // Another tab's Reload may make the new version this page's worker first: then it
  // has no waiting worker to ask, and only reloading is left to do.
  let reloading = false, controlling = false;
  workbox.addEventListener("controlling", () => {
    controlling = true;
    if (reloading) window.location.reload();
  });
  reload.addEventListener("click", () => {
    const before = new Event("notes:before-reload", { cancelable: true });
    if (!window.dispatchEvent(before)) {
      text.textContent = "Your study data could not be saved, so the page stays as it is. " + NOTICE + ".";
      return;
    }
    reload.disabled = true;
    reloading = true;
    if (controlling) window.location.reload();
    else workbox.messageSkipWaiting();
  });
  notice.append(text, " ", reload);
  document.body.append(notice);
  // Its words once the status region is on the page: screen readers announce a change
  // of a region they know, and may say nothing of one that arrives with its words.
  setTimeout(() => {
    text.textContent ||= NOTICE;
  }, 250);
}

async function register() {
  // Fetched after the page has loaded, so it never competes with what the page needs.
  const { Workbox } = await import("./vendor/workbox-window.prod.mjs");
  const workbox = new Workbox(new URL("sw.js", SITE).href, { scope: SITE.pathname });
  workbox.addEventListener("waiting", () => offerUpdate(workbox));
  const registration = await workbox.register();
  if (!registration || !navigator.serviceWorker.controller) return; // a first visit: nothing to update
  // A new version that the browser began to install on its own before register():
  // workbox-window only follows the ones found after it.
  const installing = registration.installing;
  installing?.addEventListener("statechange", () => {
    if (installing.state === "installed") offerUpdate(workbox);
  });
  // Look for a new deploy now: Chromium's own check waits until the worker is idle,
  // which a reader going from page to page may never leave it.
  workbox.update().catch(() => {}); // offline: no new version to find, nothing to say
}

function start() {
  register().catch((error) => console.warn("Offline reading is not available:", error));
}

// A first visit's worker keeps the whole site (about 70 files), for the next visit: it
// waits out the visit's first seconds, where it would compete with the reader's first
// search (make bench: 98 ms against stock's 70 when it began at load, 78 against 82
// without it). The seconds of the visit, not of each page: a reader who moves on within
// them gets the worker once they are over. A page the worker already controls checks
// for a new version at load.
const SETTLE_MS = 3000;
const VISIT_START = `${SITE.pathname}.systemsexpert.visit-start`; // two sites on one origin keep apart

function visitStart() {
  try {
    const kept = Number(sessionStorage.getItem(VISIT_START));
    if (kept > 0) return kept;
    sessionStorage.setItem(VISIT_START, String(Date.now()));
  } catch {
    // No session storage (a privacy setting): each page waits on its own.
  }
  return Date.now();
}

function startWhenSettled() {
  const whenIdle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 0)); // Safari
  const wait = Math.max(0, visitStart() + SETTLE_MS - Date.now());
  setTimeout(() => whenIdle(start, { timeout: 2000 }), wait);
}

// `make serve` (MkDocs' live reload) has no worker and must not be answered by the one
// that a built site left on the same address.
if (typeof window.livereload === "function") {
  navigator.serviceWorker?.getRegistration(SITE.href).then((registration) => registration?.unregister());
} else if ("serviceWorker" in navigator) {
  const whenLoaded = navigator.serviceWorker.controller ? start : startWhenSettled;
  if (document.readyState === "complete") whenLoaded();
  else window.addEventListener("load", whenLoaded, { once: true }); // after the page's own work
}
