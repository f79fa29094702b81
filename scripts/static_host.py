"""Serve a built site on 127.0.0.1 the way a static host (GitHub Pages) does.

Text is sent gzip'd when the client accepts it, and a missing page gets the
site's 404.html with status 404.  Used by the browser tests and `make bench`.

    python scripts/static_host.py site/ [--port 8001]

Its port is not `make serve`'s (8000): a built site's service worker keeps its pages
for its address, and would answer there with pages that have no live reload.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import mimetypes
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class StaticHost(http.server.BaseHTTPRequestHandler):
    root: Path  # set by serve()

    def do_GET(self) -> None:
        self.respond(body=True)

    def do_HEAD(self) -> None:
        self.respond(body=False)

    def respond(self, body: bool) -> None:
        path, status = self.resolve(), 200
        if path is None:
            path, status = self.root / "404.html", 404
        data = path.read_bytes() if path.exists() else b"Not found"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def resolve(self) -> Path | None:
        relative = self.path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root):
            return None
        if path.is_dir():
            path /= "index.html"
        return path if path.is_file() else None

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A browser that leaves a page, or cancels a download, closes its connection while
        # the file is sent: that is no error of the site's, and a traceback would say it is.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(root: Path, port: int = 0):
    """Serve root in a background thread; yields the base URL."""
    handler = type("Host", (StaticHost,), {"root": Path(root).resolve()})
    httpd = Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


BUILT_SITE_PORT = 8001


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=BUILT_SITE_PORT)
    args = parser.parse_args()
    with serve(args.root, args.port) as url:
        print(f"Serving {args.root} on {url}/ (Ctrl-C stops)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
