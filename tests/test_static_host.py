"""The static host the browser tests and `make bench` serve the built site with."""

from __future__ import annotations

import re
import socket
import struct
import time
from pathlib import Path

import pytest

import static_host
from support import ROOT


def test_a_client_that_leaves_mid_download_is_no_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """A browser that closes a page while a file comes: no traceback (under two test
    processes these reached the terminal, as if the site had failed)."""
    (tmp_path / "big.bin").write_bytes(bytes(16 * 1024 * 1024))  # not gzip'd: sent as it is
    with static_host.serve(tmp_path) as url:
        port = int(url.rsplit(":", 1)[1])
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                client.recv(1024)  # the file has started to come
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # closed with a reset
        time.sleep(0.5)  # the server's threads meet the closed connections
    assert capsys.readouterr().err == ""


def test_another_error_is_still_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    def broken(self, body):
        raise ValueError("a bug of the host's own")

    monkeypatch.setattr(static_host.StaticHost, "respond", broken)
    with static_host.serve(tmp_path) as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            client.recv(1024)
    time.sleep(0.2)
    assert "ValueError: a bug of the host's own" in capsys.readouterr().err


def test_a_built_site_is_served_apart_from_make_serve():
    """A built site's service worker keeps its pages for its address: on `make serve`'s,
    it answered with kept pages that have no live reload, which never saw an edit."""
    serve_port = re.search(r"--dev-addr 127\.0\.0\.1:(\d+)", (ROOT / "Makefile").read_text())[1]
    assert static_host.BUILT_SITE_PORT != int(serve_port)
