"""What a reader sees does not depend on MkDocs hooks: the same glossary, term links
and study tools without them, and with Zensical, which reads mkdocs.yml but ignores hooks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from term_links import term_links


def glossary_ids(site: Path) -> list[str]:
    page = BeautifulSoup((site / "glossary/index.html").read_text(), "html.parser")
    return [h["id"] for h in page.select("article h3[id]")]


def study_tools(site: Path) -> tuple[list[str], list[str], list[str]]:
    """The flashcards page's own scripts, which must exist, the lessons with a "Mark as
    done" button, and the lessons that load the term tooltips' script."""
    page = BeautifulSoup((site / "flashcards/index.html").read_text(), "html.parser")
    scripts = [script["src"] for script in page.select("article script[src]")]
    assert scripts and all((site / "flashcards" / src).is_file() for src in scripts)
    lessons = sorted(site.glob("lessons/*/index.html"))
    tooltips = [p.parent.name for p in lessons if "javascripts/term-tooltips.js" in p.read_text()]
    assert tooltips
    return scripts, [p.parent.name for p in lessons if "data-lesson-done" in p.read_text()], tooltips


def test_a_strict_build_without_hooks_has_the_same_glossary_term_links_and_study_tools(site: Path, hookless_site: Path):
    assert glossary_ids(hookless_site) == glossary_ids(site)
    assert term_links(hookless_site) == term_links(site)
    assert study_tools(hookless_site) == study_tools(site)


def test_zensical_builds_the_same_glossary_term_links_and_study_tools(site: Path, project: Path):
    zensical = Path(sys.executable).parent / "zensical"
    result = subprocess.run([str(zensical), "build", "--clean"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert glossary_ids(project / "site") == glossary_ids(site)
    assert term_links(project / "site") == term_links(site)
    assert study_tools(project / "site") == study_tools(site)  # page.meta.scripts in MiniJinja too
    assert (project / "site/404.html").read_text().count("Page not found")  # overrides/ work there too
