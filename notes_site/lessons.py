"""Parse one lesson: its title, sections and term headings, checked against the format
in CONTRIBUTING.md.

A lesson is ``# Lesson N: Name`` with ``## Prerequisites``, ``## Key Terms`` and
``## Notes from the video``; in the first two, each term is a ``###`` heading with its
definition under it.  The front matter may add data to the terms the lesson teaches:

    terms:
      Process:
        aliases: [running program]   # other names that link to the term
        not_in: [the process of]     # phrases where the name means something else
        see_also: [Thread]           # related terms, linked both ways in the glossary
        summary: A running program   # the tooltip, where the first sentence says less

Anything that breaks the format is a Problem with its line: never dropped in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import PurePosixPath
from typing import Any

from markdown.extensions.toc import slugify

from .outline import ADMONITION_TITLE, ATX, Heading, code_rows, heading_ids, headings
from .source import Problem, Source, key_line, read_source

PREREQUISITES = "Prerequisites"
KEY_TERMS = "Key Terms"
NOTES = "Notes from the video"
SECTIONS = (PREREQUISITES, KEY_TERMS, NOTES)
TERM_SECTIONS = (PREREQUISITES, KEY_TERMS)

LESSON_TITLE = re.compile(r"^Lesson (\d+): (\S.*)$")
FILE_NUMBER = re.compile(r"^(\d+)-")
# What the page of a lesson not written yet says, and a written lesson must not: in its
# description, and as the title of its notice (words of notes may say it of data).
UNWRITTEN = re.compile(r"not written yet", re.I)
UNWRITTEN_NOTICE = re.compile(ADMONITION_TITLE + '[^"]*not written yet', re.I)
# A bullet that lost the space after its "-": Python-Markdown shows it as a paragraph.
BULLET_WITHOUT_SPACE = re.compile(r"^[ \t]*-([A-Za-z]\S*)")
# A heading that lost the space after its "#"s: pymdownx.saneheaders shows it as text.
HEADING_WITHOUT_SPACE = re.compile(r"^(#{1,6})([^#\s].*)$")
# The front matter keys of a lesson; a near miss of one ("term:") is a typo that would
# drop what it holds without a word.
LESSON_KEYS = ("description", "status", "search", "terms")
# A line that starts a list item, and how far it is indented: by a multiple of 4 spaces,
# as Python-Markdown nests a point under another only 4 spaces in (a 2-space sub-point
# is shown as its point's sibling).
# Front matter's "search:" given a value, not settings, which Material's search plugin reads.
SEARCH_NOT_SETTINGS = "'search:' holds settings, such as 'exclude: true' on the line under it, indented: delete the line"
LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)])[ \t]")
# Markdown markup in a heading: emphasis, code, links, HTML, escapes.
FORMATTING = re.compile(r"[*`\[\]<>\\]|(?<!\w)_|_(?!\w)")
# A control character, such as a NUL pasted in: never part of a name (a page's texts are
# searched as one, joined by notes_site.names.TEXT_BREAK, which a name must not match).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
TERM_FIELDS = {
    "aliases": "other names that link to the term",
    "not_in": "phrases in which the name means something else, so it is not linked",
    "see_also": "names of related terms, linked both ways in the glossary",
    "summary": "one sentence that says what the term is, for its tooltip, where the definition's first sentence does not",
}
LIST_FIELDS = ("aliases", "not_in", "see_also")


@dataclass(frozen=True)
class TermData:
    """What the front matter adds to a term: kept beside it, edited by contributors."""

    aliases: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    summary: str = ""  # plain text; empty: the definition's first sentence
    line: int = field(default=0, compare=False)  # where the front matter gives it
    summary_line: int = field(default=0, compare=False)  # where it gives the summary
    aliases_line: int = field(default=0, compare=False)  # where it gives the aliases


@dataclass(frozen=True)
class Term:
    name: str  # as in the heading
    id: str  # the stable glossary id: the heading's custom id, or the slug of its name
    anchor: str  # the heading's id on the lesson page
    definition: str  # the Markdown under the heading
    section: str  # PREREQUISITES or KEY_TERMS
    line: int  # the heading's line in the file
    data: TermData = TermData()


@dataclass(frozen=True)
class Lesson:
    path: str  # relative to the docs folder, e.g. "lessons/08-caching.md"
    shown_path: str  # as problems name it, e.g. "docs/lessons/08-caching.md"
    number: int
    title: str
    unwritten: bool  # front matter "status: unwritten"
    terms: tuple[Term, ...]
    body: str  # the Markdown after the front matter


# --- Parsing -------------------------------------------------------------------


def parse_lesson(text: str, path: str, shown_path: str | None = None) -> tuple[Lesson | None, list[Problem]]:
    """The lesson in a file under lessons/, and what is wrong with it."""
    shown_path = shown_path or path
    source, problems = read_source(text, shown_path)
    lines = source.body.split("\n")
    code = code_rows(lines)
    found = list(headings(lines, code))
    title = lesson_title(source, found, path, problems)
    if title is None:
        return None, problems
    number, name = title
    ids = heading_ids(found)
    terms: list[Term] = []
    section, seen = None, []
    counted: dict[str, int] = {}
    for index, heading in enumerate(found[1:], 1):
        line = source.first_body_line + heading.row
        if heading.level == 1:
            problems.append(Problem(shown_path, line, f"'# {heading.text}': the title is the only '#' heading; use '##'"))
        elif heading.level == 2:
            section = section_name(heading.text, line, seen, shown_path, problems)
            if section:
                counted[section] = 0
        elif section in TERM_SECTIONS and heading.level > 3:
            problems.append(Problem(
                shown_path, line, f"'{'#' * heading.level} {heading.text}' inside '## {section}': "
                "a term heading is '### Term', and nothing else there may use a deeper heading",
            ))
        elif section in TERM_SECTIONS:
            end = found[index + 1].row if index + 1 < len(found) else len(lines)
            term = read_term(lines, heading, end, section, ids[index], line, shown_path, problems)
            counted[section] += 1
            if term:
                terms.append(term)
    for section, count in counted.items():
        if section in TERM_SECTIONS and count == 0:
            line = source.first_body_line + next(h.row for h in found if h.level == 2 and h.text == section)
            problems.append(Problem(shown_path, line, f"'## {section}' has no terms: add '### Term' headings or remove the section"))
    problems += bullets_without_space(lines, code, source.first_body_line, shown_path)
    problems += headings_without_space(lines, code, source.first_body_line, shown_path)
    problems += odd_indents(lines, code, source.first_body_line, shown_path)
    problems += lists_without_blank_line(lines, code, source.first_body_line, shown_path)
    problems += near_miss_keys(source, shown_path)
    terms = attach_data(source, terms, problems)
    unwritten = source.meta.get("status") == "unwritten"
    if unwritten and seen:
        problems.append(Problem(
            shown_path, key_line(source, "status"),
            "the lesson is written but still says 'status: unwritten', which keeps it out of search and the downloads: "
            "delete the line, and the rest of its 'not written yet' page",
        ))
    if not unwritten or seen:
        problems += placeholder_left(source, shown_path)
    return Lesson(path, shown_path, number, name, unwritten, tuple(terms), source.body), problems


def bullets_without_space(lines: list[str], code: list[bool], first_line: int, path: str) -> list[Problem]:
    """Each line outside fenced code (``code``, the lines' ``code_rows``) that starts
    "-word": meant as a bullet, shown as text."""
    return [
        Problem(path, first_line + row, f"'-{found.group(1)}' is not a bullet: put a space after the '-', '- {found.group(1)}'")
        for row, line in enumerate(lines)
        if not code[row] and (found := BULLET_WITHOUT_SPACE.match(line))
    ]


def headings_without_space(lines: list[str], code: list[bool], first_line: int, path: str) -> list[Problem]:
    """Each line outside fenced code that starts "###Word": meant as a heading, shown as text."""
    return [
        Problem(path, first_line + row, f"'{line.strip()}' is not a heading: put a space after the '#', "
                f"'{found.group(1)} {found.group(2).strip()}', or, for a '#' of the text, write '\\{line.strip()}'")
        for row, line in enumerate(lines)
        if not code[row] and (found := HEADING_WITHOUT_SPACE.match(line))
    ]


def odd_indents(lines: list[str], code: list[bool], first_line: int, path: str) -> list[Problem]:
    """Each list item outside fenced code indented by other than a multiple of 4 spaces,
    or more than 4 deeper than the point above it: Python-Markdown shows either as more
    text of the point above."""
    problems, above = [], None  # the indent of the list item above, in the same list
    for row, line in enumerate(lines):
        if code[row] or not line.strip():
            continue
        found = LIST_ITEM.match(line)
        if not found:
            above = above if line.startswith((" ", "\t")) else None  # an item's own lines, or the list's end
            continue
        spaces = len(found.group(1))
        if spaces % 4:
            problems.append(Problem(
                path, first_line + row, f"'{line.strip()}' is indented {spaces} spaces: a sub-point is indented 4 spaces "
                f"under its point (a list nests only at 4), so give it {spaces // 4 * 4 + 4}",
            ))
        elif above is not None and spaces > above + 4:
            problems.append(Problem(
                path, first_line + row, f"'{line.strip()}' is indented {spaces} spaces, {spaces - above} more than the point "
                f"above it, which shows it as that point's text: a sub-point goes 4 spaces deeper, so give it {above + 4}",
            ))
        above = spaces
    return problems


def lists_without_blank_line(lines: list[str], code: list[bool], first_line: int, path: str) -> list[Problem]:
    """Each list that starts right under a paragraph's line: Python-Markdown reads it
    as more of the paragraph's text. (Under a list item's line it is the list's next item.)"""
    problems, block_start, in_list = [], 0, False
    for row, line in enumerate(lines):
        # A heading is a block of its own, even with no blank line under it.
        if code[row] or not line.strip() or ATX.match(line):
            block_start, in_list = row + 1, False
            continue
        item = LIST_ITEM.match(line)
        if item and len(item.group(1)) < 4 and row > block_start and not in_list:
            problems.append(Problem(
                path, first_line + row,
                f"'{line.strip()}' starts a list right under a line of text, which shows it as text: put a blank line above it",
            ))
        in_list = in_list or bool(item)
    return problems


def near_miss_keys(source: Source, path: str) -> list[Problem]:
    """A front matter key that looks like one of a lesson's, but is not it."""
    problems = []
    for key in source.meta:
        near = next((name for name in LESSON_KEYS if str(key) != name and looks_like(str(key), name)), None)
        if near:
            problems.append(Problem(path, key_line(source, str(key)), f"front matter key '{key}' should be '{near}': it is not read otherwise"))
    return problems


def placeholder_left(source: Source, path: str) -> list[Problem]:
    """What a written lesson keeps of its "not written yet" page: out of search, or
    described as not written."""
    problems = []
    search = source.meta.get("search")
    if "search" in source.meta and not isinstance(search, dict):
        # Material's search plugin reads it as settings: anything else stops the build.
        problems.append(Problem(path, key_line(source, "search"), SEARCH_NOT_SETTINGS))
    if isinstance(search, dict) and search.get("exclude"):
        problems.append(Problem(path, key_line(source, "search"), "a written lesson is kept out of search: delete 'search: exclude: true'"))
    if UNWRITTEN.search(str(source.meta.get("description", ""))):
        problems.append(Problem(path, key_line(source, "description"), "the description says the lesson is not written yet: describe the lesson, or delete the line"))
    for row, line in enumerate(source.body.split("\n")):
        if UNWRITTEN_NOTICE.match(line):
            problems.append(Problem(path, source.first_body_line + row, "the 'not written yet' notice is still here: delete it"))
            break
    return problems


def lesson_title(source: Source, found: list[Heading], path: str, problems: list[Problem]) -> tuple[int, str] | None:
    first = found[0] if found else None
    match = LESSON_TITLE.match(first.text) if first and first.level == 1 else None
    if not match:
        line = source.first_body_line + (first.row if first else 0)
        seen = f" (found '{'#' * first.level} {first.text}')" if first else ""
        problems.append(Problem(
            source.path, line, f"a file in lessons/ starts with its title, '# Lesson N: Name'{seen}"
        ))
        return None
    number = int(match.group(1))
    in_name = FILE_NUMBER.match(PurePosixPath(path).name)
    if in_name and int(in_name.group(1)) != number:
        problems.append(Problem(
            source.path, source.first_body_line + first.row,
            f"the title says Lesson {number} but the file name says {int(in_name.group(1))}: make them agree",
        ))
    return number, match.group(2).strip()


def section_name(text: str, line: int, seen: list[str], path: str, problems: list[Problem]) -> str | None:
    """The section a '##' heading starts: one of SECTIONS, or None for any other (a
    problem: a lesson has no other '##' heading)."""
    if text not in SECTIONS:
        near = next((name for name in SECTIONS if looks_like(text, name)), None)
        if near:
            problems.append(Problem(path, line, f"'## {text}' should be '## {near}', exactly: its terms are not read otherwise"))
        else:
            problems.append(Problem(
                path, line, f"'## {text}' is not a section of a lesson, which has only {', '.join(f'## {n}' for n in SECTIONS)}: "
                "rename it to one of them, or make it a '###' heading inside the notes",
            ))
        return None
    if text in seen:
        problems.append(Problem(path, line, f"a second '## {text}': merge it into the first"))
    elif seen and SECTIONS.index(text) < SECTIONS.index(seen[-1]):
        problems.append(Problem(path, line, f"'## {text}' comes after '## {seen[-1]}': the order is {', '.join(SECTIONS)}"))
    seen.append(text)
    return text


def looks_like(text: str, name: str) -> bool:
    words = " ".join(re.findall(r"[a-z]+", text.lower()))
    return SequenceMatcher(None, words, name.lower()).ratio() >= 0.8


def read_term(
    lines: list[str], heading: Heading, end: int, section: str, anchor: str, line: int,
    path: str, problems: list[Problem],
) -> Term | None:
    name = heading.text
    if not name:
        problems.append(Problem(path, line, "a term heading '###' has no name: write '### Term'"))
        return None
    if FORMATTING.search(name):
        plain = " ".join(FORMATTING.sub(" ", name).split())
        problems.append(Problem(path, line, f"term name '{name}' has Markdown formatting: write it plain, '### {plain}'"))
        return None
    if CONTROL.search(name):
        problems.append(Problem(path, line, f"term name {name!r} has a control character: delete it"))
        return None
    definition = "\n".join(lines[heading.row + 1 : end]).strip("\n")
    if not definition.strip():
        problems.append(Problem(path, line, f"term '{name}' has no definition: write it under the heading"))
        return None
    term_id = heading.custom_id or slugify(name, "-")
    return Term(name, term_id, anchor, definition, section, line)


# --- Term data from the front matter ---------------------------------------------


def attach_data(source: Source, terms: list[Term], problems: list[Problem]) -> list[Term]:
    given = source.meta.get("terms")
    if given is None:
        return terms
    start = key_line(source, "terms") - 2
    if not isinstance(given, dict):
        problems.append(Problem(source.path, start + 2, "front matter 'terms:' maps term names to their data"))
        return terms
    by_key = {term_key(term.name): term for term in terms}
    data: dict[str, TermData] = {}
    for name, fields in given.items():
        line = key_line(source, str(name), start)
        term = by_key.get(term_key(str(name)))
        if term is None:
            known = ", ".join(t.name for t in terms) or "none"
            problems.append(Problem(source.path, line, f"front matter names term '{name}', which this lesson does not define (its terms: {known})"))
        elif (read := term_data(fields, name, line, source.path, problems)) is not None:
            data[term.id] = replace(
                read,
                summary_line=field_line(source, "summary", line) if read.summary else 0,
                aliases_line=field_line(source, "aliases", line) if read.aliases else 0,
            )
    return [Term(**{**vars(term), "data": data.get(term.id, TermData())}) for term in terms]


def field_line(source: Source, key: str, term_line: int) -> int:
    """The line of a field of the term whose data starts on ``term_line``: the first
    line under it that gives ``key`` (a field the term has), or that line where none
    does (as in "Cache: {aliases: [x]}")."""
    found = key_line(source, key, term_line - 1)  # 1 where no line gives it
    return found if found > term_line else term_line


def term_data(fields: Any, name: str, line: int, path: str, problems: list[Problem]) -> TermData | None:
    if not isinstance(fields, dict) or set(fields) - set(TERM_FIELDS):
        allowed = "; ".join(f"'{key}': {what}" for key, what in TERM_FIELDS.items())
        unknown = sorted(map(str, set(fields) - set(TERM_FIELDS))) if isinstance(fields, dict) else []
        found = (
            "has no fields" if fields is None else
            f"has {', '.join(repr(key) for key in unknown)}, {'which is not a field' if len(unknown) == 1 else 'which are not fields'}"
            if unknown else "is not 'field: value' lines"
        )
        problems.append(Problem(path, line, f"data of term '{name}' {found}: it takes only these fields: {allowed}"))
        return None
    read: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in LIST_FIELDS:
            if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
                problems.append(Problem(path, line, f"'{key}' of term '{name}' must be one line of text, like: {key}: A ... that ..."))
                return None
            read[key] = " ".join(value.split())
        elif not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            problems.append(Problem(path, line, f"'{key}' of term '{name}' must be a list of words, like [a, b]"))
            return None
        elif bad := next((item for item in value if CONTROL.search(item)), None):
            problems.append(Problem(path, line, f"'{key}' of term '{name}' has a control character in {bad!r}: delete it"))
            return None
        else:
            read[key] = tuple(item.strip() for item in value)
    return TermData(**read, line=line)


def term_key(name: str) -> str:
    """Names that differ only in case or spacing are one term."""
    return " ".join(name.lower().split())
