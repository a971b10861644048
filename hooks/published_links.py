#!/usr/bin/env python3
"""Add every current page and section address to the list of published links, at a release.

Usage: python hooks/published_links.py add

It builds the site into a temporary folder, reads every page's headings and rows that have their
own link, and adds the addresses not yet listed to docs/data/published-links.txt. Existing lines
are never removed or reordered: a link once published must keep working. Exit codes: 0 done;
1 the site did not build; 2 the command was used wrongly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HOOKS = Path(__file__).resolve().parent
sys.path.insert(0, str(HOOKS))

from guidance.records import PUBLISHED_LINKS_FILE  # noqa: E402
from guidance.published import SiteLinks  # noqa: E402

ROOT = HOOKS.parent
LIST = ROOT / "docs" / PUBLISHED_LINKS_FILE


def built_links(site_dir: Path) -> SiteLinks:
    """The pages and linkable sections of a built site; redirect pages and the 404 page are not
    pages of their own."""
    site = SiteLinks()
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        if relative == "404.html" or 'http-equiv="refresh"' in html:
            continue
        address = "/" + (relative[:-len("index.html")] if relative.endswith("index.html")
                         else relative)
        site.add(address, html)
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


def main(argv: list[str]) -> int:
    if argv[1:] != ["add"]:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet",
                                "--site-dir", folder], cwd=ROOT,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode != 0:
            print("The site did not build; fix the problems above, then run this again.",
                  file=sys.stderr)
            return 1
        current = built_links(Path(folder)).current()
    added = add_links(current, LIST)
    print(f"{LIST.relative_to(ROOT)}: added {added} address{'es' if added != 1 else ''}; "
          f"{len(current)} are on the site now. Commit the file with the release.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
