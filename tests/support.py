"""Helpers shared by the tests: where things are, what the sources say, a strict build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from markdown import Markdown
from mkdocs.config import load_config

from notes_site.catalog import Catalog, load
from notes_site.extension import NotesExtension
from notes_site.rendering import MarkdownSetup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The editors' own boxes in a lesson, beside the author's words (CONTRIBUTING.md): a
# correction of fact, and an example in place of a screenshot that is not available.
EDITORS_BOXES = ("Editor's note", "Editor's example")


@cache
def sources() -> Catalog:
    """The lessons and terms as the sources define them: what counts are derived from."""
    return load(str(ROOT / "docs"), "lessons", "glossary.md")


@cache
def site_setup() -> MarkdownSetup:
    """The Markdown setup of the site's pages, as mkdocs.yml gives it."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return next(ext.setup for ext in md.registeredExtensions if isinstance(ext, NotesExtension))


def built_page(file: Path) -> BeautifulSoup:
    """A built page's HTML, parsed once per session: tests read it and never change it."""
    return parsed(file.resolve())


@cache
def parsed(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(), "html.parser")


def summaries() -> dict[str, str]:
    """Each term's summary, by id, as the site shows it: from its one rendering."""
    return sources().summaries(site_setup())


def mkdocs_build(project: Path, site_dir: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` without -q, so warnings count; output kept for asserts."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


# The folder of a site that `make build` has just made of this project, for a run of the
# tests inside another test (test_contributing.py), which built it: the `site` fixture's.
BUILT_SITE = "NOTES_BUILT_SITE"
# The steps of `make build` after MkDocs: the flashcard decks, the EPUB, the service worker.
AFTER_MKDOCS = ("scripts/export_decks.py", "scripts/make_epub.py", "scripts/offline.py")


def make_build(project: Path, site_dir: Path) -> str | None:
    """The site as `make build` makes it, built from ``project``; what failed, or None."""
    result = mkdocs_build(project, site_dir)
    if result.returncode:
        return result.stderr
    for script in AFTER_MKDOCS:
        step = subprocess.run([sys.executable, script, str(site_dir)], cwd=project, capture_output=True, text=True)
        if step.returncode:
            return f"{script}: {step.stderr}"
    return None


def search_documents(site: Path) -> list[dict]:
    """The search index's documents: in search_index.json, or in the file its config
    names (the hook moves them there, for the worker to fetch at the first query)."""
    index = json.loads((site / "search" / "search_index.json").read_text())
    documents = index["config"].get("documents")
    return json.loads((site / documents).read_text()) if documents else index["docs"]


# --- The reader's study data, for the browser tests ------------------------------------

STUDY_KEY = "/.systemsexpert.study"  # its localStorage key on the test server, whose site is at /


def store_done_marks(page, server: str, numbers: list[int]) -> None:
    """Stores study data in which these lessons are marked done, and nothing else, from a
    page that does not load the store (which would write its own back)."""
    page.goto(server + "/glossary/")
    page.evaluate("""([key, numbers]) => {
        const data = {version: 2, cards: {}, reviews: [], done: {}, settings: {filter: "", direction: "forward", new_per_day: 20}, last_backup: null};
        for (const n of numbers) data.done[n] = {done: true, changed: new Date().toISOString()};
        localStorage.setItem(key, JSON.stringify(data));
    }""", [STUDY_KEY, [str(n) for n in numbers]])
