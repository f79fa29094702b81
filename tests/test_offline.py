"""Offline and installable, as built: the service worker's precache manifest (written by
scripts/offline.py after `mkdocs build`), the web app manifest, its icons, the iOS tags.
What they do in a browser is tested in tests/browser/test_offline.py."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from figure_palette import LIGHT
from offline import MAX_FILE_BYTES, RUNTIME, manifest, revision, search_languages, worker_source, write_worker
from support import ROOT

PRECACHE = re.compile(r"^self\.__WB_MANIFEST = (\[.*\]);$", re.M)


def precached(site: Path) -> dict[str, str]:
    """The worker's precache manifest as sw.js holds it: url -> revision."""
    listed = json.loads(PRECACHE.search((site / "sw.js").read_text()).group(1))
    return {entry["url"]: entry["revision"] for entry in listed}


def pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])  # IHDR's width and height


def test_the_precache_holds_every_page_and_what_pages_load(site: Path):
    kept = precached(site)
    expected = [page for page in pages(site) if not page.startswith("print/")]
    assert "offline/index.html" in expected and "index.html" in expected
    assert [page for page in expected if page not in kept] == []
    needed = [
        "search/search_index.json", "search/search_documents.json",
        "javascripts/flashcards.js", "javascripts/vendor/ts-fsrs.js", "javascripts/progress.js",
        "javascripts/search-worker.js", "javascripts/offline.js", "javascripts/vendor/workbox-window.prod.mjs",
        "manifest.webmanifest", "stylesheets/extra.css",
        *(path.relative_to(site).as_posix() for path in (site / "photos").iterdir()),
        *(path.relative_to(site).as_posix() for path in (site / "icons").iterdir()),
        *(path.relative_to(site).as_posix() for path in (site / "assets").rglob("*.*")
          if path.suffix in (".js", ".css") and "/lunr/" not in path.as_posix()),
    ]
    assert [path for path in needed if path not in kept] == []


def test_the_precache_leaves_out_the_downloads_the_print_page_and_the_worker(site: Path):
    kept = precached(site)
    assert list((site / "downloads").iterdir())  # there are downloads to leave out
    left_out = [url for url in kept if re.match(r"downloads/|print/|.*\.map$|404\.html$|sw\.js$|css/print-site|js/print-site", url)]
    assert left_out == []
    assert not [url for url in kept if url.startswith("assets/javascripts/lunr/")]  # English only: no language files


def test_each_revision_is_the_hash_of_the_files_content_and_each_file_fits_workbox(site: Path):
    kept = precached(site)
    assert {url: revision((site / url).read_bytes()) for url in kept} == kept
    sizes = {url: (site / url).stat().st_size for url in kept}
    assert max(sizes.values()) < MAX_FILE_BYTES, max(sizes.items(), key=lambda item: item[1])
    print(f"precache: {len(kept)} files, {sum(sizes.values()) / 1024:.0f} KiB")  # -s shows it


def test_a_file_over_workboxs_limit_stops_the_step_with_its_name(tmp_path: Path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "huge.png").write_bytes(b"\0" * (MAX_FILE_BYTES + 1))
    with pytest.raises(SystemExit, match=r"photos/huge\.png \(2048 KiB\).*LEFT_OUT"):
        write_worker(tmp_path)
    assert not (tmp_path / "sw.js").exists()


def test_lunr_language_files_are_kept_for_the_languages_the_index_names(tmp_path: Path):
    (tmp_path / "search").mkdir()
    index = tmp_path / "search" / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["en"]}}))
    assert search_languages(tmp_path) == set()
    index.write_text(json.dumps({"config": {"lang": ["en", "de"]}}))
    assert search_languages(tmp_path) == {
        f"assets/javascripts/lunr/min/lunr.{name}.min.js" for name in ("stemmer.support", "multi", "de")
    }
    for name in search_languages(tmp_path):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("// lunr")
    (tmp_path / "assets/javascripts/lunr/wordcut.js").write_text("// Thai")
    assert sorted(entry.url for entry in manifest(tmp_path) if "lunr" in entry.url) == sorted(search_languages(tmp_path))


def test_the_worker_is_workboxs_runtime_then_the_manifest_then_ours_and_loads_nothing_else(site: Path):
    source = (site / "sw.js").read_text()
    runtime = [path.read_text() for path in RUNTIME]
    assert source == worker_source(manifest(site), runtime, (ROOT / "worker" / "sw.js").read_text())
    starts = [source.index(part.split("\n")[0][:200]) for part in runtime]
    assert starts == sorted(starts)  # core, routing, strategies, precaching: each needs the ones before
    assert "importScripts" not in source and "sourceMappingURL" not in source
    code = [line for line in (ROOT / "worker" / "sw.js").read_text().splitlines() if not line.strip().startswith("//")]
    assert not [line for line in code if re.search(r"https?://", line)]  # no CDN, no absolute URL


def test_the_kill_switch_replaces_the_worker(site: Path, tmp_path: Path):
    (tmp_path / "sw.js").write_text("the real worker")
    result = subprocess.run([sys.executable, "scripts/offline.py", str(tmp_path), "--retire"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sw.js").read_text() == (ROOT / "worker" / "retire.js").read_text()


def material_primary_colour(site: Path, primary: str) -> str:
    """The primary colour that Material's palette stylesheet gives mkdocs.yml's `primary`."""
    css = next((site / "assets" / "stylesheets").glob("palette.*.min.css")).read_text()
    return re.search(rf"\[data-md-color-primary={primary}\]\{{--md-primary-fg-color:(#[0-9a-f]{{6}})", css).group(1)


def test_the_web_app_manifest_is_relative_standalone_and_in_the_sites_colours(site: Path):
    app = json.loads((site / "manifest.webmanifest").read_text())
    assert app["name"] and app["short_name"] and len(app["short_name"]) <= 12  # a launcher's label
    assert (app["start_url"], app["scope"], app["display"]) == ("./", "./", "standalone")
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    palette = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=loader)["theme"]["palette"][0]
    assert app["theme_color"] == material_primary_colour(site, palette["primary"])
    assert app["background_color"] == LIGHT["paper"]
    icons = {(icon["sizes"], icon.get("purpose", "any")): icon for icon in app["icons"]}
    assert {"192x192", "512x512"} <= {size for size, purpose in icons if purpose == "any"}
    assert [size for size, purpose in icons if purpose == "maskable"]
    for (sizes, _), icon in icons.items():
        width, height = png_size(site / icon["src"])
        assert f"{width}x{height}" == sizes and icon["type"] == "image/png", icon


@pytest.mark.parametrize("page", ["index.html", "lessons/07-availability/index.html", "offline/index.html", "404.html"])
def test_every_page_links_the_manifest_the_touch_icon_and_the_worker(site: Path, page: str):
    html = BeautifulSoup((site / page).read_text(), "html.parser")
    base = f"https://example.org/notes/{page}"  # any host: the links are relative
    def local(href: str) -> Path:
        return site / urljoin(base, href).removeprefix("https://example.org/notes/")
    if page != "404.html":  # the 404 page's links are absolute, from site_url, as on any host
        assert local(html.select_one("link[rel=manifest]")["href"]) == site / "manifest.webmanifest"
        assert png_size(local(html.select_one("link[rel=apple-touch-icon]")["href"])) == (180, 180)
        scripts = [local(script["src"]) for script in html.select("script[type=module][src]")]
        assert site / "javascripts" / "offline.js" in scripts
    app = json.loads((site / "manifest.webmanifest").read_text())
    assert html.select_one("meta[name=theme-color]")["content"] == app["theme_color"]
    assert html.select_one("meta[name=apple-mobile-web-app-capable]")["content"] == "yes"
    assert html.select_one("meta[name=apple-mobile-web-app-title]")["content"] == app["short_name"]


def test_the_offline_page_is_not_searched_printed_or_in_the_navigation(site: Path):
    documents = json.loads((site / "search" / "search_documents.json").read_text())
    assert not [doc for doc in documents if doc["location"].startswith("offline/")]
    assert "You are offline" not in (site / "print" / "index.html").read_text()
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert not home.select(".md-nav a[href*='offline/']")


def test_a_zensical_build_then_the_same_step_gets_the_worker_and_the_manifest(project: Path):
    zensical = Path(sys.executable).parent / "zensical"
    result = subprocess.run([str(zensical), "build", "--clean"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    built = project / "site"
    step = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), str(built)], capture_output=True, text=True)
    assert step.returncode == 0, step.stderr
    kept = precached(built)
    assert [page for page in pages(built) if page not in kept and not page.startswith("print/")] == []
    assert {"offline/index.html", "manifest.webmanifest", "javascripts/offline.js"} <= set(kept)
    home = (built / "index.html").read_text()
    assert 'rel="manifest"' in home and "javascripts/offline.js" in home
