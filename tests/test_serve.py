"""`mkdocs serve`: an edited definition shows on the glossary after the rebuild."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

LESSON = "docs/lessons/06-latency-and-throughput.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(condition, seconds: float = 90) -> bool:
    """Whether the condition comes true in time: generous, as it returns at once when it
    does, and a loaded machine may take a while to build."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_shows_an_edited_definition_after_the_rebuild(project: Path, tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/glossary/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: "The time it takes for a certain operation" in fetch(url)), log.read_text()
        lesson = project / LESSON
        lesson.write_text(lesson.read_text().replace("The time it takes for a certain operation", "How long one operation takes"))
        assert wait_for(lambda: "How long one operation takes" in fetch(url)), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)
