"""The headings of a Markdown text as Python-Markdown sees them: outside fenced code,
ATX (``## Title``, a space after the hashes as ``pymdownx.saneheaders`` wants) or
setext (a title underlined with ``===`` or ``---``), with any ``{ #custom-id }``; and
the other line shapes the checks share: fenced code's rows, an admonition's title line.

The bottom layer: text in, records out, no Markdown or MkDocs objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

ATX = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
FENCE_CLOSE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?([^}]*)\}[ \t]*$")
CUSTOM_ID = re.compile(r"(?:^|\s)#([\w-]+)")
# An admonition's first line, or a fold's (pymdownx.details), up to its title's opening
# quote: '!!! note "', '???+ note "'. A pattern's start, for the title it looks for.
ADMONITION_TITLE = r'^(?:!!!|\?\?\?\+?) *\w+ +"'


@dataclass(frozen=True)
class Heading:
    row: int  # 0-based row of the heading's text in the lines given
    level: int
    text: str  # without the hashes and the attribute list
    custom_id: str | None  # from "{ #id }", which toc uses as the heading's id


def normal_newlines(text: str) -> str:
    """A text whose every line ending (Windows' and old Macs' included) is a newline."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def code_rows(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fences included).

    A fence closes only on a line of its own character, at least as long and with no
    info string: a "```text" line inside a "```" fence is code, not a close.
    """
    fence = None
    flags = []
    for line in lines:
        if fence is None:
            # The regex only where a fence could be: most lines have none.
            opening = FENCE_OPEN.match(line) if "```" in line or "~~~" in line else None
            if opening:
                fence = opening.group(1)
            flags.append(fence is not None)
        else:
            closing = FENCE_CLOSE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                fence = None
            flags.append(True)
    return flags


def headings(lines: list[str], code: list[bool] | None = None) -> Iterator[Heading]:
    """Every ATX and setext heading outside fenced code; ``code``, the lines'
    ``code_rows``, where the caller has them already."""
    code = code_rows(lines) if code is None else code
    for row, line in enumerate(lines):
        if code[row]:
            continue
        # Only a line that starts with "#" is an ATX heading, with "=" or "-" an underline.
        if line.startswith("#"):
            atx = ATX.match(line)
            if atx:
                yield heading(row, len(atx.group(1)), atx.group(2) or "")
        elif line.startswith(("=", "-")) and is_setext_underline(lines, code, row):
            yield heading(row - 1, 1 if line.startswith("=") else 2, lines[row - 1].strip())


def is_setext_underline(lines: list[str], code: list[bool], row: int) -> bool:
    """A "===" or "---" line right under the first line of a paragraph."""
    if row == 0 or not SETEXT_UNDERLINE.match(lines[row]) or code[row - 1]:
        return False
    above = lines[row - 1]
    starts_block = row == 1 or not lines[row - 2].strip()
    return bool(above.strip()) and starts_block and not above.startswith(("    ", "\t", "#"))


def heading(row: int, level: int, raw: str) -> Heading:
    attrs = ATTR_LIST.search(raw)
    custom = CUSTOM_ID.search(attrs.group(1)) if attrs else None
    text = raw[: attrs.start()] if attrs else raw
    return Heading(row, level, text.strip(), custom.group(1) if custom else None)


def heading_ids(found: list[Heading]) -> list[str]:
    """The ids Python-Markdown's toc gives these headings, duplicates made unique."""
    used: set[str] = {h.custom_id for h in found if h.custom_id}
    return [h.custom_id or unique(slugify(h.text, "-"), used) for h in found]
