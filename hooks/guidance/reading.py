"""Reading data files with their line numbers, and reporting every problem in them.

:class:`DataReader` is shared by everything that loads data, so every file gets the same checks
and the same kind of message.
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from .problems import Problem
from .review import Review, ReviewReader
from .schema import Field, Kind, check_record
from .yaml_source import LineDict, LineList, read_yaml


# The review block's own fields are checked by ReviewReader, which knows dates.
_REVIEW_BLOCK = Kind(lambda value: isinstance(value, dict),
                     "the review details: owner, last_reviewed and every_months, each on its own "
                     "indented line")


class DataReader:
    """Collects the problems found in every file read, so they can be reported all at once."""

    def __init__(self, docs_dir: Path, *, today: date) -> None:
        self.docs_dir = docs_dir
        self.problems: list[Problem] = []
        self.review_reader = ReviewReader(self.problems, today=today)
        # Each data file's review, by its path under docs/.
        self.file_reviews: dict[str, Review] = {}
        # Ids of records that have problems of their own: a reference to one is not reported
        # again as unknown, so one mistake gives one message.
        self.broken_ids: set[str] = set()

    def display(self, relative: str) -> str:
        """A file's path as messages show it, like docs/data/holders.yml."""
        return f"{self.docs_dir.name}/{relative}"

    def read(self, relative: str, fields: dict[str, Field], what: str, *,
             reviewed: bool = True) -> LineDict | None:
        """Read and check a data file's top level. A ``reviewed`` file holds guidance, so it must
        say who owns it and when it was last reviewed."""
        path, display = self.docs_dir / relative, self.display(relative)
        if reviewed:
            fields = {"review": Field(_REVIEW_BLOCK, required=False), **fields}
        if not path.is_file():
            self.problems.append(Problem(display, 1, "this file is missing",
                                         f"Restore {display} from the main branch."))
            return None
        data, problems = read_yaml(path, display)
        self.problems += problems
        if data is None and not problems:
            self.problems.append(Problem(display, 1, "this file is empty",
                                         f"Fill in {what}, or restore it from the main branch."))
            return None
        if data is None:
            return None
        found = check_record(data, fields, path=display, line=1, what=what)
        self.problems += found
        if not isinstance(data, LineDict):
            return None
        if reviewed:
            review = self.review_reader.from_data(data, display)
            if review is not None:
                self.file_reviews[relative] = review
        return data

    def records(self, parent: LineDict, key: str, fields: dict[str, Field], *, display: str,
                 what: str) -> Iterator[tuple[LineDict, int]]:
        """Yield each valid record of a list field with its line; report the invalid ones."""
        items = parent.get(key)
        if not isinstance(items, LineList):
            return
        for item, line in zip(items, items.item_lines):
            found = check_record(item, fields, path=display, line=line, what=what)
            self.problems += found
            if not found:
                yield item, line
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                self.broken_ids.add(item["id"])

    def entries(self, parent: LineDict, key: str, fields: dict[str, Field], *, display: str,
                 what: str, unique: str = "id", label: str) -> list[tuple[LineDict, int]]:
        """The valid records of a list field; a repeated ``unique`` value is reported, not kept."""
        seen: dict[str, int] = {}
        kept = []
        for record, line in self.records(parent, key, fields, display=display, what=what):
            value = record[unique]
            if value in seen:
                self.problems.append(Problem(
                    display, record.line_of(unique),
                    f"{label} '{value}' is used twice (first on line {seen[value]})",
                    f"Each {label} must be different: change one of them.",
                ))
                continue
            seen[value] = record.line_of(unique)
            kept.append((record, line))
        return kept

    def unknown(self, display: str, line: int, value: str, known: dict[str, Any], what: str,
                 register: str) -> None:
        if value in self.broken_ids:
            return
        close = difflib.get_close_matches(value, list(known), n=1)
        suggestion = f"Did you mean '{close[0]}'? " if close else ""
        self.problems.append(Problem(
            display, line, f"unknown {what} '{value}'",
            f"{suggestion}Use an id listed in {self.display(register)}, or add it there first.",
        ))
