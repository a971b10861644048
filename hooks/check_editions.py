"""Check the files a release attaches before they are attached (.github/workflows/release.yml):
the site zip, the offline edition, the PDFs and the feed of changes.

    python hooks/commands.py check-editions FOLDER

Every problem is listed at once, as `file: what is wrong`; the exit code is 1 if there is any.
The tests build the same editions from the frozen test project and from the real content, and
hold them to the same checks (tests/editions/test_release_check.py).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import feedparser
from pypdf import PdfReader

_LOADS_FROM_ELSEWHERE = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE)
_MODULE = re.compile(r"""<script\b[^>]*type=["']module["']""", re.IGNORECASE)
_INSTANT = re.compile(r'"navigation\.instant')


def check_offline_edition(path: Path) -> list[str]:
    """One folder holding the site as files, search included, each page stamped with its
    edition, loading nothing from another host and no module (browsers refuse modules from
    files)."""
    problems = []
    with zipfile.ZipFile(path) as zipped:
        names = zipped.namelist()
        folders = {name.split("/", 1)[0] for name in names}
        if len(folders) != 1:
            return [f"{path.name}: should hold one folder, not {len(folders)}"]
        (folder,) = folders
        for needed in ("index.html", "search/search_index.js", "HOW TO OPEN THIS COPY.txt"):
            if f"{folder}/{needed}" not in names:
                problems.append(f"{path.name}: {needed} is missing")
        for name in names:
            if not name.endswith(".html"):
                continue
            text = zipped.read(name).decode("utf-8")
            if 'class="edition-stamp"' not in text:
                problems.append(f"{path.name}: {name} has no edition stamp")
            if _LOADS_FROM_ELSEWHERE.search(text):
                problems.append(f"{path.name}: {name} loads something from another host")
            if _MODULE.search(text):
                problems.append(f"{path.name}: {name} loads a module, which files cannot run")
            if _INSTANT.search(text):
                problems.append(f"{path.name}: {name} has instant navigation on")
    return problems


def check_site(path: Path) -> list[str]:
    """The site to put on a web server: its pages, search index, site map and feed."""
    with zipfile.ZipFile(path) as zipped:
        names = set(zipped.namelist())
    return [f"{path.name}: {needed} is missing" for needed in
            ("index.html", "search/search_index.json", "sitemap.xml", "changes.xml")
            if needed not in names]


def check_pdf(path: Path) -> list[str]:
    """A PDF a screen reader can use: tagged, with its language and title set, and an outline
    to move by."""
    problems = []
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    if not len(reader.pages):
        problems.append(f"{path.name}: has no pages")
    if not root.get("/MarkInfo", {}).get("/Marked") or "/StructTreeRoot" not in root:
        problems.append(f"{path.name}: is not tagged")
    if not str(root.get("/Lang", "")).strip():
        problems.append(f"{path.name}: has no document language")
    if not (reader.metadata and (reader.metadata.title or "").strip()):
        problems.append(f"{path.name}: has no title")
    if not reader.outline:
        problems.append(f"{path.name}: has no bookmarks")
    return problems


def check_feed(path: Path) -> list[str]:
    """An Atom feed a feed reader can read, with at least one entry."""
    feed = feedparser.parse(path.read_bytes())
    problems = []
    if feed.bozo:
        problems.append(f"{path.name}: is not well-formed: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"{path.name}: is not an Atom 1.0 feed")
    if not feed.entries:
        problems.append(f"{path.name}: has no entries")
    return problems


def check_release(folder: Path) -> list[str]:
    """Every file of a release, and that each kind is there."""
    files = sorted(folder.iterdir())
    offline = [f for f in files if f.suffix == ".zip" and "-offline-" in f.name]
    sites = [f for f in files if f.suffix == ".zip" and "-site-" in f.name]
    pdfs = [f for f in files if f.suffix == ".pdf"]
    feeds = [f for f in files if f.suffix == ".xml"]
    problems = [f"{f.name}: is not a file a release attaches" for f in files if f not in
                offline + sites + pdfs + feeds]
    problems += [f"{folder}: has no {kind}" for kind, found in
                (("offline edition", offline), ("site zip", sites), ("PDF", pdfs),
                 ("feed", feeds)) if not found]
    for path in offline:
        problems += check_offline_edition(path)
    for path in sites:
        problems += check_site(path)
    for path in pdfs:
        problems += check_pdf(path)
    for path in feeds:
        problems += check_feed(path)
    return problems
