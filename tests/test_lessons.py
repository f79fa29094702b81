"""notes_site.lessons: one lesson's title, sections and terms, and what breaks the format."""

from pathlib import Path

import pytest

from notes_site.lessons import KEY_TERMS, PREREQUISITES, TermData, parse_lesson

GOOD = (Path(__file__).parent / "fixtures" / "lessons" / "good.md").read_text()
HEAD = "# Lesson 2: Caching\n\n"


def parse(text: str, path: str = "lessons/02-caching.md"):
    return parse_lesson(text, path, f"docs/{path}")


def problems(text: str, path: str = "lessons/02-caching.md") -> list[str]:
    return [str(p) for p in parse(text, path)[1]]


def test_reads_the_terms_with_their_sections_lines_ids_and_data():
    lesson, found = parse(GOOD)
    assert found == []
    assert (lesson.number, lesson.title, lesson.unwritten) == (2, "Caching", False)
    assert [(t.name, t.section, t.line, t.id, t.anchor) for t in lesson.terms] == [
        ("Latency", PREREQUISITES, 16, "latency", "latency"),
        ("Cache", KEY_TERMS, 22, "cache", "cache"),
        ("SLA (Service-level agreement)", KEY_TERMS, 29, "sla-service-level-agreement", "sla-service-level-agreement"),
        ("Server-Selection Strategy", KEY_TERMS, 33, "selection", "selection"),
    ]
    assert lesson.terms[1].data == TermData(aliases=("caches",), not_in=("cache money",), see_also=("latency",))


def test_a_definition_keeps_its_text_and_lists_as_written():
    cache = parse(GOOD)[0].terms[1]
    assert cache.definition.startswith('A piece of hardware & software that stores "hot" data <fast>.')
    assert "\n    - nested detail" in cache.definition


def test_windows_line_endings_parse_the_same():
    lesson, found = parse(GOOD.replace("\n", "\r\n"))
    assert found == [] and lesson == parse(GOOD)[0]


def test_an_unwritten_lesson_says_so_in_its_front_matter():
    lesson, found = parse("---\nstatus: unwritten\n---\n\n# Lesson 20: Rate Limiting\n\nNot yet.\n", "lessons/20-rate-limiting.md")
    assert found == [] and lesson.unwritten and lesson.terms == ()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# Lesson 2 - Caching\n", 1, "a file in lessons/ starts with its title, '# Lesson N: Name' (found '# Lesson 2 - Caching')"),
        ("Some text\n\n## Lesson 2: Caching\n", 3, "starts with its title, '# Lesson N: Name' (found '## Lesson 2: Caching')"),
        ("# Lesson 3: Caching\n", 1, "the title says Lesson 3 but the file name says 2"),
        (HEAD + "## Key terms\n\n### Cache\n\nx\n", 3, "'## Key terms' should be '## Key Terms', exactly"),
        (HEAD + "## Prerequisite\n\n### Cache\n\nx\n", 3, "'## Prerequisite' should be '## Prerequisites'"),
        (HEAD + "## Key Terms\n\n### Cache\n\nx\n\n## Prerequisites\n\n### L\n\ny\n", 9, "'## Prerequisites' comes after '## Key Terms'"),
        (HEAD + "## Key Terms\n\n### **ACID**\n\nx\n", 5, "term name '**ACID**' has Markdown formatting: write it plain, '### ACID'"),
        (HEAD + "## Key Terms\n\n### `Redis`\n\nx\n", 5, "write it plain, '### Redis'"),
        (HEAD + "## Key Terms\n\n###\n\nx\n", 5, "a term heading '###' has no name"),
        (HEAD + "## Key Terms\n\n### Cache\n\n### Hit\n\nx\n", 5, "term 'Cache' has no definition"),
        (HEAD + "## Key Terms\n\n### Hit\n\nx\n\n#### Cache\n\nx\n", 9, "'#### Cache' inside '## Key Terms'"),
        (HEAD + "## Key Terms\n\n## Notes from the video\n", 3, "'## Key Terms' has no terms"),
        (HEAD + "# Another title\n", 3, "the title is the only '#' heading"),
        ("---\nterms:\n  Cash: {aliases: [x]}\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 3,
         "front matter names term 'Cash', which this lesson does not define (its terms: Cache)"),
        ("---\nterms:\n  Cache: {alias: [x]}\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 3,
         "data of term 'Cache' has 'alias', which is not a field: it takes only these fields"),
        ("---\nterms:\n  Cache:\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 3, "data of term 'Cache' has no fields"),
        ("---\nterm:\n  Cache: {aliases: [x]}\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 2,
         "front matter key 'term' should be 'terms': it is not read otherwise"),
        (HEAD + "## Notes\n\n- x\n", 3, "'## Notes' is not a section of a lesson, which has only ## Prerequisites, ## Key Terms"),
        (HEAD + "## Key Terms\n\n### Hit\n\nx\n\n###Cache\n\nx\n", 9, "'###Cache' is not a heading: put a space after the '#', '### Cache'"),
        (HEAD + "## Notes from the video\n\n- a point\n  - its sub-point\n", 6,
         "'- its sub-point' is indented 2 spaces: a sub-point is indented 4 spaces under its point (a list nests only at 4), so give it 4"),
        (HEAD + "## Notes from the video\n\nA line of text\n- a point\n", 6,
         "'- a point' starts a list right under a line of text, which shows it as text: put a blank line above it"),
        (HEAD + "## Key Terms\n\n### Cache\nA line of its definition\n- a point\n", 7,
         "'- a point' starts a list right under a line of text, which shows it as text: put a blank line above it"),
        (HEAD + "## Notes from the video\n\n- a point\n        - its sub-point\n", 6,
         "'- its sub-point' is indented 8 spaces, 8 more than the point above it, which shows it as that point's text: "
         "a sub-point goes 4 spaces deeper, so give it 4"),
        ("---\nsearch: true\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 2,
         "'search:' holds settings, such as 'exclude: true' on the line under it, indented: delete the line"),
        (HEAD + "## Notes from the video\n\n#1 tip: a line\n", 5,
         "'#1 tip: a line' is not a heading: put a space after the '#', '# 1 tip: a line', or, for a '#' of the text, write '\\#1 tip: a line'"),
        ("---\nstatus: unwritten\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 2,
         "the lesson is written but still says 'status: unwritten', which keeps it out of search and the downloads: delete the line"),
        ("---\nterms:\n  Cache: {aliases: x}\n---\n" + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 3,
         "'aliases' of term 'Cache' must be a list"),
        (HEAD + "## Key Terms\n\n### Ca\x00che\n\nx\n", 5, "term name 'Ca\\x00che' has a control character: delete it"),
        ('---\nterms:\n  Cache: {aliases: ["a\\0b"]}\n---\n' + HEAD + "## Key Terms\n\n### Cache\n\nx\n", 3,
         "'aliases' of term 'Cache' has a control character in 'a\\x00b': delete it"),
    ],
    ids=["title-form", "title-level", "title-number", "near-miss-key-terms", "near-miss-prerequisites",
         "section-order", "bold-name", "code-name", "empty-name", "no-definition", "deep-heading",
         "empty-section", "second-title", "data-for-unknown-term", "unknown-data-field", "empty-data", "near-miss-front-matter-key",
         "unknown-section", "heading-without-space", "two-space-sub-point", "list-under-text",
         "list-under-a-terms-line", "sub-point-two-levels-deep", "search-not-settings", "hash-of-the-text", "written-but-unwritten", "data-not-a-list",
         "control-character-name", "control-character-alias"],
)
def test_a_broken_lesson_names_its_file_line_and_fix(text, line, message):
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith(f"docs/lessons/02-caching.md:{line}: ") and message in found[0]


def test_line_numbers_count_the_front_matter():
    found = problems("---\ndescription: x\n---\n\n" + HEAD + "## Key Terms\n\n### Cache\n\n")
    assert found == ["docs/lessons/02-caching.md:9: term 'Cache' has no definition: write it under the heading"]


def test_a_written_lesson_may_say_not_written_yet_and_a_dash_in_code():
    """Only the placeholder's own notice and a bullet that lost its space are named, not
    notes that say "not written yet" of data, nor a "-flag" in fenced code."""
    text = HEAD + "## Notes from the video\n\n- Write-back: the data is not written yet to disk\n\n```text\n-flag\n```\n\n-Only this line\n"
    assert problems(text) == ["docs/lessons/02-caching.md:11: '-Only' is not a bullet: put a space after the '-', '- Only'"]
    notice = HEAD + '!!! info "The notes for this lesson are not written yet"\n\n    Help.\n'
    assert problems(notice) == ["docs/lessons/02-caching.md:3: the 'not written yet' notice is still here: delete it"]
