"""In real Chromium, on the frozen test project: the overdue notice, the copy-link buttons by
keyboard, the printed handout's footer, and an old section link that a redirect keeps working."""

from __future__ import annotations

from datetime import date
from typing import Iterator

import pytest
from playwright.sync_api import BrowserContext
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.checks import check_axe, open_page
from tests.browser.conftest import new_context
from tests.browser.harness import serve
from tests.support.dates import FIXTURE_TODAY
from tests.support.project import FixtureProject

PAGE = "docs/findings/first-finding.md"
URL = "findings/first-finding/"
OTHER = "findings/second-finding/"
ROW = "sources/first-records/#north-records"


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory) -> Iterator[str]:
    """The test project as it is, served on 127.0.0.1."""
    result = FixtureProject(tmp_path_factory.mktemp("as-it-is")).build()
    assert result.ok, result.log
    with serve(result.site) as base:
        yield base


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory) -> Iterator[str]:
    """A copy where the first finding is past its review date, is long enough to scroll, and
    has its "Questions" heading renamed, with a redirect from the old address."""
    project = FixtureProject(tmp_path_factory.mktemp("changed"))
    long_ago = date(FIXTURE_TODAY.year - 4, FIXTURE_TODAY.month, 1)  # every 36 months: overdue
    project.edit(PAGE, "last_reviewed: 2026-09-14", f"last_reviewed: {long_ago.isoformat()}")
    project.edit(PAGE, "## Questions { #questions }", "## Questions to ask")
    project.write(PAGE, project.read(PAGE) + "".join(
        f"\nA paragraph of test data, number {number}, so the page scrolls.\n"
        for number in range(60)))
    project.edit("docs/data/redirects.yml", "redirects: []",
                 f"redirects:\n  - from: /{URL}#questions\n"
                 f"    to: /{URL}#questions-to-ask")
    result = project.build()
    assert result.ok, result.log
    with serve(result.site) as base:
        yield base


@pytest.fixture(scope="module")
def changed_context(browser, changed_site) -> Iterator[BrowserContext]:
    """One context for the tests that read the changed copy; each opens its own tab."""
    context = new_context(browser, changed_site)
    yield context
    context.close()


@pytest.fixture
def context(browser, fixture_url) -> Iterator[BrowserContext]:
    context = new_context(browser, fixture_url, permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_a_page_past_its_review_date_shows_a_notice(changed_context, changed_site):
    visit = open_page(changed_context, changed_site + URL)
    notice = visit.page.locator(".review-overdue")
    assert notice.is_visible()
    assert "This page is overdue for review" in notice.inner_text()
    # The notice comes first, above the page's title and its guidance.
    order = visit.page.evaluate("""() => [...document.querySelectorAll(
        'article h1, .review-overdue, article h2')].map(element => element.tagName)""")
    assert order[:3] == ["DIV", "H1", "H2"]
    assert check_axe(visit, "overdue page") == []
    other = open_page(changed_context, changed_site + OTHER)
    assert other.page.locator(".review-overdue").count() == 1, "written on every reviewed page"
    assert not other.page.locator(".review-overdue").is_visible()


def test_an_old_section_link_leads_to_the_renamed_heading(changed_context, changed_site):
    visit = open_page(changed_context, changed_site + URL + "#questions")
    # Wait for the heading to reach the top of the window (Material may still be settling the
    # scroll position); the timeout only bounds the wait.
    try:
        visit.page.wait_for_function("""() => {
            const top = document.getElementById('questions-to-ask').getBoundingClientRect().y;
            return top >= 0 && top < 300 }""", timeout=5_000)
    except PlaywrightTimeout:
        box = visit.page.locator("#questions-to-ask").bounding_box()
        pytest.fail(f"the heading is not at the top: {box}")


def test_the_copy_link_button_copies_a_section_address_by_keyboard(context, fixture_url):
    visit = open_page(context, fixture_url + URL)
    page = visit.page
    heading_link = page.locator("#good-practice a.headerlink")
    assert heading_link.get_attribute("tabindex") == "-1"
    # The button is in the tab order: back one step, then forward again, lands on it.
    page.locator("#good-practice .copy-link").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('h2')?.id") != "good-practice"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('h2')?.id")
    assert focused == "good-practice"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == \
        "Copy link to this section: Good practice"
    page.keyboard.press("Enter")
    expected = fixture_url + URL + "#good-practice"
    page.wait_for_function("document.querySelector('.copy-link-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.locator(".copy-link-status").inner_text() == f"Link copied: {expected}"
    assert check_axe(visit, "after copying a link", within="article") == []


def test_the_copy_link_button_copies_a_row_address(context, fixture_url):
    page_url, _, row = ROW.partition("#")
    visit = open_page(context, fixture_url + page_url + "?person=child")
    button = visit.page.locator(f"#{row} .copy-link")
    button.focus()
    assert button.evaluate("element => getComputedStyle(element).opacity") == "1"
    visit.page.keyboard.press("Space")
    expected = fixture_url + ROW
    visit.page.wait_for_function("document.querySelector('.copy-link-status').textContent !== ''")
    assert visit.page.evaluate("navigator.clipboard.readText()") == expected


def test_a_printed_page_is_a_handout_with_its_address_and_review_date(context, fixture_url):
    visit = open_page(context, fixture_url + URL)
    page = visit.page
    page.emulate_media(media="print")
    footer = page.locator(".page-review")
    address = page.locator(".page-review__address")
    assert address.is_visible()
    assert address.inner_text() == f"Printed from {fixture_url}{URL}"
    assert "Last reviewed" in footer.inner_text() and "Next review due" in footer.inner_text()
    for hidden in (".page-review__edit", ".copy-link", ".md-header", ".md-sidebar--primary",
                   ".review-overdue"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} prints"
    after = page.evaluate("""() => {
        const style = link => getComputedStyle(link, '::after').content
        const internal = document.querySelector('.md-content a[href*="references"]')
        return [style(internal)]
    }""")
    assert after == ["none"], "links within the site should not print their address"
    pdf = page.pdf()
    assert len(pdf) > 10_000
