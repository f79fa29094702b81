"""scripts/draw_ring_figures.py: the ring figures follow the clockwise rule and are up to date."""

import re
import subprocess
import sys
from pathlib import Path

from draw_ring_figures import CLIENTS, PHOTOS, drawings, figures, route
from figure_palette import DARK, LIGHT, dark_variant

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "draw_ring_figures.py"
COLOUR = re.compile(r"#[0-9a-f]{6}")


def routes(number: str) -> dict[str, str]:
    _, points = figures()[number]
    return {client: route(angle, points).server for client, angle in CLIENTS.items()}


def test_each_figure_tells_the_story_of_its_paragraph():
    assert routes("2") == {"1": "B", "2": "C", "3": "D", "4": "A"}
    assert routes("3")["2"] == "D"  # server C removed: client 2 goes on to D
    assert routes("4")["1"] == "E"  # server E added: client 1 now goes to E
    _, five = figures()["5"]
    _, six = figures()["6"]
    assert all(sum(p.server == s for p in five) == 3 for s in "ABCD")
    assert sum(p.server == "A" for p in six) == 6
    assert list(routes("6").values()).count("A") > list(routes("5").values()).count("A")


def test_the_clockwise_rule_wraps_around_the_top():
    _, points = figures()["2"]
    assert route(359.0, points).server == "A"


def test_each_figure_is_drawn_on_both_palettes_the_same_way():
    files = drawings()
    for number in figures():
        light, dark = files[PHOTOS / f"{number}.svg"], files[PHOTOS / dark_variant(f"{number}.svg")]
        assert set(COLOUR.findall(light)) <= set(LIGHT.values())
        assert set(COLOUR.findall(dark)) <= set(DARK.values())
        # the same drawing: only the colours differ, role for role
        to_dark = {LIGHT[role]: DARK[role] for role in LIGHT}
        assert COLOUR.sub(lambda m: to_dark[m.group()], light) == dark


def test_regenerating_gives_the_committed_files():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
