"""The notes as one PDF: Chromium prints the built site's print page, `make pdf`.

    python scripts/make_pdf.py site/   # writes site/downloads/systemsexpert-notes.pdf

The print page (print/, from mkdocs-print-site-plugin) holds every written lesson and
the glossary. Chromium lays it out with the print styles of
docs/stylesheets/print.css, and makes the PDF's bookmarks from its headings: one per
lesson, with the lesson's sections under it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Route, sync_playwright

from chromium import CHROMIUM, FLAGS
from static_host import serve

PRINT_PAGE = "print/"
PDF = Path("downloads/systemsexpert-notes.pdf")

# Before printing: the figures no longer links to their own files (the lightbox, which
# a PDF cannot open), and the PDF titled with the site's name alone, as the cover page
# is. (Folds print open by print.css, as they do when a reader prints.)
PREPARE = """() => {
  document.title = document.querySelector("#print-site-cover-page h1")?.textContent.trim() || document.title;
  document.querySelectorAll("a.glightbox").forEach(link => link.replaceWith(...link.childNodes));
}"""


def local_only(route: Route) -> None:
    """The page may load nothing from elsewhere: the PDF is the site's alone."""
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


def render_pdf(site: Path, out: Path, browser: Browser | None = None) -> Path:
    """Print the site's print page to out, with bookmarks, in browser (or a Chromium
    of its own); returns out."""
    if not (site / PRINT_PAGE / "index.html").is_file():
        raise FileNotFoundError(f"{site / PRINT_PAGE} is missing: build the site first (`make build`)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site) as url:
        if browser is not None:
            print_page(browser, f"{url}/{PRINT_PAGE}", out)
            return out
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                print_page(browser, f"{url}/{PRINT_PAGE}", out)
            finally:
                browser.close()
    return out


def print_page(browser: Browser, url: str, out: Path) -> None:
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        page.route("**/*", local_only)
        page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        page.evaluate(PREPARE)
        # The page size, margins and page numbers are the print stylesheet's.
        page.pdf(path=out, prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    args = parser.parse_args()
    out = render_pdf(args.site, args.site / PDF)
    print(f"Wrote {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
