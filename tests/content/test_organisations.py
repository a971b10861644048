"""Every organisation page says on what basis it can share and how to ask it: the national basis
from docs/data/holders.yml with its citations, and the partnership's own route from
docs/data/local-routes.yml (marked as an example while it is one). Read from the data."""

from __future__ import annotations

from guidance.data_text import links_in, words_only
from tests.support.site import resolve


def _section(page, heading_id: str) -> tuple[str, list[str]]:
    """The words and link targets of a page's h2 section, up to the next h2."""
    article = next(page.iter("article"))
    words, links, inside = [], [], False
    for element in article.children:
        if isinstance(element, str):
            continue
        if element.tag == "h2":
            if inside:
                break
            inside = element.attrs.get("id") == heading_id
            continue
        if inside:
            words.append(element.text())
            links += [link.attrs.get("href", "") for link in element.iter("a")]
    return " ".join(" ".join(words).split()), links


def test_every_organisation_page_says_on_what_basis_and_how_to_ask(site, guidance):
    for holder in guidance.holders:
        url = f"organisations/{holder.id}/"
        page = site.page(url)
        basis, basis_links = _section(page, "on-what-basis-you-can-share")
        assert basis, f"{url}: no 'On what basis you can share'"
        targets = [resolve(url, link)[0] + "#" + link.partition("#")[2] for link in basis_links]
        for text in (holder.sharing_basis, guidance.sharing.general_basis):
            if not text:
                continue
            assert " ".join(words_only(text).split()) in basis, url
            for link in links_in(text):  # each citation and page link, leading where the data says
                path, _, anchor = link.address.partition("#")
                built = path.removesuffix(".md").removesuffix("index") + "/"
                assert any(target == built.replace("//", "/") + "#" + anchor
                           for target in targets), (url, link.address, targets)
        ask, _ = _section(page, "how-to-ask-them")
        assert ask, f"{url}: no 'How to ask them'"
        assert " ".join(words_only(guidance.sharing.what_to_send).split()) in ask, url
        route = guidance.route_for(holder.id)
        if route is not None:
            assert " ".join(words_only(route.how_to_ask).split()) in ask, url
            assert ("This is an example." in ask) == route.example, url
        else:
            for procedure in guidance.partnership.local_procedures:
                assert procedure.title in ask, url


def test_some_organisations_have_a_national_basis_and_a_route(guidance):
    """The data says something national where the sources do, and ships example routes."""
    assert any(holder.sharing_basis for holder in guidance.holders)
    assert guidance.local_routes
