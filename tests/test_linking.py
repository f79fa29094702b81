"""notes_site.linking on a hand-made element tree, HTML in and out: the texts of a page
are searched together, yet each mark goes in its own text."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest
from markdown.util import AtomicString

from notes_site.linking import Mark, mark_mentions
from notes_site.names import Finder

FINDER = Finder({"load-balancer": ("Load Balancer",), "cache": ("Cache",), "latency": ("Latency",)})
MARKS = {key: Mark("a", {"href": f"#{key}"}) for key in ("load-balancer", "cache", "latency")}


def marked(html: str) -> str:
    root = etree.fromstring(f"<div>{html}</div>")
    mark_mentions(root, FINDER, MARKS, ("Key Terms",), [])
    return etree.tostring(root, encoding="unicode")[len("<div>") : -len("</div>")]


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
    root = etree.fromstring("<div><p>x<em>cache</em> and latency</p></div>")
    root[0].text = AtomicString("a cache and latency, ")
    mark_mentions(root, FINDER, MARKS, ("Key Terms",), [])
    assert etree.tostring(root[0], encoding="unicode") == (
        '<p>a cache and latency, <em><a href="#cache">cache</a></em> and <a href="#latency">latency</a></p>'
    )
