"""The figures' two palettes, and scripts/draw_dark_figures.py: every figure has a dark
variant, drawn from it, up to date; text on both palettes is readable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from draw_dark_figures import PHOTOS, hand_drawn, recolour
from figure_palette import DARK, LIGHT, TEXT_PAIRS, dark_variant

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "draw_dark_figures.py"


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_both_palettes_have_the_same_roles_and_light_and_dark_paper():
    assert LIGHT.keys() == DARK.keys()
    assert len(set(LIGHT.values())) == len(LIGHT) and len(set(DARK.values())) == len(DARK)
    assert luminance(LIGHT["paper"]) > 0.9 and luminance(DARK["paper"]) < 0.05


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_text_on_either_palette_reaches_4_5_to_1(palette: dict[str, str]):
    low = {f"{text} on {ground}": round(contrast(palette[text], palette[ground]), 2) for text, ground in TEXT_PAIRS}
    assert {pair: ratio for pair, ratio in low.items() if ratio < 4.5} == {}


def test_every_figure_has_a_dark_variant():
    light = [p for p in PHOTOS.glob("*.svg") if not p.name.endswith("-dark.svg")]
    assert light and hand_drawn()  # the ring figures, and at least one drawn by hand
    assert [p.name for p in light if not (PHOTOS / dark_variant(p.name)).exists()] == []


def test_a_colour_outside_the_palette_is_refused_by_name():
    with pytest.raises(ValueError, match=r"new\.svg: colours not in scripts/figure_palette\.py: #123456"):
        recolour('<rect fill="#ffffff" stroke="#123456"/>', "new.svg")
    assert recolour('<rect fill="#FFFFFF"/>', "new.svg") == f'<rect fill="{DARK["paper"]}"/>'


def test_regenerating_gives_the_committed_files():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
