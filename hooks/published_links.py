#!/usr/bin/env python3
"""Add every current page and section address to the list of published links, at a release
(``make published-links``, through hooks/commands.py).

It builds the site into a temporary folder, reads every page's headings and rows that have their
own link, and adds the addresses not yet listed to docs/data/published-links.txt. Existing lines
are never removed or reordered: a link once published must keep working.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from guidance.addresses import built_page_address
from guidance.problems import CommandError
from guidance.published import SiteLinks
from guidance.records import PUBLISHED_LINKS_FILE


def built_links(site_dir: Path) -> SiteLinks:
    """The pages and linkable sections of a built site; redirect pages and the 404 page are not
    pages of their own."""
    site = SiteLinks()
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        if relative == "404.html" or 'http-equiv="refresh"' in html:
            continue
        site.add(built_page_address(relative), html)
    return site


def add_links(current: list[str], list_file: Path) -> int:
    """Append the addresses not yet in the list; return how many were added."""
    text = list_file.read_text(encoding="utf-8") if list_file.is_file() else ""
    listed = {line.strip() for line in text.splitlines()}
    new = [link for link in current if link not in listed]
    if new:
        if text and not text.endswith("\n"):
            text += "\n"
        list_file.write_text(text + "\n".join(new) + "\n", encoding="utf-8")
    return len(new)


def add_current_links(project: Path) -> str:
    """Build ``project`` and add its current links to its list; say what was done."""
    listed = project / "docs" / PUBLISHED_LINKS_FILE
    with tempfile.TemporaryDirectory() as folder:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet",
                                "--site-dir", folder], cwd=project,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode != 0:
            raise CommandError("The site did not build; fix the problems above, then run this "
                               "again.")
        current = built_links(Path(folder)).current()
    added = add_links(current, listed)
    return (f"{listed.relative_to(project)}: added {added} address{'es' if added != 1 else ''}; "
            f"{len(current)} are on the site now. Commit the file with the release.")
