"""Links that must keep working: the published list, the redirects that keep old links alive, and
the check that every published link still leads somewhere.

Addresses are site paths as a reader sees them, like ``/sources/trauma/#social-care-records``.
The site's pages and their linkable sections (headings and table rows, each with its own link)
are read from the built HTML, so what is checked is what readers get.
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Callable, Iterable

from markdown.extensions.toc import slugify

from . import records as r
from .addresses import relative, split
from .problems import Problem

_LINK_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass=["']([^"']*)["']""")
_SELF_HREF = re.compile(r"""\bhref=["']#([^"']+)["']""")
_ID = r"""\bid=["']{}["']"""
_ANY_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")
LINKABLE = {"headerlink", "row-link"}  # Material's heading links, and this site's row links


def linkable_ids(html: str) -> list[str]:
    """The sections a reader can link to: every heading and row that has its own link."""
    ids = []
    for tag in _LINK_TAG.findall(html):
        classes = _CLASS.search(tag)
        href = _SELF_HREF.search(tag)
        if classes and href and LINKABLE & set(classes.group(1).split()):
            ids.append(href.group(1))
    return list(dict.fromkeys(ids))


def lines_of_id(source: str, element_id: str) -> list[int]:
    """The lines of a page's source (or of the data file it is made from) that give an element
    this id: an explicit ``{ #id }``, ``id="id"`` or ``id: id``, and headings whose words make
    it."""
    name = re.escape(element_id)
    explicit = re.compile(r"\{[^}]*#" + name + r"(?![\w-])|\bid=[\"']" + name + r"[\"']|"
                          r"\bid:\s*[\"']?" + name + r"(?![\w-])")
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        heading = line.startswith("#") and slugify(line.lstrip("#").strip(), "-") == element_id
        if explicit.search(line) or heading:
            found.append(number)
    return found


def line_of_id(source: str, element_id: str) -> int:
    """The first line that gives an element this id (see lines_of_id); the first line if none
    does."""
    return (lines_of_id(source, element_id) or [1])[0]


@dataclass
class SiteLinks:
    """Every page of the built site, its linkable sections, and every id on it."""

    pages: dict[str, list[str]] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)

    def add(self, page: str, html: str) -> list[str]:
        """Note a page's sections and ids; return the ids given to more than one element, since
        a link to one of those may land on the wrong element."""
        counts = Counter(_ANY_ID.findall(html))
        self.pages[page] = linkable_ids(html)
        self.ids[page] = set(counts)
        return sorted(element_id for element_id, count in counts.items() if count > 1)

    def has(self, page: str, anchor: str) -> bool:
        """Whether a link from data may point here: any element's id, not only sections'."""
        return page in self.ids and (not anchor or anchor in self.ids[page])

    def resolves(self, link: str) -> bool:
        page, anchor = split(link)
        return page in self.pages and (not anchor or anchor in self.pages[page])

    def current(self) -> list[str]:
        """Every page and section address, for adding to the published list at a release."""
        return sorted(link for page, ids in self.pages.items()
                      for link in (page, *(f"{page}#{anchor}" for anchor in ids)))


def check_data_links(links: list[r.DataLink], site: SiteLinks,
                     address_of: dict[str, str]) -> list[Problem]:
    """Every link written in data leads to a section that the built site has. (That the page
    exists is checked when the data is loaded, before the build: see load.py.) ``address_of``
    gives each page's site address by its path under docs/."""
    problems = []
    for item in links:
        path, _, anchor = item.link.partition("#")
        address = address_of.get(path)
        if address is not None and not site.has(address, anchor):
            problems.append(missing_section(item.path, item.line, f"the guidance link "
                                            f"'{item.link}'", path, anchor,
                                            site.ids.get(address, []), "data-link"))
    return problems


def missing_section(path: str, line: int, link: str, page: str, anchor: str, ids: Iterable[str],
                    code: str) -> Problem:
    """A link (in data or a page) to a section that ``page``, with its ``ids``, does not have."""
    close = difflib.get_close_matches(anchor, sorted(ids), n=1)
    return Problem(path, line, f"{link} points to a section that {page} does not have",
                   (f"Did you mean '#{close[0]}'? " if close else "") + "Use the id in { #... } "
                   "after the heading you want, or link to the page without a section.", code)


def _redirect_example(link: str, to: str) -> str:
    return f"\n        - from: {link}\n          to: {to}"


def check_links(published: list[r.PublishedLink], redirects: list[r.Redirect],
                site: SiteLinks, *, published_file: str, redirects_file: str,
                sources: dict[str, tuple[str, str]] | None = None) -> list[Problem]:
    """Every published link leads somewhere, directly or through a redirect; every redirect leads
    to a place that exists and replaces a link that no longer does.

    ``sources`` gives each site address's source file (as messages show it) and text, so a lost
    section is reported in the file where it was lost, at the heading most like it."""
    sources = sources or {}
    problems: list[Problem] = []
    by_from = {redirect.from_link: redirect for redirect in redirects}
    for redirect in redirects:
        if site.resolves(redirect.from_link):
            problems.append(Problem(
                redirect.path, redirect.line,
                f"the redirect from {redirect.from_link} is not needed: that address still exists",
                "Delete this redirect, or rename the heading back if the redirect is right.",
                "redirect"))
        if not site.resolves(redirect.to_link):
            problems.append(Problem(
                redirect.path, redirect.line,
                f"the redirect leads to {redirect.to_link}, which does not exist",
                _where_instead(redirect.to_link, site), "redirect"))
    for item in published:
        if site.resolves(item.link) or item.link in by_from:
            continue
        page, anchor = split(item.link)
        moved = by_from.get(page)
        if moved is not None and anchor and page not in site.pages:
            target_page, _ = split(moved.to_link)
            if site.resolves(f"{target_page}#{anchor}"):
                continue  # the page moved and kept its sections
        guess = _close_link(item.link, site)
        path, line = published_file, item.line
        if page in site.pages:
            what = f"the published link {item.link} no longer works: {page} has no section #{anchor}"
            if page in sources:
                path, text = sources[page]
                line = line_of_id(text, split(guess)[1]) if guess else 1
                this = "this page" if path.endswith(".md") else f"the page {page} made from this file"
                what = (f"{this} no longer has the section #{anchor}, so the published link "
                        f"{item.link} (line {item.line} of {published_file}) no longer works")
        else:
            what = f"the published link {item.link} no longer works: there is no page {page}"
        hint = (f"A trainer may have this link on a slide or handout. If the heading or page was "
                f"renamed or moved, add a redirect to {redirects_file}:"
                f"{_redirect_example(item.link, guess or '/new/address/#new-section')}"
                f"\n      {'(' + guess + ' is the closest address now on the site; check it.)' if guess else ''}"
                f"\n      If it was removed, redirect it to the section that replaces it. Never "
                f"delete the line from {published_file}.")
        problems.append(Problem(path, line, what, hint.rstrip(), "published-link"))
    return problems


def _close_link(link: str, site: SiteLinks) -> str | None:
    page, anchor = split(link)
    if page in site.pages and anchor:
        close = difflib.get_close_matches(anchor, site.pages[page], n=1, cutoff=0.4)
        return f"{page}#{close[0]}" if close else None
    close = difflib.get_close_matches(page, list(site.pages), n=1, cutoff=0.5)
    return close[0] if close else None


def _where_instead(link: str, site: SiteLinks) -> str:
    guess = _close_link(link, site)
    return (f"Did you mean {guess}? " if guess else "") + (
        "Open the page on the site and use the copy-link button beside the heading or row; "
        "write the part from the / after the site name.")


def with_moved_sections(html: str, *, page: str, redirects: list[r.Redirect],
                        link_to: Callable[[str], str] | None = None) -> str:
    """Keep old section links on this page working. A section renamed on the same page gets its
    old id too, just before the new one, so the browser goes straight there without scripts. A
    section moved to another page leaves a note, shown only when its old link is followed."""
    present = set(linkable_ids(html))
    notes = []
    for redirect in redirects:
        from_page, old = split(redirect.from_link)
        if from_page != page or not old or old in present:
            continue
        to_page, new = split(redirect.to_link)
        if to_page == page and new:
            pattern = re.compile(r"<(h[1-6]|td|th|p|li|dt|div)\b[^>]*" + _ID.format(re.escape(new)))
            match = pattern.search(html)
            if match:
                alias = f'<span id="{escape(old)}" class="moved-anchor"></span>'
                html = html[:match.start()] + alias + html[match.start():]
                continue
        # ``link_to`` gives the address as this build writes it (a file in the offline edition).
        target = link_to(redirect.to_link) if link_to else relative(page, redirect.to_link)
        notes.append(f'<p id="{escape(old)}" class="moved-section">The section you followed a '
                     f'link to has moved. <a href="{escape(target)}">'
                     f'Go to its new place</a>.</p>')
    if not notes:
        return html
    heading_end = re.search(r"</h1>", html, re.IGNORECASE)
    at = heading_end.end() if heading_end else 0
    return html[:at] + "".join(notes) + html[at:]


def redirect_pages(redirects: list[r.Redirect], site: SiteLinks) -> dict[str, str]:
    """A small page at each removed page's old address that sends readers on to its new place,
    keeping the section they asked for. Returns each page's path in the built site, and its HTML.
    """
    pages: dict[str, str] = {}
    whole = {split(r.from_link)[0]: r for r in redirects if not split(r.from_link)[1]}
    for old_page, redirect in whole.items():
        if old_page in site.pages:
            continue
        sections = {split(r.from_link)[1]: relative(old_page, r.to_link) for r in redirects
                    if split(r.from_link)[0] == old_page and split(r.from_link)[1]}
        target = relative(old_page, redirect.to_link)
        output = old_page.lstrip("/")
        output = output + "index.html" if output.endswith("/") or not output else output
        pages[output] = _REDIRECT_PAGE.format(
            target=escape(target), sections=escape(json.dumps(sections, sort_keys=True)))
    return pages


_REDIRECT_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>This page has moved</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<script data-target="{target}" data-sections="{sections}">
  var data = document.currentScript.dataset
  var sections = JSON.parse(data.sections)
  location.replace(sections[location.hash.slice(1)] || data.target + location.hash)
</script>
</head>
<body>
<main>
<h1>This page has moved</h1>
<p><a href="{target}">Go to its new place</a>.</p>
</main>
</body>
</html>
"""
