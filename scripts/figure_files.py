"""Where the drawn figures live, and the command line the drawing scripts share:
write the files, or with --check fail naming those that differ from their drawing."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

PHOTOS = Path(__file__).resolve().parent.parent / "docs" / "photos"


def write_or_check(drawings: Callable[[], dict[Path, str]], script: str, description: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    try:
        files = drawings()
    except ValueError as error:  # a drawing that cannot be made, said in one line
        print(error)
        return 1
    stale = []
    for path, svg in files.items():
        if args.check:
            if not path.exists() or path.read_text() != svg:
                stale.append(str(path))
        else:
            path.write_text(svg)
    if stale:
        print(f"out of date, run {script}:", *stale, sep="\n  ")
        return 1
    return 0
