#!/usr/bin/env python3
"""Build the guide on paper: the whole guide, and each top-level section of the navigation, as
tagged PDFs for trainers to hand out.

Usage: python hooks/pdf_editions.py [--out FOLDER] [--only NAME ...]

It builds the site into a temporary folder in strict mode (as `mkdocs build` does), reads the
navigation MkDocs made, and writes one PDF for the whole guide and one per section into FOLDER
(dist/pdf/ by default), each named with the guide, the section and the edition date: the build
day, or GUIDANCE_TODAY. `--only whole` or `--only <section>` (its title in the navigation, or
as in the file name: information-sources) makes just those. Exit codes: 0 done; 1 the site did
not build, or an edition could not be made; 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

HOOKS = Path(__file__).resolve().parent
sys.path.insert(0, str(HOOKS))

from mkdocs.exceptions import Abort  # noqa: E402

from editions.document import assemble, read_pages  # noqa: E402
from editions.navigation import editions, slug  # noqa: E402
from editions.render import render_pdf  # noqa: E402
from editions.site_build import build_site  # noqa: E402
from guidance.review_dates import build_day  # noqa: E402

ROOT = HOOKS.parent
OUT = ROOT / "dist" / "pdf"


def size(number: int) -> str:
    """A file's size as people read it."""
    return f"{number / 1024 / 1024:.1f} MB" if number >= 1024 * 1024 else f"{number / 1024:.0f} KB"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="hooks/pdf_editions.py",
                                     description=__doc__.strip().split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PDFs")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="make only this edition: whole, or a section's title")
    arguments = parser.parse_args(argv[1:])
    try:
        day = build_day(os.environ)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    logging.getLogger("mkdocs").addHandler(_terminal())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="guidance-editions-") as folder:
        try:
            site = build_site(ROOT, Path(folder) / "site")
        except Abort as error:
            print(f"{error}\nThe site did not build; fix the problems above, then run this "
                  "again.", file=sys.stderr)
            return 1
        chosen = editions(site, day)
        wanted = {slug(name): name for name in arguments.only}
        unknown = [name for key, name in wanted.items()
                   if key not in {edition.slug for edition in chosen}]
        if unknown:
            print(f"No edition called {', '.join(sorted(unknown))}. The editions are: "
                  f"{', '.join(edition.slug for edition in chosen)}.", file=sys.stderr)
            return 2
        if arguments.only:
            chosen = [edition for edition in chosen if edition.slug in wanted]
        read = read_pages(site)
        for edition in chosen:
            began = time.process_time()  # this process's own work, whatever else is running
            target = arguments.out / edition.file_name
            try:
                rendered = render_pdf(assemble(edition, site, read, day), folder=site.folder,
                                      target=target)
            except (ValueError, OSError) as error:
                print(f"{target}: could not be made: {error}", file=sys.stderr)
                return 1
            print(f"{target}: {rendered.pages} pages, {size(rendered.size)}, "
                  f"{time.process_time() - began:.1f} s of CPU time")
            for address in rendered.refused:
                print(f"    not fetched (outside the built site): {address}", file=sys.stderr)
            for warning in dict.fromkeys(rendered.warnings):
                print(f"    WeasyPrint: {warning}", file=sys.stderr)
    print(f"{len(chosen)} PDF{'s' if len(chosen) != 1 else ''} of the edition of "
          f"{day.isoformat()} in {arguments.out}, in {time.monotonic() - started:.0f} s.")
    return 0


def _terminal() -> logging.Handler:
    """MkDocs' warnings, as `mkdocs build` prints them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    return handler


if __name__ == "__main__":
    sys.exit(main(sys.argv))
