"""A term's summary, read from its definition's one rendering (notes_site.rendering):
the text of its links' tooltips, of its glossary entry's short definition and of the
first line on the back of its flashcard.

The rule: the first block of the definition (a paragraph, or a list item's own text
without its nested lists; never an Editor's note, open or folded), cut at its first
sentence's end; if that ends in a colon, followed by the items of the list it
introduces, each up to its own colon ("... 4 important properties: Atomicity,
Consistency, Isolation, Durability"). Plain text: entities decoded, markup and images
left out, whitespace collapsed. A ``summary:`` in the lesson's front matter wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import takewhile

SENTENCE_END = re.compile(r"(?<!\bie\.)(?<!\be\.g\.)(?<!\bvs\.)(?<=[.!?])\s")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")  # left where an image was
SUMMARY_BLOCKS = ("p", "li")  # what a summary is read from
LISTS = ("ul", "ol")
# Elements that hold blocks of their own: no part of a block's own text.
HOLDS_BLOCKS = {"p", "ul", "ol", "li", "div", "pre", "table", "details", "blockquote", "figure", "dl", "hr", "section"}
NOT_PROSE = {"details", "script", "style"}  # a folded note, code that runs: never in a summary
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    classes: tuple[str, ...] = ()
    children: list[Element | str] = field(default_factory=list)

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]


class Tree(HTMLParser):
    """An HTML fragment as a tree of elements and text, entities decoded."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("")
        self.open = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = tuple(next((value or "" for name, value in attrs if name == "class"), "").split())
        element = Element(tag, classes)
        self.open[-1].children.append(element)
        if tag not in VOID:  # <img> and <br> hold nothing, whether written <img> or <img />
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if any(element.tag == tag for element in self.open[1:]):  # a stray end tag closes nothing
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def summary_of(html: str) -> str:
    """A rendered definition's summary ("" if it has no words)."""
    first = next(((block, after, text) for block, after in blocks(Tree(html).root, []) if (text := own_text(block))), None)
    if first is None:
        return ""
    block, after, text = first
    sentence = SENTENCE_END.split(text, maxsplit=1)[0].strip()
    if not sentence.endswith(":"):
        return sentence
    items = [first_text(item).split(":")[0].strip() for item in introduced_items(block, after)]
    return " ".join([sentence, ", ".join(items)]).strip()


def blocks(element: Element, after_it: list[Element]) -> Iterator[tuple[Element, list[Element]]]:
    """The paragraphs and list items under ``element`` in document order, outside
    Editor's notes (admonitions, open or folded); each with the elements after it
    (``after_it`` come after ``element``)."""
    children = element.elements()
    for index, child in enumerate(children):
        if child.tag in NOT_PROSE or "admonition" in child.classes:
            continue
        after = children[index + 1 :] or after_it
        if child.tag in SUMMARY_BLOCKS:
            yield child, after
        yield from blocks(child, after)


def introduced_items(block: Element, after: list[Element]) -> list[Element]:
    """The items of the list a block ending in a colon introduces: a list item's own
    nested list, or the list right after the block. A list of the other kind inside it
    (a bullet between numbered items) is left out, and the numbered list goes on after it."""
    lists = list(takewhile(lambda e: e.tag in LISTS, [e for e in block.elements() if e.tag in LISTS] or after))
    return [item for found in lists if found.tag == lists[0].tag for item in found.elements() if item.tag == "li"]


def first_text(item: Element) -> str:
    """A list item's own text, or its first paragraph's (a list with blank lines between items)."""
    return own_text(item) or next((text for block, _ in blocks(item, []) if (text := own_text(block))), "")


def own_text(element: Element) -> str:
    """The element's words, less its nested blocks', as plain text."""
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(inline_text(element).split()))


def inline_text(element: Element) -> str:
    return "".join(
        child if isinstance(child, str) else inline_text(child)
        for child in element.children
        if isinstance(child, str) or (child.tag not in HOLDS_BLOCKS and child.tag not in NOT_PROSE)
    )
