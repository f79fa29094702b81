"""Every term link and acronym of the built lessons is the reviewed one.

tests/snapshots/term-links.txt lists them all (lesson, context, target). A change to
the lessons or the linking that moves a link fails here until `make snapshot`
rewrites the file; the pull request then shows the change as a diff to review.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from term_links import SNAPSHOT, render, term_links


# The built one, where they differ: CI keeps it as the artifact "term-links" (.github/workflows/ci.yml).
BUILT_SNAPSHOT = Path(__file__).parent / "artifacts" / "term-links.txt"


def test_the_term_links_are_the_reviewed_snapshot(site: Path):
    built, reviewed = render(term_links(site)), SNAPSHOT.read_text()
    diff = "".join(difflib.unified_diff(reviewed.splitlines(True), built.splitlines(True), "reviewed", "built"))
    BUILT_SNAPSHOT.unlink(missing_ok=True)
    if built != reviewed:
        BUILT_SNAPSHOT.parent.mkdir(exist_ok=True)
        BUILT_SNAPSHOT.write_text(built)
    assert built == reviewed, (
        "The term links changed: run `make snapshot` and review its diff. With no setup of your own (an edit made on "
        "GitHub), download the artifact 'term-links' of this CI run (its Summary page) and commit its file as "
        f"tests/snapshots/term-links.txt.\n{diff}"
    )
