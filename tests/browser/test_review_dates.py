"""In real Chromium: the overdue notice follows the reader's own date, not the build's, so a page
that passes its review date after the site was last built still says so (review-dates.js)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tests.browser.conftest import new_context


def _marks(page) -> list[dict]:
    return page.eval_on_selector_all("[data-review-due]", """marks => marks.map(mark => ({
        due: mark.dataset.reviewDue, visible: mark.checkVisibility(),
        notice: mark.classList.contains('review-overdue')}))""")


def _open_on(browser, url: str, day: date):
    """A tab whose clock reads ``day`` (noon), with the page opened."""
    context = new_context(browser, url)
    context.clock.set_fixed_time(datetime.combine(day, time(12)))
    page = context.new_page()
    page.goto(url)
    # review-dates.js notes the day it judged the marks by, once it has.
    page.wait_for_function("day => document.documentElement.dataset.reviewDates === day",
                           arg=day.isoformat())
    return context, page


def test_the_overdue_notice_follows_the_readers_date(browser, root_url):
    context, page = _open_on(browser, root_url, date.today())
    due = date.fromisoformat(_marks(page)[0]["due"])
    context.close()
    for day, overdue in ((due - timedelta(days=1), False), (due, False),
                         (due + timedelta(days=1), True)):
        context, page = _open_on(browser, root_url, day)
        try:
            marks = _marks(page)
            assert {mark["notice"] for mark in marks} == {True, False}, marks
            assert all(mark["due"] == due.isoformat() for mark in marks), marks
            assert all(mark["visible"] == overdue for mark in marks), (day, marks)
        finally:
            context.close()
