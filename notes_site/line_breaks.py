"""Long code and slash-joined words break between their parts, not inside a word.

A browser breaks a line at its spaces, and the site's CSS (Material's
``overflow-wrap: break-word``) anywhere else it must: on a phone, Lesson 14's Cypher
query broke inside "some_property", and at 320 px its prose inside
"interviewers/candidate|s". This extension offers the browser better places, as
``<wbr>``:

- in inline code too long for a phone's line, before an opening bracket and after a
  colon or a comma;
- in a name too long for one (a path, a test's name) that has no such place, between
  its parts: after an underscore or a slash, before a dot;
- in the text around it, after a slash between letters, where Chromium offers none.

A shorter word of code is left to the browser, which moves it to the next line whole,
and one of at most 20 characters with punctuation inside, beside which Chromium would
break it ("--|strict", "!|[Alt"), is kept whole in a ``nowrap`` span. Nothing is
added to the text, which is copied, searched and read aloud as before.

    markdown_extensions:
      - notes_site.line_breaks
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

LONG = 30  # characters: about a line of code in a nested list on a 360 px phone
# After a colon or a comma, unless it follows an opening bracket ("[:REL]" stays whole),
# or before an opening bracket; never beside a space, where the browser breaks already.
# (Not after a semicolon: the code's text is escaped, and "&lt;" ends in one.) The
# browser breaks after a hyphen of its own accord: so "-[:REL]->" cannot be kept whole.
BREAK = re.compile(r"(?<=[^\s(\[{][:,])(?=\S)|(?<=\S)(?=[(\[{])")
# A name longer than this may not fit its line on a 320 px phone (about 8 px a
# character): in a table's cell, or elsewhere (a nested list's line is about 240 px).
# A shorter one is left whole, and a table's column is as wide as it.
NAME_LONG_IN_CELL = 20
NAME_LONG = 30
# Between the parts of a name: after an underscore or a slash, before a dot, each with a
# letter or digit on both sides, and not before a short last extension ("tests/|test_|
# glossary_page.py"; not "../", ".gitignore", "1.png" or "offline.js").
NAME_BREAK = re.compile(r"(?<=[^\W_][_/])(?=[^\W_])|(?<=[^\W_]{3})(?=\.[^\W_]{4})")
WORD = re.compile(r"\S+")  # what the browser keeps on one line, but beside punctuation
# A word this short fits any line: kept whole where it has punctuation inside it,
# beside which Chromium may break ("--|strict", "!|[Alt", "text]|(../").
WHOLE_WORD = 20
PUNCTUATION = re.compile(r"\W")
# A closing bracket on its own ("{ #its-id }"): kept on the line of the word before it,
# never left alone at the start of the next.
CLOSER = re.compile(r"[)\]}]")

# After a slash with a letter before it and a letter or digit after it: "read/write",
# "TCP/IP", a URL's path; not "1/2", nor "//".
SLASH = re.compile(r"(?<=[^\W\d_]/)(?=[^\W_])")
# Elements whose own text is left whole: code (broken by its own rule above) and what is
# not prose.
WHOLE = {"code", "pre", "kbd", "samp", "script", "style"}


def parts(code: str, name_long: int = NAME_LONG) -> list[str]:
    """``code`` cut where a line may break; joined, they are ``code`` again."""
    ends = [0, *cuts(code, name_long), len(code)]
    return [code[start:end] for start, end in zip(ends, ends[1:])]


def cuts(code: str, name_long: int = NAME_LONG) -> list[int]:
    """Where a line of ``code`` may break, but for its spaces, where it may already: at
    its brackets, colons and commas if it is long, else between the parts of each name
    longer than ``name_long``."""
    found = {match.start() for match in BREAK.finditer(code)} if len(code) > LONG else set()
    for word in WORD.finditer(code):
        if len(word.group()) > name_long and not found.intersection(inside(word)):
            found.update(word.start() + match.start() for match in NAME_BREAK.finditer(word.group()))
    return sorted(found)


def inside(word: re.Match[str]) -> range:
    return range(word.start() + 1, word.end())


def code_html(escaped: str, name_long: int = NAME_LONG) -> str:
    """Inline code's HTML-escaped text with a <wbr> at each cut, and each short word with
    punctuation inside it, but no cut, in a nowrap span, as each word with a lone
    closing bracket after it, and the bracket."""
    at = cuts(escaped, name_long)
    marks = [(cut, "<wbr>") for cut in at]
    words = list(WORD.finditer(escaped))
    for word, after in zip(words, [*words[1:], None]):
        text, end = word.group(), word.end()
        closed = after is not None and CLOSER.fullmatch(after.group())
        if any(cut in inside(word) for cut in at):
            continue
        if closed or (len(text) <= WHOLE_WORD and PUNCTUATION.search(text[1:-1])):
            marks += [(word.start(), '<span class="nowrap">'), (after.end() if closed else end, "</span>")]
    html, last = [], 0
    for position, mark in sorted(marks, key=lambda pair: pair[0]):
        html += [escaped[last:position], mark]
        last = position
    return "".join([*html, escaped[last:]])


def slash_parts(text: str) -> list[str]:
    """``text`` cut after each slash between words; joined, they are ``text`` again."""
    return SLASH.split(text)


class CodeBreaks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        in_blocks = {code for pre in root.iter("pre") for code in pre.iter("code")}
        in_cells = {code for cell in root.iter() if cell.tag in ("td", "th") for code in cell.iter("code")}
        stash = self.md.htmlStash
        for code in root.iter("code"):
            # Plain inline code only: not a block's, nor highlighted (its text is in spans).
            if code in in_blocks or len(code) or not code.text:
                continue
            name_long = NAME_LONG_IN_CELL if code in in_cells else NAME_LONG
            if stashed := HTML_PLACEHOLDER_RE.fullmatch(code.text):
                # pymdownx.inlinehilite keeps the code's escaped text in the stash.
                index = int(stashed.group(1))
                if isinstance(html := stash.rawHtmlBlocks[index], str) and "<" not in html:
                    stash.rawHtmlBlocks[index] = code_html(html, name_long)
            elif (html := code_html(code.text, name_long)) != code.text:
                code.text = stash.store(html)  # already escaped, by Python-Markdown's code_escape


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
