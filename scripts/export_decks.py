"""The flashcard downloads, made from the glossary after `mkdocs build`: an Anki deck
and a CSV of the same cards for other flashcard apps, into site/downloads/.

    python scripts/export_decks.py site/ [--config mkdocs.yml]

One note per term: its name on the front; on the back its definition as HTML and a
link to the lesson that teaches it; tagged with that lesson (`lesson-08`). A note's
guid comes from the term's id, and the model and deck ids are constants, so importing
a newer deck updates the cards already studied instead of adding copies.
"""

from __future__ import annotations

import argparse
import csv
import io
from html import escape
from pathlib import Path

import genanki
import markdown
from mkdocs.config import load_config

from notes_site.extension import catalog_of, mkdocs_settings
from notes_site.glossary import Entry

NAME = "systemsexpert-notes"  # the downloads' file names, and the guids' namespace
DECK_NAME = "SystemsExpert Notes"
# Constant forever: Anki knows the deck and the card type by them.
DECK_ID = 1_946_127_340
MODEL_ID = 1_650_318_279
CSV_HEADER = ("name", "definition", "summary", "lesson", "id", "url")

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
        "pre { white-space: pre-wrap; }\n"
    ),
)


def definition_html(definition: str) -> str:
    """A term's Markdown definition as HTML that needs no stylesheet: lists, and code
    blocks coloured inline."""
    return markdown.markdown(
        definition,
        extensions=["sane_lists", "tables", "pymdownx.highlight", "pymdownx.superfences"],
        extension_configs={"pymdownx.highlight": {"noclasses": True}},
    )


def lesson_url(entry: Entry, site_url: str) -> str:
    """Where the lesson that teaches the term defines it, on the published site."""
    page = entry.taught.lesson.path.removesuffix(".md") + "/"
    anchor = f"#{entry.taught.anchor}" if entry.taught.anchor else ""
    return f"{site_url.rstrip('/')}/{page}{anchor}"


def lesson_name(entry: Entry) -> str:
    return f"Lesson {entry.taught.lesson.number}: {entry.taught.lesson.title}"


def lesson_tag(entry: Entry) -> str:
    return f"lesson-{entry.taught.lesson.number:02d}"


def note_guid(entry: Entry) -> str:
    """The same for a term in every build: the term's id is its glossary anchor."""
    return genanki.guid_for(NAME, entry.id)


def make_note(entry: Entry, site_url: str) -> genanki.Note:
    link = f'<a href="{escape(lesson_url(entry, site_url))}">{escape(lesson_name(entry))}</a>'
    return genanki.Note(
        model=MODEL,
        fields=[escape(entry.name), definition_html(entry.definition), link],
        tags=[lesson_tag(entry)],
        guid=note_guid(entry),
    )


def make_deck(entries: list[Entry], site_url: str) -> genanki.Deck:
    deck = genanki.Deck(DECK_ID, DECK_NAME, description=f'Every key term of <a href="{escape(site_url)}">{DECK_NAME}</a>.')
    for entry in entries:
        deck.add_note(make_note(entry, site_url))
    return deck


def csv_text(entries: list[Entry], site_url: str) -> str:
    """One row per term, under a header; the definition is HTML, the summary plain text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for entry in entries:
        writer.writerow((
            entry.name, definition_html(entry.definition), entry.summary,
            lesson_name(entry), entry.id, lesson_url(entry, site_url),
        ))
    return out.getvalue()


def write_decks(entries: list[Entry], site_url: str, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    apkg, table = out_dir / f"{NAME}.apkg", out_dir / f"{NAME}.csv"
    genanki.Package(make_deck(entries, site_url)).write_to_file(str(apkg))
    table.write_text(csv_text(entries, site_url), encoding="utf-8")
    return apkg, table


def export(site_dir: Path, config_file: Path) -> tuple[Path, Path]:
    """The decks of the sources that mkdocs.yml names, linking to its site_url."""
    config = load_config(str(config_file))
    catalog = catalog_of(mkdocs_settings(config_file, config.mdx_configs))
    return write_decks(list(catalog.entries), config.site_url or "", site_dir / "downloads")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    for path in export(args.site, args.config):
        print(f"Wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
