"""The built glossary: one entry per term, linked both ways with the lessons."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

TERMS = 77


def glossary(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "glossary" / "index.html").read_text(), "html.parser")


def entries(site: Path):
    return glossary(site).select("article h3[id]")


def test_every_term_has_one_entry_with_an_anchor(site: Path):
    anchors = [h["id"] for h in entries(site)]
    assert len(anchors) == TERMS == len(set(anchors))
    assert {"consistent-hashing", "sla-service-level-agreement", "dns-domain-name-system"} <= set(anchors)


def test_entries_are_a_to_z_under_a_letter_bar(site: Path):
    names = [h.get_text(strip=True).rstrip("¶").lower() for h in entries(site)]
    assert names == sorted(names)
    letters = [a["href"] for a in glossary(site).select(".glossary-letters a")]
    assert letters[0] == "#a" and all(glossary(site).find(id=h[1:]) for h in letters)


def test_every_entry_links_to_the_lesson_that_teaches_it(site: Path):
    for heading in entries(site):
        sources = heading.find_next("p", class_="glossary-sources")
        link = sources.find("a")
        assert sources.get_text().startswith("Introduced in Lesson"), heading["id"]
        page, _, anchor = link["href"].partition("#")
        target = (site / "glossary" / page / "index.html").resolve()
        assert BeautifulSoup(target.read_text(), "html.parser").find(id=anchor), link["href"]


def test_latency_lists_lessons_6_8_and_15(site: Path):
    sources = glossary(site).find(id="latency").find_next("p", class_="glossary-sources").get_text()
    assert "Introduced in Lesson 6: Latency and Throughput" in sources
    assert "Lesson 8: Caching" in sources and "Lesson 15: Replication and Sharding" in sources


def test_glossary_json_matches_the_page(site: Path):
    data = json.loads((site / "glossary.json").read_text())["terms"]
    assert len(data) == TERMS
    sla = next(t for t in data if t["anchor"] == "sla-service-level-agreement")
    assert sla["names"] == ["SLA", "Service-level agreement"]
    assert sla["lessons"][0] == {
        "number": 7, "title": "Availability", "role": "key term",
        "url": "lessons/07-availability/#sla-service-level-agreement",
    }


def test_most_written_lessons_carry_term_links(site: Path):
    lessons = sorted((site / "lessons").glob("*/index.html"))[:19]
    marked = [p for p in lessons if 'class="glossary-term"' in p.read_text()]
    assert len(marked) >= 15
    for page in marked:
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for link in soup.select("a.glossary-term"):
            assert link["title"] and not link.find_parent(["h1", "h2", "h3", "code", "pre"])
            assert link.find_parent("a") is None


def test_each_entry_has_an_edit_link_to_the_lesson_that_teaches_it(site: Path):
    sources = glossary(site).find(id="acid-transaction").find_next("p", class_="glossary-sources")
    edit = sources.find("a", string="Edit this term")
    assert edit["href"].endswith("/edit/main/docs/lessons/12-relational-databases.md")


def test_search_finds_entries_by_name_not_letters_or_repeated_definitions(site: Path):
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    glossary = {d["location"]: d for d in docs if d["location"].startswith("glossary/#")}
    assert len(glossary) == TERMS
    assert "glossary/#a" not in glossary
    assert glossary["glossary/#latency"]["title"] == "Latency" and not glossary["glossary/#latency"]["text"]


def test_a_term_is_not_linked_where_a_word_of_its_name_means_something_else(site: Path):
    lesson = BeautifulSoup((site / "lessons/12-relational-databases/index.html").read_text(), "html.parser")
    rows = next(li for li in lesson.select("article li") if li.get_text().startswith("Rows = "))
    assert rows.find("a") is None  # "instance of entity" is no machine
