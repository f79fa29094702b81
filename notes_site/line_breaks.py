"""Long code and slash-joined words break between their parts, not inside a word.

A browser breaks a line at its spaces, and the site's CSS (Material's
``overflow-wrap: break-word``) anywhere else it must: on a phone, Lesson 14's Cypher
query broke inside "some_property", and at 320 px its prose inside
"interviewers/candidate|s". This extension offers the browser better places, as
``<wbr>``:

- in inline code too long for a phone's line, before an opening bracket and after a
  colon or a comma;
- in the text around it, after a slash between letters, where Chromium offers none.

Nothing is added to the text, which is copied, searched and read aloud as before.

    markdown_extensions:
      - notes_site.line_breaks
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

LONG = 30  # characters: about a line of code in a nested list on a 360 px phone
# After a colon or a comma, unless it follows an opening bracket ("[:REL]" stays whole),
# or before an opening bracket; never beside a space, where the browser breaks already.
# (Not after a semicolon: the code's text is escaped, and "&lt;" ends in one.) The
# browser breaks after a hyphen of its own accord: so "-[:REL]->" cannot be kept whole.
BREAK = re.compile(r"(?<=[^\s(\[{][:,])(?=\S)|(?<=\S)(?=[(\[{])")

# After a slash with a letter before it and a letter or digit after it: "read/write",
# "TCP/IP", a URL's path; not "1/2", nor "//".
SLASH = re.compile(r"(?<=[^\W\d_]/)(?=[^\W_])")
# Elements whose own text is left whole: code (broken by its own rule above) and what is
# not prose.
WHOLE = {"code", "pre", "kbd", "samp", "script", "style"}


def parts(code: str) -> list[str]:
    """``code`` cut where a line may break; joined, they are ``code`` again."""
    return BREAK.split(code) if len(code) > LONG else [code]


def slash_parts(text: str) -> list[str]:
    """``text`` cut after each slash between words; joined, they are ``text`` again."""
    return SLASH.split(text)


class CodeBreaks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        in_blocks = {code for pre in root.iter("pre") for code in pre.iter("code")}
        for code in root.iter("code"):
            # Plain inline code only: not a block's, nor highlighted (its text is in spans).
            if code in in_blocks or len(code) or not code.text:
                continue
            if stashed := HTML_PLACEHOLDER_RE.fullmatch(code.text):
                # pymdownx.inlinehilite keeps the code's escaped text in the stash.
                index = int(stashed.group(1))
                html = self.md.htmlStash.rawHtmlBlocks[index]
                if isinstance(html, str) and "<" not in html:
                    self.md.htmlStash.rawHtmlBlocks[index] = "<wbr>".join(parts(html))
                continue
            first, *rest = parts(code.text)
            code.text = AtomicString(first)
            for part in rest:
                etree.SubElement(code, "wbr").tail = AtomicString(part)


class SlashBreaks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        offer_slash_breaks(root)


def offer_slash_breaks(element: etree.Element) -> None:
    """A <wbr> after each slash between words in ``element``'s text and its children's
    tails, and so on down, but in the elements of WHOLE."""
    if element.tag in WHOLE:
        return
    children: list[etree.Element] = []
    element.text = with_breaks(element.text, children)
    for child in list(element):
        offer_slash_breaks(child)
        children.append(child)
        child.tail = with_breaks(child.tail, children)
    element[:] = children


def with_breaks(text: str | None, children: list[etree.Element]) -> str | None:
    """The first part of ``text``; a <wbr> before each other part goes onto ``children``."""
    if not text or "/" not in text:
        return text
    first, *rest = slash_parts(text)
    for part in rest:
        wbr = etree.Element("wbr")
        wbr.tail = type(text)(part)  # an AtomicString stays one
        children.append(wbr)
    return type(text)(first)


class LineBreaksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline markup (20), which makes the code elements, and after the term
        # engine's links (6.5), which read the words whole.
        md.treeprocessors.register(CodeBreaks(md), "notes_site_code_breaks", 4)
        md.treeprocessors.register(SlashBreaks(md), "notes_site_slash_breaks", 3.9)


def makeExtension(**kwargs) -> LineBreaksExtension:  # noqa: N802  Python-Markdown's name
    return LineBreaksExtension(**kwargs)
