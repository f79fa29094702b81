"""scripts/engine_time.py, which gives `make bench` the seconds of a build in the term
engine's own code: it times the engine of the project it builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ROOT


def test_it_times_the_engine_of_the_project_it_builds(project: Path, tmp_path: Path):
    marker = "the copy's own engine"
    init = project / "notes_site" / "__init__.py"
    init.write_text(init.read_text() + f"\nprint({marker!r})\n")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "engine_time.py"), "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.split()
    assert marker in done.stdout and 0 < float(printed[-1]) < 60
