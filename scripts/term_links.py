"""Every term link and acronym of the built lessons, one line each, for review.

    python scripts/term_links.py SITE_DIR            print them
    python scripts/term_links.py SITE_DIR --write    rewrite tests/snapshots/term-links.txt

A line is the lesson, a few words around the mention, and where it leads:

    08  from the [cache] instead of  -> cache

tests/test_term_links.py compares the built site with the committed file, so a
change to the linking shows in a pull request as a diff of this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup, Tag

SNAPSHOT = Path(__file__).resolve().parent.parent / "tests" / "snapshots" / "term-links.txt"
HEADER = (
    "# Every term link and acronym on the lesson pages: lesson, context, target.\n"
    "# Made by `make snapshot`; review its diff like any other change.\n"
)
BLOCKS = ["p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "summary"]
WORDS = 4


def term_links(site: Path) -> list[str]:
    lines = []
    for page in sorted((site / "lessons").glob("*/index.html")):
        article = BeautifulSoup(page.read_text(), "html.parser").find("article")
        for mark in article.select("a.glossary-term, abbr"):
            lines.append(f"{page.parent.name[:2]}  {context(mark)}  -> {target(mark)}")
    return lines


def target(mark: Tag) -> str:
    if mark.name == "abbr":
        return f'abbr "{mark["title"]}"'
    return mark["href"].split("#", 1)[1]


def context(mark: Tag) -> str:
    """A few words either side of the mention, from its own paragraph or list item."""
    block = mark.find_parent(BLOCKS)
    outer = block.find_parent(["ul", "ol"])
    parts: dict[str, list[str]] = {"before": [], "mention": [], "after": []}
    place = "before"
    for text in block.find_all(string=True):
        if text.find_parent(["ul", "ol"]) is not outer:
            continue  # a nested list: its own items
        if mark in text.parents:
            place = "mention"
        elif place == "mention":
            place = "after"
        parts[place].append(text)
    before, mention, after = ("".join(parts[key]) for key in parts)
    left = " ".join(before.split()[-WORDS:]) + (" " if before[-1:].isspace() else "")
    right = (" " if after[:1].isspace() else "") + " ".join(after.split()[:WORDS])
    return f"{left}[{' '.join(mention.split())}]{right}".strip()


def render(lines: list[str]) -> str:
    return HEADER + "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2 or argv[1:] not in ([], ["--write"]):
        print(__doc__, file=sys.stderr)
        return 2
    text = render(term_links(Path(argv[0])))
    if argv[1:] == ["--write"]:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(text)
        print(f"{SNAPSHOT.relative_to(Path.cwd()) if SNAPSHOT.is_relative_to(Path.cwd()) else SNAPSHOT}: {text.count(chr(10)) - 2} marks")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
