"""notes_site.catalog: the files are read once per build, again only when one changes;
the hook, the extension and the scripts find the same docs folder; a missing folder
is an error that names it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from notes_site import catalog
from notes_site.catalog import NoSuchFolder, load
from notes_site.extension import mkdocs_settings
from support import mkdocs_build

LESSON = "lessons/06-latency-and-throughput.md"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The docs folder of each catalog made, in order: one per reading of the files."""
    made: list[str] = []
    make = catalog.make_catalog

    def counting(docs_dir: str, *args):
        made.append(docs_dir)
        return make(docs_dir, *args)

    monkeypatch.setattr(catalog, "make_catalog", counting)
    return made


def test_a_build_reads_the_lessons_once_for_the_extension_and_the_hook(project: Path, tmp_path: Path, counted, monkeypatch):
    monkeypatch.chdir(project)  # the extension's docs_dir is from the folder the build runs in
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    looked = []  # each look at the lessons folder's files
    look = catalog.markdown_files
    monkeypatch.setattr(catalog, "markdown_files", lambda folder, prefix: looked.append(folder) or look(folder, prefix))
    for round in ("first", "second"):  # a second build (as `make serve` makes) looks again, once
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / round))
        build(config)
        pages = len(list((tmp_path / round).rglob("index.html")))
        assert pages > 25 and counted == ["docs"] and len(looked) == {"first": 1, "second": 2}[round]


def test_within_a_build_the_files_are_looked_at_once(project: Path, counted):
    docs = str(project / "docs")
    first = load(docs, "lessons", "glossary.md", build="one")
    lesson = project / "docs" / LESSON
    lesson.write_text(lesson.read_text() + "\n- One more note\n")
    assert load(docs, "lessons", "glossary.md", build="one") is first and len(counted) == 1
    (project / "docs").rename(project / "moved")  # within the build, not even the folder is looked at
    assert load(docs, "lessons", "glossary.md", build="one") is first
    (project / "moved").rename(project / "docs")
    assert load(docs, "lessons", "glossary.md", build="two") is not first and len(counted) == 2
    assert load(docs, "lessons", "glossary.md") is not first and len(counted) == 2  # no build: looked at, unchanged


def test_the_catalog_is_made_again_when_a_file_changes_and_only_then(project: Path, counted):
    docs = str(project / "docs")
    first = load(docs, "lessons", "glossary.md")
    assert load(docs, "lessons", "glossary.md") is first and len(counted) == 1
    lesson = project / "docs" / LESSON
    lesson.write_text(lesson.read_text().replace("The time it takes for a certain operation", "How long one operation takes"))
    edited = load(docs, "lessons", "glossary.md")
    assert len(counted) == 2 and "How long one operation takes" in next(e for e in edited.entries if e.id == "latency").definition
    stat = lesson.stat()
    os.utime(lesson, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # same size, a later time
    assert load(docs, "lessons", "glossary.md") is not edited and len(counted) == 3
    (project / "docs" / "lessons" / "26-more.md").write_text("# Lesson 26: More\n\nSoon.\n")
    assert [l.number for l in load(docs, "lessons", "glossary.md").lessons][-1] == 26 and len(counted) == 4
    (project / "docs" / "lessons" / "26-more.md").unlink()
    assert load(docs, "lessons", "glossary.md").lessons[-1].number == 25 and len(counted) == 5


def test_a_missing_folder_is_an_error_that_names_it(tmp_path: Path):
    with pytest.raises(NoSuchFolder, match=f"^{re.escape(str(tmp_path))}/docs: no such folder: 'docs_dir'"):
        load(str(tmp_path / "docs"), "lessons", "glossary.md")
    (tmp_path / "docs").mkdir()
    with pytest.raises(NoSuchFolder, match=f"^{re.escape(str(tmp_path))}/docs/lessons: no such folder"):
        load(str(tmp_path / "docs"), "lessons", "glossary.md")


def test_a_build_without_its_lessons_folder_stops_with_that_error(project: Path, tmp_path: Path):
    (project / "docs" / "lessons").rename(project / "docs" / "notes")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/lessons: no such folder: the lessons go there" in result.stderr, result.stderr


def test_a_build_without_directory_urls_stops_with_the_line_to_change(project: Path, tmp_path: Path):
    """The engine writes its links finished, for directory URLs: with others they would
    all lead nowhere."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("strict: true\n", "strict: true\nuse_directory_urls: false\n"))
    line = config.read_text().split("\n").index("use_directory_urls: false") + 1
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line}: use_directory_urls is false, but the term engine" in result.stderr, result.stderr


def test_directory_urls_turned_off_on_the_command_line_stop_the_build_saying_so(project: Path, tmp_path: Path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--no-directory-urls", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "-  use_directory_urls is false, but the term engine" in result.stderr, result.stderr  # no file:line of a file that does not set it
    assert "build without --no-directory-urls" in result.stderr


def test_the_hook_and_the_scripts_take_docs_dir_from_beside_mkdocs_yml(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert mkdocs_settings("mkdocs.yml", {"notes_site.extension": {"docs_dir": "docs"}})["docs_dir"] == "docs"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    settings = mkdocs_settings(tmp_path / "mkdocs.yml", {"notes_site.extension": {"docs_dir": "docs"}})
    assert Path(settings["docs_dir"]).resolve() == tmp_path / "docs"


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        ("acronyms: [LRU]", 2, "'acronyms:' maps each acronym to what it stands for"),
        ("acronyms:\n  CACHE: Not an acronym", 3,
         "acronym 'CACHE' is a name of the term 'Cache' (docs/lessons/02-caching.md:9), which links it: remove it from 'acronyms:'"),
        ("acronyms:\n  SDS: Stored data store", 3,
         "acronym 'SDS' is a name of the term 'Cache' (docs/lessons/02-caching.md:3), which links it: "
         "remove it from 'acronyms:', or from the term's aliases"),
        ('acronyms:\n  "L\\0RU": Least-recently used', 2, "acronym 'L\\x00RU' has a control character: delete it"),
    ],
    ids=["not-a-mapping", "a-term-name", "an-alias", "control-character"],
)
def test_a_broken_acronym_is_named_with_the_glossary_page_and_its_line(front_matter: str, line: int, message: str):
    lesson = ("lessons/02-caching.md", b"---\nterms:\n  Cache: {aliases: [SDS]}\n---\n# Lesson 2: Caching\n\n## Key Terms\n\n### Cache\n\nA store of data that is read fast.\n")
    glossary = f"---\n{front_matter}\n---\n\n# Glossary\n\n[GLOSSARY]\n".encode()
    made = catalog.make_catalog("docs", (lesson,), "glossary.md", glossary)
    assert [str(problem) for problem in made.problems] == [f"docs/glossary.md:{line}: {message}"]
    assert made.acronyms == {}
