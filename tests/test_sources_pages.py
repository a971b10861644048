"""The built information-sources pages: faithful to the seed, cross-linked, and complete."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urljoin, urlsplit

import yaml

from tests.support.html_tree import Element, parse
from tests.support.project import ROOT, BuildResult
from tests.support.seed import comparable, seed_tables

BASE = "http://site.test/"


def _resolve(page_url: str, href: str) -> tuple[str, str]:
    """The site path and fragment a link on ``page_url`` points to."""
    target = urlsplit(urljoin(BASE + page_url, href))
    return target.path.lstrip("/"), target.fragment


def _category_urls(site: BuildResult) -> list[str]:
    overview = site.page("sources/")
    table = overview.find_id("previous-offending").ancestors()
    table = next(element for element in table if element.tag == "table")
    return [_resolve("sources/", link.attrs["href"])[0] for link in table.iter("a")]


def _rows(page: Element) -> list[tuple[Element, Element]]:
    """Each data row of the page's tables as (first cell, second cell)."""
    rows = []
    for row in page.iter("tr"):
        cells = list(row.iter("td"))
        if len(cells) >= 2:
            rows.append((cells[0], cells[1]))
    return rows


def test_every_seed_row_is_in_its_category_page_with_its_holders(site, sources_seed):
    """Every row of the seed keeps its wording; policy leads may add rows and categories."""
    tables = seed_tables(sources_seed)
    assert len(tables) == 7 and sum(len(table.rows) for table in tables) == 44
    pages = {comparable(next(site.page(url).iter("h1")).text()): url
             for url in _category_urls(site)}
    for table in tables:
        url = pages.get(comparable(table.title))
        assert url, f"no category page is titled '{table.title}'"
        rows = [(comparable(first.text()), comparable(_seed_wording(second)))
                for first, second in _rows(site.page(url))]
        for information, who_holds in table.rows:
            row = (comparable(information), comparable(who_holds))
            assert row in rows, f"{url}: no row says exactly '{information}' / '{who_holds}'"


def _seed_wording(cell: Element) -> str:
    """The cell's text without the organisation links the site adds below the seed's words."""
    links = " ".join(span.text() for span in cell.with_class("holder-links"))
    return cell.text().removesuffix(links)


def test_every_category_page_has_exactly_its_data_file_rows_in_order(site):
    """The data files are the source of truth: nothing in them is lost or reordered on the page."""
    files = {path.stem: path for path in (ROOT / "docs" / "sources").glob("*.yml")}
    urls = _category_urls(site)
    assert sorted(url.split("/")[-2] for url in urls) == sorted(files)
    for url in urls:
        data = yaml.safe_load(files[url.split("/")[-2]].read_text(encoding="utf-8"))
        page_ids = [first.attrs.get("id") for first, _ in _rows(site.page(url))]
        assert page_ids == [row["id"] for row in data["rows"]], url


def test_every_row_has_a_stable_anchor_and_a_link_to_itself(site):
    for url in _category_urls(site):
        for first, _ in _rows(site.page(url)):
            row_id = first.attrs.get("id")
            assert row_id, f"{url}: a row has no anchor: {first.text()}"
            links = [link.attrs["href"] for link in first.with_class("row-link")]
            assert links == [f"#{row_id}"], f"{url}#{row_id}: no link to the row itself"


def test_holder_pages_list_exactly_the_rows_that_name_them(site):
    named_by_rows: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for url in _category_urls(site):
        for first, second in _rows(site.page(url)):
            holder_links = [link for span in second.with_class("holder-links")
                            for link in span.iter("a")]
            assert holder_links, f"{url}#{first.attrs['id']}: the row names no organisation"
            for link in holder_links:
                named_by_rows[_resolve(url, link.attrs["href"])[0]].add((url, first.attrs["id"]))

    index = site.page("organisations/")
    holder_urls = {_resolve("organisations/", link.attrs["href"])[0]
                   for row in index.iter("tr") for link in row.iter("a")}
    assert set(named_by_rows) <= holder_urls, "a row links to an organisation missing from the list"
    for holder_url in holder_urls:
        page = site.page(holder_url)
        listed = {_resolve(holder_url, first.iter("a").__next__().attrs["href"])
                  for first, _ in _rows(page)}
        assert listed == named_by_rows[holder_url], f"{holder_url} lists the wrong rows"


def test_overview_gives_every_category_with_its_row_count(site):
    overview = site.page("sources/")
    total = 0
    for url in _category_urls(site):
        category_id = url.split("/")[-2]
        count = int(list(overview.find_id(category_id).parent.iter("td"))[1].text())
        assert count == len(_rows(site.page(url))), f"{url}: the overview's count is wrong"
        total += count
    assert f"All categories {total}" in overview.text()
    text = overview.text()
    for framing in ("If you are the social worker leading the assessment",
                    "If you work in another organisation", "the nature of the relationship",
                    "the level and pattern of concern", "early help"):
        assert framing in text


def _nav_links(site: BuildResult, url: str) -> set[str]:
    """The pages the primary navigation links to, as seen on the page at ``url``. Material prunes
    collapsed sections, so a section's pages are listed on the pages inside it."""
    return {_resolve(url, link.attrs["href"])[0]
            for nav in site.page(url).with_class("md-nav--primary") for link in nav.iter("a")}


def test_navigation_lists_every_category_and_organisation(site):
    categories = _category_urls(site)
    for url in categories:
        assert set(categories) <= _nav_links(site, url), f"{url}: a category is not in the nav"
    index = site.page("organisations/")
    holders = {_resolve("organisations/", link.attrs["href"])[0]
               for row in index.iter("tr") for link in row.iter("a")}
    assert holders <= _nav_links(site, "organisations/")
    home = _nav_links(site, "")
    assert {"sources/", "organisations/", "glossary/"} <= home


def test_every_internal_link_and_anchor_resolves(site):
    # The 404 page links from the site's root path, since it is served at any address.
    site_path = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]).path
    broken = []
    for path in site.html_files():
        page_url = path.relative_to(site.site).as_posix().removesuffix("index.html")
        page = parse(path.read_text(encoding="utf-8"))
        for element in page.iter():
            href = element.attrs.get("href") or element.attrs.get("src")
            if not href or element.tag not in {"a", "link", "script", "img"}:
                continue
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            if href.startswith(site_path):
                href = "/" + href.removeprefix(site_path)
            target_path, fragment = _resolve(page_url, href)
            target = site.site / target_path
            if target.is_dir() or not target_path or target_path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page_url}: {href} (no such file)")
            elif fragment and element.tag == "a" and target.suffix == ".html":
                if parse(target.read_text(encoding="utf-8")).find_id(fragment) is None:
                    broken.append(f"{page_url}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)
