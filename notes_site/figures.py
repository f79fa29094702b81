"""Figures drawn twice, for the light and the dark palette (Material's ``#only-light``
and ``#only-dark``), each in its own lightbox gallery: "next" in the lightbox stays
on the figures the reader sees."""

from __future__ import annotations

import xml.etree.ElementTree as etree

PALETTES = ("light", "dark")


def group_by_palette(root: etree.Element) -> None:
    for image in root.iter("img"):
        for palette in PALETTES:
            if image.get("src", "").endswith(f"#only-{palette}"):
                image.set("data-gallery", palette)
