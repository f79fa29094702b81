"""The Markdown of the glossary's entries, A to Z, for the glossary page to show.

Links are relative to the glossary page, so MkDocs (or Zensical) checks and
converts them as it does any link a contributor writes.
"""

from __future__ import annotations

import posixpath
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


def render_entries(entries: list[Entry], page: str, edit_url: str) -> str:
    """A letter bar, then each letter's entries: name, short definition, the full
    definition folded, related terms, lessons, edit link."""
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
            out += ["", f"### {entry.name} {{ #{entry.id} }}", ""] + entry_body(entry, page, edit_url, names)
    return "\n".join(out) + "\n"


def entry_body(entry: Entry, page: str, edit_url: str, names: dict[str, str]) -> list[str]:
    # Search shows an entry's name and short definition; the full definition is found
    # where its lesson teaches it. (A <section>, not a <div>: Material's search parser
    # loses an excluded <div> holding a code block.)
    lesson = entry.taught.lesson
    body = [f'<p class="glossary-short">{escape(entry.summary)}</p>', "", '<section class="glossary-entry" data-search-exclude markdown>', ""]
    if entry.definition.strip() != entry.summary:
        body += [
            f'<details class="glossary-definition" data-lesson="{lesson.path}" markdown>',
            f"<summary>The full definition, from Lesson {lesson.number}</summary>",
            "",
            entry.definition,
            "",
            "</details>",
            "",
        ]
    if entry.see_also:
        related = ", ".join(f"[{names[id]}](#{id})" for id in entry.see_also)
        body += [f"See also: {related}", "{ .glossary-see-also }", ""]
    return body + [sources(entry, page, edit_url), "", "</section>"]


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


def rebase(url: str, source: str, page: str) -> str:
    """A relative link written in ``source`` made to work on ``page``."""
    if not url or url.startswith(("#", "/")) or "://" in url or url.startswith(("mailto:", "data:")):
        return f"{relative(source, page)}{url}" if url.startswith("#") else url
    return relative(posixpath.normpath(posixpath.join(posixpath.dirname(source), url)), page)
