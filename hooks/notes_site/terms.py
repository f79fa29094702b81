"""Parse the term headings of one lesson: the bottom layer, with no MkDocs in it.

A lesson is ``# Lesson N: Title`` with ``## Prerequisites``, ``## Key Terms`` and
``## Notes from the video``; inside the first two, each term is a ``###`` heading
with its definition underneath.  See CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from markdown.extensions.toc import slugify, unique

KEY_TERMS = "Key Terms"
PREREQUISITES = "Prerequisites"
TERM_SECTIONS = (PREREQUISITES, KEY_TERMS)

HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
LESSON_TITLE = re.compile(r"^Lesson (\d+): (.+)$")
ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")


class LessonFormatError(ValueError):
    """A lesson breaks the format; the message starts with ``path:line:``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line = path, line


@dataclass(frozen=True)
class Term:
    """One term heading in one lesson."""

    name: str
    definition: str
    section: str  # PREREQUISITES or KEY_TERMS
    anchor: str  # the heading's id on the lesson page
    line: int  # 1-based line of the heading in the source file


@dataclass(frozen=True)
class Lesson:
    path: str  # relative to docs/, e.g. "lessons/06-latency-and-throughput.md"
    number: int
    title: str
    terms: tuple[Term, ...]
    text: str  # the Markdown body, front matter removed


# --- Parsing ------------------------------------------------------------------


def parse_lesson(source: str, path: str) -> Lesson | None:
    """Return the lesson's terms, or None if the page is not a lesson."""
    body, offset = strip_front_matter(source)
    lines = body.split("\n")
    headings = list(find_headings(lines))
    if not headings or headings[0][1] != 1:
        return None
    match = LESSON_TITLE.match(headings[0][2])
    if not match:
        return None
    anchors = heading_anchors(headings)
    terms: list[Term] = []
    section: str | None = None
    section_line = 0
    section_terms = 0
    for index, (row, level, text) in enumerate(headings):
        line = row + offset + 1
        if level <= 2:
            check_section_has_terms(path, section, section_line, section_terms)
            section = text if level == 2 and text in TERM_SECTIONS else None
            section_line, section_terms = line, 0
        elif section is None:
            continue
        elif level > 3:
            raise LessonFormatError(
                path, line, f"'{'#' * level} {text}' inside '## {section}': "
                "a term heading is '### Term', and nothing else there may use a deeper heading"
            )
        else:
            end = headings[index + 1][0] if index + 1 < len(headings) else len(lines)
            terms.append(read_term(path, lines, row, end, text, section, anchors[index], line))
            section_terms += 1
    check_section_has_terms(path, section, section_line, section_terms)
    return Lesson(path, int(match.group(1)), match.group(2), tuple(terms), body)


def read_term(
    path: str, lines: list[str], row: int, end: int, name: str, section: str, anchor: str, line: int
) -> Term:
    if not name:
        raise LessonFormatError(path, line, "a term heading '###' has no name")
    definition = "\n".join(lines[row + 1 : end]).strip("\n")
    if not definition.strip():
        raise LessonFormatError(
            path, line, f"term '{name}' has no definition: write it under the heading"
        )
    return Term(name, definition, section, anchor, line)


def check_section_has_terms(path: str, section: str | None, line: int, count: int) -> None:
    if section is not None and count == 0:
        raise LessonFormatError(
            path, line, f"'## {section}' has no terms: add '### Term' headings or remove the section"
        )


# --- Helpers ------------------------------------------------------------------


def strip_front_matter(source: str) -> tuple[str, int]:
    """The Markdown after a YAML front matter block, and how many lines that block took."""
    if not source.startswith("---\n"):
        return source, 0
    end = source.find("\n---\n", 3)
    if end == -1:
        return source, 0
    head = source[: end + 5]
    return source[end + 5 :], head.count("\n")


def check_front_matter(source: str, path: str) -> None:
    """MkDocs reads broken front matter as text without a word: make it an error."""
    if not source.startswith("---\n"):
        return
    body, offset = strip_front_matter(source)
    if offset == 0:
        raise LessonFormatError(path, 1, "front matter opened with '---' is never closed")
    try:
        data = yaml.safe_load(source[4 : len(source) - len(body) - 4])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise LessonFormatError(path, line, f"front matter is not valid YAML: {error}") from error
    if data is not None and not isinstance(data, dict):
        raise LessonFormatError(path, 2, "front matter must be 'key: value' lines")


def walk(lines: list[str]) -> Iterator[tuple[str, re.Match[str] | None, bool]]:
    """Each line with its ATX heading match, if any, and whether it is fenced code."""
    fence = None
    for line in lines:
        opening = FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker.startswith(fence):
                fence = None
            yield line, None, True
            continue
        heading = HEADING.match(line) if fence is None else None
        yield line, heading, fence is not None


def find_headings(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(row, level, text) for every ATX heading outside fenced code."""
    for row, (_, heading, _) in enumerate(walk(lines)):
        if heading:
            yield row, len(heading.group(1)), ATTR_LIST.sub("", heading.group(2) or "")


def heading_anchors(headings) -> list[str]:
    """The ids Python-Markdown's toc gives the headings, duplicates included."""
    used: set[str] = set()
    return [unique(slugify(text, "-"), used) for _, _, text in headings]
