"""The thinking tools' pages in the built site: made from the data, with every link resolving and
the data the scripts read matching the data files."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from guidance.load import load_guidance
from guidance.tool_data import planner_groups
from tests.support.html_tree import Element, parse
from tests.support.project import ROOT

TOOLS = {"tools/request-planner/": None, "tools/threshold-reflection/": "threshold-reflection",
         "tools/safety-plan-check/": "safety-plan-check"}


@pytest.fixture(scope="module")
def guidance():
    return load_guidance(ROOT / "docs")


def tool(site, url: str) -> Element:
    roots = [element for element in site.page(url).iter() if "data-tool" in element.attrs]
    assert len(roots) == 1, f"{url} should have one tool"
    return roots[0]


def resolves(site_dir: Path, page_url: str, href: str) -> bool:
    """Whether a relative link from a built page reaches a file, and the id it names."""
    target = urlsplit(urljoin("http://site/" + page_url, href))
    path = site_dir / unquote(target.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return False
    return not target.fragment or parse(path.read_text(encoding="utf-8")).find_id(
        target.fragment) is not None


@pytest.mark.parametrize("url", list(TOOLS))
def test_every_link_and_script_on_a_tool_page_resolves(site, url):
    root = tool(site, url)
    links = [element.attrs["href"] for element in root.iter("a")]
    scripts = [element.attrs["src"] for element in root.iter("script")]
    assert links and len(scripts) == 1
    assert scripts[0].endswith(".js") and 'type' in next(root.iter("script")).attrs
    broken = [href for href in links + scripts if not resolves(site.site, url, href)]
    assert not broken, f"{url} links to nothing at: {broken}"


def test_the_planner_lists_every_record_under_each_organisation(site, guidance):
    root = tool(site, "tools/request-planner/")
    listed = {(section.attrs["data-holder"], item.attrs.get("data-category"),
               next(item.iter("a")).attrs["href"].rsplit("#", 1)[1])
              for section in root.iter("section") for item in section.iter("li")}
    expected = {(holder.id, entry.category.id, entry.row.id)
                for holder, entries in planner_groups(guidance) for entry in entries}
    assert listed == expected
    assert len(expected) > guidance.row_count, "rows held jointly are listed under each holder"
    data = json.loads(root.attrs["data-tool-data"])
    assert data["people"] == {person.id: person.label for person in guidance.people}
    assert data["conditions"] == {c.id: list(c.applies_to) for c in guidance.conditions}
    assert list(data["categories"]) == [category.id for category in guidance.categories]
    text = root.text()
    for reminder in guidance.reminders:
        assert reminder.text in text


def test_the_planner_shows_each_record_s_system_and_condition(site, guidance):
    root = tool(site, "tools/request-planner/")
    police = next(section for section in root.iter("section")
                  if section.attrs["data-holder"] == "police")
    convictions = next(item for item in police.iter("li")
                       if item.attrs.get("data-category") == "previous-offending")
    assert "held on Police National Computer (PNC)" in convictions.text()
    youth = next(item for item in root.iter("li") if item.attrs.get("data-condition"))
    wording = guidance.condition(youth.attrs["data-condition"]).wording
    assert f"({wording})" in youth.text()


@pytest.mark.parametrize("url", [url for url, name in TOOLS.items() if name])
def test_a_checklist_page_is_a_form_made_from_its_data(site, guidance, url):
    checklist = guidance.checklist(TOOLS[url])
    root = tool(site, url)
    fieldsets = list(root.iter("fieldset"))
    assert [f.attrs["id"] for f in fieldsets] == [item.id for item in checklist.items]
    for fieldset, item in zip(fieldsets, checklist.items):
        assert next(fieldset.iter("legend")).text() == item.text
        radios = [i for i in fieldset.iter("input") if i.attrs.get("type") == "radio"]
        assert [r.attrs["value"] for r in radios] == [a.id for a in item.answers]
        assert {r.attrs["name"] for r in radios} == {item.id}
        assert item.attention in fieldset.text()
    headings = [h.attrs["id"] for h in root.iter("h2")]
    assert headings[:-1] == [group.id for group in checklist.groups]
    data = json.loads(root.attrs["data-tool-data"])
    assert [entry["id"] for entry in data["items"]] == [item.id for item in checklist.items]
    assert data["note"] == checklist.note
    for entry in data["items"]:
        assert resolves(site.site, url, entry["guidance"]), entry["guidance"]
    assert not [i for i in root.iter("input") if i.attrs.get("type") not in {"radio"}]
    assert not list(root.iter("textarea"))


def test_the_tools_are_in_the_navigation_and_say_nothing_is_kept(site):
    index = site.page("tools/").text()
    assert "Nothing you choose is stored on the computer or sent anywhere" in index
    for url in TOOLS:
        assert "Nothing you choose here is saved or sent." in tool(site, url).text()
        nav = [a.attrs.get("href") for a in site.page(url).with_class("md-nav__link")]
        assert nav, url
