"""The quality checks a built page must pass in a real browser.

Each check returns a list of :class:`Failure`, each naming the page, the rule and the element, so
one test run reports every problem on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_AXE = Axe()


@dataclass(frozen=True)
class Failure:
    page: str
    rule: str
    element: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: {self.element}"


@dataclass
class Visit:
    """A page opened in the browser, with everything it requested and logged on the way."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_page(context: BrowserContext, url: str, *, until: str = "load") -> Visit:
    """Open ``url``, recording requests, failed responses and console errors.

    ``until="networkidle"`` also waits for what scripts request after the page has loaded."""
    page = context.new_page()
    visit = Visit(page, url)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and visit.errors.append(
        f"console error: {message.text}"))
    page.on("pageerror", lambda error: visit.errors.append(f"script error: {error}"))
    page.on("response", lambda response: response.status >= 400 and visit.errors.append(
        f"HTTP {response.status} for {response.url}"))
    page.goto(url, wait_until=until)
    return visit


def block_other_hosts(context: BrowserContext, base: str) -> None:
    """Let requests reach only the local test server; the rest are recorded by the page, then
    refused, so a check never waits on the network."""
    allowed = urlsplit(base).netloc

    def route(route_) -> None:
        target = urlsplit(route_.request.url)
        if target.scheme in {"data", "blob"} or target.netloc == allowed:
            route_.continue_()
        else:
            route_.abort()

    context.route("**/*", route)


def check_axe(visit: Visit, name: str, *, within: str | None = None) -> list[Failure]:
    """axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules and best practice; ``within`` (a
    CSS selector) limits it to one part of the page."""
    results = _AXE.run(visit.page, context=within, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                            "resultTypes": ["violations"]})
    return [Failure(name, f"axe {violation['id']} ({violation['help']})",
                    " ".join(map(str, node["target"])))
            for violation in results.response["violations"] for node in violation["nodes"]]


def check_requests_and_console(visit: Visit, name: str, base: str) -> list[Failure]:
    """No request to any host but the local server; no console errors or failed responses."""
    host = urlsplit(base).netloc
    failures = [Failure(name, "request to another host", url) for url in visit.requests
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


def check_keyboard(visit: Visit, name: str) -> list[Failure]:
    """A skip link comes first; every visible control is reached by Tab and shows its focus."""
    page = visit.page
    controls = page.evaluate(_CONTROLS)
    failures: list[Failure] = []
    reached: set[str] = set()
    page.locator("body").focus()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for step in range(len(controls) + 15):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
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
    labelled region of their own."""
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
  const closed = [...document.querySelectorAll('.md-content details')]
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
