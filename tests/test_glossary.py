"""notes_site.glossary: merging the lessons' terms and rendering the glossary."""

import json
from pathlib import Path

import pytest

from notes_site.glossary import build_glossary, first_sentence, render_json, render_page, term_names
from notes_site.terms import LessonFormatError, parse_lesson

LESSONS = Path(__file__).parent / "fixtures" / "lessons"
TEACHES_LATENCY = """# Lesson 1: Latency

## Key Terms

### Latency

- How long an operation takes. Measured in time.
"""


def lessons(*names: str, extra: str = TEACHES_LATENCY):
    parsed = [parse_lesson((LESSONS / n).read_text(), f"lessons/{n}") for n in names]
    return parsed + [parse_lesson(extra, "lessons/01-latency.md")]


def test_a_term_in_several_lessons_is_one_entry_taught_where_it_is_a_key_term():
    entries = {e.name: e for e in build_glossary(lessons("good.md"))}
    latency = entries["Latency"]
    assert latency.introduced.lesson.number == 1
    assert latency.definition == "- How long an operation takes. Measured in time."
    assert [(u.lesson.number, u.role, u.anchor) for u in latency.also] == [(2, "prerequisite", "latency")]


def test_a_lesson_that_mentions_a_term_in_its_notes_is_a_backlink():
    latency_lesson = TEACHES_LATENCY + "\n## Notes from the video\n\nA cache helps.\n"
    entries = {e.name: e for e in build_glossary(lessons("good.md", extra=latency_lesson))}
    assert [(u.lesson.number, u.role) for u in entries["Cache"].also] == [(1, "mention")]


def test_acronym_forms_keep_both_names():
    assert term_names("SLA (Service-level agreement)") == ("SLA", "Service-level agreement")
    assert term_names("DNS: Domain Name System") == ("DNS", "Domain Name System")
    assert term_names("HTTP - HyperText Transfer Protocol") == ("HTTP", "HyperText Transfer Protocol")
    assert term_names("Latency") == ("Latency",)
    assert term_names("Paxos & Raft") == ("Paxos & Raft", "Paxos", "Raft")
    assert term_names("Node/Instance/Host") == ("Node/Instance/Host",)


def test_the_summary_is_the_first_sentence_without_markup():
    assert first_sentence("- How long it takes. More.") == "How long it takes."
    assert first_sentence("Nodes in a cluster (ie. servers) elect. Then") == "Nodes in a cluster (ie. servers) elect."


def test_the_page_is_a_to_z_with_a_letter_bar_and_links_to_the_lessons():
    page = render_page(build_glossary(lessons("good.md")), "https://example.org/edit/main/docs/")
    assert page.index("### Cache") < page.index("### Latency") < page.index("### SLA (Service-level agreement)")
    assert "[C](#c) [L](#l) [S](#s)" in page
    assert "Introduced in [Lesson 2: Caching](lessons/good.md#cache)" in page
    assert "Also defined in [Lesson 2: Caching](lessons/good.md#latency)" in page
    assert "[Edit this term](https://example.org/edit/main/docs/lessons/good.md)" in page


def test_the_json_has_names_anchors_and_lessons():
    data = json.loads(render_json(build_glossary(lessons("good.md")), "glossary/"))
    sla = next(t for t in data["terms"] if t["anchor"] == "sla-service-level-agreement")
    assert sla["names"] == ["SLA", "Service-level agreement"]
    assert sla["url"] == "glossary/#sla-service-level-agreement"
    assert sla["lessons"] == [{"number": 2, "title": "Caching", "role": "key term", "url": "lessons/good/#sla-service-level-agreement"}]


def test_two_terms_with_one_anchor_fail_with_both_places():
    with pytest.raises(LessonFormatError) as error:
        build_glossary(lessons("anchor-collision.md"))
    message = str(error.value)
    assert message.startswith("lessons/anchor-collision.md:")
    assert "'#paxos-raft'" in message and "lessons/anchor-collision.md:5" in message
