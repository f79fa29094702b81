"""notes_site.linking on a hand-made element tree, HTML in and out: the texts of a page
are searched together, yet each mark goes in its own text, finished, in the page's stash."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest
from markdown.util import HTML_PLACEHOLDER, AtomicString, HtmlStash

from notes_site.linking import Mark, mark_mentions
from notes_site.names import Finder

FINDER = Finder({"load-balancer": ("Load Balancer",), "cache": ("Cache",), "latency": ("Latency",)})
MARKS = {key: Mark("a", {"href": f"#{key}"}) for key in ("load-balancer", "cache", "latency")}


def with_stash_restored(html: str, stash: HtmlStash) -> str:
    """The HTML with each placeholder replaced by what it stands for, as
    Python-Markdown's last step does (its RawHtmlPostprocessor)."""
    for index, raw in enumerate(stash.rawHtmlBlocks):
        html = html.replace(HTML_PLACEHOLDER % index, raw)
    return html


def marked(html: str) -> str:
    root, stash = etree.fromstring(f"<div>{html}</div>"), HtmlStash()
    mark_mentions(root, FINDER, MARKS, ("Key Terms",), stash)
    return with_stash_restored(etree.tostring(root, encoding="unicode"), stash)[len("<div>") : -len("</div>")]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A name is never found across two texts, here around code.
        (
            "<p>a load <code>x</code> balancer, then a load balancer</p>",
            '<p>a load <code>x</code> balancer, then a <a href="#load-balancer">load balancer</a></p>',
        ),
        # Texts that are a mention from their first letter to their last.
        (
            "<p>latency<em>cache</em></p>",
            '<p><a href="#latency">latency</a><em><a href="#cache">cache</a></em></p>',
        ),
        (
            "<ul><li>x</li><li><strong>y</strong>cache</li><li>latency</li></ul>",
            '<ul><li>x</li><li><strong>y</strong><a href="#cache">cache</a></li><li><a href="#latency">latency</a></li></ul>',
        ),
    ],
)
def test_each_mark_goes_in_its_own_text(html: str, expected: str) -> None:
    assert marked(html) == expected


def test_a_text_kept_as_written_is_not_marked_and_the_next_one_is() -> None:
    root, stash = etree.fromstring("<div><p>x<em>cache</em> and latency</p></div>"), HtmlStash()
    root[0].text = AtomicString("a cache and latency, ")
    mark_mentions(root, FINDER, MARKS, ("Key Terms",), stash)
    assert with_stash_restored(etree.tostring(root[0], encoding="unicode"), stash) == (
        '<p>a cache and latency, <em><a href="#cache">cache</a></em> and <a href="#latency">latency</a></p>'
    )
