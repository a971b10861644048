"""The quality checks a built page must pass in a real browser.

Each check returns a list of :class:`Failure`, each naming the page, the rule and the element, so
one test run reports every problem on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, Request
from playwright.sync_api import TimeoutError as PlaywrightTimeout

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_AXE_SCRIPT = Axe().axe_script
# Material palettes: the body's data-md-color-scheme for each colour scheme a reader prefers.
PALETTES = {"light": "default", "dark": "slate"}


@dataclass(frozen=True)
class Failure:
    page: str
    rule: str
    element: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: {self.element}"


@dataclass
class Visit:
    """A browser tab and the page now in it, with everything that page requested and logged."""

    page: Page
    url: str
    requests: list[Request] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def new_tab(context: BrowserContext) -> Visit:
    """A tab that records requests, failed responses and console errors. A sweep moves one tab
    from page to page with :func:`go`: that is about three times faster than a new tab per page,
    which starts a new renderer process each time."""
    visit = Visit(context.new_page(), "")
    visit.page.on("request", lambda request: visit.requests.append(request))
    visit.page.on("console", lambda message: message.type == "error" and visit.errors.append(
        f"console error: {message.text}"))
    visit.page.on("pageerror", lambda error: visit.errors.append(f"script error: {error}"))
    visit.page.on("response", lambda response: response.status >= 400 and visit.errors.append(
        f"HTTP {response.status} for {response.url}"))
    return visit


# Resolves after the next rendering update, by which time ResizeObserver callbacks have run (they
# make wide tables and code blocks focusable, in table-scroll.js and Material).
_RENDERED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Material's search worker has fetched and read the index: its results line no longer says so.
_SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return !meta || !meta.textContent.includes('Initializing');
}"""


def go(visit: Visit, url: str, *, quiet: bool = False, scripts: bool = True) -> Visit:
    """Show ``url`` in the tab and wait until it is ready to check.

    Ready means the load event (every script, module and Material's document$ subscribers, such
    as copy-link.js, have run) and then a rendering update. Playwright's "networkidle" is not used:
    on a busy machine it can fire before DOMContentLoaded (500 ms without a request while the
    bundle runs), and the keyboard check then listed the controls before copy-link.js had
    replaced the heading links, so the walk missed them. ``quiet=True`` also waits for what
    scripts request after the load event (Material's search index) and for every response, so a
    check of requests and errors sees them all. ``scripts=False`` is for a context with
    JavaScript off, where nothing runs after the load event."""
    visit.url = url
    visit.requests.clear()
    visit.errors.clear()
    visit.page.goto(url, wait_until="load")
    if not scripts:
        return visit
    if quiet:
        visit.page.wait_for_function(_SEARCH_READY)
        answered = 0
        while answered < len(visit.requests):  # requests can start while earlier ones finish
            request = visit.requests[answered]
            if request.response() is not None:  # None when the request failed
                # Returns once the body has come or the request has failed. (Playwright's
                # response.finished() never returns for a request that fails after its
                # response, as a script answered 404 does, and the check hung there.)
                request.sizes()
            answered += 1
    visit.page.evaluate(_RENDERED)
    return visit


def open_page(context: BrowserContext, url: str, *, quiet: bool = False,
              scripts: bool = True) -> Visit:
    """Open ``url`` in a new tab of ``context``; see :func:`go` for what it waits for."""
    return go(new_tab(context), url, quiet=quiet, scripts=scripts)


def check_axe(visit: Visit, name: str, *, within: str | None = None) -> list[Failure]:
    """axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules and best practice; ``within`` (a
    CSS selector) limits it to one part of the page. axe is put into a page once, so checking
    the same page again (in the other palette) does not parse its 570 KB again."""
    page = visit.page
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_AXE_SCRIPT)
    violations = page.evaluate("""([within, options]) => axe.run(within || document, options)
      .then(results => results.violations)""",
                               [within, {"runOnly": {"type": "tag", "values": AXE_TAGS},
                                         "resultTypes": ["violations"]}])
    return [Failure(name, f"axe {violation['id']} ({violation['help']})",
                    " ".join(map(str, node["target"])))
            for violation in violations for node in violation["nodes"]]


def use_color_scheme(visit: Visit, scheme: str, name: str, *,
                     timeout: float = 10_000) -> list[Failure]:
    """Have the page prefer ``scheme`` ("light" or "dark") and wait until Material has applied
    its palette, as it does when a reader's system setting changes. A failure if it does not
    within ``timeout`` milliseconds."""
    expected = PALETTES[scheme]
    visit.page.emulate_media(color_scheme=scheme)
    try:
        visit.page.wait_for_function(
            """scheme => document.body.dataset.mdColorScheme === scheme
              && !document.body.hasAttribute('data-md-color-switching')""",
            arg=expected, timeout=timeout)
    except PlaywrightTimeout:
        applied = visit.page.evaluate("document.body.dataset.mdColorScheme")
        return [Failure(name, "palette", f"expected the {expected} scheme, got {applied}")]
    return []


def in_both_palettes(visit: Visit, name: str,
                     check: Callable[[Visit, str], list[Failure]]) -> list[Failure]:
    """``check`` in the light and in the dark palette, switching the page's colour scheme rather
    than loading it twice. The palette the page is in goes first: that saves a switch, and a
    sweep then alternates between pages opened dark and pages switched to dark."""
    dark_first = visit.page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    failures: list[Failure] = []
    for scheme in ("dark", "light") if dark_first else ("light", "dark"):
        label = f"{name} ({scheme})"
        failures += use_color_scheme(visit, scheme, label) or check(visit, label)
    return failures


def check_requests_and_console(visit: Visit, name: str, base: str) -> list[Failure]:
    """No request to any host but the local server; no console errors or failed responses."""
    host = urlsplit(base).netloc
    urls = [request.url for request in visit.requests]
    failures = [Failure(name, "request to another host", url) for url in urls
                if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
                and urlsplit(url).netloc != host]
    failures += [Failure(name, "error", error) for error in visit.errors]
    return failures


_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]';
  const shown = element => element.checkVisibility({visibilityProperty: true})
    && element.getBoundingClientRect().width > 0 && !element.closest('[inert], [hidden]');
  const controls = [...document.querySelectorAll(selector)]
    .filter(element => !element.disabled && element.tabIndex >= 0 && shown(element));
  // Tab reaches one radio button of a group, and the arrow keys the rest, so a group is one
  // control: reaching any of its buttons counts.
  const groups = new Map();
  const listed = [];
  for (const element of controls) {
    const group = element.type === 'radio' && element.name
      ? `${element.form ? [...document.forms].indexOf(element.form) : -1}:${element.name}` : null;
    if (group && groups.has(group)) {
      element.dataset.qaControl = groups.get(group);
      continue;
    }
    element.dataset.qaControl = String(listed.length);
    if (group) groups.set(group, element.dataset.qaControl);
    listed.push(element);
  }
  return listed.map(describe);
  function describe(element) {
    const text = (element.getAttribute('aria-label') || element.textContent || element.title
      || element.name || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    return `<${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}> ${text}`;
  }
}"""

_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  // A visually hidden radio or checkbox shows its focus on its label, as Material's do.
  const shown = element.getBoundingClientRect().width > 0 ? element
    : (element.labels && [...element.labels].find(label => label.checkVisibility())) || element;
  const style = getComputedStyle(shown);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  return {control: element.dataset.qaControl ?? null, indicator: ring || shadow,
          tag: element.tagName.toLowerCase(), cls: element.className || '',
          text: (element.getAttribute('aria-label') || element.textContent || '').trim()
            .replace(/\\s+/g, ' ').slice(0, 50),
          skip: element.classList.contains('md-skip'),
          skipTarget: element.classList.contains('md-skip')
            && new URL(element.href).pathname === location.pathname
            && !!document.getElementById(decodeURIComponent(new URL(element.href).hash.slice(1)))};
}"""


# Tab next from the top of the page, as on a page just opened, whatever had focus before (blurring
# an element leaves Chrome's starting point for Tab where that element was).
_FROM_THE_TOP = """() => {
  const start = document.createElement('span');
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus();
  start.remove();
}"""


# Notes where each Tab press leaves the focus, as _FOCUSED describes it, when the key comes back
# up (the browser has moved the focus on the way down), so the walk needs no look at the page
# between presses. The walk is done when the focus leaves the page's controls or comes back to
# one it has reached; the notes stop there.
_NOTE_TAB_STOPS = """() => {
  window.__qaTabStops = {stops: [], reached: new Set(), done: false};
  if (window.__qaNotingTabStops) return;
  window.__qaNotingTabStops = true;
  const focused = %s;
  addEventListener('keyup', event => {
    const walk = window.__qaTabStops;
    if (event.key !== 'Tab' || walk.done) return;
    const stop = focused();
    walk.stops.push(stop);
    if (stop === null || (stop.control !== null && walk.reached.has(stop.control))) {
      walk.done = true;
    } else if (stop.control !== null) {
      walk.reached.add(stop.control);
    }
  }, true);
}""" % _FOCUSED
_PRESSES_BETWEEN_LOOKS = 10


def check_keyboard(visit: Visit, name: str) -> list[Failure]:
    """A skip link comes first; every visible control is reached by Tab and shows its focus.

    Tab is pressed as a reader presses it, once for each control and a few more; the page notes
    where each press leaves the focus, and is asked every few presses whether the walk has come
    round, so a press costs one message to the browser instead of two."""
    page = visit.page
    controls = page.evaluate(_CONTROLS)
    page.evaluate(_NOTE_TAB_STOPS)
    page.evaluate(_FROM_THE_TOP)
    presses = len(controls) + 15
    pressed = 0
    while pressed < presses:
        for _ in range(min(_PRESSES_BETWEEN_LOOKS, presses - pressed)):
            page.keyboard.press("Tab")
            pressed += 1
        if page.evaluate("window.__qaTabStops.done"):
            break
    failures: list[Failure] = []
    reached: set[str] = set()
    for step, focused in enumerate(page.evaluate("window.__qaTabStops.stops")):
        if focused is None:
            break
        if step == 0 and not (focused["skip"] and focused["skipTarget"]):
            failures.append(Failure(name, "skip link", "the first Tab stop is not a working "
                                    f"skip link but <{focused['tag']}> {focused['text']}"))
        if not focused["indicator"]:
            failures.append(Failure(name, "no visible focus indicator",
                                    f"<{focused['tag']} class='{focused['cls']}'> {focused['text']}"))
        if focused["control"] is not None:
            if focused["control"] in reached:
                break
            reached.add(focused["control"])
    failures += [Failure(name, "not reachable by Tab", control)
                 for index, control in enumerate(controls) if str(index) not in reached]
    return failures


_REFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('.md-typeset__scrollwrap')]
    .filter(wrap => wrap.scrollWidth > wrap.clientWidth + 1)
    .map(wrap => ({focusable: wrap.tabIndex >= 0, label: wrap.getAttribute('aria-label') || '',
                   role: wrap.getAttribute('role') || '',
                   text: wrap.textContent.trim().slice(0, 40)}));
  const scrollers = '.md-typeset__scrollwrap, pre, .md-typeset__table, .highlight';
  const outside = [...document.querySelectorAll('.md-content *')]
    .filter(element => !element.closest(scrollers) && element.checkVisibility()
      && element.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 5).map(element => `<${element.tagName.toLowerCase()}> `
      + element.textContent.trim().slice(0, 40));
  return {page: root.scrollWidth, screen: root.clientWidth, wide, outside};
}"""


def check_reflow(visit: Visit, name: str) -> list[Failure]:
    """At 320 CSS px the page does not scroll sideways; wide tables scroll in a focusable,
    labelled region of their own. Waits for a rendering update first, so after a resize the
    scripts that mark wide tables scrollable have run."""
    visit.page.evaluate(_RENDERED)
    result = visit.page.evaluate(_REFLOW)
    failures = []
    if result["page"] > result["screen"]:
        failures.append(Failure(name, "reflow at 320px",
                                f"the page is {result['page']}px wide on a {result['screen']}px "
                                "screen"))
    failures += [Failure(name, "content wider than the screen", element)
                 for element in result["outside"]]
    for wrap in result["wide"]:
        if not (wrap["focusable"] and wrap["label"] and wrap["role"] == "region"):
            failures.append(Failure(name, "wide table not keyboard-scrollable and labelled",
                                    wrap["text"]))
    return failures


_PRINT = """() => {
  const hidden = selector => [...document.querySelectorAll(selector)]
    .filter(element => element.checkVisibility()).map(element => selector);
  const content = document.querySelector('.md-content');
  // Details printed on the page (not inside a part print hides, like a tool's choices) show all
  // they hold.
  const closed = [...document.querySelectorAll('.md-content details')]
    .filter(details => details.checkVisibility())
    .filter(details => [...details.children].filter(child => child.tagName !== 'SUMMARY')
      .some(child => !child.checkVisibility()))
    .map(details => (details.querySelector('summary') || details).textContent.trim().slice(0, 40));
  const clipped = [...document.querySelectorAll('.md-content table')]
    .filter(table => table.getBoundingClientRect().right
      > content.getBoundingClientRect().right + 1)
    .map(table => table.textContent.trim().slice(0, 40));
  const faint = [...document.querySelectorAll('.md-content a')]
    .filter(link => link.checkVisibility() && getComputedStyle(link).opacity === '0'
      && !link.classList.contains('headerlink') && !link.classList.contains('row-link'))
    .map(link => link.textContent.trim().slice(0, 40));
  return {visibleChrome: [...hidden('.md-header'), ...hidden('.md-sidebar'),
                          ...hidden('.md-search'), ...hidden('.md-footer__inner')],
          content: !!content && content.checkVisibility(), closed, clipped, faint};
}"""


def check_print(visit: Visit, name: str) -> list[Failure]:
    """With print media: header, navigation and search hidden; content, tables and links
    readable; collapsed details open."""
    visit.page.emulate_media(media="print")
    result = visit.page.evaluate(_PRINT)
    visit.page.emulate_media(media="screen")
    failures = [Failure(name, "print shows site chrome", selector)
                for selector in dict.fromkeys(result["visibleChrome"])]
    if not result["content"]:
        failures.append(Failure(name, "print hides the content", ".md-content"))
    failures += [Failure(name, "print leaves details closed", summary)
                 for summary in result["closed"]]
    failures += [Failure(name, "print cuts off a table", table) for table in result["clipped"]]
    failures += [Failure(name, "print hides a link", link) for link in result["faint"]]
    return failures


def check_search(visit: Visit, name: str, term: str, expected: str) -> list[Failure]:
    """Typing ``term`` in the search box lists the page at ``expected`` (relative to the site)."""
    page = visit.page
    page.locator(".md-search__input").click()
    page.keyboard.type(term)
    results = page.locator(".md-search-result__item a")
    try:
        results.first.wait_for(timeout=10_000)
    except Exception:  # noqa: BLE001 - a timeout is the failure being reported
        return [Failure(name, "search", f"typing {term!r} listed nothing")]
    found = {urlsplit(urljoin(visit.url, href)).path
             for href in results.evaluate_all("links => links.map(link => link.href)")}
    wanted = urlsplit(urljoin(visit.url, expected)).path
    if wanted not in found:
        return [Failure(name, "search", f"typing {term!r} did not list {expected}: {sorted(found)}")]
    return []
