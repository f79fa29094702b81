// Material's search worker with two changes. overrides/main.html starts this worker in
// place of Material's, whose URL it passes as ?worker=.
//
// 1. A hyphenated word in a query matches as a whole. Lunr would split "write-through"
//    into "write" and "through*" and rank every page titled "Throughput" first; here
//    every part is required, as a whole word.
// 2. The documents are fetched when the reader first focuses the search box (the page
//    says so on the BroadcastChannel named by ?channel=), or at the first query, not on
//    every page load. The build (hooks/notes_hook.py) moves them out of
//    search_index.json into the file that the index's config names as `documents`:
//    about 52 KiB (gzip) and the building of the index, which a page view without a
//    search never needs. An index that still holds its documents (a build without the
//    hook) is passed on as it is.
"use strict";

// Material's SearchMessageType.
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var HYPHENATED = /(^|\s)([^\s"+\-:^~*]+(?:-[^\s"+\-:^~*]+)+)(?=\s|$)/g;
var SITE = new URL("../", location.href); // this file is javascripts/search-worker.js

function requireParts(query) {
  return query.replace(HYPHENATED, function (match, space, word) {
    // A stop word ("to" in "peer-to-peer") is not indexed: it cannot be required.
    var parts = word.split("-").filter(function (part) { return self.lunr.stopWordFilter(part.toLowerCase()); });
    return space + parts.map(function (part) { return "+" + part; }).join(" ");
  });
}

// --- Documents on demand ------------------------------------------------------------

var waiting = null; // until Material has its index: { setup, queries, loading }
var answer = self.postMessage.bind(self); // to the page, past the override below

function fetchDocuments() {
  waiting.loading = true;
  fetch(new URL(waiting.setup.config.documents, SITE))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    })
    .then(function (docs) {
      waiting.setup.docs = docs;
      dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data: waiting.setup } }));
    })
    .catch(function (error) {
      console.warn("Search: the documents could not be loaded", error);
      waiting.loading = false; // the next query tries again
      waiting.queries = [];
      answer({ type: RESULT, data: { items: [] } });
    });
}

var channel = new URL(location.href).searchParams.get("channel");
if (channel) {
  new BroadcastChannel(channel).onmessage = function () {
    if (waiting && !waiting.loading) fetchDocuments(); // the reader is about to search
  };
}

// Material answers its setup with READY: the page heard that already, so the queries
// that waited go to Material now, in order.
self.postMessage = function (message) {
  if (message && message.type === READY && waiting && waiting.loading) {
    var queries = waiting.queries;
    waiting = null;
    queries.forEach(function (query) {
      dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } }));
    });
    return;
  }
  answer(message);
};

// Registered before Material's own listener, so it sees each message first.
addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === QUERY && typeof message.data === "string") {
    message.data = requireParts(message.data);
  }
  if (message.type === SETUP && message.data.config.documents && !message.data.docs.length) {
    event.stopImmediatePropagation(); // Material sets up once the documents are here
    waiting = { setup: message.data, queries: [], loading: false };
    answer({ type: READY });
  } else if (message.type === QUERY && waiting) {
    event.stopImmediatePropagation();
    if (!waiting.loading && !message.data.trim()) {
      answer({ type: RESULT, data: { items: [] } }); // the empty box the page asks about at first
      return;
    }
    waiting.queries.push(message.data);
    if (!waiting.loading) fetchDocuments();
  }
});

importScripts(new URL(location.href).searchParams.get("worker"));
