"""What a page shows about its review, on copies of the frozen test project: its dates and owner
and an edit link to the file it comes from; past its review date, a notice, first place on the
review status page, and a warning (or, if the partnership chooses, a stopped build). Dates that
must be overdue are worked out from today."""

from __future__ import annotations

from datetime import date

from guidance.load import load_guidance
from mkdocs.utils.yaml import yaml_load  # MkDocs' own reader: mkdocs.yml has !ENV tags

from tests.support.dates import FIXTURE_TODAY, long_date
from tests.support.project import BuildResult, FixtureProject

PAGE = "docs/findings/first-finding.md"
PAGE_REVIEWED = "last_reviewed: 2026-09-14"


def _edit_base(project: FixtureProject) -> str:
    """MkDocs' edit_uri, which the fixture inherits from the real mkdocs.yml: up to docs/."""
    return yaml_load(project.read("base.yml"))["edit_uri"]


def _notices(page) -> list:
    """The overdue notices shown without scripts (review-dates.js re-decides by the date)."""
    return [notice for notice in page.with_class("review-overdue") if notice.shown]


def _edit_link(result: BuildResult, url: str) -> str | None:
    links = [a for a in result.page(url).iter("a") if a.attrs.get("rel") == "edit"]
    return links[0].attrs["href"] if links else None


def _overdue_review(project: FixtureProject, relative: str, old: str) -> date:
    """Give a file a review four years ago, every 36 months: due a year ago. Returns the due
    date (the first of a month, so no month-end rule is involved)."""
    today = FIXTURE_TODAY
    project.edit(relative, old, f"last_reviewed: {date(today.year - 4, today.month, 1)}")
    return date(today.year - 1, today.month, 1)


def test_a_page_shows_its_own_review_and_a_generated_page_its_data_file_s(fixture_site):
    page = fixture_site.page("findings/first-finding/").with_class("page-review")[0].text()
    assert "Last reviewed 14 September 2026" in page and "Next review due 14 September 2029" in page
    assert "Owner Fixture policy lead" in page
    holder = fixture_site.page("organisations/west-agency/").with_class("page-review")[0].text()
    assert "Last reviewed 14 September 2026" in holder and "Owner Fixture data lead" in holder


def test_each_edit_link_opens_the_file_the_page_is_made_from(fixture_site, project):
    base = _edit_base(project)
    expected = {
        "findings/first-finding/": "docs/findings/first-finding.md",
        "": "docs/index.md",
        "sources/": "docs/sources/index.md",
        "sources/second-records/": "docs/sources/second-records.yml",
        "organisations/": "docs/data/holders.yml",
        "organisations/east-team/": "docs/data/holders.yml",
        "glossary/": "docs/data/glossary.yml",
        "references/": "docs/data/references.yml",
        "changes/": "docs/data/changes.yml",
    }
    for url, file in expected.items():
        assert _edit_link(fixture_site, url) == base + file.removeprefix("docs/"), url
    assert _edit_link(fixture_site, "review-status/") is None


def test_without_an_edit_uri_no_page_has_an_edit_link(project):
    project.edit("base.yml", f"edit_uri: {_edit_base(project)}\n", "")
    result = project.build()
    assert result.ok, result.log
    assert not [path for path in result.html_files() if 'rel="edit"' in path.read_text()]


def test_an_overdue_page_is_flagged_reported_and_listed_first(project):
    due = _overdue_review(project, PAGE, PAGE_REVIEWED)
    run = project.mkdocs_build()
    assert run.returncode == 0, "an overdue review is a warning by default, not an error\n" + (
        run.stderr)
    line = project.line_of(PAGE, "review:")
    warnings = [text for text in run.stderr.splitlines() if "the review was due on" in text]
    assert warnings == [f"WARNING -  {PAGE}:{line}: the review was due on {due.isoformat()} "
                        "(owner: Fixture policy lead). After reviewing, set last_reviewed to the "
                        "date of the review."], run.stderr

    result = BuildResult(ok=True, log=run.stderr, site=project.root / "site")
    page = result.page("findings/first-finding/")
    notice = _notices(page)
    assert len(notice) == 1 and "overdue for review" in notice[0].text()
    assert long_date(due) in notice[0].text()
    assert "(overdue)" in page.with_class("page-review")[0].shown_text()
    assert not _notices(result.page("findings/second-finding/"))

    status = result.page("review-status/")
    assert "1 page is overdue for review." in status.text()
    first_row = next(next(status.find_id("pages").parent.iter("tbody")).iter("tr"))
    assert "First finding" in first_row.text() and "Overdue" in first_row.text()


def test_a_data_file_past_its_date_flags_every_page_made_from_it(project):
    _overdue_review(project, "docs/data/holders.yml", "last_reviewed: 2026-09-14")
    result = project.build()
    assert result.ok, result.log
    for url in ("organisations/", "organisations/north-service/", "organisations/west-agency/"):
        assert _notices(result.page(url)), url
    assert not _notices(result.page("sources/third-records/"))
    status = result.page("review-status/").text()
    assert "5 pages are overdue for review." in status  # the list and its four organisations


def test_the_partnership_can_make_overdue_reviews_stop_the_build(project):
    _overdue_review(project, PAGE, PAGE_REVIEWED)
    project.edit("docs/data/partnership.yml", "overdue_reviews_stop_build: false",
                 "overdue_reviews_stop_build: true")
    result = project.build()
    assert not result.ok
    line = project.line_of(PAGE, "review:")
    assert ("1 file(s) are past their review date, and the partnership has chosen to stop the "
            "build for that (overdue_reviews_stop_build in docs/data/partnership.yml)"
            in result.log), result.log
    assert f"{PAGE}:{line}: the review was due on" in result.log


def test_a_review_due_within_a_month_is_marked_so(project):
    today = FIXTURE_TODAY
    # Reviewed 35 months and a few days ago, every 36 months: due in about three weeks.
    year, month = (today.year - 3, today.month + 1) if today.month < 12 else (today.year - 2, 1)
    project.edit(PAGE, PAGE_REVIEWED, f"last_reviewed: {date(year, month, 1)}")
    result = project.build()
    assert result.ok, result.log
    row = next(row for row in result.page("review-status/").find_id("pages").parent.iter("tr")
               if "First finding" in row.text())
    assert "Due within a month" in row.text(), row.text()


def test_the_review_status_page_lists_the_examples_still_to_replace(fixture_site, project):
    """The instruction to replace the shipped examples is for the partnership, on the review
    status page, never for readers: it names each example the data marks (the immediate-danger
    numbers, each local route) and, once they are replaced, says there are none."""
    data = load_guidance(project.path("docs"))
    section = fixture_site.page("review-status/").find_id("examples-to-replace")
    assert section is not None
    text = fixture_site.page("review-status/").text()
    examples = [route for route in data.local_routes if route.example]
    assert examples and data.partnership.immediate_danger.example, "the fixture ships examples"
    for route in examples:
        assert f"The route for requests to {data.holder(route.organisation).name}" in text
    assert "docs/data/partnership.yml" in text
    project.edit("docs/data/local-routes.yml", "example: true", "example: false")
    project.edit("docs/data/partnership.yml", "  example: true\n", "")
    result = project.build()
    assert result.ok, result.log
    assert "None: every number and route is the partnership's own." in result.page(
        "review-status/").text()
