"""Which Chromium to drive, and how: shared by the browser tests and `make bench`.

Debian's chromium by default; CHROMIUM names another (GitHub's runners have Chrome).
The flags keep a headless Chromium from reaching for Google's services, which this
machine's closed network refuses.
"""

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
