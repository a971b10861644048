"""Find discouraged terms in the guidance, so wording stays consistent with safeguarding practice.

The terms and their alternatives live in ``docs/data/language.yml``. A line that uses a term in
its formal or legal sense says so with a marker on the same line: ``<!-- formal use -->`` in a
Markdown page, ``# formal use`` in a YAML data file. In Markdown, a longer passage can sit between
``<!-- formal use: start -->`` and ``<!-- formal use: end -->``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import records as r
from .data import Guidance

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
        return (f"{self.path}:{self.line}: '{self.word}', suggested alternative: {self.instead}\n"
                "    How to fix: Reword the line with the suggested alternative. If the word is "
                "used in its formal or legal sense, end the line with <!-- formal use --> (in a "
                "data file: # formal use).\n"
                "    More: editing/build-messages.md#discouraged-term")


def _pattern(term: r.DiscouragedTerm) -> re.Pattern[str]:
    forms = sorted({term.term, *term.forms}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)


def uses_in_text(text: str, *, path: str, terms: tuple[r.DiscouragedTerm, ...]) -> list[Use]:
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


def uses_in_guidance(guidance: Guidance) -> list[Use]:
    """Every unmarked use in the pages and data files that were read (but the term list)."""
    uses: list[Use] = []
    for path, text in guidance.texts.items():
        if not path.endswith("/" + r.LANGUAGE.path):
            uses += uses_in_text(text, path=path, terms=guidance.discouraged_terms)
    return sorted(uses)
