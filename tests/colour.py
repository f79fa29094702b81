"""Colours as the browser computes them, and WCAG's contrast ratio between two."""

from __future__ import annotations


def channels(color: str) -> list[float]:
    """rgb(), rgba() or color(srgb …) (a color-mix()) as computed by the browser: red,
    green, blue 0-255, alpha 0-1."""
    inside = color[color.index("(") + 1 : color.index(")")]
    if color.startswith("color(srgb"):
        rgb, _, alpha = inside.removeprefix("srgb").partition("/")
        return [float(c) * 255 for c in rgb.split()] + [float(alpha or 1)]
    values = [float(c) for c in inside.split(",")]
    return values + [1.0] * (4 - len(values))


def luminance(rgb: str, under: str = "rgb(255, 255, 255)") -> float:
    """Of the colour as seen on the opaque colour `under` it."""
    *top, alpha = channels(rgb)
    seen = [alpha * c + (1 - alpha) * b for c, b in zip(top, channels(under)[:3])]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in seen)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """Of colour a drawn on the opaque colour b (WCAG's ratio)."""
    light, dark = sorted((luminance(a, b), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
