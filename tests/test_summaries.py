"""A term's summary, the text of its tooltip, of the glossary's short definition and of a
flashcard's first line, says what the term is, for every term.

The rule, checked here on every term of the sources: a summary
- ends in neither ':' nor ';' nor ',' (it does not trail off into a list) and starts
  with a letter or a digit;
- has at least 4 words, and is not the term's name;
- reads as a definition: it has an article or determiner (a, an, the, any, one, two,
  each), a defining verb (is, are, refers to, means, describes, stands for, allows),
  a word that relates (that, which, who, whose, when, where, how, with) or a word of
  kind (kind of, type of, form of, set of, collection of, short for);
- is the lesson's own words where the lesson gives no `summary:`: its words come in
  the order the definition writes them.
A term whose first sentence cannot be a summary has a `summary:` in its lesson's front
matter; a summary the build can tell is broken fails it with the file and line.
"""

from __future__ import annotations

import re

import pytest

from notes_site.glossary import build_glossary, summary
from notes_site.glossary_page import letter_ids
from notes_site.lessons import parse_lesson
from support import sources

DEFINING = re.compile(
    r"\b(a|an|the|any|one|two|each|is|are|refers? to|means|describes|stands for|allows|that|which|who|whose|"
    r"when|where|how|with|kind of|type of|form of|set of|collection of|short for)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w%']+")


def words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def in_order(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(word in remaining for word in part)


@pytest.mark.parametrize("entry", sources().entries, ids=lambda entry: entry.id)
def test_every_summary_says_what_its_term_is(entry):
    text = entry.summary
    assert not text.endswith((":", ";", ",")) and text[:1].isalnum(), text
    assert len(text.split()) >= 4 and text.lower() != entry.name.lower(), text
    assert DEFINING.search(text), f"{entry.name}: '{text}' does not read as a definition: give it a 'summary:'"
    if not entry.data.summary:
        assert in_order(words(text), words(entry.definition)), text


def test_the_terms_whose_first_sentence_says_too_little_have_their_own():
    given = {entry.name: entry.summary for entry in sources().entries if entry.data.summary}
    assert "HTTP - HyperText Transfer Protocol" in given and "ZooKeeper" in given
    for entry in sources().entries:
        assert not entry.summary.startswith("Very common"), entry.summary


def test_the_first_sentence_is_the_summary_with_what_its_colon_introduces():
    assert summary("A popular graph database\n\n- consists of the following:\n    - nodes") == "A popular graph database"
    assert summary("Usually one of these:\n\n1. HDD (Hard-disk drive)\n2. SSD") == "Usually one of these: HDD (Hard-disk drive), SSD"
    assert summary("- Very common\n- Implemented on top of TCP") == "Very common"  # never two fragments joined


def test_a_sentence_that_wraps_onto_the_next_line_is_whole_and_an_image_is_left_out():
    wrapped = "An in-memory key-value store, see [Lesson 12](12-x.md#acid),\n[Etcd](#etcd) and ![a ring](2.svg) more.\n\n- a point"
    assert summary(wrapped) == "An in-memory key-value store, see Lesson 12, Etcd and more."
    assert summary("- A list item\n  that wraps.\n- Another") == "A list item that wraps."


LESSON = """---
terms:
  Stream:
    summary: {given}
---
# Lesson 3: More

## Key Terms

### Stream

{definition}

- More about it
"""


def glossary_of(definition: str, given: str = "A feed of data that a server keeps sending") -> tuple[list, list[str]]:
    lesson, problems = parse_lesson(LESSON.format(given=given, definition=definition), "lessons/03-more.md", "docs/lessons/03-more.md")
    assert lesson is not None
    entries, found = build_glossary([lesson], letter_ids())
    return entries, [str(problem) for problem in problems + found]


def test_a_summary_in_the_front_matter_is_the_terms_summary():
    entries, problems = glossary_of("Very common")
    assert problems == [] and entries[0].summary == "A feed of data that a server keeps sending"


def test_a_summary_that_trails_off_or_says_too_little_fails_at_its_line():
    lesson = "# Lesson 3: More\n\n## Key Terms\n\n### Stream\n\n{}\n"
    for definition, why in (("Used for the following:", "ends in ':'"), ("Very common", "has fewer than 4 words")):
        parsed, _ = parse_lesson(lesson.format(definition), "lessons/03-more.md", "docs/lessons/03-more.md")
        _, problems = build_glossary([parsed], letter_ids())
        assert [str(p) for p in problems] == [
            f"docs/lessons/03-more.md:5: the summary of 'Stream' (its definition's first sentence: '{definition}') {why}, "
            "so it cannot say what the term is: give the term a 'summary:' in the front matter: one sentence that "
            "says what it is, like 'A ... that ...'"
        ]
    _, problems = glossary_of("A feed of data", given="Data, continuously;")
    assert problems[0].startswith("docs/lessons/03-more.md:3: the summary of 'Stream' (its 'summary:': 'Data, continuously;') ends in ';'")


@pytest.mark.parametrize("given", ["[A, list]", "''", "{a: b}", "|\n      two\n      lines"], ids=["list", "empty", "mapping", "two-lines"])
def test_a_summary_that_is_not_one_line_of_text_is_named_with_its_line(given):
    _, problems = glossary_of("A feed of data that a server keeps sending", given=given)
    assert problems == [
        "docs/lessons/03-more.md:3: 'summary' of term 'Stream' must be one line of text, like: summary: A ... that ..."
    ]
