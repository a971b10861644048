"""The real list of published links (docs/data/published-links.txt): every address on it leads
to a page and section of the built site, directly or through a redirect in
docs/data/redirects.yml, and it covers the rows of every category it publishes."""

from __future__ import annotations

import yaml

from tests.support.project import CONTENT_ROOT
from tests.support.site import Pages

LIST = CONTENT_ROOT / "docs/data/published-links.txt"
REDIRECTS = CONTENT_ROOT / "docs/data/redirects.yml"


def _published() -> list[str]:
    return [line.strip() for line in LIST.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith("/")]


def _redirects() -> dict[str, str]:
    data = yaml.safe_load(REDIRECTS.read_text(encoding="utf-8")) or {}
    return {entry["from"]: entry["to"] for entry in data.get("redirects") or []}


def test_every_published_link_resolves(site):
    pages = Pages(site)
    redirects = _redirects()

    def leads_somewhere(link: str) -> bool:
        path, _, anchor = link.lstrip("/").partition("#")
        file = pages.file_for(path)
        if file.is_file() and (not anchor or anchor in pages.ids(file)):
            return True
        page = "/" + path
        if link in redirects:
            return leads_somewhere(redirects[link])
        if page in redirects and anchor:  # a moved page that kept its sections
            target = redirects[page].partition("#")[0]
            return leads_somewhere(f"{target}#{anchor}")
        return False

    published = _published()
    assert published, "the list of published links is empty"
    broken = [link for link in published if not leads_somewhere(link)]
    assert not broken, "published links that lead nowhere:\n" + "\n".join(broken)
    for old, new in redirects.items():
        assert leads_somewhere(new), f"the redirect from {old} leads nowhere ({new})"


def test_the_list_has_the_rows_of_each_published_category(guidance):
    """Rows added since the last release wait for the next one (``make published-links``), so a
    policy lead's new row or category does not fail the checks; the build checks the rest."""
    listed = set(_published())
    published = {}
    for category in guidance.categories:
        page = f"/sources/{category.id}/"
        if page in listed:
            published[page] = {f"{page}#{row.id}" for row in category.rows} & listed
    assert published, "no category page is published"
    assert all(published.values()), [page for page, rows in published.items() if not rows]
