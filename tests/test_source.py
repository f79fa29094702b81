"""notes_site.source: decoding and front matter, with problems that name the line."""

import pytest

from notes_site.source import decode, read_source


def test_front_matter_is_read_as_mkdocs_reads_it_closed_by_dashes_or_dots():
    for closing in ("---", "..."):
        source, problems = read_source(f"---\ntitle: x\n{closing}\n\n# Lesson 1: X\n", "a.md")
        assert (source.meta, source.body, source.first_body_line, problems) == ({"title": "x"}, "# Lesson 1: X\n", 5, [])


def test_windows_line_endings_and_a_byte_order_mark_are_fine():
    text, problems = decode("\ufeff---\r\ntitle: x\r\n---\r\n# Lesson 1: X\r\n".encode(), "a.md")
    source, more = read_source(text, "a.md")
    assert (source.meta, source.body, problems + more) == ({"title": "x"}, "# Lesson 1: X\n", [])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: [unclosed\n---\n# Lesson 1: X\n", 3, "front matter is not valid YAML"),
        ("---\n- a list\n---\n# Lesson 1: X\n", 2, "front matter must be 'key: value' lines"),
        ("---\ntitle: x\n# Lesson 1: X\n", 1, "never closed"),
    ],
)
def test_front_matter_mkdocs_would_show_as_text_is_a_problem(text, line, message):
    _, problems = read_source(text, "docs/a.md")
    assert len(problems) == 1 and str(problems[0]).startswith(f"docs/a.md:{line}: ") and message in str(problems[0])


def test_a_byte_that_is_not_utf8_names_its_line():
    text, problems = decode(b"# Lesson 1: X\n\ncaf\xe9\n", "docs/lessons/01-x.md")
    assert text is None
    assert str(problems[0]).startswith("docs/lessons/01-x.md:3: byte 0xe9 is not UTF-8: save the file as UTF-8")


def test_a_key_given_twice_in_one_mapping_is_named_at_its_second_line():
    """YAML keeps the last: the first block's data was lost without a word."""
    text = "---\nterms:\n  Latency:\n    see_also: [Throughput]\n  Latency:\n    aliases: [lag]\n  Cache:\n    aliases: [x]\n---\n# Title\n"
    _, problems = read_source(text, "docs/lessons/06.md")
    assert [str(p) for p in problems] == [
        "docs/lessons/06.md:5: 'Latency' is given twice here (first at line 3): YAML keeps only this one, so merge the two"
    ]


def test_a_key_given_twice_on_one_line_is_named_too():
    text = "---\nterms:\n  Cache: {aliases: [x], aliases: [y]}\n---\n# Title\n"
    _, problems = read_source(text, "docs/lessons/02.md")
    assert [str(p) for p in problems] == [
        "docs/lessons/02.md:3: 'aliases' is given twice here (first at line 3): YAML keeps only this one, so merge the two"
    ]
