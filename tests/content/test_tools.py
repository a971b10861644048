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


def test_the_planner_lists_every_record_under_each_organisation(tools, guidance):
    root = _planner(tools)
    listed = {(section.attrs["data-holder"], item.attrs.get("data-category"),
               next(item.iter("a")).attrs["href"].rsplit("#", 1)[1])
              for section in root.iter("section") for item in section.iter("li")}
    expected = {(holder, category.id, row.id) for category in guidance.categories
                for row in category.rows for holder in row.holders}
    assert listed == expected
    order = [section.attrs["data-holder"] for section in root.iter("section")]
    assert order == [holder.id for holder in guidance.holders
                     if holder.id in {entry[0] for entry in expected}], "the register's order"
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


def test_the_planner_shows_each_record_in_the_seed_s_words_with_its_condition(tools, guidance):
    """Who holds each record is the source table's own text, never put together from parts, so
    "in some cases", "where relevant" and "or" come through as the seed has them."""
    root = _planner(tools)
    conditions = {condition.id: condition for condition in guidance.conditions}
    rows = {(category.id, row.id): row for category in guidance.categories for row in category.rows}
    for section in root.iter("section"):
        holder = section.attrs["data-holder"]
        for item in section.iter("li"):
            row = rows[(item.attrs["data-category"],
                        next(item.iter("a")).attrs["href"].rsplit("#", 1)[1])]
            where = f"{holder}: {row.id}"
            assert item.text().endswith(f"Who holds it: {row.who_holds}"), where
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


def test_each_organisation_in_the_planner_has_its_route_and_basis(tools, guidance):
    """Each organisation the planner lists says how to ask it and on what basis it can share,
    from the partnership's routes and the register; what to send and record come from the
    sharing settings."""
    root = _planner(tools)
    holders = {holder.id: holder for holder in guidance.holders}
    for section in root.iter("section"):
        holder = holders[section.attrs["data-holder"]]
        parts = {p.attrs["data-request"]: p for p in section.iter("p") if "data-request" in p.attrs}
        route = guidance.route_for(holder.id)
        route_text = parts["route"].text()
        if route:
            assert one_line(words_only(route.how_to_ask)) in route_text, holder.id
            assert ("An example route" in route_text) == route.example, holder.id
        else:
            for procedure in guidance.partnership.local_procedures:
                assert procedure.title in route_text, holder.id
        basis = parts["basis"]
        if holder.sharing_basis:
            assert one_line(words_only(holder.sharing_basis)) in basis.text(), holder.id
        assert next(reversed(list(basis.iter("a")))).attrs["href"].endswith(
            f"organisations/{holder.id}/#on-what-basis-you-can-share"), holder.id
    lists = {ul.attrs["data-request"]: [li.text() for li in ul.iter("li")]
             for ul in root.iter("ul") if "data-request" in ul.attrs}
    assert lists == {"send": [item.send for item in guidance.sharing.request_contents],
                     "record": list(guidance.sharing.record_when_asking)}
