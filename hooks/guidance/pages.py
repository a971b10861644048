"""Where each generated page lives, and how one page links to another.

Links are written as relative paths to ``.md`` files so that MkDocs checks and rewrites them
like any hand-written link.
"""

from __future__ import annotations

import posixpath

from . import model

SOURCES_INDEX = "sources/index.md"
ORGANISATIONS_INDEX = "organisations/index.md"
GLOSSARY = "glossary.md"
REFERENCES = "references.md"


def category_page(category: model.Category) -> str:
    return f"sources/{category.id}.md"


def holder_page(holder_id: str) -> str:
    return f"organisations/{holder_id}.md"


def relative_link(from_page: str, to_page: str) -> str:
    """The path from one page's source file to another's, as written in Markdown."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
