"""The navigation as plain data, and the editions made from it: the whole guide, and one per
top-level section, so a section a policy lead adds to mkdocs.yml gets its own PDF unasked."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator, Union


@dataclass(frozen=True)
class NavPage:
    """A page as the navigation lists it."""

    title: str  # plain text, as the navigation shows it
    url: str  # its address under the site: "" for the home page, "sources/trauma/" and so on
    file: str  # its built HTML file under the site folder: "sources/trauma/index.html"
    src_uri: str  # its path under docs/: "sources/trauma.md"


@dataclass(frozen=True)
class NavSection:
    """A section of the navigation. ``index`` is the section's own page, where the theme shows
    one (Material's ``navigation.indexes``): the section's title then leads to it."""

    title: str
    children: tuple["NavItem", ...]
    index: NavPage | None = None


NavItem = Union[NavPage, NavSection]


@dataclass(frozen=True)
class BuiltSite:
    """What one build of the site gives the editions."""

    folder: Path  # the built site
    name: str  # the guide's title (site_name)
    partnership: str
    published_address: str
    items: tuple[NavItem, ...]


@dataclass(frozen=True)
class Edition:
    """One PDF: the whole guide, or one top-level section."""

    title: str  # the document's title, as a PDF reader shows it
    section: str | None  # the section's title; None for the whole guide
    items: tuple[NavItem, ...]
    file_name: str
    slug: str  # "whole" or the section's slug, to ask for one edition by name


def pages(items: tuple[NavItem, ...] | list[NavItem]) -> Iterator[NavPage]:
    """Every page, in navigation order (a section's own page first)."""
    for item in items:
        if isinstance(item, NavPage):
            yield item
        else:
            if item.index is not None:
                yield item.index
            yield from pages(item.children)


def slug(text: str) -> str:
    """Words as a file name readers can still read: lower case, plain letters, hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


WHOLE = "whole"


def editions(site: BuiltSite, day: date) -> list[Edition]:
    """The whole guide, then one edition per top-level section, named so a reader knows what
    the file holds and which edition it is. Pages outside any section (the home page, the
    references) are in the whole guide only."""
    guide = slug(site.name) or "guide"
    found = [Edition(site.name, None, site.items, f"{guide}-{day.isoformat()}.pdf", WHOLE)]
    taken = {WHOLE}
    for position, item in enumerate(site.items, start=1):
        if not isinstance(item, NavSection):
            continue
        name = base = slug(item.title) or f"section-{position}"
        number = 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        found.append(Edition(f"{site.name}: {item.title}", item.title, (item,),
                             f"{guide}-{name}-{day.isoformat()}.pdf", name))
    return found
