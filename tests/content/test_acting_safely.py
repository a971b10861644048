"""The real site acts safely: the immediate-danger route (from the partnership's data) is on the
home page, on every tool and on every page about sharing, the law and acting safely; and every
page that sends its reader to an organisation a request to which could reach the person of
concern (`may_alert_person` in the register) shows the caution about not alerting them, in the
words of `not_alerting`.

What to expect is read from the data and the built pages, never written into the test: which
organisations are marked, which pages link to them, which pages hold a tool.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guidance.data_text import words_only
from guidance.kinds import one_line
from tests.support.html_tree import Element, parse
from tests.support.project import CONTENT_ROOT, BuildResult
from tests.support.site import page_url, resolve

# Folders whose every page acts on a concern, so shows the route (with the home page).
ROUTE_FOLDERS = ("acting-safely", "sharing")


def _boxes(article: Element, marker: str) -> list[Element]:
    return [element for element in article.iter("div") if marker in element.attrs]


def _hand_written(folder: str) -> list[str]:
    """The address of each hand-written page in a folder under docs/."""
    return [f"{folder}/" if path.stem == "index" else f"{folder}/{path.stem}/"
            for path in sorted((CONTENT_ROOT / "docs" / folder).glob("*.md"))]


@pytest.fixture(scope="module")
def articles(site) -> dict[str, Element]:
    """Every built page's article, by its address."""
    found = {}
    for path in site.html_files():
        article = next(parse(path.read_text(encoding="utf-8")).iter("article"), None)
        if path.name == "index.html" and article is not None:
            found[page_url(site, path)] = article
    return found


def _route_words(guidance) -> list[str]:
    route = guidance.partnership.immediate_danger
    return ["999", route.front_door, route.phone, route.out_of_hours, route.out_of_hours_phone]


def test_the_route_is_on_the_home_page_every_tool_and_every_page_that_acts_on_a_concern(
        articles, guidance):
    tools = [address for address, article in articles.items()
             if any("data-tool" in element.attrs for element in article.iter())]
    assert tools, "no page holds a tool"
    wanted = ["", *tools, *(address for folder in ROUTE_FOLDERS
                            for address in _hand_written(folder))]
    for address in wanted:
        boxes = _boxes(articles[address], "data-immediate-danger")
        assert boxes, f"/{address} does not show the immediate-danger route"
        text = " ".join(boxes[0].text().split())
        for words in _route_words(guidance):
            assert words in text, (address, words)
        assert ("examples" in text) == guidance.partnership.immediate_danger.example, address


def test_the_route_s_numbers_are_only_in_the_route(articles, guidance):
    """No page writes a phone number of its own: the numbers come from the data, in the route."""
    route = guidance.partnership.immediate_danger
    for address, article in articles.items():
        text = " ".join(article.text().split())
        inside = " ".join(" ".join(box.text().split())
                          for box in _boxes(article, "data-immediate-danger"))
        for number in (route.phone, route.out_of_hours_phone):
            assert text.count(number) == inside.count(number), (address, number)
        others = re.findall(r"(?<![\w/.-])0\d{2,4} ?\d{3} ?\d{3,4}(?![\w/-])", text)
        assert set(others) <= {route.phone, route.out_of_hours_phone}, (address, others)


def test_every_page_that_sends_its_reader_to_such_an_organisation_shows_the_caution(
        articles, guidance):
    marked = {holder.id for holder in guidance.holders if holder.may_alert_person}
    assert marked, "no organisation is marked may_alert_person"
    caution = one_line(words_only(guidance.sharing.not_alerting))
    linking = []
    for address, article in articles.items():
        targets = {resolve(address, link.attrs.get("href", ""))[0]
                   for link in article.iter("a")}
        if not {f"organisations/{holder}/" for holder in marked} & targets:
            continue
        if address.startswith(("organisations/", "glossary/", "references/", "changes/",
                               "review-status/")) and address.removeprefix(
                "organisations/").rstrip("/") not in marked:
            continue  # lists of organisations, terms or changes, not advice to ask them
        linking.append(address)
        boxes = _boxes(article, "data-not-alerting")
        assert boxes, f"/{address} sends its reader to such an organisation without the caution"
        assert caution in " ".join(boxes[0].text().split()), address
    assert linking, "no page sends its reader to an organisation marked may_alert_person"
    for holder in marked:
        assert f"organisations/{holder}/" in linking, holder


def test_the_planner_cautions_each_request_that_could_reach_the_person(articles, guidance):
    planners = [article for article in articles.values()
                for element in article.iter() if element.attrs.get("data-tool") ==
                "request-planner"]
    assert planners
    for section in planners[0].iter("section"):
        holder = guidance.holder(section.attrs["data-holder"])
        cautions = [item for item in section.iter("li") if item.attrs.get("data-note") == "caution"]
        assert bool(cautions) == holder.may_alert_person, holder.id
