"""Reading a built site's feed of changes: parsed by a real feed parser (feedparser), checked
against the rules of Atom (RFC 4287) that a lenient parser lets pass, and its links followed into
the built site. Nothing here imports the hooks."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import yaml

from .project import BuildResult
from .site import Pages

FEED = "changes.xml"  # where the site publishes the feed, as the README and the changes page say
FEED_TYPE = "application/atom+xml"
ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as RFC 4287 section 3.3 requires.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def feed_bytes(site: BuildResult) -> bytes:
    return (site.site / FEED).read_bytes()


def parsed_feed(site: BuildResult) -> feedparser.FeedParserDict:
    """The built feed as a real feed reader's parser reads it."""
    return feedparser.parse(feed_bytes(site))


def published_address(root: Path) -> str:
    """The partnership's published address, read from its data file, ending with /."""
    data = yaml.safe_load((root / "docs/data/partnership.yml").read_text(encoding="utf-8"))
    return data["published_address"].rstrip("/") + "/"


def changes_of(root: Path) -> list[dict]:
    """The changes a project's docs/data/changes.yml lists, as written."""
    data = yaml.safe_load((root / "docs/data/changes.yml").read_text(encoding="utf-8"))
    return data["changes"]


def atom_problems(xml: bytes) -> list[str]:
    """What in the feed breaks a MUST of RFC 4287 (or its SHOULD of a self link): feedparser
    reads a feed with no ids or dates without complaint, so the rules are checked here too."""
    root = ET.fromstring(xml)
    if root.tag != f"{ATOM}feed":
        return [f"the root element is {root.tag}, not an Atom feed"]
    problems = _construct_problems(root, "the feed", ("id", "title", "updated"),
                                   ("subtitle", "rights", "icon", "logo", "generator"))
    if not any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")):
        problems.append("the feed has no self link")
    entries = root.findall(f"{ATOM}entry")
    if root.find(f"{ATOM}author") is None and any(
            entry.find(f"{ATOM}author") is None for entry in entries):
        problems.append("an entry has no author, and the feed none to lend it")
    for author in root.iter(f"{ATOM}author"):
        if len(author.findall(f"{ATOM}name")) != 1:
            problems.append("an author needs exactly one name")
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        problems += _construct_problems(entry, where, ("id", "title", "updated"),
                                        ("summary", "published", "content", "rights", "source"))
        if entry.find(f"{ATOM}content") is None and not any(
                link.get("rel", "alternate") == "alternate"
                for link in entry.findall(f"{ATOM}link")):
            problems.append(f"{where} has neither content nor an alternate link")
    ids = Counter(element.text for element in root.iter(f"{ATOM}id"))
    problems += [f"the id {value} is used {count} times" for value, count in ids.items()
                 if count > 1]
    return problems


def _construct_problems(element: ET.Element, where: str, once: tuple[str, ...],
                        at_most_once: tuple[str, ...]) -> list[str]:
    problems = [f"{where} needs exactly one <{name}>" for name in once
                if len(element.findall(f"{ATOM}{name}")) != 1]
    problems += [f"{where} has more than one <{name}>" for name in at_most_once
                 if len(element.findall(f"{ATOM}{name}")) > 1]
    for name in ("updated", "published"):
        for value in element.findall(f"{ATOM}{name}"):
            if not DATE_TIME.match(value.text or ""):
                problems.append(f"{where}: <{name}> {value.text!r} is not an RFC 3339 date-time")
    for value in element.findall(f"{ATOM}id"):
        if not IRI.match((value.text or "").strip()):
            problems.append(f"{where}: the id {value.text!r} is not an absolute IRI")
    for name in ("title", "subtitle", "summary", "rights"):
        for value in element.findall(f"{ATOM}{name}"):
            if value.get("type", "text") not in ("text", "html", "xhtml"):
                problems.append(f"{where}: <{name}> has the type {value.get('type')!r}")
    alternates = Counter((link.get("type"), link.get("hreflang"))
                         for link in element.findall(f"{ATOM}link")
                         if link.get("rel", "alternate") == "alternate")
    problems += [f"{where} has {count} alternate links of one type and language"
                 for count in alternates.values() if count > 1]
    problems += [f"{where} has a link with no href" for link in element.findall(f"{ATOM}link")
                 if not link.get("href")]
    return problems


def unresolved(site: BuildResult, address: str, hrefs: list[str]) -> list[str]:
    """Each address that does not lead to a built page of the site published at ``address``
    (and to an element with its section's id, where it names one)."""
    pages, missing = Pages(site), []
    for href in hrefs:
        if not href.startswith(address):
            missing.append(f"{href} is not on the published site {address}")
            continue
        path, section = page_target(address, href)
        file = pages.file_for(path)
        if not file.is_file():
            missing.append(f"{href}: no page {file.relative_to(site.site)} was built")
        elif section and section not in pages.ids(file):
            missing.append(f"{href}: {path or '/'} has no section #{section}")
    return missing


def page_target(address: str, href: str) -> tuple[str, str]:
    """A link on the published site as (site path, section), like ("sources/x/", "a-row")."""
    target = urlsplit(href)
    return unquote(target.path)[len(urlsplit(address).path):], target.fragment
