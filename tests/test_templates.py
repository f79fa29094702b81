"""The theme's templates compiled once per build (hooks/site_hook.py): the search and
print-site plugins ask MkDocs' theme for a Jinja environment of their own, and each new
one compiled every template it rendered again."""

from __future__ import annotations

from collections import Counter

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """A build of the site: how often each template was compiled, and its config."""
    compiled: Counter[str] = Counter()
    compile_template = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled[name] += 1
        return compile_template(self, source, name, filename, raw, defer_init)

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("site")))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", counting)
        patch.chdir(ROOT)  # the extension's docs_dir is from the folder the build runs in
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(config)
    return compiled, config


def test_each_template_is_compiled_once_per_build(built):
    compiled, _ = built
    assert compiled["main.html"] == 1  # the pages', then the print page's
    assert compiled["partials/language.html"] == 1  # the search plugin's translations, then the pages'
    assert {name: count for name, count in compiled.items() if count > 1} == {}


def test_the_print_page_renders_as_in_a_new_environment(built):
    """The print page, rendered in the build's environment, is what the print-site
    plugin made in a new one of its own."""
    _, config = built
    printer = config.plugins["print-site"]
    fresh = config.theme.get_env.__wrapped__()  # the theme's own get_env, uncached
    in_build = config.theme.get_env().get_template("main.html").render(printer.context)
    assert in_build == fresh.get_template("main.html").render(printer.context)
    assert printer.print_page.title in in_build
