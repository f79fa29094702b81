"""The glossary's entries, A to Z, for the glossary page to show.

The letters and each entry's name are Markdown headings, so that the page's table of
contents and permalinks come as on any page. The rest of an entry is HTML, put aside
in the page's stash: its full definition comes rendered (notes_site.rendering), and
its links are written for the built page, as every one of them is made from the
catalog (the build's link test checks them all). Markdown reads only the headings:
on a glossary of 1,300 terms, its links as Markdown were a second of the build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from html import escape
from string import ascii_uppercase

from .glossary import Entry, Role, Use
from .names import other_names
from .rendering import page_url

OTHER = "#"  # the letter of names that start with no letter, such as "2PC"
# Between the parts of an entry's sources: where a line wraps, it ends in "·", never
# begins with it.
SEPARATOR = "&nbsp;·\n"


def letter_of(name: str) -> str:
    first = name[:1].upper()
    return first if first in ascii_uppercase else OTHER


def letter_id(letter: str) -> str:
    return "letter-other" if letter == OTHER else f"letter-{letter.lower()}"


def letter_ids() -> dict[str, str]:
    """Ids the letter headings may take, whatever terms there are."""
    return {letter_id(letter): f"the glossary's letter heading '{letter}'" for letter in (*ascii_uppercase, OTHER)}


def render_entries(
    entries: list[Entry], page: str, edit_url: str, definitions: Mapping[str, str], summaries: Mapping[str, str],
    stash: Callable[[str], str],
) -> str:
    """A letter bar, then each letter's entries: name, short definition, the full
    definition folded, related terms, lessons, edit link. ``definitions`` holds each
    entry's rendered definition by id, ``summaries`` its short one; ``stash`` turns
    HTML into a placeholder that Markdown leaves alone (``md.htmlStash.store``)."""
    by_letter: dict[str, list[Entry]] = {}
    for entry in entries:
        by_letter.setdefault(letter_of(entry.name), []).append(entry)
    letters = sorted(by_letter, key=lambda letter: (letter == OTHER, letter))
    out = [
        '<nav class="glossary-letters" aria-label="Glossary letters" markdown>',
        " ".join(f"[{letter}](#{letter_id(letter)})" for letter in letters),
        "</nav>",
    ]
    names = {e.id: e.name for e in entries}
    for letter in letters:
        # A letter is no search result; an entry is found by its name.
        out += ["", f"## {letter} {{ #{letter_id(letter)} data-search-exclude }}"]
        for entry in by_letter[letter]:
            out += ["", f"### {entry.name} {{ #{entry.id} }}", ""]
            label = f"The full definition, from Lesson {entry.taught.lesson.number}"
            summary = summaries[entry.id]
            definition = folded(definitions[entry.id], "glossary", label) if says_more(entry, summary) else ""
            out += [stash(entry_body(entry, summary, page, edit_url, names, definition))]
    return "\n".join(out) + "\n"


EDITORS_SUMMARY = "The line above is the editors' summary; the full definition is the lesson's own words."


def entry_body(entry: Entry, summary: str, page: str, edit_url: str, names: dict[str, str], definition: str) -> str:
    """What follows an entry's name, as HTML."""
    # Search shows an entry's name and short definition; the full definition is found
    # where its lesson teaches it. (A <section>, not a <div>: Material's search parser
    # loses an excluded <div> holding a code block.)
    body = [f'<p class="glossary-short">{escape(summary)}</p>']
    # Searched with it: "HA" finds High Availability. docs/javascripts/search-worker.js
    # reads this line ("Also called: " and the names, ", " between) to rank the entry first.
    also_called = other_names(entry.name, entry.data.aliases)
    if also_called:
        body.append(f'<p class="glossary-also-called">Also called: {escape(", ".join(also_called))}</p>')
    body.append('<section class="glossary-entry" data-search-exclude>')
    if entry.data.summary:
        # Not the author's words, where the lesson's first sentence says too little or
        # an Editor's note corrects it: said so, as an Editor's note is marked.
        body.append(f'<p class="glossary-editorial">{EDITORS_SUMMARY}</p>')
    if definition:
        body.append(definition)
    if entry.see_also:
        related = ", ".join(f'<a href="#{id}">{escape(names[id])}</a>' for id in entry.see_also)
        body.append(f'<p class="glossary-see-also">See also: {related}</p>')
    body += [sources(entry, page, edit_url), "</section>"]
    return "\n".join(body)


def says_more(entry: Entry, summary: str) -> bool:
    """Whether the definition says more than its summary, and so is shown folded."""
    return entry.definition.strip() != summary


def folded(html: str, kind: str, label: str) -> str:
    """A rendered definition folded under ``label``, its body one element
    (``<div class="glossary-definition-body">``, which the EPUB's glossary reads)."""
    return "\n".join([
        f'<details class="{kind}-definition">',
        f"<summary>{escape(label)}</summary>",
        f'<div class="{kind}-definition-body">',
        html,
        "</div>",
        "</details>",
    ])


def sources(entry: Entry, page: str, edit_url: str) -> str:
    """Where the entry is taught and used, a link a line in the HTML: a term mentioned in
    hundreds of lessons does not make one line of hundreds of links, which the print
    page's rewriting reads once per tag."""
    parts = [f"Introduced in {lesson_link(entry.taught, page)}"]
    defined = [use for use in entry.also if use.role != Role.MENTION]
    mentioned = [use for use in entry.also if use.role == Role.MENTION]
    if defined:
        parts.append("Also defined in " + ",\n".join(lesson_link(use, page) for use in defined))
    if mentioned:
        parts.append("Also in " + ",\n".join(lesson_link(use, page, short=True) for use in mentioned))
    # Only where the notes can be edited: the EPUB and paper leave the link out.
    edit = f'<span class="glossary-edit">{SEPARATOR}<a href="{escape(edit_url + entry.taught.lesson.path)}">Edit this term</a></span>'
    return '<p class="glossary-sources">' + SEPARATOR.join(parts) + (edit if edit_url else "") + "</p>"


def lesson_link(use: Use, page: str, short: bool = False) -> str:
    lesson = use.lesson
    label = f"Lesson {lesson.number}" if short else f"Lesson {lesson.number}: {lesson.title}"
    anchor = f"#{use.anchor}" if use.anchor else ""
    return f'<a href="{escape(page_url(lesson.path, page) + anchor)}">{escape(label)}</a>'


def relative(target: str, page: str) -> str:
    """A docs-relative path as a link from a page (docs-relative too)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
