"""notes_site.line_breaks: long inline code, long names and slash-joined words offer
line breaks between their parts, short words of code stay whole, and nothing else
changes (how the pages wrap on a phone is in tests/browser/test_phones.py)."""

from __future__ import annotations

import markdown
from markdown.test_tools import TestCase

from notes_site.line_breaks import LONG, NAME_LONG, NAME_LONG_IN_CELL, code_html, parts, slash_parts

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


def test_a_name_too_long_for_a_line_is_cut_between_its_parts_a_shorter_one_not():
    path = "docs/javascripts/manifest.webmanifest"
    assert len(path) > NAME_LONG and parts(path) == ["docs/", "javascripts/", "manifest", ".webmanifest"]
    test_name = "test_a_local_link_to_a_place_finds_it"
    assert len(test_name) > NAME_LONG and parts(test_name)[:3] == ["test_", "a_", "local_"]
    for short in ("exported_at", "mkdocs.yml", "docs/javascripts/offline.js", "review_duration"):
        assert len(short) <= NAME_LONG and parts(short) == [short], short
    # Not beside what is not a letter or a digit, nor before a dot after fewer than
    # three of them or before a short last extension.
    assert parts("../photos/1.png and ./some_very_long_folder_name/.gitignore") == [
        "../photos/1.png and ./some_",
        "very_",
        "long_",
        "folder_",
        "name/.gitignore",
    ]


def test_in_a_tables_cell_a_shorter_name_is_cut_too():
    """A cell is narrower than a line: there a name is cut from NAME_LONG_IN_CELL on."""
    name = "docs/javascripts/offline.js"
    assert NAME_LONG_IN_CELL < len(name) <= NAME_LONG
    assert parts(name, NAME_LONG_IN_CELL) == ["docs/", "javascripts/", "offline.js"]
    assert code_html(name, NAME_LONG_IN_CELL) == "docs/<wbr>javascripts/<wbr>offline.js"


def test_a_long_name_with_a_bracket_or_a_colon_is_cut_there_only():
    code = "some_function_name(some_argument_name)"
    assert len(code) > LONG and parts(code) == ["some_function_name", "(some_argument_name)"]


def test_a_short_word_with_punctuation_inside_is_kept_whole_and_the_text_is_unchanged():
    assert code_html("mkdocs build --strict") == 'mkdocs build <span class="nowrap">--strict</span>'
    assert code_html("![Alt text](../photos/1.png)") == '<span class="nowrap">![Alt</span> text](../photos/1.png)'
    for whole in ("-v", "exported_at", "a b", "docs/javascripts/offline.js"):
        assert code_html(whole) == whole, whole
    assert code_html("a &lt;b&gt;") == 'a <span class="nowrap">&lt;b&gt;</span>'
    # A lone closing bracket stays with the word before it, never alone on a line.
    assert code_html("Name { #its-id }") == 'Name { <span class="nowrap">#its-id }</span>'
    assert code_html("f( x )") == 'f( <span class="nowrap">x )</span>'
    assert "span" not in code_html(CYPHER)  # long code, cut at its brackets, colons and commas


def test_slash_joined_words_are_cut_after_each_slash_and_join_back_whole():
    text = "interviewers/candidates and MATCH/WHERE/RETURN, TCP/IP"
    assert slash_parts(text) == ["interviewers/", "candidates and MATCH/", "WHERE/", "RETURN, TCP/", "IP"]
    assert "".join(slash_parts(text)) == text


def test_a_slash_not_between_words_is_left_alone():
    for text in ("1/2 of the reads", "https://example.com", "and / or", "/etc", "reads/"):
        assert slash_parts(text) == [text], text


class TestLineBreaks(TestCase):
    default_kwargs = {"extensions": ["notes_site.line_breaks", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"]}

    def test_inline_code_gets_wbr_where_it_may_break(self):
        self.assertMarkdownRenders(
            "`a_long_function_name(first_argument, second_argument)`",
            "<p><code>a_long_function_name<wbr>(first_argument, second_argument)</code></p>",
        )

    def test_without_inlinehilite_too(self):
        self.assertMarkdownRenders(
            "`a_long_function_name(first_argument,second_argument)`",
            "<p><code>a_long_function_name<wbr>(first_argument,<wbr>second_argument)</code></p>",
            extensions=["notes_site.line_breaks"],
        )

    def test_escaped_characters_stay_whole(self):
        self.assertMarkdownRenders(
            "`some_node->(other_node:Label{key:'<value>'})`",
            "<p><code>some_node-&gt;<wbr>(other_node:<wbr>Label<wbr>{key:<wbr>'&lt;value&gt;'})</code></p>",
        )

    def test_a_short_word_with_a_hyphen_is_kept_whole(self):
        for extensions in (self.default_kwargs["extensions"], ["notes_site.line_breaks"]):
            self.assertMarkdownRenders(
                "Run `mkdocs build --strict`.",
                '<p>Run <code>mkdocs build <span class="nowrap">--strict</span></code>.</p>',
                extensions=extensions,
            )

    def test_in_a_tables_cell_a_name_is_cut_sooner_than_in_a_paragraph(self):
        self.assertMarkdownRenders(
            "| Where |\n| --- |\n| `docs/javascripts/offline.js` |\n\n`docs/javascripts/offline.js`",
            "<table>\n<thead>\n<tr>\n<th>Where</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td><code>docs/<wbr>javascripts/<wbr>offline.js</code></td>\n</tr>\n</tbody>\n</table>\n"
            "<p><code>docs/javascripts/offline.js</code></p>",
            extensions=["notes_site.line_breaks", "tables"],
        )

    def test_code_blocks_and_highlighted_inline_code_are_left_as_they_are(self):
        for text in (f"```\n{CYPHER}\n```", "`#!python print(some_long_function_name(argument_one,argument_two))`"):
            self.assertNotIn("<wbr", markdown.markdown(text, **self.default_kwargs))

    def test_prose_gets_wbr_after_a_slash_in_its_text_and_tails_but_not_in_code(self):
        self.assertMarkdownRenders(
            "A *read/write* mix of reads/writes, `read/write` and [TCP/IP](https://example.com/a/b).",
            '<p>A <em>read/<wbr />write</em> mix of reads/<wbr />writes, <code><span class="nowrap">read/write</span></code> and '
            '<a href="https://example.com/a/b">TCP/<wbr />IP</a>.</p>',
        )

    def test_a_links_url_shown_as_its_text_breaks_after_its_slashes(self):
        self.assertMarkdownRenders(
            "See https://docs.google.com/document/d/abc/edit",
            '<p>See <a href="https://docs.google.com/document/d/abc/edit">https://docs.google.com/<wbr />document/<wbr />d/<wbr />abc/<wbr />edit</a></p>',
            extensions=[*self.default_kwargs["extensions"], "pymdownx.magiclink"],
        )
