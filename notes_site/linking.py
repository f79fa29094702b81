"""Mark mentions of terms and acronyms in a page's element tree, as ``abbr`` and
``pymdownx.magiclink`` do: only in text, never in attributes.

A mark goes on the page finished, in Python-Markdown's stash of raw HTML, with its link
already made for the page: MkDocs then neither resolves nor checks it (2.4% of a build's
instructions at 325 lessons, 16,000 term links; tests/test_build.py checks where each
leads), and Zensical, which would resolve it too, gets the same HTML.

- The first mention of each term per ``##`` section is marked; later ones are not.
- Nothing inside links, code, headings, abbreviations, scripts or styles is marked.
- A term is not marked inside its own definition (the text under its ``###``
  heading in a term section).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from markdown.serializers import to_html_string
from markdown.util import AtomicString, HtmlStash

from .names import TEXT_BREAK, Finder, Mention

SKIPPED = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "button",
           "h1", "h2", "h3", "h4", "h5", "h6"}
HEADING = re.compile(r"^h([1-6])$")
# Python-Markdown's placeholders for stashed HTML and escapes: never text to mark.
PLACEHOLDER = re.compile("\x02(?:wzxhzdk:(\\d+)|[^\x03]*)\x03")
RAW_TAG = re.compile(r"^<(/?)([a-zA-Z][\w-]*)")


@dataclass(frozen=True)
class Mark:
    """The element that marks a key's mention: a link to a term, an <abbr>."""

    tag: str
    attributes: dict[str, str]
    # The HTML of each text marked so far: most terms are written one or two ways.
    written: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def html(self, text: str) -> str:
        """The mark around ``text``, written as Python-Markdown writes an element."""
        if text not in self.written:
            element = etree.Element(self.tag, self.attributes)
            element.text = text
            self.written[text] = to_html_string(element)
        return self.written[text]


@dataclass
class Section:
    """What the walk knows at a point of the page."""

    term_sections: tuple[str, ...]
    stash: HtmlStash  # the page's raw HTML: what its placeholders stand for, and where marks go
    name: str | None = None
    own: str | None = None  # the key of the term being defined here
    marked: set[str] = field(default_factory=set)


def mark_mentions(
    root: etree.Element, finder: Finder, marks: dict[str, Mark], term_sections: tuple[str, ...], stash: HtmlStash
) -> None:
    """Mark the first mention of each key in each ``##`` section of the page.
    ``stash`` is the page's Markdown's (``md.htmlStash``)."""
    section = Section(term_sections, stash)
    children = list(root)
    # Where each block's texts to mark are, found in one walk: marking them changes texts,
    # never the tree, so they are then marked where they are, in the page's order.
    places = [[] if HEADING.match(child.tag) else texts_to_mark(child, []) for child in children]
    # The page's texts are searched at once, and each one's mentions taken in turn.
    found = iter(mentions_in_each([text_at(*place) for block in places for place in block], finder))
    for child, block in zip(children, places):
        level = HEADING.match(child.tag)
        if level:
            enter_heading(section, int(level.group(1)), text_of(child), finder)
        for element, is_tail in block:
            text = marked(text_at(element, is_tail), next(found), marks, section)
            if is_tail:
                element.tail = text
            else:
                element.text = text


def enter_heading(section: Section, level: int, text: str, finder: Finder) -> None:
    if level <= 2:
        section.name, section.marked = text if level == 2 else None, set()
    if level <= 3:
        defined = next(finder.mentions(text), None) if level == 3 and section.name in section.term_sections else None
        section.own = defined.key if defined else None


Place = tuple[etree.Element, bool]  # an element, and whether its tail (else its text) is meant


def texts_to_mark(element: etree.Element, places: list[Place]) -> list[Place]:
    """Where the texts of an element to mark are, in its order, added to ``places``."""
    if element.tag in SKIPPED:
        return places
    if markable(element.text):
        places.append((element, False))
    for child in element:
        texts_to_mark(child, places)
        if markable(child.tail):
            places.append((child, True))
    return places


def text_at(element: etree.Element, is_tail: bool) -> str:
    return element.tail if is_tail else element.text  # type: ignore[return-value]


def markable(text: str | None) -> bool:
    """Not empty, not only whitespace, and not kept as written (AtomicString)."""
    return bool(text and not text.isspace() and not isinstance(text, AtomicString))


def mentions_in_each(texts: list[str], finder: Finder) -> list[list[Mention]]:
    """The mentions in each text, placed in it, found in one search of them all: a search
    per text cost more than the matching. None is found across two texts: the NUL that
    joins them is no letter, space or hyphen, and no name or "not_in" phrase holds one
    (notes_site.lessons reports a control character in them)."""
    found: list[list[Mention]] = [[] for _ in texts]
    starts = list(accumulate((len(text) + len(TEXT_BREAK) for text in texts), initial=0))
    index = 0
    for key, start, end, other_sense in finder.mentions(TEXT_BREAK.join(texts)):
        while start >= starts[index + 1]:
            index += 1
        offset = starts[index]
        found[index].append(Mention(key, start - offset, end - offset, other_sense))
    return found


def marked(text: str, mentions: list[Mention], marks: dict[str, Mark], section: Section) -> str:
    """The text with each mention to mark in its mark, stashed: a placeholder in its place."""
    pieces, last = [], 0
    seen, own = section.marked, section.own
    protected = None  # found only for a text with a mention to mark
    for key, start, end, other_sense in mentions:
        if other_sense or key in seen or key == own:
            continue
        if protected is None:
            protected = protected_spans(text, section.stash.rawHtmlBlocks)
        if any(a < end and start < b for a, b in protected):
            continue
        seen.add(key)
        pieces += [text[last:start], section.stash.store(marks[key].html(text[start:end]))]
        last = end
    return "".join([*pieces, text[last:]]) if pieces else text


def protected_spans(text: str, raw_html: list[str]) -> list[tuple[int, int]]:
    """Placeholders, and text inside inline HTML such as <a>...</a> or <kbd>...</kbd>."""
    spans, open_at = [], None
    for placeholder in PLACEHOLDER.finditer(text):
        spans.append(placeholder.span())
        index = placeholder.group(1)
        tag = RAW_TAG.match(raw_html[int(index)]) if index and int(index) < len(raw_html) else None
        if not tag or tag.group(2).lower() not in SKIPPED:
            continue
        if not tag.group(1) and open_at is None:
            open_at = placeholder.start()
        elif tag.group(1) and open_at is not None:
            spans.append((open_at, placeholder.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def text_of(element: etree.Element) -> str:
    return "".join(element.itertext()).strip()
