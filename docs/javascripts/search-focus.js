// The keyboard's focus back where it was when the search shuts (Escape, or its back
// arrow): Material left it on the page's body, so the next Tab began again at the top.
// A classic script after Material's bundle (overrides/main.html), on every page.
(function (toggle) {
  if (!toggle) return;
  var before = null; // the last element focused outside the search
  document.addEventListener("focusin", function (event) {
    if (!toggle.checked && !event.target.closest(".md-search")) before = event.target;
  });
  // Material shuts the search by unchecking its toggle, with a "change" event.
  toggle.addEventListener("change", function () {
    if (toggle.checked) return;
    setTimeout(function () {
      var lost = !document.activeElement || document.activeElement === document.body;
      if (lost && before && before.isConnected) before.focus({ preventScroll: true });
    });
  });
})(document.querySelector('[data-md-toggle="search"]'));
