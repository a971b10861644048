"""Problems found in the data, reported all at once as ``path:line: what is wrong``.

Each problem carries a short code naming the paragraph of ``editing/build-messages.md`` that
explains it, so the guide keeps one explanation per kind of message rather than a copy of each.
"""

from __future__ import annotations

from dataclasses import dataclass

GUIDE = "editing/build-messages.md"

# Every kind of message, with the title of its paragraph in the guide.
CODES: dict[str, str] = {
    "yaml-syntax": "The file is not valid YAML",
    "not-utf8": "The file is not UTF-8 text",
    "control-character": "A hidden control character",
    "yaml-alias": "A YAML alias or anchor",
    "yaml-tag": "A value starting with !",
    "file-missing": "A file is missing",
    "file-empty": "A file is empty",
    "file-too-large": "A data file is too large",
    "key-twice": "A field is given twice",
    "unknown-field": "An unknown field",
    "missing-field": "A required field is missing",
    "wrong-value": "A value of the wrong kind",
    "id-twice": "An id is used twice",
    "unknown-id": "An unknown id",
    "row-holder-not-named": "A row lists an organisation its text does not name",
    "row-name-not-listed": "A row's text names an organisation the row does not list",
    "row-system-not-named": "A row lists a system its text does not name",
    "row-system-not-kept": "A row lists a system none of its organisations keeps",
    "empty-list": "A list that needs at least one entry is empty",
    "order-twice": "Two categories have the same order",
    "file-name": "A file name that cannot be a web address",
    "review-missing": "No review details",
    "review-date": "A review date or interval that cannot be right",
    "review-owner": "A review owner that is not one of the partnership's roles",
    "review-overdue": "A page is past its review date",
    "date-in-future": "A date in the future",
    "data-link": "A link in data leads nowhere",
    "page-link": "A link in a page leads to a section that does not exist",
    "insert": "An insert line that cannot be filled",
    "caution-missing": "A page suggests asking an organisation without the caution",
    "published-link": "A published link no longer works",
    "redirect": "A redirect that is not right",
    "discouraged-term": "A discouraged term",
    "nav-section": "The navigation lost a section",
    "checklist-answers": "A checklist's answers cannot work",
    "duplicate-id": "An id used twice on one page",
    "html-in-data": "HTML in a data file",
    "text-too-long": "A text longer than its field allows",
    "unsafe-html": "A page contains HTML that could run script or embed another site",
    "link-outside-docs": "A symbolic link to a file outside docs/",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with a hint a policy lead can act on."""

    path: str
    line: int
    message: str
    hint: str = ""
    code: str = ""

    def __post_init__(self) -> None:
        assert not self.code or self.code in CODES, f"unknown message code {self.code!r}"

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.hint:
            text += f"\n    How to fix: {self.hint}"
        if self.code:
            text += f"\n    More: {GUIDE}#{self.code}"
        return text


class DataError(Exception):
    """Raised when the data has problems; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"The guidance data has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([heading, *(str(problem) for problem in self.problems)])


class CommandError(Exception):
    """A problem a command (hooks/commands.py) reports in one plain sentence, with its exit code:
    1 for a problem in the content or the editions, 2 for a wrong command or setting."""

    def __init__(self, sentence: str, code: int = 1) -> None:
        super().__init__(sentence)
        self.code = code
