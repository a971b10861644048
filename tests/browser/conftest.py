"""Browser fixtures: one Chromium for the session, and the built site served on 127.0.0.1.

Without Chromium the browser tests skip with one line saying how to get it; with REQUIRE_BROWSER=1
(as .ci/run sets) they fail instead, so CI can never pass them by skipping.
"""

from __future__ import annotations

import os
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from guidance.load import load_guidance
from tests.browser.harness import (CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, SUB_PATH, find_chromium,
                                   one_page_per_template, other_hosts_refused, serve, site_pages)
from tests.support.project import CONTENT_ROOT


def chromium_or_skip() -> str:
    """Debian's Chromium; without it, skip with one line saying how to get it, or fail if
    REQUIRE_BROWSER=1 (as CI sets), so CI can never pass by skipping."""
    executable = find_chromium()
    if executable is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {HOW_TO_GET_CHROMIUM}")
        pytest.skip(f"browser tests skipped: {HOW_TO_GET_CHROMIUM}")
    return executable


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_or_skip()
    with other_hosts_refused() as refused, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=CHROMIUM_ARGS + refused)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def root_url(site) -> Iterator[str]:
    """The real site served at the root of a local server."""
    with serve(site.site) as base:
        yield base


@pytest.fixture(scope="session")
def sub_path_url(site) -> Iterator[str]:
    """The real site served under a sub-path, as intranets host it."""
    with serve(site.site, SUB_PATH) as base:
        yield base


@pytest.fixture(scope="session", params=["root_url", "sub_path_url"], ids=["root", "sub-path"])
def served_url(request) -> str:
    """The real site served at the root, and under a sub-path as intranets host it."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="session")
def every_page(site) -> list[str]:
    """Every page of the built site, 404 page included."""
    return site_pages(site.site)


@pytest.fixture(scope="session")
def template_pages(site, every_page) -> list[str]:
    """Every page but one of each kind made from data (a page per category in docs/sources/, a
    page per organisation in the register), for the checks of what a template does."""
    guidance = load_guidance(CONTENT_ROOT / "docs")
    generated = [[f"sources/{category.id}/" for category in guidance.categories],
                 [f"organisations/{holder.id}/" for holder in guidance.holders]]
    return one_page_per_template(every_page, site.site, generated)


def new_context(browser: Browser, base: str, **options) -> BrowserContext:
    """A context for checking the site at ``base``. The browser itself refuses every other host
    (see ``other_hosts_refused``), so the context keeps its cache: a sweep's second page takes
    Material's scripts and styles from it, as a reader's browser does."""
    return browser.new_context(**options)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser`, so `pytest -m "not browser"` gives a quick run."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
