"""A broken contribution fails the strict build with the file, the line and the fix;
what the format allows builds clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build, sources

LESSON = "docs/lessons/06-latency-and-throughput.md"


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text()
    assert old in text, f"{path}: {old!r}"
    file.write_text(text.replace(old, new, 1))


def line_of(project: Path, path: str, text: str) -> int:
    return (project / path).read_text().split("\n").index(text) + 1


def test_every_kind_of_broken_lesson_is_named_with_its_line_and_fix(project: Path, tmp_path: Path):
    (project / "docs/lessons/notes.md").write_text("# Some notes\n\nNot a lesson.\n")
    edit(project, LESSON, "## Key Terms", "## Key terms")
    edit(project, "docs/lessons/08-caching.md", "### Cache\n", "### **Cache**\n")
    edit(project, "docs/lessons/08-caching.md", "### Cache Hit\n", "###\n\nNo name.\n\n### Cache Hit\n")
    proxies = "docs/lessons/09-proxies.md"
    edit(project, proxies, "### Nginx\n\nA very popular webserver that is often used as a reverse proxy AND load balancer\n",
         "### Nginx\n\nVery `popular`\n")  # the summary is read from the rendering: no backticks
    edit(project, "docs/lessons/08-caching.md", "\n- This is often measured in time duration\n", "\n-This is often measured in time duration\n")
    late = "docs/lessons/17-peer-to-peer-networks.md"
    edit(project, late, "## Key Terms\n", "## Key Terms\n\n### Redis\n\nAgain.\n\n### Glossary\n\nA list.\n\n### Paxos Raft\n\nAnother id.\n")
    balancing, hashing = "docs/lessons/10-load-balancers.md", "docs/lessons/11-hashing.md"
    edit(project, balancing, "\n    - Logging\n", "\n  - Logging\n")
    edit(project, hashing, "\n### Load Balancer\n", "\n###Load Balancer\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    at = lambda text: f"{late}:{line_of(project, late, text)}"
    expected = [
        "docs/lessons/notes.md:1: a file in lessons/ starts with its title, '# Lesson N: Name' (found '# Some notes')",
        f"{LESSON}:{line_of(project, LESSON, '## Key terms')}: '## Key terms' should be '## Key Terms', exactly",
        f"docs/lessons/08-caching.md:{line_of(project, 'docs/lessons/08-caching.md', '### **Cache**')}: term name '**Cache**' has Markdown formatting: write it plain, '### Cache'",
        f"docs/lessons/08-caching.md:{line_of(project, 'docs/lessons/08-caching.md', '###')}: a term heading '###' has no name",
        f"docs/lessons/08-caching.md:{line_of(project, 'docs/lessons/08-caching.md', '-This is often measured in time duration')}: "
        "'-This' is not a bullet: put a space after the '-', '- This'",
        f"{at('### Redis')}: 'Redis' is already a key term of Lesson 13 (docs/lessons/13-key-value-stores.md:",
        f"{at('### Glossary')}: term 'Glossary' would have the glossary id '#glossary', which the heading 'Glossary' of docs/glossary.md already has",
        f"{at('### Paxos Raft')}: term 'Paxos Raft' would have the glossary id '#paxos-raft', which the term 'Paxos & Raft' already has",
        f"{balancing}:{line_of(project, balancing, '  - Logging')}: '- Logging' is indented 2 spaces: a sub-point is indented 4 spaces",
        f"{hashing}:{line_of(project, hashing, '###Load Balancer')}: '###Load Balancer' is not a heading: put a space after the '#', '### Load Balancer'",
        f"{proxies}:{line_of(project, proxies, '### Nginx')}: the summary of 'Nginx' (its definition's first sentence: 'Very popular') "
        "has fewer than 4 words, so it cannot say what the term is: give the term a 'summary:' in the front matter",
    ]
    for message in expected:
        assert re.search(r"^WARNING +-  " + re.escape(message), result.stderr, re.M), f"{message}\n\n{result.stderr}"


def test_a_byte_that_is_not_utf8_stops_the_build_naming_its_line(project: Path, tmp_path: Path):
    path = project / "docs/lessons/17-peer-to-peer-networks.md"
    path.write_bytes(path.read_bytes().replace(b"## Key Terms", b"## Key Terms caf\xe9"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line = path.read_bytes().split(b"\n").index(b"## Key Terms caf\xe9") + 1
    assert f"docs/lessons/17-peer-to-peer-networks.md:{line}: byte 0xe9 is not UTF-8: save the file as UTF-8" in result.stderr


def test_what_the_format_allows_builds_clean(project: Path, tmp_path: Path):
    dotted = project / "docs/lessons/14-specialized-storage-paradigms.md"
    text = dotted.read_text()
    end = text.index("\n---\n", 3)
    dotted.write_text(text[:end] + "\n...\n" + text[end + 5 :])  # front matter closed by "..."
    crlf = project / "docs/lessons/12-relational-databases.md"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    edit(project, "docs/lessons/13-key-value-stores.md", "### Redis\n", "### Redis { #redis-store }\n")
    edit(project, "docs/lessons/13-key-value-stores.md", "An in-memory key-value store\n",
         "An in-memory key-value store, see [Lesson 12](12-relational-databases.md#acid-transaction),\n"
         "[Etcd](#etcd) and ![a ring](../photos/2.svg)\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, re.M), result.stderr
    glossary = (tmp_path / "site/glossary/index.html").read_text()
    assert 'id="redis-store"' in glossary and 'id="acid-transaction"' in glossary
    assert 'href="../lessons/12-relational-databases/#acid-transaction"' in glossary
    assert 'href="../lessons/13-key-value-stores/#etcd"' in glossary and 'src="../photos/2.svg"' in glossary
    lesson = (tmp_path / "site/lessons/08-caching/index.html").read_text()
    assert 'href="../../glossary/#redis-store"' in lesson
    dotted = (tmp_path / "site/lessons/14-specialized-storage-paradigms/index.html").read_text()
    assert re.search(r'href="../../glossary/#google-cloud-storage"[^>]*>GCS<', dotted)  # its front matter was read


@pytest.mark.parametrize(
    ("new", "expected", "with_line"),
    [
        ("![A figure](../photos/missing.svg)", "'../photos/missing.svg'", "leads to no file (docs/photos/missing.svg does not exist)"),
        ("[a lesson](05-nowhere.md)", "'05-nowhere.md'", "leads to no file (docs/lessons/05-nowhere.md does not exist)"),
        ("[a term](07-availability.md#no-such-term)", "'#no-such-term'", None),  # the page's ids: MkDocs's, once built
    ],
    ids=["missing-image", "dead-link", "dead-anchor"],
)
def test_a_broken_reference_fails_the_build_naming_the_file(project: Path, tmp_path: Path, new, expected, with_line):
    edit(project, LESSON, "## Notes from the video\n", f"## Notes from the video\n\n{new}\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "lessons/06-latency-and-throughput.md" in result.stderr and expected in result.stderr
    if with_line:
        assert f"{LESSON}:{line_of(project, LESSON, new)}: {expected} {with_line}" in result.stderr, result.stderr


def test_bad_front_matter_fails_the_build(project: Path, tmp_path: Path):
    path = project / LESSON
    path.write_text("---\ntitle: [unclosed\n---\n" + path.read_text())
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"{LESSON}:3: front matter is not valid YAML" in result.stderr


def test_search_set_to_a_value_not_its_settings_stops_the_build_naming_its_line(project: Path, tmp_path: Path):
    """Material's search plugin read `search: true` as its settings: a traceback."""
    path = project / LESSON
    path.write_text(path.read_text().replace("---\n", "---\nsearch: true\n", 1))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert f"{LESSON}:2: 'search:' holds settings, such as 'exclude: true' on the line under it" in result.stderr


# The page of a lesson not written yet, for its number and title (every such lesson is
# this page: test_an_unwritten_lesson_is_the_placeholder_page).
PLACEHOLDER = (Path(__file__).parent / "fixtures" / "lessons" / "placeholder.md").read_text()
WRITTEN_BODY = "\n## Key Terms\n\n### Zorblat Gauge\n\nA made-up thing that measures zorblats\n"


def placeholder_of(lesson) -> str:
    return PLACEHOLDER.format(number=lesson.number, title=lesson.title)


def test_an_unwritten_lesson_is_the_placeholder_page():
    for lesson in sources().lessons:
        if lesson.unwritten:
            assert (ROOT / "docs" / lesson.path).read_text() == placeholder_of(lesson), lesson.path


def test_a_lesson_written_over_its_placeholder_must_drop_all_of_it(project: Path, tmp_path: Path):
    """A lesson written below what its "not written yet" page had: each leftover is
    named, as the finished lesson would otherwise stay out of search and the downloads,
    and say it is not written. The course's last two lessons, whether written or not:
    one keeps its 'status: unwritten', the other all the rest."""
    kept_status, leftovers = sources().lessons[-2:]
    written = {}
    for lesson, drop in ((kept_status, ""), (leftovers, "status: unwritten\n")):
        written[lesson] = f"docs/{lesson.path}"
        (project / written[lesson]).write_text(placeholder_of(lesson).replace(drop, "") + WRITTEN_BODY)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    path = written[leftovers]
    notice = next(line for line in PLACEHOLDER.split("\n") if "not written yet" in line and line.startswith("!!!"))
    for message in [
        f"{written[kept_status]}:{line_of(project, written[kept_status], 'status: unwritten')}: the lesson is written but "
        "still says 'status: unwritten', which keeps it out of search and the downloads: delete the line",
        f"{path}:{line_of(project, path, 'search:')}: a written lesson is kept out of search: delete 'search: exclude: true'",
        f"{path}:2: the description says the lesson is not written yet",
        f"{path}:{line_of(project, path, notice)}: the 'not written yet' notice is still here: delete it",
    ]:
        assert re.search(r"^WARNING +-  " + re.escape(message), result.stderr, re.M), f"{message}\n\n{result.stderr}"
