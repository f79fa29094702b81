"""CONTRIBUTING.md's lesson-format example is a fixture: it parses, builds and renders as it says."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from support import ROOT, mkdocs_build
from notes_site.terms import KEY_TERMS, PREREQUISITES, parse_lesson

EXAMPLE = re.compile(r"## The lesson format.*?```markdown\n(.*?)\n```", re.S)


def example() -> str:
    return EXAMPLE.search((ROOT / "CONTRIBUTING.md").read_text()).group(1) + "\n"


def test_the_example_parses_as_a_lesson():
    lesson = parse_lesson(example(), "lessons/20-rate-limiting.md")
    assert (lesson.number, lesson.title) == (20, "Rate Limiting")
    assert [(t.name, t.section) for t in lesson.terms] == [
        ("Throughput", PREREQUISITES),
        ("Rate Limiting", KEY_TERMS),
    ]


def test_the_example_builds_and_renders_its_lists_nested(project: Path, tmp_path: Path):
    (project / "docs/lessons/20-rate-limiting.md").write_text(example())
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site/lessons/20-rate-limiting/index.html"
    article = BeautifulSoup(page.read_text(), "html.parser").find("article")
    assert article.find("h3", id="rate-limiting")
    deepest = article.find("li", string=re.compile("a detail of the detail"))
    assert len(deepest.find_parents("ul")) == 3
    glossary = (tmp_path / "site/glossary/index.html").read_text()
    assert 'id="rate-limiting"' in glossary
