"""The real thinking tools' pages: made from the data, with every link resolving and the data the
scripts read matching the data files. Which pages hold which tool is read from the built site."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from guidance.data_text import links_in, words_only
from guidance.kinds import one_line
from tests.support.html_tree import Element, parse
from tests.support.project import BuildResult
from tests.support.site import page_url


def _tools(site: BuildResult) -> dict[str, list[tuple[str, Element]]]:
    """Every tool on the built site by kind (``request-planner``, or a checklist's id), with the
    page it is on."""
    found: dict[str, list[tuple[str, Element]]] = {}
    for path in site.html_files():
        for root in parse(path.read_text(encoding="utf-8")).iter():
            if "data-tool" in root.attrs:
                kind = root.attrs["data-tool"]
                if kind == "checklist":
                    kind = json.loads(root.attrs["data-tool-data"])["id"]
                found.setdefault(kind, []).append((page_url(site, path), root))
    return found


@pytest.fixture(scope="module")
def tools(site) -> dict[str, list[tuple[str, Element]]]:
    return _tools(site)


def _planner(tools) -> Element:
    assert "request-planner" in tools, "no page shows the request planner"
    return tools["request-planner"][0][1]


def resolves(site_dir: Path, url: str, href: str) -> bool:
    """Whether a relative link from a built page reaches a file, and the id it names."""
    target = urlsplit(urljoin("http://site/" + url, href))
    path = site_dir / unquote(target.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return False
    return not target.fragment or parse(path.read_text(encoding="utf-8")).find_id(
        target.fragment) is not None


def test_each_checklist_is_on_one_page(tools, guidance):
    for checklist in guidance.checklists:
        assert len(tools.get(checklist.id, [])) == 1, f"{checklist.id} should be on one page"
    assert set(tools) <= {"request-planner"} | {c.id for c in guidance.checklists}


def test_every_link_and_script_on_a_tool_page_resolves(site, tools, guidance):
    """Every link within the site reaches its page and section; a link to another site is one
    the data gives (the partnership's procedures and immediate-danger route, or a web address
    written in a text field)."""
    given = {procedure.url for procedure in guidance.partnership.local_procedures}
    given |= {link.address for route in guidance.local_routes
              for link in links_in(route.how_to_ask)}
    given |= {link.address for holder in guidance.holders for link in links_in(holder.sharing_basis)}
    given |= {link.address for holder in guidance.holders for link in links_in(holder.ask_first)}
    route = guidance.partnership.immediate_danger  # its numbers, and its page on referrals
    given |= {"tel:" + number.replace(" ", "") for number in (route.phone, route.out_of_hours_phone)}
    given |= {route.referral_page} if route.referral_page else set()
    for url, root in [entry for entries in tools.values() for entry in entries]:
        links = [element.attrs["href"] for element in root.iter("a")]
        scripts = [element.attrs["src"] for element in root.iter("script")]
        assert links and len(scripts) == 1, url
        outside = [href for href in links if urlsplit(href).scheme]
        assert set(outside) <= given, f"{url} links to {set(outside) - given}"
        broken = [href for href in links + scripts
                  if href not in outside and not resolves(site.site, url, href)]
        assert not broken, f"{url} links to nothing at: {broken}"


def _records_by_holder(guidance) -> dict[str, dict[tuple, list]]:
    """What each organisation should be asked for, from the data: each record once, by its words
    and condition, with every (category, row) that lists it, in the tables' order."""
    found: dict[str, dict[tuple, list]] = {}
    for category in guidance.categories:
        for row in category.rows:
            for holder in row.holders:
                found.setdefault(holder, {}).setdefault(
                    (row.information, row.relevant_if), []).append((category.id, row.id))
    return found


def _entries(section):
    return [item for item in section.iter("li") if item.attrs.get("data-category")]


def test_the_planner_asks_each_organisation_for_each_of_its_records_once(tools, guidance):
    root = _planner(tools)
    expected = _records_by_holder(guidance)
    for section in root.iter("section"):
        holder = section.attrs["data-holder"]
        listed = [(item.attrs["data-category"].split(),
                   next(item.iter("a")).attrs["href"].rsplit("#", 1)[1])
                  for item in _entries(section)]
        wanted = [([category for category, _ in places], places[0][1])
                  for places in expected[holder].values()]
        assert sorted(listed) == sorted(wanted), holder
    order = [section.attrs["data-holder"] for section in root.iter("section")]
    assert order == [holder.id for holder in guidance.holders if holder.id in expected], \
        "the register's order"
    data = json.loads(root.attrs["data-tool-data"])
    assert data["people"] == {person.id: person.label for person in guidance.people}
    assert data["conditions"] == {c.id: {"applies": list(c.applies_to),
                                         "notKnown": list(c.not_known_for)}
                                  for c in guidance.conditions}
    assert list(data["categories"]) == [category.id for category in guidance.categories]
    assert data["reminders"] == {r.id: list(r.applies_to) for r in guidance.reminders}
    text = root.text()
    for reminder in guidance.reminders:
        assert reminder.text in text


def test_the_planner_names_each_record_in_the_seed_s_words_with_its_condition(tools, guidance):
    """Each record is asked for in the source table's own words, with its condition, and nothing
    of who holds it: that is the table's, not the request's."""
    root = _planner(tools)
    conditions = {condition.id: condition for condition in guidance.conditions}
    rows = {row.id: row for category in guidance.categories for row in category.rows}
    for section in root.iter("section"):
        holder = section.attrs["data-holder"]
        for item in _entries(section):
            row = rows[next(item.iter("a")).attrs["href"].rsplit("#", 1)[1]]
            where = f"{holder}: {row.id}"
            assert item.text().startswith(row.information), where
            assert "Who holds it" not in item.text(), where
            assert item.attrs.get("data-condition", "") == (row.relevant_if or ""), where
            if row.relevant_if:
                condition = conditions[row.relevant_if]
                assert f"({condition.wording})" in item.text(), where
                if condition.ask:
                    asked = [em for em in item.iter("em") if "data-condition-ask" in em.attrs]
                    assert [em.text().strip() for em in asked] == [f"({condition.ask})"], where


def test_each_checklist_page_is_a_form_made_from_its_data(site, tools, guidance):
    for checklist in guidance.checklists:
        url, root = tools[checklist.id][0]
        items = [item for group in checklist.groups for item in group.items]
        fieldsets = list(root.iter("fieldset"))
        assert [f.attrs["id"] for f in fieldsets] == [item.id for item in items]
        for fieldset, item in zip(fieldsets, items):
            assert next(fieldset.iter("legend")).text() == item.text
            radios = [i for i in fieldset.iter("input") if i.attrs.get("type") == "radio"]
            assert [r.attrs["value"] for r in radios] == [a.id for a in item.answers]
            assert {r.attrs["name"] for r in radios} == {item.id}
            assert item.attention in fieldset.text()
        headings = [h.attrs["id"] for h in root.iter("h2")]
        assert headings[:-1] == [group.id for group in checklist.groups]
        data = json.loads(root.attrs["data-tool-data"])
        assert [entry["id"] for entry in data["items"]] == [item.id for item in items]
        assert data["note"] == checklist.note
        for entry in data["items"]:
            assert resolves(site.site, url, entry["guidance"]), entry["guidance"]
        assert not [i for i in root.iter("input") if i.attrs.get("type") not in {"radio"}]
        assert not list(root.iter("textarea"))


def test_the_tools_are_in_the_navigation(site, tools):
    for url, _ in [entry for entries in tools.values() for entry in entries]:
        nav = [a.attrs.get("href") for a in site.page(url).with_class("md-nav__link")]
        assert nav, url


def test_each_organisation_s_request_is_made_from_the_data(tools, guidance):
    """Each organisation's request says how to send it (the partnership's own route, never an
    example or a referral route), gives the basis as a sentence to send (its own first) and asks
    it not to alert the person; an organisation with a first step in a live case is asked at the
    strategy discussion instead. Notes for the practitioner, never inside the request, carry the
    caution where a request could reach the person, and the missing route."""
    root = _planner(tools)
    sharing = guidance.sharing
    for section in root.iter("section"):
        holder = guidance.holder(section.attrs["data-holder"])
        parts = {e.attrs["data-part"]: e.text() for e in section.iter() if "data-part" in e.attrs}
        notes = {e.attrs["data-note"]: e.text() for e in section.iter() if "data-note" in e.attrs}
        request = next(e for e in section.iter("div") if "data-request-text" in e.attrs).text()
        for internal in ("Who holds it", "Record on the case file", "example", "docs/data",
                         "Notes for you"):
            assert internal not in request, (holder.id, internal)
        assert ("caution" in notes) == holder.may_alert_person, holder.id
        route = guidance.route_for(holder.id)
        own = route is not None and not route.example
        assert ("route" in notes) == (not own), holder.id
        if holder.ask_first:
            assert one_line(words_only(holder.ask_first)) in notes["first"], holder.id
            assert "basis" not in parts and "to" not in parts, holder.id
            continue
        if own:
            assert one_line(words_only(route.how_to_ask)) in parts["send-by"], holder.id
        for procedure in guidance.partnership.local_procedures:
            assert procedure.title not in parts["send-by"], holder.id
        basis = " ".join(one_line(words_only(text))
                         for text in (holder.request_basis, sharing.request_basis) if text)
        assert parts["basis"] == f"On what basis you can share: {basis}", holder.id
        assert parts["caution"] == one_line(sharing.request_caution), holder.id
    lists = {ul.attrs["data-request"]: [li.text() for li in ul.iter("li")]
             for ul in root.iter("ul") if "data-request" in ul.attrs}
    assert lists == {"send": [item.send for item in sharing.request_contents],
                     "record": list(sharing.record_when_asking)}
