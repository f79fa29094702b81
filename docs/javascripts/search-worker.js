// Material's search worker with one change: a hyphenated word in a query matches as a
// whole. Lunr would split "write-through" into "write" and "through*" and rank every
// page titled "Throughput" first; here every part is required, as a whole word.
// overrides/main.html starts this worker in place of Material's, whose URL it passes
// as ?worker=.
"use strict";

var QUERY = 2; // Material's SearchMessageType.QUERY
var HYPHENATED = /(^|\s)([^\s"+\-:^~*]+(?:-[^\s"+\-:^~*]+)+)(?=\s|$)/g;

function requireParts(query) {
  return query.replace(HYPHENATED, function (match, space, word) {
    // A stop word ("to" in "peer-to-peer") is not indexed: it cannot be required.
    var parts = word.split("-").filter(function (part) { return self.lunr.stopWordFilter(part.toLowerCase()); });
    return space + parts.map(function (part) { return "+" + part; }).join(" ");
  });
}

// Registered before Material's own listener, so it sees each query first.
addEventListener("message", function (event) {
  if (event.data && event.data.type === QUERY && typeof event.data.data === "string") {
    event.data.data = requireParts(event.data.data);
  }
});

importScripts(new URL(location.href).searchParams.get("worker"));
