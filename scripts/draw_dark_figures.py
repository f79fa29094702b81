"""Draw the dark variant of each hand-drawn figure in docs/photos/ (1.svg -> 1-dark.svg).

A hand-drawn figure uses the light palette of scripts/figure_palette.py only; its dark
variant is the same drawing with every colour swapped for the same role's dark colour.
A colour that is not in the palette stops the script, naming the file: add the colour's
role to both palettes rather than guess its dark twin. The ring figures of Lesson 11 are
not hand-drawn: scripts/draw_ring_figures.py draws both of their variants.

    python scripts/draw_dark_figures.py          # write the dark variants
    python scripts/draw_dark_figures.py --check  # fail if a committed variant differs
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from draw_ring_figures import drawings as ring_drawings
from figure_palette import DARK, LIGHT, dark_variant

PHOTOS = Path(__file__).resolve().parent.parent / "docs" / "photos"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
TO_DARK = {LIGHT[role].lower(): DARK[role] for role in LIGHT}


def hand_drawn() -> list[Path]:
    """The light SVG figures that no script draws."""
    drawn = set(ring_drawings())
    return sorted(
        path
        for path in PHOTOS.glob("*.svg")
        if not path.name.endswith("-dark.svg") and path not in drawn
    )


def recolour(svg: str, name: str) -> str:
    unknown = sorted({c for c in COLOUR.findall(svg) if c.lower() not in TO_DARK})
    if unknown:
        raise ValueError(f"{name}: colours not in scripts/figure_palette.py: {', '.join(unknown)}")
    return COLOUR.sub(lambda match: TO_DARK[match.group().lower()], svg)


def drawings() -> dict[Path, str]:
    return {PHOTOS / dark_variant(path.name): recolour(path.read_text(), path.name) for path in hand_drawn()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    try:
        files = drawings()
    except ValueError as error:
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
        print("out of date, run scripts/draw_dark_figures.py:", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
