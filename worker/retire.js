// The kill switch: a service worker that removes itself. Deployed as sw.js in place of the
// real one (`python scripts/offline.py site --retire`, see CONTRIBUTING.md), it replaces
// the worker in every reader's browser at their next visit, deletes this site's caches
// (the names that end with its scope: other sites on the origin keep theirs) and
// unregisters, so that every page comes from the network again. It answers no request.
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting(); // no waiting for the old worker's tabs to close
});

self.addEventListener("activate", function (event) {
  var scope = self.registration.scope;
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) { return name.endsWith(scope); }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.registration.unregister(); })
  );
});
