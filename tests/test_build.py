"""The built site: strict build, one page per lesson, images, lists that render as lists."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from notes_site.lessons import NOTES, Lesson
from notes_site.outline import code_rows
from figure_palette import dark_variant
from support import ROOT, built_page, mkdocs_build, search_documents, sources

LIST_MARKER = re.compile(r"^\s*([-*+]|\d+[.)])\s")
# A lesson's notes with more list items than this are long: a reader needs its table of
# contents to find a place in them, so they need headings of their own.
LONG_NOTES = 30


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def lesson_pages(site: Path) -> dict[int, Path]:
    return {int(p.parent.name[:2]): p for p in (site / "lessons").glob("*/index.html")}


def test_the_strict_build_passes_without_a_warning(site: Path, tmp_path: Path):
    result = mkdocs_build(Path(__file__).parent.parent, tmp_path)
    assert result.returncode == 0
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, re.M), result.stderr


def test_every_lesson_has_its_page_with_its_title(site: Path):
    lessons = lesson_pages(site)
    assert sorted(lessons) == [lesson.number for lesson in sources().lessons]
    for lesson in sources().lessons:
        title = built_page(lessons[lesson.number]).find("h1").get_text(strip=True).rstrip("¶")
        assert title == f"Lesson {lesson.number}: {lesson.title}"


def test_unwritten_lessons_say_so_lead_on_to_the_study_tools_and_are_left_out_of_search(site: Path):
    """A reader who reaches a lesson not written yet (by "Next" from the last written
    one) is not left at a dead end: the notice leads on to the flashcards and the map."""
    indexed = {doc["location"].split("#")[0] for doc in search_documents(site)}
    unwritten = {lesson.number for lesson in sources().lessons if lesson.unwritten}
    for number, path in lesson_pages(site).items():
        page = built_page(path)
        location = f"lessons/{path.parent.name}/"
        if number in unwritten:
            assert "not written yet" in page.find("article").get_text()
            notice = page.select_one("article .admonition")
            assert {"../../flashcards/", "../../learning-path/"} <= {a["href"] for a in notice.select("a[href]")}, location
            assert location not in indexed
        else:
            assert location in indexed


@pytest.mark.parametrize("attribute", ["src", "href"])
def test_every_image_and_local_link_resolves(site: Path, attribute: str):
    missing = []
    for path in pages(site):
        base = "/" + path.relative_to(site).as_posix()
        for tag in built_page(path).select(f"article [{attribute}]"):
            url = urlsplit(tag[attribute])
            if url.scheme or url.netloc or not url.path or url.path.endswith(".pdf"):
                continue  # the PDF is `make pdf`'s: browser/test_print.py follows its links
            target = site / unquote(urljoin(base, url.path)).lstrip("/")
            if target.is_dir():
                target /= "index.html"
            if not target.exists():
                missing.append(f"{base}: {tag[attribute]}")
    assert not missing


def test_every_local_link_to_a_place_on_a_page_finds_it(site: Path):
    """MkDocs checks the anchor of each link it resolves; the term engine puts its term
    links on the page finished (notes_site.linking), where MkDocs does not look. So every
    built page's links to a place on a page are checked here, term links and all."""
    places: dict[Path, set[str]] = {}  # each page's ids and <a name>s, read once

    def places_on(page: Path) -> set[str]:
        if page not in places:
            html = built_page(page)
            places[page] = {e["id"] for e in html.select("[id]")} | {a["name"] for a in html.select("a[name]")}
        return places[page]

    missing, checked = [], 0
    for path in pages(site):
        base = "/" + path.relative_to(site).as_posix()
        for tag in built_page(path).select("article a[href*='#']"):
            url = urlsplit(tag["href"])
            if url.scheme or url.netloc or not url.fragment:
                continue
            target = site / unquote(urljoin(base, url.path)).lstrip("/") if url.path else path
            target = target / "index.html" if target.is_dir() else target
            if target.suffix != ".html" or not target.is_file():
                continue  # not a page: test_every_image_and_local_link_resolves
            checked += 1
            if unquote(url.fragment) not in places_on(target):
                missing.append(f"{base}: {tag['href']}")
    assert checked
    assert not missing, f"{len(missing)} links to no such place, such as {missing[:5]}"


def test_every_figure_has_alt_text_and_opens_in_the_lightbox(site: Path):
    images = [(path, img) for path in pages(site) for img in built_page(path).select("article img")]
    figures = [(path, img) for path, img in images if "no-lightbox" not in img.get("class", [])]
    assert len(figures) >= 14  # figures 1-6 and the Markdown guide's example, each light and dark
    for _, img in images:
        assert len(img.get("alt", "")) > 10, img
    for path, img in figures:
        if path == site / "print/index.html":
            continue  # the print page is for paper: no lightbox
        assert img.find_parent("a", class_="glightbox") is not None, img
        assert "glightbox.min.js" in path.read_text()


def test_every_figure_is_written_for_both_palettes(site: Path):
    """Each drawn figure (SVG) is a pair: N.svg#only-light, then N-dark.svg#only-dark, with
    the same alt text. (A photo is written once.)"""
    pairs = 0
    for path in pages(site):
        images = [img for img in built_page(path).select("article img") if urlsplit(img["src"]).path.endswith(".svg")]
        for img in images:
            assert img["src"].endswith(("#only-light", "#only-dark")), f"{path}: {img['src']}"
        for light, dark in zip(images, images[1:]):
            if light["src"].endswith("#only-light"):
                pairs += 1
                assert dark["src"] == dark_variant(light["src"].removesuffix("#only-light")) + "#only-dark", f"{path}: {dark['src']}"
                assert dark["alt"] == light["alt"] and dark.get("class") == light.get("class")
                assert light.find_parent("p") is dark.find_parent("p")  # side by side: one figure's place
        assert sum(i["src"].endswith("#only-light") for i in images) * 2 == len(images), path
    assert pairs


def test_pages_without_figures_do_not_load_the_lightbox(site: Path):
    assert "glightbox.min.js" not in (site / "index.html").read_text()  # the title image is no figure
    assert "glightbox.min.js" not in lesson_pages(site)[7].read_text()


def test_every_page_with_a_term_link_or_an_acronym_loads_the_script_that_explains_it(site: Path):
    """Lessons 24 and 25 have acronyms and no term link: the script came with term links
    only, so a tap on "HTTPS" or "API" showed nothing. The print page keeps them as text."""
    wanting, loading = set(), set()
    for path in pages(site):
        article = built_page(path).find("article")
        if article and article.select("a.glossary-term[data-summary], abbr[title]") and not article.select("#print-site-page"):
            wanting.add(path.relative_to(site).as_posix())
        if built_page(path).select("script[src$='javascripts/term-tooltips.js']"):
            loading.add(path.relative_to(site).as_posix())
    assert loading == wanting


def test_no_list_fails_to_render(site: Path):
    """A paragraph that starts with, or has after a line break, a list marker is a broken list."""
    broken = []
    for path in pages(site):
        article = built_page(path).find("article")
        for paragraph in article.find_all("p") if article else []:
            lines = paragraph.get_text().split("\n")
            if any(LIST_MARKER.match(line) for line in lines):
                broken.append(f"{path.relative_to(site)}: {lines[0][:60]}")
    assert not broken


def test_the_home_page_links_to_every_page_of_the_menu(site: Path):
    """The home page hides the menu on a wide screen, so its own text is the way on from
    it: every page of the menu, as the menu of another page lists them, is linked from
    it (the learning path and the study data page were not)."""
    def targets(page: Path, links: list) -> set[str]:
        base = "http://site/" + f"{page.parent.relative_to(site).as_posix()}/".removeprefix("./")  # as the browser has it
        return {urljoin(base, urlsplit(a["href"]).path) for a in links if not urlsplit(a["href"]).scheme}

    glossary = site / "glossary" / "index.html"
    menu = targets(glossary, built_page(glossary).select("nav.md-nav--primary a.md-nav__link[href]")) - {"http://site/"}
    home = site / "index.html"
    linked = targets(home, built_page(home).select("article a[href]"))
    assert menu and not menu - linked, sorted(menu - linked)


def test_each_lesson_has_an_edit_link_to_its_own_file(site: Path):
    for path in lesson_pages(site).values():
        edit = built_page(path).select_one('a[title="Edit this page"]')
        assert edit["href"].endswith(f"/edit/main/docs/lessons/{path.parent.name}.md")


def test_a_page_that_only_includes_a_file_is_edited_in_that_file(site: Path):
    """docs/contributing.md is one line, `--8<-- "CONTRIBUTING.md"`: its pencil opened
    that line on GitHub, not the words the reader meant to change."""
    includes = {}
    for source in (ROOT / "docs").rglob("*.md"):
        body = re.sub(r"\A---\n.*?\n---\n", "", source.read_text(), flags=re.S).strip()
        if match := re.fullmatch(r'--8<-- "([^"]+)"', body):
            includes[source.relative_to(ROOT / "docs").with_suffix("")] = match[1]
    assert includes  # the contributing page, at least
    for page, included in includes.items():
        edit = built_page(site / page / "index.html").select_one('a[title="Edit this page"]')
        assert edit["href"].endswith(f"/edit/main/{included}"), (page, edit["href"])


def test_the_not_written_mark_in_the_menu_is_not_the_edit_pencil(site: Path):
    """Lessons 20-25 carried the pencil of "Edit this page" in the menu, which read as
    a way to edit them."""
    css = (site / "stylesheets" / "extra.css").read_text()
    status = re.search(r"--md-status--unwritten:\s*url\('data:image/svg\+xml;[^,]*,(.*?)'\)", css, re.S)
    assert status, "no icon for the status 'unwritten'"
    status_paths = set(re.findall(r'\bd="([^"]+)"', status[1]))
    edit = built_page(next(iter(lesson_pages(site).values()))).select_one('a[title="Edit this page"] svg')
    edit_paths = {path["d"] for path in edit.select("path")}
    assert status_paths and edit_paths and not status_paths & edit_paths


def test_no_page_loads_from_another_host(site: Path):
    for path in pages(site):
        for tag in built_page(path).select("script[src], link[href], img[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") not in (["stylesheet"], ["preload"], ["icon"]):
                continue
            assert not urlsplit(url).netloc, f"{path}: {url}"


def commit_all(project: Path, message: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for command in (["add", "-A"], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", message]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)


def test_last_update_is_the_last_commit_of_the_file_a_reader_sees_the_words_of(project: Path, tmp_path: Path):
    """A lesson's, from git; the contributing page's, from CONTRIBUTING.md, which it
    includes whole, where that changed later than the include line (it said a date
    some edits of its words before)."""
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    commit_all(project, "first", "2020-01-01T12:00:00Z")
    with (project / "CONTRIBUTING.md").open("a") as contributing:
        contributing.write("\nOne more line.\n")
    commit_all(project, "an edit of the guide's words", "2021-06-15T12:00:00Z")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    def date_of(page: str) -> str:
        return built_page(tmp_path / "site" / page / "index.html").select_one(".git-revision-date-localized-plugin").get_text(strip=True)

    assert date_of("lessons/06-latency-and-throughput") == "January 1, 2020"
    assert date_of("contributing") == "June 15, 2021"


def test_last_update_falls_back_without_history(project: Path, tmp_path: Path):
    result = mkdocs_build(project, tmp_path / "site")  # a copy: no git history at all
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site/lessons/06-latency-and-throughput/index.html"
    assert built_page(page).select_one(".git-revision-date-localized-plugin").get_text(strip=True)


def test_every_page_has_a_description_and_open_graph_tags(site: Path):
    descriptions = {}
    for path in pages(site):
        head = built_page(path).find("head")
        description = head.find("meta", attrs={"name": "description"})["content"]
        assert len(description) > 40, path
        assert head.find("meta", property="og:title")["content"], path
        assert head.find("meta", property="og:description")["content"] == description, path
        descriptions[path] = description
    lessons = [descriptions[p] for p in lesson_pages(site).values()]
    assert len(set(lessons)) == len(sources().lessons)  # each lesson its own
    assert "Key terms: Latency, Throughput." in descriptions[lesson_pages(site)[6]]


def notes_list_items(lesson: Lesson) -> int:
    """The list items of a lesson's "Notes from the video", counted in its source."""
    lines = lesson.body.split("\n")
    code = code_rows(lines)
    start = next((row for row, line in enumerate(lines) if line.strip() == f"## {NOTES}"), len(lines))
    return sum(1 for row in range(start, len(lines)) if not code[row] and LIST_MARKER.match(lines[row]))


def notes_toc_entries(page: Path) -> list[str]:
    """The entries of the page's table of contents under "Notes from the video"."""
    toc = built_page(page).select_one("nav.md-nav--secondary")
    notes = next(a for a in toc.select("a.md-nav__link") if a.get_text(strip=True) == NOTES)
    nested = notes.find_parent("li").find("nav")
    return [a.get_text(strip=True) for a in nested.select("a.md-nav__link")] if nested else []


def test_long_notes_have_headings_in_the_table_of_contents(site: Path):
    pages = lesson_pages(site)
    long = [lesson for lesson in sources().lessons if not lesson.unwritten and notes_list_items(lesson) > LONG_NOTES]
    assert len(long) >= 3  # the rule has lessons to hold: the counts come from the sources
    thin = {lesson.number: notes_toc_entries(pages[lesson.number]) for lesson in long}
    assert {number: entries for number, entries in thin.items() if len(entries) < 3} == {}


def test_every_written_lesson_has_its_notes_section(site: Path):
    """Lessons without terms too: their notes sit under "Notes from the video"."""
    for lesson in sources().lessons:
        if not lesson.unwritten:
            assert f"\n## {NOTES}\n" in lesson.body, lesson.path
            assert NOTES in [h.get_text(strip=True).rstrip("¶") for h in built_page(lesson_pages(site)[lesson.number]).select("article h2")]


def test_the_search_worker_is_one_file(site: Path):
    """The hook puts Material's worker into ours: search starts without a second fetch."""
    worker = (site / "javascripts/search-worker.js").read_text()
    assert "importScripts(new URL" not in worker and "QueryLexer" in worker


def test_the_404_page_leads_home_and_to_search_on_a_project_sites_path(project: Path, tmp_path: Path):
    """GitHub Pages serves a project site under its name, and the 404 page at any depth:
    its links lost the path's leading "/", so "Go to the home page" and its search led
    to another missing page below the one asked for."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.github.io/systemsexpert-notes/"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project, env=env, capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "404.html").read_text()
    assert 'action="/systemsexpert-notes/"' in page
    assert '<a href="/systemsexpert-notes/">Go to the home page</a>' in page
    assert '<a href="/systemsexpert-notes/glossary/">glossary</a>' in page
