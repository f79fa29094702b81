"""The built glossary: one entry per term the sources define, linked both ways with the lessons."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from support import search_documents, sources


def glossary(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "glossary" / "index.html").read_text(), "html.parser")


def entries(site: Path):
    return glossary(site).select("article h3[id]")


def lesson_page(site: Path, path: str) -> Path:
    return site / path.removesuffix(".md") / "index.html"


def test_every_term_of_the_sources_has_one_entry_with_its_id(site: Path):
    ids = [h["id"] for h in entries(site)]
    assert ids == [entry.id for entry in sources().entries]
    assert len(ids) == len(set(ids)) == len({t.name.lower() for l in sources().lessons for t in l.terms})
    assert sources().problems == ()


def test_the_page_keeps_its_own_text_and_puts_entries_a_to_z_under_a_letter_bar(site: Path):
    page = glossary(site)
    assert "Every term that the lessons define" in page.find("article").get_text()
    assert "[GLOSSARY]" not in page.get_text()
    names = [h.get_text(strip=True).rstrip("¶").lower() for h in entries(site)]
    assert names == sorted(names)
    letters = [a["href"] for a in page.select(".glossary-letters a")]
    assert letters[0] == "#letter-a" and all(page.find(id=h[1:]) for h in letters)


def test_every_entry_links_to_the_term_heading_in_the_lesson_that_teaches_it(site: Path):
    for entry, heading in zip(sources().entries, entries(site)):
        link = heading.find_next("p", class_="glossary-sources").find("a")
        assert link.get_text() == f"Lesson {entry.taught.lesson.number}: {entry.taught.lesson.title}"
        page, _, anchor = link["href"].partition("#")
        target = (site / "glossary" / page / "index.html").resolve()
        assert BeautifulSoup(target.read_text(), "html.parser").find(id=anchor), link["href"]


def test_each_entry_is_its_short_definition_with_the_full_one_folded(site: Path):
    page = glossary(site)
    for entry in sources().entries:
        heading = page.find(id=entry.id)
        short = heading.find_next_sibling()
        assert short["class"] == ["glossary-short"] and short.get_text() == entry.summary
        folded = heading.find_next("section").find("details", class_="glossary-definition")
        if entry.definition.strip() != entry.summary:
            assert folded is not None and not folded.has_attr("open"), entry.id
            assert "data-lesson" not in folded.attrs


def test_related_terms_see_each_other(site: Path):
    page = glossary(site)
    related = {}
    for entry in sources().entries:
        line = page.find(id=entry.id).find_next("section").find("p", class_="glossary-see-also")
        related[entry.id] = {a["href"].lstrip("#") for a in line.select("a")} if line else set()
        assert all(page.find(id=other) for other in related[entry.id])
    assert all(entry in related[other] for entry, others in related.items() for other in others)
    pairs = [("nosql-database", "non-relational-database"), ("sql-database", "relational-database"),
             ("server", "nodeinstancehost"), ("forward-proxy", "reverse-proxy"), ("polling", "streaming"),
             ("consistent-hashing", "rendezvous-hashing"), ("replication", "sharding")]
    assert all(b in related[a] for a, b in pairs)


def test_latency_lists_the_lessons_that_define_and_mention_it(site: Path):
    sources_line = glossary(site).find(id="latency").find_next("p", class_="glossary-sources").get_text()
    assert "Introduced in Lesson 6: Latency and Throughput" in sources_line
    assert "Also defined in Lesson 8: Caching, Lesson 15: Replication and Sharding" in sources_line


def test_each_entry_has_an_edit_link_to_the_lesson_that_teaches_it(site: Path):
    sources_line = glossary(site).find(id="acid-transaction").find_next("p", class_="glossary-sources")
    edit = sources_line.find("a", string="Edit this term")
    assert edit["href"].endswith("/edit/main/docs/lessons/12-relational-databases.md")


def test_term_links_are_in_text_only_and_carry_their_summary(site: Path):
    summaries = {entry.id: entry.summary for entry in sources().entries}
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    linked = 0
    for lesson in written:
        page = BeautifulSoup(lesson_page(site, lesson.path).read_text(), "html.parser")
        for link in page.select("a.glossary-term"):
            summary = summaries[link["href"].split("#")[1]]
            assert link["data-summary"] == summary and not link.has_attr("aria-describedby")  # set by its tooltip
            assert not link.find_parent(["h1", "h2", "h3", "h4", "code", "pre", "abbr"])
            assert link.find_parent("a") is None and link.find("a") is None
            linked += 1
    assert linked > len(written)


def test_search_finds_entries_by_name_not_letters_or_repeated_definitions(site: Path):
    docs = search_documents(site)
    found = {d["location"]: d for d in docs if d["location"].startswith("glossary/#")}
    assert set(found) == {f"glossary/#{entry.id}" for entry in sources().entries}
    latency = next(entry for entry in sources().entries if entry.id == "latency")
    assert found["glossary/#latency"]["title"] == "Latency"
    assert found["glossary/#latency"]["text"] == f"<p>{latency.summary}</p>"  # the short definition only
    prerequisites = {d["location"] for d in docs if d["location"] == "lessons/08-caching/#latency"}
    assert not prerequisites  # Lesson 8 repeats Latency as a prerequisite: search leads to Lesson 6


def test_a_term_is_not_linked_where_a_word_of_its_name_means_something_else(site: Path):
    lesson = BeautifulSoup(lesson_page(site, "lessons/12-relational-databases.md").read_text(), "html.parser")
    rows = next(li for li in lesson.select("article li") if li.get_text().startswith("Rows = "))
    assert rows.find("a") is None  # "instance of entity" is no machine
    availability = BeautifulSoup(lesson_page(site, "lessons/07-availability.md").read_text(), "html.parser")
    redundancy = availability.find(id="redundancy").find_next("p")
    assert redundancy.get_text().startswith("The process of") and redundancy.find("a") is None


def test_the_table_of_contents_is_the_glossarys_letters(site: Path):
    """An A to Z at the side, as the letter bar above the entries: not every term, which
    the page and search already list (and which cost a fifth of the page's start-up)."""
    page = glossary(site)
    letters = [f"#{h2['id']}" for h2 in page.select("article h2[id^=letter-]")]
    assert letters
    for toc in page.select("nav.md-nav--secondary"):
        assert [a["href"] for a in toc.select("a.md-nav__link")] == letters
