"""The colours of the figures in docs/photos/: one palette for the light page, one for the dark.

A figure is drawn twice, N.svg on the light palette and N-dark.svg on the dark one, and a
page shows the one that matches Material's palette (`#only-light` / `#only-dark`). The
same colour has the same role in both: `paper` is the page's own background (white, and
Material's slate), `ink` and `muted` are text, the accents mark the servers and the boxes,
and each `-tint` fills a box whose text is `ink`.

Used by scripts/draw_ring_figures.py, which draws both variants, and by
scripts/draw_dark_figures.py, which recolours the hand-drawn figures.
"""

from __future__ import annotations

LIGHT = {
    "paper": "#ffffff",
    "ink": "#1f2328",
    "muted": "#57606a",
    "blue": "#1f6feb",
    "orange": "#c2410c",
    "green": "#15803d",
    "purple": "#7e22ce",
    "red": "#b91c1c",
    "blue-tint": "#ddf4ff",
    "orange-tint": "#fff1e5",
    "green-tint": "#dafbe1",
    "purple-tint": "#fbefff",
}

DARK = {
    "paper": "#1e2129",  # Material's slate background, hsl(225, 15%, 14%)
    "ink": "#e2e4e9",
    "muted": "#9ba1ad",
    "blue": "#58a6ff",
    "orange": "#f0883e",
    "green": "#3fb950",
    "purple": "#bc8cff",
    "red": "#ff7b72",
    "blue-tint": "#132840",
    "orange-tint": "#3a2415",
    "green-tint": "#11301d",
    "purple-tint": "#2b1d45",
}

ACCENTS = ("blue", "orange", "green", "purple", "red")
TINTED = ("blue", "orange", "green", "purple")

# (text, background) pairs the figures use: ink and muted on paper, paper-coloured
# letters on an accent (the ring's servers), accents on paper (arrows), ink on a tint.
TEXT_PAIRS = (
    [("ink", "paper"), ("muted", "paper")]
    + [("paper", accent) for accent in ACCENTS]
    + [(accent, "paper") for accent in ACCENTS]
    + [("ink", f"{accent}-tint") for accent in TINTED]
)


def dark_variant(name: str) -> str:
    """The file name of a figure's dark variant: 2.svg -> 2-dark.svg."""
    stem, _, extension = name.rpartition(".")
    return f"{stem}-dark.{extension}"
