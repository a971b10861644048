"""The checks find real faults: a page planted with them must fail, naming page, rule and element.
The same page also carries things done right (a wide table, collapsed details) that must pass."""

from __future__ import annotations

from tests.browser.checks import (Failure, check_axe, check_keyboard, check_print, check_reflow,
                                  check_requests_and_console, open_page, use_color_scheme)
from tests.browser.conftest import new_context
from tests.browser.harness import serve

FAULTY_PAGE = """\
---
review:
  owner: Partnership policy lead
  last_reviewed: 2026-01-15
  every_months: 12
---

# Planted faults

An image with no text alternative:

<img src="../assets/images/favicon.png" width="20" height="20">

A script from another host:

<script src="https://cdn.example.com/tracker.js"></script>

<button type="button" style="outline: none !important">A button with its focus ring removed</button>

<div style="width: 900px">A block wider than a phone screen, which cannot reflow.</div>

## A wide table { #a-wide-table }

| Column | Another column | A third column with a long heading | Fourth | Fifth | Sixth |
| --- | --- | --- | --- | --- | --- |
| Averyveryverylongunbreakableword | Anotherveryverylongunbreakableword | text | text | text | text |

??? note "Collapsed details"

    Text that must show when printed.
"""


def test_the_checks_catch_planted_faults(browser, project):
    project.write("docs/faults.md", FAULTY_PAGE)
    # The build refuses a page with a script unless the reviewed allow-list names it.
    project.write("hooks/allowed-html.txt", project.read("hooks/allowed-html.txt")
                  + "faults.md  # the planted script from another host\n")
    project.edit("mkdocs.yml", "  - Glossary: glossary.md\n",
                 "  - Glossary: glossary.md\n  - Faults: faults.md\n")
    result = project.build()
    assert result.ok, result.log
    with serve(result.site) as base:
        context = new_context(browser, base, viewport={"width": 1280, "height": 900})
        visit = open_page(context, base + "faults/", quiet=True)

        axe = check_axe(visit, "faults/")
        assert any(failure.rule.startswith("axe image-alt") and "img" in failure.element
                   and failure.page == "faults/" for failure in axe), axe

        requests = check_requests_and_console(visit, "faults/", base)
        assert any(failure.rule == "request to another host"
                   and "cdn.example.com/tracker.js" in failure.element for failure in requests)

        keyboard = check_keyboard(visit, "faults/")
        assert any(failure.rule == "no visible focus indicator" and "focus ring removed"
                   in failure.element for failure in keyboard), keyboard

        printed = check_print(visit, "faults/")
        assert not [failure for failure in printed if "details" in failure.rule], printed

        visit.page.set_viewport_size({"width": 320, "height": 800})
        reflow = check_reflow(visit, "faults/")
        assert any(failure.rule == "reflow at 320px" for failure in reflow), reflow
        assert not [failure for failure in reflow if "wide table" in failure.rule], reflow
        region = visit.page.locator(".md-typeset__scrollwrap[role=region]")
        assert region.get_attribute("aria-label") == "A wide table (scrolls sideways)"
        assert region.get_attribute("tabindex") == "0"
        context.close()

        # Without Material's script the dark palette is never applied, and the check says so.
        context = new_context(browser, base)
        context.route("**/javascripts/bundle.*", lambda route: route.abort())
        visit = open_page(context, base + "faults/")
        palette = use_color_scheme(visit, "dark", "faults/", timeout=1_000)
        assert palette == [Failure("faults/", "palette",
                                   "expected the slate scheme, got default")], palette
        context.close()
