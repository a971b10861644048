"""The browser test harness: serve a built site over HTTP on 127.0.0.1 (at the root or under a
sub-path, as intranets host it), find Debian's Chromium, and list the pages to check."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable, Iterator

from tests.support.html_tree import parse

SUB_PATH = "/guidance/csa/"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "/usr/bin/chromium",
                       "/usr/lib/chromium/chromium", "/snap/bin/chromium")
# Flags for a root, headless, offline machine: no sandbox (root), and no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOW_TO_GET_CHROMIUM = ("no Chromium found: install Debian's with `sudo apt-get install chromium`, "
                       "or set CHROMIUM_PATH to a Chromium executable")


@contextmanager
def other_hosts_refused() -> Iterator[list[str]]:
    """Chromium flags that refuse every request to a host but the local server at once, so a
    check never waits on the network; the page still records each request, so the checks see it.

    Such requests are sent to a proxy on a local port that is bound, but never listens, while
    the flags are in use, so every connection to it is refused at once (loopback addresses are
    never sent to a proxy). Playwright's request routing would do the same, but routing turns
    off the browser's cache, so every page of a sweep would fetch Material's scripts, styles and
    search index again."""
    with socket.socket() as refuser:
        refuser.bind(("127.0.0.1", 0))
        yield [f"--proxy-server=http://127.0.0.1:{refuser.getsockname()[1]}",
               "--proxy-bypass-list=127.0.0.1"]


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


# Attributes whose value, not only their presence, can change whether or how an element takes
# focus or shows.
_FOCUS_ATTRIBUTES = {"tabindex", "style", "hidden", "inert", "disabled", "aria-hidden", "role",
                     "type", "contenteditable"}


def page_file(site: Path, page: str) -> Path:
    """The built file of a page given as an address relative to the site (``sources/x/``)."""
    return site / page if page.endswith(".html") else site / page / "index.html"


def one_page_per_shape(pages: list[str], site: Path) -> list[str]:
    """``pages`` with only the largest page of each shape, in their order.

    Pages have one shape when their built HTML has the same kinds of element: a kind is a tag
    with its classes, the names of its attributes, and the values of those that can change
    whether or how it takes focus (tabindex, style, hidden...); text, addresses and how many of
    each kind are left aside. Pages of one shape come from one template, with the same styles
    and scripts acting on every kind, and each has every kind the others have: the finding pages
    and the pages written in their shape, say. So a check of how the template and its scripts
    treat each kind of element (which take focus, and how focus shows) finds on the largest what
    it would find on each. A page with anything of its own (a kind, a class or an attribute the
    others lack) is a shape of its own."""
    shapes: dict[frozenset, list[str]] = {}
    for page in pages:
        body = next(parse(page_file(site, page).read_text(encoding="utf-8")).iter("body"))
        shape = frozenset(
            (element.tag, " ".join(sorted(element.attrs.get("class", "").split())),
             tuple(sorted((name, value if name in _FOCUS_ATTRIBUTES else None)
                          for name, value in element.attrs.items() if name != "class")))
            for element in body.iter())
        shapes.setdefault(shape, []).append(page)
    kept = {max(group, key=lambda page: page_file(site, page).stat().st_size)
            for group in shapes.values()}
    return [page for page in pages if page in kept]
