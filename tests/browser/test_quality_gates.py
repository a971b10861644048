"""Every built page, in real Chromium: accessibility (axe-core, light and dark), nothing loaded from
another host, no console errors, keyboard use, reflow at 320 CSS px, print, and search.

Pages are discovered from the built site. axe runs on every page; the checks of what a template
does run on every page but one of each kind made from data (see ``one_page_per_template``). Each
test reports every failure on every page, each naming the page, the rule and the element.

Loading a page costs more than most checks of it, so checks made in the same conditions share a
load: one sweep at desktop width from the site served at the root (``desktop_sweep``), one at
phone width from the site served under a sub-path (``phone_sweep``). Each check still has its own
test, which passes or fails on that check's failures alone.
"""

from __future__ import annotations

from typing import Callable, Collection

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from guidance.load import load_guidance
from tests.browser.checks import (Failure, Visit, check_axe, check_keyboard, check_print,
                                  check_reflow, check_requests_and_console, check_search, go,
                                  in_both_palettes, new_tab, use_color_scheme)
from tests.browser.conftest import new_context
from tests.support.project import CONTENT_ROOT

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 800}
Check = Callable[[Visit, str], list[Failure]]


def sweep(browser: Browser, pages: list[str], checks: dict[str, tuple[Check, Collection[str]]],
          address: Callable[[str], str], *, quiet: Collection[str] = (),
          **options) -> dict[str, list[Failure]]:
    """Load each page once, in one tab, from ``address(page)``, and run on it, in the order
    given, each check whose pages include it (``checks`` maps a check's name to the check and
    its pages). A page in ``quiet`` is waited for until its search index and every response have
    come (see ``go``). Returns every failure, under the name of the check that found it; a page
    that never gets ready, or stops being ready during a check, is a failure of each check that
    wanted it."""
    found: dict[str, list[Failure]] = {check: [] for check in checks}
    context = new_context(browser, address(""), **options)
    try:
        tab = new_tab(context)
        for page in pages:
            wanted = [check for check, (_, where) in checks.items() if page in where]
            name = page or "home page"
            try:
                go(tab, address(page), quiet=page in quiet)
            except PlaywrightError as error:
                for check in wanted:
                    found[check].append(Failure(name, "page not ready",
                                                error.message.splitlines()[0]))
                continue
            for check in wanted:
                try:
                    found[check] += checks[check][0](tab, name)
                except PlaywrightError as error:
                    found[check].append(Failure(name, "page not ready",
                                                error.message.splitlines()[0]))
    finally:
        context.close()
    return found


def assert_none(failures: list[Failure]) -> None:
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(map(str, failures))


@pytest.fixture(scope="module")
def desktop_sweep(browser, every_page, template_pages, root_url) -> dict[str, list[Failure]]:
    """Each page at 1280 x 900, from the site served at the root, checked in this order: its
    requests and console (the template pages, whose load waits for the search index and every
    response), axe in the light and the dark palette (every page), then back in the light
    palette, print (print media is switched back to screen after) and the keyboard walk (the
    template pages). The keyboard walk comes last, as it moves the focus."""
    template = set(template_pages)
    return sweep(browser, every_page, {
        "requests": (lambda visit, name: check_requests_and_console(visit, name, root_url),
                     template),
        "axe": (lambda visit, name: in_both_palettes(visit, name, check_axe), every_page),
        "print": (lambda visit, name: (use_color_scheme(visit, "light", name)
                                       or check_print(visit, name)), template),
        "keyboard": (check_keyboard, template)},
        lambda page: root_url + page, quiet=template, viewport=DESKTOP)


@pytest.fixture(scope="module")
def phone_sweep(browser, template_pages, root_url, sub_path_url) -> dict[str, list[Failure]]:
    """Each template page at 320 x 800, from the site served under a sub-path as intranets host
    it, checked in this order: its requests and console (the load waits for the search index and
    every response), then reflow. The 404 page is loaded from the site served at the root, for
    reflow only: it links to its styles and scripts from the path of the published address
    (`site_url`), which is not the sub-path's."""
    served = [page for page in template_pages if page != "404.html"]
    return sweep(browser, template_pages, {
        "requests": (lambda visit, name: check_requests_and_console(visit, name, sub_path_url),
                     served),
        "reflow": (check_reflow, template_pages)},
        lambda page: (root_url if page == "404.html" else sub_path_url) + page,
        quiet=served, viewport=PHONE)


def test_every_page_passes_axe_in_light_and_dark(desktop_sweep):
    assert_none(desktop_sweep["axe"])


def test_every_page_loads_only_from_the_local_server_without_errors(desktop_sweep):
    assert_none(desktop_sweep["requests"])


def test_every_page_loads_only_from_the_local_server_under_a_sub_path(phone_sweep):
    assert_none(phone_sweep["requests"])


def test_every_page_works_by_keyboard(desktop_sweep):
    assert_none(desktop_sweep["keyboard"])


def test_every_page_reflows_at_320_css_pixels(phone_sweep):
    assert_none(phone_sweep["reflow"])


def test_every_page_prints_cleanly(desktop_sweep):
    assert_none(desktop_sweep["print"])


def test_search_lists_the_page_that_holds_a_term(browser, served_url):
    """A system's name, searched for, lists the category page of a row held on it (both taken
    from the data, so the test follows the content)."""
    guidance = load_guidance(CONTENT_ROOT / "docs")
    category, system = next((category, guidance.system(row.systems[0]))
                            for category in guidance.categories
                            for row in category.rows if row.systems)
    assert_none(sweep(browser, [""], {"search": (lambda visit, name: check_search(
        visit, name, system.name, f"sources/{category.id}/"), [""])},
        lambda page: served_url + page, viewport=DESKTOP)["search"])
