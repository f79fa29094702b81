// The lessons a reader has marked as done, kept in this browser's localStorage only:
// the "Mark as done" button under a lesson's title (written by notes_site/extension.py)
// and, on the home page, which lessons are done and the one to go on with.
// On every page, since every lesson has the button. It sets a page up on Material's
// `document$`, which fires once per page load, and would fire at each page change were
// `navigation.instant` on (it is off, see mkdocs.yml).
(function () {
  var STORE = "systemsexpert.lessons-done";
  var LESSON_URL = /\/lessons\/(\d+)-[^/]*\/?$/;

  function load() {
    try {
      var done = JSON.parse(localStorage.getItem(STORE));
      return Array.isArray(done) ? done : [];
    } catch (error) {
      return []; // no storage here (a private window, a policy): nothing is done yet
    }
  }

  function save(done) {
    try {
      localStorage.setItem(STORE, JSON.stringify(done));
    } catch (error) {
      // Storage refused: the button still shows the choice for this visit.
    }
  }

  function wireToggle(button) {
    var number = Number(button.dataset.lessonDone);
    var show = function (done) {
      button.setAttribute("aria-pressed", String(done.indexOf(number) >= 0));
    };
    show(load());
    button.addEventListener("click", function () {
      var done = load().filter(function (n) { return n !== number; });
      if (button.getAttribute("aria-pressed") !== "true") done.push(number);
      done.sort(function (a, b) { return a - b; });
      save(done);
      show(done);
    });
    button.parentElement.hidden = false;
  }

  // The home page lists the written lessons in course order, one card each: mark the
  // done ones and offer the first that is not.
  function showProgress(box) {
    var done = load();
    var lessons = [];
    document.querySelectorAll(".grid.cards li").forEach(function (card) {
      var link = card.querySelector("a[href]");
      var match = link && new URL(link.href).pathname.match(LESSON_URL);
      if (!match) return;
      var lesson = { number: Number(match[1]), link: link, done: done.indexOf(Number(match[1])) >= 0 };
      lessons.push(lesson);
      if (lesson.done) {
        var badge = document.createElement("span");
        badge.className = "lesson-card-done";
        badge.textContent = "Done";
        card.append(" ", badge);
      }
    });
    var todo = lessons.filter(function (lesson) { return !lesson.done; });
    var next = todo[0];
    var count = lessons.length - todo.length;
    var line = document.createElement("p");
    line.textContent = count
      ? "You have marked " + count + " of " + lessons.length + " lessons as done. "
      : "Mark a lesson as done at the top of its page, and your progress shows here. ";
    if (next) {
      var title = next.link.textContent.trim().replace(/^\d+\.\s*/, "");
      var go = document.createElement("a");
      go.className = "md-button md-button--primary";
      go.href = next.link.href;
      go.textContent = (count ? "Continue with" : "Start with") + " Lesson " + next.number + ": " + title;
      line.append(go);
    } else if (lessons.length) {
      line.append("Every written lesson is done: keep their terms fresh with the flashcards.");
    }
    box.replaceChildren(line);
    box.hidden = false;
  }

  // Each element is set up once, when it is still hidden: under instant navigation
  // document$ could show the same page again.
  document$.subscribe(function () {
    document.querySelectorAll(".lesson-done[hidden] > button[data-lesson-done]").forEach(wireToggle);
    var box = document.querySelector("[data-course-progress][hidden]");
    if (box) showProgress(box);
  });
})();
