"""What the editions should hold, worked out without the editions' code: the top-level entries
and each section's own page from the project's mkdocs.yml, and every page in navigation order,
with its title, from the built site's "Next" links (Material's navigation footer), which include
the pages the hooks add from data."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from tests.support import content
from tests.support.nav import nav
from tests.support.project import BuildResult
from tests.support.site import resolve


@dataclass(frozen=True)
class Entry:
    """A line of the contents, and a bookmark: a page, or a section with no page of its own."""

    title: str
    level: int
    url: str | None  # the page's address; None for a section with no page of its own


@dataclass(frozen=True)
class Part:
    """A top-level entry of the navigation and what it holds."""

    title: str
    section: bool
    entries: list[Entry]


def file_slug(words: str) -> str:
    """Words as the editions' file names write them: lower case, hyphens between words."""
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def pages_in_order(site: BuildResult) -> list[tuple[str, str]]:
    """Every page as (address, title), following each page's "Next" link from the home page."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    url: str | None = ""
    while url is not None and url not in seen:
        seen.add(url)
        page = site.page(url)
        found.append((url, _title(page)))
        following = [link for link in page.iter("a")
                     if "md-footer__link--next" in link.attrs.get("class", "").split()]
        url = resolve(url, following[0].attrs["href"])[0] if following else None
    return found


def _title(page) -> str:
    """A page's title as the navigation gives it: Material writes it in the browser tab's title,
    before the site's name (the home page's tab has the site's name only)."""
    tab = next(page.iter("title")).text()
    return tab.rsplit(" - ", 1)[0] if " - " in tab else tab


def _first_path(value) -> str:
    entry = value[0] if isinstance(value, list) else value
    if isinstance(entry, dict):
        return _first_path(next(iter(entry.values())))
    return entry


def navigation(root: Path, site: BuildResult) -> list[Part]:
    """The navigation, top level from mkdocs.yml (whose sections here hold pages, not further
    sections), each section's pages from the built site's order. A section whose first page is
    an index.md has that page as its own (Material's navigation.indexes)."""
    order = pages_in_order(site)
    urls = [url for url, _ in order]
    tops = [(title, value) for item in nav(root) for title, value in item.items()]
    starts = [urls.index(content.page_address(_first_path(value))) for _, value in tops]
    parts = []
    for number, (title, value) in enumerate(tops):
        start = starts[number]
        end = starts[number + 1] if number + 1 < len(starts) else len(order)
        if not isinstance(value, list):
            parts.append(Part(title, False, [Entry(title, 1, order[start][0])]))
            continue
        own = posixpath.basename(_first_path(value)) == "index.md"
        entries = [Entry(title, 1, order[start][0] if own else None)]
        entries += [Entry(page_title, 2, url)
                    for url, page_title in order[start + (1 if own else 0):end]]
        parts.append(Part(title, True, entries))
    return parts


def heading(site: BuildResult, entry: Entry) -> str:
    """The words a reader sees at the top of the entry: the page's own first heading, or the
    section's title."""
    if entry.url is None:
        return entry.title
    first = next(site.page(entry.url).iter("h1"))
    return first.text().replace("¶", "").strip()
