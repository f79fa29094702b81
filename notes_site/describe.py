"""A lesson's meta description: what search engines and link previews show."""

from __future__ import annotations

from .lessons import KEY_TERMS, Lesson


def lesson_description(lesson: Lesson) -> str:
    """One sentence from the lesson's own title and key terms, so it never goes stale."""
    text = f"Lesson {lesson.number} of the SystemsExpert notes on system design: {lesson.title}."
    terms = [term.name for term in lesson.terms if term.section == KEY_TERMS]
    return f"{text} Key terms: {', '.join(terms)}." if terms else text
