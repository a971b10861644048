"""Problems found in the data, reported all at once as ``path:line: what is wrong``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with a hint a policy lead can act on."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text}\n    How to fix: {self.hint}" if self.hint else text


class DataError(Exception):
    """Raised when the data has problems; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"The guidance data has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([heading, *(str(problem) for problem in self.problems)])
