"""The term links do not depend on PYTHONHASHSEED: two builds under two seeds give
the reviewed snapshot, and a lesson whose names overlap ("Zorblat", "Zorblats Table")
links the longest under both."""

from __future__ import annotations

from pathlib import Path

from support import mkdocs_build, sources
from term_links import SNAPSHOT, render, term_links

ADDED = "26"
LESSON = """\
# Lesson 26: Seed Check

Names that share their first word.

## Key Terms

### Zorblat

A made-up thing for the seed check.

### Zorblats Table

A table of made-up things for the seed check.

## Notes from the video

- Look in the zorblats table first
"""
# Under the old matcher, which picked among a set of stems, seed 0 linked "zorblats"
# to Zorblat and seed 1 linked "zorblats table" to Zorblats Table.
SEEDS = ("0", "1")


def test_two_hash_seeds_build_the_same_term_links(project: Path, tmp_path: Path, monkeypatch):
    (project / "docs" / "lessons" / "26-seed-check.md").write_text(LESSON)
    config = project / "mkdocs.yml"
    last = f"      - {sources().lessons[-1].path}\n"  # the nav's last lesson
    assert last in config.read_text()
    config.write_text(config.read_text().replace(last, last + "      - lessons/26-seed-check.md\n"))
    built = {}
    for seed in SEEDS:
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        result = mkdocs_build(project, tmp_path / seed)
        assert result.returncode == 0, result.stderr
        built[seed] = term_links(tmp_path / seed)
    for seed, links in built.items():
        assert render([line for line in links if not line.startswith(ADDED)]) == SNAPSHOT.read_text(), (
            f"under PYTHONHASHSEED={seed}, the term links differ from {SNAPSHOT.name}: if test_term_links.py fails "
            "too, the lessons changed them: run `make snapshot` and review its diff"
        )
        assert [line for line in links if line.startswith(ADDED)] == ["26  Look in the [zorblats table] first  -> zorblats-table"], seed
