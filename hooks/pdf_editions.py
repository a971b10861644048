"""Build the guide on paper: the whole guide, and each top-level section of the navigation, as
tagged PDFs for trainers to hand out. ``make pdf`` runs it through hooks/commands.py.

It builds the site into a temporary folder in strict mode (as `mkdocs build` does), reads the
navigation MkDocs made, and writes one PDF for the whole guide and one per section, each named
with the guide, the section and the edition date: the build day, or GUIDANCE_TODAY. `--only whole`
or `--only <section>` (its title in the navigation, or as in the file name: information-sources)
makes just those.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from mkdocs.exceptions import Abort

from editions.document import assemble, read_pages
from editions.navigation import editions, slug
from editions.render import render_pdf
from editions.site_build import build_site
from guidance.problems import CommandError


def size(number: int) -> str:
    """A file's size as people read it."""
    return f"{number / 1024 / 1024:.1f} MB" if number >= 1024 * 1024 else f"{number / 1024:.0f} KB"


def make_pdfs(project: Path, out: Path, only: list[str], day: date) -> int:
    """Build ``project`` and write its PDF editions (``only`` those named, if any) into ``out``;
    return how many were made."""
    logging.getLogger("mkdocs").addHandler(_terminal())
    with tempfile.TemporaryDirectory(prefix="guidance-editions-") as folder:
        try:
            site = build_site(project, Path(folder) / "site")
        except Abort as error:
            raise CommandError(f"{error}\nThe site did not build; fix the problems above, then "
                               "run this again.") from None
        chosen = editions(site, day)
        wanted = {slug(name): name for name in only}
        unknown = [name for key, name in wanted.items()
                   if key not in {edition.slug for edition in chosen}]
        if unknown:
            raise CommandError(f"No edition called {', '.join(sorted(unknown))}. The editions "
                               f"are: {', '.join(edition.slug for edition in chosen)}.", 2)
        if only:
            chosen = [edition for edition in chosen if edition.slug in wanted]
        read = read_pages(site)
        for edition in chosen:
            began = time.process_time()  # this process's own work, whatever else is running
            target = out / edition.file_name
            try:
                rendered = render_pdf(assemble(edition, site, read, day), folder=site.folder,
                                      target=target)
            except (ValueError, OSError) as error:
                raise CommandError(f"{target}: could not be made: {error}") from None
            print(f"{target}: {rendered.pages} pages, {size(rendered.size)}, "
                  f"{time.process_time() - began:.1f} s of CPU time")
            for address in rendered.refused:
                print(f"    not fetched (outside the built site): {address}", file=sys.stderr)
            for warning in dict.fromkeys(rendered.warnings):
                print(f"    WeasyPrint: {warning}", file=sys.stderr)
    return len(chosen)


def _terminal() -> logging.Handler:
    """MkDocs' warnings, as `mkdocs build` prints them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    return handler
