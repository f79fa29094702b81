"""Everything the site knows about its lessons and terms, read from the docs folder.

The one place that reads files: the Markdown extension, the hook and the scripts ask
it.  A build reads each file once: the catalog is kept, and made again only when a
file's size or modification time changes or a file comes or goes (``make serve``
sees an edit at its next rebuild).  Whatever grows with the glossary is worked out
here, once per catalog, not once per page.

Each page asks for the catalog, and each ask looks at every file's size and time.
Given a ``build`` (the MkDocs hook names each build), the files are looked at once
per build instead: a cost per page that grows with the lessons is a cost per build.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .glossary import Entry, build_glossary
from .glossary_page import letter_ids
from .lessons import CONTROL, Lesson, parse_lesson
from .linking import Mark
from .names import Finder, Phrase
from .outline import heading_ids, headings
from .path import builds_on, leads_to
from .rendering import MarkdownSetup, summaries
from .source import Problem, Source, decode, key_line, read_source

KEPT = 8  # catalogs kept at once: one per docs folder a process builds
TERM_LINK_CLASS = "glossary-term"  # a term link's class: its tooltip script and styles know it too


class NoSuchFolder(Exception):
    """The docs folder or its lessons folder is not there: a setting is wrong."""


@dataclass(frozen=True)
class Catalog:
    lessons: tuple[Lesson, ...]  # the readable lessons, by number
    entries: tuple[Entry, ...]  # the glossary, A to Z
    acronyms: dict[str, str]  # acronyms that are no term, and what they stand for
    problems: tuple[Problem, ...]
    finder: Finder  # every name of every term and acronym
    builds_on: dict[int, tuple[int, ...]]  # for each lesson, the earlier lessons it builds on
    leads_to: dict[int, tuple[int, ...]]  # for each lesson, the later lessons that build on it
    taught: dict[int, int]  # for each lesson that teaches terms, how many: its flashcards
    numbered: dict[int, Lesson] = field(repr=False)  # the lessons by number
    by_title: dict[tuple[int, str], Lesson] = field(repr=False)
    by_path: dict[str, Lesson] = field(repr=False)  # the lessons by path from the docs folder
    # Worked out once per Markdown setup (in a build, all pages have the same).
    summaries_by_setup: dict[MarkdownSetup, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)
    marks_by_href: dict[tuple[str, MarkdownSetup], dict[str, Mark]] = field(default_factory=dict, compare=False, repr=False)

    def lesson(self, number: int, title: str) -> Lesson | None:
        return self.by_title.get((number, title))

    def summaries(self, setup: MarkdownSetup) -> dict[str, str]:
        """Each entry's summary, by id, from the definitions rendered with ``setup``
        (notes_site.rendering): worked out once, for every page that shows one."""
        if setup not in self.summaries_by_setup:
            self.summaries_by_setup[setup] = summaries(self.entries, setup)
        return self.summaries_by_setup[setup]

    def marks(self, glossary_href: str, setup: MarkdownSetup) -> dict[str, Mark]:
        """A link to each entry, with its summary for the tooltip that describes it
        (javascripts/term-tooltips.js); an <abbr> titled with its expansion for each
        acronym (that script lets the keyboard reach it). ``glossary_href`` is the glossary's
        address on the built site, from the page (notes_site.rendering.page_url): the
        marks go on the page finished, and tests/test_build.py checks where each leads.
        Made once per glossary href (and Markdown setup)."""
        key = (glossary_href, setup)
        if key not in self.marks_by_href:
            summary = self.summaries(setup)
            marks = {
                entry.id: Mark("a", {
                    "class": TERM_LINK_CLASS, "href": f"{glossary_href}#{entry.id}", "data-summary": summary[entry.id],
                    **named(entry),
                })
                for entry in self.entries
            }
            marks.update((acronym, Mark("abbr", {"title": expansion})) for acronym, expansion in self.acronyms.items())
            self.marks_by_href[key] = marks
        return self.marks_by_href[key]


def named(entry: Entry) -> dict[str, str]:
    """The term's name, for the tooltip to show above its summary where a link's text
    is another of its names ("DNS" of "DNS: Domain Name System", "HA" of "High
    Availability"): a term with one name has none to add."""
    return {"data-name": entry.name} if entry.names != (entry.name,) else {}


@dataclass(frozen=True)
class Kept:
    """A docs folder's catalog, the size and modification time of its files then, and
    the build that last looked at them."""

    files: dict[str, tuple[int, int]]
    catalog: Catalog
    build: str


KEPT_CATALOGS: dict[tuple[str, ...], Kept] = {}


def load(docs_dir: str, lessons_dir: str, glossary: str, build: str = "") -> Catalog:
    """The catalog of the files as they are now: the kept one while no file changed.
    Within one ``build`` (any name, new for each build), the files are looked at once."""
    # Where the build runs is part of the key: no look at the file system to make it.
    key = (docs_dir.rstrip("/"), os.path.abspath(docs_dir), lessons_dir, glossary)
    kept = KEPT_CATALOGS.get(key)
    if kept and build and kept.build == build:
        return kept.catalog  # twice a page: nothing more is looked at
    root = Path(docs_dir)
    if not root.is_dir():
        raise NoSuchFolder(f"{docs_dir}: no such folder: 'docs_dir' of notes_site.extension names the docs folder, from the folder the build runs in")
    if not (root / lessons_dir).is_dir():
        raise NoSuchFolder(f"{docs_dir}/{lessons_dir}: no such folder: the lessons go there ('lessons' of notes_site.extension names it, inside docs_dir)")
    # A stat of each file, no more, while nothing changed.
    files = markdown_files(str(root / lessons_dir), f"{lessons_dir.strip('/')}/")
    glossary_file = markdown_file(str(root / glossary))
    if glossary_file:
        files[glossary] = glossary_file
    if kept and kept.files == files:
        KEPT_CATALOGS[key] = Kept(files, kept.catalog, build)
        return kept.catalog
    lessons = tuple(
        (path, (root / path).read_bytes())
        for path in sorted((path for path in files if path != glossary), key=lambda path: path.split("/"))
    )
    glossary_bytes = (root / glossary).read_bytes() if glossary_file else b""
    catalog = make_catalog(key[0], lessons, glossary, glossary_bytes)
    if key not in KEPT_CATALOGS and len(KEPT_CATALOGS) >= KEPT:
        del KEPT_CATALOGS[next(iter(KEPT_CATALOGS))]  # the oldest
    KEPT_CATALOGS[key] = Kept(files, catalog, build)
    return catalog


def markdown_files(folder: str, prefix: str) -> dict[str, tuple[int, int]]:
    """The size and mtime of each Markdown file under ``folder``, by ``prefix`` + its path there."""
    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                found.update(markdown_files(entry.path, f"{prefix}{entry.name}/"))
            elif entry.name.endswith(".md") and entry.is_file():
                info = entry.stat()
                found[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
    return found


def markdown_file(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) else None


def make_catalog(docs_dir: str, files: tuple[tuple[str, bytes], ...], glossary: str, glossary_bytes: bytes) -> Catalog:
    """The catalog of these files' bytes: lessons by path from the docs folder."""
    problems: list[Problem] = []
    lessons = []
    for path, data in files:
        text, bad = decode(data, f"{docs_dir}/{path}")
        problems += bad
        if text is not None:
            lesson, found = parse_lesson(text, path, f"{docs_dir}/{path}")
            problems += found
            if lesson:
                lessons.append(lesson)
    problems += duplicate_numbers(lessons)
    page, found = glossary_source(glossary_bytes, f"{docs_dir}/{glossary}")
    problems += found
    taken = {**letter_ids(), **page_ids(page)}
    entries, found = build_glossary(lessons, taken)
    problems += found
    acronyms = read_acronyms(page, entries, problems)
    names = {entry.id: entry.names for entry in entries} | {acronym: (acronym,) for acronym in acronyms}
    not_in = {entry.id: entry.data.not_in for entry in entries}
    lessons = sorted(lessons, key=lambda l: l.number)
    earlier = builds_on(tuple(lessons), tuple(entries))
    by_title: dict[tuple[int, str], Lesson] = {}
    for lesson in lessons:
        by_title.setdefault((lesson.number, lesson.title), lesson)
    return Catalog(
        lessons=tuple(lessons), entries=tuple(entries), acronyms=acronyms, problems=tuple(problems),
        finder=Finder(names, not_in), builds_on=earlier, leads_to=leads_to(earlier),
        taught=dict(Counter(entry.taught.lesson.number for entry in entries)),
        numbered={lesson.number: lesson for lesson in lessons}, by_title=by_title,
        by_path={lesson.path: lesson for lesson in lessons},
    )


def duplicate_numbers(lessons: list[Lesson]) -> list[Problem]:
    first: dict[int, Lesson] = {}
    problems = []
    for lesson in lessons:
        other = first.setdefault(lesson.number, lesson)
        if other is not lesson:
            problems.append(Problem(lesson.shown_path, 1, f"Lesson {lesson.number} is also {other.shown_path}: give each lesson its own number"))
    return problems


# --- The glossary page's own data ---------------------------------------------------


def glossary_source(data: bytes, shown: str) -> tuple[Source, list[Problem]]:
    text, problems = decode(data, shown)
    source, found = read_source(text or "", shown)
    return source, problems + found


def page_ids(page: Source) -> dict[str, str]:
    """The ids the glossary page's own headings take."""
    found = list(headings(page.body.split("\n")))
    return {id: f"the heading '{h.text}' of {page.path}" for h, id in zip(found, heading_ids(found))}


def read_acronyms(page: Source, entries: list[Entry], problems: list[Problem]) -> dict[str, str]:
    """The glossary page's front matter lists acronyms that are no term."""
    given: Any = page.meta.get("acronyms", {})
    if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
        problems.append(Problem(page.path, key_line(page, "acronyms"), "'acronyms:' maps each acronym to what it stands for"))
        return {}
    names = {Phrase.of(name.lower()): entry for entry in entries for name in entry.names}
    acronyms = {}
    start = key_line(page, "acronyms") - 2
    for acronym, expansion in given.items():
        entry = names.get(Phrase.of(str(acronym).lower()))
        if CONTROL.search(str(acronym)):
            # Written as an escape ("\0"), which key_line cannot find: the line of 'acronyms:'.
            problems.append(Problem(page.path, start + 2, f"acronym {str(acronym)!r} has a control character: delete it"))
        elif entry:
            problems.append(Problem(
                page.path, key_line(page, str(acronym), start),
                f"acronym '{acronym}' is a name of the term '{entry.name}' ({name_line(entry, str(acronym))}), which links it: "
                "remove it from 'acronyms:'" + (", or from the term's aliases" if is_alias(entry, str(acronym)) else ""),
            ))
        else:
            acronyms[str(acronym)] = expansion
    return acronyms


def is_alias(entry: Entry, name: str) -> bool:
    return any(Phrase.of(alias.lower()) == Phrase.of(name.lower()) for alias in entry.data.aliases)


def name_line(entry: Entry, name: str) -> str:
    """Where the lessons give an entry this name: its aliases' line, or its heading's."""
    lesson = entry.taught.lesson
    return f"{lesson.shown_path}:{entry.data.aliases_line if is_alias(entry, name) else entry.term.line}"
