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


def _words(text: str) -> str:
    """A data text as a reader sees it on the page: its words, spaced once."""
    return " ".join(words_only(text).split())


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
            assert _words(text) in basis, url
            for link in links_in(text):  # each citation and page link, leading where the data says
                path, _, anchor = link.address.partition("#")
                built = path.removesuffix(".md").removesuffix("index") + "/"
                assert any(target == built.replace("//", "/") + "#" + anchor
                           for target in targets), (url, link.address, targets)
        if holder.sharing_basis:
            # Its own national basis first, then the one for every organisation.
            assert (basis.index(_words(holder.sharing_basis))
                    < basis.index(_words(guidance.sharing.general_basis))), (
                f"{url}: its own basis does not come before the general basis")
        ask, ask_links = _section(page, "how-to-ask-them")
        assert ask, f"{url}: no 'How to ask them'"
        assert _words(guidance.sharing.what_to_send) in ask, url
        route = guidance.route_for(holder.id)
        notice = "Your partnership has not yet set its own route"
        if route is not None and not route.example:  # the partnership's own route, as it is
            assert _words(route.how_to_ask) in ask, url
            assert notice not in ask, url
        else:  # none, or only a shipped example, never shown: the local procedures, each linked
            assert route is None or _words(route.how_to_ask) not in ask, url
            assert notice in ask and "docs/data" not in ask, url
            for procedure in guidance.partnership.local_procedures:
                assert procedure.title in ask, url
                assert procedure.url in ask_links, (url, procedure.url, ask_links)


def test_some_organisations_have_a_national_basis_and_a_route(guidance):
    """The data says something national where the sources do, and ships example routes."""
    assert any(holder.sharing_basis for holder in guidance.holders)
    assert guidance.local_routes


def test_every_national_basis_is_cited(guidance):
    """The national part of "On what basis you can share" (an organisation's own basis, and the
    general basis every page gives) cites at least one source on the References page."""
    references = {reference.id for reference in guidance.references}
    texts = {"the general basis in docs/data/sharing.yml": guidance.sharing.general_basis}
    texts |= {f"the sharing_basis of '{holder.id}' in docs/data/holders.yml": holder.sharing_basis
              for holder in guidance.holders if holder.sharing_basis}
    for where, text in texts.items():
        cited = [link.address.partition("#")[2] for link in links_in(text)
                 if link.address.partition("#")[0] == "references.md"]
        assert cited, f"{where} cites no reference"
        assert set(cited) <= references, f"{where} cites {sorted(set(cited) - references)}"
