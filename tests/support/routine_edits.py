"""The editing guide's routine changes (CONTRIBUTING.md), made to a copy of the real project the
way a policy lead makes them: by editing lines of text. Each edit finds its place by parsing the
files (a review block, a top-level `order:` line, the end of a list, a page's first paragraph or
heading), never by searching for wording, so it works whatever the content says today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from . import content

TOP_LEVEL = re.compile(r"^\S")
FENCE_LINE = re.compile(r"^(```|~~~)")


def _with_review_date_in_yaml(text: str, day: date) -> str | None:
    """YAML text with its top-level review block's `last_reviewed` set to ``day``; None when the
    text has no such block."""
    lines = text.split("\n")
    starts = [number for number, line in enumerate(lines)
              if re.match(r"^review:[ \t]*(#.*)?$", line)]
    if not starts:
        return None
    for number in range(starts[0] + 1, len(lines)):
        line = lines[number]
        if line.strip() and TOP_LEVEL.match(line):
            break
        match = re.match(r"^([ \t]+last_reviewed:[ \t]*)\S+(.*)$", line)
        if match:
            lines[number] = f"{match.group(1)}{day.isoformat()}{match.group(2)}"
            return "\n".join(lines)
    return None


def record_reviews(root: Path, day: date) -> list[Path]:
    """Set `last_reviewed` to ``day`` in every page's and data file's review block. Returns the
    files changed; a file with a review block that could not be changed fails the test."""
    changed = []
    for path in [*content.pages(root), *content.data_files(root)]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            match = content.FRONT_MATTER.match(text)
            inner = _with_review_date_in_yaml(match.group(1) or "", day) if match else None
            new = (text[:match.start(1)] + inner + text[match.end(1):]) if inner else None
            review = content.page_review(root, path)
        else:
            new = _with_review_date_in_yaml(text, day)
            review = content.data_review(root, path)
        assert (new is not None) == (review is not None), f"{path}: review block not understood"
        if new is not None:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def reverse_category_order(root: Path) -> list[str]:
    """Renumber every category's `order` so the categories come in the reverse order. Returns
    the categories' ids in their new order."""
    files = sorted((root / "docs" / "sources").glob("*.yml"))
    ranked = sorted(files, key=lambda path: yaml.safe_load(path.read_text(encoding="utf-8"))
                    ["order"])
    for position, path in enumerate(ranked):
        text = path.read_text(encoding="utf-8")
        new, count = re.subn(r"^order:[ \t]*\d+[ \t]*$", f"order: {(len(ranked) - position) * 10}",
                             text, count=1, flags=re.MULTILINE)
        assert count == 1, f"{path}: no top-level `order:` line"
        path.write_text(new, encoding="utf-8")
    return [path.stem for path in reversed(ranked)]


def _list_end(lines: list[str], key: str) -> tuple[int, str, str]:
    """Where a top-level list ends (the line to insert before), with the indentation of its
    entries' `-` and of their other fields, read from its first entry."""
    start = next(number for number, line in enumerate(lines)
                 if re.match(rf"^{key}:[ \t]*(#.*)?$", line))
    end = next((number for number in range(start + 1, len(lines))
                if lines[number].strip() and TOP_LEVEL.match(lines[number])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    first = next(number for number in range(start + 1, end)
                 if re.match(r"^[ \t]*- ", lines[number]))
    dash = re.match(r"^([ \t]*)- ", lines[first]).group(1)
    return end, dash, dash + "  "


def append_to_list(path: Path, key: str, fields: dict[str, str]) -> int:
    """Add an entry at the end of the top-level list ``key`` in a YAML file, laid out like the
    entries already there, after a blank line. Returns the line the entry starts on."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end, dash, indent = _list_end(lines, key)
    items = list(fields.items())
    entry = [f"{dash}- {items[0][0]}: {items[0][1]}",
             *(f"{indent}{name}: {value}" for name, value in items[1:])]
    lines[end:end] = ["", *entry]
    path.write_text("\n".join(lines), encoding="utf-8")
    return end + 2


def prepend_to_list(path: Path, key: str, fields: dict[str, str]) -> None:
    """Add an entry at the top of the top-level list ``key`` (as a new change is recorded)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(number for number, line in enumerate(lines) if re.match(rf"^{key}:", line))
    items = list(fields.items())
    if re.match(rf"^{key}:[ \t]*\[\][ \t]*$", lines[start]):
        lines[start], dash = f"{key}:", "  "
    else:
        first = next(number for number in range(start + 1, len(lines))
                     if re.match(r"^[ \t]*- ", lines[number]))
        dash = re.match(r"^([ \t]*)- ", lines[first]).group(1)
    entry = [f"{dash}- {items[0][0]}: {items[0][1]}",
             *(f"{dash}  {name}: {value}" for name, value in items[1:]), ""]
    lines[start + 1:start + 1] = entry
    path.write_text("\n".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class Reworded:
    page: Path
    line: int
    text: str  # the new words at the start of the paragraph


def reword_first_paragraph(root: Path) -> Reworded:
    """Reword the first paragraph after the title of the first hand-written page that has one,
    as "Change a sentence on a page" describes."""
    for path in content.pages(root):
        if path.name == "index.md":
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        match = content.FRONT_MATTER.match("\n".join(lines))
        number = match.group(0).count("\n") if match else 0
        seen_title, in_fence = False, False
        for number in range(number, len(lines)):
            line = lines[number]
            if FENCE_LINE.match(line):
                in_fence = not in_fence
            if in_fence:
                continue
            if line.startswith("# "):
                seen_title = True
            elif (seen_title and re.match(r"^[A-Z][a-z]+ ", line)
                  and not lines[number - 1].strip()):
                new = "Put simply: " + line
                lines[number] = new
                path.write_text("\n".join(lines), encoding="utf-8")
                return Reworded(path, number + 1, "Put simply:")
    raise AssertionError("no hand-written page has a paragraph to reword")


@dataclass(frozen=True)
class Renamed:
    page: Path
    heading_id: str
    words: str


def rename_first_section_heading(root: Path, words: str, *,
                                 avoid: Path | None = None) -> Renamed:
    """Give the first `##` heading that has an id new words, keeping its `{ #id }`, on the first
    hand-written page that has one, other than ``avoid`` (see "Links that never break")."""
    for path in content.pages(root):
        if path == avoid:
            continue
        text = path.read_text(encoding="utf-8")
        heading = next((h for h in content.headings(text) if h.level == 2 and h.id), None)
        if heading is None:
            continue
        lines = text.split("\n")
        braces = re.search(r"\{[^}\n]*#" + re.escape(heading.id) + r"[^}\n]*\}[ \t]*$",
                           lines[heading.line - 1])
        assert braces, f"{path}:{heading.line}: the heading's id was not found"
        lines[heading.line - 1] = f"## {words} {braces.group(0).strip()}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return Renamed(path, heading.id, words)
    raise AssertionError("no hand-written page has a `##` heading with an id")
