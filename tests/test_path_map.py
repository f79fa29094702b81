"""notes_site.path_map's drawing, apart from the site: Graphviz's own noise kept out of
the build's output, its other messages passed on."""

from __future__ import annotations

import os
import subprocess
import sys

from notes_site.path_map import FONTCONFIG_NOISE, stderr_without

# What the fontconfig in pygraphviz's wheel writes on Debian 12, once per process.
NOISE = 'Fontconfig warning: "/usr/share/fontconfig/conf.avail/05-reset-dirs-sample.conf", line 6: unknown element "reset-dirs"\n'
DRAW_A_MAP = """
from types import SimpleNamespace
from notes_site.path_map import draw_map
lessons = [SimpleNamespace(number=1, title="Introduction"), SimpleNamespace(number=2, title="Design Fundamentals")]
print(draw_map(lessons, {1: (), 2: (1,)}, lambda lesson: f"lessons/{lesson.number}/")[:4])
"""


def test_the_noise_is_dropped_and_every_other_message_passed_on(capfd):
    with stderr_without(FONTCONFIG_NOISE):
        os.write(2, NOISE.encode())
        os.write(2, b"Warning: node 'lesson-1' size too small for label\n")
        os.write(2, b"Fontconfig error: Cannot load default config file\n")
    assert capfd.readouterr().err == (
        "Warning: node 'lesson-1' size too small for label\nFontconfig error: Cannot load default config file\n"
    )


def test_drawing_a_map_in_a_new_process_writes_nothing_to_standard_error():
    """Fontconfig warns once per process, at the first drawing: so a process of its own.
    (Where the system's fontconfig and the wheel's agree, there is nothing to drop.)"""
    done = subprocess.run([sys.executable, "-c", DRAW_A_MAP], capture_output=True, text=True, check=True)
    assert (done.stdout, done.stderr) == ("<svg\n", "")
