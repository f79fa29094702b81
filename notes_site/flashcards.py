"""The flashcard deck: one card per glossary term, for the flashcards page to study.

The page's script schedules the cards; this module only writes them.  Each card is
an element with ``data-term="<entry id>"`` (the contract other tools rely on), the
term's name on the front, and on the back its short definition, the full one
folded, and a link to the lesson that teaches it.
"""

from __future__ import annotations

from html import escape

from .glossary import Entry
from .glossary_page import relative


def render_deck(entries: list[Entry], page: str) -> str:
    # Search finds a term in the glossary and its lesson, not on its card. (A <section>:
    # Material's search parser loses the exclusion of a <div> that holds other <div>s.)
    out = ['<section class="flashcard-deck" data-flashcards data-search-exclude markdown>']
    for entry in entries:
        lesson = entry.taught.lesson
        anchor = f"#{entry.taught.anchor}" if entry.taught.anchor else ""
        out += [
            "",
            f'<div class="flashcard" data-term="{entry.id}" data-lesson="{lesson.number}" markdown>',
            f'<p class="flashcard-front">{escape(entry.name)}</p>',
            '<div class="flashcard-back" markdown>',
            f'<p class="flashcard-short">{escape(entry.summary)}</p>',
            "",
            f"[Lesson {lesson.number}: {lesson.title}]({relative(lesson.path, page)}{anchor})",
            "{ .flashcard-lesson }",
            "",
            "</div>",
            "</div>",
        ]
    return "\n".join([*out, "", "</section>"]) + "\n"
