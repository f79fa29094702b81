"""notes_site.outline: headings and fenced code as Python-Markdown sees them."""

from notes_site.outline import code_rows, heading_ids, headings, normal_newlines


def found(text: str) -> list[tuple[int, int, str, str | None]]:
    return [(h.row, h.level, h.text, h.custom_id) for h in headings(normal_newlines(text).split("\n"))]


def test_atx_headings_need_a_space_and_lose_closing_hashes():
    assert found("# Title\n#include <x>\n## Section ##\n###") == [(0, 1, "Title", None), (2, 2, "Section", None), (3, 3, "", None)]


def test_setext_headings_count_but_a_rule_after_a_blank_line_does_not():
    text = "Key Terms\n---------\n\n### Cache\n\ntext\n\n---\n\nTitle\n====="
    assert found(text) == [(0, 2, "Key Terms", None), (3, 3, "Cache", None), (9, 1, "Title", None)]


def test_a_custom_id_is_read_from_the_attribute_list():
    assert found("### Server Selection { #server-selection-strategy .x }") == [(0, 3, "Server Selection", "server-selection-strategy")]


def test_a_fence_closes_only_on_a_bare_fence_of_its_own_length():
    lines = ["```", "```text", "# not a heading", "```", "# heading", "````", "```", "````"]
    assert code_rows(lines) == [True, True, True, True, False, True, True, True]
    assert [h.text for h in headings(lines)] == ["heading"]


def test_a_tilde_fence_and_an_indented_one_are_code_too():
    lines = ["  ~~~", "# not a heading", "~~~", "\t```python", "# not a heading", "```", "# heading"]
    assert code_rows(lines) == [True, True, True, True, True, True, False]
    assert [h.text for h in headings(lines)] == ["heading"]


def test_a_list_item_or_a_hash_without_a_space_is_no_heading():
    assert found("Text\n- item\n\n- \n#hashtag\nTitle\n= x") == []


def test_windows_line_endings_read_like_unix_ones():
    assert found("# Title\r\n\r\n## Key Terms\r\n") == [(0, 1, "Title", None), (2, 2, "Key Terms", None)]


def test_every_line_ending_becomes_a_newline():
    assert normal_newlines("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n"


def test_ids_are_the_ones_toc_gives_duplicates_included():
    hs = list(headings(["## Latency", "## Latency", "## X { #latency_9 }"]))
    assert heading_ids(hs) == ["latency", "latency_1", "latency_9"]
