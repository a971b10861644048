#!/usr/bin/env python3
"""Check the guidance data without building the site, for an editor or a CI step.

Usage: python hooks/check_data.py [DOCS_DIR]    (DOCS_DIR defaults to this project's docs/)

Exit codes: 0 the data is fine; 1 problems were found (each printed as path:line: what is wrong);
2 the command was used wrongly. Needs only Python and PyYAML, not MkDocs. Reviews are checked
against today, or the day GUIDANCE_TODAY gives (year-month-day).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guidance.language import uses_in_guidance  # noqa: E402
from guidance.load import load_guidance  # noqa: E402
from guidance.page_safety import markdown_renderer, markdown_settings  # noqa: E402
from guidance.problems import DataError  # noqa: E402
from guidance.review_dates import build_day  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in {"-h", "--help"}):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    docs = Path(argv[1]) if len(argv) == 2 else Path(__file__).resolve().parent.parent / "docs"
    if not docs.is_dir():
        print(f"{docs}: no such folder. Give the path of the docs/ folder.", file=sys.stderr)
        return 2
    try:
        today = build_day(os.environ)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        render = markdown_renderer(*markdown_settings(docs.parent / "mkdocs.yml"))
        guidance = load_guidance(docs, today=today, render=render)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    uses = uses_in_guidance(guidance)
    if uses:
        print(f"The guidance uses {len(uses)} discouraged term{'s' if len(uses) != 1 else ''}:",
              *map(str, uses), sep="\n", file=sys.stderr)
        return 1
    print(f"The guidance data is fine: {len(guidance.categories)} categories, "
          f"{guidance.row_count} rows, {len(guidance.holders)} organisations, "
          f"{len(guidance.terms)} glossary entries, {len(guidance.checklists)} checklists.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
