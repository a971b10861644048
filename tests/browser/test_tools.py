"""The thinking tools in real Chromium: choices give the right output, the address restores them,
copy and print give the result, the page is a checklist without JavaScript, nothing is stored or
sent, and axe passes in every state.

What each tool should show is worked out here from the data files, not written down by hand.
"""

from __future__ import annotations

import re
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from guidance.data_text import words_only
from guidance.kinds import one_line
from guidance.load import load_guidance
from tests.browser.checks import (Failure, Visit, check_axe, check_keyboard, check_print, go,
                                  in_both_palettes, new_tab, open_page)
from tests.browser.conftest import new_context
from tests.support.project import CONTENT_ROOT

Guidance = Any  # what load_guidance returns; the browser tests read only its public attributes
PLANNER = "tools/request-planner/"
REFLECTION = "tools/threshold-reflection/"
SAFETY_PLAN = "tools/safety-plan-check/"
CHECKLISTS = {REFLECTION: "threshold-reflection", SAFETY_PLAN: "safety-plan-check"}

_STORAGE = """async () => ({
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
  cookie: document.cookie,
  databases: (await indexedDB.databases()).map(database => database.name),
})"""


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    """The data of the site the tests serve."""
    return load_guidance(CONTENT_ROOT / "docs")


def find_condition(guidance: Guidance, condition_id: str) -> Any:
    return next(c for c in guidance.conditions if c.id == condition_id)


def find_checklist(guidance: Guidance, checklist_id: str) -> Any:
    return next(c for c in guidance.checklists if c.id == checklist_id)


def planner_groups(guidance: Guidance) -> list[tuple[Any, list[tuple[Any, Any]]]]:
    """What the planner lists with nothing chosen: each organisation that holds a record, in the
    register's order, with each record it holds as (category, row). A record held jointly is
    listed under each organisation."""
    groups = []
    for holder in guidance.holders:
        entries = list(guidance.rows_held_by(holder.id))
        if entries:
            groups.append((holder, entries))
    return groups


@pytest.fixture
def context(browser, root_url) -> Iterator[BrowserContext]:
    context = new_context(browser, root_url, viewport={"width": 1280, "height": 900},
                          permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(10_000)
    yield context
    context.close()


def open_tool(context: BrowserContext, url: str) -> Page:
    """Open a tool page and wait until its script has taken over."""
    page = open_page(context, url).page
    page.wait_for_selector("[data-tool][data-enhanced]", state="attached")
    return page


def shown_entries(page: Page) -> set[tuple[str, str]]:
    """The planner's visible records, as (organisation id, row id)."""
    return {tuple(pair) for pair in page.evaluate("""() =>
      [...document.querySelectorAll('[data-holder] li')].filter(li => li.checkVisibility())
        .map(li => [li.closest('[data-holder]').dataset.holder,
                    new URL(li.querySelector('a').href).hash.slice(1)])""")}


def expected_entries(guidance: Guidance, person: str | None,
                     categories: set[str] | None = None) -> set[tuple[str, str]]:
    """What the planner should list: a record shows when its category is chosen and any
    condition on it applies to the person chosen, or is not known for them (every record when
    none is chosen)."""
    expected = set()
    for holder, entries in planner_groups(guidance):
        for category, row in entries:
            if categories is not None and category.id not in categories:
                continue
            condition = find_condition(guidance, row.relevant_if) if row.relevant_if else None
            if (person and condition and person not in condition.applies_to
                    and person not in condition.not_known_for):
                continue
            expected.add((holder.id, row.id))
    return expected


def reminders_shown(page: Page) -> set[str]:
    return set(page.evaluate("""() => [...document.querySelectorAll('[data-reminder]')]
      .filter(element => element.checkVisibility()).map(element => element.dataset.reminder)"""))


def guidance_title(site, link: str) -> str:
    """The words a guidance link should have, read from the built page it leads to: the page's
    title, then its section's heading (each without its ¶ link)."""
    path, _, anchor = link.partition("#")
    url = path.removesuffix(".md").removesuffix("index")
    page = site.page(url + ("/" if url and not url.endswith("/") else ""))
    words = [next(page.iter("h1")).text().rstrip("¶ ")]
    if anchor:
        words.append(page.find_id(anchor).text().rstrip("¶ "))
    return ": ".join(words)


def query(page: Page) -> str:
    return urlsplit(page.url).query


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def copy_as_text(page: Page) -> str:
    """Click Copy as text and wait until the tool says it copied (copying is asynchronous);
    return what it copied."""
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator("[data-tool-status]")).to_have_text(re.compile("^Copied"),
                                                             timeout=10_000)
    return clipboard(page)


def immediate_danger(guidance: Guidance) -> str:
    """The immediate-danger route as a tool copies it: 999, then the partnership's own route from
    its data, and the notice while its numbers are examples."""
    route = guidance.partnership.immediate_danger
    lines = ["If a child is in immediate danger:", "1. Call 999 and ask for the police.",
             f"2. Then phone {route.front_door}: {route.phone} ({route.hours}). Out of hours, "
             f"phone {route.out_of_hours}: {route.out_of_hours_phone}.",
             "3. Tell your manager or your organisation's safeguarding lead."]
    if route.example:
        lines.append("These numbers are examples, not real numbers. The "
                     f"{guidance.partnership.name} replaces them with its own. Until then, follow "
                     "your local procedures.")
    return "\n".join(lines) + "\n"


def axe_failures(page: Page, name: str, *, within: str | None = None) -> list[Failure]:
    return check_axe(Visit(page, page.url), name, within=within)


# The request planner -----------------------------------------------------------------------------

@pytest.mark.parametrize("person", [person.id for person in
                                    load_guidance(CONTENT_ROOT / "docs").people])
def test_planner_lists_what_applies_to_each_person(context, root_url, guidance, person):
    page = open_tool(context, root_url + PLANNER)
    assert shown_entries(page) == expected_entries(guidance, None), "before a choice, list all"
    page.get_by_label(next(p.label for p in guidance.people if p.id == person), exact=True).check()
    assert shown_entries(page) == expected_entries(guidance, person)
    assert query(page) == f"person={person}"
    wanted = {r.id for r in guidance.reminders if not r.applies_to or person in r.applies_to}
    assert reminders_shown(page) == wanted
    status = page.locator("[data-tool-status]")
    assert status.get_attribute("role") == "status"
    organisations = {holder for holder, _ in expected_entries(guidance, person)}
    assert status.inner_text() == (f"{len(expected_entries(guidance, person))} requests to "
                                   f"{len(organisations)} organisations.")


def test_a_record_is_never_hidden_on_a_guess(context, root_url, guidance):
    """For a person for whom a row's condition is not known (an adult whose childhood contact with
    the youth justice service nobody knows yet), the row is listed with what to ask instead of
    its condition, on the page and in the copied text."""
    cases = [(condition, person) for condition in guidance.conditions
             for person in condition.not_known_for]
    assert cases, "the data has a condition that may not be known"
    for condition, person in cases:
        rows = [(category, row) for category in guidance.categories for row in category.rows
                if row.relevant_if == condition.id]
        page = open_tool(context, root_url + PLANNER + f"?person={person}")
        for category, row in rows:
            entry = page.locator(f'li[data-condition="{condition.id}"]',
                                 has=page.locator(f'a[href$="#{row.id}"]')).first
            expect(entry).to_be_visible()
            expect(entry.locator("[data-condition-ask]")).to_have_text(f" ({condition.ask})")
            expect(entry.locator("[data-condition-wording]")).to_be_hidden()
        text = copy_as_text(page)
        for category, row in rows:
            assert f"- {row.information} ({condition.ask}). Who holds it: {row.who_holds}" in text
            assert f"({condition.wording})" not in text


def test_the_child_reminder_and_child_only_records_differ_between_adult_and_child(
        context, root_url, guidance):
    adult = open_tool(context, root_url + PLANNER + "?person=adult")
    child = open_tool(context, root_url + PLANNER + "?person=child")
    assert "child-needs-first" in reminders_shown(child)
    assert "child-needs-first" not in reminders_shown(adult)
    assert "previous-names-and-areas" in reminders_shown(adult) & reminders_shown(child)
    only_child = shown_entries(child) - shown_entries(adult)
    assert only_child, "some records apply only to a child"
    assert all(find_condition(guidance, row.relevant_if).applies_to
               for category in guidance.categories for row in category.rows
               if row.id in {row_id for _, row_id in only_child})


def test_planner_categories_and_the_address_round_trip(context, root_url, guidance):
    page = open_tool(context, root_url + PLANNER)
    adult = next(person.label for person in guidance.people if person.id == "adult")
    page.get_by_label(adult, exact=True).check()
    keep = {guidance.categories[0].id, guidance.categories[-1].id}
    for category in guidance.categories:
        if category.id not in keep:
            page.get_by_label(category.short_title, exact=True).uncheck()
    expected = expected_entries(guidance, "adult", keep)
    assert shown_entries(page) == expected
    hidden_holders = page.evaluate("""() => [...document.querySelectorAll('[data-holder]')]
      .filter(section => !section.checkVisibility()).map(section => section.dataset.holder)""")
    assert set(hidden_holders) == ({holder.id for holder, _ in planner_groups(guidance)}
                                   - {holder for holder, _ in expected})
    ordered = ",".join(c.id for c in guidance.categories if c.id in keep)
    assert query(page) == f"person=adult&categories={ordered}"

    again = open_tool(context, page.url)
    assert again.get_by_label(adult, exact=True).is_checked()
    assert shown_entries(again) == expected
    assert again.locator("[data-planner-choice]").inner_text() == \
        page.locator("[data-planner-choice]").inner_text()

    for category in guidance.categories:
        if category.id in keep:
            again.get_by_label(category.short_title, exact=True).uncheck()
    assert shown_entries(again) == set()
    assert again.locator("[data-planner-empty]").is_visible()
    assert query(again) == "person=adult&categories="


def test_planner_ignores_options_it_does_not_know(context, root_url, guidance):
    page = open_tool(context, root_url + PLANNER + "?person=someone&categories=nonsense,"
                     + guidance.categories[0].id)
    assert shown_entries(page) == expected_entries(guidance, None, {guidance.categories[0].id})
    assert query(page) == f"categories={guidance.categories[0].id}"


def test_planner_copies_the_list_as_text(context, root_url, guidance):
    """The copied text is one request per organisation shown: how to ask it, the records in the
    seed's own words, the basis on which it can share with a link to read more, what to send
    with the request and what to record on the case file, all taken from the data."""
    person = next(person for person in guidance.people if person.id == "child")
    page = open_tool(context, root_url + PLANNER + f"?person={person.id}")
    text = copy_as_text(page)
    lines = text.splitlines()
    assert lines[0] == "Information requests about a person of concern"
    assert f"Person of concern: {person.label}." in lines[1]
    # Notes for the practitioner come first, apart from the requests: the immediate-danger route,
    # the caution and the organisations it applies to, any first step in a live case, reminders.
    parts = text.split("\n\n")
    assert parts[1] == "Notes for you, not to send with a request:"
    assert parts[2] + "\n" == immediate_danger(guidance), "the route comes first"
    notes = parts[3]
    caution = one_line(words_only(guidance.sharing.not_alerting))
    assert notes.startswith(f"Before anyone approaches the person of concern: {caution}\n")
    shown = expected_entries(guidance, person.id)
    holders_shown = [holder for holder, _ in planner_groups(guidance)
                     if any(h == holder.id for h, _ in shown)]
    reaching = "; ".join(holder.name for holder in holders_shown if holder.may_alert_person)
    assert (f"\nA request to these could reach the person of concern: {reaching}.\n" in notes
            ) == bool(reaching)
    for holder in holders_shown:
        if holder.ask_first:
            assert f"{holder.name}. In a live case: {one_line(words_only(holder.ask_first))}" in notes
    for reminder in guidance.reminders:
        assert (reminder.text in notes) == (person.id in reminder.applies_to
                                            or not reminder.applies_to)
    blocks = {block.split("\n", 1)[0]: block for block in text.split("\n\n")}
    sharing = guidance.sharing
    for holder, entries in planner_groups(guidance):
        heading = f"Request to: {holder.name}"
        assert (heading in blocks) == any(h == holder.id for h, _ in shown), holder.id
        if heading not in blocks:
            continue
        block = blocks[heading]
        assert caution not in block and "In a live case" not in block, holder.id
        for _, row in entries:  # in the seed's own words, with the condition that applies
            if (holder.id, row.id) in shown:
                condition = find_condition(guidance, row.relevant_if) if row.relevant_if else None
                middle = f" ({condition.wording})" if condition else ""
                assert (f"- {row.information}{middle}. Who holds it: {row.who_holds}"
                        in block), (holder.id, row.id)
        route = guidance.route_for(holder.id)
        if route:
            assert f"How to ask them: {one_line(words_only(route.how_to_ask))}" in block
        else:
            links = "; ".join(f"{p.title} ({p.url})" for p in guidance.partnership.local_procedures)
            assert f"local procedures: {links}." in block, holder.id
        basis = " ".join(part for part in (words_only(holder.sharing_basis),
                                           words_only(sharing.general_basis)) if part)
        assert f"On what basis they can share: {one_line(basis)}" in block, holder.id
        more = f"Read more: {root_url}organisations/{holder.id}/#on-what-basis-you-can-share"
        assert more in block, holder.id
        for item in sharing.request_contents:
            assert f"\n- {item.send}\n" in block, (holder.id, item.send)
        for line in sharing.record_when_asking:
            assert f"\n- {line}" in block, (holder.id, line)
    rows = {row.id: row for category in guidance.categories for row in category.rows}
    only_for_others = [row for row in rows.values() if row.relevant_if
                       and person.id not in find_condition(guidance, row.relevant_if).applies_to
                       and person.id not in find_condition(guidance, row.relevant_if).not_known_for]
    for row in only_for_others:
        assert f"- {row.information}" not in text
    assert lines[-1].endswith(root_url + PLANNER + f"?person={person.id}")


def test_planner_reset_clears_the_choices_and_the_address(context, root_url, guidance):
    page = open_tool(context, root_url + PLANNER + f"?person=child&categories="
                     f"{guidance.categories[0].id}")
    page.get_by_role("button", name="Reset").click()
    assert query(page) == ""
    assert not page.locator('input[name="person"]:checked').count()
    assert page.locator('input[name="category"]:checked').count() == len(guidance.categories)
    assert shown_entries(page) == expected_entries(guidance, None)
    assert page.locator("[data-tool-status]").inner_text() == "Your choices are cleared."


# The checklists ----------------------------------------------------------------------------------

def choose(page: Page, item_id: str, answer_id: str) -> None:
    page.locator(f'input[name="{item_id}"][value="{answer_id}"]').check()


def summary_items(page: Page) -> list[str]:
    return page.locator("[data-summary-list] > li strong").all_inner_texts()


@pytest.mark.parametrize("url", list(CHECKLISTS))
def test_checklist_lists_only_answers_that_need_attention(context, root_url, guidance, site, url):
    checklist = find_checklist(guidance, CHECKLISTS[url])
    page = open_tool(context, root_url + url)
    assert summary_items(page) == []
    assert page.locator("[data-tool-status]").inner_text().startswith("Nothing is answered yet")
    chosen, expected = [], []
    # Answer every other item: alternately with an answer that needs attention and one that does
    # not, so the summary must tell them apart.
    for index, item in enumerate(checklist.items[::2]):
        wanted = index % 2 == 0
        answer = next(a for a in item.answers if a.needs_attention == wanted)
        choose(page, item.id, answer.id)
        chosen.append(f"{item.id}={answer.id}")
        if wanted:
            expected.append(item)
    assert summary_items(page) == [item.text for item in expected]
    for item in checklist.items:
        attention = page.locator(f'[id="{item.id}"] [data-attention]')
        assert attention.is_visible() == (item in expected), item.id
    first = page.locator("[data-summary-list] > li").first
    assert expected[0].attention in first.inner_text()
    link = first.locator("a")
    assert link.inner_text() == guidance_title(site, expected[0].guidance)
    assert link.evaluate("a => a.href").startswith(root_url)
    left = len(checklist.items) - len(chosen)
    assert page.locator("[data-tool-status]").inner_text() == (
        f"{len(expected)} points are listed here. {left} of {len(checklist.items)} not answered yet.")
    assert query(page) == "&".join(chosen)

    again = open_tool(context, page.url)
    assert summary_items(again) == [item.text for item in expected]
    assert again.locator("[data-tool] input:checked").count() == len(chosen)


@pytest.mark.parametrize("url", list(CHECKLISTS))
def test_checklist_copies_its_summary_and_resets(context, root_url, guidance, site, url):
    checklist = find_checklist(guidance, CHECKLISTS[url])
    item = checklist.items[1]
    answer = next(a for a in item.answers if a.needs_attention)
    page = open_tool(context, root_url + url + f"?{item.id}={answer.id}&no-such-item=x")
    assert query(page) == f"{item.id}={answer.id}"
    text = copy_as_text(page)
    assert text.startswith(f"{checklist.title}\n{checklist.note}\n\n{immediate_danger(guidance)}"
                           f"\n{checklist.summary_title}\n")
    group = next(g for g in checklist.groups if item in g.items)
    assert f"- {group.title}: {item.text}\n  Answer: {answer.label}. {item.attention}" in text
    assert f"Read more: {guidance_title(site, item.guidance)}, {root_url}" in text
    assert f"{len(checklist.items) - 1} of {len(checklist.items)} not answered." in text
    assert sum(line.startswith("- ") for line in text.splitlines()) == 1

    page.get_by_role("button", name="Reset").click()
    assert query(page) == ""
    assert page.locator("[data-tool] input:checked").count() == 0
    assert summary_items(page) == []


def test_the_reflection_says_it_never_scores(site, guidance):
    page = site.page(REFLECTION).text()
    assert "does not score, rate or recommend a threshold" in page
    assert "does not score, rate or recommend a threshold" in find_checklist(
        guidance, "threshold-reflection").note


def test_checklist_works_by_keyboard(context, root_url, guidance):
    checklist = find_checklist(guidance, "safety-plan-check")
    first = checklist.items[0]
    page = open_tool(context, root_url + SAFETY_PLAN)
    page.locator(f'input[name="{first.id}"]').first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    third = first.answers[2]
    assert page.locator(f'input[name="{first.id}"]:checked').get_attribute("value") == third.id
    assert summary_items(page) == ([first.text] if third.needs_attention else [])
    for _ in range(3):  # on to the next item's answers, perhaps by way of a guidance link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == checklist.items[1].id:
            break
    else:
        pytest.fail("Tab did not move on to the next item's answers")
    for button in ("Copy as text", "Print", "Reset"):
        page.get_by_role("button", name=button).focus()
        assert page.evaluate("document.activeElement.textContent") == button
    page.keyboard.press("Enter")  # Reset
    assert page.locator("[data-tool] input:checked").count() == 0


# Print, JavaScript off, privacy and accessibility in every state ---------------------------------

def test_print_shows_the_result_without_the_controls(context, root_url, guidance):
    page = open_tool(context, root_url + PLANNER + "?person=adult")
    page.emulate_media(media="print")
    assert not page.locator("[data-tool-choices]").is_visible()
    assert not page.get_by_role("button", name="Print").is_visible()
    assert page.locator("[data-planner-choice]").is_visible()
    assert page.locator("[data-immediate-danger]").is_visible()
    assert page.locator("[data-not-alerting]").is_visible()
    assert shown_entries(page) == expected_entries(guidance, "adult")

    checklist = find_checklist(guidance, "safety-plan-check")
    item = checklist.items[0]
    missing = next(a for a in item.answers if a.needs_attention)
    page = open_tool(context, root_url + SAFETY_PLAN + f"?{item.id}={missing.id}")
    page.emulate_media(media="print")
    assert page.locator("[data-immediate-danger]").is_visible()
    assert page.locator("[data-tool-summary]").is_visible()
    assert summary_items(page) == [item.text]
    assert not page.get_by_role("button", name="Copy as text").is_visible()
    assert page.locator(f'input[name="{item.id}"]:checked').is_visible()
    assert check_print(Visit(page, page.url), SAFETY_PLAN) == []


@pytest.fixture
def no_script(browser, root_url) -> Iterator[BrowserContext]:
    context = new_context(browser, root_url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_without_javascript_each_tool_is_a_full_checklist(no_script, root_url, guidance):
    page = open_page(no_script, root_url + PLANNER, scripts=False).page
    assert shown_entries_static(page) == expected_entries(guidance, None)
    assert not page.locator("[data-tool-choices]").is_visible()
    assert not page.get_by_role("button", name="Copy as text").is_visible()
    for condition in guidance.conditions:
        assert page.get_by_text(f"({condition.wording})").first.is_visible()
    for reminder in guidance.reminders:
        assert page.get_by_text(reminder.text[:60]).is_visible()
    for url, checklist_id in CHECKLISTS.items():
        page = open_page(no_script, root_url + url, scripts=False).page
        checklist = find_checklist(guidance, checklist_id)
        for item in checklist.items:
            group = page.locator(f'fieldset[id="{item.id}"]')
            assert group.locator("legend").inner_text() == item.text
            assert group.locator("input[type=radio]").count() == len(item.answers)
            assert group.locator("[data-attention]").is_visible()
        assert not page.locator("[data-tool-summary]").is_visible()
        page.locator("[data-tool] input[type=radio]").first.check()  # still a form to fill in and print
        page.emulate_media(media="print")
        assert page.locator("[data-tool] input[type=radio]:checked").is_visible()


def test_the_tools_without_their_scripts_pass_axe(browser, root_url):
    """axe needs JavaScript to run, so here only the tools' own scripts are kept from loading:
    each tool is left as the plain checklist a reader without JavaScript sees."""
    context = new_context(browser, root_url)
    context.route("**/javascripts/tools/**", lambda route: route.abort())
    failures: list[Failure] = []
    try:
        for url in (PLANNER, *CHECKLISTS):
            page = open_page(context, root_url + url).page
            assert page.locator("[data-tool]:not([data-enhanced])").count() == 1
            failures += axe_failures(page, f"{url} without its script")
    finally:
        context.close()
    assert not failures, "\n".join(map(str, failures))


def shown_entries_static(page: Page) -> set[tuple[str, str]]:
    """The planner's visible records where no script runs, read from the HTML."""
    found = set()
    for holder in page.locator("[data-holder]").all():
        for link in holder.locator("li a").all():
            if link.is_visible():
                found.add((holder.get_attribute("data-holder"),
                           link.get_attribute("href").rsplit("#", 1)[1]))
    return found


def test_using_the_tools_stores_and_sends_nothing(context, root_url, guidance):
    """Storage is compared before and after use: Material itself remembers the reader's colour
    scheme, which is not the tools' doing, but the tools must add nothing."""
    for url in (PLANNER, REFLECTION, SAFETY_PLAN):
        page = open_tool(context, root_url + url)
        assert page.locator("article input[type=text], article input:not([type]), "
                            "article textarea, article [contenteditable]").count() == 0, "a tool has a free-text field"
        before = page.evaluate(_STORAGE)
        # Chromium fetches the page's icon again whenever the address changes; that is the
        # browser's own request to this server, not the tool's.
        icon = page.evaluate("document.querySelector('link[rel=icon]').href")
        requests: list[str] = []
        page.on("request", lambda request: request.url != icon and requests.append(request.url))
        for radio in page.locator("[data-tool] input[type=radio]").all()[::3]:
            radio.check()
        for box in page.locator("[data-tool] input[type=checkbox]").all()[::2]:
            box.uncheck()
        copy_as_text(page)
        page.evaluate("window.print = () => {}")
        page.get_by_role("button", name="Print").click()
        page.get_by_role("button", name="Reset").click()
        after = page.evaluate(_STORAGE)
        assert after == before, f"{url}: the tool changed what the browser stores"
        assert after["cookie"] == "" and after["session"] == {} and after["databases"] == []
        assert requests == [], f"{url}: the tool made requests: {requests}"


def test_every_tool_state_passes_axe_and_keyboard(browser, root_url, guidance):
    """Each prepared state, in the light and the dark palette: axe and the keyboard walk, then
    axe on the tool again once Copy as text has shown its status."""
    context = new_context(browser, root_url, viewport={"width": 1280, "height": 900},
                          permissions=["clipboard-read", "clipboard-write"])
    failures: list[Failure] = []
    reflection = find_checklist(guidance, "threshold-reflection")
    attention = "&".join(f"{item.id}={next(a.id for a in item.answers if a.needs_attention)}"
                         for item in reflection.items)
    safety_plan = find_checklist(guidance, "safety-plan-check")
    states = [PLANNER, PLANNER + "?person=child&categories=" + guidance.categories[0].id,
              PLANNER + "?categories=", REFLECTION, REFLECTION + "?" + attention,
              SAFETY_PLAN + "?" + "&".join(f"{item.id}={item.answers[0].id}"
                                           for item in safety_plan.items)]
    try:
        tab = new_tab(context)
        for state in states:
            page = go(tab, root_url + state).page
            page.wait_for_selector("[data-tool][data-enhanced]", state="attached")
            failures += in_both_palettes(tab, state, check_axe)
            failures += in_both_palettes(tab, state, check_keyboard)
            copy_as_text(page)  # the status message shows
            # Only the tool changed. The whole page is not checked again: the click scrolls it
            # under the mouse, which can open one of Material's tooltips outside the landmarks.
            failures += in_both_palettes(tab, state + " after copying", lambda visit, name:
                                         check_axe(visit, name, within="[data-tool]"))
    finally:
        context.close()
    assert not failures, "\n".join(map(str, failures))


def test_tools_start_after_instant_navigation(context, root_url):
    """Material swaps pages without reloading; each tool must still take over its page."""
    page = open_page(context, root_url + "tools/").page
    for name, url, enhanced in (("Plan information requests", PLANNER, "[data-tool-choices]"),
                                ("Check a safety plan", SAFETY_PLAN, "[data-tool-summary]"),
                                ("Reflect on a threshold decision", REFLECTION,
                                 "[data-tool-summary]")):
        page.locator("article").get_by_role("link", name=name).click()
        page.wait_for_url(root_url + url)
        page.locator(enhanced).wait_for(state="visible")
        assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
        page.locator("[data-tool] input[type=radio]").first.check()
        assert query(page), "the tool writes its options to the address"
        page.go_back()
        page.wait_for_url(root_url + "tools/")
