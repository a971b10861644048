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


def _entries(site: BuildResult) -> dict[str, dict[str, str]]:
    """Each organisation's records in the planner: row id to the entry's text."""
    root = _tool(site, PLANNER)
    return {section.attrs["data-holder"]: {
        next(item.iter("a")).attrs["href"].rsplit("#", 1)[1]: item.text()
        for item in section.iter("li")} for section in root.iter("section")}


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


def test_each_record_says_who_holds_it_in_the_table_s_own_words(fixture_site):
    entries = _entries(fixture_site)
    assert entries["north-service"]["north-records"].endswith(
        ". Who holds it: North Service – held on the North Index (NIX)")
    assert entries["west-agency"]["ledger-entries"].endswith(
        ". Who holds it: West Agency – held on the West Ledger")


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


def test_each_organisation_in_the_planner_says_how_to_ask_and_on_what_basis(fixture_site):
    """Without JavaScript the planner is still a set of requests: each organisation says how to
    ask it (its local route, marked when it is an example, or the local procedures) and on what
    basis it can share, linked to its page; what to send and what to record follow once."""
    root = _tool(fixture_site, PLANNER)
    sections = {section.attrs["data-holder"]: section for section in root.iter("section")}
    parts = {holder: {p.attrs["data-request"]: p for p in section.iter("p")
                      if "data-request" in p.attrs} for holder, section in sections.items()}
    assert parts["north-service"]["route"].text() == (
        "How to ask them: Email the north office at north@example.org. (An example route: the "
        "Fixture Test Partnership replaces it with its own.)")
    assert parts["south-service"]["route"].text() == "How to ask them: Use the south request form."
    east = parts["east-team"]["route"]
    assert "local procedures" in east.text() and list(east.iter("a")), "no route: procedures"
    for holder, found in parts.items():
        more = [a.attrs["href"] for a in found["basis"].iter("a")]
        assert more[-1] == f"../../organisations/{holder}/#on-what-basis-you-can-share", holder
    every = root.find_id("with-every-request")
    assert every is not None
    lists = {ul.attrs["data-request"]: [li.text() for li in ul.iter("li")]
             for ul in root.iter("ul") if "data-request" in ul.attrs}
    assert lists == {"send": ["Every name used", "A reply-by date"],
                     "record": ["What you asked, and whom", "What came back"]}
    general = next(p for p in root.iter("p") if p.attrs.get("data-request") == "general-basis")
    assert general.text() == ("On what basis any organisation can share: A basis written for the "
                              "tests (handbook), explained in the notes.")


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
        box = next(child for child in root.children if isinstance(child, Element))
        assert "data-immediate-danger" in box.attrs, f"{url}: the route does not come first"
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
    """The caution is on the planner once, above the list, and again in the request to each
    organisation a request to which could reach the person of concern; an organisation's own
    first step in a live case comes before its route."""
    data = load_guidance(FIXTURE / "docs")
    root = _tool(fixture_site, PLANNER)
    assert len([div for div in root.iter("div") if "data-not-alerting" in div.attrs]) == 1
    for section in root.iter("section"):
        holder = data.holder(section.attrs["data-holder"])
        parts = [p.attrs["data-request"] for p in section.iter("p") if "data-request" in p.attrs]
        caution = next((p for p in section.iter("p") if p.attrs.get("data-request") == "caution"),
                       None)
        assert (caution is not None) == holder.may_alert_person, holder.id
        if caution is not None:
            assert _words(data.sharing.not_alerting) in caution.text()
        first = next((p for p in section.iter("p") if p.attrs.get("data-request") == "first"), None)
        assert (first is not None) == bool(holder.ask_first), holder.id
        if first is not None:
            assert _words(holder.ask_first) in first.text()
            assert parts.index("first") < parts.index("route"), parts
