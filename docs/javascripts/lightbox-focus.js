// The keyboard's focus back on the figure when its lightbox shuts. glightbox moves the
// focus to its own buttons on Tab, and when it shuts they go, leaving the focus on the
// page's body: the next Tab started again from "Skip to content". Loaded on a page with
// a lightbox only (overrides/main.html); a module, run once per document.
let opener = null; // the figure's link that opened the lightbox shown

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a.glightbox");
  if (link) opener = link; // Enter on a link clicks it too
}, true);

new MutationObserver(() => {
  if (!opener || document.querySelector(".glightbox-container")) return;
  const focused = document.activeElement;
  if (!focused || focused === document.body || !focused.isConnected) opener.focus({ preventScroll: true });
  opener = null;
}).observe(document.body, { childList: true });
