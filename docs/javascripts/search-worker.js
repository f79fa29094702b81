// Material's search worker with these changes. overrides/main.html starts this worker in
// place of Material's, whose URL it passes as ?worker=, and names a BroadcastChannel of
// the page's own as ?channel=.
//
// 1. A hyphenated word in a query matches as a whole. Lunr would split "write-through"
//    into "write" and "through*" and rank every page titled "Throughput" first; here
//    every part is required, as a whole word.
// 2. The documents are fetched apart from the index, once the page is idle after its
//    load event, or as soon as the reader focuses the search box: the page says so on
//    the channel ("prepare", again if the worker says it is "listening" only after
//    that). The build (hooks/site_hook.py) moves them out of
//    search_index.json into the file that the index's config names as `documents`:
//    about 52 KiB (gzip), and the building of the index, kept out of the page's load
//    and off its main thread. Until Material has built its index the page shows
//    "Initializing search", as stock Material does. An index that still holds its
//    documents (a build without the hook) is passed on as it is.
// 3. A setup that fails does not leave "Initializing search" for good: documents not
//    fetched within the config's `documents_timeout` (ms), not JSON, or that Material
//    cannot index. The worker says so on the channel ("failed"), the page shows it, and
//    asks again at the reader's next keystroke.
// 4. So does an index that never comes. Material's page fetches search_index.json and
//    passes it on; when that fetch fails, Material's page does nothing more, and no
//    keystroke can bring it back. If the index has not come INDEX_WAIT_MS after the
//    page asked, the worker says "lost", and the page asks the reader to reload it
//    (should the index come after all, Material's next results replace that).
// 5. A plural finds its singular: "replicas" also asks for "replica", and "proxies" for
//    "proxy"; and "caching" the cache, "sharded" sharding (Material's English index has
//    no stemmer, and its trailing wildcard only finds longer words).
// 6. A section named as the query is its page's first result, never folded under
//    "more on this page": "cache" and "caching" show the glossary's Cache before Cache
//    Hit, "IP" the entry "IP - Internet Protocol" before IP Packet, and "HA" the entry
//    "Also called: HA" (notes_site/glossary_page.py) before SHA.
// 7. A question's stop words are left out, but for its last word, which may be a word
//    still being typed, where no word before it is of its own ("what is a" keeps "a";
//    "what does cdn stand for" drops "for", which found "forward" first); and so is
//    the ending of "what's": the index has no stop words,
//    so Material's trailing wildcard made "a" of "what is a cdn" find every word that
//    starts with an "a", which ranked SLA and DNS above CDN and marked every "a" of the
//    page it opened.
// 8. A page that has every word of the query comes before one that has only some, in
//    Material's order otherwise: "health checks" found the contributing page's title
//    "What CI checks" before the load balancers' health checks.
// 9. A query that finds nothing is asked again with a typo allowed in each word of 5
//    letters or more: latency typed with an "a" for its "e" finds it.
"use strict";

// Material's SearchMessageType.
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var HYPHENATED = /(^|\s)([^\s"+\-:^~*]+(?:-[^\s"+\-:^~*]+)+)(?=\s|$)/g;
var SITE = new URL("../", location.href); // this file is javascripts/search-worker.js
var INDEX_WAIT_MS = 10000; // the index is the config alone (some hundred bytes): long enough on 2G

function withoutStopWords(query) {
  // An apostrophe parts words, in the index as in the query: "what's" would ask for an
  // "s" too, which Material's wildcard makes every word that starts with one.
  var words = query.replace(/([a-z])['‘’](?:s|re|ve|ll|d|m|t)(?![a-z])/gi, "$1").trim().split(/\s+/);
  var isStopWord = function (word) { return /^[a-z]+$/i.test(word) && !self.lunr.stopWordFilter(word.toLowerCase()); };
  // The last word is kept as it may be still being typed, unless the query has words
  // of its own before it: "for" of "what does cdn stand for" found "forward" first.
  var named = words.slice(0, -1).some(function (word) { return !isStopWord(word); });
  return words.filter(function (word, index) {
    return !isStopWord(word) || (index === words.length - 1 && !named);
  }).join(" ");
}

function requireParts(query) {
  return query.replace(HYPHENATED, function (match, space, word) {
    // A stop word ("to" in "peer-to-peer") is not indexed: it cannot be required.
    var parts = word.split("-").filter(function (part) { return self.lunr.stopWordFilter(part.toLowerCase()); });
    return space + parts.map(function (part) { return "+" + part; }).join(" ");
  });
}

// A plain word and its singulars, by the common English rules: "proxies" and "proxy";
// "caches" and "cache", and without its "es" too, as "matches" is "match". A verb's or
// an adverb's ending goes too, for the wildcard to find the stem's other forms:
// "caching" asks for its first 4 letters (cache, cached), "sharded" for "shard",
// "strongly" for "strong"; not where less than 4 letters would be left ("string").
function forms(word) {
  if (!/^[a-z]{4,}$/.test(word)) return [word];
  if (/ies$/.test(word)) return [word, word.slice(0, -3) + "y"];
  if (/(s|x|z|ch|sh)es$/.test(word)) return [word, word.slice(0, -1), word.slice(0, -2)];
  if (/[^su]s$/.test(word)) return [word, word.slice(0, -1)];
  var stem = word.replace(/(?:ing|ed|ly)$/, "");
  return stem !== word && stem.length >= 4 ? [word, stem] : [word];
}

function withSingulars(query) {
  return query.replace(/(^|\s)([a-z]+)(?=\s|$)/gi, function (match, space, word) {
    return space + [word].concat(forms(word.toLowerCase()).slice(1)).join(" ");
  });
}

// The words of a query or a title, without lunr's operators (the page adds a trailing
// "*") or Material's highlighting ("<mark>Cache</mark>"); a hyphen parts words, as the
// index does.
function wordsOf(text) {
  return text.toLowerCase().replace(/<[^>]*>|~\d*|[*+^"]/g, "").split(/[\s\-]+/).filter(Boolean);
}

// A glossary entry's other names, from its line "Also called: HA, highly available".
var ALSO_CALLED = /<p>Also called: ([^<]*)<\/p>/; // the index keeps tags, not their attributes

function otherNames(text) {
  var line = ALSO_CALLED.exec(text.replace(/<\/?mark>/g, ""));
  return line ? line[1].split(", ") : [];
}

// A title that names a term twice, as notes_site.names reads it: "IP - Internet
// Protocol", "DNS: Domain Name System", "SLA (Service-level agreement)".
var NAMED_TWICE = [/^(.+?) \((.+)\)$/, /^([^:]+): (.+)$/, /^(.+?) - (.+)$/];

function titleNames(title) {
  for (var i = 0; i < NAMED_TWICE.length; i++) {
    var both = NAMED_TWICE[i].exec(title);
    if (both) return [title, both[1], both[2]];
  }
  return [title];
}

function isNamed(doc, query) {
  return titleNames(doc.title || "").concat(otherNames(doc.text || "")).some(function (name) { return isTitled(name, query); });
}

// A title that is the query, word for word, but for plurals and a verb's form:
// "caches" and "caching" are "Cache".
function isTitled(title, query) {
  var said = wordsOf(query), words = wordsOf(title);
  return said.length === words.length && said.every(function (word, index) {
    var mine = forms(words[index]);
    if (/^[a-z]{4,}e$/.test(words[index])) mine = mine.concat(words[index].slice(0, -1)); // "cache" less its "e": what "caching" asks for
    return forms(word).some(function (form) { return mine.indexOf(form) !== -1; });
  });
}

// Whether a result (Material's matched terms, each true or false) has each word of the
// query, in one of its forms; a word no result has (a stop word) is not asked for.
function hasEveryWord(doc, words) {
  return words.every(function (forms) {
    return forms.some(function (form) { return doc.terms && doc.terms[form]; });
  });
}

function completeMatchesFirst(result, query) {
  var asked = wordsOf(query).map(forms).filter(function (wordForms) {
    return result.items.some(function (docs) {
      return docs.some(function (doc) { return wordForms.some(function (form) { return doc.terms && form in doc.terms; }); });
    });
  });
  if (asked.length < 2) return;
  var complete = function (docs) { return docs.some(function (doc) { return hasEveryWord(doc, asked); }); };
  result.items = result.items.filter(complete).concat(result.items.filter(function (docs) { return !complete(docs); }));
}

function withTyposAllowed(query) {
  return query.replace(/(^|\s)([a-z]{5,})(?=\s|$)/gi, "$1$2~1");
}

function exactTitlesFirst(result, query) {
  result.items.forEach(function (docs) {
    var top = docs[0].score;
    var exact = docs.findIndex(function (doc, index) {
      return index > 0 && doc.location.indexOf("#") !== -1 && isNamed(doc, query);
    });
    if (exact === -1) return;
    var doc = docs.splice(exact, 1)[0];
    doc.score = Math.max(doc.score, top); // Material folds what scores below the first
    docs.unshift(doc);
  });
}

// --- The setup: documents fetched when the page asks, failures reported -------------

var channel = new BroadcastChannel(new URL(location.href).searchParams.get("channel"));
var setup = null; // Material's SETUP data, which the fetched documents join
var asked = false; // the page asked for search; it may ask before SETUP comes
var busy = false; // fetching the documents, or Material building its index
var ready = false;
var passing = false; // our own SETUP, on its way to Material
var waiting = null; // the wait for Material's index, from the page's first ask

function fetchJSON(url, timeout) {
  var controller = new AbortController();
  var timer = setTimeout(function () {
    controller.abort(new Error("no answer within " + timeout + " ms: " + url));
  }, timeout);
  return fetch(url, { signal: controller.signal }) // the signal also ends a body that stalls
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    })
    .finally(function () { clearTimeout(timer); });
}

function giveToMaterial() {
  passing = true;
  dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data: setup } }));
  passing = false;
}

function start() {
  if (!setup || !asked || busy || ready) return;
  busy = true;
  if (!setup.config.documents) return giveToMaterial(); // a retry of an index that failed as it came
  fetchJSON(new URL(setup.config.documents, SITE), setup.config.documents_timeout).then(
    function (docs) {
      setup.docs = docs;
      giveToMaterial();
    },
    fail
  );
}

function waitForIndex() {
  if (setup || waiting) return;
  waiting = setTimeout(function () {
    if (setup) return;
    console.warn("Search could not be set up: no index within " + INDEX_WAIT_MS + " ms of the page asking.");
    channel.postMessage("lost");
  }, INDEX_WAIT_MS);
}

function fail(reason) {
  busy = false;
  console.warn("Search could not be set up; the next keystroke tries again.", reason);
  channel.postMessage("failed");
}

channel.onmessage = function (event) {
  if (event.data === "prepare") {
    asked = true;
    waitForIndex();
    start();
  }
};
channel.postMessage("listening"); // the page may have asked before this worker started

// Material's message handler is async: a setup that throws is a rejection nobody handles.
addEventListener("unhandledrejection", function (event) {
  if (busy && !ready) {
    event.preventDefault(); // reported by fail(), once
    fail(event.reason);
  }
});

// Material answers its setup with READY, and each query with its RESULT.
var answer = self.postMessage.bind(self);
var lastQuery = "";
var retried = null; // the query last asked again with typos allowed
self.postMessage = function (message) {
  if (message && message.type === READY) ready = true;
  if (message && message.type === RESULT && message.data && message.data.items && !message.data.items.length) {
    var asked = lastQuery, again = withTyposAllowed(asked);
    if (again !== asked && retried !== asked) {
      retried = asked;
      // Its answer stands for this one, unless the reader has typed on meanwhile.
      setTimeout(function () {
        if (lastQuery === asked) dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: again, retry: true } }));
      });
      return;
    }
  }
  if (message && message.type === RESULT && message.data && message.data.items) {
    completeMatchesFirst(message.data, lastQuery);
    exactTitlesFirst(message.data, lastQuery);
  }
  answer(message);
};

// Registered before Material's own listener, so it sees each message first.
addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === QUERY && typeof message.data === "string") {
    // The reader's own query, typed again ("latancy", then a space): tried again too.
    if (!message.retry) retried = null;
    lastQuery = withoutStopWords(message.data);
    message.data = withSingulars(requireParts(lastQuery));
  }
  if (message.type === SETUP && !passing) {
    setup = message.data;
    if (setup.config.documents) {
      event.stopImmediatePropagation(); // Material sets up once the documents are here
      start();
    } else {
      busy = true; // Material builds its index from the documents it came with
    }
  }
});

importScripts(new URL(location.href).searchParams.get("worker"));
