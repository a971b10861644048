"""Links on paper: every id made unique across the pages of one PDF, and every link rewritten to
lead somewhere a reader of that PDF can go.

- A link to a page or section in the PDF becomes a link within the PDF.
- A citation (a link to the references page) leads to the full reference: on the references
  page where the PDF has it, otherwise in the list of references at the PDF's end.
- Any other link (another website, or a page of the site this PDF leaves out) keeps its address,
  which is written out after the link's words, since paper cannot be clicked.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urljoin

from guidance.addresses import resolve

from .navigation import slug

ID_REFERENCES = ("aria-labelledby", "aria-describedby", "for", "headers")
REFERENCES_ID = "edition-references"  # the list of references at a section's end


def page_key(url: str, taken: set[str]) -> str:
    """An id prefix for a page, made from its address, unique in the PDF. Every page's begins
    with "page-", which the PDF's own parts (cover, contents, references) never use."""
    base = "page-" + (slug(url) or "home")
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    taken.add(key)
    return key


def ids_in(element: ET.Element) -> set[str]:
    return {child.get("id", "") for child in element.iter() if child.get("id")}


def written_out(address: str) -> str:
    """An address as a reader would type it."""
    return address.removeprefix("mailto:").removeprefix("tel:")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip("/").removeprefix("https://").removeprefix("http://")


@dataclass
class EditionLinks:
    """What one PDF holds, and so where each link in it can lead."""

    pages: dict[str, str]  # page address -> id prefix, for the pages in this PDF
    ids: dict[str, set[str]]  # page address -> the ids on that page (every page of the site)
    published_address: str
    references_url: str | None  # the references page's address, where the site has one
    cited: list[str] = field(default_factory=list)  # references cited that this PDF leaves out

    def anchor(self, url: str, fragment: str) -> str:
        """The in-PDF anchor for a page in this PDF, and a section of it if it has that id."""
        key = self.pages[url]
        return f"#{key}--{fragment}" if fragment and fragment in self.ids.get(url, set()) \
            else f"#{key}"

    def address(self, url: str, fragment: str) -> str:
        """A page of the site, on the published site."""
        base = self.published_address.rstrip("/") + "/" + url
        return base + (f"#{fragment}" if fragment else "")

    def target(self, page_url: str, href: str) -> tuple[str, bool]:
        """Where a link leads in this PDF, and whether its address should be written out."""
        path, fragment, in_site = resolve(page_url, href)
        if not in_site:
            return href, True
        if path not in self.ids and posixpath.join(path, "") in self.ids:
            path = posixpath.join(path, "")
        if path in self.pages:
            return self.anchor(path, fragment), False
        if path == self.references_url and fragment in self.ids.get(path, set()):
            if fragment not in self.cited:
                self.cited.append(fragment)
            return f"#{REFERENCES_ID}--{fragment}", False
        return self.address(path, fragment), True

    def rewrite(self, article: ET.Element, page_url: str) -> ET.Element:
        """Give every id the page's prefix, and lead every link where this PDF can follow it."""
        key = self.pages[page_url]
        for element in article.iter():
            if element.get("id"):
                element.set("id", f"{key}--{element.get('id')}")
            for name in ID_REFERENCES:
                if element.get(name):
                    element.set(name, " ".join(f"{key}--{token}"
                                               for token in element.get(name, "").split()))
        return self.rewrite_links(article, page_url)

    def rewrite_links(self, element: ET.Element, page_url: str) -> ET.Element:
        """Lead every link in ``element``, written on the page at ``page_url``, where this PDF
        can follow it."""
        for link in list(element.iter("a")):
            href = link.get("href")
            if href is None:
                continue
            target, write_out = self.target(page_url, href)
            link.set("href", target)
            if write_out:
                write_address(link, target)
        return element


SOURCES = (("img", "src"), ("image", "href"), ("image", "xlink:href"))


def local_sources(article: ET.Element, page_url: str, folder_address: str) -> None:
    """Give each image on the page the address of its file in the built site (``folder_address``
    ends with /), since the PDF is one document with the site's folder as its base."""
    for tag, attribute in SOURCES:
        for element in article.iter(tag):
            source = element.get(attribute)
            if source is not None:
                element.set(attribute, urljoin(folder_address + page_url, source))


def write_address(link: ET.Element, address: str) -> None:
    """Write a link's address after its words, unless its words already are the address."""
    words = "".join(link.itertext())
    if _plain(words) == _plain(written_out(address)):
        return
    shown = ET.SubElement(link, "span", {"class": "link-address"})
    shown.text = f" ({written_out(address)})"
