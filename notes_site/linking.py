"""Mark mentions of terms and acronyms in a page's element tree, as ``abbr`` and
``pymdownx.magiclink`` do: only in text, never in attributes.

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

from markdown.util import AtomicString

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


@dataclass
class Section:
    """What the walk knows at a point of the page."""

    term_sections: tuple[str, ...]
    raw_html: list[str]  # what the page's raw HTML placeholders stand for
    name: str | None = None
    own: str | None = None  # the key of the term being defined here
    marked: set[str] = field(default_factory=set)


def mark_mentions(
    root: etree.Element, finder: Finder, marks: dict[str, Mark], term_sections: tuple[str, ...], raw_html: list[str]
) -> None:
    """Mark the first mention of each key in each ``##`` section of the page.
    ``raw_html`` is the page's stash of inline HTML (``md.htmlStash.rawHtmlBlocks``)."""
    section = Section(term_sections, raw_html)
    blocks = [child for child in root if not HEADING.match(child.tag)]
    # The page's texts are searched at once; mark_in takes each one's mentions in turn.
    found = iter(mentions_in_each([text for block in blocks for text in texts_to_mark(block)], finder))
    for child in list(root):
        level = HEADING.match(child.tag)
        if level:
            enter_heading(section, int(level.group(1)), text_of(child), finder)
        else:
            mark_in(child, found, marks, section)


def enter_heading(section: Section, level: int, text: str, finder: Finder) -> None:
    if level <= 2:
        section.name, section.marked = text if level == 2 else None, set()
    if level <= 3:
        defined = next(finder.mentions(text), None) if level == 3 and section.name in section.term_sections else None
        section.own = defined.key if defined else None


def texts_to_mark(element: etree.Element) -> Iterator[str]:
    """The texts of an element that mark_in splits, in its order."""
    if element.tag in SKIPPED:
        return
    if markable(element.text):
        yield element.text
    for child in element:
        yield from texts_to_mark(child)
        if markable(child.tail):
            yield child.tail


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


def mark_in(element: etree.Element, found: Iterator[list[Mention]], marks: dict[str, Mark], section: Section) -> None:
    """``found``: the mentions in each of texts_to_mark(element), in its order."""
    if element.tag in SKIPPED:
        return
    # The children, with the marks made in each one's tail right after it: put back in
    # one assignment, as inserting them one by one costs a search of the children each.
    children, marked_any = [], False
    if markable(element.text):
        element.text, children = split(element.text, next(found), marks, section)
        marked_any = bool(children)
    for child in element:  # unchanged until the loop ends
        mark_in(child, found, marks, section)
        children.append(child)
        if markable(child.tail):
            child.tail, marked = split(child.tail, next(found), marks, section)
            if marked:
                children += marked
                marked_any = True
    if marked_any:
        element[:] = children


def split(text: str, mentions: list[Mention], marks: dict[str, Mark], section: Section) -> tuple[str, list[etree.Element]]:
    """The text before the first mark, and the marks, each with the text after it."""
    head, made, last = text, [], 0
    marked, own = section.marked, section.own
    protected = None  # found only for a text with a mention to mark
    for key, start, end, other_sense in mentions:
        if other_sense or key in marked or key == own:
            continue
        if protected is None:
            protected = protected_spans(text, section.raw_html)
        if any(a < end and start < b for a, b in protected):
            continue
        marked.add(key)
        mark = marks[key]
        new = etree.Element(mark.tag, mark.attributes)  # Element copies the attributes
        new.text = AtomicString(text[start:end])
        if made:
            made[-1].tail = text[last:start]
        else:
            head = text[:start]
        made.append(new)
        last = end
    if made:
        made[-1].tail = text[last:]
    return head, made


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
