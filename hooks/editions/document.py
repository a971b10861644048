"""One HTML document per edition: a cover, a contents list, the pages in navigation order, and,
where a section cites sources it does not hold, their full references at its end.

The print stylesheet (``edition.css``) reads the attributes written here: ``data-bookmark-level``
and ``data-bookmark-label`` make the PDF's bookmarks follow the navigation, ``data-title`` and
``data-section`` fill the running headers, and the contents list's links carry the page numbers.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from html import escape

from guidance.pages import REFERENCES
from guidance.review_dates import long_date

from .article import article_of, for_paper, html_lang, parse, serialise
from .links import REFERENCES_ID, EditionLinks, ids_in, local_sources, page_key
from .navigation import BuiltSite, Edition, NavItem, NavPage, NavSection, pages

HEADING = re.compile(r"^h([1-6])$")
# Material offers only "en"; the guidance is written in British English, for England.
REGIONS = {"en": "en-GB"}
WIDE_TABLE = 4  # columns from which a table is set in smaller type to fit the page


@dataclass(frozen=True)
class Page:
    """A built page's article, ready for paper, and what it says about itself."""

    nav: NavPage
    article: ET.Element
    lang: str


def read_pages(site: BuiltSite) -> dict[str, Page]:
    """Every page the navigation lists, read from the built site, by address."""
    found = {}
    for nav in pages(site.items):
        root = parse((site.folder / nav.file).read_text(encoding="utf-8"))
        found[nav.url] = Page(nav, for_paper(article_of(root)), html_lang(root))
    return found


def language(read: dict[str, Page]) -> str:
    """The document's language: the pages' own, with its region where the theme cannot say it."""
    lang = next((page.lang for page in read.values() if page.lang), "en")
    return REGIONS.get(lang, lang)


@dataclass
class Assembly:
    """The parts of one edition as they are put together."""

    edition: Edition
    site: BuiltSite
    read: dict[str, Page]
    links: EditionLinks
    keys: dict[str, str]  # page address -> id prefix
    sections: dict[int, str]  # id() of a section without a page of its own -> its anchor


def assemble(edition: Edition, site: BuiltSite, read: dict[str, Page], day: date) -> str:
    """The whole HTML document for one edition."""
    taken: set[str] = set()
    keys = {page.url: page_key(page.url, taken) for page in pages(edition.items)}
    references_url = next((page.nav.url for page in read.values()
                           if page.nav.src_uri == REFERENCES), None)
    links = EditionLinks(pages=keys, ids={url: ids_in(page.article) for url, page in read.items()},
                         published_address=site.published_address, references_url=references_url)
    parts = Assembly(edition, site, read, links, keys, {
        id(item): f"edition-section-{number}"
        for number, item in enumerate(_sections(edition.items), start=1)})
    body = "".join(_item(parts, item, depth=1) for item in edition.items)
    references = _references(parts)
    lang = language(read)
    title = edition.title
    document = "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f'<meta name="author" content="{escape(site.partnership)}">',
        f'<meta name="description" content="{escape(_description(edition, site, day))}">',
        f'<meta name="dcterms.created" content="{day.isoformat()}">',
        "</head>",
        f'<body data-edition="{escape(site.name)}, edition of {long_date(day)}">',
        _cover(edition, site, day),
        _contents(parts, references),
        body,
        references,
        "</body>",
        "</html>", ""])
    _check_unique_ids(document)
    return document


def _description(edition: Edition, site: BuiltSite, day: date) -> str:
    return (f"{edition.title}, edition of {long_date(day)}, published by {site.partnership}. "
            f"Check {site.published_address} for the current version.")


def _sections(items: tuple[NavItem, ...]) -> list[NavSection]:
    found = []
    for item in items:
        if isinstance(item, NavSection):
            if item.index is None:
                found.append(item)
            found.extend(_sections(item.children))
    return found


def _cover(edition: Edition, site: BuiltSite, day: date) -> str:
    address = escape(site.published_address)
    section = (f'<p class="cover-section">{escape(edition.section)}</p>'
               if edition.section else "")
    return (
        '<section class="edition-cover" id="edition-cover" aria-label="Cover">'
        f'<p class="cover-partnership">{escape(site.partnership)}</p>'
        f'<h1 class="cover-title">{escape(site.name)}</h1>{section}'
        f'<p class="cover-edition">Edition of <time datetime="{day.isoformat()}">'
        f"{long_date(day)}</time></p>"
        '<p class="cover-check">This is a printed edition, and may be out of date. Check '
        f'<a href="{address}">{address}</a> for the current version.</p>'
        "</section>")


def _contents(parts: Assembly, references: str) -> str:
    entries = "".join(_entry(parts, item) for item in parts.edition.items)
    if references:
        entries += _line(f"#{REFERENCES_ID}", "References", "")
    return ('<nav class="edition-contents" id="edition-contents" '
            'aria-labelledby="edition-contents-title">'
            '<h1 id="edition-contents-title">Contents</h1>'
            f'<ol class="contents-list">{entries}</ol></nav>')


def _line(href: str, title: str, children: str) -> str:
    nested = f'<ol class="contents-list">{children}</ol>' if children else ""
    return f'<li><a href="{href}">{escape(title)}</a>{nested}</li>'


def _entry(parts: Assembly, item: NavItem) -> str:
    if isinstance(item, NavPage):
        return _line(f"#{parts.keys[item.url]}", item.title, "")
    start = (f"#{parts.keys[item.index.url]}" if item.index is not None
             else f"#{parts.sections[id(item)]}")
    return _line(start, item.title, "".join(_entry(parts, child) for child in item.children))


def _item(parts: Assembly, item: NavItem, depth: int) -> str:
    """A page or a section of the navigation, at its depth (1 for the top level)."""
    if isinstance(item, NavPage):
        html = _page(parts, item, depth, item.title)
    else:
        if item.index is not None:
            opening = _page(parts, item.index, depth, item.title)
        else:
            level = min(depth, 6)
            opening = (f'<h{level} class="edition-section-title" id="{parts.sections[id(item)]}" '
                       f'data-bookmark-level="{depth}" data-bookmark-label="{escape(item.title)}"'
                       f' data-title="{escape(item.title)}">{escape(item.title)}</h{level}>')
        children = "".join(_item(parts, child, depth + 1) for child in item.children)
        html = opening + children
    if depth == 1:
        # The running header names the section a page is in; a page outside any section has
        # only its own title there.
        part = escape(item.title) if isinstance(item, NavSection) else ""
        return f'<div class="edition-part" data-section="{part}">{html}</div>'
    return html


def _page(parts: Assembly, nav: NavPage, depth: int, label: str) -> str:
    """One page's article, its ids and links made the PDF's own, its headings set one level
    down for each level of the navigation above it."""
    article = copy.deepcopy(parts.read[nav.url].article)
    parts.links.rewrite(article, nav.url)
    local_sources(article, nav.url, parts.site.folder.resolve().as_uri() + "/")
    _demote_headings(article, depth - 1)
    _mark_wide_tables(article)
    article.tag = "article"
    article.attrib = {"class": "edition-page", "id": parts.keys[nav.url],
                      "data-bookmark-level": str(depth), "data-bookmark-label": label,
                      "data-title": nav.title}
    return serialise(article)


def _demote_headings(article: ET.Element, by: int) -> None:
    first = True
    for element in article.iter():
        match = HEADING.match(element.tag) if isinstance(element.tag, str) else None
        if match:
            element.tag = f"h{min(6, int(match[1]) + by)}"
            if first and match[1] == "1":
                element.set("class", (element.get("class", "") + " page-title").strip())
            first = False


def _mark_wide_tables(article: ET.Element) -> None:
    for table in article.iter("table"):
        columns = max((len([cell for cell in row if cell.tag in ("td", "th")])
                       for row in table.iter("tr")), default=0)
        if columns >= WIDE_TABLE:
            table.set("class", (table.get("class", "") + " wide-table").strip())


def _references(parts: Assembly) -> str:
    """The full references this edition cites but does not hold, in the references page's
    order, each with the id its citations lead to."""
    if not parts.links.cited or parts.links.references_url is None:
        return ""
    source = parts.read[parts.links.references_url].article
    entries = []
    for element in source.iter():
        if element.get("id") in parts.links.cited:
            entry = copy.deepcopy(element)
            reference_id = entry.get("id")
            parts.links.rewrite_links(entry, parts.links.references_url)
            entry.set("id", f"{REFERENCES_ID}--{reference_id}")
            entry.attrib.pop("class", None)
            entries.append(serialise(entry))
    return ('<div class="edition-part" data-section="">'
            f'<section class="edition-page edition-references" id="{REFERENCES_ID}" '
            'data-bookmark-level="1" data-bookmark-label="References" data-title="References">'
            '<h1 class="page-title">References</h1>'
            "<p>The full reference for each source this part of the guide cites, as the "
            "guide's references page gives it.</p>"
            f'{"".join(entries)}</section></div>')


def _check_unique_ids(document: str) -> None:
    """Two elements with one id would send a link to the wrong place: stop rather than print."""
    seen: set[str] = set()
    for found in re.finditer(r'\sid="([^"]*)"', document):
        if found[1] in seen:
            raise ValueError(f"the edition gives the id {found[1]!r} to two elements")
        seen.add(found[1])
