"""Benchmark the site against a stock Material build of the same docs: `make bench`.

Not a test: it prints figures. These machines are noisy, so both sides are measured
in the same run, alternately (the order flips every round), and each figure is the
median over the rounds, beside the site/stock ratio.

- Lighthouse, mobile preset, on the home page, a lesson, the glossary and the
  flashcards page (the flashcards page for the site only): the performance,
  accessibility, best practices and SEO scores, Total Blocking Time, Largest
  Contentful Paint and bytes on first load, both sides served gzip'd on 127.0.0.1.
- Build time of `mkdocs build`, site against stock.
- Scale: build time with the term engine against the same build without it (the
  extension and the hooks taken out of mkdocs.yml), and against that build with the
  hook that is no part of the engine kept (hooks/site_hook.py: savings any build could
  have, such as the lightbox and the theme's templates, which the first comparison
  counts to the engine's credit), on the real site and on a copy
  with synthetic lessons (scripts/synthetic_lessons.py), each build a process of its
  own, beside the seconds of a build spent in the engine's own code
  (scripts/engine_time.py), and, where Valgrind is installed, the ratios of the
  instructions each build runs (one build each, under Valgrind's cachegrind: unlike
  seconds, the same from run to run, within 0.1%, however busy the machine);
  `--scale-only` runs this row alone. The engine's modules
  are compiled to bytecode first, as pip compiles every installed package: where
  PYTHONDONTWRITEBYTECODE is set (as on our build machines), each build would
  otherwise compile the engine anew, and only the engine.
- Search: the median time from typing each query of tests/fixtures/search-queries.tsv
  to its results, and apart from those the first query of a fresh page, once search
  is ready and typed as soon as the page has loaded (for the site, that may wait for
  the search documents and the building of the index). `--only-search` times search
  alone.
- Requests to the network on a first and on a repeat visit of each page: the site's
  service worker against stock's HTTP cache.

Stock Material: the theme's defaults, no hooks, no overrides, no extra CSS or
JavaScript, only the search plugin; the same Markdown, so the same content.

    python scripts/bench.py [--rounds 7] [--skip-lighthouse] [--scale-only] [--only-search]
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import logging
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import ThreadingHTTPServer
from pathlib import Path

import yaml

from mkdocs.commands.build import build
from mkdocs.config import load_config

from chromium import CHROMIUM, FLAGS
from offline import write_worker
from static_host import StaticHost, serve
from synthetic_lessons import write_project

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
QUERIES = ROOT / "tests" / "fixtures" / "search-queries.tsv"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"  # bench/package.json, which make bench installs
CHROME_FLAGS = ["--headless=new", *FLAGS]
SHARED_PAGES = {"home": "/", "lesson": "/lessons/07-availability/", "glossary": "/glossary/"}
SITE_ONLY_PAGES = {"flashcards": "/flashcards/"}
STOCK = {
    "theme": {"name": "material"},
    "hooks": [],
    "plugins": ["search"],
    "extra_css": [],
    "extra_javascript": [],
}


# --- Builds --------------------------------------------------------------------------


def build_site(site_dir: str, stock: bool) -> float:
    config = load_config(str(CONFIG), site_dir=site_dir, strict=False, **(STOCK if stock else {}))
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def compare_builds(rounds: int) -> None:
    times: dict[str, list[float]] = {"site": [], "stock": []}
    with tempfile.TemporaryDirectory() as site_dir:
        build_site(site_dir, stock=False)  # warm the disk cache and imports
        for round_ in range(rounds):
            for side in ("site", "stock") if round_ % 2 == 0 else ("stock", "site"):
                times[side].append(build_site(site_dir, stock=side == "stock"))
    site, stock = (statistics.median(times[side]) for side in ("site", "stock"))
    print(f"build: site {site:.2f} s, stock {stock:.2f} s, ratio {site / stock:.2f}x (medians of {rounds})")


# --- Scale ---------------------------------------------------------------------------

ENGINE = "notes_site.extension"
NO_ENGINE_CONFIG = "mkdocs.no-engine.yml"
NO_ENGINE_SITE_HOOK_CONFIG = "mkdocs.no-engine-site-hook.yml"
SITE_HOOK = ["hooks/site_hook.py"]  # no part of the engine: kept in the second build without it
# Synthetic lessons added to the real 25, and the ratio each size must stay within.
SCALES = {0: 1.10, 300: 1.25}


def write_no_engine_configs(project: Path) -> None:
    """mkdocs.yml without the term engine: no extension and no hooks; and no extension,
    with the hooks that are no part of the engine."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        extensions = yaml_load(file)["markdown_extensions"]
    kept = [e for e in extensions if (e if isinstance(e, str) else next(iter(e))) != ENGINE]
    for name, hooks in ((NO_ENGINE_CONFIG, []), (NO_ENGINE_SITE_HOOK_CONFIG, SITE_HOOK)):
        text = yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": hooks, "markdown_extensions": kept}, sort_keys=False)
        (project / name).write_text(text)


def build_project(project: Path, config: str) -> tuple[float, float]:
    """Seconds of one `mkdocs build` in a process of its own, so that no cache carries
    over: wall-clock, and the process's CPU time, steadier on a shared machine."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", "site"]
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def engine_time(project: Path) -> float:
    """Seconds of one build spent in the term engine's own code (scripts/engine_time.py)."""
    command = [sys.executable, str(ROOT / "scripts" / "engine_time.py"), "-d", "site"]
    done = subprocess.run(command, cwd=project, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def instructions(project: Path, config: str) -> int:
    """Instructions one `mkdocs build` runs, counted by Valgrind's cachegrind: about ten
    times as slow as the build."""
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", f"site-{config}",
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}  # the same dict and set orders each run
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    if done.returncode:
        raise RuntimeError(f"{config} failed under Valgrind:\n{done.stderr[-2000:]}")
    return counted_instructions(done.stderr)


def counted_instructions(valgrind_output: str) -> int:
    """The build's own process's count, the largest. A process it forks (the
    git-revision-date plugin's workers) reports a count that starts from the build's at
    the fork: it repeats the build's start (about 2 G at 25 lessons) beside its own
    little work (0.02 s of CPU), so it is no count to add."""
    counts = [int(count.replace(",", "")) for count in INSTRUCTIONS.findall(valgrind_output)]
    if not counts:
        raise ValueError(f"no instruction count in Valgrind's output: {valgrind_output[-300:]}")
    return max(counts)


INSTRUCTIONS = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)$", re.MULTILINE)


def instruction_ratios(project: Path, configs: dict[str, str]) -> str:
    """The engine's build over each build without it, in instructions; the builds run
    side by side, which changes no count."""
    if not shutil.which("valgrind"):
        return "no valgrind"
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        count = dict(zip(configs, pool.map(lambda side: instructions(project, configs[side]), configs)))
    return " / ".join(f"{count['engine'] / count[side]:.2f}x" for side in configs if side != "engine")


def compare_scale(rounds: int) -> None:
    print(f"\nScale: build with the term engine and without it (medians of {rounds} alternating rounds)")
    print("(site hook: without the engine, keeping the hook that is no part of it, hooks/site_hook.py;")
    print("instructions: the engine's build over each build without it, none / site hook, counted by Valgrind in the")
    print("build's own process;")
    print("own code: the seconds of a build in the engine's own code, median of 3 more builds; the rest of")
    print("the difference is Markdown, the search and print plugins and the theme on what it adds to the pages)")
    print("| lessons | wall: engine | without | ratio | CPU ratio | without, site hook | ratio | instructions | target | own code |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for added, target in SCALES.items():
        with tempfile.TemporaryDirectory() as folder:
            project = write_project(Path(folder), added)
            write_no_engine_configs(project)
            for code in ("notes_site", "hooks"):
                compileall.compile_dir(project / code, quiet=1)
            lessons = len(list((project / "docs" / "lessons").glob("*.md")))
            configs = {"engine": "mkdocs.yml", "none": NO_ENGINE_CONFIG, "site hook": NO_ENGINE_SITE_HOOK_CONFIG}
            times: dict[str, list[tuple[float, float]]] = {side: [] for side in configs}
            for round_ in range(rounds):
                for side in configs if round_ % 2 == 0 else reversed(configs):
                    times[side].append(build_project(project, configs[side]))
            wall, cpu = ({side: statistics.median(t[kind] for t in times[side]) for side in configs} for kind in (0, 1))
            row = [
                str(lessons), f"{wall['engine']:.1f} s", f"{wall['none']:.1f} s", f"{wall['engine'] / wall['none']:.2f}x",
                f"{cpu['engine'] / cpu['none']:.2f}x", f"{wall['site hook']:.1f} s", f"{wall['engine'] / wall['site hook']:.2f}x",
                instruction_ratios(project, configs),
            ]
            own = statistics.median(engine_time(project) for _ in range(3))
            print(f"| {' | '.join(row)} | <= {target:.2f}x | {own:.2f} s |", flush=True)


# --- Lighthouse ------------------------------------------------------------------------


def lighthouse(url: str) -> dict[str, float]:
    """One Lighthouse run, mobile preset: the scores of performance, accessibility, best
    practices and SEO (issue 4 asks 1.00 of the last three), TBT and LCP in ms, bytes."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report.name}",
                "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        result = json.loads(Path(report.name).read_text())
    audits = result["audits"]
    scores = result["categories"]
    return {
        "perf": scores["performance"]["score"],
        "a11y": scores["accessibility"]["score"],
        "practices": scores["best-practices"]["score"],
        "seo": scores["seo"]["score"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def compare_pages(site_url: str, stock_url: str, rounds: int) -> None:
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for round_ in range(rounds):
        sides = [("site", site_url), ("stock", stock_url)]
        for page, path in SHARED_PAGES.items():
            for side, url in sides if round_ % 2 == 0 else sides[::-1]:
                runs.setdefault((page, side), []).append(lighthouse(url + path))
        for page, path in SITE_ONLY_PAGES.items():
            runs.setdefault((page, "site"), []).append(lighthouse(site_url + path))
        print(f"  lighthouse round {round_ + 1} of {rounds} done", file=sys.stderr)
    medians = {
        key: {metric: statistics.median(run[metric] for run in values) for metric in values[0]}
        for key, values in runs.items()
    }
    print(f"\nLighthouse, mobile preset, medians of {rounds} alternating rounds")
    print("| page | side | performance | accessibility | best practices | SEO | TBT ms | LCP ms | KiB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for page in (*SHARED_PAGES, *SITE_ONLY_PAGES):
        for side in ("site", "stock"):
            if (page, side) in medians:
                m = medians[page, side]
                print(
                    f"| {page} | {side} | {m['perf']:.2f} | {m['a11y']:.2f} | {m['practices']:.2f} | {m['seo']:.2f}"
                    f" | {m['tbt']:.0f} | {m['lcp']:.0f} | {m['kib']:.1f} |"
                )
    print("\n| page | performance site/stock | TBT site - stock | LCP site/stock | bytes site/stock |")
    print("| --- | --- | --- | --- | --- |")
    for page in SHARED_PAGES:
        site, stock = medians[page, "site"], medians[page, "stock"]
        print(
            f"| {page} | {site['perf'] / stock['perf']:.3f} | {site['tbt'] - stock['tbt']:+.0f} ms"
            f" | {site['lcp'] / stock['lcp']:.3f} | {site['kib'] / stock['kib']:.3f} |"
        )


# --- Search ----------------------------------------------------------------------------


# Fresh pages per side: with 9, the two sides' first-query medians swapped places from run to run.
FIRST_QUERIES = 21


def search_latencies(urls: dict[str, str], first_queries: int = FIRST_QUERIES) -> dict[str, dict[str, list[float]]]:
    """Per side, milliseconds from entering a query to its results (or "no matching
    documents") being shown: on `first_queries` fresh pages each, "first query" once
    search is ready ("Initializing search" gone) and "at load" typed as soon as the page
    has loaded (for the site, that may wait for the documents and the index); then
    "then", each query three times on one page. The sides take turns, page by page."""
    from playwright.sync_api import sync_playwright

    rows = [line for line in QUERIES.read_text().splitlines() if line and not line.startswith("#")]
    queries = [row[0] for row in csv.reader(rows, delimiter="\t")]
    meta = "document.querySelector('.md-search-result__meta').textContent"

    def timed(page, query: str, wait_for_ready: bool = True) -> float:
        box = page.locator("input.md-search__input")
        if wait_for_ready:
            box.fill("")
            page.wait_for_function(f"/Type to start/.test({meta})")
        start = page.evaluate("performance.now()")
        box.fill(query)
        box.press("End")  # Material searches on key events: the query's last keystroke
        page.wait_for_function(f"/matching document/.test({meta})")
        return page.evaluate("performance.now()") - start

    def fresh_page(browser, url: str, wait_for_ready: bool = True):
        page = browser.new_context().new_page()  # a context of its own: nothing cached
        page.goto(url + "/")  # returns at the load event
        page.keyboard.press("/")
        if wait_for_ready:
            page.wait_for_function(f"!{meta}.includes('Initializing')")
        return page

    def first_query(browser, url: str, query: str, wait_for_ready: bool) -> float:
        page = fresh_page(browser, url, wait_for_ready)
        took = timed(page, query, wait_for_ready)
        page.context.close()
        return took

    figures: dict[str, dict[str, list[float]]] = {side: {"first query": [], "at load": []} for side in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for i in range(first_queries):
            sides = list(urls.items()) if i % 2 == 0 else list(urls.items())[::-1]
            for wait_for_ready, figure in ((True, "first query"), (False, "at load")):
                for side, url in sides:
                    figures[side][figure].append(first_query(browser, url, queries[i % len(queries)], wait_for_ready))
        for side, url in urls.items():
            page = fresh_page(browser, url)
            figures[side]["then"] = [timed(page, query) for query in queries * 3]
            page.context.close()
        browser.close()
    return figures


def compare_search(site_url: str, stock_url: str) -> None:
    for side, figures in search_latencies({"site": site_url, "stock": stock_url}).items():
        print(
            f"search, typing to results: {side:5}"
            + ";".join(f" {name} median {statistics.median(times):6.1f} ms over {len(times)}" for name, times in figures.items())
        )


def only_search() -> None:
    """`--only-search`: both sides built once, then search timed alone."""
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as stock:
        build_site(ours, stock=False)
        write_worker(Path(ours))  # its service worker, as readers get it
        build_site(stock, stock=True)
        with serve(ours) as site_url, serve(stock) as stock_url:
            compare_search(site_url, stock_url)


# --- Repeat visit --------------------------------------------------------------------------


def repeat_visit_requests(site_dir: str, stock_dir: str) -> None:
    """Requests that reach the server when a reader opens each page a second time: for
    the site once its service worker has kept everything (scripts/offline.py), for stock
    with the browser's HTTP cache alone. The server counts them, so the worker's own
    fetches count too (the check for a new sw.js)."""
    from playwright.sync_api import sync_playwright

    pages = {**SHARED_PAGES, **SITE_ONLY_PAGES}
    print("\nRequests to the network: a first visit of each page (for the site, with its worker's")
    print("precaching), then a repeat visit")
    print("| page | side | first visit | repeat visit |")
    print("| --- | --- | --- | --- |")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for label, root in (("site", site_dir), ("stock", stock_dir)):
            received: list[str] = []
            handler = type("Counted", (StaticHost,), {"root": Path(root).resolve(), "log_message": lambda self, *_: received.append(self.path)})
            httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{httpd.server_address[1]}"
            for page_name, path in pages.items():
                if page_name in SITE_ONLY_PAGES and label == "stock":
                    continue
                context = browser.new_context()  # a first visit: nothing kept yet
                page = context.new_page()
                received.clear()
                page.goto(base + path, wait_until="networkidle")
                if label == "site":  # its first visit ends once the worker, registered after the page settles, has kept the site
                    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
                page.wait_for_timeout(500)
                first = len(received)
                received.clear()
                context.new_page().goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(1000)  # the after-load check for a new deploy
                print(f"| {page_name} | {label} | {first} | {len(received)} |")
                context.close()
            httpd.shutdown()
            httpd.server_close()
        browser.close()


# --- Main ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)  # 5 rounds left medians 100 ms of TBT apart from run to run
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--scale-only", action="store_true", help="only the scale row: the engine's build cost")
    parser.add_argument("--only-search", action="store_true", help="build both sides once and time search alone")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(ROOT)
    if args.scale_only:
        compare_scale(args.rounds)
        return
    if args.only_search:
        return only_search()
    if not args.skip_lighthouse and not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make bench`, which installs it")
    compare_builds(args.rounds)
    compare_scale(args.rounds)
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as stock:
        build_site(ours, stock=False)
        write_worker(Path(ours))  # as `make build` does: the site as readers get it
        build_site(stock, stock=True)
        with serve(ours) as site_url, serve(stock) as stock_url:
            if not args.skip_lighthouse:
                compare_pages(site_url, stock_url, args.rounds)
            print()
            compare_search(site_url, stock_url)
        repeat_visit_requests(ours, stock)


if __name__ == "__main__":
    main()
