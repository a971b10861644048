"""Every built page, in real Chromium: accessibility (axe-core, light and dark), nothing loaded from
another host, no console errors, keyboard use, reflow at 320 CSS px, print, and search.

Pages are discovered from the built site. axe runs on every page; the checks of what a template
does run on every page but one of each kind made from data (see ``one_page_per_template``). Each
test reports every failure on every page, each naming the page, the rule and the element.
"""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from guidance.load import load_guidance
from tests.browser.checks import (Failure, Visit, check_axe, check_keyboard, check_print,
                                  check_reflow, check_requests_and_console, check_search, go,
                                  in_both_palettes, new_tab)
from tests.browser.conftest import new_context
from tests.browser.harness import SUB_PATH
from tests.support.project import CONTENT_ROOT

DESKTOP = {"width": 1280, "height": 900}


def run_on_pages(browser: Browser, base: str, pages: list[str],
                 check: Callable[[Visit, str], list[Failure]], *, quiet: bool = False,
                 **options) -> None:
    """Run ``check`` on each page in one tab, then report every failure at once."""
    context = new_context(browser, base, **options)
    failures: list[Failure] = []
    try:
        tab = new_tab(context)
        for page in pages:
            name = page or "home page"
            try:
                failures += check(go(tab, base + page, quiet=quiet), name)
            except PlaywrightError as error:  # a page that never gets ready is named too
                failures.append(Failure(name, "page not ready", error.message.splitlines()[0]))
    finally:
        context.close()
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(map(str, failures))


def test_every_page_passes_axe_in_light_and_dark(browser, every_page, root_url):
    run_on_pages(browser, root_url, every_page,
                 lambda visit, name: in_both_palettes(visit, name, check_axe))


def test_every_page_loads_only_from_the_local_server_without_errors(browser, template_pages,
                                                                   served_url):
    pages = [page for page in template_pages
             if page != "404.html" or not served_url.endswith(SUB_PATH)]
    run_on_pages(browser, served_url, pages,
                 lambda visit, name: check_requests_and_console(visit, name, served_url),
                 quiet=True)


def test_every_page_works_by_keyboard(browser, template_pages, root_url):
    run_on_pages(browser, root_url, template_pages, check_keyboard, viewport=DESKTOP)


def test_every_page_reflows_at_320_css_pixels(browser, template_pages, root_url):
    run_on_pages(browser, root_url, template_pages, check_reflow,
                 viewport={"width": 320, "height": 800})


def test_every_page_prints_cleanly(browser, template_pages, root_url):
    run_on_pages(browser, root_url, template_pages, check_print)


def test_search_lists_the_page_that_holds_a_term(browser, served_url):
    """A system's name, searched for, lists the category page of a row held on it (both taken
    from the data, so the test follows the content)."""
    guidance = load_guidance(CONTENT_ROOT / "docs")
    category, system = next((category, guidance.system(row.systems[0]))
                            for category in guidance.categories
                            for row in category.rows if row.systems)
    run_on_pages(browser, served_url, [""], lambda visit, name: check_search(
        visit, name, system.name, f"sources/{category.id}/"), viewport=DESKTOP)
