"""Who owns each page and data file, when it was last reviewed, and when its next review is due.

Every hand-written page has a ``review:`` block in its front matter, and every data file that holds
guidance has one at its top. Pages made from data take their data file's review.
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .problems import Problem
from .schema import TEXT, WHOLE_NUMBER, Field, Kind, check_record
from .yaml_source import LineDict, parse_yaml

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
LONGEST_INTERVAL = 36  # months: a review every three years is the least a partnership should do


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


DATE = Kind(_is_date, "a date written year-month-day, like 2026-04-30")
REVIEW = {"owner": Field(TEXT), "last_reviewed": Field(DATE), "every_months": Field(WHOLE_NUMBER)}
# Front matter keys Material and MkDocs read, besides ours.
PAGE_SETTINGS = {"title", "description", "hide", "search", "status", "subtitle", "template",
                 "icon", "tags"}

EXAMPLE = ("review:\n        owner: Partnership policy lead\n        last_reviewed: 2026-04-30\n"
           "        every_months: 12")


@dataclass(frozen=True)
class Review:
    """One file's review details, with the line they are on, for messages and the status page."""

    file: str  # as messages show it, like docs/audit-learning/retraction.md
    line: int
    owner: str
    owner_line: int
    last_reviewed: date
    every_months: int

    @property
    def next_due(self) -> date:
        return add_months(self.last_reviewed, self.every_months)

    def is_overdue(self, today: date) -> bool:
        return today > self.next_due


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day if it is shorter (31 Jan + 1 = 28
    Feb)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def long_date(day: date) -> str:
    """A date as GOV.UK writes it: 22 November 2026."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


class ReviewReader:
    """Reads review blocks from data files and pages, collecting every problem."""

    def __init__(self, problems: list[Problem], *, today: date) -> None:
        self.problems = problems
        self.today = today
        self.reviews: list[Review] = []

    def from_data(self, data: LineDict, display: str) -> Review | None:
        """The ``review:`` block at the top of a data file."""
        if "review" not in data:
            self.problems.append(Problem(
                display, 1, "this file has no review details",
                f"Add a `review:` block at the top, like:\n      {EXAMPLE}"))
            return None
        return self._review(data["review"], display, data.line_of("review"))

    def from_page(self, text: str, display: str) -> Review | None:
        """The ``review:`` block in a Markdown page's front matter (between the --- lines)."""
        match = FRONT_MATTER.match(text)
        if match is None:
            self.problems.append(Problem(
                display, 1, "this page has no review details",
                f"Start the page with these lines:\n      ---\n      {EXAMPLE}\n      ---"))
            return None
        # A blank line in place of the opening --- keeps the line numbers the file's own.
        data, problems = parse_yaml("\n" + (match.group(1) or ""), display)
        self.problems += problems
        if problems:
            return None
        if not isinstance(data, LineDict):
            data = LineDict()
            data.key_lines = {}
        allowed = PAGE_SETTINGS | {"review"}
        misspelt = False
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                misspelt = misspelt or close == ["review"]
                suggestion = f"Did you mean '{close[0]}'? " if close else ""
                self.problems.append(Problem(
                    display, data.line_of(key), f"unknown setting '{key}' in the front matter",
                    f"{suggestion}A page's front matter can have: review, "
                    f"{', '.join(sorted(PAGE_SETTINGS))}."))
        if "review" not in data:
            if not misspelt:
                self.problems.append(Problem(
                    display, 1, "this page's front matter has no review details",
                    f"Add to the lines between the --- lines:\n      {EXAMPLE}"))
            return None
        return self._review(data["review"], display, data.line_of("review"))

    def check_owners(self, owners: tuple[str, ...], partnership_file: str) -> None:
        """Each owner must be one of the partnership's roles, so a typo or a person's name shows."""
        for review in self.reviews:
            if review.owner not in owners:
                close = difflib.get_close_matches(review.owner, owners, n=1)
                suggestion = f"Did you mean '{close[0]}'? " if close else ""
                self.problems.append(Problem(
                    review.file, review.owner_line, f"unknown owner '{review.owner}'",
                    f"{suggestion}The owner is a role, not a person: use one of the "
                    f"`review_owners` in {partnership_file}, or add the role there."))

    def _review(self, block: Any, display: str, line: int) -> Review | None:
        found = check_record(block, REVIEW, path=display, line=line, what="the review details")
        self.problems += found
        if found:
            return None
        assert isinstance(block, LineDict)
        last = date.fromisoformat(block["last_reviewed"])
        if last > self.today:
            self.problems.append(Problem(
                display, block.line_of("last_reviewed"),
                f"the review date {block['last_reviewed']} is in the future",
                f"Write the date the review was done (today is {self.today.isoformat()})."))
            return None
        months = block["every_months"]
        if not 1 <= months <= LONGEST_INTERVAL:
            self.problems.append(Problem(
                display, block.line_of("every_months"),
                f"a review every {months} months is outside the allowed range",
                f"Use a number of months from 1 to {LONGEST_INTERVAL}, like 12 for once a year."))
            return None
        review = Review(file=display, line=line, owner=" ".join(block["owner"].split()),
                        owner_line=block.line_of("owner"), last_reviewed=last, every_months=months)
        self.reviews.append(review)
        return review
