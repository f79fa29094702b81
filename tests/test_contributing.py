"""CONTRIBUTING.md's lesson example is a fixture: written as Lesson 20 into a copy of the
project, the whole build and its checks still pass, as they will for a contributor."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from notes_site.lessons import KEY_TERMS, PREREQUISITES, parse_lesson
from support import BUILT_SITE, ROOT, make_build, search_documents

EXAMPLE = re.compile(r"## The lesson format.*?```markdown\n(.*?)\n```", re.S)
# The tests that check a built site; each derives its counts from the sources.
SITE_CHECKS = [
    "test_build.py", "test_glossary_page.py", "test_term_links.py", "test_fidelity.py", "test_portability.py",
    "test_editors_notes.py", "test_print_page.py", "test_learning_path.py", "test_lesson_format_errors.py",
]


def example() -> str:
    return EXAMPLE.search((ROOT / "CONTRIBUTING.md").read_text()).group(1) + "\n"


def test_the_example_parses_as_a_lesson():
    lesson, problems = parse_lesson(example(), "lessons/20-rate-limiting.md")
    assert problems == []
    assert (lesson.number, lesson.title, lesson.unwritten) == (20, "Rate Limiting", False)
    assert [(t.name, t.section) for t in lesson.terms] == [("Throughput", PREREQUISITES), ("Rate Limiting", KEY_TERMS)]


def test_writing_lesson_20_from_the_example_passes_the_build_and_its_checks(tmp_path: Path):
    copy = tmp_path / "project"
    tracked = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in tracked.stdout.split("\n"):
        if name and (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    (copy / "docs/lessons/20-rate-limiting.md").write_text(example())
    # What the contributor runs: `make snapshot` (`make build`, then the new links recorded) ...
    failed = make_build(copy, copy / "site")
    assert failed is None, failed
    page = BeautifulSoup((copy / "site/lessons/20-rate-limiting/index.html").read_text(), "html.parser").find("article")
    assert page.find("h3", id="rate-limiting") and len(page.find("li", string=re.compile("a detail of the detail")).find_parents("ul")) == 3
    assert 'id="rate-limiting"' in (copy / "site/glossary/index.html").read_text()
    subprocess.run([sys.executable, "scripts/term_links.py", "site", "--write"], cwd=copy, check=True, capture_output=True)
    # ... then the tests, which find one more written lesson and one more term, on that
    # site: the copy's own build, as `make test` would make it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", BUILT_SITE: str(copy / "site")}
    checks = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *(f"tests/{t}" for t in SITE_CHECKS)],
                            cwd=copy, env=env, capture_output=True, text=True)
    assert checks.returncode == 0, checks.stdout[-3000:]


def test_the_example_is_out_of_search(site: Path):
    """A query such as "QPS" leads to the lessons, not to a screenful of the template."""
    lines = [line.lstrip("#- ").strip() for line in example().split("\n")]
    sentences = [line for line in lines if len(line.split()) >= 5]
    assert sentences
    for document in search_documents(site):
        if document["location"].startswith("contributing/"):
            assert [s for s in sentences if s in document["text"]] == [], document["location"]
