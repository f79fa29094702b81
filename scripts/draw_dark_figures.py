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

import re
import sys
from pathlib import Path

from draw_ring_figures import drawings as ring_drawings
from figure_files import PHOTOS, write_or_check
from figure_palette import DARK, LIGHT, dark_variant

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
    return write_or_check(drawings, "scripts/draw_dark_figures.py", __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
