"""Dates as the tests expect the site to show them, worked out independently of the hooks, so a
test compares the site with its own reading of the data rather than with the code under test."""

from __future__ import annotations

import calendar
from datetime import date


# The day the frozen test project's builds take as today (GUIDANCE_TODAY), so its review dates
# never fall due as the years pass: a test about an overdue page makes one overdue itself.
FIXTURE_TODAY = date(2026, 11, 23)


def long_date(day: date) -> str:
    """A date as the pages write it: 22 November 2026."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def months_later(start: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
