"""Benchmark the site against a stock Material build of the same docs, in one run.

Machines here are noisy, so every figure is measured for both sides in the same
run, alternately, and reported as a ratio.  Not a test: it prints figures.

- Build time: the site as configured against the same build without the glossary
  hook (the whole command, a fresh Python each time, and the build alone), and
  against a stock Material configuration.
- Lighthouse (mobile preset) scores and bytes on first load, for the site and the
  stock build, both served gzip'd on 127.0.0.1.
- Search: the median time from typing a query of tests/fixtures/search-queries.tsv
  to its results.

    python scripts/bench.py [--runs 5] [--skip-lighthouse]
"""

from __future__ import annotations

import argparse
import csv
import json
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

from chromium import CHROMIUM, FLAGS
from static_host import serve

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
QUERIES = ROOT / "tests" / "fixtures" / "search-queries.tsv"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"  # bench/package.json, which make bench installs
CHROME_FLAGS = ["--headless=new", *FLAGS]
PAGES = {"home": "/", "lesson": "/lessons/07-availability/", "glossary": "/glossary/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


# --- Configurations ----------------------------------------------------------------


def without_glossary(nav: list) -> list:
    """The nav minus the generated glossary page, which only the hook provides."""
    pruned = []
    for item in nav:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            item = {title: without_glossary(value)} if isinstance(value, list) else item
        if item != "glossary.md":
            pruned.append(item)
    return pruned


def variants() -> dict[str, dict]:
    nav = without_glossary(load_config(str(CONFIG))["nav"])
    return {
        "site": {},
        "no glossary hook": {"hooks": [], "nav": nav},
        # Stock Material: default theme settings, fonts and search; the same content.
        "stock Material": {
            "theme": {"name": "material"},
            "hooks": [],
            "plugins": ["search"],
            "extra_css": [],
            "extra_javascript": [],
            "nav": nav,
        },
    }


def build_seconds(site_dir: str, variant: str) -> float:
    config = load_config(str(CONFIG), site_dir=site_dir, strict=False, **variants()[variant])
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def command_seconds(site_dir: str, variant: str) -> float:
    """Wall time of a fresh interpreter that loads the config and builds, like `mkdocs build`."""
    start = time.perf_counter()
    command = [sys.executable, __file__, "--only", variant, "--site-dir", site_dir]
    subprocess.run(command, check=True)
    return time.perf_counter() - start


# --- Measures --------------------------------------------------------------------------


def compare_builds(runs: int) -> None:
    with tempfile.TemporaryDirectory() as site_dir:
        build_seconds(site_dir, "site")  # warm the disk cache and imports
        for label, measure in (("build command", command_seconds), ("build alone", build_seconds)):
            times: dict[str, list[float]] = {name: [] for name in variants()}
            for _ in range(runs):
                for name in times:
                    times[name].append(measure(site_dir, name))
            medians = {name: statistics.median(values) for name, values in times.items()}
            for name, median in medians.items():
                print(f"{label:14} {name:18} median {median:6.3f} s over {runs} runs")
            for baseline in ("no glossary hook", "stock Material"):
                ratio = medians["site"] / medians[baseline]
                print(f"{label:14} ratio site / {baseline}: {ratio:.2f}x")


def lighthouse(url: str) -> tuple[dict[str, float], int]:
    """Lighthouse's mobile preset: category scores and bytes transferred on first load."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        result = json.loads(Path(report.name).read_text())
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    return scores, int(result["audits"]["total-byte-weight"]["numericValue"])


def search_latencies(base_url: str) -> list[float]:
    """Milliseconds from entering each query to its results being shown, three times each."""
    from playwright.sync_api import sync_playwright

    rows = [line for line in QUERIES.read_text().splitlines() if line and not line.startswith("#")]
    queries = [row[0] for row in csv.reader(rows, delimiter="\t")]
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.goto(base_url + "/")
        page.keyboard.press("/")
        page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
        box = page.locator("input.md-search__input")
        for query in queries * 3:
            box.fill("")
            page.wait_for_function("!document.querySelector('.md-search-result__item')")
            start = page.evaluate("performance.now()")
            box.fill(query)
            box.press("End")  # Material searches on key events: the query's last keystroke
            page.wait_for_selector(".md-search-result__item")
            times.append(page.evaluate("performance.now()") - start)
        browser.close()
    return times


def compare_sites(skip_lighthouse: bool) -> None:
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as stock:
        build_seconds(ours, "site")
        build_seconds(stock, "stock Material")
        with serve(ours) as site_url, serve(stock) as stock_url:
            if not skip_lighthouse:
                print(f"\n{'lighthouse (mobile)':10} {'site':>46}   {'stock Material':>46}   weight")
                for name, path in PAGES.items():
                    cells, sizes = [], []
                    for root, url in ((ours, site_url), (stock, stock_url)):
                        if not (Path(root) / path.strip("/") / "index.html").exists():
                            cells.append("(no such page)")
                            continue
                        scores, size = lighthouse(url + path)
                        sizes.append(size)
                        cells.append(" ".join(f"{k[:4]} {v:.2f}" for k, v in scores.items()) + f" {size / 1024:6.1f} KiB")
                    ratio = f"{sizes[0] / sizes[1]:.3f}x" if len(sizes) == 2 else ""
                    print(f"{name:10} {cells[0]:>46}   {cells[1]:>46}   {ratio}")
            print()
            for label, url in (("site", site_url), ("stock Material", stock_url)):
                times = search_latencies(url)
                print(f"search, typing to results: {label:15} median {statistics.median(times):6.1f} ms over {len(times)} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--only", help=argparse.SUPPRESS)
    parser.add_argument("--site-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(ROOT)
    if args.only:
        build_seconds(args.site_dir, args.only)
        return
    if not args.skip_lighthouse and not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make bench`, which installs it")
    compare_builds(args.runs)
    compare_sites(args.skip_lighthouse)


if __name__ == "__main__":
    main()
