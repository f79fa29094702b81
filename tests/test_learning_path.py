"""The learning path on the built site: the map page and each lesson's place on it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from notes_site.path import leads_to
from support import sources


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.removesuffix(".md") / "index.html").read_text(), "html.parser")


def lesson_numbers(links) -> list[int]:
    return [int(a.get_text().split()[1].rstrip(":")) for a in links]


def test_the_map_has_a_node_per_written_lesson_and_an_arrow_per_dependency(site: Path):
    written = [lesson for lesson in sources().lessons if not lesson.unwritten]
    svg = page(site, "learning-path.md").select_one(".learning-path-map svg")
    nodes = {node["id"]: node for node in svg.select("g.node")}
    assert sorted(nodes) == sorted(f"map-lesson-{lesson.number}" for lesson in written)
    for lesson in written:
        href = nodes[f"map-lesson-{lesson.number}"].find("a")["href"]
        assert (site / "learning-path" / href / "index.html").resolve() == (site / lesson.path.removesuffix(".md") / "index.html")
    edges = {e["id"] for e in svg.select("g.edge")}
    numbers = {lesson.number for lesson in written}
    expected = {f"map-lesson-{a}-to-{b}" for b, earlier in sources().builds_on.items() if b in numbers for a in earlier}
    drawn = {e for e in edges if "-to-" in e}
    assert expected == drawn
    for edge in drawn:  # the rest are invisible ones that stack the starting points
        earlier, later = (int(end) for end in edge.removeprefix("map-lesson-").split("-to-"))
        assert earlier < later


def test_the_map_names_its_links_only_not_graphvizs_groups(site: Path):
    """Graphviz's <title> in each group ("lesson-3->lesson-7") was read out by a screen
    reader: 41 names of no use before the links' own."""
    svg = page(site, "learning-path.md").select_one(".learning-path-map svg")
    assert svg.select("title") == []
    assert all(a.get_text(" ", strip=True) for a in svg.select("a"))


def test_the_map_has_the_same_graph_as_a_list(site: Path):
    items = page(site, "learning-path.md").select(".learning-path-list li")
    path = sources().builds_on
    for item in items:
        own, *earlier = lesson_numbers(item.select("a"))
        assert tuple(earlier) == path[own]
    assert len(items) == len([lesson for lesson in sources().lessons if not lesson.unwritten])


def test_each_lesson_says_what_it_builds_on_and_leads_to(site: Path):
    path, later = sources().builds_on, leads_to(sources().builds_on)
    for lesson in sources().lessons:
        lines = {p.find("strong").get_text(): p for p in page(site, lesson.path).select("article p.lesson-path")}
        for label, expected in (("Builds on:", path[lesson.number]), ("Leads to:", later[lesson.number])):
            if expected:
                assert tuple(lesson_numbers(lines[label].select("a"))) == expected, (lesson.number, label)
                assert lines[label].has_attr("data-search-exclude")
            else:
                assert label not in lines
