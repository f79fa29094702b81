"""Where each lesson is listed outside its own file follows whether it is written: the
nav, the home page and the "write a lesson" issue form. A contributor who writes
Lesson 20 is told each place to change (CONTRIBUTING.md, "A lesson not written yet"),
which the build cannot see."""

from __future__ import annotations

import re

import yaml

from support import ROOT, sources

UNWRITTEN_SECTION = "Not written yet"  # its name in the nav and its heading on the home page
HOME = ROOT / "docs" / "index.md"
LESSON_LINK = re.compile(r"\]\((lessons/[^)#]+\.md)\)")


def lessons(written: bool) -> set[str]:
    return {lesson.path for lesson in sources().lessons if lesson.unwritten != written}


def nav() -> list:
    """mkdocs.yml's nav (its !ENV tags read as nothing)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=loader)["nav"]


def home_section(heading: str) -> str:
    """The home page's text under a '###' heading, up to the next heading."""
    text = HOME.read_text()
    start = text.index(f"\n### {heading}\n")
    end = re.compile(r"^#{1,3} ", re.M).search(text, start + 1 + len(heading) + 5)
    return text[start : end.start() if end else len(text)]


def test_the_navs_not_written_yet_section_holds_the_unwritten_lessons_and_only_them():
    sections = {name: pages for item in nav() if isinstance(item, dict) for name, pages in item.items()}
    listed = set(sections[UNWRITTEN_SECTION])
    assert listed == lessons(written=False), (
        f"mkdocs.yml, nav: '{UNWRITTEN_SECTION}' lists {sorted(listed - lessons(written=False))} (written: move each into "
        f"its section) and misses {sorted(lessons(written=False) - listed)}"
    )


def test_the_home_page_has_a_card_for_each_written_lesson_and_names_the_unwritten_ones():
    text = HOME.read_text()
    unwritten_part = home_section(UNWRITTEN_SECTION)
    cards = set(LESSON_LINK.findall(text.replace(unwritten_part, "")))
    assert cards == lessons(written=True), (
        f"docs/index.md: give each written lesson a card, as the others have: missing {sorted(lessons(written=True) - cards)}, "
        f"not written {sorted(cards - lessons(written=True))}"
    )
    named = set(LESSON_LINK.findall(unwritten_part))
    assert named == lessons(written=False), (
        f"docs/index.md, '### {UNWRITTEN_SECTION}': take out {sorted(named - lessons(written=False))}, "
        f"add {sorted(lessons(written=False) - named)}"
    )


def test_the_write_a_lesson_form_offers_the_unwritten_lessons():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "write-a-lesson.yml").read_text())
    offered = next(item["attributes"]["options"] for item in form["body"] if item.get("type") == "dropdown")
    unwritten = [f"{lesson.number}: {lesson.title}" for lesson in sources().lessons if lesson.unwritten]
    assert offered == unwritten, ".github/ISSUE_TEMPLATE/write-a-lesson.yml: its lesson's options are the lessons not written yet"
