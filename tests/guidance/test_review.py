"""Review details: every page and data file names its owner and dates, and a bad date, a future
date or an unknown owner stops the build with the file and line. Faults are planted in a copy of
the frozen test project, as a policy lead might make them; dates that must be recent or in the
future are worked out from today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.guidance.test_data_checks import assert_fails_with
from tests.support.dates import FIXTURE_TODAY
from tests.support.project import FixtureProject

PAGE = "docs/findings/first-finding.md"
DATA = "docs/sources/third-records.yml"
PAGE_REVIEWED = "last_reviewed: 2026-09-14"
DATA_OWNER = "owner: Fixture data lead"


@pytest.mark.parametrize("written", ["31/10/2026", "2026-02-30", "last spring"])
def test_a_malformed_review_date_on_a_page(project, written):
    line = project.edit(PAGE, PAGE_REVIEWED, f"last_reviewed: {written}")
    assert_fails_with(project, PAGE, line,
                      "'last_reviewed' should be a date written year-month-day, like 2026-04-30")


def test_a_malformed_review_date_in_a_data_file(project):
    line = project.edit(DATA, "last_reviewed: 2026-09-14", "last_reviewed: 2026-13-01")
    assert_fails_with(project, DATA, line,
                      "'last_reviewed' should be a date written year-month-day")


def test_a_review_date_in_the_future(project):
    today = FIXTURE_TODAY
    tomorrow = (today + timedelta(days=1)).isoformat()
    line = project.edit(PAGE, PAGE_REVIEWED, f"last_reviewed: {tomorrow}")
    log = assert_fails_with(project, PAGE, line, f"the review date {tomorrow} is in the future")
    assert f"today is {today.isoformat()}" in log


def test_the_day_the_build_takes_as_today_must_be_a_date(project):
    project.environment = {"GUIDANCE_TODAY": "next Tuesday"}
    result = project.build()
    assert not result.ok
    assert "GUIDANCE_TODAY='next Tuesday' is not a date: write it year-month-day" in result.log
    check = project.command("check", "docs")
    assert check.returncode == 2 and "is not a date" in check.stderr


def test_a_review_dated_today_is_fine(project):
    """Recording a review on the day it is done, as the editing guide says, must pass."""
    project.edit(PAGE, PAGE_REVIEWED, f"last_reviewed: {FIXTURE_TODAY.isoformat()}")
    result = project.build()
    assert result.ok, result.log


def test_an_owner_who_is_not_a_role_of_the_partnership(project):
    line = project.edit(DATA, DATA_OWNER, "owner: Fixture data led")
    log = assert_fails_with(project, DATA, line, "unknown owner 'Fixture data led'")
    assert "Did you mean 'Fixture data lead'?" in log


def test_a_page_without_review_details(project):
    text = project.read(PAGE)
    project.write(PAGE, text[text.index("# First finding"):])
    log = assert_fails_with(project, PAGE, 1, "this page has no review details")
    assert "every_months: 12" in log  # the hint shows a complete block to copy


def test_a_page_whose_front_matter_has_no_review(project):
    text = project.read(PAGE)
    start, end = text.index("review:"), text.index("---", 3)
    project.write(PAGE, text[:start] + text[end:])
    assert_fails_with(project, PAGE, 1, "this page's front matter has no review details")


def test_a_data_file_without_review_details(project):
    text = project.read(DATA)
    start = text.index("review:")
    project.write(DATA, text[:start] + text[text.index("title:", start):])
    assert_fails_with(project, DATA, 1, "this file has no review details")


def test_a_misspelt_review_field_and_front_matter_setting(project):
    line = project.edit(PAGE, "every_months: 36", "every_month: 36")
    log = assert_fails_with(project, PAGE, line,
                            "unknown field 'every_month' in the review details")
    assert "Did you mean 'every_months'?" in log
    line = project.edit(PAGE, "review:", "reveiw:")
    log = assert_fails_with(project, PAGE, line, "unknown setting 'reveiw' in the front matter")
    assert "Did you mean 'review'?" in log


def test_a_review_interval_out_of_range(project):
    line = project.edit(DATA, "every_months: 36", "every_months: 0")
    log = assert_fails_with(project, DATA, line, "'every_months' should be a number of months "
                            "from 1 to 36")
    assert "not the number 0" in log and "How to fix: Write a number of months" in log


def test_every_problem_is_reported_at_once(project):
    project.edit(PAGE, PAGE_REVIEWED, "last_reviewed: 14/09/2026")
    project.edit(DATA, DATA_OWNER, "owner: Jane Smith")
    result = project.build()
    assert not result.ok
    assert "The guidance data has 2 problems" in result.log, result.log


# The next review is the same day `every_months` later, or that month's last day when it is
# shorter. Each case is a review block given to one file of the fixture, and the date its page
# must show. All the reviews are in the past, so they stay valid whatever today is.
DUE_DATES = [
    ("docs/findings/first-finding.md", "findings/first-finding/", "2026-01-31", 1,
     "28 February 2026"),
    ("docs/findings/second-finding.md", "findings/second-finding/", "2024-01-31", 1,
     "29 February 2024"),
    ("docs/sources/notes.md", "sources/notes/", "2025-11-22", 12, "22 November 2026"),
    ("docs/sources/third-records.yml", "sources/third-records/", "2025-08-15", 6,
     "15 February 2026"),
    ("docs/language.md", "language/", "2025-12-31", 2, "28 February 2026"),
]


def test_the_next_review_is_the_same_day_months_later(project: FixtureProject):
    for file, _, last, months, _ in DUE_DATES:
        text = project.read(file)
        start = text.index("  last_reviewed:")
        end = text.index("\n", text.index("  every_months:")) + 1
        project.write(file, text[:start] + f"  last_reviewed: {last}\n  every_months: {months}\n"
                      + text[end:])
    result = project.build()
    assert result.ok, result.log
    for file, address, _, _, due in DUE_DATES:
        footer = result.page(address).with_class("page-review")
        assert len(footer) == 1, address
        assert f"Next review due {due}" in footer[0].text(), f"{file}: {footer[0].text()}"
