"""The Nu HTML Checker (vnu.jar, from npm's vnu-jar, pinned in package.json) over every
built page, the print page included: no error of our own.

The errors it finds in markup that is not the site's are pinned here by message,
each with where it comes from; any other error fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NOT_OURS = {
    "Bad value “” for attribute “tabindex” on element “label”":
        "Material's partials/nav-item.html gives a section's label an empty tabindex",
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material's base.html: autocomplete=off on its checkbox toggles (__drawer, __search)",
    "Attribute “heading-number” not allowed on element “section”":
        "the print-site plugin's sections (renderer.py), on the print page",
    "A “style” element in “body” must be the first child of its parent":
        "the print-site plugin's heading numbers, a <style> after its sections",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "Material's partials/toc.html on the print page, whose table of contents is the plugin's, with no __toc toggle",
}


def errors(site: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java not found, which the Nu HTML Checker needs: apt-get install -y default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"{VNU} not found: npm ci")
    pages = sorted(str(page) for page in site.rglob("*.html"))
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *pages], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def test_every_page_has_no_html_error_of_its_own(site: Path):
    ours = [
        f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in errors(site) if not any(m["message"].startswith(known) for known in NOT_OURS)
    ]
    assert ours == []


def test_ids_are_unique_on_every_page_the_print_page_included(site: Path):
    """The checker's rule, said plainly where a repeat is likeliest: lessons put together."""
    for page in [site / "print" / "index.html", *sorted((site / "lessons").glob("*/index.html"))]:
        ids = Counter(el["id"] for el in BeautifulSoup(page.read_text(), "html.parser").select("[id]"))
        repeated = sorted(id for id, count in ids.items() if count > 1)
        assert repeated == [], page
