"""Review details: every page and data file names its owner and dates, and a bad date, a future
date or an unknown owner stops the build with the file and line. Faults are planted in a copy of
the project, as a policy lead might make them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from guidance.review import add_months
from tests.guidance.test_data_checks import assert_fails_with

PAGE = "docs/audit-learning/retraction.md"
DATA = "docs/sources/trauma.yml"
TODAY = date.today()


@pytest.mark.parametrize("written, message", [
    ("31/10/2026", "'last_reviewed' should be a date written year-month-day, like 2026-04-30"),
    ("2026-02-30", "'last_reviewed' should be a date written year-month-day, like 2026-04-30"),
    ("last spring", "'last_reviewed' should be a date written year-month-day, like 2026-04-30"),
])
def test_a_malformed_review_date_on_a_page(project, written, message):
    line = project.edit(PAGE, "last_reviewed: 2026-11-22", f"last_reviewed: {written}")
    assert_fails_with(project, PAGE, line, message)


def test_a_malformed_review_date_in_a_data_file(project):
    line = project.edit(DATA, "last_reviewed: 2026-11-22", "last_reviewed: 2026-13-01")
    assert_fails_with(project, DATA, line, "'last_reviewed' should be a date written "
                      "year-month-day")


def test_a_review_date_in_the_future(project):
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    line = project.edit(PAGE, "last_reviewed: 2026-11-22", f"last_reviewed: {tomorrow}")
    log = assert_fails_with(project, PAGE, line, f"the review date {tomorrow} is in the future")
    assert f"today is {TODAY.isoformat()}" in log


def test_an_owner_who_is_not_a_role_of_the_partnership(project):
    line = project.edit(DATA, "owner: Information sharing lead", "owner: Information sharing led")
    log = assert_fails_with(project, DATA, line, "unknown owner 'Information sharing led'")
    assert "Did you mean 'Information sharing lead'?" in log


def test_a_page_without_review_details(project):
    text = project.path(PAGE).read_text(encoding="utf-8")
    project.write(PAGE, text[text.index("# Retraction"):])
    log = assert_fails_with(project, PAGE, 1, "this page has no review details")
    assert "every_months: 12" in log


def test_a_data_file_without_review_details(project):
    text = project.path(DATA).read_text(encoding="utf-8")
    start = text.index("review:")
    project.write(DATA, text[:start] + text[text.index("title:", start):])
    assert_fails_with(project, DATA, 1, "this file has no review details")


def test_a_misspelt_review_field_and_front_matter_setting(project):
    line = project.edit(PAGE, "every_months: 12", "every_month: 12")
    assert_fails_with(project, PAGE, line, "unknown field 'every_month' in the review details")
    line = project.edit(PAGE, "review:", "reveiw:")
    assert_fails_with(project, PAGE, line, "unknown setting 'reveiw' in the front matter")


def test_a_review_interval_out_of_range(project):
    line = project.edit(DATA, "every_months: 12", "every_months: 0")
    assert_fails_with(project, DATA, line, "a review every 0 months is outside the allowed range")


def test_every_problem_is_reported_at_once(project):
    project.edit(PAGE, "last_reviewed: 2026-11-22", "last_reviewed: 22/11/2026")
    project.edit(DATA, "owner: Information sharing lead", "owner: Jane Smith")
    result = project.build()
    assert not result.ok
    assert "The guidance data has 2 problems" in result.log, result.log


@pytest.mark.parametrize("start, months, due", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 11, 22), 12, date(2027, 11, 22)),
    (date(2026, 8, 15), 6, date(2027, 2, 15)),
])
def test_the_next_review_is_the_same_day_months_later(start, months, due):
    assert add_months(start, months) == due
