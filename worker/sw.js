// The site's service worker: after one visit, every page, figure, script and the search
// index come from this browser's cache, so the notes work without a network.
// scripts/offline.py writes it into the built site as sw.js, after Workbox's runtime
// (`workbox.*`) and the precache manifest (`self.__WB_MANIFEST`: each file with a hash of
// its content). javascripts/offline.js registers it, with the site's root as its scope.
/* global workbox */
"use strict";

(function () {
  var precaching = workbox.precaching;
  var routing = workbox.routing;
  var strategies = workbox.strategies;
  var OFFLINE_PAGE = new URL("offline/", self.registration.scope).href;
  // The downloads: a failed one is the browser's network error, never a page of ours.
  var DOWNLOADS = /\/downloads\//;

  // Workbox ends each cache's name with the scope (https://host/notes/), so that two
  // sites on one origin keep apart; the prefix says whose caches they are.
  workbox.core.setCacheNameDetails({ prefix: "systemsexpert-notes" });

  // Each file of the manifest is fetched at install; an update fetches the files whose
  // revision changed and swaps the whole set at activation, so the search index is
  // never older or newer than the pages beside it. Query strings name no other file
  // on this static site (Material's ?h= highlight, the search worker's ?worker=).
  precaching.cleanupOutdatedCaches();
  // A worker's address is that of the response it runs from, and a kept response has
  // lost the query string (the search worker reads its channel there): a copy, which
  // has no address of its own, runs at the address asked for. Before the precache's
  // route, which would answer first.
  routing.registerRoute(
    function (options) {
      return options.request.destination === "worker";
    },
    function (options) {
      var file = new URL(options.url.pathname, options.url.origin).href;
      return precaching.matchPrecache(file).then(function (kept) {
        if (!kept) return fetch(options.request);
        return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers: kept.headers });
      });
    }
  );
  precaching.precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

  // A page that is not kept (the print page, a new page of a later deploy) comes from the
  // network; without one, the offline page says so.
  routing.registerRoute(new routing.NavigationRoute(new strategies.NetworkOnly(), { denylist: [DOWNLOADS] }));
  routing.setCatchHandler(function (options) {
    var url = options.url;
    if (options.request.mode === "navigate" && !DOWNLOADS.test(url.pathname) && !url.pathname.endsWith("/")) {
      // A page's address typed or shared without its last "/": kept, it is sent there,
      // as GitHub Pages does online.
      var page = new URL(url.pathname + "/", url);
      return precaching.matchPrecache(page.href + "index.html").then(function (kept) {
        return kept ? Response.redirect(page.href + url.search + url.hash, 301) : offlinePage(options);
      });
    }
    return offlinePage(options);
  });

  function offlinePage(options) {
    if (options.request.mode === "navigate" && !DOWNLOADS.test(options.url.pathname)) {
      // A redirect, not the page's HTML under the asked-for URL: its relative links and
      // assets resolve from offline/ as they should.
      return precaching.matchPrecache("offline/index.html").then(function (page) {
        return page ? Response.redirect(OFFLINE_PAGE + "?page=" + encodeURIComponent(options.url.href), 302) : Response.error();
      });
    }
    return Response.error();
  }

  // "Reload" in the update notice (javascripts/offline.js, workbox-window's
  // messageSkipWaiting): the new version takes over now, not when every tab has closed.
  self.addEventListener("message", function (event) {
    if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
  });
})();
