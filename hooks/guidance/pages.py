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
REVIEW_STATUS = "review-status.md"
CHANGES = "changes.md"


def category_page(category: model.Category) -> str:
    return f"sources/{category.id}.md"


def holder_page(holder_id: str) -> str:
    return f"organisations/{holder_id}.md"


def relative_link(from_page: str, to_page: str) -> str:
    """The path from one page's source file to another's, as written in Markdown."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url_of(src_uri: str, *, directory_urls: bool = True) -> str:
    """The address of a page under the site root, as MkDocs writes it (``sources/x.md`` gives
    ``sources/x/``); a file that is not a page, like a script, keeps its own path."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return f"{stem}/"


def relative_url(from_page: str, target: str, *, directory_urls: bool = True) -> str:
    """A link from one page's address to ``target`` (a path under docs/, perhaps with
    ``#anchor``), for raw HTML, which MkDocs does not rewrite as it does Markdown links."""
    path, hash_mark, anchor = target.partition("#")
    here = url_of(from_page, directory_urls=directory_urls)
    folder = here[:here.rindex("/")] if "/" in here else ""
    there = url_of(path, directory_urls=directory_urls)
    link = posixpath.relpath(there or ".", folder or ".")
    if there.endswith("/") or there == "":
        link = "./" if link == "." else f"{link}/"
    return f"{link}{hash_mark}{anchor}"
