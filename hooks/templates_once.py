"""The theme's Jinja environment made once per build, so that its templates are compiled
once. MkDocs-only, and no part of the term engine: a build without the engine keeps it.

The search plugin asks MkDocs' theme for a new environment for its translations, and the
print-site plugin for the print page: each compiled every template it rendered again
(0.1 s of each build). The print page is then rendered as every other page is. Each
build of `make serve` loads the configuration, and so its theme, anew.
"""

from __future__ import annotations

from functools import cache

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(100)  # first: the search plugin's own on_config asks for an environment
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    config.theme.get_env = cache(config.theme.get_env)  # type: ignore[method-assign]
    return config
