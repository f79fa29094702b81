"""Benchmark the build: the site as configured against the same docs without the glossary hook.

Machines here are noisy, so both variants are built in the same run, alternately,
and compared as a ratio of medians.  Two figures: the whole build command as a
contributor waits for it (a fresh Python each time), and the build alone, in one
process.  Not a test: it prints figures.

    python scripts/bench.py [--runs 7]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def without_glossary(nav: list) -> list:
    """The nav minus the generated glossary page, which only the hook provides."""
    pruned = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            item = {title: without_glossary(value)} if isinstance(value, list) else item
        if item != "glossary.md":
            pruned.append(item)
    return pruned


def build_seconds(site_dir: str, **overrides) -> float:
    config = load_config(str(CONFIG), site_dir=site_dir, strict=False, **overrides)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def variants() -> dict[str, dict]:
    nav = load_config(str(CONFIG))["nav"]
    return {
        "with glossary and tooltips": {},
        "without (baseline)": {"hooks": [], "nav": without_glossary(nav)},
    }


def command_seconds(name: str, site_dir: str) -> float:
    """Wall time of a fresh interpreter that loads the config and builds, like `mkdocs build`."""
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--only", name, "--site-dir", site_dir], check=True)
    return time.perf_counter() - start


def compare(label: str, measure, runs: int) -> None:
    times: dict[str, list[float]] = {name: [] for name in variants()}
    for _ in range(runs):
        for name in times:
            times[name].append(measure(name))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{label:14} {name:28} median {median:6.3f} s over {runs} runs")
    ratio = medians["with glossary and tooltips"] / medians["without (baseline)"]
    print(f"{label:14} ratio glossary / baseline: {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", help=argparse.SUPPRESS)
    parser.add_argument("--site-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(ROOT)
    if args.only:
        build_seconds(args.site_dir, **variants()[args.only])
        return
    with tempfile.TemporaryDirectory() as site_dir:
        build_seconds(site_dir)  # warm the disk cache
        compare("build command", lambda name: command_seconds(name, site_dir), args.runs)
        overrides = variants()
        compare("build alone", lambda name: build_seconds(site_dir, **overrides[name]), args.runs)


if __name__ == "__main__":
    main()
