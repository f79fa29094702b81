"""Shared fixtures: the built site, a copy of the project to break, the hook, a local server."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path

import pytest

from static_host import serve
from support import BUILT_SITE, ROOT, make_build, mkdocs_build

PROJECT_FILES = ("mkdocs.yml", "docs", "hooks", "notes_site", "overrides", "CONTRIBUTING.md")
HOOKS = re.compile(r"^hooks:\n(?:[ \t-].*\n|\n)*", re.M)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make build` makes it: the strict build, then the flashcard decks,
    the EPUB and the service worker."""
    if os.environ.get(BUILT_SITE):
        return Path(os.environ[BUILT_SITE])
    site_dir = tmp_path_factory.mktemp("site")
    failed = make_build(ROOT, site_dir)
    assert failed is None, failed
    return site_dir


def copy_project(to: Path) -> Path:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, to / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, to / name)
    return to


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project, for builds with broken input."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def hookless_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built without its hooks, as Zensical ignores them: the strict build."""
    project = copy_project(tmp_path_factory.mktemp("hookless"))
    config = project / "mkdocs.yml"
    without, removed = HOOKS.subn("", config.read_text())
    assert removed == 1
    config.write_text(without)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def hook_module(name: str):
    """hooks/NAME.py as a module of its own, as MkDocs loads it."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def hook():
    """The term engine's hook, hooks/notes_hook.py."""
    return hook_module("notes_hook")


@pytest.fixture(scope="session")
def site_hook():
    """The site's other hook, hooks/site_hook.py."""
    return hook_module("site_hook")


@pytest.fixture(scope="session")
def server(site: Path):
    """The built site on 127.0.0.1, as a static host serves it (gzip, 404.html)."""
    with serve(site) as url:
        yield url
