// The lessons a reader has marked as done, kept in this browser only (study-data.js):
// the "Mark as done" button under a lesson's title (written by notes_site/extension.py)
// and, on the home page, which lessons are done, the one to go on with, and the backup;
// the backup on the study data page too.
// On every page, since every lesson has the button. It sets a page up on Material's
// `document$`, which fires once per page load, and would fire at each page change were
// `navigation.instant` on (it is off, see mkdocs.yml). The store's modules load only on
// a page that has one of these.
(function () {
  var LESSON_URL = /\/lessons\/(\d+)-[^/]*\/?$/;
  var here = document.currentScript.src;

  function load(name) {
    return import(new URL(name, here).href); // a module loads once per visit, however often asked
  }

  function isDone(store, number) {
    var mark = store.data.done[String(number)];
    return Boolean(mark && mark.done);
  }

  // `shows` holds each toggle's show(), on a page: a lesson has one under its title and
  // one at its end, and a press of either shows on both.
  function wireToggle(button, store, shows) {
    var number = Number(button.dataset.lessonDone);
    var alert = document.createElement("span");
    alert.className = "lesson-done-alert";
    alert.setAttribute("role", "alert");
    button.after(alert);
    var show = function (data, before, failed) {
      button.setAttribute("aria-pressed", String(isDone(store, number)));
      if (failed) alert.textContent = failed;
    };
    show();
    shows.push(show);
    store.watch(button, show); // marked in another tab
    button.addEventListener("click", function () {
      var done = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(done)); // the choice shows for this visit, saved or not
      var failed = store.update(done ? "The done mark" : "Taking off the done mark", function (data) {
        data.done[String(number)] = { done: done, changed: new Date().toISOString() };
      });
      alert.textContent = failed || store.notices.join(" ");
      shows.forEach(function (other) { if (other !== show) other(); }); // saved or not, as here
      if (done) store.askToPersist();
    });
    if (shows.length === 1) alert.textContent = store.notices.join(" "); // by the first button only: heard once
    button.parentElement.hidden = false;
  }

  // The home page lists the written lessons in course order, one card each: mark the
  // done ones and offer the first that is not. Before any is done, the box says what
  // the page itself says in it (docs/index.md), which the box keeps room for while
  // the study data loads (extra.css): a first visit's view, so that on a first visit
  // the lessons under it do not move when it shows. Once all are done, it says the
  // page's words for that, which take no room until then.
  var pageWords = new WeakMap(); // each box's own paragraphs, before any is replaced
  function showProgress(box, store, failed) {
    if (!pageWords.has(box)) {
      pageWords.set(box, {
        firstVisit: box.querySelector("p:not(.course-progress-all-done)") || document.createElement("p"),
        allDone: box.querySelector(".course-progress-all-done") || document.createElement("p"),
      });
      // A shorter line than the room kept would pull the lessons up under the eye: it
      // keeps that room, until the page is laid out anew at another width anyway.
      box.style.minHeight = box.getBoundingClientRect().height + "px"; // offsetHeight rounds
      window.addEventListener("resize", function () { box.style.minHeight = ""; }, { once: true });
    }
    var words = pageWords.get(box);
    document.querySelectorAll(".lesson-card-done").forEach(function (badge) { badge.remove(); });
    document.querySelectorAll(".grid.cards a[aria-describedby^='lesson-done-']").forEach(function (link) {
      link.removeAttribute("aria-describedby");
    });
    var lessons = [];
    document.querySelectorAll(".grid.cards li").forEach(function (card) {
      var link = card.querySelector("a[href]");
      var match = link && new URL(link.href).pathname.match(LESSON_URL);
      if (!match) return;
      var lesson = { number: Number(match[1]), link: link, done: isDone(store, Number(match[1])) };
      lessons.push(lesson);
      if (lesson.done) {
        var badge = document.createElement("span");
        badge.className = "lesson-card-done";
        badge.id = "lesson-done-" + lesson.number;
        badge.textContent = "Done";
        card.append(" ", badge);
        link.setAttribute("aria-describedby", badge.id); // heard with the link, outside which it sits
      }
    });
    var todo = lessons.filter(function (lesson) { return !lesson.done; });
    var next = todo[0];
    var count = lessons.length - todo.length;
    var line = count ? document.createElement("p") : words.firstVisit;
    if (count && next) {
      line.textContent = "You have marked " + count + " of " + lessons.length + " lessons as done. ";
      var title = next.link.textContent.trim().replace(/^\d+\.\s*/, "");
      var go = document.createElement("a");
      go.className = "md-button md-button--primary";
      go.href = next.link.href;
      go.textContent = "Continue with Lesson " + next.number + ": " + title;
      line.append(go);
    } else if (count) {
      words.allDone.childNodes.forEach(function (node) { line.append(node.cloneNode(true)); });
    }
    var notices = document.createElement("p");
    notices.setAttribute("role", "alert");
    notices.textContent = failed || store.notices.join(" ");
    var hadFocus = box.contains(document.activeElement); // "Continue with…", which this replaces
    box.replaceChildren(line, notices);
    box.hidden = false;
    if (hadFocus) focusIn(box);
  }

  // The focus where it was, on the box's new link ("Continue with…", or once every
  // lesson is done the flashcards'), or on the box itself, rather than lost to the page
  // when another tab changes what it says.
  function focusIn(box) {
    var link = box.querySelector("a[href]");
    if (link) return link.focus();
    box.tabIndex = -1;
    box.focus();
  }

  // Each element is set up once, when it is still hidden: under instant navigation
  // document$ could show the same page again.
  document$.subscribe(function () {
    var unwired = function (element) {
      if (!element || "wired" in element.dataset) return false;
      element.dataset.wired = ""; // now: the modules load asynchronously
      return true;
    };
    var toggles = [].filter.call(document.querySelectorAll(".lesson-done[hidden] > button[data-lesson-done]"), unwired);
    var box = document.querySelector("[data-course-progress][hidden]");
    if (!unwired(box)) box = null;
    // A backup box on a page of its own (the study data page): wired alone, and once, by
    // study-backup.js's own mark. The home page's is wired with its progress, and the
    // deck's by the deck (flashcards.js).
    var lone = document.querySelector("[data-study-backup][hidden]:not([data-flashcards] [data-study-backup])");
    if (box || document.querySelector("[data-course-progress]")) lone = null;
    if (!toggles.length && !box && !lone) return;
    load("study-data.js").then(function (studyData) {
      var store = studyData.openStore();
      var shows = [];
      toggles.forEach(function (button) { wireToggle(button, store, shows); });
      if (lone) wireBackupBox(lone, function () {});
      if (!box) return;
      var refresh = function (data, before, failed) { showProgress(box, store, failed); };
      refresh();
      store.watch(box, refresh);
      wireBackupBox(document.querySelector("[data-study-backup]"), refresh);
    }).catch(function (error) {
      toggles.forEach(function (button) {
        button.disabled = true;
        sayUnavailable(button.parentElement, "Your progress could not be loaded, so this lesson cannot be marked as done for now.", error);
      });
      if (lone) {
        lone.replaceChildren(); // controls that would do nothing
        sayUnavailable(lone, "Your progress could not be loaded, so it cannot be backed up or restored for now.", error);
      }
      if (!box) return;
      box.replaceChildren();
      sayUnavailable(box, "Your progress could not be loaded.", error);
      var backupBox = document.querySelector("[data-study-backup]");
      if (backupBox) backupBox.remove(); // nothing to back up without the study data, said once
    });
  });

  // Backup and restore (study-backup.js), its failure to load said in its place.
  function wireBackupBox(backupBox, onRestore) {
    load("study-backup.js").then(function (backup) {
      backup.wireBackup(backupBox, onRestore);
    }).catch(function (error) {
      if (!backupBox) return;
      backupBox.replaceChildren(); // controls that would do nothing
      sayUnavailable(backupBox, "Backup and restore could not be loaded.", error);
    });
  }

  // A script that did not arrive (a dropped connection, say), or failed: said where its
  // controls would be, not left as an empty space. What is stored is untouched.
  function sayUnavailable(element, what, error) {
    if (!element) return;
    console.error(error);
    var alert = document.createElement("span");
    alert.className = "study-unavailable";
    alert.setAttribute("role", "alert");
    alert.textContent = what + " Reload the page to try again: your stored progress is kept.";
    element.append(alert);
    element.hidden = false;
  }
})();
