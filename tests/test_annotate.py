"""notes_site.annotate: marking the first mention of a term per section."""

from pathlib import Path

from notes_site.annotate import annotate, mentions_to_mark
from notes_site.glossary import build_glossary
from notes_site.terms import parse_lesson

GOOD = (Path(__file__).parent / "fixtures" / "lessons" / "good.md").read_text()


def marked(markdown: str, acronyms: dict[str, str] | None = None) -> str:
    entries = build_glossary([parse_lesson(GOOD, "lessons/good.md")])
    return annotate(markdown, mentions_to_mark(entries, acronyms or {}, "../glossary/"))


def test_the_first_mention_per_section_becomes_a_link_with_the_definition_as_title():
    out = marked("## Notes\n\nA cache cuts latency, and a cache is everywhere.\n\n## More\n\nCaches again.\n")
    assert out.count('class="glossary-term"') == 3  # cache, latency; Caches in the next section
    assert '<a class="glossary-term" href="../glossary/#cache" title="A piece of hardware' in out
    assert 'href="../glossary/#latency"' in out
    assert ">cache</a> cuts" in out and "and a cache is everywhere" in out
    assert ">Caches</a> again" in out


def test_quotes_ampersands_and_angle_brackets_are_escaped_in_the_title():
    out = marked("Use a cache.")
    assert 'title="A piece of hardware &amp; software that stores &quot;hot&quot; data &lt;fast&gt;."' in out


def test_headings_code_links_and_the_terms_own_definition_are_left_alone():
    text = "\n".join([
        "## Cache",
        "`cache` and [a cache](x.md) and https://cache.example/cache",
        "```",
        "cache",
        "```",
        "### Cache",
        "A cache holds data.",
    ])
    assert marked(text) == text


def test_acronyms_get_their_expansion():
    out = marked("Evict with LRU, then LRU again.", {"LRU": "Least-recently used"})
    assert out == 'Evict with <abbr title="Least-recently used">LRU</abbr>, then LRU again.'


def test_prerequisites_are_kept_out_of_search_and_key_terms_are_not():
    text = "## Prerequisites\n\n### Latency\n\nx\n\n## Key Terms\n\n### Cache\n\ny\n"
    out = marked(text).split("\n")
    assert "### Latency { data-search-exclude }" in out
    assert "### Cache" in out
