"""Dates for review details: when the next review is due, and dates as readers see them."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Mapping


TODAY_SETTING = "GUIDANCE_TODAY"


def build_day(environ: Mapping[str, str]) -> date:
    """The day reviews are checked against: today, unless ``GUIDANCE_TODAY`` (year-month-day)
    asks to see the site as it will be on another day, as before a release."""
    written = environ.get(TODAY_SETTING, "").strip()
    if not written:
        return date.today()
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise ValueError(f"{TODAY_SETTING}={written!r} is not a date: write it year-month-day, "
                         "like 2027-01-31, or leave it unset for today.") from None


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day if it is shorter (31 Jan + 1 = 28
    Feb)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def long_date(day: date) -> str:
    """A date as GOV.UK writes it: 22 November 2026."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"
