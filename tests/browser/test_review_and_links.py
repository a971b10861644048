"""In real Chromium: the overdue notice, the copy-link buttons by keyboard, the printed handout's
footer, and an old section link that a redirect keeps working."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

import pytest
from playwright.sync_api import BrowserContext

from tests.browser.checks import check_axe, open_page
from tests.browser.conftest import new_context
from tests.browser.harness import serve
from tests.support.project import Project

RETRACTION = "docs/audit-learning/retraction.md"


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory) -> Iterator[str]:
    """A copy of the site where the retraction page is past its review date and its "Why it
    matters" heading was renamed, with a redirect from the old address."""
    project = Project(tmp_path_factory.mktemp("changed"))
    long_ago = (date.today() - timedelta(days=800)).isoformat()
    project.edit(RETRACTION, "last_reviewed: 2026-11-22", f"last_reviewed: {long_ago}")
    project.edit(RETRACTION, "## Why it matters { #why-it-matters }", "## Why this matters")
    project.edit("docs/data/redirects.yml", "redirects: []",
                 "redirects:\n  - from: /audit-learning/retraction/#why-it-matters\n"
                 "    to: /audit-learning/retraction/#why-this-matters")
    result = project.build()
    assert result.ok, result.log
    with serve(result.site) as base:
        yield base


@pytest.fixture
def context(browser, root_url) -> Iterator[BrowserContext]:
    context = new_context(browser, root_url, permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_a_page_past_its_review_date_shows_a_notice(browser, changed_site):
    context = new_context(browser, changed_site)
    try:
        visit = open_page(context, changed_site + "audit-learning/retraction/")
        notice = visit.page.locator(".review-overdue")
        assert notice.is_visible()
        assert "This page is overdue for review" in notice.inner_text()
        # The notice sits under the page's title, before the guidance.
        order = visit.page.evaluate("""() => [...document.querySelectorAll(
            'article h1, .review-overdue, article h2')].map(element => element.tagName)""")
        assert order[:3] == ["H1", "DIV", "H2"]
        assert check_axe(visit, "overdue page") == []
        other = open_page(context, changed_site + "audit-learning/adults-tactics/")
        assert other.page.locator(".review-overdue").count() == 0
    finally:
        context.close()


def test_an_old_section_link_leads_to_the_renamed_heading(browser, changed_site):
    context = new_context(browser, changed_site)
    try:
        visit = open_page(context, changed_site + "audit-learning/retraction/#why-it-matters")
        heading = visit.page.locator("#why-this-matters")
        visit.page.wait_for_timeout(300)
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < 300, f"the heading is not at the top: {box}"
    finally:
        context.close()


def test_the_copy_link_button_copies_a_section_address_by_keyboard(context, root_url):
    visit = open_page(context, root_url + "audit-learning/retraction/", until="networkidle")
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
        "Copy link to this section: What good practice looks like"
    page.keyboard.press("Enter")
    expected = root_url + "audit-learning/retraction/#good-practice"
    page.wait_for_function("document.querySelector('.copy-link-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.locator(".copy-link-status").inner_text() == f"Link copied: {expected}"
    assert check_axe(visit, "after copying a link", within="article") == []


def test_the_copy_link_button_copies_a_row_address(context, root_url):
    visit = open_page(context, root_url + "sources/trauma/?person=child", until="networkidle")
    button = visit.page.locator("#social-care-records .copy-link")
    button.focus()
    assert button.evaluate("element => getComputedStyle(element).opacity") == "1"
    visit.page.keyboard.press("Space")
    expected = root_url + "sources/trauma/#social-care-records"
    visit.page.wait_for_function("document.querySelector('.copy-link-status').textContent !== ''")
    assert visit.page.evaluate("navigator.clipboard.readText()") == expected


def test_a_printed_page_is_a_handout_with_its_address_and_review_date(context, root_url):
    visit = open_page(context, root_url + "audit-learning/retraction/", until="networkidle")
    page = visit.page
    page.emulate_media(media="print")
    footer = page.locator(".page-review")
    address = page.locator(".page-review__address")
    assert address.is_visible()
    assert address.inner_text() == f"Printed from {root_url}audit-learning/retraction/"
    assert "Last reviewed" in footer.inner_text() and "Next review due" in footer.inner_text()
    for hidden in (".page-review__edit", ".copy-link", ".md-header", ".md-sidebar--primary"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} prints"
    after = page.evaluate("""() => {
        const style = link => getComputedStyle(link, '::after').content
        const internal = document.querySelector('.md-content a[href*="references"]')
        return [style(internal)]
    }""")
    assert after == ["none"], "links within the site should not print their address"
    pdf = page.pdf()
    assert len(pdf) > 10_000
