"""Find discouraged terms in the guidance, so wording stays consistent with safeguarding practice.

The terms and their alternatives live in ``docs/data/language.yml``. A line that uses a term in
its formal or legal sense says so with a marker on the same line: ``<!-- formal use -->`` in a
Markdown page, ``# formal use`` in a YAML data file. In Markdown, a longer passage can sit between
``<!-- formal use: start -->`` and ``<!-- formal use: end -->``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import model
from .files import LANGUAGE_FILE

LINE_MARKER = re.compile(r"<!--\s*formal use\s*-->|#\s*formal use\b", re.IGNORECASE)
START = re.compile(r"<!--\s*formal use:\s*start\s*-->", re.IGNORECASE)
END = re.compile(r"<!--\s*formal use:\s*end\s*-->", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Use:
    """One use of a discouraged term: where, which word, and what to say instead."""

    path: str
    line: int
    word: str
    instead: str

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: '{self.word}', suggested alternative: {self.instead}. "
                "If this is its formal or legal sense, mark the line as formal use.")


def _pattern(term: model.DiscouragedTerm) -> re.Pattern[str]:
    forms = sorted({term.term, *term.forms}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)


def uses_in_text(text: str, *, path: str, terms: tuple[model.DiscouragedTerm, ...]) -> list[Use]:
    """Every unmarked use of a discouraged term in one file's text."""
    patterns = [(term, _pattern(term)) for term in terms]
    uses, in_passage = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if START.search(line):
            in_passage = True
        if END.search(line):
            in_passage = False
            continue
        if in_passage or LINE_MARKER.search(line):
            continue
        for term, pattern in patterns:
            uses += [Use(path, number, match.group(1), term.instead)
                     for match in pattern.finditer(line)]
    return uses


def uses_in_guidance(docs_dir: Path, terms: tuple[model.DiscouragedTerm, ...]) -> list[Use]:
    """Every unmarked use in the hand-written pages and the data files (but the term list)."""
    uses: list[Use] = []
    for path in sorted([*docs_dir.rglob("*.md"), *docs_dir.rglob("*.yml")]):
        relative = path.relative_to(docs_dir).as_posix()
        if relative == LANGUAGE_FILE:
            continue
        uses += uses_in_text(path.read_text(encoding="utf-8"),
                             path=f"{docs_dir.name}/{relative}", terms=terms)
    return sorted(uses)
