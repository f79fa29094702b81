"""The flashcard deck: one card per glossary term, for the flashcards page to study.

The page's script (docs/javascripts/flashcards.js) schedules the cards; this module
only writes them, with the controls the script wires.  Each card is an element with
``data-term="<entry id>"`` (the contract other tools rely on), the term's name on the
front, and on the back its short definition, the full one folded, and a link to the
lesson that teaches it (the definition rendered once, by notes_site.rendering: the
downloads read it from the built page).  For the reverse direction (definition -> name)
a card also carries its short definition with every word that would give the term away
blanked out (see ``blanked``), so the question does not give the answer away.

Without JavaScript the controls stay hidden and the deck reads as a list.  With it,
the deck is laid out for study from the first paint, by an inline script that runs
before the page's module has loaded: the deck does not collapse under the reader's
eyes (Lighthouse measured a layout shift of 0.5 when the module did it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from html import escape

from .glossary import Entry
from .glossary_page import folded, says_more
from .names import WORD, is_capitals
from .rendering import page_url

BLANK = "…"
BLANKS = re.compile(rf"{BLANK}(?:[\s/-]*{BLANK})+")  # "…-…" (key-value) is one blank
# Words of a name that say nothing of it ("Peer-To-Peer Network", "Paxos & Raft").
FUNCTION_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
ENDINGS = ("ions", "ion", "ings", "ing", "ies", "age", "es", "ed", "s", "e", "y")
# The study layout at once, so that nothing moves when the page's module shows a card;
# if that module does not arrive (a dropped connection), the deck is a list again and
# says why. (An error event does not bubble: the document hears it as it goes down.)
STUDY_LAYOUT = """<script>(function (deck) {
  deck.classList.add("is-studying");
  document.addEventListener("error", function (event) {
    if (event.target.localName !== "script" || !event.target.src.endsWith("/flashcards.js")) return;
    deck.classList.remove("is-studying");
    var alert = document.createElement("p");
    alert.className = "study-unavailable";
    alert.setAttribute("role", "alert");
    alert.textContent = "The study session could not be loaded, so here the cards are a list to read. Reload the page to try again: your stored progress is kept.";
    deck.prepend(alert);
  }, true);
})(document.currentScript.parentElement);</script>"""

# Raw HTML: Python-Markdown keeps a block <div> without `markdown` as written. On a
# phone the choices fold under a line that names the cards chosen, so that the card and
# "Show answer" fit its first screen (the page's CSS: no move when the script comes).
# The counts are no live region: they change at each grade, where a screen reader should
# hear the next card (the deck is one).
OPTIONS = """\
<div class="flashcards-options">
<p class="flashcards-options-summary"><span class="flashcards-options-chosen"></span>
<button type="button" class="flashcards-options-toggle" aria-expanded="false" aria-controls="flashcards-choices">Options</button></p>
<div class="flashcards-choices" id="flashcards-choices">
<p class="flashcards-filter"><label for="flashcards-filter">Cards</label>
<select id="flashcards-filter"><option value="">All lessons</option></select></p>
<fieldset class="flashcards-direction">
<legend>Ask for</legend>
<label><input type="radio" name="flashcards-direction" value="forward" checked> The definition of a term</label>
<label><input type="radio" name="flashcards-direction" value="reverse"> The term of a definition</label>
</fieldset>
<p class="flashcards-new-per-day"><label for="flashcards-new-per-day">New cards a day, each direction</label>
<input type="number" id="flashcards-new-per-day" min="0" step="1" value="20">
<span class="flashcards-new-per-day-alert" role="alert"></span></p>
</div>
<p class="flashcards-counts"></p>
<p class="flashcards-options-alert" role="alert"></p>
</div>"""

# Backup, restore and the review log, here and wherever a page says [STUDY-BACKUP] (the
# home page, the study data page): its room kept until docs/javascripts/study-backup.js
# wires it, none without JavaScript.
BACKUP = """\
<div class="study-backup" data-study-backup data-search-exclude hidden>
<p class="study-backup-reminder" hidden></p>
<p class="study-backup-controls">
<button type="button" class="md-button" data-backup>Download a backup</button>
<span class="study-backup-restore"><label for="study-backup-file">Restore from a backup</label>
<input type="file" id="study-backup-file" accept=".json,application/json"></span>
<button type="button" class="study-backup-revlog" data-revlog>Download the review log (CSV)</button>
</p>
<p class="study-backup-alert" role="alert"></p>
<p class="study-backup-status" role="status"></p>
</div>"""

# Grades as in Anki; the keys 1 to 4 press them, Space or Enter shows the answer.
GRADES = ("Again", "Hard", "Good", "Easy")
ACTIONS = "\n".join([
    '<div class="flashcards-actions">',
    '<button type="button" class="md-button md-button--primary" data-reveal aria-keyshortcuts="Space Enter">'
    'Show answer <kbd aria-hidden="true">Space</kbd></button>',
    '<div class="flashcards-grades" role="group" aria-label="How well did you remember it?" hidden>',
    *(
        f'<button type="button" class="md-button" data-grade="{n}" aria-keyshortcuts="{n}">'
        f'{grade} <span class="flashcards-interval"></span> <kbd aria-hidden="true">{n}</kbd></button>'
        for n, grade in enumerate(GRADES, start=1)
    ),
    "</div>",
    '<p class="flashcards-finished" role="status"></p>',
    # A failed save, whichever control made it, or a stored value the page could not use.
    '<p class="flashcards-alert" role="alert"></p>',
    "</div>",
    BACKUP,
    # Last, apart from the rest: it cannot be undone, and a backup, just above, is what
    # a reader would want first.
    '<p class="flashcards-reset"><button type="button" class="md-button" data-reset>Reset flashcard progress</button></p>',
])


def render_deck(
    entries: list[Entry], page: str, definitions: Mapping[str, str], summaries: Mapping[str, str], stash: Callable[[str], str]
) -> str:
    """``definitions`` holds each entry's rendered definition by id, ``summaries`` its
    short one; ``stash`` turns HTML into a placeholder that Markdown leaves alone
    (``md.htmlStash.store``)."""
    # The deck repeats the glossary: search leads there, not here.  (A <section>:
    # Material's search parser ends an exclusion at the first inner end tag of the
    # excluded element's name, and the deck is made of <div>s.)
    out = ['<section class="flashcards" data-flashcards data-search-exclude markdown>', stash(STUDY_LAYOUT), "", OPTIONS, ""]
    # The cards as HTML that Markdown leaves alone: nothing in them is Markdown.
    prompts = {entry.id: blanked(entry, summaries[entry.id]) for entry in entries}
    asking: dict[str, list[Entry]] = {}
    for entry in entries:
        asking.setdefault(prompts[entry.id], []).append(entry)
    cards = []
    for entry in entries:
        summary = summaries[entry.id]
        definition = folded(definitions[entry.id], "flashcard", "The full definition") if says_more(entry, summary) else ""
        also_right = [other.name for other in asking[prompts[entry.id]] if other is not entry]
        # New cards come in the order their lessons teach them.
        order = entry.taught.lesson.terms.index(entry.term)
        cards.append(card(entry, summary, prompts[entry.id], page, definition, also_right, order))
    out += [stash("\n".join(['<div class="flashcard-deck">', *cards, "</div>"]))]
    return "\n".join([*out, "", ACTIONS, "", "</section>"]) + "\n"


def card(entry: Entry, summary: str, prompt: str, page: str, definition: str, also_right: list[str], order: int) -> str:
    """``prompt``: the question in reverse; ``also_right``: the other terms it asks for,
    whose short definitions are the same ("A popular open-source time series database");
    ``order``: the term's place in its lesson."""
    lesson = entry.taught.lesson
    anchor = f"#{entry.taught.anchor}" if entry.taught.anchor else ""
    # In reverse, the answer a student gave may be another term that fits as well.
    others = " and ".join(f"<strong>{escape(name)}</strong>" for name in also_right)
    lines = [
        f'<div class="flashcard" data-term="{entry.id}" data-lesson="{lesson.number}" data-order="{order}">',
        # The question a heading, for a screen reader to go to: the prompt, shown in
        # reverse only, or the term (in reverse, the answer's first line).
        f'<p class="flashcard-prompt" role="heading" aria-level="2">{escape(prompt)}</p>',
        f'<p class="flashcard-front" role="heading" aria-level="2">{escape(entry.name)}</p>',
        '<div class="flashcard-back">',
        *([f'<p class="flashcard-also-right">Also right: {others}, with the same definition</p>'] if also_right else []),
        f'<p class="flashcard-short">{escape(summary)}</p>',
        *([definition] if definition else []),
        f'<p class="flashcard-lesson"><a href="{escape(page_url(lesson.path, page) + anchor)}">'
        f"{escape(f'Lesson {lesson.number}: {lesson.title}')}</a></p>",
        "</div>",
        "</div>",
    ]
    return "\n".join(lines)


def blanked(entry: Entry, summary: str) -> str:
    """The short definition without a word that gives the term away: "A … stores data".
    A word does if it holds one of the term's acronyms ("PostgreSQL" for SQL), begins
    with a word of its names ("Google's", "peers"), has that word's stem ("replicating"
    for Replication, "caching" for Cache, "storing" for Storage) or is the start of it
    ("replicas").  Blanks in a row become one."""
    giveaways = [word for name in entry.names for word in WORD.findall(name) if word.lower() not in FUNCTION_WORDS]
    text = WORD.sub(lambda m: BLANK if any(gives_away(m.group(), w) for w in giveaways) else m.group(), summary)
    return BLANKS.sub(BLANK, text)


def gives_away(word: str, name_word: str) -> bool:
    if is_capitals(name_word):  # an acronym: as written, even inside a word
        return name_word in word
    lower, name = word.lower(), name_word.lower()
    word_stem, name_stem = stem(lower), stem(name)
    # Five letters or more: "replica" gives Replication away; "data" says nothing of Database.
    return (
        lower.startswith(root(name)) or word_stem == name_stem
        or (len(word_stem) >= 5 and name_stem.startswith(word_stem))
    )


def root(word: str) -> str:
    """What its other forms begin with: "cache" -> "cach" (caching), "proxy" -> "prox"."""
    return word[:-1] if len(word) > 3 and word[-1] in "ey" else word


@lru_cache(maxsize=8192)  # each short definition's words, against each word of the term's names
def stem(word: str) -> str:
    """A lower-case word without its ending: "replication", "replicating" -> "replicat"."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not (ending == "s" and word.endswith("ss")):
            return word[: -len(ending)]
    return word
