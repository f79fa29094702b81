"""Figures drawn twice, for the light and the dark palette (Material's ``#only-light``
and ``#only-dark``), each in its own lightbox gallery: "next" in the lightbox stays
on the figures the reader sees. And each figure's own size on its ``<img>``, so that
the page keeps its room before it loads: no text moves when it arrives."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path, PurePosixPath

PALETTES = ("light", "dark")
SVG_TAG = re.compile(r"<svg\b[^>]*>")
ATTRIBUTE = re.compile(r'\s([\w:-]+)="([^"]*)"')
PIXELS = re.compile(r"(\d+(?:\.\d+)?)(?:px)?")
Size = tuple[str, str]  # width and height, in whole CSS pixels (as HTML's attributes take them)


def group_by_palette(root: etree.Element) -> None:
    for image in root.iter("img"):
        for palette in PALETTES:
            if image.get("src", "").endswith(f"#only-{palette}"):
                image.set("data-gallery", palette)


def with_sizes(root: etree.Element, size_of: Callable[[str], Size | None]) -> None:
    """Each image that has no width or height gets ``size_of(src)``, if known."""
    for image in root.iter("img"):
        if image.get("width") is None and image.get("height") is None and (size := size_of(image.get("src", ""))):
            image.set("width", size[0])
            image.set("height", size[1])


def file_size(docs_dir: str, page_folder: str, src: str) -> Size | None:
    """The size of the SVG file that ``src`` names on a page in ``page_folder`` of the
    docs: None for another site's file, one outside the docs, or no SVG in pixels."""
    path = src.split("#")[0].split("?")[0]
    if not path.endswith(".svg") or "://" in path or path.startswith(("/", "data:")):
        return None
    inside = os.path.normpath(PurePosixPath(page_folder) / path)
    if inside.startswith(".."):
        return None
    file = Path(docs_dir) / inside
    try:
        return svg_size(str(file), file.stat().st_mtime_ns)
    except OSError:
        return None  # MkDocs names a missing image itself


@lru_cache(maxsize=256)
def svg_size(file: str, mtime_ns: int) -> Size | None:
    """The width and height on an SVG file's root, in pixels (read again when it changes)."""
    with open(file, encoding="utf-8", errors="replace") as opened:
        tag = SVG_TAG.search(opened.read(4096))
    attributes = dict(ATTRIBUTE.findall(tag.group(0))) if tag else {}
    sizes = [PIXELS.fullmatch(attributes.get(name, "")) for name in ("width", "height")]
    return (str(round(float(sizes[0].group(1)))), str(round(float(sizes[1].group(1))))) if sizes[0] and sizes[1] else None
