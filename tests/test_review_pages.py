"""Every built page shows its review dates and an edit link to the file it comes from; a page past
its review date shows a notice, leads the review status page, and is reported by the build."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

import yaml

from guidance.review import add_months, long_date
from tests.support.html_tree import parse
from tests.support.project import ROOT

EDIT_BASE = yaml.safe_load((ROOT / "docs/data/partnership.yml").read_text())["edit_link_base"]
RETRACTION = "docs/audit-learning/retraction.md"


def _pages(site):
    for path in site.html_files():
        relative = path.relative_to(site.site).as_posix()
        html = path.read_text(encoding="utf-8")
        if relative != "404.html" and 'http-equiv="refresh"' not in html:
            yield relative, parse(html)


def test_every_page_shows_its_review_dates_and_owner(site):
    checked = 0
    for relative, page in _pages(site):
        footer = page.with_class("page-review")
        assert len(footer) == 1, f"{relative}: expected one review footer"
        text = footer[0].text()
        if relative == "review-status/index.html":
            assert "made from the other pages each time the site is built" in text
            continue
        assert re.search(r"Last reviewed \d{1,2} \w+ \d{4}", text), f"{relative}: {text}"
        assert re.search(r"Next review due \d{1,2} \w+ \d{4}", text), f"{relative}: {text}"
        assert "Owner " in text, f"{relative}: {text}"
        checked += 1
    assert checked > 50


def test_a_hand_written_page_shows_its_own_review(site):
    front = yaml.safe_load((ROOT / RETRACTION).read_text().split("---")[1])["review"]
    last = front["last_reviewed"]
    footer = site.page("audit-learning/retraction/").with_class("page-review")[0]
    assert f"Last reviewed {long_date(last)}" in footer.text()
    assert f"Next review due {long_date(add_months(last, front['every_months']))}" in footer.text()
    assert f"Owner {front['owner']}" in footer.text()


def test_the_edit_link_of_a_hand_written_page_opens_its_markdown(site):
    link = _edit_link(site.page("audit-learning/retraction/"))
    assert link == EDIT_BASE + RETRACTION


def test_the_edit_link_of_a_generated_page_opens_its_data_file(site):
    assert _edit_link(site.page("sources/trauma/")) == EDIT_BASE + "docs/sources/trauma.yml"
    assert _edit_link(site.page("organisations/police/")) == EDIT_BASE + "docs/data/holders.yml"
    assert _edit_link(site.page("glossary/")) == EDIT_BASE + "docs/data/glossary.yml"
    assert _edit_link(site.page("changes/")) == EDIT_BASE + "docs/data/changes.yml"


def test_every_edit_link_opens_a_file_that_exists(site):
    for relative, page in _pages(site):
        link = _edit_link(page)
        if relative == "review-status/index.html":
            assert link is None
            continue
        assert link and link.startswith(EDIT_BASE), relative
        assert (ROOT / link[len(EDIT_BASE):]).is_file(), f"{relative}: {link}"


def _edit_link(page):
    links = [a for a in page.iter("a") if a.attrs.get("rel") == "edit"]
    return links[0].attrs["href"] if links else None


def _make_overdue(project, relative, old="last_reviewed: 2026-11-22"):
    long_ago = date.today() - timedelta(days=800)
    project.edit(relative, old, f"last_reviewed: {long_ago.isoformat()}")
    return add_months(long_ago, 12)


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_an_overdue_page_is_flagged_reported_and_listed_first(project):
    due = _make_overdue(project, RETRACTION)
    warnings = _Warnings()
    logging.getLogger("guidance.review").addHandler(warnings)
    try:
        result = project.build()
    finally:
        logging.getLogger("guidance.review").removeHandler(warnings)
    assert result.ok, "an overdue review is a warning by default, not an error\n" + result.log
    line = project.line_of(RETRACTION, "review:")
    assert warnings.messages == [f"{RETRACTION}:{line}: the review was due on {due.isoformat()} "
                                 "(owner: Partnership policy lead). After reviewing, set "
                                 "last_reviewed to the date of the review."]

    page = result.page("audit-learning/retraction/")
    notice = page.with_class("review-overdue")
    assert len(notice) == 1 and "overdue for review" in notice[0].text()
    assert long_date(due) in notice[0].text()
    other = result.page("audit-learning/adults-tactics/")
    assert not other.with_class("review-overdue")

    status = result.page("review-status/")
    assert "1 page is overdue for review." in status.text()
    first_row = next(status.find_id("pages").parent.iter("tbody")).iter("tr").__next__()
    assert "Retraction" in first_row.text() and "Overdue" in first_row.text()


def test_a_data_file_past_its_date_flags_every_page_made_from_it(project):
    _make_overdue(project, "docs/data/holders.yml")
    result = project.build()
    assert result.ok, result.log
    assert result.page("organisations/police/").with_class("review-overdue")
    assert result.page("organisations/").with_class("review-overdue")
    assert not result.page("sources/trauma/").with_class("review-overdue")


def test_the_partnership_can_make_overdue_reviews_stop_the_build(project):
    _make_overdue(project, RETRACTION)
    project.edit("docs/data/partnership.yml", "overdue_reviews_stop_build: false",
                 "overdue_reviews_stop_build: true")
    result = project.build()
    assert not result.ok
    line = project.line_of(RETRACTION, "review:")
    assert f"{RETRACTION}:{line}: the review was due on" in result.log, result.log
    assert "overdue_reviews_stop_build" in result.log


def test_the_review_status_page_lists_every_page_and_data_file(site):
    status = site.page("review-status/")
    text = status.text()
    assert "No page is overdue for review." in text
    links = {a.attrs["href"] for a in status.find_id("pages").parent.iter("a")}
    for page in ("../audit-learning/retraction/", "../sources/trauma/", "../organisations/police/"):
        assert page in links
    for data_file in sorted((ROOT / "docs").rglob("*.yml")):
        relative = data_file.relative_to(ROOT).as_posix()
        if relative != "docs/data/redirects.yml":
            assert relative in text, f"{relative} is not on the review status page"
