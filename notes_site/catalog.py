"""Everything the site knows about its lessons and terms, read from the docs folder.

The one place that reads files: the Markdown extension and the study tools ask it.
A catalog is made again whenever a file's bytes change, and only then.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .glossary import Entry, build_glossary
from .glossary_page import letter_ids
from .lessons import Lesson, parse_lesson
from .linking import Mark
from .names import Finder, Phrase
from .outline import heading_ids, headings
from .path import builds_on
from .source import Problem, Source, decode, key_line, read_source


@dataclass(frozen=True)
class Catalog:
    lessons: tuple[Lesson, ...]  # the readable lessons, by number
    entries: tuple[Entry, ...]  # the glossary, A to Z
    acronyms: dict[str, str]  # acronyms that are no term, and what they stand for
    problems: tuple[Problem, ...]
    finder: Finder  # every name of every term and acronym
    path: dict[int, tuple[int, ...]]  # for each lesson, the earlier lessons it builds on

    def lesson(self, number: int, title: str) -> Lesson | None:
        return next((l for l in self.lessons if l.number == number and l.title == title), None)

    def marks(self, glossary_href: str) -> dict[str, Mark]:
        """A link to each entry, with its summary for the tooltip that describes it
        (javascripts/term-tooltips.js); an <abbr> titled with its expansion for each acronym."""
        marks = {
            entry.id: Mark("a", {
                "class": "glossary-term", "href": f"{glossary_href}#{entry.id}", "data-summary": entry.summary,
            })
            for entry in self.entries
        }
        marks.update((acronym, Mark("abbr", {"title": expansion})) for acronym, expansion in self.acronyms.items())
        return marks


def load(docs_dir: str, lessons_dir: str, glossary: str) -> Catalog:
    """The catalog of the files as they are now."""
    root = Path(docs_dir)
    paths = sorted(p for p in (root / lessons_dir).rglob("*.md")) if (root / lessons_dir).is_dir() else []
    files = tuple((p.relative_to(root).as_posix(), p.read_bytes()) for p in paths)
    glossary_path = root / glossary
    glossary_bytes = glossary_path.read_bytes() if glossary_path.is_file() else b""
    return make_catalog(docs_dir.rstrip("/"), files, glossary, glossary_bytes)


@lru_cache(maxsize=4)
def make_catalog(docs_dir: str, files: tuple[tuple[str, bytes], ...], glossary: str, glossary_bytes: bytes) -> Catalog:
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
    path = builds_on(tuple(lessons), tuple(entries))
    return Catalog(tuple(lessons), tuple(entries), acronyms, tuple(problems), Finder(names, not_in), path)


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
        if entry:
            problems.append(Problem(
                page.path, key_line(page, str(acronym), start),
                f"acronym '{acronym}' is a name of the term '{entry.name}', which links it: remove it from 'acronyms:'",
            ))
        else:
            acronyms[str(acronym)] = expansion
    return acronyms
