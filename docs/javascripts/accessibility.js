// Names for what Material leaves unnamed: the search dialog, and the toolbar
// (a <nav> landmark) of each code block, which must differ from one another.
document$.subscribe(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search");
  document.querySelectorAll(".md-code__nav").forEach(function (nav, index) {
    nav.setAttribute("aria-label", "Code block " + (index + 1) + " actions");
  });
});
