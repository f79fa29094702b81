"""notes_site.rendering: each definition rendered once, with the page's own Markdown
setup, then made for the page that shows it (links, ids)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from notes_site.extension import NotesExtension
from notes_site.rendering import StartTags, rebase, render_all, rewrite_attributes, setup_of

LESSON = """# Lesson 1: Formats

## Key Terms

### YAML

A file format mostly used in configuration

- YAML example:

    ```yaml title="config.yaml"
    port: 8080
    ```

- See [JSON](#json), [Lesson 2](02-more.md#more) and ![a ring](../photos/2.svg#only-light)

    !!! note "Editor's note"

        A note. Source: [YAML](https://yaml.org/)

### JSON

A file format used in APIs, like YAML

- Example:

    ```json
    {"port": 8080}
    ```

| Format | Use |
| --- | --- |
| JSON | APIs |

## Notes from the video

- Nothing more
"""
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.highlight", "pymdownx.superfences"]


def docs(tmp_path: Path) -> Path:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "01-formats.md").write_text(LESSON)
    (tmp_path / "glossary.md").write_text("# Glossary\n\n[GLOSSARY]\n")
    return tmp_path


def convert(folder: Path, text: str, extensions: list[str] = EXTENSIONS, configs: dict | None = None) -> BeautifulSoup:
    md = markdown.Markdown(extensions=[*extensions, NotesExtension(docs_dir=str(folder))], extension_configs=configs or {})
    return BeautifulSoup(md.convert(text), "html.parser")


def definition(page: BeautifulSoup, term: str) -> BeautifulSoup:
    return page.select_one(f'[data-term="{term}"] .flashcard-definition-body') or page.find(id=term).find_next(
        class_="glossary-definition-body"
    )


def test_a_definition_has_its_code_blocks_notes_and_tables_on_the_glossary(tmp_path: Path):
    page = convert(docs(tmp_path), "# Glossary\n\n[GLOSSARY]\n")
    yaml, json = definition(page, "yaml"), definition(page, "json")
    assert yaml.select_one("li .highlight .filename").get_text() == "config.yaml"
    assert "port: 8080" in yaml.select_one("li pre").get_text()
    assert yaml.select_one("li .admonition .admonition-title").get_text() == "Editor's note"
    assert json.select_one("table td").get_text() == "JSON" and json.select_one("li pre")


def test_the_rendering_has_the_pages_extensions_and_settings(tmp_path: Path):
    folder = docs(tmp_path)
    styled = convert(folder, "# Glossary\n\n[GLOSSARY]\n", configs={"pymdownx.highlight": {"noclasses": True}})
    assert "style=" in str(definition(styled, "yaml").select_one("pre"))
    plain = convert(folder, "# Glossary\n\n[GLOSSARY]\n", extensions=["attr_list", "md_in_html"])
    body = definition(plain, "yaml")
    # No admonition and no highlighted fence: as on a page without those extensions.
    assert body.select(".highlight, .admonition") == [] and "!!! note" in body.get_text()


def test_the_setup_is_the_pages_less_the_term_engine(tmp_path: Path):
    configs = {"toc": {"permalink": True}, "notes_site.extension": {"docs_dir": str(docs(tmp_path))}}
    md = markdown.Markdown(extensions=["abbr", "notes_site.extension", "toc"], extension_configs=configs)
    engine = next(ext for ext in md.registeredExtensions if isinstance(ext, NotesExtension))
    assert engine.setup.extensions == ("abbr", "toc") and engine.setup.configs == {"toc": {"permalink": True}}


def test_the_setup_does_not_change_with_the_build(tmp_path: Path):
    """Each build has a name of its own (the hook's): the definitions' rendering does not."""
    setups, folder = [], str(docs(tmp_path))
    for build in ("one", "two"):
        configs = {"toc": {"permalink": True}, "notes_site.extension": {"docs_dir": folder, "build": build}}
        md = markdown.Markdown(extensions=["abbr", "notes_site.extension", "toc"], extension_configs=configs)
        setups.append(next(ext for ext in md.registeredExtensions if isinstance(ext, NotesExtension)).setup)
    assert setups[0] == setups[1] and hash(setups[0]) == hash(setups[1])


def test_an_extension_named_in_the_setup_is_built_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Telling the engine from the others builds each named one: once, not once per page."""
    built: list[str] = []
    build = markdown.Markdown.build_extension
    monkeypatch.setattr(markdown.Markdown, "build_extension", lambda md, name, configs: built.append(name) or build(md, name, configs))
    configs = {"notes_site.extension": {"docs_dir": str(docs(tmp_path))}}
    for _ in range(3):
        md = markdown.Markdown(extensions=["sane_lists", "notes_site.extension"], extension_configs=configs)
    assert next(ext for ext in md.registeredExtensions if isinstance(ext, NotesExtension)).setup.extensions == ("sane_lists",)
    assert built.count("sane_lists") <= 4  # three pages' own builds, and at most one to tell it apart


def test_links_are_made_for_the_page_and_ids_are_the_terms_own(tmp_path: Path):
    folder = docs(tmp_path)
    for page, text in (("glossary", "# Glossary\n\n[GLOSSARY]\n"), ("flashcards", "# Flashcards\n\n[FLASHCARDS]\n")):
        html = convert(folder, text, configs={"pymdownx.highlight": {"anchor_linenums": True}})  # as the site's
        yaml = definition(html, "yaml")
        links = [a["href"] for a in yaml.select("a[href]") if "codelineno" not in a["href"]]
        assert links == ["../lessons/01-formats/#json", "../lessons/02-more/#more", "https://yaml.org/"], page
        figure = yaml.find("img")
        assert figure["src"] == "../photos/2.svg#only-light" and figure["data-gallery"] == "light"  # as on its lesson
        ids = Counter(tag["id"] for tag in html.find_all(id=True))
        assert [id for id, count in ids.items() if count > 1] == [], page
        for anchor in html.select(".highlight a[href^='#']"):  # a code line's anchor links to itself
            assert html.find(id=anchor["href"][1:]) is anchor
        assert {anchor["id"].split("--")[0] for anchor in html.select(".highlight a[id]")} == {"yaml", "json"}


def test_each_definition_is_rendered_once_for_every_page(tmp_path: Path):
    folder = docs(tmp_path)
    render_all.cache_clear()
    convert(folder, "# Glossary\n\n[GLOSSARY]\n")
    convert(folder, "# Flashcards\n\n[FLASHCARDS]\n")
    assert render_all.cache_info().misses == 1


def test_the_setup_is_read_while_extensions_are_added_only():
    with pytest.raises(RuntimeError, match="called from extendMarkdown"):
        setup_of(markdown.Markdown(), without=NotesExtension())


def test_links_written_in_a_lesson_are_rebased_for_the_built_page():
    assert rebase("01-latency.md#latency", "lessons/02-caching.md", "glossary.md") == "../lessons/01-latency/#latency"
    assert rebase("../photos/2.svg", "lessons/02-caching.md", "glossary.md") == "../photos/2.svg"
    assert rebase("#cache", "lessons/02-caching.md", "glossary.md") == "../lessons/02-caching/#cache"
    assert rebase("../index.md", "lessons/02-caching.md", "glossary.md") == "../"
    assert rebase("../index.md#start", "lessons/02-caching.md", "index.md") == "./#start"
    assert rebase("https://redis.io/", "lessons/02-caching.md", "glossary.md") == "https://redis.io/"
    assert rebase("mailto:a@b.org", "lessons/02-caching.md", "glossary.md") == "mailto:a@b.org"


def test_rewriting_attributes_changes_those_and_nothing_else():
    html = '<p>A <a href="x.md" title="a &amp; b">l</a>\n<img alt="r" src="y.svg" /></p>\n<pre><code>&lt;a href="z"&gt;</code></pre>'
    assert rewrite_attributes(html, lambda name, value: value) == html
    changed = rewrite_attributes(html, lambda name, value: value.upper() if name in ("href", "src") else value)
    assert changed == html.replace('"x.md"', '"X.MD"').replace('"y.svg"', '"Y.SVG"')
    assert [tag for _, _, tag, _ in StartTags(html).found] == ["p", "a", "img", "pre", "code"]


def test_a_link_written_as_raw_html_in_any_case_and_spacing_is_made_for_the_page(tmp_path: Path):
    """A definition is looked at for links only where an attribute that changes may be:
    HTML's attribute names in any case, with spaces before "="."""
    folder = docs(tmp_path)
    lesson = folder / "lessons" / "01-formats.md"
    lesson.write_text(LESSON.replace("A file format used in APIs, like YAML", 'A file format, <a HREF = "02-more.md">like this</a>'))
    render_all.cache_clear()
    json = definition(convert(folder, "# Glossary\n\n[GLOSSARY]\n"), "json")
    assert [a["href"] for a in json.find_all("a")] == ["../lessons/02-more/"]
