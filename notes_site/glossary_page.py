"""The Markdown of the glossary's entries, A to Z, for the glossary page to show.

Links are relative to the glossary page, so MkDocs (or Zensical) checks and
converts them as it does any link a contributor writes. A full definition comes
rendered (notes_site.rendering), its links already made for the page, and is put
aside as HTML that nothing renders again.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from html import escape
from string import ascii_uppercase

from .glossary import Entry, Role, Use

OTHER = "#"  # the letter of names that start with no letter, such as "2PC"


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
    letters = sorted({letter_of(entry.name) for entry in entries}, key=lambda letter: (letter == OTHER, letter))
    out = [
        '<nav class="glossary-letters" aria-label="Glossary letters" markdown>',
        " ".join(f"[{letter}](#{letter_id(letter)})" for letter in letters),
        "</nav>",
    ]
    names = {e.id: e.name for e in entries}
    for letter in letters:
        # A letter is no search result; an entry is found by its name.
        out += ["", f"## {letter} {{ #{letter_id(letter)} data-search-exclude }}"]
        for entry in (e for e in entries if letter_of(e.name) == letter):
            out += ["", f"### {entry.name} {{ #{entry.id} }}", ""]
            label = f"The full definition, from Lesson {entry.taught.lesson.number}"
            summary = summaries[entry.id]
            definition = stash(folded(definitions[entry.id], "glossary", label)) if says_more(entry, summary) else ""
            out += entry_body(entry, summary, page, edit_url, names, definition)
    return "\n".join(out) + "\n"


def entry_body(entry: Entry, summary: str, page: str, edit_url: str, names: dict[str, str], definition: str) -> list[str]:
    # Search shows an entry's name and short definition; the full definition is found
    # where its lesson teaches it. (A <section>, not a <div>: Material's search parser
    # loses an excluded <div> holding a code block.)
    body = [f'<p class="glossary-short">{escape(summary)}</p>', "", '<section class="glossary-entry" data-search-exclude markdown>', ""]
    if definition:
        body += [definition, ""]
    if entry.see_also:
        related = ", ".join(f"[{names[id]}](#{id})" for id in entry.see_also)
        body += [f"See also: {related}", "{ .glossary-see-also }", ""]
    return body + [sources(entry, page, edit_url), "", "</section>"]


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
    parts = [f"Introduced in {lesson_link(entry.taught, page)}"]
    defined = [use for use in entry.also if use.role != Role.MENTION]
    mentioned = [use for use in entry.also if use.role == Role.MENTION]
    if defined:
        parts.append("Also defined in " + ", ".join(lesson_link(use, page) for use in defined))
    if mentioned:
        parts.append("Also in " + ", ".join(lesson_link(use, page, short=True) for use in mentioned))
    if edit_url:
        parts.append(f"[Edit this term]({edit_url}{entry.taught.lesson.path})")
    return " · ".join(parts) + "\n{ .glossary-sources }"


def lesson_link(use: Use, page: str, short: bool = False) -> str:
    lesson = use.lesson
    label = f"Lesson {lesson.number}" if short else f"Lesson {lesson.number}: {lesson.title}"
    anchor = f"#{use.anchor}" if use.anchor else ""
    return f"[{label}]({relative(lesson.path, page)}{anchor})"


def relative(target: str, page: str) -> str:
    """A docs-relative path as a link from a page (docs-relative too)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
