"""Reading a built site: where its links lead, what its navigation lists, its tables' rows."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .html_tree import Element, parse
from .project import BuildResult

BASE = "http://site.test/"


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """The site path and fragment a link on the page at ``page_url`` points to."""
    target = urlsplit(urljoin(BASE + page_url, href))
    return unquote(target.path).lstrip("/"), target.fragment


def page_url(site: BuildResult, path: Path) -> str:
    """A built HTML file's address under the site (``sources/x/`` for sources/x/index.html)."""
    return path.relative_to(site.site).as_posix().removesuffix("index.html")


def nav_links(site: BuildResult, url: str) -> list[str]:
    """The pages the primary navigation links to, in order, as seen on the page at ``url``.
    Material prunes collapsed sections, so a section's pages are listed on the pages inside it."""
    links = [resolve(url, link.attrs["href"])[0]
             for nav in site.page(url).with_class("md-nav--primary")
             for link in nav.iter("a") if "href" in link.attrs]
    return list(dict.fromkeys(links))


def table_rows(page: Element) -> list[tuple[Element, Element]]:
    """Each data row of the page's tables as (first cell, second cell)."""
    rows = []
    for row in page.iter("tr"):
        cells = list(row.iter("td"))
        if len(cells) >= 2:
            rows.append((cells[0], cells[1]))
    return rows


class Pages:
    """Each built page parsed once, for tests that follow many links into the same pages."""

    def __init__(self, site: BuildResult) -> None:
        self.site = site
        self._parsed: dict[Path, Element] = {}
        self._ids: dict[Path, set[str]] = {}

    def file_for(self, path: str) -> Path:
        """The file a site path is served from (a folder's index.html)."""
        target = self.site.site / path
        if target.is_dir() or not path or path.endswith("/"):
            target = target / "index.html"
        return target

    def parsed(self, file: Path) -> Element:
        if file not in self._parsed:
            self._parsed[file] = parse(file.read_text(encoding="utf-8"))
        return self._parsed[file]

    def ids(self, file: Path) -> set[str]:
        if file not in self._ids:
            self._ids[file] = {element.attrs["id"] for element in self.parsed(file).iter()
                               if "id" in element.attrs}
        return self._ids[file]
