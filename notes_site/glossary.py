"""Merge the lessons' terms into glossary entries, checked across lessons.

Pure functions: parsed lessons in, entries and problems out.  A term is taught by the
one lesson that has it under Key Terms (or, if none does, its first definition);
other lessons that define it repeat it as a prerequisite, and lessons whose notes
mention it are listed as uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from .lessons import KEY_TERMS, Lesson, Term, TermData, term_key
from .names import Finder, Phrase, is_capitals, names_of, singulars
from .outline import ADMONITION_TITLE, code_rows
from .source import Problem

# What is not prose in a lesson's Markdown: inline code, link targets, HTML tags, bare URLs.
# Each branch starts with one literal character ("`" then "`*", not "`+"), so the
# regex engine skips to those characters: three times faster over 325 lessons.
NOT_PROSE = re.compile(r"``*[^`]*`+|\]\([^)]*\)|<[^>]*>|https?://\S+")
FEWEST_WORDS = 4  # a summary shorter than this cannot say what a term is
# A summary longer than this is not read at a glance: in a tooltip, in the glossary, as a
# flashcard's question, which must end above "Show answer" on a 320 x 568 phone's first
# screen (docs/stylesheets/extra.css).
MOST_CHARACTERS = 150
# An Editor's note at a definition's own level (not in one of its lists): it corrects
# the definition itself, which a summary taken from it would repeat.
TOP_LEVEL_EDITORS_NOTE = re.compile(ADMONITION_TITLE + 'Editor\'s note"', re.M)


class Role(StrEnum):
    """What a lesson does with a term."""

    KEY_TERM = "key term"  # teaches it, under Key Terms
    PREREQUISITE = "prerequisite"  # repeats its definition, under Prerequisites
    MENTION = "mention"  # names it in its notes


@dataclass(frozen=True)
class Use:
    """A lesson that uses a term: teaches it, repeats it, or mentions it."""

    lesson: Lesson
    anchor: str | None  # the term's heading on the lesson page, if it defines it
    role: Role


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    names: tuple[str, ...]  # every name that links to it, the heading's first
    definition: str  # Markdown, as the teaching lesson writes it
    taught: Use
    also: tuple[Use, ...]
    data: TermData
    see_also: tuple[str, ...] = ()  # ids of related entries, both ways

    @property
    def uses(self) -> tuple[Use, ...]:
        return (self.taught, *self.also)

    @property
    def term(self) -> Term:
        """The term as the lesson that teaches it gives it: its heading's line, its place."""
        return next(term for term in self.taught.lesson.terms if term.anchor == self.taught.anchor)


# --- Building --------------------------------------------------------------------


def build_glossary(lessons: Iterable[Lesson], taken_ids: dict[str, str]) -> tuple[list[Entry], list[Problem]]:
    """One entry per term, A to Z.  ``taken_ids`` maps the ids the glossary page uses
    for other things (its own headings, letters) to what uses them."""
    lessons = sorted(lessons, key=lambda lesson: lesson.number)
    problems: list[Problem] = []
    grouped: dict[str, list[tuple[Lesson, Term]]] = {}
    for lesson in lessons:
        for term in lesson.terms:
            grouped.setdefault(term_key(term.name), []).append((lesson, term))
    teaching = {key: teacher(defined, problems) for key, defined in grouped.items()}
    check_prerequisites_spelled(grouped, teaching, problems)
    names = {key: (*names_of(term.name), *term.data.aliases) for key, (_, term) in teaching.items()}
    check_names_unique(teaching, names, problems)
    mentioned = mentions(lessons, names, {key: t.data.not_in for key, (_, t) in teaching.items()})
    entries = [make_entry(grouped[key], teaching[key], names[key], mentioned[key]) for key in grouped]
    check_ids_unique(entries, taken_ids, problems)
    entries = link_related(entries, problems)
    return sorted(entries, key=lambda entry: entry.name.lower()), problems


def teacher(defined: list[tuple[Lesson, Term]], problems: list[Problem]) -> tuple[Lesson, Term]:
    """The lesson that teaches a term; a second Key Terms definition is a problem."""
    keys = [(lesson, term) for lesson, term in defined if term.section == KEY_TERMS]
    first = keys[0] if keys else defined[0]
    for lesson, term in keys[1:]:
        problems.append(Problem(
            lesson.shown_path, term.line,
            f"'{term.name}' is already a key term of Lesson {first[0].number} "
            f"({first[0].shown_path}:{first[1].line}): a term is taught once, so move this "
            "one under '## Prerequisites' (or rename it if it is another term)",
        ))
    in_lesson: dict[str, Term] = {}
    for lesson, term in defined:
        earlier = in_lesson.setdefault(lesson.path, term)
        if earlier is not term and not (earlier.section == term.section == KEY_TERMS):  # two key terms: named above
            problems.append(Problem(
                lesson.shown_path, term.line,
                f"'{term.name}' is already a term of this lesson, at line {earlier.line}: delete one of the two",
            ))
    for lesson, term in defined:
        if term.data != TermData() and lesson != first[0]:  # a second copy in its lesson is named above
            problems.append(Problem(
                lesson.shown_path, term.data.line, f"front matter data for '{term.name}' belongs in the lesson "
                f"that teaches it, {first[0].shown_path}",
            ))
    return first


def check_prerequisites_spelled(
    grouped: dict[str, list[tuple[Lesson, Term]]], teaching: dict[str, tuple[Lesson, Term]], problems: list[Problem]
) -> None:
    """A prerequisite that no lesson teaches, named almost as a term that one does
    ("Througput"): a typo, which would make a glossary entry of its own."""
    taught = {key: term for key, (_, term) in teaching.items() if term.section == KEY_TERMS}  # in order, looked up at once
    for key, defined in grouped.items():
        name = defined[0][1].name
        near = next(
            (other for other, meant in taught.items() if is_near_miss(key, other) or is_plural_of(name, meant.name)), None
        ) if key not in taught else None
        if near:
            lesson, term = defined[0]
            where, meant = teaching[near]
            problems.append(Problem(
                lesson.shown_path, term.line, f"prerequisite '{term.name}' looks like '{meant.name}', a key term of Lesson "
                f"{where.number}: spell it as that heading does, or it becomes a glossary entry of its own",
            ))


def is_near_miss(key: str, other: str) -> bool:
    """Two names a typed letter apart ("througput", "throughput"), or two in a long
    name; not one that only adds an ending ("https", or a plural: is_plural_of), another
    name, nor an acronym's length, 3 letters or fewer, where one letter makes another ("gpu", "cpu")."""
    most = 2 if len(other) > 10 else 1
    if min(len(key), len(other)) <= 3 or abs(len(key) - len(other)) > most or key.startswith(other) or other.startswith(key):
        return False  # most pairs, at no cost
    if len(set(key) ^ set(other)) > 2 * most:
        return False  # an edit changes at most two of the letters used: most of the rest
    return edit_distance(key, other) <= most


def is_plural_of(name: str, other: str) -> bool:
    """One name the other's plural, either way round ("Servers", "Server"; "Proxies",
    "Proxy"), as the term links read plurals: the same term. Not an acronym's own
    capital ("HTTPS", "HTTP")."""
    short, long = sorted((name, other), key=len)
    return not is_capitals(long.split()[-1]) and short.lower() in singulars(long)[1:]


def edit_distance(a: str, b: str) -> int:
    """Letters to add, drop or change to make one text the other (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (letter != other))
    return row[-1]


def make_entry(
    defined: list[tuple[Lesson, Term]], teaching: tuple[Lesson, Term], names: tuple[str, ...], mentioned: list[Use]
) -> Entry:
    lesson, term = teaching
    defining = {other.number for other, _ in defined}
    also = [Use(other, t.anchor, role(t)) for other, t in defined if (other, t) != teaching]
    also += [use for use in mentioned if use.lesson.number not in defining]
    return Entry(
        id=term.id,
        name=term.name,
        names=names,
        definition=term.definition,
        taught=Use(lesson, term.anchor, role(term)),
        also=tuple(sorted(also, key=lambda use: use.lesson.number)),
        data=term.data,
    )


def role(term: Term) -> Role:
    return Role.KEY_TERM if term.section == KEY_TERMS else Role.PREREQUISITE


def mentions(
    lessons: list[Lesson], names: dict[str, tuple[str, ...]], not_in: dict[str, tuple[str, ...]]
) -> dict[str, list[Use]]:
    """For each term, a mention Use of each lesson whose prose mentions it, by the rules the links follow."""
    finder = Finder(names, not_in)
    found: dict[str, list[Use]] = {key: [] for key in names}
    for lesson in lessons:
        # One Use for all the terms a lesson mentions (it is immutable): thousands fewer to make.
        use = Use(lesson, None, Role.MENTION)
        for key in {m.key for m in finder.mentions(prose(lesson.body)) if not m.other_sense}:
            found[key].append(use)
    return found


def prose(markdown: str) -> str:
    """A lesson's text without headings, code, link targets or HTML."""
    lines = markdown.split("\n")
    code = code_rows(lines)
    kept = [line for line, is_code in zip(lines, code) if not is_code and not line.startswith("#")]
    return NOT_PROSE.sub(" ", "\n".join(kept))


def link_related(entries: list[Entry], problems: list[Problem]) -> list[Entry]:
    """Each entry's "see also": the terms it names, and the terms that name it."""
    by_name = {Phrase.of(name.lower()): entry for entry in entries for name in (entry.name, *entry.names)}
    related: dict[str, set[str]] = {entry.id: set() for entry in entries}
    for entry in entries:
        for name in entry.data.see_also:
            other = by_name.get(Phrase.of(name.lower()))
            if other is None or other is entry:
                problems.append(Problem(entry.taught.lesson.shown_path, entry.data.line, f"see_also '{name}' of '{entry.name}' " + (
                    "is this term itself: delete it" if other else f"names no term: {name_to_write(name, entries)}"
                )))
                continue
            related[entry.id].add(other.id)
            related[other.id].add(entry.id)
    order = {entry.id: entry.name.lower() for entry in entries}
    linked = [(entry, tuple(sorted(related[entry.id], key=order.get))) for entry in entries]
    # A copy only of the few entries whose related terms change: replace() is slow.
    return [entry if entry.see_also == see_also else replace(entry, see_also=see_also) for entry, see_also in linked]


def name_to_write(name: str, entries: list[Entry]) -> str:
    """What to write instead of a name that names no term: the one it is a letter from, if any."""
    near = next((e.name for e in entries for n in e.names if is_near_miss(name.lower(), n.lower())), None)
    return f"write '{near}'" if near else "write a term's name as its heading gives it, or an alias, or delete it"


# --- Checks across lessons ---------------------------------------------------------


def check_names_unique(
    teaching: dict[str, tuple[Lesson, Term]], names: dict[str, tuple[str, ...]], problems: list[Problem]
) -> None:
    owner: dict[Phrase, str] = {}
    for key, key_names in names.items():
        for name in key_names:
            phrase = Phrase.of(name.lower())
            other = owner.setdefault(phrase, key)
            if other != key:
                lesson, term = teaching[key]
                problems.append(Problem(
                    lesson.shown_path, term.data.aliases_line if name in term.data.aliases else term.line,
                    f"the name '{name}' of '{term.name}' is also a name of '{teaching[other][1].name}' "
                    f"({teaching[other][0].shown_path}:{teaching[other][1].line}): a name links to one term only",
                ))


def check_ids_unique(entries: list[Entry], taken_ids: dict[str, str], problems: list[Problem]) -> None:
    taken = dict(taken_ids)
    for entry in entries:
        user = taken.setdefault(entry.id, f"the term '{entry.name}'")
        if user != f"the term '{entry.name}'":
            problems.append(Problem(
                entry.taught.lesson.shown_path, entry.term.line,
                f"term '{entry.name}' would have the glossary id '#{entry.id}', which {user} "
                f"already has: give it another, '### {entry.name} {{ #another-id }}', or rename it",
            ))


# --- Summaries -----------------------------------------------------------------------


def check_summaries(entries: Iterable[Entry], summaries: Mapping[str, str]) -> list[Problem]:
    """A summary (notes_site.summaries, by entry id) is a tooltip's whole text: a
    sentence that does not trail off, is read at a glance, and is not one that an
    Editor's note corrects."""
    problems = []
    for entry in entries:
        text = summaries[entry.id]
        given = bool(entry.data.summary)
        says_too_little = "so it cannot say what the term is"
        why = (
            f"ends in '{text[-1]}', {says_too_little}" if text.endswith((":", ";", ",")) else
            f"has fewer than {FEWEST_WORDS} words, {says_too_little}" if len(text.split()) < FEWEST_WORDS else
            f"is {len(text)} characters long, more than the {MOST_CHARACTERS} read at a glance"
            if len(text) > MOST_CHARACTERS else
            "is from a definition that an Editor's note corrects, so tooltips would repeat what the note corrects"
            if not given and TOP_LEVEL_EDITORS_NOTE.search(entry.definition) else None
        )
        if why is None:
            continue
        lesson = entry.taught.lesson
        line = entry.data.summary_line if given else entry.term.line
        source = "its 'summary:'" if given else "its definition's first sentence"
        fix = "rewrite its 'summary:'" if given else "give the term a 'summary:' in the front matter"
        problems.append(Problem(
            lesson.shown_path, line,
            f"the summary of '{entry.name}' ({source}: '{text}') {why}: "
            f"{fix}: one sentence that says what it is, like 'A ... that ...', in at most {MOST_CHARACTERS} characters",
        ))
    return problems
