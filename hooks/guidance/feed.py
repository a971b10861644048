"""The Atom feed (RFC 4287) of "Changes to this guidance", made from docs/data/changes.yml, so a
reader can subscribe in a feed reader or a mail client and hear of a change without visiting the
changes page.

The XML is built with the standard library's ElementTree, which escapes every value: data is text,
and no XML is ever put together from strings. Like the rest of this package, this module knows
nothing of MkDocs: the hooks give it each page's absolute address and title, from MkDocs' own
``File.url`` and ``page.toc``.

**Entry ids.** An entry's id must not change once a reader's client has it (or the change arrives
again as new), and two changes must never share one. The data has no id for a change, and its
order is not fixed: editors add entries at the top, often several on one day, and may reorder
them. So an entry's id is made from what the change is, its date and the words of its summary, as
a tag URI (RFC 4151) under the published address::

    tag:guidance.example.org,2026-11-23:/changes/3f2a9c1be0d4a7c2

The last part is the start of the SHA-256 of the summary's words, in lower case, without
punctuation, emphasis or link addresses. The id stays the same when another change is added (on
the same day or any other), the file is reordered, the summary's lines are rewrapped, a link in it
is pointed elsewhere, or its list of pages is corrected. It changes when the date or the summary's
words change: a reworded summary reaches subscribers again, as a new entry with the new words (the
data has no date of an edit, so the feed could not mark the old entry as updated anyway). Two
changes on one day with the same words are told apart by their order (``-2``, ``-3``), the only
thing that differs between them. Ids made from a date and a position in the file were rejected:
adding an entry above another would give it the other's id. An id does change if the site moves to
another published address, but so does the feed's own address, which readers subscribe to.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence
from urllib.parse import urlsplit

from . import records as r
from .data import Guidance
from .data_text import words_only
from .pages import CHANGES, changes_section

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_TYPE = "application/atom+xml"
TITLE_LIMIT = 150  # characters: as long as any other title in the data
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")

AddressOf = Callable[[str], str]  # a page under docs/ (perhaps with #section) -> absolute address
TitleOf = Callable[[str], str]  # a page under docs/ (perhaps with #section) -> its title, as text


@dataclass(frozen=True)
class FeedSite:
    """What the feed needs from the built site: its name and language, the feed's own absolute
    address, and each page's absolute address and title."""

    name: str
    language: str
    feed_address: str
    address_of: AddressOf
    title_of: TitleOf


def feed_title(site_name: str) -> str:
    """The feed's title, as a reader's client lists it among others: the site's name first."""
    return f"{site_name}: changes"


def atom_feed(guidance: Guidance, site: FeedSite) -> bytes:
    """The feed as UTF-8 XML: the partnership as author, one entry per change, newest first."""
    partnership = guidance.partnership
    changes = newest_first(guidance.changes)
    # Atom's namespace is declared on the root, as Atom documents usually are, and the elements
    # are named without it: ElementTree's default_namespace cannot write attributes like href,
    # which have no namespace.
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: site.language})
    _text(feed, "id", site.feed_address)
    _text(feed, "title", feed_title(site.name))
    _text(feed, "subtitle", f"What has changed in the guidance published by {partnership.name}, "
                            "newest first, with links to the pages each change touched.")
    _text(feed, "updated", _timestamp(changes[0].date))  # the loader requires one change or more
    author = ET.SubElement(feed, "author")
    _text(author, "name", partnership.name)
    _text(author, "email", partnership.contact_email)
    _text(author, "uri", partnership.published_address)
    _link(feed, site.feed_address, rel="self", type=FEED_TYPE, title=feed_title(site.name))
    _link(feed, site.address_of(CHANGES), rel="alternate", type="text/html",
          title=site.title_of(CHANGES))
    for change, entry_id in zip(changes, entry_ids(changes, partnership.published_address)):
        _entry(feed, change, entry_id, site)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def newest_first(changes: Sequence[r.Change]) -> list[r.Change]:
    """The changes in the changes page's order: newest day first, one day's in the file's order."""
    return sorted(changes, key=lambda change: change.date, reverse=True)


def entry_ids(changes: Sequence[r.Change], published_address: str) -> list[str]:
    """Each change's entry id (see the module's docstring for why it is made this way)."""
    address = urlsplit(published_address)
    seen: Counter[tuple[date, str]] = Counter()
    ids = []
    for change in changes:
        words = summary_identity(change.summary)
        seen[change.date, words] += 1
        digest = hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]
        again = f"-{seen[change.date, words]}" if seen[change.date, words] > 1 else ""
        ids.append(f"tag:{address.hostname},{change.date.isoformat()}:"
                   f"{address.path.rstrip('/')}/changes/{digest}{again}")
    return ids


def summary_identity(summary: str) -> str:
    """What a summary says, for its id: its words in lower case, nothing else."""
    return " ".join(re.findall(r"\w+", words_only(summary).casefold()))


def summary_text(summary: str) -> str:
    """A summary as plain text: its words and punctuation, with links and emphasis as words."""
    return " ".join(words_only(summary).split())


def entry_title(summary: str) -> str:
    """An entry's title: the summary's first sentence, shortened at a word if it is long."""
    first = _SENTENCE_END.split(summary_text(summary), maxsplit=1)[0]
    if len(first) > TITLE_LIMIT:
        first = first[:TITLE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first[:-1] if first.endswith(".") and not first.endswith("..") else first


def _entry(feed: ET.Element, change: r.Change, entry_id: str, site: FeedSite) -> None:
    """One change: its id, title, date and summary, a link to it on the changes page, and a
    link to each page it touched."""
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", entry_id)
    _text(entry, "title", entry_title(change.summary))
    _text(entry, "published", _timestamp(change.date))
    _text(entry, "updated", _timestamp(change.date))
    _text(entry, "summary", summary_text(change.summary), type="text")
    on_changes_page = f"{CHANGES}#{changes_section(change.date)}"
    _link(entry, site.address_of(on_changes_page), rel="alternate", type="text/html",
          title=site.title_of(on_changes_page))
    for target in change.pages:
        _link(entry, site.address_of(target), rel="related", type="text/html",
              title=site.title_of(target))


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _link(parent: ET.Element, href: str, **attributes: str) -> None:
    ET.SubElement(parent, "link", {"href": href, **attributes})


def _timestamp(day: date) -> str:
    """A change's day as an Atom date: the data gives no time, so the day's start, in UTC."""
    return f"{day.isoformat()}T00:00:00Z"
