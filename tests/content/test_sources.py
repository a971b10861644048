"""The real information sources pages: every row of the data on its category page with its
organisations, each organisation's page listing exactly the rows that name it, the overview and
navigation following the data, every internal link resolving, and the wording faithful to the
seed. What to expect is read from the data, never written here."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

from tests.support.html_tree import Element
from tests.support.project import CONTENT_ROOT, BuildResult
from tests.support.seed import comparable, seed_tables
from tests.support.site import Pages, nav_links, page_url, resolve, table_rows


def _category_url(category) -> str:
    return f"sources/{category.id}/"


def _plain(markdown: str) -> str:
    """Data text as a reader sees it: links' words kept, emphasis marks and spacing dropped."""
    return " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown).replace("*", "").split())


def _holder_links(cell: Element, page: str) -> list[str]:
    """The organisation pages a row's "Who holds it?" cell links to, in order."""
    return [resolve(page, link.attrs["href"])[0]
            for span in cell.with_class("holder-links") for link in span.iter("a")]


def _seed_wording(cell: Element) -> str:
    """The cell's text without the organisation links the site adds below the seed's words."""
    links = " ".join(span.text() for span in cell.with_class("holder-links"))
    return cell.text().removesuffix(links)


def test_every_seed_row_is_in_its_category_page_with_its_holders(site, guidance, sources_seed):
    """Every row of the seed keeps its wording; policy leads may add rows and categories."""
    tables = seed_tables(sources_seed)
    seed_rows = sum(1 for line in sources_seed.splitlines()
                    if "\t" in line and not line.endswith("\tWho holds it?"))
    assert tables and sum(len(table.rows) for table in tables) == seed_rows, "seed misread"
    pages = {comparable(next(site.page(_category_url(category)).iter("h1")).text()):
             _category_url(category) for category in guidance.categories}
    for table in tables:
        url = pages.get(comparable(table.title))
        assert url, f"no category page is titled '{table.title}'"
        rows = [(comparable(first.text()), comparable(_seed_wording(second)))
                for first, second in table_rows(site.page(url))]
        for information, who_holds in table.rows:
            row = (comparable(information), comparable(who_holds))
            assert row in rows, f"{url}: no row says exactly '{information}' / '{who_holds}'"


def test_every_row_is_on_its_category_page_in_order_with_its_holders(site, guidance):
    """The data files are the source of truth: nothing in them is lost or reordered on the page,
    and each row links to every organisation it names."""
    files = sorted(path.stem for path in (CONTENT_ROOT / "docs" / "sources").glob("*.yml"))
    assert sorted(category.id for category in guidance.categories) == files
    for category in guidance.categories:
        url = _category_url(category)
        page = site.page(url)
        assert next(page.iter("h1")).text().startswith(category.title), url
        rows = table_rows(page)
        assert [first.attrs.get("id") for first, _ in rows] == [row.id for row in category.rows]
        for (first, second), row in zip(rows, category.rows):
            assert first.text().startswith(_plain(row.information)), f"{url}#{row.id}"
            assert second.text().startswith(_plain(row.who_holds)), f"{url}#{row.id}"
            assert _holder_links(second, url) == [f"organisations/{holder}/"
                                                  for holder in row.holders], f"{url}#{row.id}"


def test_every_row_has_a_stable_anchor_and_a_link_to_itself(site, guidance):
    for category in guidance.categories:
        url = _category_url(category)
        for first, _ in table_rows(site.page(url)):
            row_id = first.attrs.get("id")
            assert row_id, f"{url}: a row has no anchor: {first.text()}"
            links = [link.attrs["href"] for link in first.with_class("row-link")]
            assert links == [f"#{row_id}"], f"{url}#{row_id}: no link to the row itself"


def test_each_organisation_page_lists_exactly_the_rows_that_name_it(site, guidance):
    for holder in guidance.holders:
        url = f"organisations/{holder.id}/"
        page = site.page(url)
        assert next(page.iter("h1")).text().startswith(holder.name), url
        expected = {(_category_url(category), row.id) for category in guidance.categories
                    for row in category.rows if holder.id in row.holders}
        listed = {resolve(url, next(first.iter("a")).attrs["href"])
                  for first, _ in table_rows(page)}
        assert listed == expected, f"{url} lists the wrong rows"


def test_the_organisations_page_lists_every_organisation_in_the_register_s_order(site, guidance):
    index = site.page("organisations/")
    listed = [resolve("organisations/", link.attrs["href"])[0]
              for row in index.iter("tr") for link in row.iter("a")]
    assert listed == [f"organisations/{holder.id}/" for holder in guidance.holders]


def test_the_overview_gives_every_category_in_order_with_its_row_count(site, guidance):
    overview = site.page("sources/")
    listed = [resolve("sources/", link.attrs["href"])[0]
              for cell in overview.iter("td") for link in cell.iter("a")]
    assert listed == [_category_url(category) for category in guidance.categories]
    for category in guidance.categories:
        count = list(overview.find_id(category.id).parent.iter("td"))[1].text()
        assert count == str(len(category.rows)), f"{category.id}: the overview's count is wrong"
    total = sum(len(category.rows) for category in guidance.categories)
    assert f"All categories {total}" in overview.text()


def test_navigation_lists_every_category_and_organisation_in_the_data_s_order(site, guidance):
    categories = [_category_url(category) for category in guidance.categories]
    for url in categories:
        listed = [link for link in nav_links(site, url) if link in categories]
        assert listed == categories, f"{url}: the navigation's categories are wrong"
    holders = [f"organisations/{holder.id}/" for holder in guidance.holders]
    for holder in guidance.holders:
        url = f"organisations/{holder.id}/"
        listed = [link for link in nav_links(site, url) if link in holders]
        assert listed == _expected_organisations(guidance, holder.sector), url
    assert {"sources/", "organisations/", "glossary/"} <= set(nav_links(site, ""))


def _expected_organisations(guidance, sector: str) -> list[str]:
    """The organisations an organisation page's navigation links to. Organisations with a sector
    are grouped under it, where the sector first appears in the register; organisations without
    one keep their place. The page's own sector is open; each other is folded, and Material links
    its label to its first organisation."""
    entries: list[str | tuple[str, list[str]]] = []
    groups: dict[str, list[str]] = {}
    for holder in guidance.holders:
        url = f"organisations/{holder.id}/"
        if not holder.sector:
            entries.append(url)
        elif holder.sector in groups:
            groups[holder.sector].append(url)
        else:
            groups[holder.sector] = [url]
            entries.append((holder.sector, groups[holder.sector]))
    listed = []
    for entry in entries:
        if isinstance(entry, str):
            listed.append(entry)
        else:
            name, urls = entry
            listed += urls if name == sector else urls[:1]
    return listed


def test_every_internal_link_and_anchor_resolves(site: BuildResult):
    # The 404 page links from the site's root path, since it is served at any address.
    settings = yaml.safe_load((CONTENT_ROOT / "docs/data/partnership.yml").read_text(
        encoding="utf-8"))
    site_path = urlsplit(settings["published_address"]).path or "/"
    pages = Pages(site)
    broken = []
    for path in site.html_files():
        url = page_url(site, path)
        for element in pages.parsed(path).iter():
            href = element.attrs.get("href") or element.attrs.get("src")
            if not href or element.tag not in {"a", "link", "script", "img"}:
                continue
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            if href.startswith(site_path):
                href = "/" + href.removeprefix(site_path)
            target_path, fragment = resolve(url, href)
            target = pages.file_for(target_path)
            if not target.is_file():
                broken.append(f"{url}: {href} (no such file)")
            elif fragment and element.tag == "a" and target.suffix == ".html":
                if fragment not in pages.ids(target):
                    broken.append(f"{url}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)
