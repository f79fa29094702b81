"""A broken contribution fails the strict build with the file and line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import mkdocs_build

LESSON = "docs/lessons/06-latency-and-throughput.md"


def break_lesson(project: Path, old: str, new: str) -> None:
    path = project / LESSON
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("### Throughput\n\n- The number", "### Throughput\n\n### Bandwidth\n\n- The number",
         f"{LESSON}:11: term 'Throughput' has no definition"),
        ("### Latency", "#### Latency", f"{LESSON}:5: '#### Latency' inside '## Key Terms'"),
        ("### Throughput", "### Latency!", "the same glossary anchor '#latency'"),
    ],
    ids=["term-without-definition", "term-at-wrong-level", "anchor-collision"],
)
def test_a_broken_term_fails_the_build_with_its_place(project: Path, tmp_path: Path, old, new, expected):
    break_lesson(project, old, new)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr


def test_key_terms_without_terms_fail_the_build(project: Path, tmp_path: Path):
    path = project / LESSON
    text = path.read_text()
    start, end = text.index("### Latency"), text.index("## Notes from the video")
    path.write_text(text[:start] + text[end:])
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"{LESSON}:3: '## Key Terms' has no terms" in result.stderr


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("![A figure](../photos/missing.svg)", "'../photos/missing.svg'"),
        ("[a lesson](05-nowhere.md)", "'05-nowhere.md'"),
        ("[a term](07-availability.md#no-such-term)", "'#no-such-term'"),
    ],
    ids=["missing-image", "dead-link", "dead-anchor"],
)
def test_a_broken_reference_fails_the_build_naming_the_file(project: Path, tmp_path: Path, new, expected):
    break_lesson(project, "## Notes from the video\n", f"## Notes from the video\n\n{new}\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "lessons/06-latency-and-throughput.md" in result.stderr and expected in result.stderr


def test_bad_front_matter_fails_the_build(project: Path, tmp_path: Path):
    path = project / LESSON
    path.write_text("---\ntitle: [unclosed\n---\n" + path.read_text())
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "06-latency-and-throughput.md" in result.stderr
