"""notes_site.terms: the lesson parser, on small fixture lessons."""

from pathlib import Path

import pytest

from notes_site.terms import KEY_TERMS, PREREQUISITES, LessonFormatError, check_front_matter, parse_lesson, walk

LESSONS = Path(__file__).parent / "fixtures" / "lessons"


def parse(name: str):
    return parse_lesson((LESSONS / name).read_text(), f"lessons/{name}")


def test_reads_the_terms_with_their_sections_lines_and_anchors():
    lesson = parse("good.md")
    assert (lesson.number, lesson.title) == (2, "Caching")
    assert [(t.name, t.section, t.line, t.anchor) for t in lesson.terms] == [
        ("Latency", PREREQUISITES, 11, "latency"),
        ("Cache", KEY_TERMS, 17, "cache"),
        ("SLA (Service-level agreement)", KEY_TERMS, 24, "sla-service-level-agreement"),
    ]


def test_a_definition_keeps_its_text_and_lists_as_written():
    cache = parse("good.md").terms[1]
    assert cache.definition.startswith('A piece of hardware & software that stores "hot" data <fast>.')
    assert "\n    - nested detail" in cache.definition


def test_a_page_that_is_no_lesson_is_skipped():
    assert parse_lesson("# Glossary\n\n## A\n", "glossary.md") is None


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("no-definition.md", 5, "term 'Cache' has no definition"),
        ("empty-key-terms.md", 3, "'## Key Terms' has no terms"),
        ("wrong-level.md", 5, "'#### Latency' inside '## Prerequisites'"),
    ],
)
def test_a_broken_lesson_names_its_file_and_line(name, line, message):
    with pytest.raises(LessonFormatError) as error:
        parse(name)
    assert str(error.value).startswith(f"lessons/{name}:{line}: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("---\ntitle: [unclosed\n---\n# Lesson 1: X\n", 3, "front matter is not valid YAML"),
        ("---\n- a list\n---\n# Lesson 1: X\n", 2, "front matter must be 'key: value' lines"),
        ("---\ntitle: x\n# Lesson 1: X\n", 1, "never closed"),
    ],
)
def test_bad_front_matter_names_its_file_and_line(source, line, message):
    with pytest.raises(LessonFormatError) as error:
        check_front_matter(source, "lessons/x.md")
    assert str(error.value).startswith(f"lessons/x.md:{line}: ") and message in str(error.value)


def test_good_front_matter_passes():
    check_front_matter((LESSONS / "good.md").read_text(), "lessons/good.md")


def test_walk_sees_headings_only_outside_code_and_only_with_a_space():
    lines = ["# Title", "#include <x>", "```", "# not a heading", "```", "###"]
    assert [(bool(heading), code) for _, heading, code in walk(lines)] == [
        (True, False), (False, False), (False, True), (False, True), (False, True), (True, False),
    ]
