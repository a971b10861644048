"""The offline edition opened from files in real Chromium, as a partnership with only a shared
drive would use it: pages link to pages, search finds a category page, each tool gives its
output and copies it, with no console error and no request anywhere but the files.

The edition is the frozen test project's, made by its own command (the `offline_edition`
fixture); what each check looks for is read from the project's data."""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from guidance.data_text import links_in
from guidance.load import load_guidance
from tests.support.dates import FIXTURE_TODAY
from tests.support.project import FIXTURE


@pytest.fixture(scope="module")
def guidance():
    return load_guidance(FIXTURE / "docs", today=FIXTURE_TODAY)


@pytest.fixture
def context(browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(10_000)
    yield context
    context.close()


class Watched:
    """A page with every console error and every request that was not for a file recorded."""

    def __init__(self, context: BrowserContext) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda r: r.url.startswith("file:") or self.requests.append(r.url))
        # Anything but a file is refused at once, so a check never waits on the network.
        context.route(re.compile(r"^(?!file:|data:|blob:)"), lambda route: route.abort())

    def open(self, url: str) -> Page:
        self.page.goto(url, wait_until="load")
        return self.page

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.requests, self.requests


def test_pages_link_to_pages_from_files(context, offline_edition, guidance):
    watched = Watched(context)
    page = watched.open(offline_edition.as_uri() + "/index.html")
    category = guidance.categories[0]
    page.locator(".md-sidebar--primary").get_by_role("link", name="Information sources").first.click()
    page.wait_for_load_state("load")
    page.locator(".md-sidebar--primary").get_by_role("link", name=category.short_title).first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"sources/{category.id}.html")
    expect(page.locator("h1")).to_contain_text(category.title)
    expect(page.locator(".edition-stamp")).to_be_visible()
    watched.assert_clean()


def test_search_finds_a_category_page_from_files(context, offline_edition, guidance):
    """Search runs from files (Material's offline plugin, with the worker shim from the site):
    a word from a row of a category lists that category's page."""
    category = guidance.categories[-1]
    word = max(category.rows[0].information.split(), key=len)
    watched = Watched(context)
    page = watched.open(offline_edition.as_uri() + "/index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(word)  # as a reader types
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    targets = [re.split(r"[?#]", href)[0] for href in results.evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")]
    assert any(target.endswith(f"sources/{category.id}.html") for target in targets), targets
    watched.assert_clean()


def test_the_planner_gives_its_output_and_copies_it_from_files(context, offline_edition,
                                                              guidance):
    person = guidance.people[0]
    watched = Watched(context)
    page = watched.open(offline_edition.as_uri() + "/tools/request-planner.html")
    page.wait_for_selector("[data-tool][data-enhanced]", state="attached")
    page.get_by_label(person.label).check()
    expect(page.locator("[data-planner-choice]")).to_contain_text(person.label)
    page.get_by_role("button", name="Copy all requests").click()
    expect(page.locator("[data-tool-status]")).to_have_text(re.compile("^Copied"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f"Person of concern: {person.label}." in copied
    route = guidance.partnership.immediate_danger
    assert "Call 999" in copied and route.phone in copied and route.out_of_hours_phone in copied
    holder = guidance.holders[0]
    assert f"To: {holder.name}" in copied
    # Addresses the person who gets the request can open: the published site's, never a file's,
    # for the citations in the basis for sharing too.
    published = guidance.partnership.published_address.rstrip("/") + "/"
    assert "file://" not in copied
    cited = next(links_in(guidance.sharing.request_basis)).address.partition("#")
    assert f"({published}{cited[0].removesuffix('.md')}/#{cited[2]})" in copied
    assert copied.rstrip().endswith(f"{published}tools/request-planner/?person={person.id}")
    watched.assert_clean()


def test_a_checklist_gives_its_summary_and_copies_it_from_files(context, offline_edition,
                                                               guidance):
    checklist = guidance.checklists[0]
    item = checklist.groups[0].items[0]
    needs = next(answer for answer in (item.answers or checklist.answers) if answer.needs_attention)
    watched = Watched(context)
    page = watched.open(offline_edition.as_uri() + "/tools/sample-check.html")
    page.wait_for_selector("[data-tool][data-enhanced]", state="attached")
    page.locator(f'input[name="{item.id}"][value="{needs.id}"]').check()
    expect(page.locator("[data-summary-list]")).to_contain_text(item.attention)
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator("[data-tool-status]")).to_have_text(re.compile("^Copied"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert item.attention in copied
    route = guidance.partnership.immediate_danger
    assert "Call 999" in copied and route.phone in copied and route.out_of_hours_phone in copied
    watched.assert_clean()
