"""Every built page, in real Chromium: accessibility (axe-core, light and dark), nothing loaded from
another host, no console errors, keyboard use, reflow at 320 CSS px, print, and search.

Pages are discovered from the built site. Each test reports every failure on every page, each
naming the page, the rule and the element.
"""

from __future__ import annotations

from typing import Callable

import pytest

from tests.browser.checks import (Failure, check_axe, check_keyboard, check_print, check_reflow,
                                  check_requests_and_console, check_search, open_page)
from tests.browser.conftest import new_context
from tests.browser.harness import SUB_PATH, site_pages


def run_on_every_page(browser, base: str, pages: list[str], check: Callable, *,
                      until: str = "load", **options) -> None:
    context = new_context(browser, base, **options)
    failures: list[Failure] = []
    try:
        for name in pages:
            visit = open_page(context, base + name, until=until)
            failures += check(visit, name or "home page")
            visit.page.close()
    finally:
        context.close()
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(map(str, failures))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(browser, site, root_url, scheme):
    def check(visit, name):
        applied = visit.page.evaluate("document.body.dataset.mdColorScheme")
        expected = "slate" if scheme == "dark" else "default"
        if applied != expected:
            return [Failure(name, "palette", f"expected the {expected} scheme, got {applied}")]
        return check_axe(visit, name)

    run_on_every_page(browser, root_url, site_pages(site.site), check, color_scheme=scheme)


def test_every_page_loads_only_from_the_local_server_without_errors(browser, site, served_url):
    pages = site_pages(site.site, include_404=not served_url.endswith(SUB_PATH))
    run_on_every_page(browser, served_url, pages,
                      lambda visit, name: check_requests_and_console(visit, name, served_url),
                      until="networkidle")


def test_every_page_works_by_keyboard(browser, site, root_url):
    # Wait until Material's scripts have settled: a component they replace mid-walk would drop
    # focus to the page body and end the walk early.
    run_on_every_page(browser, root_url, site_pages(site.site), check_keyboard,
                      until="networkidle", viewport={"width": 1280, "height": 900})


def test_every_page_reflows_at_320_css_pixels(browser, site, root_url):
    run_on_every_page(browser, root_url, site_pages(site.site), check_reflow,
                      viewport={"width": 320, "height": 800})


def test_every_page_prints_cleanly(browser, site, root_url):
    run_on_every_page(browser, root_url, site_pages(site.site), check_print)


def test_search_lists_the_page_that_holds_a_term(browser, served_url):
    run_on_every_page(browser, served_url, [""], lambda visit, name: check_search(
        visit, name, "MAPPA", "sources/previous-offending/"), viewport={"width": 1280,
                                                                       "height": 900})
