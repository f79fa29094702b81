"""Draw the app icons of docs/icons/ from the site's logo: `make icons`.

The logo is the one Material shows in the header (mkdocs.yml's `theme.icon.logo`, by
default Material's `material/library`), white on the palette's primary colour (the
manifest's theme colour). Chromium draws each PNG from that SVG, so the icons are
committed, with this script as their source, and `make build` needs no image library.

- icon-192.png, icon-512.png: a rounded square, for launchers that show the icon as is;
- icon-maskable-512.png: full bleed, the logo inside the middle 60% (the maskable safe
  zone is the centred circle of 80%), for launchers that cut their own shape;
- apple-touch-icon.png (180 px): full bleed, iOS rounds the corners itself.

    python scripts/draw_icons.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

from chromium import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "docs" / "icons"
MANIFEST = ROOT / "docs" / "manifest.webmanifest"
# name -> (size in px, corner radius and logo size as shares of the size)
DRAWN = {
    "icon-192.png": (192, 0.2, 0.62),
    "icon-512.png": (512, 0.2, 0.62),
    "icon-maskable-512.png": (512, 0.0, 0.5),
    "apple-touch-icon.png": (180, 0.0, 0.62),
}


def logo_path(icon: str) -> str:
    """The path data of a Material icon (`material/library`), as Material inlines it."""
    svg = (Path(material.__file__).parent / "templates" / ".icons" / f"{icon}.svg").read_text()
    return " ".join(re.findall(r'<path d="([^"]+)"', svg))


def icon_svg(path: str, size: int, radius: float, logo: float, colour: str) -> str:
    """The logo, white, centred on a square of the colour (24 is Material's viewBox)."""
    scale = size * logo / 24
    offset = (size - 24 * scale) / 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" rx="{size * radius:g}" fill="{colour}"/>'
        f'<path transform="translate({offset:g} {offset:g}) scale({scale:g})" fill="#ffffff" d="{path}"/></svg>'
    )


def main() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    path = logo_path(config.theme.get("icon", {}).get("logo") or "material/library")
    colour = json.loads(MANIFEST.read_text())["theme_color"]
    ICONS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, (size, radius, logo) in DRAWN.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f'<body style="margin:0">{icon_svg(path, size, radius, logo, colour)}</body>')
            page.locator("svg").screenshot(path=str(ICONS / name), omit_background=True)
            page.close()
            print(f"Wrote {ICONS / name}")
        browser.close()


if __name__ == "__main__":
    main()
