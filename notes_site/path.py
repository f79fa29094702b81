"""The learning path: which earlier lessons each lesson builds on.

A lesson builds on the lessons that teach, as key terms, the terms it lists under
``## Prerequisites``.  Pure: glossary entries in, lesson numbers out.
"""

from __future__ import annotations

from .glossary import Entry, Role
from .lessons import PREREQUISITES, Lesson, term_key


def builds_on(lessons: tuple[Lesson, ...], entries: tuple[Entry, ...]) -> dict[int, tuple[int, ...]]:
    """For each lesson, the earlier lessons it builds on, in course order."""
    teacher = {
        term_key(entry.name): entry.taught.lesson.number for entry in entries if entry.taught.role == Role.KEY_TERM
    }
    found = {}
    for lesson in lessons:
        wanted = (teacher.get(term_key(t.name)) for t in lesson.terms if t.section == PREREQUISITES)
        found[lesson.number] = tuple(sorted({n for n in wanted if n is not None and n < lesson.number}))
    return found


def leads_to(path: dict[int, tuple[int, ...]]) -> dict[int, tuple[int, ...]]:
    """The other way round: for each lesson, the later lessons that build on it."""
    found: dict[int, list[int]] = {number: [] for number in path}
    for lesson, earlier in path.items():
        for number in earlier:
            found[number].append(lesson)
    return {number: tuple(sorted(later)) for number, later in found.items()}
