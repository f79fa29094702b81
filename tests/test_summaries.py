"""A term's summary, the text of its tooltip, of the glossary's short definition and of a
flashcard's first line, says what the term is, for every term; it is read from the
definition's one rendering (notes_site.summaries), and every place shows the same.

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
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from notes_site.flashcards import blanked
from notes_site.glossary import MOST_CHARACTERS, build_glossary, check_summaries
from notes_site.glossary_page import letter_ids
from notes_site.lessons import parse_lesson
from notes_site.rendering import render_all, summaries
from notes_site.summaries import summary_of
from support import ROOT, site_setup, sources
from support import summaries as site_summaries

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


def summary(markdown: str) -> str:
    """The summary of a definition written so, rendered as the site renders it."""
    return summary_of(render_all((markdown,), site_setup())[0])


@pytest.mark.parametrize("entry", sources().entries, ids=lambda entry: entry.id)
def test_every_summary_says_what_its_term_is(entry):
    text = site_summaries()[entry.id]
    assert not text.endswith((":", ";", ",")) and text[:1].isalnum(), text
    assert len(text.split()) >= 4 and text.lower() != entry.name.lower(), text
    assert DEFINING.search(text), f"{entry.name}: '{text}' does not read as a definition: give it a 'summary:'"
    if not entry.data.summary:
        assert in_order(words(text), words(entry.definition)), text


def test_the_terms_whose_first_sentence_says_too_little_have_their_own():
    given = {entry.name: site_summaries()[entry.id] for entry in sources().entries if entry.data.summary}
    assert "HTTP - HyperText Transfer Protocol" in given and "ZooKeeper" in given
    assert given["ZooKeeper"] == next(e.data.summary for e in sources().entries if e.name == "ZooKeeper")
    for text in site_summaries().values():
        assert not text.startswith("Very common"), text


def test_the_first_sentence_is_the_summary_with_what_its_colon_introduces():
    assert summary("A popular graph database\n\n- consists of the following:\n    - nodes") == "A popular graph database"
    assert summary("Usually one of these:\n\n1. HDD (Hard-disk drive)\n2. SSD: fast") == "Usually one of these: HDD (Hard-disk drive), SSD"
    assert summary("- Very common\n- Implemented on top of TCP") == "Very common"  # never two fragments joined
    assert summary("- How long it takes. More.\n    - nested") == "How long it takes."
    assert summary("Nodes in a cluster (ie. servers) elect, e.g. a leader. Then") == "Nodes in a cluster (ie. servers) elect, e.g. a leader."


def test_a_list_item_that_ends_in_a_colon_is_followed_by_its_own_list_or_the_next():
    assert summary("- Tools:\n    - Redis: fast\n    - Etcd\n\n        - its own note\n- Other") == "Tools: Redis, Etcd"
    disk = "- Usually refers to one of the following:\n\n1. HDD (Hard-disk drive)\n2. SSD (Solid-state drive)\n\n- Data on disk"
    assert summary(disk) == "Usually refers to one of the following: HDD (Hard-disk drive), SSD (Solid-state drive)"
    acid = "Has 4 properties:\n\n1. Atomicity: all or none\n2. Consistency: valid\n\n- a note\n\n3. Isolation\n4. Durability"
    assert summary(acid) == "Has 4 properties: Atomicity, Consistency, Isolation, Durability"  # the numbering goes on
    assert summary_of('<ul><li>Two kinds: <img src="2.svg"><ul><li>Hot</li><li>Cold</li></ul></li></ul>') == "Two kinds: Hot, Cold"
    assert summary_of('<ul><li>Two kinds: <a name="k"/><ul><li>Hot</li><li>Cold</li></ul></li></ul>') == "Two kinds: Hot, Cold"
    assert summary("- Loose:\n\n    - one: x\n\n    - two\n\n- b") == "Loose: one, two"  # items of their own paragraphs


def test_a_summary_is_plain_text_of_code_links_abbreviations_and_entities():
    assert summary("A `key: value` store, see [Etcd](#etcd), for R&D &amp; **more**.") == "A key: value store, see Etcd, for R&D & more."
    assert summary("A page in HTML that a server sends\n\n*[HTML]: HyperText Markup Language") == "A page in HTML that a server sends"
    assert summary("A stray</span> end tag that closes nothing") == "A stray end tag that closes nothing"
    assert summary_of("<p>Bytes &lt;1 KB&gt;, sent<br />\nin\tone <em>go</em> .<script>let x;</script></p>") == "Bytes <1 KB>, sent in one go."


def test_a_sentence_that_wraps_onto_the_next_line_is_whole_and_an_image_is_left_out():
    wrapped = "An in-memory key-value store, see [Lesson 12](12-x.md#acid),\n[Etcd](#etcd) and ![a ring](2.svg) more.\n\n- a point"
    assert summary(wrapped) == "An in-memory key-value store, see Lesson 12, Etcd and more."
    assert summary("- A list item\n  that wraps.\n- Another") == "A list item that wraps."


def test_an_editors_note_code_or_a_table_is_never_the_summary():
    note = '!!! note "Editor\'s note"\n\n    The note. Source: [X](https://x.org/)\n'
    assert summary(f"{note}\nA store that keeps data near\n") == "A store that keeps data near"
    assert summary(f"{note.replace('!!!', '???')}\nA store that keeps data near\n") == "A store that keeps data near"  # folded
    assert summary(f"- LRU: Least recently used ie. remove the oldest\n\n    {note.replace(chr(10), chr(10) + '    ')}") == (
        "LRU: Least recently used ie. remove the oldest"
    )
    assert summary("```yaml\nport: 8080\n```\n\n| A | B |\n| - | - |\n| x | y |\n\nA format of files that configure") == (
        "A format of files that configure"
    )
    assert summary("![only a figure](2.svg)") == ""


def test_every_place_shows_the_one_summary_of_each_term(site: Path):
    """The tooltips of every page, the glossary's short definition and the flashcard's
    (its reverse prompt too) all show the summary read from the one rendering."""
    expected = site_summaries()
    tooltips: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.glossary-term[data-summary]"):
            tooltips.setdefault(link["href"].split("#")[1].removeprefix("glossary-"), set()).add(link["data-summary"])
    glossary = BeautifulSoup((site / "glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    cards = BeautifulSoup((site / "flashcards/index.html").read_text(encoding="utf-8"), "html.parser")
    assert tooltips and set(tooltips) <= set(expected)
    for entry in sources().entries:
        text = expected[entry.id]
        card = cards.select_one(f'.flashcard[data-term="{entry.id}"]')
        assert tooltips.get(entry.id, {text}) == {text}, entry.id
        assert glossary.find(id=entry.id).find_next_sibling("p", class_="glossary-short").get_text() == text, entry.id
        assert card.select_one(".flashcard-short").get_text() == text, entry.id
        assert card.select_one(".flashcard-prompt").get_text() == blanked(entry, text), entry.id


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


def glossary_of(lesson_text: str) -> tuple[list, dict[str, str], list[str]]:
    """A lesson's glossary, its summaries, and every problem found, the summaries' too."""
    lesson, problems = parse_lesson(lesson_text, "lessons/03-more.md", "docs/lessons/03-more.md")
    assert lesson is not None
    entries, found = build_glossary([lesson], letter_ids())
    summarized = summaries(entries, site_setup())
    return entries, summarized, [str(problem) for problem in problems + found + check_summaries(entries, summarized)]


def given(definition: str, summary: str = "A feed of data that a server keeps sending") -> tuple[list, dict[str, str], list[str]]:
    return glossary_of(LESSON.format(given=summary, definition=definition))


def test_a_summary_in_the_front_matter_is_the_terms_summary():
    entries, summarized, problems = given("Very common")
    assert problems == [] and summarized[entries[0].id] == "A feed of data that a server keeps sending"


def test_a_summary_that_trails_off_or_says_too_little_fails_at_its_line():
    lesson = "# Lesson 3: More\n\n## Key Terms\n\n### Stream\n\n{}\n"
    cases = (("Used for the following:", "Used for the following:", "ends in ':'"), ("Very `common`", "Very common", "has fewer than 4 words"))
    for definition, shown, why in cases:
        _, summarized, problems = glossary_of(lesson.format(definition))
        assert summarized["stream"] == shown
        assert problems == [
            f"docs/lessons/03-more.md:5: the summary of 'Stream' (its definition's first sentence: '{shown}') {why}, "
            "so it cannot say what the term is: give the term a 'summary:' in the front matter: one sentence that "
            "says what it is, like 'A ... that ...', in at most 150 characters"
        ]
    _, _, problems = given("A feed of data", summary="Data, continuously;")
    assert problems[0].startswith("docs/lessons/03-more.md:4: the summary of 'Stream' (its 'summary:': 'Data, continuously;') ends in ';'")
    assert problems[0].endswith("rewrite its 'summary:': one sentence that says what it is, like 'A ... that ...', in at most 150 characters")


def test_a_summary_too_long_to_read_at_a_glance_fails_at_its_line():
    sentence = "A feed of data that a server keeps sending to its clients, " * 3
    longest = sentence[:MOST_CHARACTERS].rsplit(" ", 1)[0]
    assert given("A feed of data", summary=longest)[2] == []
    too_long = longest + " and more"
    assert len(too_long) > MOST_CHARACTERS
    _, _, problems = given("A feed of data", summary=too_long)
    assert problems == [
        f"docs/lessons/03-more.md:4: the summary of 'Stream' (its 'summary:': '{too_long}') is {len(too_long)} characters "
        f"long, more than the {MOST_CHARACTERS} read at a glance: rewrite its 'summary:': one "
        "sentence that says what it is, like 'A ... that ...', in at most 150 characters"
    ]


@pytest.mark.parametrize("given_summary", ["[A, list]", "''", "{a: b}", "|\n      two\n      lines"], ids=["list", "empty", "mapping", "two-lines"])
def test_a_summary_that_is_not_one_line_of_text_is_named_with_its_line(given_summary):
    _, _, problems = given("A feed of data that a server keeps sending", summary=given_summary)
    assert problems == [
        "docs/lessons/03-more.md:3: 'summary' of term 'Stream' must be one line of text, like: summary: A ... that ..."
    ]


def test_a_definition_that_an_editors_note_corrects_needs_a_summary_of_its_own():
    """An Editor's note at the definition's own level corrects the definition, so the
    summary, which tooltips show without the note, is written apart; a note inside one
    of the definition's lists corrects a detail, and leaves the first sentence as it is."""
    note = '!!! note "Editor\'s note"\n\n    Not quite. Source: [Streams](https://example.org)\n'
    lesson = "# Lesson 3: More\n\n## Key Terms\n\n### Stream\n\nA feed of data that never ends\n\n{}\n"
    _, _, problems = glossary_of(lesson.format(note))
    assert problems == [
        "docs/lessons/03-more.md:5: the summary of 'Stream' (its definition's first sentence: 'A feed of data that never ends') "
        "is from a definition that an Editor's note corrects, so tooltips would repeat what the note corrects: give the term "
        "a 'summary:' in the front matter: one sentence that says what it is, like 'A ... that ...', in at most 150 characters"
    ]
    nested = "- A detail\n\n    " + note.replace("\n    ", "\n        ")
    assert glossary_of(lesson.format(nested))[2] == []
    assert given(f"A feed of data that never ends\n\n{note}")[2] == []


def test_contributing_states_the_longest_a_summary_may_be():
    assert f"longer than {MOST_CHARACTERS} characters" in " ".join((ROOT / "CONTRIBUTING.md").read_text().split())


def test_a_link_names_its_term_where_the_term_has_other_names(site: Path):
    """A link's text may be another of its term's names ("DNS" of "DNS: Domain Name
    System", "HA" of "High Availability"), and the summary alone never said which term
    it is: such a term's links carry its name for the tooltip; a term of one name's do not."""
    by_id = {entry.id: entry for entry in sources().entries}
    named, unnamed = set(), set()
    for page in (site / "lessons").rglob("index.html"):
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.glossary-term"):
            entry = by_id[link["href"].split("#")[1]]
            (named if link.get("data-name") == entry.name else unnamed).add(entry.id)
    assert named and unnamed and not named & unnamed
    assert named == {id for id in named | unnamed if by_id[id].names != (by_id[id].name,)}
