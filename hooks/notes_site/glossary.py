"""Merge the lessons' terms into one glossary and render it as Markdown and JSON.

Pure functions: lessons in, text out.  The hook turns the text into pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from .terms import KEY_TERMS, Lesson, LessonFormatError, Term, walk

ALIAS_FORMS = (
    re.compile(r"^(?P<short>.+?) \((?P<long>[^)]+)\)$"),  # SLA (Service-level agreement)
    re.compile(r"^(?P<short>[^:]+): (?P<long>.+)$"),  # DNS: Domain Name System
    re.compile(r"^(?P<short>.+?) - (?P<long>.+)$"),  # HTTP - HyperText Transfer Protocol
)
MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<!\bie\.)(?<!\be\.g\.)(?<!\bvs\.)(?<=[.!?])\s")


@dataclass(frozen=True)
class Use:
    """A lesson that uses a term: defines it, or mentions it in its notes."""

    lesson: Lesson
    anchor: str | None  # the term heading on the lesson page, if it defines it
    role: str  # "key term", "prerequisite" or "mention"


@dataclass(frozen=True)
class Entry:
    name: str
    names: tuple[str, ...]  # every name a reader may look for, the short form first
    anchor: str
    definition: str
    summary: str  # the definition's first sentence, as plain text
    introduced: Use
    also: tuple[Use, ...]

    @property
    def uses(self) -> tuple[Use, ...]:
        return (self.introduced, *self.also)


# --- Building -----------------------------------------------------------------


def build_glossary(lessons: list[Lesson]) -> list[Entry]:
    """One entry per distinct term, A to Z, from lessons in any order."""
    lessons = sorted(lessons, key=lambda lesson: lesson.number)
    grouped: dict[str, list[tuple[Lesson, Term]]] = {}
    for lesson in lessons:
        for term in lesson.terms:
            grouped.setdefault(term_key(term.name), []).append((lesson, term))
    # Taught where it is a key term; a prerequisite-only term uses its first definition.
    teaching = {
        key: next(((l, t) for l, t in defined if t.section == KEY_TERMS), defined[0])
        for key, defined in grouped.items()
    }
    names = {key: term_names(term.name) for key, (_, term) in teaching.items()}
    mentioned = mentions(lessons, names)
    entries = [
        make_entry(grouped[key], teaching[key], names[key], mentioned[key]) for key in grouped
    ]
    check_anchors_unique(entries)
    return sorted(entries, key=lambda entry: entry.name.lower())


def make_entry(
    defined: list[tuple[Lesson, Term]],
    teaching: tuple[Lesson, Term],
    names: tuple[str, ...],
    mentioned_in: list[Lesson],
) -> Entry:
    lesson, term = teaching
    defining = {l.number for l, _ in defined}
    also = [Use(l, t.anchor, role(t)) for l, t in defined if (l, t) != teaching]
    also += [Use(other, None, "mention") for other in mentioned_in if other.number not in defining]
    return Entry(
        name=term.name,
        names=names,
        anchor=slugify(term.name, "-"),
        definition=term.definition,
        summary=first_sentence(term.definition),
        introduced=Use(lesson, term.anchor, role(term)),
        also=tuple(sorted(also, key=lambda use: use.lesson.number)),
    )


def mentions(lessons: list[Lesson], names: dict[str, tuple[str, ...]]) -> dict[str, list[Lesson]]:
    """The lessons whose prose mentions each term: one pass over each lesson."""
    finder = NameFinder(names)
    found: dict[str, list[Lesson]] = {key: [] for key in names}
    for lesson in lessons:
        for key in {key for key, _ in finder.finditer(prose(lesson.text))}:
            found[key].append(lesson)
    return found


def check_anchors_unique(entries: list[Entry]) -> None:
    seen: dict[str, Entry] = {}
    for entry in entries:
        other = seen.setdefault(entry.anchor, entry)
        if other is not entry:
            first, second = other.introduced, entry.introduced
            raise LessonFormatError(
                second.lesson.path,
                term_line(entry),
                f"term '{entry.name}' has the same glossary anchor '#{entry.anchor}' as "
                f"'{other.name}' ({first.lesson.path}:{term_line(other)}): rename one of them",
            )


def term_line(entry: Entry) -> int:
    lesson = entry.introduced.lesson
    return next(t.line for t in lesson.terms if t.anchor == entry.introduced.anchor)


# --- Names and text -------------------------------------------------------------


def term_key(name: str) -> str:
    return " ".join(name.lower().split())


def term_names(name: str) -> tuple[str, ...]:
    """"SLA (Service-level agreement)" -> ("SLA", "Service-level agreement")."""
    for form in ALIAS_FORMS:
        match = form.match(name)
        if match:
            return (match["short"].strip(), match["long"].strip())
    # "Paxos & Raft" names two things; "Node/Instance/Host" is one name whose parts
    # ("instance of entity", "Host: string") mean other things in the notes.
    if " & " in name:
        return (name, *(part.strip() for part in name.split(" & ")))
    return (name,)


class NameFinder:
    """Finds any of many names as whole words, and tells whose name each match is.

    Plurals match too; acronyms match only in their own case.  Longer names come
    first, so "Cache Hit" is found as itself, not as "Cache".  The regex is only
    tried where a word could start a name: far faster than scanning with it.
    """

    def __init__(self, named: dict[str, tuple[str, ...]]) -> None:
        keys = sorted(named, key=lambda key: max(map(len, named[key])), reverse=True)
        groups = "|".join(f"(?P<k{i}>{names_regex(named[key])})" for i, key in enumerate(keys))
        self.pattern = re.compile(rf"(?<![\w/-])(?:{groups})(?![\w-])")
        self.keys = keys
        self.first_words = {WORD.match(name).group().lower() for names in named.values() for name in names}

    def finditer(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        end = 0
        for word in WORD.finditer(text):
            if word.start() < end or not self.could_start(word.group().lower()):
                continue
            match = self.pattern.match(text, word.start())
            if match:
                end = match.end()
                yield self.keys[int(match.lastgroup[1:])], match

    def could_start(self, word: str) -> bool:
        return word in self.first_words or word[:-1] in self.first_words or word[:-2] in self.first_words


def names_regex(names: tuple[str, ...]) -> str:
    return "|".join(name_regex(name) for name in sorted(names, key=len, reverse=True))


def name_regex(name: str) -> str:
    body = r"\s+".join(re.escape(word) for word in name.split())
    return f"(?:{body}s?)" if is_acronym(name) else f"(?i:{body}(?:e?s)?)"


def is_acronym(name: str) -> bool:
    """SLA, S3, NoSQL, Neo4j: one word that only matches in its own case."""
    return " " not in name and sum(not char.islower() for char in name) >= 2


def prose(markdown: str) -> str:
    """The lesson's text without headings or fenced code."""
    return "\n".join(line for line, heading, code in walk(markdown.split("\n")) if not heading and not code)


def first_sentence(definition: str) -> str:
    first = next(line for line in definition.split("\n") if line.strip())
    text = MARKUP.sub(lambda m: m.group(1) or "", first.strip().lstrip("-*+ ").strip())
    return SENTENCE_END.split(text, maxsplit=1)[0].strip()


def role(term: Term) -> str:
    return "key term" if term.section == KEY_TERMS else "prerequisite"


# --- Rendering --------------------------------------------------------------------


def render_page(entries: list[Entry], edit_url: str) -> str:
    """The glossary page's Markdown; links are relative to docs/glossary.md."""
    letters = sorted({entry.name[0].upper() for entry in entries})
    out = [
        "---",
        "description: Every key term of the SystemsExpert notes, A to Z, with its "
        "definition and the lessons that teach and use it.",
        "search:",
        "  boost: 4",
        "---",
        "",
        "# Glossary",
        "",
        f"All {len(entries)} terms that the lessons define, A to Z. The glossary is built "
        "from the lessons each time the site is built: a definition is edited in its lesson.",
        "",
        '<nav class="glossary-letters" aria-label="Glossary letters" markdown>',
        " ".join(f"[{letter}](#{letter.lower()})" for letter in letters),
        "</nav>",
    ]
    for letter in letters:
        out += ["", f"## {letter} {{ data-search-exclude }}"]  # a letter is no search result
        for entry in (e for e in entries if e.name[0].upper() == letter):
            # Search finds an entry by its name; its definition is found in its lesson.
            # (A <section>, not a <div>: Material's search parser loses an excluded
            # <div> when a <div> such as a code block is nested in it.)
            out += ["", f"### {entry.name}", "", '<section class="glossary-entry" data-search-exclude markdown>']
            out += ["", entry.definition, "", sources(entry, edit_url), "", "</section>"]
    return "\n".join(out) + "\n"


def sources(entry: Entry, edit_url: str) -> str:
    parts = [f"Introduced in {lesson_link(entry.introduced)}"]
    defined = [use for use in entry.also if use.role != "mention"]
    mentioned = [use for use in entry.also if use.role == "mention"]
    if defined:
        parts.append("Also defined in " + ", ".join(lesson_link(use) for use in defined))
    if mentioned:
        parts.append("Also in " + ", ".join(lesson_link(use, short=True) for use in mentioned))
    parts.append(f"[Edit this term]({edit_url}{entry.introduced.lesson.path})")
    return " · ".join(parts) + "\n{ .glossary-sources }"


def lesson_link(use: Use, short: bool = False) -> str:
    lesson = use.lesson
    label = f"Lesson {lesson.number}" if short else f"Lesson {lesson.number}: {lesson.title}"
    anchor = f"#{use.anchor}" if use.anchor else ""
    return f"[{label}]({lesson.path}{anchor})"


def render_json(entries: list[Entry], page_url: str) -> str:
    """glossary.json: the same entries for other tools; URLs relative to the site root."""
    data = [
        {
            "term": entry.name,
            "aliases": list(entry.names[1:]) if entry.names[0] != entry.name else [],
            "names": list(entry.names),
            "anchor": entry.anchor,
            "url": f"{page_url}#{entry.anchor}",
            "summary": entry.summary,
            "definition": entry.definition,
            "lessons": [
                {
                    "number": use.lesson.number,
                    "title": use.lesson.title,
                    "role": use.role,
                    "url": lesson_url(use),
                }
                for use in entry.uses
            ],
        }
        for entry in entries
    ]
    return json.dumps({"terms": data}, indent=2, ensure_ascii=False) + "\n"


def lesson_url(use: Use) -> str:
    url = use.lesson.path.removesuffix(".md") + "/"
    return f"{url}#{use.anchor}" if use.anchor else url
