"""Search finds the guidance, not the tool: each search in docs/data/search-queries.yml is typed
into Material's own search box in Chromium, and at least nine in ten must list their page among
the first three results. The searches and their pages are data, kept by the policy leads."""

from __future__ import annotations

import html
import json
import re
from typing import Iterator
from urllib.parse import quote, urljoin, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page

from guidance.load import load_guidance
from tests.browser.checks import open_page
from tests.browser.conftest import new_context
from tests.support.project import CONTENT_ROOT

ENOUGH = 0.9  # the share of searches that must find their page among the first three
TOP = 3

# The first link of each result group (Material groups a page's sections under the page), in
# the order Material ranks them, once it has searched for the term in the address (?q=).
_TOP_PAGES = """([term, top]) => {
  const input = document.querySelector('.md-search__input')
  const meta = document.querySelector('.md-search-result__meta')
  if (!input || input.value !== term || !meta) return null
  const items = [...document.querySelectorAll('.md-search-result__item')]
  if (!items.length) return /^No matching/.test(meta.textContent) ? [] : null
  return items.slice(0, top).map(item => item.querySelector('a').href)
}"""


@pytest.fixture
def context(browser, root_url) -> Iterator[BrowserContext]:
    context = new_context(browser, root_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


def _top_pages(page: Page, root_url: str, term: str) -> list[str]:
    """Search as a shared search link does (Material reads ?q= as the page loads, so each
    search starts clean, with no results left from the one before) and read the first pages."""
    page.goto(root_url + "?q=" + quote(term))
    handle = page.wait_for_function(_TOP_PAGES, arg=[term, TOP], timeout=20_000)
    return [urlsplit(href).path for href in handle.json_value()]


def test_practitioner_searches_find_their_page(context, root_url):
    guidance = load_guidance(CONTENT_ROOT / "docs")
    assert len(guidance.search_queries) >= 25, "keep at least 25 searches in the data"
    page = open_page(context, root_url).page
    missed = []
    for search in guidance.search_queries:
        wanted = urlsplit(urljoin(root_url, _address(search.finds))).path
        found = _top_pages(page, root_url, search.query)
        if wanted not in found:
            missed.append(f"{search.query!r} should find {search.finds}: first {found}")
    share = 1 - len(missed) / len(guidance.search_queries)
    assert share >= ENOUGH, (f"{len(missed)} of {len(guidance.search_queries)} searches missed "
                             "their page:\n" + "\n".join(missed))


def _address(source: str) -> str:
    """A page under docs/ as its address relative to the site, like sources/trauma/."""
    path = source.partition("#")[0].removesuffix(".md")
    path = path.removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def test_the_planner_s_list_is_not_in_the_search_index(site):
    """The planner repeats every record under each organisation: searching for a record should
    list the category page that holds it, not the tool."""
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    guidance = load_guidance(CONTENT_ROOT / "docs")
    planner = [entry for entry in index["docs"]
               if entry["location"].startswith("tools/request-planner/")]
    texts = html.unescape(re.sub(r"<[^>]+>", " ", " ".join(
        entry["title"] + " " + entry["text"] for entry in planner)))
    texts = " ".join(texts.split())
    listed = [row.information for category in guidance.categories for row in category.rows
              if row.information in texts]
    assert not listed, f"the planner's list is searchable: {listed[:3]}"
