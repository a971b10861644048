"""The browser test harness: serve a built site over HTTP on 127.0.0.1 (at the root or under a
sub-path, as intranets host it), find Debian's Chromium, and list the pages to check."""

from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

SUB_PATH = "/guidance/csa/"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "/usr/bin/chromium",
                       "/usr/lib/chromium/chromium", "/snap/bin/chromium")
# Flags for a root, headless, offline machine: no sandbox (root), and no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOW_TO_GET_CHROMIUM = ("no Chromium found: install Debian's with `sudo apt-get install chromium`, "
                       "or set CHROMIUM_PATH to a Chromium executable")


def find_chromium() -> str | None:
    """CHROMIUM_PATH if set, else the usual Debian paths. Never a browser a test tool downloads."""
    if configured := os.environ.get("CHROMIUM_PATH"):
        return configured if os.access(configured, os.X_OK) else None
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site only below ``prefix``; anything else is 404, as on a shared intranet host."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``site`` at http://127.0.0.1:<free port><prefix>; yields that base address."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path, *, include_404: bool = True) -> list[str]:
    """Every page of a built site, as addresses relative to its root (``sources/x/``)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            if include_404:
                pages.append(relative)
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages
