"""An organisation page's "On what basis you can share" and "How to ask them" follow the data:
an organisation's own national basis comes before the general one, with its citation linked; the
partnership's own route to it is shown; and where there is none, or only the shipped example,
readers are told so, in their words, and sent to the local procedures.

Checked on the frozen test project (tests/fixture/): as it is (its north service's route is an
example, its south service's is not, its east team has a basis of its own and no route), and on
one copy with its routes changed.
"""

from __future__ import annotations

import pytest

from guidance.data_text import links_in, words_only
from guidance.load import load_guidance
from tests.support.html_tree import Element
from tests.support.project import FIXTURE, BuildResult, FixtureProject
from tests.support.site import resolve

ROUTES = "docs/data/local-routes.yml"
BASIS = "on-what-basis-you-can-share"
ASK = "how-to-ask-them"
NOTICE = "Your partnership has not yet set its own route"


@pytest.fixture(scope="module")
def data():
    """The frozen test project's data, as the build reads it."""
    return load_guidance(FIXTURE / "docs")


@pytest.fixture(scope="module")
def changed_routes(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A copy whose south service has no route any more, and whose north service's route is no
    longer an example."""
    project = FixtureProject(tmp_path_factory.mktemp("routes"))
    text = project.read(ROUTES)
    start = text.index("  - organisation: south-service")
    end = text.find("\n  - ", start + 1)
    project.write(ROUTES, text[:start] + (text[end + 1:] if end != -1 else ""))
    project.edit(ROUTES, "example: true", "example: false")
    result = project.build()
    assert result.ok, result.log
    return result


def _words(text: str) -> str:
    return " ".join(words_only(text).split())


def _section(site: BuildResult, url: str, heading_id: str) -> list[Element]:
    """The elements of a page's h2 section, up to the next h2."""
    heading = site.page(url).find_id(heading_id)
    assert heading is not None and heading.tag == "h2", f"{url} has no h2 #{heading_id}"
    siblings = [child for child in heading.parent.children if isinstance(child, Element)]
    section = []
    for element in siblings[siblings.index(heading) + 1:]:
        if element.tag == "h2":
            break
        section.append(element)
    return section


def _caution(element: Element) -> bool:
    """Whether an element is the caution about not alerting the person of concern."""
    return "not-alerting" in element.attrs.get("class", "").split() or (
        "admonition" in element.attrs.get("class", "")
        and element.text().startswith("Before anyone approaches the person of concern"))


def _paragraphs(site: BuildResult, url: str, heading_id: str) -> list[str]:
    """The section's paragraphs, leaving out the caution about not alerting the person."""
    return [element.text() for element in _section(site, url, heading_id) if not _caution(element)]


def _links(site: BuildResult, url: str, heading_id: str) -> list[tuple[str, str, str]]:
    """Each link in the section: its words, and the site path and fragment it leads to."""
    return [(link.text(), *resolve(url, link.attrs.get("href", "")))
            for element in _section(site, url, heading_id) for link in element.iter("a")]


def _procedure_links(data) -> list[tuple[str, str]]:
    return [(procedure.title, procedure.url) for procedure in data.partnership.local_procedures]


def _asked_through_procedures(site: BuildResult, url: str, data) -> bool:
    """Whether the page sends the reader to the partnership's local procedures, each linked."""
    links = [(link.text(), link.attrs.get("href")) for element in _section(site, url, ASK)
             for link in element.iter("a")]
    return all(procedure in links for procedure in _procedure_links(data))


def test_an_example_route_is_never_shown_to_readers(fixture_site, data):
    """A shipped example is for the partnership to replace, not for a practitioner to follow: the
    page says the partnership has not set its route yet and sends the reader to the procedures,
    in a reader's words (the instruction to adopters is in the editing guide)."""
    route = data.route_for("north-service")
    assert route is not None and route.example, "the fixture's north service has an example route"
    url = "organisations/north-service/"
    paragraphs = _paragraphs(fixture_site, url, ASK)
    assert _words(route.how_to_ask) not in " ".join(paragraphs), paragraphs
    notice = next((text for text in paragraphs if text.startswith(NOTICE)), None)
    assert notice is not None, f"{url}: no notice in {paragraphs}"
    assert ROUTES not in " ".join(paragraphs) and "replaces" not in notice, notice
    assert _asked_through_procedures(fixture_site, url, data)


def test_a_route_that_is_not_an_example_is_shown_as_it_is(fixture_site, data):
    route = data.route_for("south-service")
    assert route is not None and not route.example
    url = "organisations/south-service/"
    paragraphs = _paragraphs(fixture_site, url, ASK)
    assert paragraphs[0] == _words(route.how_to_ask), paragraphs
    assert not any(NOTICE in text for text in paragraphs), paragraphs
    assert not _asked_through_procedures(fixture_site, url, data)


def test_an_organisation_with_no_route_is_asked_through_the_local_procedures(fixture_site,
                                                                              data):
    """The page says the partnership has not set a route, and links the local procedures."""
    routed = {route.organisation for route in data.local_routes}
    unrouted = [holder.id for holder in data.holders if holder.id not in routed]
    assert unrouted, "the fixture has an organisation with no route"
    for holder in unrouted:
        url = f"organisations/{holder}/"
        assert _asked_through_procedures(fixture_site, url, data), _paragraphs(
            fixture_site, url, ASK)
        paragraphs = _paragraphs(fixture_site, url, ASK)
        if data.holder(holder).ask_first:  # a first step in a live case comes before the route
            assert paragraphs.pop(0) == _words(data.holder(holder).ask_first), paragraphs
        assert paragraphs[0].startswith(NOTICE), paragraphs
        for route in data.local_routes:
            assert _words(route.how_to_ask) not in " ".join(paragraphs), (url, route.organisation)


def test_every_organisation_page_ends_how_to_ask_with_what_to_send(fixture_site, data):
    for holder in data.holders:
        url = f"organisations/{holder.id}/"
        assert _paragraphs(fixture_site, url, ASK)[-1] == _words(data.sharing.what_to_send), url


def test_removing_an_organisations_route_makes_its_page_fall_back_to_the_local_procedures(
        fixture_site, changed_routes, data):
    url = "organisations/south-service/"
    route = _words(data.route_for("south-service").how_to_ask)
    assert route in " ".join(_paragraphs(fixture_site, url, ASK)), "shown before the change"
    assert _asked_through_procedures(changed_routes, url, data)
    assert route not in " ".join(_paragraphs(changed_routes, url, ASK))


def test_a_route_no_longer_marked_as_an_example_loses_its_notice(changed_routes, data):
    url = "organisations/north-service/"
    paragraphs = _paragraphs(changed_routes, url, ASK)
    assert paragraphs[0] == _words(data.route_for("north-service").how_to_ask), paragraphs
    assert not any(NOTICE in text for text in paragraphs), paragraphs


def test_an_organisations_own_basis_comes_first_with_its_citation_linked(fixture_site, data):
    holder = data.holder("east-team")
    assert holder.sharing_basis, "the fixture's east team has a national basis of its own"
    url = f"organisations/{holder.id}/"
    paragraphs = _paragraphs(fixture_site, url, BASIS)
    general = _words(data.sharing.general_basis)
    assert paragraphs[0] == _words(holder.sharing_basis), paragraphs
    assert " ".join(paragraphs[1:]) == general, paragraphs
    links = _links(fixture_site, url, BASIS)
    references = fixture_site.page("references/")
    cited = [link for link in links_in(holder.sharing_basis)
             if link.address.startswith("references.md#")]
    assert cited, "the fixture's own basis cites a reference"
    for link in cited:
        anchor = link.address.partition("#")[2]
        assert any(target == "references/" and fragment == anchor
                   for _, target, fragment in links), (anchor, links)
        assert references.find_id(anchor) is not None, anchor


def test_an_organisation_with_no_basis_of_its_own_gives_only_the_general_basis(fixture_site,
                                                                                data):
    general = _words(data.sharing.general_basis)
    without = [holder for holder in data.holders if not holder.sharing_basis]
    assert without, "the fixture has an organisation with no basis of its own"
    for holder in without:
        url = f"organisations/{holder.id}/"
        assert " ".join(_paragraphs(fixture_site, url, BASIS)) == general, url


def test_an_organisation_s_first_step_in_a_live_case_comes_before_its_route(fixture_site, data):
    first = [holder for holder in data.holders if holder.ask_first]
    assert first, "the fixture has an organisation with a first step"
    for holder in first:
        paragraphs = _paragraphs(fixture_site, f"organisations/{holder.id}/", ASK)
        assert paragraphs[0] == _words(holder.ask_first), paragraphs


def test_an_organisation_a_request_to_which_could_reach_the_person_says_so_first(fixture_site,
                                                                                 data):
    """Only an organisation marked `may_alert_person` shows the caution, first under "How to ask
    them", in the words of `not_alerting`, with its links working."""
    marked = [holder.id for holder in data.holders if holder.may_alert_person]
    assert marked and len(marked) < len(data.holders), "the fixture marks some organisations"
    for holder in data.holders:
        url = f"organisations/{holder.id}/"
        section = _section(fixture_site, url, ASK)
        cautions = [element for element in section if _caution(element)]
        if holder.id not in marked:
            assert not cautions, url
            continue
        assert cautions and section.index(cautions[0]) == 0, f"{url}: no caution first"
        assert _words(data.sharing.not_alerting) in cautions[0].text(), cautions[0].text()
        for link in cautions[0].iter("a"):
            path, fragment = resolve(url, link.attrs["href"])
            target = fixture_site.page(path)
            assert not fragment or target.find_id(fragment) is not None, (url, link.attrs["href"])


def test_a_category_page_listing_such_an_organisation_shows_the_caution(fixture_site, data):
    """A category page shows the caution where one of its rows is held by an organisation a
    request to which could reach the person of concern, and only there."""
    marked = {holder.id for holder in data.holders if holder.may_alert_person}
    shown = {}
    for category in data.categories:
        page = fixture_site.page(f"sources/{category.id}/")
        shown[category.id] = any(_caution(element) for element in page.iter("div"))
        expected = any(set(row.holders) & marked for row in category.rows)
        assert shown[category.id] == expected, category.id
    assert any(shown.values()) and not all(shown.values()), shown
