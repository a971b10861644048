"""The browser test harness: serve a built site over HTTP on 127.0.0.1 (at the root or under a
sub-path, as intranets host it), find Debian's Chromium, and list the pages to check."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable, Iterator

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


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that leaves a page while a file is still on its way closes the connection;
        that is not the site's fault, so say nothing rather than print a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``site`` at http://127.0.0.1:<free port><prefix>; yields that base address."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(site)))
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


def one_page_per_template(pages: list[str], site: Path,
                          generated: Iterable[Iterable[str]]) -> list[str]:
    """``pages`` with only one page of each kind that one template makes from data.

    ``generated`` lists the pages of each kind (a page per category, a page per organisation).
    Those pages share their markup, scripts and styles, so for the checks of what a template
    does (keyboard, reflow, print, requests) a second copy only repeats the first; the quick tests
    check each one's content. The largest page of each kind is kept, as it has the most rows,
    links and width to get wrong. Every other page, made by hand or made once, is kept."""
    listed = set(pages)
    left_out: set[str] = set()
    for kind in map(list, generated):
        missing = [page for page in kind if page not in listed]
        assert not missing, f"generated pages missing from the built site: {missing}"
        largest = max(kind, key=lambda page: (site / page / "index.html").stat().st_size)
        left_out.update(page for page in kind if page != largest)
    return [page for page in pages if page not in left_out]
