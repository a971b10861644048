"""The thinking tools' pages, built from the frozen test project: each tool is a complete form or
list without JavaScript, says that nothing is kept, and loads its script as a deferred classic
script (which runs from files too, where a module cannot). (The real
tools are checked against the real data in tests/content/test_tools.py.)"""

from __future__ import annotations

import json

from guidance.data_text import words_only
from guidance.load import load_guidance
from tests.support.html_tree import Element
from tests.support.project import FIXTURE, BuildResult
from tests.support.site import resolve

PLANNER = "tools/request-planner/"
CHECK = "tools/sample-check/"


def _tool(site: BuildResult, url: str) -> Element:
    roots = [element for element in site.page(url).iter() if "data-tool" in element.attrs]
    assert len(roots) == 1, f"{url} should have one tool"
    return roots[0]


def _entries(site: BuildResult) -> dict[str, dict[str, Element]]:
    """Each organisation's records in the planner: the row each links to, to its list item."""
    root = _tool(site, PLANNER)
    return {section.attrs["data-holder"]: {
        next(item.iter("a")).attrs["href"].rsplit("#", 1)[1]: item
        for item in section.iter("li") if item.attrs.get("data-category")}
        for section in root.iter("section")}


def _parts(section: Element) -> dict[str, Element]:
    """The parts of an organisation's request, by name (to, send-by, opening, basis...)."""
    return {element.attrs["data-part"]: element for element in section.iter()
            if "data-part" in element.attrs}


def _notes(section: Element) -> dict[str, str]:
    """The notes for the practitioner before an organisation's request, by kind."""
    return {item.attrs["data-note"]: item.text() for item in section.iter("li")
            if "data-note" in item.attrs}


def test_each_tool_says_nothing_is_kept_and_loads_its_script_deferred(fixture_site):
    for url in (PLANNER, CHECK):
        root = _tool(fixture_site, url)
        assert "Nothing you choose here is saved or sent." in root.text(), url
        scripts = list(root.iter("script"))
        assert len(scripts) == 1 and "defer" in scripts[0].attrs, url
        assert scripts[0].attrs.get("type", "text/javascript") == "text/javascript", url
        assert not list(root.iter("textarea")), url
        assert {i.attrs.get("type") for i in root.iter("input")} <= {"radio", "checkbox"}, url


def test_a_row_held_jointly_is_listed_under_each_organisation(fixture_site):
    entries = _entries(fixture_site)
    assert list(entries) == ["north-service", "south-service", "east-team", "west-agency"]
    assert "shared-notes" in entries["north-service"] and "shared-notes" in entries["south-service"]
    assert set(entries["east-team"]) == {"child-contact-notes", "team-visits"}


def test_a_record_in_two_tables_is_asked_for_once_and_shows_under_either(fixture_site):
    """West Agency's ledger entries are a row of two categories: one record to ask for, shown
    while either category is chosen."""
    data = load_guidance(FIXTURE / "docs")
    twice = [(category.id, row) for category in data.categories for row in category.rows
             if row.information == "Entries in the ledger"]
    assert len(twice) == 2, "the fixture lists the ledger entries in two categories"
    items = [item for item in _entries(fixture_site)["west-agency"].values()
             if item.text().startswith("Entries in the ledger")]
    assert len(items) == 1
    assert items[0].attrs["data-category"].split() == [category for category, _ in twice]


def test_each_record_is_asked_for_in_the_table_s_own_words(fixture_site):
    """The request names each record in the source table's words, with its condition; who holds
    it is the table's business, not the request's."""
    data = load_guidance(FIXTURE / "docs")
    rows = {row.id: row for category in data.categories for row in category.rows}
    for holder, items in _entries(fixture_site).items():
        for row_id, item in items.items():
            row = rows[row_id]
            condition = data.condition(row.relevant_if) if row.relevant_if else None
            wording = " ".join(part for part in [
                row.information, f"({condition.wording})" if condition else ""] if part)
            assert item.text().startswith(wording), (holder, row_id)
            assert "Who holds it" not in item.text() and row.who_holds not in item.text()


def test_a_record_for_some_people_only_says_so_and_carries_its_condition(fixture_site):
    root = _tool(fixture_site, PLANNER)
    item = next(item for item in root.iter("li") if item.attrs.get("data-condition"))
    assert item.attrs["data-condition"] == "child-only"
    assert "(only if the person of concern is a child)" in item.text()
    data = json.loads(root.attrs["data-tool-data"])
    assert data["conditions"] == {"child-only": {"applies": ["child"], "notKnown": []}}
    assert data["reminders"] == {"child-first": ["child"], "ask-each-office": []}


def test_a_checklist_item_with_its_own_answers_and_guidance(fixture_site):
    root = _tool(fixture_site, CHECK)
    three = root.find_id("item-three")
    assert [radio.attrs["value"] for radio in three.iter("input")] == ["agreed", "disputed"]
    two = root.find_id("item-two")
    assert "Read more:" in two.text(), "an item's own guidance link is shown with it"
    one = root.find_id("item-one")
    assert "Read more:" not in one.text(), "an item sharing its group's link does not repeat it"
    data = json.loads(root.attrs["data-tool-data"])
    assert [answer["needsAttention"] for answer in data["items"][0]["answers"]] == [False, True]
    agreed = next(a for a in data["items"][2]["answers"] if a["id"] == "agreed")
    assert agreed["onlyWhen"] == {"item": "item-one", "answers": ["done"]}, "declared in data"


def test_each_organisation_gets_a_request_it_can_be_sent_as_it_is(fixture_site):
    """Without JavaScript the planner is a set of requests. Each is addressed to the organisation,
    says how to send it (the partnership's own route; an example route, or none, is never sent:
    the notes say the partnership has not set one), names the records, leaves a line for each
    thing to complete, gives the basis as a sentence to send (the organisation's own first) and
    asks it not to alert the person. Notes for the practitioner come before it, never inside."""
    data = load_guidance(FIXTURE / "docs")
    sharing = data.sharing
    root = _tool(fixture_site, PLANNER)
    for section in root.iter("section"):
        holder = data.holder(section.attrs["data-holder"])
        route = data.route_for(holder.id)
        own = route is not None and not route.example
        parts, notes = _parts(section), _notes(section)
        request = next(e for e in section.iter("div") if "data-request-text" in e.attrs).text()
        assert ("route" in notes) == (not own), holder.id
        assert "docs/data" not in request and "example" not in request.lower(), holder.id
        assert "Record on the case file" not in request, holder.id
        if holder.ask_first:  # a live case goes to the strategy discussion: no letter
            assert _words(holder.ask_first) in notes["first"], holder.id
            assert "strategy discussion" in parts["heading"].text()
            assert not {"to", "send-by", "basis", "caution"} & set(parts), holder.id
            continue
        assert "first" not in notes
        assert parts["to"].text() == f"To: {holder.name}"
        if own:
            assert parts["send-by"].text() == f"How to send it: {_words(route.how_to_ask)}"
        else:
            assert holder.name in parts["send-by"].text()
            assert not list(parts["send-by"].iter("a")), "no route of the asker's own to follow"
        assert parts["opening"].text() == _words(sharing.request_opening)
        assert [li.text() for li in parts["to-complete"].iter("li")] == [
            item.to_complete for item in sharing.request_contents if item.to_complete]
        basis = " ".join(_words(text) for text in (holder.request_basis, sharing.request_basis)
                         if text)
        assert parts["basis"].text() == f"On what basis you can share: {basis}", holder.id
        assert parts["caution"].text() == _words(sharing.request_caution)
    every = root.find_id("with-every-request")
    assert every is not None
    lists = {ul.attrs["data-request"]: [li.text() for li in ul.iter("li")]
             for ul in root.iter("ul") if "data-request" in ul.attrs}
    assert lists == {"send": [item.send for item in sharing.request_contents],
                     "record": list(sharing.record_when_asking)}


def test_each_organisation_can_be_chosen_and_its_request_copied_or_printed(fixture_site):
    root = _tool(fixture_site, PLANNER)
    asked = [i.attrs["value"] for i in root.iter("input") if i.attrs.get("name") == "organisation"]
    sections = [section.attrs["data-holder"] for section in root.iter("section")]
    assert asked == sections
    for section in root.iter("section"):
        actions = {b.attrs["data-action"]: b for b in section.iter("button")}
        assert set(actions) == {"copy-one", "print-one"}
        name = section.find_id(f"ask-{section.attrs['data-holder']}").text()
        for button in actions.values():  # the visible words start the accessible name
            assert button.attrs["aria-label"].startswith(button.text())
            assert button.attrs["aria-label"].endswith(name)


def test_the_sharing_lists_fill_a_hand_written_page(fixture_site):
    page = fixture_site.page("sources/notes/")
    gives = [li.text() for li in page.iter("li") if li.text().startswith(("Every name", "A reply"))]
    assert gives == ["Every name used. Names, as the notes say.", "A reply-by date."]
    text = page.text()
    for line in ("What you asked, and whom", "What came back", "What you shared, and why"):
        assert line in text


def _words(text: str) -> str:
    return " ".join(words_only(text).split())


def test_each_tool_starts_with_the_immediate_danger_route_from_the_data(fixture_site):
    """999 first, then the partnership's own route, each number a tel: link, the example notice
    while the numbers are examples, and a link to the page of next steps; on every tool, before
    anything else, so it is on the screen, in print and (tests/browser) in what is copied."""
    route = load_guidance(FIXTURE / "docs").partnership.immediate_danger
    assert route.example, "the fixture's numbers are marked as examples"
    for url in (PLANNER, CHECK):
        root = _tool(fixture_site, url)
        children = [child for child in root.children if isinstance(child, Element)]
        box = next(child for child in children if "data-immediate-danger" in child.attrs)
        results = next(i for i, child in enumerate(children)
                       if child.tag in ("section", "form") and "data-tool-choices" not in child.attrs)
        assert children.index(box) < results, f"{url}: the route comes after results"
        steps = [item.text() for item in box.iter("li")]
        assert steps[0].startswith("Call 999"), steps
        assert route.front_door in steps[1] and route.out_of_hours in steps[1], steps
        phones = {link.attrs["href"] for link in box.iter("a") if link.attrs["href"].startswith("tel:")}
        assert phones == {"tel:" + route.phone.replace(" ", ""),
                          "tel:" + route.out_of_hours_phone.replace(" ", "")}, phones
        assert "These numbers are examples" in box.text(), box.text()
        next_steps = [resolve(url, link.attrs["href"])[0] for link in box.iter("a")]
        assert route.next_steps.removesuffix(".md") + "/" in next_steps, next_steps
        assert "data-search-exclude" in box.attrs


def test_the_planner_cautions_before_any_organisation_that_could_alert_the_person(fixture_site):
    """The caution is on the planner once, above the requests, and again in the notes before the
    request to each organisation a request to which could reach the person of concern."""
    data = load_guidance(FIXTURE / "docs")
    root = _tool(fixture_site, PLANNER)
    assert len([div for div in root.iter("div") if "data-not-alerting" in div.attrs]) == 1
    for section in root.iter("section"):
        holder = data.holder(section.attrs["data-holder"])
        notes = _notes(section)
        assert ("caution" in notes) == holder.may_alert_person, holder.id
        if holder.may_alert_person:
            assert _words(data.sharing.not_alerting) in notes["caution"]
