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
from dataclasses import dataclass, field

from markdown.util import AtomicString

from .names import Finder

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
    for child in list(root):
        level = HEADING.match(child.tag)
        if level:
            enter_heading(section, int(level.group(1)), text_of(child), finder)
        else:
            mark_in(child, finder, marks, section)


def enter_heading(section: Section, level: int, text: str, finder: Finder) -> None:
    if level <= 2:
        section.name, section.marked = text if level == 2 else None, set()
    if level <= 3:
        defined = next(finder.mentions(text), None) if level == 3 and section.name in section.term_sections else None
        section.own = defined.key if defined else None


def mark_in(element: etree.Element, finder: Finder, marks: dict[str, Mark], section: Section) -> None:
    if element.tag in SKIPPED:
        return
    # The children, with the marks made in each one's tail right after it: put back in
    # one assignment, as inserting them one by one costs a search of the children each.
    children, marked_any = [], False
    if element.text and not element.text.isspace():
        element.text, children = split(element.text, finder, marks, section)
        marked_any = bool(children)
    for child in element:  # unchanged until the loop ends
        mark_in(child, finder, marks, section)
        children.append(child)
        if child.tail and not child.tail.isspace():
            child.tail, marked = split(child.tail, finder, marks, section)
            if marked:
                children += marked
                marked_any = True
    if marked_any:
        element[:] = children


def split(text: str, finder: Finder, marks: dict[str, Mark], section: Section) -> tuple[str, list[etree.Element]]:
    """The text before the first mark, and the marks, each with the text after it."""
    if isinstance(text, AtomicString):
        return text, []
    head, made, last = text, [], 0
    marked, own = section.marked, section.own
    protected = None  # found only for a text with a mention to mark
    for key, start, end, other_sense in finder.mentions(text):
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
