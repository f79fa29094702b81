"""Annotate a lesson: mark the first mention of each term and acronym in every section.

A term becomes a link to its glossary entry whose title is the term's first
sentence: Material's ``content.tooltips`` shows it on hover and focus.  An
acronym that is no term becomes an ``<abbr>`` with its expansion.  Headings,
code, links and the term's own definition are left alone.

A prerequisite repeats a definition that another lesson teaches, so it is kept
out of the search index: search leads to where the term is taught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .glossary import Entry, NameFinder
from .terms import PREREQUISITES, walk

# Spans a mention must not be found in: code, links, images, URLs, HTML tags.
PROTECTED = re.compile(
    r"`+[^`]*`+"  # inline code
    r"|!?\[[^\]]*\]\([^)]*\)"  # links and images
    r"|<[^>]*>"  # autolinks and HTML
    r"|https?://\S+"  # bare URLs
)
NOT_PROSE = ("!!!", "???", "*[", "{")


@dataclass(frozen=True)
class Marker:
    key: str  # one mark per key per section
    opening: str
    closing: str


@dataclass(frozen=True)
class Mentions:
    """What to look for in a lesson and how to mark it; made once per build."""

    finder: NameFinder
    markers: dict[str, Marker]


# --- Annotating -------------------------------------------------------------------


def annotate(markdown: str, mentions: Mentions) -> str:
    """The lesson's Markdown with the first mention per ``##`` section marked and its
    prerequisites kept out of search."""
    marked: set[str] = set()
    section = own_term = None
    out = []
    for line, heading, code in walk(markdown.split("\n")):
        if heading:
            level, text = len(heading.group(1)), heading.group(2) or ""
            if level <= 2:
                marked = set()
                section = text if level == 2 else None
            own_term = text.lower() if level == 3 else None
            if level == 3 and section == PREREQUISITES and not line.rstrip().endswith("}"):
                line += " { data-search-exclude }"
        elif not code and not line.lstrip().startswith(NOT_PROSE):
            line = mark_line(line, mentions, marked, own_term)
        out.append(line)
    return "\n".join(out)


def mentions_to_mark(entries: list[Entry], acronyms: dict[str, str], glossary_href: str) -> Mentions:
    """One regex over every term and acronym, and the mark each one gets."""
    names, markers = {}, {}
    for entry in entries:
        title = escape(entry.summary, quote=True)  # the link's text already names the term
        opening = f'<a class="glossary-term" href="{glossary_href}#{entry.anchor}" title="{title}">'
        names[entry.name] = entry.names
        markers[entry.name] = Marker(entry.name.lower(), opening, "</a>")
    known = {name for entry in entries for name in entry.names}
    for acronym, expansion in acronyms.items():
        if acronym not in known:
            names[acronym] = (acronym,)
            opening = f'<abbr title="{escape(expansion, quote=True)}">'
            markers[acronym] = Marker(acronym, opening, "</abbr>")
    return Mentions(NameFinder(names), markers)


def mark_line(
    line: str, mentions: Mentions, marked: set[str], own_term: str | None
) -> str:
    protected = [match.span() for match in PROTECTED.finditer(line)]
    pieces, last = [], 0
    for key, match in mentions.finder.finditer(line):
        marker = mentions.markers[key]
        start, end = match.span()
        if marker.key in marked or marker.key == own_term:
            continue
        if any(a < end and start < b for a, b in protected):
            continue
        marked.add(marker.key)
        pieces += [line[last:start], marker.opening, match.group(), marker.closing]
        last = end
    return "".join(pieces) + line[last:]
