"""Draw the consistent-hashing ring figures of Lesson 11 (docs/photos/2.svg to 6.svg).

Points are placed on the ring by angle, and every client is routed by the
clockwise rule, so the arrows in the pictures are right by construction.
Each figure is drawn on both palettes of scripts/figure_palette.py: N.svg for the
light page and N-dark.svg for the dark one.

    python scripts/draw_ring_figures.py          # write the figures
    python scripts/draw_ring_figures.py --check  # fail if a committed figure differs
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

from figure_files import PHOTOS, write_or_check
from figure_palette import DARK, LIGHT, dark_variant


# Angles in degrees, clockwise from the top of the ring.
SERVERS = {"A": 20.0, "B": 110.0, "C": 200.0, "D": 290.0}
CLIENTS = {"1": 60.0, "2": 160.0, "3": 250.0, "4": 335.0}
NEW_SERVER_E = 85.0  # lands between client 1 and server B
# Where the further hash functions put each server (figure 5), and more of them for A (figure 6).
THREE_EACH = {"A": (140.0, 265.0), "B": (230.0, 350.0), "C": (90.0, 310.0), "D": (40.0, 185.0)}
MORE_FOR_A = {**THREE_EACH, "A": (5.0, 74.0, 140.0, 215.0, 265.0)}

# Each server's colour, a role of the palette.
COLOURS = {"A": "blue", "B": "orange", "C": "green", "D": "purple", "E": "red"}
SIZE, CENTRE, RADIUS = 440, 220, 150
# Text sizes, in the figure's units: at 320 px a figure is shown 288 px wide, where 17
# units are 11 px (tests/browser/test_figures.py).
TEXT, TITLE_TEXT = 17, 20


@dataclass(frozen=True)
class Point:
    """A server's position on the ring: one server may own several points."""

    server: str
    angle: float


# --- The ring -----------------------------------------------------------------


def single_points(servers: dict[str, float]) -> list[Point]:
    return [Point(name, angle) for name, angle in servers.items()]


def replicated_points(extra: dict[str, tuple[float, ...]]) -> list[Point]:
    """Each server at its own angle plus one point for every further hash function."""
    points = single_points(SERVERS)
    for name, angles in extra.items():
        points += [Point(name, angle) for angle in angles]
    return points


def route(client_angle: float, points: list[Point]) -> Point:
    """The clockwise rule: a client goes to the first point at or after its own angle."""
    return min(points, key=lambda p: (p.angle - client_angle) % 360)


# --- The figures ---------------------------------------------------------------


def figures() -> dict[str, tuple[str, list[Point]]]:
    with_e = {**SERVERS, "E": NEW_SERVER_E}
    without_c = {name: angle for name, angle in SERVERS.items() if name != "C"}
    return {
        "2": ("Servers and clients on the ring", single_points(SERVERS)),
        "3": ("Server C removed: client 2 moves to D", single_points(without_c)),
        "4": ("Server E added: client 1 moves to E", single_points(with_e)),
        "5": ("Each server at 3 points", replicated_points(THREE_EACH)),
        "6": ("A more powerful server A gets 6 points", replicated_points(MORE_FOR_A)),
    }


def xy(angle: float, radius: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return CENTRE + radius * math.sin(rad), CENTRE - radius * math.cos(rad)


def fmt(value: float) -> str:
    return f"{value:.1f}"


def render(title: str, points: list[Point], palette: dict[str, str]) -> str:
    ink, muted, paper = palette["ink"], palette["muted"], palette["paper"]
    colours = {server: palette[role] for server, role in COLOURS.items()}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE + 40}" '
        f'width="{SIZE}" height="{SIZE + 40}" role="img" font-family="system-ui, sans-serif">',
        f"<title>{title}</title>",
        f'<rect width="100%" height="100%" rx="12" fill="{paper}"/>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="context-stroke"/></marker></defs>',
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{RADIUS}" fill="none" stroke="{muted}" '
        'stroke-width="2"/>',
    ]
    for name, angle in CLIENTS.items():
        target = route(angle, points)
        colour = colours[target.server]
        sweep = (target.angle - angle) % 360
        start, end = xy(angle + 3, RADIUS + 28), xy(angle + sweep - 3, RADIUS + 28)
        large = 1 if sweep > 180 else 0
        parts.append(
            f'<path d="M{fmt(start[0])},{fmt(start[1])} A{RADIUS + 28},{RADIUS + 28} 0 '
            f'{large} 1 {fmt(end[0])},{fmt(end[1])}" fill="none" stroke="{colour}" '
            'stroke-width="2.5" marker-end="url(#arrow)"/>'
        )
        cx, cy = xy(angle, RADIUS)
        parts.append(
            f'<rect x="{fmt(cx - 14)}" y="{fmt(cy - 14)}" width="28" height="28" rx="4" '
            f'fill="{paper}" stroke="{ink}" stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{fmt(cx)}" y="{fmt(cy + 6)}" text-anchor="middle" font-size="{TEXT}" '
            f'fill="{ink}">{name}</text>'
        )
    for point in points:
        px, py = xy(point.angle, RADIUS)
        parts.append(
            f'<circle cx="{fmt(px)}" cy="{fmt(py)}" r="16" fill="{colours[point.server]}"/>'
        )
        parts.append(
            f'<text x="{fmt(px)}" y="{fmt(py + 6)}" text-anchor="middle" font-size="{TEXT}" '
            f'font-weight="bold" fill="{paper}">{point.server}</text>'
        )
    parts.append(
        f'<text x="{CENTRE}" y="{CENTRE - 16}" text-anchor="middle" font-size="{TEXT}" '
        f'fill="{ink}">clockwise</text>'
    )
    for row, line in enumerate(("circles: servers", "squares: clients")):  # two lines: one is too wide for the ring
        parts.append(
            f'<text x="{CENTRE}" y="{CENTRE + 14 + row * 22}" text-anchor="middle" font-size="{TEXT}" '
            f'fill="{muted}">{line}</text>'
        )
    parts.append(
        f'<text x="{CENTRE}" y="{SIZE + 24}" text-anchor="middle" font-size="{TITLE_TEXT}" '
        f'fill="{ink}">{title}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# --- Command line ----------------------------------------------------------------


def drawings() -> dict[Path, str]:
    """Every file this script writes, light and dark, with its content."""
    files = {}
    for number, (title, points) in figures().items():
        files[PHOTOS / f"{number}.svg"] = render(title, points, LIGHT)
        files[PHOTOS / dark_variant(f"{number}.svg")] = render(title, points, DARK)
    return files


def main() -> int:
    return write_or_check(drawings, "scripts/draw_ring_figures.py", __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
