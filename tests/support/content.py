"""Read a project's own files the way an editor sees them (pages, their front matter and
headings, data files' review blocks), so tests derive what to expect from the content instead of
writing it into the test. Plain parsing with PyYAML; nothing here imports the hooks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$", re.MULTILINE)
HEADING_ID = re.compile(r"[ \t]*\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}[ \t]*$")


@dataclass(frozen=True)
class Heading:
    """A heading written in a page's Markdown: its level, its words and its explicit id."""

    level: int
    words: str
    id: str | None
    line: int  # in the file, counting from 1


@dataclass(frozen=True)
class ReviewBlock:
    """A ``review:`` block as written in a page's front matter or at a data file's top."""

    file: str  # relative to the project, like docs/about.md
    owner: str
    last_reviewed: date
    every_months: int


def pages(root: Path) -> list[Path]:
    """Every hand-written page under the project's docs/."""
    return sorted((root / "docs").rglob("*.md"))


def data_files(root: Path) -> list[Path]:
    """Every YAML data file under the project's docs/."""
    return sorted((root / "docs").rglob("*.yml"))


def front_matter(text: str) -> dict[str, Any]:
    """A page's front matter (between its --- lines), or an empty dict."""
    match = FRONT_MATTER.match(text)
    return (yaml.safe_load(match.group(1) or "") or {}) if match else {}


def page_address(docs_path: str) -> str:
    """A page's address under the site, from its path under docs/: ``a/b.md`` is ``a/b/``,
    ``a/index.md`` is ``a/``."""
    stem = docs_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def headings(text: str) -> list[Heading]:
    """The headings written in a page's Markdown, outside code blocks and front matter."""
    match = FRONT_MATTER.match(text)
    body_start = match.end() if match else 0
    blanked = FENCE.sub(lambda fence: "\n" * fence.group(0).count("\n"), text[body_start:])
    found = []
    for heading in HEADING.finditer(blanked):
        explicit = HEADING_ID.search(heading.group(2))
        words = HEADING_ID.sub("", heading.group(2)).strip()
        line = text.count("\n", 0, body_start + heading.start()) + 1
        found.append(Heading(len(heading.group(1)), words, explicit.group(1) if explicit else None,
                             line))
    return found


def _review(block: Any, file: str) -> ReviewBlock | None:
    if not isinstance(block, dict):
        return None
    last = block.get("last_reviewed")
    last = date.fromisoformat(last) if isinstance(last, str) else last
    return ReviewBlock(file=file, owner=" ".join(str(block["owner"]).split()),
                       last_reviewed=last, every_months=int(block["every_months"]))


def page_review(root: Path, page: Path) -> ReviewBlock | None:
    """The review block in a page's front matter, if it has one."""
    file = page.relative_to(root).as_posix()
    return _review(front_matter(page.read_text(encoding="utf-8")).get("review"), file)


def data_review(root: Path, data_file: Path) -> ReviewBlock | None:
    """The review block at the top of a data file, if it has one."""
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    block = data.get("review") if isinstance(data, dict) else None
    return _review(block, data_file.relative_to(root).as_posix())
