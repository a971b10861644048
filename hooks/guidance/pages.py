"""Where each generated page lives, and how one page's source links to another's.

Links in generated Markdown are relative paths to ``.md`` files, so MkDocs checks and rewrites
them like any hand-written link; every kind of address is worked out in addresses.py.
"""

from __future__ import annotations

import re
from datetime import date

# A hand-written page's front matter, between --- lines at its top (MkDocs' own reading).
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)

SOURCES_INDEX = "sources/index.md"
ORGANISATIONS_INDEX = "organisations/index.md"
GLOSSARY = "glossary.md"
REFERENCES = "references.md"
REVIEW_STATUS = "review-status.md"
CHANGES = "changes.md"
# The Atom feed of the changes, at the site's top beside the changes page. ".xml" because every
# web server, an intranet's included, serves it as XML with no setting to add.
CHANGES_FEED = "changes.xml"


def category_page(category_id: str) -> str:
    return f"sources/{category_id}.md"


def holder_page(holder_id: str) -> str:
    return f"organisations/{holder_id}.md"


def changes_section(day: date) -> str:
    """The id of a day's section on the changes page, which the feed's entries link to."""
    return f"changes-{day.isoformat()}"


def generated_paths(category_ids: list[str], holder_ids: list[str]) -> set[str]:
    """Every page the hooks make from data, by its path under docs/ (see generated.py)."""
    return {*map(category_page, category_ids), *map(holder_page, holder_ids), ORGANISATIONS_INDEX,
            GLOSSARY, REFERENCES, CHANGES, REVIEW_STATUS}


def body(text: str) -> str:
    """A hand-written page's Markdown as MkDocs renders it: without its front matter, whose
    lines are left blank so every line keeps its number."""
    match = FRONT_MATTER.match(text)
    return "\n" * match.group(0).count("\n") + text[match.end():] if match else text
