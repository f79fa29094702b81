"""Seconds of one `mkdocs build` spent in the term engine's own code, for the scale row
of `make bench`: its catalog, its blocks (the glossary, the flashcards, the learning
path) and its term links. The rest of what the engine adds to a build is other code's
work on what it puts on the pages: Markdown, the search and print plugins, the theme.

    python scripts/engine_time.py [mkdocs build options]   (in the project's folder)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

import markdown  # noqa: F401  imported by MkDocs anyway: not the engine's time
from mkdocs.__main__ import cli

# The engine of the project being built, as `python -m mkdocs` there imports it (this
# script's own folder comes first otherwise, and the installed copy after it).
sys.path.insert(0, os.getcwd())
started = time.perf_counter()
from notes_site import extension  # noqa: E402  the engine's own imports are its time

spent = time.perf_counter() - started
depth = 0  # calls of the engine's entry points under way: time only the outermost


def timed(owner: Any, name: str) -> None:
    function: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global spent, depth
        depth += 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            depth -= 1
            if not depth:
                spent += time.perf_counter() - start

    setattr(owner, name, wrapper)


# Where MkDocs and its hook call into the engine.
for owner, name in (
    (extension, "load"),  # the catalog, which extension.catalog_of and the hook ask for
    (extension.PagePreprocessor, "run"),  # the blocks, and a lesson's lines under its title
    (extension.TermTreeprocessor, "run"),  # the term links
    (extension.FigureTreeprocessor, "run"),
):
    timed(owner, name)

if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        cli(["build", "--quiet", *sys.argv[1:]])
    except SystemExit as done:
        if done.code:
            raise
    print(f"{spent:.3f}")
