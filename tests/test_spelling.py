"""codespell on the docs: a misspelling in a pull request fails CI."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_codespell_finds_nothing_in_the_docs():
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "docs", "CONTRIBUTING.md", "README.md"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
