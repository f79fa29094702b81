"""The site's service worker, made after `mkdocs build`: site/sw.js, which keeps the
whole site in the reader's browser after one visit (a `make build` step, never a hook).

    python scripts/offline.py site/            # write site/sw.js with its precache manifest
    python scripts/offline.py site/ --retire   # write the kill switch as site/sw.js instead

site/sw.js is Workbox's runtime (worker/vendor/, the pinned npm packages' own build
files), then the precache manifest of the built site (every file a reader needs, each
with a hash of its content as its revision), then worker/sw.js. Vendored rather than
bundled: `make build` then needs Python alone, not Node and a bundler, and
tests/test_vendored.py checks the files byte for byte against package.json's pins.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "worker" / "sw.js"
RETIRE = ROOT / "worker" / "retire.js"
# In the order they load: each one uses the ones before it (`workbox.core`, ...).
RUNTIME = [ROOT / "worker" / "vendor" / f"workbox-{name}.prod.js" for name in ("core", "routing", "strategies", "precaching")]
OUTPUT = "sw.js"
MAX_FILE_BYTES = 2 * 1024 * 1024  # Workbox's per-file limit (maximumFileSizeToCacheInBytes)

# Left out, as paths from the site's root: the downloads (a reader fetches those on
# purpose; a 100-page PDF is no page to keep), the print page and its assets (print/
# alone uses them), source maps, the 404 page (offline/ answers instead), the sitemap,
# and the worker itself (the browser keeps it apart).
LEFT_OUT = re.compile(
    r"""^(?:downloads/.*
        |print/.*|css/print-site[^/]*\.css|js/print-site\.js
        |.*\.map
        |404\.html
        |sitemap\.xml(?:\.gz)?
        |sw\.js)$""",
    re.VERBOSE,
)
# Lunr's language files: Material's search worker loads them only for the languages
# of the index's config other than English (see search_languages).
LUNR_LANGUAGES = "assets/javascripts/lunr/"
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S*\s*$")


@dataclass(frozen=True)
class Entry:
    url: str  # from the site's root, as the worker's scope resolves it
    revision: str  # the content's hash: a changed file is fetched again, only it
    size: int


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def search_languages(site: Path) -> set[str]:
    """The Lunr files that Material's search worker loads for the index's languages."""
    index = site / "search" / "search_index.json"
    languages = json.loads(index.read_text())["config"]["lang"] if index.is_file() else ["en"]
    others = [language for language in languages if language != "en"]
    if not others:
        return set()
    files = {"min/lunr.stemmer.support.min.js", *(f"min/lunr.{language}.min.js" for language in others)}
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if "ja" in others:
        files.add("tinyseg.js")
    if "th" in others:
        files.add("wordcut.js")
    return {LUNR_LANGUAGES + name for name in files}


def precached(path: str, languages: set[str]) -> bool:
    if path.startswith(LUNR_LANGUAGES):
        return path in languages
    return not LEFT_OUT.match(path)


def manifest(site: Path) -> list[Entry]:
    """Every file of the built site that a reader needs offline, in path order."""
    languages = search_languages(site)
    entries = []
    for file in sorted(site.rglob("*")):
        path = file.relative_to(site).as_posix()
        if file.is_file() and precached(path, languages):
            data = file.read_bytes()
            entries.append(Entry(path, revision(data), len(data)))
    return entries


def too_large(entries: list[Entry]) -> list[Entry]:
    return [entry for entry in entries if entry.size > MAX_FILE_BYTES]


def worker_source(entries: list[Entry], runtime: list[str], worker: str) -> str:
    """Workbox's runtime, the manifest, then the site's worker: one file, one request."""
    listed = json.dumps([{"url": entry.url, "revision": entry.revision} for entry in entries], separators=(",", ":"))
    parts = [SOURCE_MAP.sub("\n", part) for part in runtime]  # their maps are not shipped
    return "// Made by scripts/offline.py from worker/sw.js: do not edit.\n" + "".join(parts) + (
        f"self.__WB_MANIFEST = {listed};\n" + worker
    )


def write_worker(site: Path) -> list[Entry]:
    entries = manifest(site)
    large = too_large(entries)
    if large:
        names = ", ".join(f"{entry.url} ({entry.size // 1024} KiB)" for entry in large)
        raise SystemExit(f"offline: over Workbox's 2 MiB limit per file: {names}; leave it out in scripts/offline.py (LEFT_OUT) or make it smaller")
    runtime = [path.read_text() for path in RUNTIME]
    (site / OUTPUT).write_text(worker_source(entries, runtime, WORKER.read_text()))
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("--retire", action="store_true", help="write the kill switch (worker/retire.js) as sw.js")
    args = parser.parse_args()
    if args.retire:
        (args.site / OUTPUT).write_text(RETIRE.read_text())
        print(f"Wrote {args.site / OUTPUT}: the kill switch, which removes the worker and its caches")
        return
    entries = write_worker(args.site)
    total = sum(entry.size for entry in entries)
    print(f"Wrote {args.site / OUTPUT}: {len(entries)} files precached, {total / 1024:.0f} KiB in all")


if __name__ == "__main__":
    main()
