"""A copy of the project with synthetic lessons added, to measure the term engine at
a size the real notes have not reached yet (`make bench`, its scale row).

    python scripts/synthetic_lessons.py DEST --lessons 300

Each synthetic lesson follows the lesson format of CONTRIBUTING.md: a title, four key
terms of its own (two-word names, some sharing a word with a real term, as "Kalomi
Cache" does with Cache), and notes whose bullets mention terms of other lessons,
synthetic and real, in the singular and the plural.  The copy's `nav:` is removed, so
that MkDocs lists every page itself.  The same count always writes the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "docs", "hooks", "notes_site", "overrides", "CONTRIBUTING.md")
FIRST_NUMBER = 26  # the real notes end at Lesson 25
SYLLABLES = ("ka", "lo", "mi", "ren", "tus", "vor", "zel", "pa", "qui", "dor")
KINDS = ("Cache", "Queue", "Ledger", "Protocol")
REAL_TERMS = ("cache", "latency", "throughput", "load balancer", "replication", "proxies", "leader election")
NAV = re.compile(r"^nav:\n(?:[ #].*\n|\n)*", re.M)


def word(index: int) -> str:
    """A made-up word, one for each index below 1,000: "Kalomi"."""
    digits = f"{index:03d}"
    return "".join(SYLLABLES[int(d)] for d in digits).capitalize()


def term_names(number: int) -> list[str]:
    return [f"{word(number - FIRST_NUMBER)} {kind}" for kind in KINDS]


def lesson(number: int, others: list[str], rng: random.Random) -> str:
    names = term_names(number)
    lines = [f"# Lesson {number}: Synthetic Topic {number}", "", f"A synthetic lesson, number {number}, for the scale benchmark.", "", "## Key Terms"]
    for name in names:
        lines += [
            "", f"### {name}", "",
            f"A made-up {name.split()[1].lower()} that holds the data of {rng.choice(others)} for a while",
            "", f"- Often paired with {rng.choice(REAL_TERMS)}",
            f"    - Unlike {rng.choice(others).lower()}s, it never forgets",
        ]
    lines += ["", "## Notes from the video", "", "What the video says about it:"]
    for heading in range(3):
        lines += ["", f"### Part {heading + 1}", ""]
        for _ in range(10):
            mention = rng.choice(others)
            lines.append(f"- The {mention.lower()} talks to the {rng.choice(names).lower()} through {rng.choice(REAL_TERMS)}")
            lines.append(f"    - Two {rng.choice(others).lower()}s and one {mention} keep the numbers low")
    return "\n".join(lines) + "\n"


def write_project(dest: Path, count: int) -> Path:
    """The project copied into ``dest`` with ``count`` synthetic lessons; with none,
    the copy keeps its `nav:` and is the real site."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy(source, dest / name)
    if not count:
        return dest
    numbers = range(FIRST_NUMBER, FIRST_NUMBER + count)
    everyone = [name for number in numbers for name in term_names(number)]
    rng = random.Random(count)
    for number in numbers:
        own = set(term_names(number))
        others = [name for name in rng.sample(everyone, min(40, len(everyone))) if name not in own]
        (dest / "docs" / "lessons" / f"{number:03d}-synthetic-topic-{number}.md").write_text(lesson(number, others, rng))
    config = dest / "mkdocs.yml"
    config.write_text(NAV.sub("", config.read_text()))
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="an empty or new folder")
    parser.add_argument("--lessons", type=int, default=300, help="how many synthetic lessons to add")
    args = parser.parse_args()
    write_project(args.dest, args.lessons)
    print(f"Wrote {args.dest} with {args.lessons} synthetic lessons")


if __name__ == "__main__":
    main()
