"""How much of each lesson's text sits under one heading, on the built site.

    python scripts/heading_shares.py SITE_DIR

A page's article is cut at every heading (h1 to h4): the text from one heading to the
next, the heading's own words included, belongs to that heading.  A lesson
whose text is mostly under one heading cannot be navigated from its table of contents.
For each written lesson it prints the largest share, the heading that holds it, and the
number of entries the table of contents has under "Notes from the video".
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from notes_site.catalog import load

HEADINGS = ("h1", "h2", "h3", "h4")
NOTES = "Notes from the video"


def heading_text(tag: Tag) -> str:
    return tag.get_text(" ", strip=True).rstrip("¶").strip()


def shares(page: Path) -> dict[str, int]:
    """Words of the article under each heading (duplicate headings keep their order)."""
    article = BeautifulSoup(page.read_text(), "html.parser").find("article")
    words: dict[str, int] = {}
    current = "(title)"
    for node in article.descendants:
        if isinstance(node, Tag) and node.name in HEADINGS:
            current = heading_text(node)
            while current in words:
                current += " "
            words[current] = len(current.split())  # a heading's words count as its section's
        elif isinstance(node, NavigableString) and not node.find_parent(HEADINGS):
            if node.find_parent(["script", "style"]) or node.find_parent(class_="md-source-file"):
                continue
            words[current] = words.get(current, 0) + len(node.split())
    return words


def notes_toc_entries(page: Path) -> int:
    """Entries of the page's table of contents nested under "Notes from the video"."""
    toc = BeautifulSoup(page.read_text(), "html.parser").select_one("nav.md-nav--secondary")
    for link in toc.select("a.md-nav__link") if toc else []:
        if link.get_text(strip=True) == NOTES:
            nested = link.find_parent("li").find("nav")
            return len(nested.select("a.md-nav__link")) if nested else 0
    return 0


def main(site: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    written = {lesson.path[8:-3] for lesson in load(str(root / "docs"), "lessons", "glossary.md").lessons if not lesson.unwritten}
    print(f"{'lesson':<40} {'words':>6} {'largest':>8}  {'toc':>3}  heading")
    for page in sorted((site / "lessons").glob("*/index.html")):
        if page.parent.name not in written:
            continue
        words = shares(page)
        total = sum(words.values())
        heading, largest = max(words.items(), key=lambda item: item[1])
        print(f"{page.parent.name:<40} {total:>6} {largest / total:>8.0%}  {notes_toc_entries(page):>3}  {heading.strip()}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
