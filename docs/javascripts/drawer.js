// The drawer of a narrow screen, for the keyboard. Material's menu button is a label,
// which takes no focus: here it is a button, which opens the drawer and goes into the
// list it shows; Escape shuts it and comes back. In the drawer, the rows that open a
// section's panel, and each panel's way back, take the focus too (Material's Enter
// presses them; Space does here), and the focus follows into the panel or back out.
// The panels not shown take no Tab stops (extra.css), nor does the shut drawer.
// A classic script after Material's bundle (overrides/main.html), on every page.
(function (drawer, label) {
  if (!drawer || !label) return;
  var PANEL_LABELS = '.md-nav--primary label:is(.md-nav__link, .md-nav__title):is([for^="__nav_"], [for="__toc"])';
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " md-header__drawer-button"; // Material's look
  button.setAttribute("aria-label", "Navigation");
  button.append.apply(button, label.childNodes);
  label.replaceWith(button);
  function show() {
    button.setAttribute("aria-expanded", String(drawer.checked));
    document.querySelectorAll(PANEL_LABELS).forEach(function (row) {
      if (drawer.checked && !row.hasAttribute("data-tabindex")) {
        row.setAttribute("data-tabindex", row.getAttribute("tabindex") || "");
        row.setAttribute("tabindex", "0");
      } else if (!drawer.checked && row.hasAttribute("data-tabindex")) {
        row.setAttribute("tabindex", row.getAttribute("data-tabindex")); // Material's own
        row.removeAttribute("data-tabindex");
      }
    });
  }
  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }
  // The first row of the list a panel (or the drawer's top list) shows.
  function firstRow(panel) {
    var rows = panel.querySelectorAll(":scope > .md-nav__list > .md-nav__item > :is(a[href], label[tabindex='0'])");
    return [].find.call(rows, shown);
  }
  // The panel the drawer shows: the deepest open one (the current page's section, on
  // a phone), or else the top list.
  function shownPanel() {
    var panels = document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked ~ nav");
    return [].filter.call(panels, shown).pop() || document.querySelector(".md-nav--primary");
  }
  show();
  drawer.addEventListener("change", function () {
    show();
    // Shut by the overlay or the drawer's title: the focus, in the drawer or dropped by
    // the tap, comes back to the button that opens it, not to the top of the page.
    var focused = document.activeElement;
    if (!drawer.checked && (!focused || focused === document.body || focused.closest(".md-sidebar--primary"))) {
      button.focus({ preventScroll: true });
    }
  });
  // drawer.click() fires its change event at once: show() has run when it returns.
  // Opened by a key (a click of detail 0), the focus goes into the list; opened by a
  // tap or the mouse, it stays on the button, as Material's focus colour on the first
  // row would make it look like the page being read.
  button.addEventListener("click", function (event) {
    drawer.click(); // as a tap on Material's label: Material hears the change
    var row = drawer.checked && event.detail === 0 && firstRow(shownPanel());
    if (row) row.focus({ preventScroll: true }); // mid-slide: a scroll would push the drawer's list sideways
  });
  // Tabbing out of the open drawer shuts it, as a menu does.
  document.addEventListener("focusin", function (event) {
    if (!drawer.checked || event.target === button || event.target.closest(".md-sidebar--primary")) return;
    drawer.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus(); // from wherever it was, the drawer's button too
      return;
    }
    // Opened by a tap, the focus stayed on the button: Tab goes on into the drawer, not
    // to the header after the button, which would shut it.
    if (event.key === "Tab" && !event.shiftKey && event.target === button && drawer.checked) {
      var first = firstRow(shownPanel());
      if (first) {
        event.preventDefault();
        first.focus({ preventScroll: true });
      }
      return;
    }
    var row = event.target instanceof Element && event.target.closest(PANEL_LABELS);
    if (!row || !drawer.checked || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault(); // Space would scroll
    if (event.key === " ") row.click(); // Material's keyboard presses a label on Enter
    setTimeout(function () { // after Material's press
      var toggle = document.getElementById(row.htmlFor);
      var panel = toggle.checked && toggle.parentElement.querySelector(":scope > nav");
      var next = panel ? firstRow(panel) || panel.querySelector(":scope > label.md-nav__title")
        : document.querySelector('.md-nav--primary label.md-nav__link[for="' + row.htmlFor + '"]');
      if (next) next.focus({ preventScroll: true });
    });
  });
})(document.getElementById("__drawer"), document.querySelector('.md-header label[for="__drawer"]'));
