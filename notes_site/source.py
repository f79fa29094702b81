"""A Markdown file as MkDocs reads it: UTF-8 text, its front matter and its body.

Bad input becomes a Problem with the file and line, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE, get_data

from .outline import normal_newlines


@dataclass(frozen=True)
class Problem:
    """What is wrong with a source file, where, and how to fix it."""

    path: str  # as the contributor sees it, e.g. "docs/lessons/08-caching.md"
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Source:
    path: str  # as shown in problems
    body: str  # the Markdown after the front matter
    first_body_line: int  # the file's line number of the body's first line
    meta: dict[str, Any] = field(default_factory=dict)
    front_matter: str = ""  # the YAML text, to find a key's line


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a byte order mark allowed), or where the first bad byte is."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"byte 0x{data[error.start]:02x} is not UTF-8: save the file as UTF-8 "
            "(in VS Code: 'Save with Encoding', then 'UTF-8')"
        )
        return None, [Problem(path, line, message)]


def read_source(text: str, path: str) -> tuple[Source, list[Problem]]:
    """Split off the front matter with MkDocs' own parser; report what it would ignore."""
    text = normal_newlines(text)
    body, meta = get_data(text)
    first_body_line = text.count("\n", 0, len(text) - len(body)) + 1
    block = YAML_RE.match(text)
    front_matter = block.group(1) if block and meta else ""
    problems = [] if meta or not text.startswith("---") else front_matter_problems(text, path)
    problems += repeated_keys(front_matter, path)
    return Source(path, body, first_body_line, meta, front_matter), problems


# PyYAML's C parser where it has one (its wheels do): 18 times as fast, on every lesson's front matter.
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def repeated_keys(front_matter: str, path: str) -> list[Problem]:
    """A key given twice in one mapping: YAML keeps the last, and the first is lost
    without a word."""
    if not front_matter:
        return []
    problems, nodes, seen = [], [yaml.compose(front_matter, Loader=COMPOSER)], set()
    while nodes:
        node = nodes.pop()
        if id(node) in seen:  # a YAML alias: its node is walked once
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            nodes += node.value
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 2  # the block starts on the file's line 2
            if isinstance(key, yaml.ScalarNode) and key.value in first:
                problems.append(Problem(path, line, f"'{key.value}' is given twice here (first at line {first[key.value]}): "
                                        "YAML keeps only this one, so merge the two"))
            elif isinstance(key, yaml.ScalarNode):
                first[key.value] = line
            nodes.append(value)
    return sorted(problems, key=lambda problem: problem.line)


def front_matter_problems(text: str, path: str) -> list[Problem]:
    """MkDocs shows front matter it cannot read as text, without a word: say why."""
    block = YAML_RE.match(text)
    if not block:
        if text.split("\n", 1)[0].strip() != "---":
            return []  # a horizontal rule, not front matter
        return [Problem(path, 1, "front matter opened with '---' is never closed: end it with '---'")]
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = str(getattr(error, "problem", None) or "").strip() or "invalid YAML"
        return [Problem(path, line, f"front matter is not valid YAML ({problem}): fix the '---' block")]
    if data is None or isinstance(data, dict):
        return []
    return [Problem(path, 2, "front matter must be 'key: value' lines")]


def key_line(source: Source, key: str, start: int = 0) -> int:
    """The file's line of a front matter key (the block starts on line 2)."""
    for row, line in enumerate(source.front_matter.split("\n")[start:], start):
        stripped = line.strip()
        if stripped.startswith((f"{key}:", f"'{key}':", f'"{key}":')):
            return row + 2
    return 1
