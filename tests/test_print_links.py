"""The print page's links and ids, made by the print-site plugin's own rewrites, one
tag at a time in one pass over each page (hooks/notes_hook.py): the plugin's way
rewrites the whole page once per tag, which grows with the square of a page's size."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs_print_site_plugin import urls

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("notes_hook", ROOT / "hooks" / "notes_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_is_rewritten_as_the_plugin_rewrites_it(site: Path, hook, monkeypatch: pytest.MonkeyPatch):
    """Whole built pages, their navigation included. Not the print page itself, which
    the plugin never reads: its rewritten links, rewritten again, are where the plugin's
    way differs (it rewrites a tag whose text a tag before it has just become)."""
    pages = {
        f"{path.parent.relative_to(site).as_posix()}/".removeprefix("./"): path.read_text()
        for path in site.rglob("index.html") if path.parent != site / "print"
    }
    by_the_plugin = {url: urls.fix_internal_links(html, url, True, 1) for url, html in pages.items()}
    for name in hook.PRINT_SITE_REWRITES:
        monkeypatch.setattr(urls, name, getattr(urls, name))  # the plugin's own again after the test
    hook.rewrite_print_links_in_one_pass()
    assert all(getattr(getattr(urls, name), "one_tag_at_a_time", False) for name in hook.PRINT_SITE_REWRITES)
    for url, html in pages.items():
        assert urls.fix_internal_links(html, url, True, 1) == by_the_plugin[url], url


def test_each_tag_is_rewritten_once_however_often_it_is_on_the_page(hook):
    rewritten = []

    def rewrite(html: str, page_key: str) -> str:
        rewritten.append(html)
        return html.replace('href="', f'href="#{page_key}-')

    one_pass = hook.one_tag_at_a_time(rewrite, hook.PRINT_SITE_REWRITES["fix_href_links"])
    page = '<p><a href="a">A</a> <a href="a">A</a> <a class="x" href="b">B</a></p>'
    assert one_pass(page, "lesson") == '<p><a href="#lesson-a">A</a> <a href="#lesson-a">A</a> <a class="x" href="#lesson-b">B</a></p>'
    assert rewritten == ['<a href="a"', '<a class="x" href="b"']
