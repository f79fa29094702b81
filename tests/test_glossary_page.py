"""The built glossary: one entry per term the sources define, linked both ways with the lessons."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from notes_site.glossary_page import EDITORS_SUMMARY
from support import ROOT, built_page, search_documents, sources, summaries


def glossary(site: Path) -> BeautifulSoup:
    return built_page(site / "glossary" / "index.html")


def entries(site: Path):
    return glossary(site).select("article h3[id]")


def entry_parts(page: BeautifulSoup, id: str) -> list:
    """What follows an entry's heading, up to the next heading."""
    parts = []
    for sibling in page.find(id=id).find_next_siblings(True):
        if sibling.name in ("h2", "h3"):
            break
        parts.append(sibling)
    return parts


def lesson_page(site: Path, path: str) -> Path:
    return site / path.removesuffix(".md") / "index.html"


# A term heading in a lesson's term sections, with the id it may set: "### Name { #id }".
TERM_HEADING = re.compile(r"^### (?P<name>.+?)(?:\s*\{\s*#(?P<id>[\w-]+)[^}]*\})?\s*$")
TERM_SECTIONS = ("## Prerequisites", "## Key Terms")


def term_ids_in_lessons() -> set[str]:
    """Every term's glossary id, read from the lesson files by a regex of the test's own:
    the id a heading sets, or its name as MkDocs' toc slugifies it."""
    ids = set()
    for path in sorted((ROOT / "docs" / "lessons").glob("*.md")):
        section = None
        for line in path.read_text().split("\n"):
            if line.startswith("## ") or line.startswith("# "):
                section = line.strip()
            heading = TERM_HEADING.match(line)
            if heading and section in TERM_SECTIONS:
                name = heading["name"]
                ids.add(heading["id"] or re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", name).strip().lower()))
    return ids


def test_every_term_of_the_lessons_has_one_entry_with_its_id(site: Path):
    ids = [h["id"] for h in entries(site)]
    assert len(ids) == len(set(ids))
    assert set(ids) == term_ids_in_lessons()
    assert {"acid-transaction", "sla-service-level-agreement", "nodeinstancehost", "paxos-raft", "key-value-store"} <= set(ids)
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
        assert built_page(target).find(id=anchor), link["href"]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def taught_definition(site: Path, link: str) -> list[str]:
    """The words of a term's definition on the lesson page a glossary link leads to."""
    page, _, anchor = link.partition("#")
    lesson = built_page(site / "glossary" / page / "index.html")
    text = []
    for sibling in lesson.find(id=anchor).find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        text.append(sibling.get_text(" "))
    return words(" ".join(text))


def given_summary(link: str, name: str) -> str | None:
    """The summary a lesson's front matter gives a term (`summary:` beside `aliases:`), if any."""
    lesson = ROOT / "docs" / "lessons" / (link.split("/")[2] + ".md")
    front_matter = lesson.read_text().split("---\n")[1] if lesson.read_text().startswith("---\n") else ""
    terms = (yaml.safe_load(front_matter) or {}).get("terms") or {}
    return (terms.get(name) or {}).get("summary")


def test_each_entry_is_its_short_definition_with_the_full_one_folded(site: Path):
    page = glossary(site)
    shorts = {h["id"]: h.find_next_sibling().get_text() for h in entries(site)}
    assert shorts["latency"] == "The time it takes for a certain operation to complete"
    assert shorts["process"] == "A program that is currently running on a machine"
    assert shorts["throughput"] == "The number of operations that a system can handle properly per time unit"
    for heading in entries(site):
        short = heading.find_next_sibling()
        assert short["class"] == ["glossary-short"], heading["id"]
        link = heading.find_next("p", class_="glossary-sources").find("a")["href"]
        given = given_summary(link, heading.get_text(strip=True).rstrip("¶"))
        if given:
            assert short.get_text() == given, heading["id"]
            continue
        # Else the start of the definition its lesson shows: its words, in order, from the first.
        definition = taught_definition(site, link)
        summary = words(short.get_text())
        remaining = iter(definition)
        assert summary[:1] == definition[:1] and all(word in remaining for word in summary), heading["id"]
    for entry in sources().entries:
        heading = page.find(id=entry.id)
        folded = heading.find_next("section").find("details", class_="glossary-definition")
        if entry.definition.strip() != summaries()[entry.id]:
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
    sources = glossary(site).find(id="latency").find_next("p", class_="glossary-sources")
    sources_line = " ".join(sources.get_text().split())  # as a reader sees it
    assert "Introduced in Lesson 6: Latency and Throughput" in sources_line
    assert "Also defined in Lesson 8: Caching, Lesson 15: Replication and Sharding" in sources_line


def test_each_entry_has_an_edit_link_to_the_lesson_that_teaches_it(site: Path):
    sources_line = glossary(site).find(id="acid-transaction").find_next("p", class_="glossary-sources")
    edit = sources_line.find("a", string="Edit this term")
    assert edit["href"].endswith("/edit/main/docs/lessons/12-relational-databases.md")


def test_term_links_are_in_text_only_and_carry_their_summary(site: Path):
    summaries = {h["id"]: h.find_next_sibling().get_text() for h in entries(site)}  # the glossary's short definitions
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    linked = 0
    for lesson in written:
        page = built_page(lesson_page(site, lesson.path))
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
    assert found["glossary/#latency"]["title"] == "Latency"
    assert found["glossary/#latency"]["text"] == f"<p>{summaries()['latency']}</p>"  # the short definition only
    prerequisites = {d["location"] for d in docs if d["location"] == "lessons/08-caching/#latency"}
    assert not prerequisites  # Lesson 8 repeats Latency as a prerequisite: search leads to Lesson 6


def test_a_term_is_not_linked_where_a_word_of_its_name_means_something_else(site: Path):
    lesson = built_page(lesson_page(site, "lessons/12-relational-databases.md"))
    rows = next(li for li in lesson.select("article li") if li.get_text().startswith("Rows = "))
    assert rows.find("a") is None  # "instance of entity" is no machine
    availability = built_page(lesson_page(site, "lessons/07-availability.md"))
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


def test_a_lesson_that_says_a_word_only_in_its_other_sense_is_no_use_of_the_term(site: Path):
    """Process's not_in phrases ("the process of", "Process by which", ...): Lessons 11,
    16 and 17, which say "process" only so, are not listed beside it."""
    line = glossary(site).find(id="process").find_next("p", class_="glossary-sources")
    also_in = line.get_text(" ", strip=True).split("Also in ")[1].split(" · ")[0]
    assert also_in == "Lesson 3 , Lesson 5 , Lesson 8 , Lesson 9 , Lesson 12 , Lesson 15 , Lesson 18"


def test_an_entry_says_what_else_the_term_is_called_and_search_reads_it(site: Path):
    """Its aliases that are not the heading's own words in another form: "HA" is said,
    "highly available" is not (it links to the term in the lessons all the same)."""
    page = glossary(site)
    said = {}
    for entry in sources().entries:
        lines = [part for part in entry_parts(page, entry.id) if "glossary-also-called" in part.get("class", [])]
        if lines:
            (line,) = lines
            said[entry.id] = line.get_text().removeprefix("Also called: ").split(", ")
            assert set(said[entry.id]) <= set(entry.data.aliases), entry.id
    assert said["high-availability"] == ["HA"]
    assert said["memory"] == ["RAM"]
    assert said["reverse-proxy"] == ["backward proxy"]
    assert said["load-balancer"] == ["LB"]
    assert not {"cache", "sharding", "cache-eviction-policy", "ip-address"} & set(said)
    docs = {doc["location"]: doc["text"] for doc in search_documents(site)}
    assert "<p>Also called: HA</p>" in docs["glossary/#high-availability"]


def test_a_short_definition_the_editors_wrote_is_said_to_be_theirs(site: Path):
    """A `summary:` in a lesson's front matter is not the author's words (ACID's corrects
    "A type of database"): the glossary says so under it, and of no other entry."""
    glossary = BeautifulSoup((site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    marked = {note.find_parent("section").find_previous_sibling("h3")["id"] for note in glossary.select(".glossary-editorial")}
    given = {entry.id for entry in sources().entries if entry.data.summary}
    assert given and marked == given
    assert all(note.get_text() == EDITORS_SUMMARY for note in glossary.select(".glossary-editorial"))
