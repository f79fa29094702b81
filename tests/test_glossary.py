"""notes_site.glossary and glossary_page: merging the lessons' terms, and the page's Markdown."""

from pathlib import Path

from notes_site.glossary import build_glossary, prose
from notes_site.glossary_page import letter_ids, render_entries
from notes_site.lessons import parse_lesson
from notes_site.rendering import summaries
from support import site_setup

GOOD = (Path(__file__).parent / "fixtures" / "lessons" / "good.md").read_text()
TEACHES_LATENCY = """# Lesson 1: Latency

## Key Terms

### Latency

- How long an operation takes. Measured in time.

## Notes from the video

A cache helps; the SLAs say so.
"""


def lesson(text: str, path: str):
    parsed, problems = parse_lesson(text, path, f"docs/{path}")
    assert problems == []
    return parsed


def glossary(*extra: str, taken: dict[str, str] | None = None):
    lessons = [lesson(GOOD, "lessons/02-caching.md"), lesson(TEACHES_LATENCY, "lessons/01-latency.md")]
    lessons += [lesson(text, f"lessons/{number:02d}-more.md") for number, text in enumerate(extra, 3)]
    entries, problems = build_glossary(lessons, taken or letter_ids())
    return {e.name: e for e in entries}, [str(p) for p in problems]


def page_of(entries, edit_url: str) -> str:
    """The glossary's Markdown, each rendered definition standing for itself, unstashed."""
    entries = sorted(entries.values(), key=lambda e: e.name.lower())
    rendered = {e.id: f"<p>{e.id} rendered</p>" for e in entries}
    return render_entries(entries, "glossary.md", edit_url, rendered, summaries(entries, site_setup()), str)


def test_a_term_is_taught_where_it_is_a_key_term_and_repeated_elsewhere():
    entries, problems = glossary()
    latency = entries["Latency"]
    assert problems == []
    assert latency.taught.lesson.number == 1 and latency.definition.startswith("- How long")
    assert [(u.lesson.number, u.role, u.anchor) for u in latency.also] == [(2, "prerequisite", "latency")]


def test_lessons_whose_notes_mention_a_term_are_listed_as_uses():
    entries, _ = glossary()
    assert [(u.lesson.number, u.role) for u in entries["Cache"].also] == [(1, "mention")]
    assert [(u.lesson.number, u.role) for u in entries["SLA (Service-level agreement)"].also] == [(1, "mention")]


def test_names_are_the_headings_forms_plus_the_aliases():
    entries, _ = glossary()
    assert entries["Cache"].names == ("Cache", "caches")
    assert entries["SLA (Service-level agreement)"].names == ("SLA", "Service-level agreement")
    assert entries["Server-Selection Strategy"].id == "selection"


def test_a_second_key_term_definition_is_a_problem_naming_both_places():
    _, problems = glossary("# Lesson 3: More\n\n## Key Terms\n\n### Latency\n\nAgain.\n")
    assert problems == [
        "docs/lessons/03-more.md:5: 'Latency' is already a key term of Lesson 1 (docs/lessons/01-latency.md:5): "
        "a term is taught once, so move this one under '## Prerequisites' (or rename it if it is another term)"
    ]


def test_a_prerequisite_named_almost_as_a_key_term_is_a_problem():
    """"Latancy" would be an entry of its own beside the term it meant; a prerequisite no
    lesson teaches, named otherwise, is an entry as before, as is an acronym that one
    letter makes another ("GPU" beside "CPU")."""
    teaches_cpu = "# Lesson 4: More\n\n## Key Terms\n\n### CPU\n\nA processor\n"
    prerequisites = "### Latancy\n\nx\n\n### Socket\n\ny\n\n### GPU\n\nz\n"
    _, problems = glossary("# Lesson 3: More\n\n## Prerequisites\n\n" + prerequisites, teaches_cpu)
    assert problems == [
        "docs/lessons/03-more.md:5: prerequisite 'Latancy' looks like 'Latency', a key term of Lesson 1: "
        "spell it as that heading does, or it becomes a glossary entry of its own"
    ]


def test_a_key_term_twice_in_one_lesson_is_named_once():
    """Not also as front matter data "belonging" in the lesson it is in."""
    twice = "---\nterms:\n  Hit:\n    aliases: [hits]\n---\n# Lesson 3: More\n\n## Key Terms\n\n### Hit\n\nx\n\n### Hit\n\ny\n"
    _, problems = glossary(twice)
    assert len(problems) == 1 and "'Hit' is already a key term of Lesson 3" in problems[0], problems


def test_a_prerequisite_named_as_a_key_terms_plural_is_a_problem_but_not_an_acronyms_letter():
    plural = "# Lesson 3: More\n\n## Prerequisites\n\n### Latencies\n\nx\n\n### RPCS\n\ny\n"
    more = "# Lesson 4: Even More\n\n## Key Terms\n\n### RPC\n\nA remote call\n"
    _, problems = glossary(plural, more)
    assert problems == [
        "docs/lessons/03-more.md:5: prerequisite 'Latencies' looks like 'Latency', a key term of Lesson 1: "
        "spell it as that heading does, or it becomes a glossary entry of its own"
    ]


def test_a_term_twice_in_one_lesson_as_a_prerequisite_is_named_at_its_second_heading():
    twice = "# Lesson 3: More\n\n## Prerequisites\n\n### Latency\n\nx\n\n### Latency\n\ny\n"
    _, problems = glossary(twice)
    assert problems == ["docs/lessons/03-more.md:9: 'Latency' is already a term of this lesson, at line 5: delete one of the two"]


def test_an_alias_that_is_another_terms_name_is_named_at_its_own_line():
    aliased = "---\nterms:\n  Hit:\n    see_also: [Cache]\n    aliases:\n      - latency\n---\n# Lesson 3: More\n\n## Key Terms\n\n### Hit\n\nx\n"
    _, problems = glossary(aliased)
    assert [p for p in problems if "also a name of" in p] == [
        "docs/lessons/03-more.md:5: the name 'latency' of 'Hit' is also a name of 'Latency' (docs/lessons/01-latency.md:5): "
        "a name links to one term only"
    ]


def test_two_terms_with_one_name_or_one_id_are_problems():
    _, problems = glossary("# Lesson 3: More\n\n## Key Terms\n\n### Latency!\n\nx\n\n### Caches\n\ny\n")
    assert any("docs/lessons/03-more.md:5: term 'Latency!' would have the glossary id '#latency', which the term 'Latency' already has" in p for p in problems)
    assert any("docs/lessons/03-more.md:9: the name 'Caches' of 'Caches' is also a name of 'Cache' (docs/lessons/02-caching.md:22)" in p for p in problems)


def test_an_id_the_glossary_page_uses_is_a_problem():
    _, problems = glossary("# Lesson 3: More\n\n## Key Terms\n\n### Letter C\n\nA term named like a letter\n", taken={**letter_ids(), "intro": "the heading 'Intro'"})
    assert problems == [
        "docs/lessons/03-more.md:5: term 'Letter C' would have the glossary id '#letter-c', which the glossary's "
        "letter heading 'C' already has: give it another, '### Letter C { #another-id }', or rename it"
    ]


def test_the_page_is_a_to_z_under_letters_with_links_relative_to_it():
    entries, _ = glossary()
    page = page_of(entries, "https://x.org/edit/main/docs/")
    assert page.index("### Cache { #cache }") < page.index("### Latency { #latency }") < page.index("### SLA (Service-level agreement)")
    assert "[C](#letter-c) [L](#letter-l) [S](#letter-s)" in page
    assert "## C { #letter-c data-search-exclude }" in page
    assert (
        '<p class="glossary-sources">Introduced in <a href="../lessons/02-caching/#cache">Lesson 2: Caching</a>&nbsp;·\n'
        'Also in <a href="../lessons/01-latency/">Lesson 1</a><span class="glossary-edit">&nbsp;·\n'
        '<a href="https://x.org/edit/main/docs/lessons/02-caching.md">Edit this term</a></span></p>'
    ) in page
    assert 'Also defined in <a href="../lessons/02-caching/#latency">Lesson 2: Caching</a>' in page
    assert '<details class="glossary-definition">\n<summary>The full definition, from Lesson 2</summary>\n' in page
    assert '<div class="glossary-definition-body">\n<p>cache rendered</p>\n</div>\n</details>' in page


def test_an_entry_is_its_short_definition_then_the_full_one_folded_and_related_terms():
    entries, _ = glossary()
    page = page_of(entries, "")
    cache = page[page.index("### Cache") : page.index("### Latency")]
    assert '<p class="glossary-short">A piece of hardware &amp; software that stores &quot;hot&quot; data.</p>' in cache
    assert "<summary>The full definition, from Lesson 2</summary>" in cache
    assert '<p class="glossary-see-also">See also: <a href="#latency">Latency</a></p>' in cache
    latency = page[page.index("### Latency") : page.index("### Server-Selection")]
    assert '<p class="glossary-see-also">See also: <a href="#cache">Cache</a></p>' in latency  # both ways
    sla = page[page.index("### SLA") :]
    assert "<details" not in sla  # the short definition is all there is
    assert "Edit this term" not in page  # no edit URL given, no link


def test_see_also_must_name_another_term():
    _, problems = glossary("---\nterms:\n  More:\n    see_also: [Nothing, more, Latncy]\n---\n# Lesson 3: More\n\n## Key Terms\n\n### More\n\nA term that names others\n")
    assert problems == [
        "docs/lessons/03-more.md:3: see_also 'Nothing' of 'More' names no term: write a term's name as its heading gives it, or an alias, or delete it",
        "docs/lessons/03-more.md:3: see_also 'more' of 'More' is this term itself: delete it",
        "docs/lessons/03-more.md:3: see_also 'Latncy' of 'More' names no term: write 'Latency'",
    ]


def test_a_lesson_that_says_a_name_only_inside_a_not_in_phrase_is_no_use():
    """Cache's not_in is "cache money": a lesson that says only that does not use Cache."""
    entries, _ = glossary("# Lesson 3: Money\n\n## Notes from the video\n\nCache money, and more cache money.\n")
    assert [(u.lesson.number, u.role) for u in entries["Cache"].also] == [(1, "mention")]


def test_prose_leaves_out_headings_fenced_and_inline_code_link_targets_tags_and_urls():
    markdown = "\n".join([
        "## Cache",
        "A `cache` and ``cache`` and ```cache``` stay code.",
        "See [the Cache](cache.md#cache) and <span title=\"cache\">the tag</span>.",
        "Read https://cache.example/cache?q=cache then http://cache.example.",
        "```text",
        "cache",
        "```",
        "The end.",
    ])
    assert prose(markdown) == "\n".join([
        "A   and   and   stay code.",
        "See [the Cache  and  the tag .",
        "Read   then  ",
        "The end.",
    ])
