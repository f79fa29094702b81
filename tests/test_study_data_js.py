"""The study data's rules (docs/javascripts/study-format.js, study-data.js) in Node, and
the backup file's JSON Schema, which the page's own check of a file must agree with."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import jsonschema
import pytest

from support import ROOT

SCHEMA = ROOT / "docs" / "schemas" / "progress.schema.json"


def schema() -> dict:
    return json.loads(SCHEMA.read_text())


def documented_example() -> dict:
    """The example backup of docs/progress-format.md."""
    text = (ROOT / "docs" / "progress-format.md").read_text()
    return json.loads(re.search(r"```json\n(.*?)\n```", text, re.S).group(1))


def page_reads(texts: list[str]) -> list[str | None]:
    """What the page's readBackup says of each file: None when it takes it, else the problem."""
    script = (
        'import { readBackup } from "./docs/javascripts/study-format.js";'
        'import { readFileSync } from "node:fs";'
        "const texts = JSON.parse(readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(texts.map((t) => readBackup(t).problem ?? null)));"
    )
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, input=json.dumps(texts), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_merge_rules_and_the_store_pass_their_node_tests():
    result = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr


def test_the_schema_is_valid_and_takes_the_documented_example():
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(documented_example(), schema())


def test_the_documented_example_tells_one_story_in_its_dates():
    """A reader checks a field against another: the review is the card's last review, at
    or before the file was saved, and the review log's line is that review (its
    review_time was once a year before the card's last_review)."""
    example = documented_example()
    saved = datetime.fromisoformat(example["exported_at"])
    for review in example["reviews"]:
        reviewed = datetime.fromtimestamp(review["review_time"] / 1000, timezone.utc)
        assert reviewed == datetime.fromisoformat(example["cards"][review["card_id"]]["last_review"]), review
        assert reviewed <= saved, review
    for mark in example["done"].values():
        assert datetime.fromisoformat(mark["changed"]) <= saved, mark
    text = (ROOT / "docs" / "progress-format.md").read_text()
    header, *lines = re.search(r"```text\n(.*?)\n```", text, re.S).group(1).split("\n")
    columns = header.split(",")
    assert [dict(zip(columns, line.split(","))) for line in lines] == [{k: str(v) for k, v in r.items()} for r in example["reviews"]]


def variants() -> dict[str, dict]:
    good = documented_example()
    def changed(edit) -> dict:
        value = json.loads(json.dumps(good))
        edit(value)
        return value
    return {
        "good": good,
        "another format": changed(lambda v: v.update(format="anki-deck")),
        "a newer version": changed(lambda v: v.update(version=2)),
        "no reviews": changed(lambda v: v.pop("reviews")),
        "a rating as text": changed(lambda v: v["reviews"][0].update(review_rating="good")),
        "a rating of 5": changed(lambda v: v["reviews"][0].update(review_rating=5)),
        "a card without last_review": changed(lambda v: v["cards"]["latency"].pop("last_review")),
        "a card state of 7": changed(lambda v: v["cards"]["latency"].update(state=7)),
        "done as text": changed(lambda v: v["done"]["6"].update(done="yes")),
        "a done lesson that is not a number": changed(lambda v: v["done"].update(six=v["done"]["6"])),
        "cards as a list": changed(lambda v: v.update(cards=[])),
        "a negative duration": changed(lambda v: v["reviews"][0].update(review_duration=-1)),
    }


def test_the_page_takes_exactly_the_files_the_schema_takes():
    files = variants()
    verdicts = page_reads([json.dumps(value) for value in files.values()])
    validator = jsonschema.Draft202012Validator(schema())
    for (name, value), problem in zip(files.items(), verdicts):
        assert (problem is None) == validator.is_valid(value), f"{name}: page says {problem!r}"
    assert verdicts[0] is None and all(verdicts[1:])


def test_the_schema_and_its_documentation_are_on_the_site(site: Path):
    assert json.loads((site / "schemas" / "progress.schema.json").read_text()) == schema()
    page = re.sub(r"<wbr\s*/?>", "", (site / "progress-format" / "index.html").read_text())  # "exported_<wbr>at"
    assert 'href="../schemas/progress.schema.json"' in page
    for field in ("format", "version", "exported_at", "timezone", "cards", "reviews", "done", *schema()["$defs"]["review"]["required"]):
        assert f"<code>{field}</code>" in page, field
