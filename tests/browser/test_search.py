"""Search finds the guidance, not the tool: each search in docs/data/search-queries.yml is typed
into Material's own search in Chromium (its worker, checked against its search box). At least 95 in 100 must list their page where the
search's `rank` says (first, or among the first three), at least 95 in 100 among the first three,
and at least 75 in 100 first. The searches, their pages and ranks are data, kept by the policy
leads; so are the words a page is also found by (`tags`, `search_words`)."""

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

AS_RANKED = 0.95  # the share of searches that must find their page where their rank says
IN_TOP = 0.95  # ... among the first three results
FIRST = 0.75  # ... first
TOP = 3
LEAST = 60  # searches to keep in the data, across every part of the guidance

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


# Material's own search worker, given the site's index as Material gives it (message 0), asked
# each search in turn (message 2): the first pages of each answer (message 3), in the order
# Material lists them. The same worker answers the search box; asking it directly spares a page
# load per search, and the test checks its answers against the search box's.
_WORKER_TOP_PAGES = """async ([terms, top]) => {
  const config = JSON.parse(document.getElementById('__config').textContent)
  const index = await (await fetch(new URL('search/search_index.json', __md_scope))).json()
  const worker = new Worker(new URL(config.search, location.href))
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data)
    worker.postMessage(message)
  })
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}})
  const answers = []
  for (const term of terms) {
    const {data} = await ask({type: 2, data: term})
    answers.push(data.items.slice(0, top).map(group =>
      new URL(group[0].location.split('#')[0], __md_scope).pathname))
  }
  worker.terminate()
  return answers
}"""


def _top_pages_of_each(page: Page, terms: list[str]) -> list[list[str]]:
    return page.evaluate(_WORKER_TOP_PAGES, [terms, TOP])


def test_practitioner_searches_find_their_page(context, root_url):
    guidance = load_guidance(CONTENT_ROOT / "docs")
    searches = guidance.search_queries
    assert len(searches) >= LEAST, f"keep at least {LEAST} searches in the data"
    page = open_page(context, root_url).page
    answers = _top_pages_of_each(page, [search.query for search in searches])
    # The worker answers as the search box does: checked on a few searches each run.
    for search, found in list(zip(searches, answers))[::len(searches) // 4 or 1]:
        assert _top_pages(page, root_url, search.query) == found, search.query
    missed, first, in_top = [], 0, 0
    for search, found in zip(searches, answers):
        wanted = urlsplit(urljoin(root_url, _address(search.finds))).path
        first += found[:1] == [wanted]
        in_top += wanted in found
        met = found[:1] == [wanted] if search.rank == "first" else wanted in found
        if not met:
            missed.append(f"{search.query!r} should find {search.finds} ({search.rank}): "
                          f"first {found}")
    shares = {"where their rank says": (1 - len(missed) / len(searches), AS_RANKED),
              "among the first three": (in_top / len(searches), IN_TOP),
              "first": (first / len(searches), FIRST)}
    short = [f"{share:.0%} found their page {what} (at least {enough:.0%} must)"
             for what, (share, enough) in shares.items() if share < enough]
    assert not short, "\n".join(short) + f"\n{len(missed)} of {len(searches)} searches missed " \
        "their rank:\n" + "\n".join(missed)


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
