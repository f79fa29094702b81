"""notes_site.code_breaks: long inline code offers line breaks between its parts, and
nothing else changes (the phone's view of Lesson 14 is in tests/browser/test_reading.py)."""

from __future__ import annotations

import markdown
from markdown.test_tools import TestCase

from notes_site.code_breaks import LONG, parts

CYPHER = "MATCH (some_node:SomeLabel)-[:SOME_RELATIONSHIP]->(some_other_node:SomeLabel{some_property:'value'})"


def test_a_long_query_is_cut_between_its_parts_and_joins_back_whole():
    assert parts(CYPHER) == [
        "MATCH (some_node:",
        "SomeLabel)-",
        "[:SOME_RELATIONSHIP]->",  # a separator after an opening bracket stays with it
        "(some_other_node:",
        "SomeLabel",
        "{some_property:",
        "'value'})",
    ]
    assert "".join(parts(CYPHER)) == CYPHER


def test_short_code_and_code_without_separators_are_left_whole():
    short = "f(a, b)"
    assert len(short) <= LONG and parts(short) == [short]
    plain = "x" * (LONG + 10)
    assert parts(plain) == [plain]
    spaced = "a: b, c: d (e) [f] " * 3  # a space already is a place to break
    assert parts(spaced) == [spaced]


class TestCodeBreaks(TestCase):
    default_kwargs = {"extensions": ["notes_site.code_breaks", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"]}

    def test_inline_code_gets_wbr_where_it_may_break(self):
        self.assertMarkdownRenders(
            "`a_long_function_name(first_argument, second_argument)`",
            "<p><code>a_long_function_name<wbr>(first_argument, second_argument)</code></p>",
        )

    def test_without_inlinehilite_too(self):
        self.assertMarkdownRenders(
            "`a_long_function_name(first_argument,second_argument)`",
            "<p><code>a_long_function_name<wbr />(first_argument,<wbr />second_argument)</code></p>",
            extensions=["notes_site.code_breaks"],
        )

    def test_escaped_characters_stay_whole(self):
        self.assertMarkdownRenders(
            "`some_node->(other_node:Label{key:'<value>'})`",
            "<p><code>some_node-&gt;<wbr>(other_node:<wbr>Label<wbr>{key:<wbr>'&lt;value&gt;'})</code></p>",
        )

    def test_code_blocks_and_highlighted_inline_code_are_left_as_they_are(self):
        for text in (f"```\n{CYPHER}\n```", "`#!python print(some_long_function_name(argument_one,argument_two))`"):
            self.assertNotIn("<wbr", markdown.markdown(text, **self.default_kwargs))
