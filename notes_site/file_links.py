"""Links and images in a page's Markdown that lead to no file, each with its line.

MkDocs names the file and the link, but not the line: a contributor looked through the
whole lesson for it. A link to another site, to a place on the page or from the site's
root is left to MkDocs, as is a place on another page (its ids are known once built).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from .outline import code_rows
from .source import Problem

# An inline link or image, "[text](target)" or "![alt](target "title")".
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
INLINE_CODE = re.compile(r"(`+).+?\1")


def links_to_no_file(
    body: str, page_path: str, shown_path: str, first_line: int, exists: Callable[[str], bool]
) -> list[Problem]:
    """Each link of ``body`` (a page's Markdown after its front matter, from line
    ``first_line`` of the file) to a file that ``exists`` says is not in the docs folder;
    paths are relative to ``page_path``, the page's own path there."""
    lines = body.split("\n")
    code = code_rows(lines)
    problems = []
    for row, line in enumerate(lines):
        if code[row]:
            continue
        for link in LINK.finditer(INLINE_CODE.sub(lambda span: " " * len(span.group()), line)):
            target = urlsplit(link.group(1))
            if target.scheme or target.netloc or not target.path or target.path.startswith("/"):
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(target.path)))
            if not exists(path):
                problems.append(Problem(
                    shown_path, first_line + row, f"'{link.group(1)}' leads to no file (docs/{path} does not exist): "
                    "fix the path, which starts from this file's folder",
                ))
    return problems
