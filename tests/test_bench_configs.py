"""The builds `make bench` compares the site with (scripts/bench.py): without the term
engine, and without it but keeping the hook that is no part of it; and how it reads a
build's instruction count from Valgrind."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from bench import ENGINE, NO_ENGINE_CONFIG, NO_ENGINE_SITE_HOOK_CONFIG, counted_instructions, write_no_engine_configs


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


VALGRIND_OUTPUT = """==7317== Cachegrind, a high-precision tracing profiler
==7317== Command: python -m mkdocs build --strict --quiet
==7321== I   refs:      1,761,552,947
==7317==
==7317== I   refs:      7,574,998,520
"""


def test_a_builds_instructions_are_its_own_process_not_the_workers_it_forks():
    assert counted_instructions(VALGRIND_OUTPUT) == 7_574_998_520


def test_valgrind_output_without_a_count_is_an_error_that_shows_it():
    with pytest.raises(ValueError, match="(?s)no instruction count.*Command: python"):
        counted_instructions(VALGRIND_OUTPUT.split("==7321==")[0])
