"""The builds `make bench` compares the site with (scripts/bench.py): without the term
engine, and without it but keeping the hook that is no part of it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from bench import ENGINE, NO_ENGINE_CONFIG, NO_ENGINE_SITE_HOOK_CONFIG, write_no_engine_configs


def test_the_builds_without_the_engine_differ_from_the_site_only_in_the_engine_and_hooks(project: Path):
    write_no_engine_configs(project)
    site = load_config(str(project / "mkdocs.yml"))
    hooks = {name: [Path(hook).name for hook in load_config(str(project / name))["hooks"]]
             for name in (NO_ENGINE_CONFIG, NO_ENGINE_SITE_HOOK_CONFIG)}
    assert [Path(hook).name for hook in site["hooks"]] == ["notes_hook.py", "site_hook.py"]
    assert hooks == {NO_ENGINE_CONFIG: [], NO_ENGINE_SITE_HOOK_CONFIG: ["site_hook.py"]}
    for name in hooks:
        without = load_config(str(project / name))
        assert ENGINE in site["markdown_extensions"] and ENGINE not in without["markdown_extensions"]
        assert [e for e in site["markdown_extensions"] if e != ENGINE] == without["markdown_extensions"]
        assert plugins(without) == plugins(site) and without["nav"] == site["nav"]


def plugins(config) -> list[str]:
    return [name for name in config["plugins"] if not name.startswith("hooks/")]  # MkDocs lists hooks among them
