"""Vendored browser files are the pinned npm packages' own files, byte for byte.

The site may not fetch from a CDN at run time, so the flashcards page serves ts-fsrs
from docs/javascripts/vendor/. To update it: `npm install --save-exact ts-fsrs@X.Y.Z`,
then copy the file named below over the vendored one.

Workbox likewise: workbox-window for the page (docs/javascripts/vendor/), and the
service worker's runtime (worker/vendor/), which scripts/offline.py puts into sw.js.
Update all five packages together: `npm install --save-exact workbox-core@X.Y.Z
workbox-routing@X.Y.Z workbox-strategies@X.Y.Z workbox-precaching@X.Y.Z
workbox-window@X.Y.Z`, then copy the build files named below.
"""

from __future__ import annotations

import json
import re

import pytest

from support import ROOT

VENDOR = ROOT / "docs" / "javascripts" / "vendor"
# The vendored file -> the npm package it comes from.
VENDORED = {"ts-fsrs.js": "ts-fsrs"}


def installed(package: str):
    folder = ROOT / "node_modules" / package
    if not (folder / "package.json").is_file():
        pytest.fail(f"node_modules/{package} is missing: run `npm ci` (make test does)")
    return folder, json.loads((folder / "package.json").read_text())


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_a_vendored_file_is_the_pinned_packages_browser_module(name: str):
    package = VENDORED[name]
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"][package]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"pin {package} to an exact version, not {pinned!r}"
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"][f"node_modules/{package}"]
    assert locked["version"] == pinned
    folder, manifest = installed(package)
    assert manifest["version"] == pinned, "node_modules is stale: run `npm ci`"
    module = manifest["exports"]["."]["import"]  # what a browser's `import` would load
    assert (VENDOR / name).read_bytes() == (folder / module).read_bytes()
    assert (VENDOR / f"{name.removesuffix('.js')}.LICENSE.txt").read_bytes() == (folder / "LICENSE").read_bytes()


WORKER_VENDOR = ROOT / "worker" / "vendor"
# The vendored file -> its npm package and its path in it: the production builds.
WORKBOX = {
    VENDOR / "workbox-window.prod.mjs": ("workbox-window", "build/workbox-window.prod.mjs"),
    **{
        WORKER_VENDOR / f"workbox-{name}.prod.js": (f"workbox-{name}", f"build/workbox-{name}.prod.js")
        for name in ("core", "routing", "strategies", "precaching")
    },
}
WORKBOX_LICENSES = (VENDOR / "workbox-window.LICENSE.txt", WORKER_VENDOR / "workbox.LICENSE.txt")


@pytest.mark.parametrize("vendored", sorted(WORKBOX), ids=lambda path: path.name)
def test_a_vendored_workbox_file_is_the_pinned_packages_build(vendored):
    package, build = WORKBOX[vendored]
    pins = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pins[package]), f"pin {package} to an exact version, not {pins[package]!r}"
    assert len({pins[name] for name, _ in WORKBOX.values()}) == 1, "the Workbox packages go together: pin one version"
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"][f"node_modules/{package}"]
    assert locked["version"] == pins[package]
    folder, manifest = installed(package)
    assert manifest["version"] == pins[package], "node_modules is stale: run `npm ci`"
    assert vendored.read_bytes() == (folder / build).read_bytes()
    for license_file in WORKBOX_LICENSES:
        assert license_file.read_bytes() == (folder / "LICENSE").read_bytes()
