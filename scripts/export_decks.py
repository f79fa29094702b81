"""The flashcard downloads, made from the built site after `mkdocs build`: an Anki deck
and a CSV of the same cards for other flashcard apps, and the glossary as JSON for
other tools (glossary.json), into site/downloads/.

    python scripts/export_decks.py site/ [--config mkdocs.yml]

One note per term: its name on the front; on the back its definition as HTML and a
link to the lesson that teaches it; tagged with that lesson (`lesson-08`). A note's
guid comes from the term's id, and the model and deck ids are constants, so importing
a newer deck updates the cards already studied instead of adding copies.

A definition is the site's own rendering of it, read from the built flashcards page
(each card is `data-term="<id>"`), never rendered again: code blocks, lists and
Editor's notes come out as they do on the site; so is the summary in the CSV, the
card's short definition. Its links are made absolute with
mkdocs.yml's `site_url`; without one they are relative to the site's root folder.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Mapping
from html import escape
from pathlib import Path
from urllib.parse import urljoin

import genanki
from bs4 import BeautifulSoup, NavigableString, Tag
from mkdocs.config import load_config
from pygments.formatters import HtmlFormatter

from notes_site.extension import catalog_of, mkdocs_settings
from notes_site.glossary import Entry, Use
from notes_site.rendering import site_path

NAME = "systemsexpert-notes"  # the downloads' file names, and the guids' namespace
DECK_NAME = "SystemsExpert Notes"
# Constant forever: Anki knows the deck and the card type by them.
DECK_ID = 1_946_127_340
MODEL_ID = 1_650_318_279
# New columns go last, so that an import set up for the older file still fits.
CSV_HEADER = ("name", "definition", "summary", "lesson", "id", "url", "definition_text")
# Block elements: each starts a line of the plain-text definition.
BLOCKS = {"p", "div", "pre", "ul", "ol", "li", "table", "tr", "blockquote", "details", "summary",
          "figure", "figcaption", "dl", "dt", "dd", "hr", "section", "h1", "h2", "h3", "h4", "h5", "h6"}

MODEL = genanki.Model(
    MODEL_ID,
    "SystemsExpert Notes term",
    fields=[{"name": "Name"}, {"name": "Definition"}, {"name": "Lesson"}],
    templates=[{
        "name": "Term",
        "qfmt": '<div class="name">{{Name}}</div>',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="definition">{{Definition}}</div>'
                '<p class="lesson">{{Lesson}}</p>',
    }],
    css=(
        ".card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; }\n"
        ".name { font-size: 24px; font-weight: bold; text-align: center; }\n"
        ".lesson { font-size: 14px; opacity: 0.75; }\n"
        "pre { white-space: pre-wrap; padding: 0.5em; }\n"
        ".highlight .filename { display: block; font-size: 14px; font-weight: bold; }\n"
        # Editor's notes, as the site's admonitions: a bar at the side and a title.
        ".admonition { margin: 1em 0; padding: 0.1em 0.8em; border-left: 4px solid #448aff;"
        " background: rgba(68, 138, 255, 0.1); }\n"
        ".admonition-title { font-weight: bold; }\n"
        # The site's code blocks carry Pygments' classes: their colours.
        + HtmlFormatter(style="default").get_style_defs(".highlight")
    ),
)


class SiteError(Exception):
    """The built site lacks what the downloads are made from."""


# --- The definitions, from the built site ----------------------------------------------


def built_cards(page: Path) -> list[Tag]:
    if not page.is_file():
        raise SiteError(f"{page}: no flashcards page: build the site first (mkdocs build)")
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(".flashcard[data-term]")


def built_definitions(page: Path, base: str) -> dict[str, str]:
    """Each card's definition on the built flashcards page, by term id, its links made
    absolute from ``base``: the folded full definition, or the short one where that is
    all the card has."""
    definitions = {}
    for card in built_cards(page):
        body = card.select_one(".flashcard-definition-body")
        if body is None:
            body = BeautifulSoup(f"<p>{card.select_one('.flashcard-short').decode_contents()}</p>", "html.parser")
        definitions[card["data-term"]] = absolute_links(without_anchors(body), base).decode_contents().strip()
    return definitions


def without_anchors(element: Tag) -> Tag:
    """Without the empty links that only mark a place, such as a code line's anchor
    (pymdownx.highlight's anchor_linenums): a place on the site, in an app a link to nothing."""
    for anchor in element.find_all("a"):
        if not anchor.contents:
            anchor.decompose()
    return element


def built_summaries(page: Path) -> dict[str, str]:
    """Each card's short definition on the built flashcards page, by term id, as text."""
    return {card["data-term"]: card.select_one(".flashcard-short").get_text() for card in built_cards(page)}


def absolute_links(element: Tag, base: str) -> Tag:
    """Links that work outside the site: from ``base``, the page's own URL."""
    for tag in element.find_all(True):
        for attribute in ("href", "src"):
            if tag.has_attr(attribute):
                url = urljoin(base, tag[attribute])
                tag[attribute] = url.removeprefix("/") if base.startswith("/") else url
    return element


def page_base(site_url: str, page: str) -> str:
    """The URL links on a page are relative to: on ``site_url``, or from the site's root
    folder ("/"), which absolute_links leaves out, when there is none."""
    return urljoin(site_url.rstrip("/") + "/", site_path(page)) if site_url else f"/{site_path(page)}"


def plain_text(html: str) -> str:
    """A rendered definition as text, for apps that show no HTML: a line per block,
    list items under "-" or their number, nested items indented."""
    return "\n".join(plain_lines(BeautifulSoup(html, "html.parser")))


def plain_lines(element: Tag) -> list[str]:
    lines: list[str] = []
    inline: list[str] = []

    def end_line() -> None:
        text = " ".join("".join(inline).split())
        if text:
            lines.append(text)
        inline.clear()

    for child in element.children:
        if isinstance(child, NavigableString):
            inline.append(str(child))
        elif child.name == "img":
            inline.append(child.get("alt", ""))
        elif child.name == "pre":
            end_line()
            lines += child.get_text().rstrip("\n").split("\n")
        elif child.name in ("ul", "ol"):
            end_line()
            number = int(child.get("start", 1))
            for offset, item in enumerate(child.find_all("li", recursive=False)):
                marker = f"{number + offset}." if child.name == "ol" else "-"
                item_lines = plain_lines(item) or [""]
                lines += [f"{marker} {item_lines[0]}", *(f"    {line}" for line in item_lines[1:])]
        elif "admonition-title" in child.get("class", []):
            end_line()
            lines.append(f"{child.get_text().strip()}:")  # "Editor's note:", then the note
        elif child.name == "tr":
            end_line()
            lines.append(" | ".join(" ".join(cell.get_text().split()) for cell in child.find_all(["td", "th"])))
        elif child.name in BLOCKS or child.name in ("thead", "tbody"):
            end_line()
            lines += plain_lines(child)
        else:
            inline.append(child.get_text())
    end_line()
    return lines


# --- The notes -------------------------------------------------------------------------


def lesson_place(use: Use, site_url: str) -> str:
    """A lesson page on the published site (or from its root folder), at the term's
    heading where it has one."""
    page = site_path(use.lesson.path)
    where = f"{page}#{use.anchor}" if use.anchor else page
    return f"{site_url.rstrip('/')}/{where}" if site_url else where


def lesson_url(entry: Entry, site_url: str) -> str:
    """Where the lesson that teaches the term defines it, on the published site (or
    from its root folder, without a site_url)."""
    return lesson_place(entry.taught, site_url)


def lesson_name(entry: Entry) -> str:
    return f"Lesson {entry.taught.lesson.number}: {entry.taught.lesson.title}"


def lesson_tag(entry: Entry) -> str:
    return f"lesson-{entry.taught.lesson.number:02d}"


def note_guid(entry: Entry) -> str:
    """The same for a term in every build: the term's id is its glossary anchor."""
    return genanki.guid_for(NAME, entry.id)


def make_note(entry: Entry, definition: str, site_url: str) -> genanki.Note:
    link = f'<a href="{escape(lesson_url(entry, site_url))}">{escape(lesson_name(entry))}</a>'
    return genanki.Note(
        model=MODEL,
        fields=[escape(entry.name), definition, link],
        tags=[lesson_tag(entry)],
        guid=note_guid(entry),
    )


def make_deck(entries: list[Entry], definitions: Mapping[str, str], site_url: str) -> genanki.Deck:
    deck = genanki.Deck(DECK_ID, DECK_NAME, description=f'Every key term of <a href="{escape(site_url)}">{DECK_NAME}</a>.')
    for entry in entries:
        deck.add_note(make_note(entry, definitions[entry.id], site_url))
    return deck


def csv_text(entries: list[Entry], definitions: Mapping[str, str], summaries: Mapping[str, str], site_url: str) -> str:
    """One row per term, under a header; the definition as HTML and as plain text, the
    summary plain text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for entry in entries:
        html = definitions[entry.id]
        writer.writerow((
            entry.name, html, summaries[entry.id], lesson_name(entry), entry.id, lesson_url(entry, site_url), plain_text(html),
        ))
    return out.getvalue()


def glossary_json(
    entries: list[Entry], definitions: Mapping[str, str], summaries: Mapping[str, str], site_url: str, glossary_page: str
) -> str:
    """Every term for other tools: its id (the glossary's anchor), name, other names,
    short and full definitions (the site's HTML, and plain text), related terms, and
    each lesson that teaches, repeats or mentions it."""
    glossary = f"{site_url.rstrip('/')}/{site_path(glossary_page)}" if site_url else site_path(glossary_page)
    terms = [
        {
            "id": entry.id,
            "term": entry.name,
            "aliases": list(entry.data.aliases),
            "url": f"{glossary}#{entry.id}",
            "summary": summaries[entry.id],
            "definition": definitions[entry.id],
            "definition_text": plain_text(definitions[entry.id]),
            "see_also": list(entry.see_also),
            "lessons": [
                {"number": use.lesson.number, "title": use.lesson.title, "role": str(use.role), "url": lesson_place(use, site_url)}
                for use in entry.uses
            ],
        }
        for entry in entries
    ]
    return json.dumps({"terms": terms}, indent=2, ensure_ascii=False) + "\n"


def write_decks(
    entries: list[Entry], definitions: Mapping[str, str], summaries: Mapping[str, str], site_url: str, out_dir: Path
) -> tuple[Path, Path]:
    missing = [entry.name for entry in entries if entry.id not in definitions]
    if missing:
        raise SiteError(f"the built flashcards page has no card for {', '.join(missing)}: build the site again")
    out_dir.mkdir(parents=True, exist_ok=True)
    apkg, table = out_dir / f"{NAME}.apkg", out_dir / f"{NAME}.csv"
    genanki.Package(make_deck(entries, definitions, site_url)).write_to_file(str(apkg))
    table.write_text(csv_text(entries, definitions, summaries, site_url), encoding="utf-8")
    return apkg, table


def export(site_dir: Path, config_file: Path) -> tuple[Path, Path, Path]:
    """The decks and glossary.json of the terms that mkdocs.yml's sources define, their
    definitions from the built site, linking to its site_url."""
    config = load_config(str(config_file))
    settings = mkdocs_settings(config_file, config.mdx_configs)
    catalog = catalog_of(settings)
    site_url = config.site_url or ""
    page = settings["flashcards"]
    built = site_dir / site_path(page) / "index.html"
    definitions, summaries = built_definitions(built, page_base(site_url, page)), built_summaries(built)
    entries = list(catalog.entries)
    apkg, table = write_decks(entries, definitions, summaries, site_url, site_dir / "downloads")
    terms = site_dir / "downloads" / "glossary.json"
    terms.write_text(glossary_json(entries, definitions, summaries, site_url, settings["glossary"]), encoding="utf-8")
    return apkg, table, terms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    try:
        written = export(args.site, args.config)
    except SiteError as error:
        print(f"export_decks: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
