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
PLANNER_COPY = "Copy all requests"
REQUEST_BREAK = "-" * 40  # between requests in the planner's copied text
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


def planner_groups(guidance: Guidance) -> list[tuple[Any, list[tuple[list[str], Any]]]]:
    """What the planner lists with nothing chosen: each organisation that holds a record, in the
    register's order, with each record it holds once, as (the ids of every category whose table
    lists it, its first row). A record held jointly is listed under each organisation."""
    groups = []
    for holder in guidance.holders:
        records: dict[tuple, tuple[list[str], Any]] = {}
        for category, row in guidance.rows_held_by(holder.id):
            key = (row.information, row.relevant_if)
            records.setdefault(key, ([], row))[0].append(category.id)
        if records:
            groups.append((holder, list(records.values())))
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
      [...document.querySelectorAll('[data-holder] li[data-category]')].filter(li => li.checkVisibility())
        .map(li => [li.closest('[data-holder]').dataset.holder,
                    new URL(li.querySelector('a').href).hash.slice(1)])""")}


def expected_entries(guidance: Guidance, person: str | None,
                     categories: set[str] | None = None,
                     organisations: set[str] | None = None) -> set[tuple[str, str]]:
    """What the planner should list: a record shows when its organisation and any of its
    categories are chosen, and any condition on it applies to the person chosen, or is not known
    for them (every record when none is chosen)."""
    expected = set()
    for holder, entries in planner_groups(guidance):
        if organisations is not None and holder.id not in organisations:
            continue
        for listed_in, row in entries:
            if categories is not None and not set(listed_in) & categories:
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


def copy_as_text(page: Page, button: str = "Copy as text") -> str:
    """Click a copy button and wait until the tool says it copied (copying is asynchronous);
    return what it copied."""
    page.get_by_role("button", name=button, exact=True).click()
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
        lines.append("These numbers are examples, not real numbers: your partnership has not yet "
                     "set its own in this guidance. Until it does, follow your local procedures.")
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
    assert status.inner_text() == (f"{len(expected_entries(guidance, person))} records to ask "
                                   f"{len(organisations)} organisations for.")


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
        text = copy_as_text(page, PLANNER_COPY)
        for category, row in rows:
            assert f"- {row.information} ({condition.ask})" in text
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


def _sent(guidance: Guidance, text: str) -> str:
    """A text field as a copied request writes it: plain words, each link followed by its address,
    a page of the guidance at its published address."""
    published = guidance.partnership.published_address.rstrip("/") + "/"

    def address(target: str) -> str:
        if target.startswith("https://"):
            return target
        path, _, section = target.partition("#")
        page = path.removesuffix(".md").removesuffix("index")
        page += "/" if page and not page.endswith("/") else ""
        return published + page + (f"#{section}" if section else "")
    return one_line(words_only(text, address))


def _request_lines(guidance: Guidance, holder, entries, shown: set, root_url: str) -> list[str]:
    """What an organisation's request should say, line by line, from the data alone."""
    sharing = guidance.sharing
    records = []
    for _, row in entries:  # in the seed's own words, with the condition that applies
        if (holder.id, row.id) in shown:
            condition = find_condition(guidance, row.relevant_if) if row.relevant_if else None
            records.append(f"- {row.information}" + (f" ({condition.wording})" if condition else ""))
    if holder.ask_first:
        return [f"To ask {holder.name} at the strategy discussion", *records]
    route = guidance.route_for(holder.id)
    send_by = (_sent(guidance, route.how_to_ask) if route and not route.example
               else f"by your partnership's route for requests to {holder.name}.")
    basis = " ".join(_sent(guidance, text) for text in (holder.request_basis,
                                                        sharing.request_basis) if text)
    return [f"To: {holder.name}", f"How to send it: {send_by}", one_line(sharing.request_opening),
            *records, "Please search under each name and address below.",
            *[f"- {item.to_complete}" for item in sharing.request_contents if item.to_complete],
            f"On what basis you can share: {basis}", one_line(sharing.request_caution)]


def test_planner_copies_every_request_after_notes_for_the_practitioner(context, root_url,
                                                                        guidance):
    """Copy all requests gives the notes for the practitioner first (the immediate-danger route,
    the caution and the organisations it applies to, any first step in a live case, the
    reminders, what to record), then each organisation's request, one after another, each
    made from the data and holding none of the notes."""
    person = next(person for person in guidance.people if person.id == "child")
    page = open_tool(context, root_url + PLANNER + f"?person={person.id}")
    text = copy_as_text(page, PLANNER_COPY)
    lines = text.splitlines()
    assert lines[0] == "Information requests about a person of concern"
    assert f"Person of concern: {person.label}." in lines[1]
    notes, *requests = text.split(f"\n{REQUEST_BREAK}\n")
    parts = notes.split("\n\n")
    assert parts[1] == "Notes for you, not to send with a request:"
    assert parts[2] + "\n" == immediate_danger(guidance), "the route comes first"
    caution = one_line(words_only(guidance.sharing.not_alerting))
    assert parts[3].startswith(f"Before anyone approaches the person of concern: {caution}\n")
    shown = expected_entries(guidance, person.id)
    groups = [(holder, entries) for holder, entries in planner_groups(guidance)
              if any(h == holder.id for h, _ in shown)]
    reaching = "; ".join(holder.name for holder, _ in groups if holder.may_alert_person)
    assert (f"\nA request to these could reach the person of concern: {reaching}.\n" in notes
            ) == bool(reaching)
    for holder, _ in groups:
        if holder.ask_first:
            assert f"{holder.name}. In a live case: {one_line(words_only(holder.ask_first))}" in notes
    for reminder in guidance.reminders:
        assert (reminder.text in notes) == (person.id in reminder.applies_to
                                            or not reminder.applies_to)
    for line in guidance.sharing.record_when_asking:
        assert f"\n- {line}" in notes
    assert len(requests) == len(groups)
    for request, (holder, entries) in zip(requests, groups):
        request = request.rsplit("\nFrom ", 1)[0].strip()
        assert [line for line in request.splitlines() if line] == _request_lines(
            guidance, holder, entries, shown, root_url), holder.id
        for internal in ("Notes for you", "999", "Record on the case file", caution[:40]):
            assert internal not in request, (holder.id, internal)
    assert lines[-1].endswith(root_url + PLANNER + f"?person={person.id}")


def test_planner_copies_one_organisation_s_request(context, root_url, guidance):
    """Copy this request gives that organisation's request alone, ready to send: for the police
    (at the strategy discussion, in a live case) and for a health service, as the data says."""
    person = "adult"
    groups = dict((holder.id, (holder, entries)) for holder, entries in planner_groups(guidance))
    chosen = [holder for holder in guidance.holders if holder.id in groups][:1] + [
        holder for holder in guidance.holders if holder.id in groups and holder.request_basis
        and not holder.ask_first][:1]
    assert len(chosen) == 2, "the data has an organisation with its own basis for a request"
    page = open_tool(context, root_url + PLANNER + f"?person={person}&organisations="
                     + ",".join(holder.id for holder in chosen))
    shown = expected_entries(guidance, person, organisations={h.id for h in chosen})
    for holder in chosen:
        section = page.locator(f'[data-holder="{holder.id}"]')
        section.get_by_role("button", name=f"Copy this request to {holder.name}").click()
        expect(page.locator("[data-tool-status]")).to_have_text(
            re.compile(f"^Copied the request to {re.escape(holder.name)}"))
        copied = clipboard(page)
        assert [line for line in copied.splitlines() if line] == _request_lines(
            guidance, holder, groups[holder.id][1], shown, root_url), holder.id


def test_planner_organisations_can_be_chosen_and_the_address_keeps_them(context, root_url,
                                                                          guidance):
    holders = [holder for holder, _ in planner_groups(guidance)]
    page = open_tool(context, root_url + PLANNER)
    page.locator("[data-organisation-choice] summary").click()
    for holder in holders[1:]:
        page.locator(f'input[name="organisation"][value="{holder.id}"]').uncheck()
    assert shown_entries(page) == expected_entries(guidance, None, organisations={holders[0].id})
    assert query(page) == f"organisations={holders[0].id}"
    expect(page.locator("[data-organisations-chosen]")).to_have_text(f"1 of {len(holders)}")
    again = open_tool(context, page.url)
    assert shown_entries(again) == shown_entries(page)


def test_planner_prints_one_request_alone(context, root_url, guidance):
    holder = planner_groups(guidance)[0][0]
    page = open_tool(context, root_url + PLANNER)
    page.evaluate("window.print = () => {}")  # the print dialog is the browser's
    page.get_by_role("button", name=f"Print this request to {holder.name}").click()
    page.emulate_media(media="print")
    visible = page.evaluate("""() => [...document.querySelectorAll('[data-holder]')]
      .filter(section => section.checkVisibility()).map(section => section.dataset.holder)""")
    assert visible == [holder.id]
    assert not page.locator(f'[data-holder="{holder.id}"] [data-notes]').is_visible()
    assert page.locator(f'[data-holder="{holder.id}"] [data-request-text]').is_visible()
    assert not page.locator("h1").is_visible()
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator("h1").is_visible()


def test_each_tool_copies_a_link_to_its_scenario(context, root_url, guidance):
    for url in (PLANNER + "?person=child", *CHECKLISTS):
        page = open_tool(context, root_url + url)
        page.get_by_role("button", name="Copy link to this scenario").click()
        expect(page.locator("[data-tool-status]")).to_have_text(re.compile("^Copied the link"))
        assert clipboard(page) == page.url


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
    # not, so the summary must tell them apart; never with an answer that goes only with another
    # item's, so no two answers contradict each other (tested on its own).
    for index, item in enumerate(checklist.items[::2]):
        wanted = index % 2 == 0
        answer = next((a for a in item.answers if a.needs_attention == wanted and not a.only_when),
                      None)
        if answer is None:
            continue
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


def test_checklist_points_out_answers_that_contradict_each_other(context, root_url, guidance):
    """An answer the data says goes only with some answers to another item (its `only_when`),
    given beside another answer there, is listed first in the summary, said in the status and
    copied; beside an answer it goes with, it is not."""
    for url, checklist_id in CHECKLISTS.items():
        checklist = find_checklist(guidance, checklist_id)
        conditional = [(item, answer) for item in checklist.items for answer in item.answers
                       if answer.only_when]
        if not conditional:
            continue
        item, answer = conditional[0]
        other = next(i for i in checklist.items if i.id == answer.only_when.item)
        clashing = next(a for a in other.answers if a.id not in answer.only_when.answers)
        fitting = next(a for a in other.answers if a.id in answer.only_when.answers)
        page = open_tool(context, root_url + url + f"?{other.id}={clashing.id}&{item.id}={answer.id}")
        words = (f'These answers contradict each other: "{answer.label}" to "{item.text}", but '
                 f'"{clashing.label}" to "{other.text}". Check both.')
        assert summary_items(page)[0] == words
        assert "contradict" in page.locator("[data-tool-status]").inner_text()
        assert f"- {words}" in copy_as_text(page)
        page = open_tool(context, root_url + url + f"?{other.id}={fitting.id}&{item.id}={answer.id}")
        assert not any("contradict" in entry for entry in summary_items(page))
        break
    else:
        pytest.fail("no checklist declares an answer that goes only with another's")


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


# On a phone --------------------------------------------------------------------------------------

_PHONE_LAYOUT = """() => {
  const box = element => element.getBoundingClientRect()
  const problems = []
  for (const option of document.querySelectorAll('[data-tool] .tool-option')) {
    if (!option.checkVisibility()) continue
    const input = box(option.querySelector('input')), label = box(option.querySelector('span'))
    if (input.width < 24 || input.height < 24)
      problems.push(`${option.textContent.trim()}: ${input.width}x${input.height} px`)
    if (label.left < input.right) problems.push(`${option.textContent.trim()}: label over its box`)
  }
  for (const legend of document.querySelectorAll('[data-tool] legend')) {
    if (!legend.checkVisibility()) continue
    const fieldset = box(legend.parentElement), words = box(legend)
    if (words.top < fieldset.top || words.left < fieldset.left || words.right > fieldset.right)
      problems.push(`${legend.textContent.trim()}: the question runs over its box`)
  }
  return problems
}"""


def test_on_a_phone_controls_are_big_enough_and_questions_stay_in_their_box(browser, root_url):
    """At 390 CSS px: every answer's box is at least 24 by 24 px and beside its label, not under
    it, each question wraps inside its box, and the planner's choices start on the first screen."""
    context = new_context(browser, root_url, viewport={"width": 390, "height": 844})
    try:
        problems = []
        for url in (PLANNER, *CHECKLISTS):
            page = open_tool(context, root_url + url)
            if url == PLANNER:  # its list of organisations, opened
                page.locator("[data-organisation-choice] summary").click()
            problems += [f"{url}: {problem}" for problem in page.evaluate(_PHONE_LAYOUT)]
        page = open_tool(context, root_url + PLANNER)
        top = page.evaluate("document.querySelector('[data-tool-choices] fieldset')"
                            ".getBoundingClientRect().top")
        assert top < 844, f"the planner's first choice starts at {top} px, below the first screen"
        assert not problems, "\n".join(problems)
    finally:
        context.close()


# Print, JavaScript off, privacy and accessibility in every state ---------------------------------

def test_print_shows_the_result_without_the_controls(context, root_url, guidance):
    page = open_tool(context, root_url + PLANNER + "?person=adult")
    page.emulate_media(media="print")
    assert not page.locator("[data-tool-choices]").is_visible()
    assert not page.get_by_role("button", name="Print all").is_visible()
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
    assert not page.get_by_role("button", name=PLANNER_COPY).is_visible()
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
        for link in holder.locator("li[data-category] a").all():
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
        for box in page.locator("[data-tool] input[type=checkbox]:visible").all()[::2]:
            box.uncheck()
        copy_as_text(page, PLANNER_COPY if url == PLANNER else "Copy as text")
        page.evaluate("window.print = () => {}")
        page.get_by_role("button", name="Print all" if url == PLANNER else "Print",
                         exact=True).click()
        if url == PLANNER:
            page.locator("[data-holder-actions] button").first.click()  # copy one request
            page.locator('[data-action="print-one"]').first.click()
        page.get_by_role("button", name="Copy link to this scenario").click()
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
            copy_as_text(page, PLANNER_COPY if state.startswith(PLANNER) else "Copy as text")
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
