"""Figures as a reader sees them in Chromium: as wide as the content on a phone however deep
their bullet, readable labels, the page's own palette (light or dark, by the system or by the
toggle), room for the words of a deep bullet, and a lightbox that fits them to the screen.

The figures and pages are found on the built site (every `article img`), never listed here."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from draw_ring_figures import drawings as ring_drawings

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SVG = "{http://www.w3.org/2000/svg}"


@cache
def figure_pages(site: Path) -> list[str]:
    """The address of every page with an image in its article."""
    return sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if BeautifulSoup(path.read_text(), "html.parser").select("article img")
    )


def lightbox_figures(site: Path, path: str) -> int:
    """How many images of a page open in the lightbox (each palette's variant counts)."""
    return len(BeautifulSoup((site / path.lstrip("/") / "index.html").read_text(), "html.parser").select("article a.glightbox img"))


def lightbox_pages(site: Path) -> list[str]:
    """Pages whose figures open in the lightbox: they load its script (the print page
    keeps the figures' links but is for paper)."""
    def loads_lightbox(path: str) -> bool:
        return "glightbox.min.js" in (site / path.lstrip("/") / "index.html").read_text()
    return [path for path in figure_pages(site) if lightbox_figures(site, path) and loads_lightbox(path)]


@cache
def deep_list_pages(site: Path, depth: int) -> list[str]:
    """Pages with a list item `depth` lists deep."""
    pages = []
    for path in site.rglob("*.html"):
        article = BeautifulSoup(path.read_text(), "html.parser").find("article")
        if article and any(len(li.find_parents(["ul", "ol"])) >= depth for li in article.find_all("li")):
            pages.append("/" + path.relative_to(site).as_posix().removesuffix("index.html"))
    return sorted(pages)


# What the page shows of its figures: each visible `article img`, where it sits and how wide.
SHOWN = """() => {
  const article = document.querySelector('article');
  const style = getComputedStyle(article);
  const left = article.getBoundingClientRect().left + parseFloat(style.paddingLeft);
  const content = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [...article.querySelectorAll('img')].filter(img => img.offsetWidth > 0).map(img => {
    const box = img.getBoundingClientRect();
    return {src: img.getAttribute('src'), inList: !!img.closest('li'), left: box.left - left,
            width: box.width, natural: img.naturalWidth, content};
  });
}"""


def shown(page: Page) -> list[dict]:
    page.wait_for_function("[...document.querySelectorAll('article img')].every(i => i.complete)")
    return page.evaluate(SHOWN)


def light_figures(site: Path, path: str) -> list[str]:
    """The file of each figure a page shows on the light palette, from its HTML: one variant
    of each drawn figure (not `#only-dark`), every photo; none folded in a <details>."""
    article = BeautifulSoup((site / path.lstrip("/") / "index.html").read_text(), "html.parser").find("article")
    return sorted(
        file_name(img["src"]) for img in article.select("img")
        if not img["src"].endswith("#only-dark") and not img.find_parent("details") and not img.find_parent(hidden=True)
    )


def file_name(src: str) -> str:
    return urlsplit(src).path.rsplit("/", 1)[-1]


# --- Widths on a phone -------------------------------------------------------------------


def test_on_a_phone_a_figure_in_a_list_is_as_wide_as_the_content(server, site, browser: Browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    in_lists = []
    for path in figure_pages(site):
        page.goto(server + path)
        figures = shown(page)
        assert sorted(file_name(figure["src"]) for figure in figures) == light_figures(site, path), path
        for figure in figures:
            assert -1 <= figure["left"] and figure["left"] + figure["width"] <= figure["content"] + 1, (path, figure)
            assert figure["width"] >= min(figure["natural"], figure["content"]) - 1, (path, figure)
            if figure["inList"]:
                in_lists.append(figure)
                assert figure["width"] >= 0.97 * figure["content"], (path, figure)
    context.close()
    assert in_lists  # Lesson 11's ring figures sit in lists


@pytest.mark.parametrize("viewport", [{"width": 768, "height": 1024}, DESKTOP], ids=lambda v: f"{v['width']}px")
def test_on_a_wider_screen_no_figure_is_narrowed_by_the_list_it_sits_in(server, site, browser: Browser, viewport: dict):
    """Each figure is shown at the width it is drawn at, or the content's if that is less
    (on a phone, the test above: the content's)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in figure_pages(site):
        page.goto(server + path)
        figures = shown(page)
        assert sorted(file_name(figure["src"]) for figure in figures) == light_figures(site, path), path  # none hidden
        for figure in figures:
            assert figure["width"] >= min(figure["natural"], figure["content"]) - 1, (path, figure)
    context.close()


def smallest_text(svg: Path) -> float:
    """The smallest font size of any text in an SVG, in its own units (sizes inherit)."""
    sizes = []

    def walk(element: ET.Element, size: float) -> None:
        size = float(element.get("font-size", size))
        if element.tag in (f"{SVG}text", f"{SVG}tspan") and (element.text or "").strip():
            sizes.append(size)
        for child in element:
            walk(child, size)

    walk(ET.parse(svg).getroot(), 16.0)
    return min(sizes)


def test_on_the_narrowest_phone_the_ring_figures_labels_are_at_least_11px(server, site, browser: Browser):
    """At 320 px their legend was 8 px: "circles: servers · squares: clients"."""
    ring_files = {path.name for path in ring_drawings()}
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    measured = {}
    for path in figure_pages(site):
        page.goto(server + path)
        for figure in shown(page):
            name = file_name(figure["src"])
            if name in ring_files:
                view_box = ET.parse(site / "photos" / name).getroot().get("viewBox").split()
                measured[name] = smallest_text(site / "photos" / name) * figure["width"] / float(view_box[2])
    context.close()
    light = {name for name in ring_files if not name.endswith("-dark.svg")}
    assert set(measured) == light  # every ring figure is on a page (the light page shows these)
    assert {name: round(px, 1) for name, px in measured.items() if px < 11} == {}


@pytest.mark.parametrize("name", ["intro.svg", "1.svg"])
def test_on_a_phone_the_title_figure_and_figure_1_have_labels_of_at_least_11px(server, site, browser: Browser, name: str):
    """Drawn for a phone's width: their smallest text at least 11 px where they are shown."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    measured = []
    for path in figure_pages(site):
        page.goto(server + path)
        for figure in shown(page):
            if file_name(figure["src"]) == name:
                view_box = ET.parse(site / "photos" / name).getroot().get("viewBox").split()
                measured.append(smallest_text(site / "photos" / name) * figure["width"] / float(view_box[2]))
    context.close()
    assert measured and min(measured) >= 11, measured


# --- Colours ----------------------------------------------------------------------------

# The pixels of a screenshot (a data: URL named `data`), for the scripts below to read.
PIXELS = """  const image = new Image();
  image.src = data;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
"""

# A figure's background in a screenshot of it: the most common colour of a frame of
# pixels 6px inside its edges, clear of the rounded corners (the middle of a figure may
# be mostly boxes of another colour).
BACKGROUND = """async (data) => {
""" + PIXELS + """  const counts = new Map();
  const count = (x, y) => {
    const i = 4 * (y * image.width + x);
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  };
  for (let x = 20; x < image.width - 20; x++) { count(x, 6); count(x, image.height - 7); }
  for (let y = 20; y < image.height - 20; y++) { count(6, y); count(image.width - 7, y); }
  const [key] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return [key >> 16, (key >> 8) & 255, key & 255];
}"""


def background(page: Page, png: bytes) -> tuple[int, int, int]:
    return tuple(page.evaluate(BACKGROUND, "data:image/png;base64," + base64.b64encode(png).decode()))


def luminance(rgb: tuple[int, int, int]) -> float:
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def figure_backgrounds(page: Page, server: str, site: Path, scheme: str) -> dict[str, tuple[int, int, int]]:
    backgrounds = {}
    for path in figure_pages(site):
        page.goto(server + path)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        shown(page)
        for image in page.locator("article img:visible").all():
            name = file_name(image.get_attribute("src"))
            if name.endswith(".svg"):  # a drawn figure; a photo is what it is
                backgrounds[f"{path} {name}"] = background(page, image.screenshot())
    return backgrounds


@pytest.mark.parametrize("system", ["light", "dark"])
def test_figures_follow_the_systems_palette(server, site, browser: Browser, system: str):
    context = browser.new_context(viewport=DESKTOP, color_scheme=system)
    page = context.new_page()
    backgrounds = figure_backgrounds(page, server, site, "slate" if system == "dark" else "default")
    context.close()
    assert "/ intro.svg" in backgrounds or "/ intro-dark.svg" in backgrounds  # the title image too
    if system == "dark":
        assert {figure: rgb for figure, rgb in backgrounds.items() if luminance(rgb) > 0.05} == {}
    else:
        assert {figure: rgb for figure, rgb in backgrounds.items() if luminance(rgb) < 0.9} == {}


def test_figures_follow_the_toggle_when_it_differs_from_the_system(server, site, browser: Browser):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    page.goto(server + "/")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    backgrounds = figure_backgrounds(page, server, site, "slate")  # the choice is kept page to page
    context.close()
    assert backgrounds
    assert {figure: rgb for figure, rgb in backgrounds.items() if luminance(rgb) > 0.05} == {}


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_hidden_variants_lightbox_link_takes_no_tab_stop(server, site, browser: Browser, system: str):
    context = browser.new_context(viewport=DESKTOP, color_scheme=system)
    page = context.new_page()
    for path in lightbox_pages(site):
        page.goto(server + path)
        links = page.evaluate("""() => [...document.querySelectorAll('article a.glightbox')].map(a =>
            ({href: a.getAttribute('href'), rendered: a.getClientRects().length > 0, shown: a.querySelector('img').offsetWidth > 0}))""")
        assert [link for link in links if link["rendered"] != link["shown"]] == [], path
        assert sum(link["shown"] for link in links) * 2 == len(links), path  # one variant of each figure
    context.close()


# --- Lists on a small screen ----------------------------------------------------------------

DEPTHS = """() => {
  const article = document.querySelector('article');
  const content = article.getBoundingClientRect();
  const depth = e => { let d = 0; for (; e; e = e.parentElement) if (e.tagName === 'UL' || e.tagName === 'OL') d++; return d; };
  return [...article.querySelectorAll('li')].filter(li => li.offsetWidth > 0).map(li => {  // shown ones
    const box = li.getBoundingClientRect();
    const parent = li.parentElement.closest('li');
    return {depth: depth(li), width: box.width, content: article.clientWidth,
            step: box.left - (parent ? parent.getBoundingClientRect().left : content.left),
            em: parseFloat(getComputedStyle(li).fontSize), text: li.textContent.trim().slice(0, 40)};
  });
}"""


def test_on_a_phone_a_bullet_six_lists_deep_keeps_two_thirds_of_the_line(server, site, browser: Browser):
    """Each level still steps in by at least 1em, room for its marker."""
    pages = deep_list_pages(site, 6)
    assert pages
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in pages:
        page.goto(server + path)
        for item in page.evaluate(DEPTHS):
            assert item["step"] >= item["em"] - 0.5, (path, item)
            if item["depth"] <= 6:
                assert item["width"] >= 2 / 3 * item["content"], (path, item)
    context.close()


# --- The lightbox ---------------------------------------------------------------------------

# The extent of the pixels of one colour (a figure's white paper) in a screenshot.
EXTENT = """async ([data, rgb]) => {
""" + PIXELS + """  let left = Infinity, right = -1, top = Infinity, bottom = -1;
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) {
    const i = 4 * (y * image.width + x);
    if (Math.abs(pixels[i] - rgb[0]) + Math.abs(pixels[i + 1] - rgb[1]) + Math.abs(pixels[i + 2] - rgb[2]) <= 6) {
      left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
    }
  }
  return {width: right - left + 1, height: bottom - top + 1};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: f"{v['width']}x{v['height']}")
def test_the_lightbox_fits_a_figure_to_the_screen(server, site, browser: Browser, viewport: dict):
    """The figure, whole and undistorted, fills the screen's limiting dimension."""
    pages = lightbox_pages(site)
    assert pages
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    for path in pages:
        page.goto(server + path)
        link = page.locator("article a.glightbox:visible").first
        paper = background(page, link.locator("img").screenshot())
        link.click()
        image = page.locator(".glightbox-container .gslide.current img")
        expect(image).to_be_visible()
        page.wait_for_function("() => !document.querySelector('.glightbox-container').getAnimations({subtree: true}).length")
        page.add_style_tag(content=".gclose, .gnext, .gprev { visibility: hidden !important; }")
        natural = image.evaluate("img => img.naturalWidth / img.naturalHeight")
        seen = page.evaluate(EXTENT, ["data:image/png;base64," + base64.b64encode(page.screenshot()).decode(), paper])
        width, height = viewport["width"], viewport["height"]
        assert seen["width"] <= width and seen["height"] <= height, (path, seen)
        assert seen["width"] / seen["height"] == pytest.approx(natural, rel=0.03), (path, seen)
        assert max(seen["width"] / width, seen["height"] / height) >= 0.9, (path, seen)
    context.close()


def test_the_lightbox_stays_on_the_palette_the_reader_sees(server, site, browser: Browser):
    page_path = next(path for path in lightbox_pages(site) if lightbox_figures(site, path) > 2)  # two figures or more
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    page = context.new_page()
    page.goto(server + page_path)
    page.locator("article a.glightbox:visible").first.click()
    image = page.locator(".glightbox-container .gslide.current img")
    expect(image).to_have_attribute("src", re.compile(r"#only-dark$"))
    page.keyboard.press("ArrowRight")
    expect(image).to_have_attribute("src", re.compile(r"#only-dark$"))
    expect(image).to_be_visible()
    context.close()


def test_the_keyboard_comes_back_to_the_figure_when_the_lightbox_shuts(server, site, browser: Browser):
    """glightbox moves the focus to its buttons on Tab, and left it on the page's body
    when they went: the next Tab started again from "Skip to content". Its buttons show
    the focus plainly on its dark backdrop, and a page's only figure has no arrows."""
    single = next(path for path in lightbox_pages(site) if lightbox_figures(site, path) == 2)  # one figure, two palettes
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    page.goto(server + single)
    link = page.locator("article a.glightbox:visible").first
    for shut in ("Close", "Escape"):
        link.focus()
        page.keyboard.press("Enter")
        expect(page.locator(".glightbox-container .gslide.current img")).to_be_visible()
        page.keyboard.press("Tab")
        button = page.locator(".glightbox-container .gbtn:focus")
        expect(button).to_be_visible()
        assert button.evaluate("b => [getComputedStyle(b).outlineStyle, getComputedStyle(b).outlineColor]") == ["solid", "rgb(255, 255, 255)"]
        expect(page.locator(".glightbox-container :is(.gnext, .gprev)").first).to_be_hidden()
        if shut == "Close":
            page.locator(".glightbox-container .gclose").focus()
            page.keyboard.press("Enter")
        else:
            page.keyboard.press("Escape")
        expect(page.locator(".glightbox-container")).to_have_count(0)
        assert link.evaluate("a => a === document.activeElement"), f"after {shut}, the focus is on {page.evaluate('document.activeElement.outerHTML.slice(0, 80)')}"
    context.close()
