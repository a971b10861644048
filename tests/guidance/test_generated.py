"""Pages made from data take their place in the navigation by themselves: right after their
section's index page and before its other pages, categories by `order`, organisations in the
register's order. Checked on the frozen test project's built pages."""

from __future__ import annotations

from guidance.load import load_guidance
from tests.support.project import FixtureProject
from tests.support.site import nav_links, resolve


def _section(links: list[str], prefix: str) -> list[str]:
    return [link for link in links if link.startswith(prefix)]


def test_category_and_organisation_pages_follow_their_index_in_data_order(fixture_site,
                                                                           project):
    guidance = load_guidance(project.path("docs"))
    categories = [f"sources/{category.id}/" for category in guidance.categories]
    assert _section(nav_links(fixture_site, categories[0]), "sources/") == [
        "sources/", *categories, "sources/notes/"]
    holders = [f"organisations/{holder.id}/" for holder in guidance.holders]
    assert _section(nav_links(fixture_site, "organisations/"), "organisations/") == [
        "organisations/", *holders]


def test_changing_the_order_numbers_reorders_the_categories(project: FixtureProject):
    project.edit("docs/sources/third-records.yml", "order: 30", "order: 5")
    project.edit("docs/sources/first-records.yml", "order: 10", "order: 25")
    result = project.build()
    assert result.ok, result.log
    expected = ["sources/third-records/", "sources/second-records/", "sources/first-records/"]
    assert _section(nav_links(result, "sources/notes/"), "sources/")[1:-1] == expected
    listed = [resolve("sources/", link.attrs["href"])[0]
              for cell in result.page("sources/").iter("td") for link in cell.iter("a")]
    assert listed == expected, "the category list on the overview follows `order` too"
