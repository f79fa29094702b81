"""Long inline code breaks between its parts, not inside its words.

A browser breaks a line of inline code only at its spaces, and the site's CSS
(Material's ``overflow-wrap: break-word``) anywhere else it must: on a phone,
Lesson 14's Cypher query broke inside "some_property". This extension offers the
browser better places, as ``<wbr>``: before an opening bracket and after a colon or a
comma, in inline code too long for a phone's line. Nothing is added to
the code's text, which is copied, searched and read aloud as before.

    markdown_extensions:
      - notes_site.code_breaks
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
# (Not after a semicolon: the code's text is escaped, and "&lt;" ends in one.)
BREAK = re.compile(r"(?<=[^\s(\[{][:,])(?=\S)|(?<=\S)(?=[(\[{])")


def parts(code: str) -> list[str]:
    """``code`` cut where a line may break; joined, they are ``code`` again."""
    return BREAK.split(code) if len(code) > LONG else [code]


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


class CodeBreaksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline markup (20), which makes the code elements.
        md.treeprocessors.register(CodeBreaks(md), "notes_site_code_breaks", 4)


def makeExtension(**kwargs) -> CodeBreaksExtension:  # noqa: N802  Python-Markdown's name
    return CodeBreaksExtension(**kwargs)
