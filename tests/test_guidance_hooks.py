"""The hooks wire data into the site: a new category or organisation needs only data, and a site
built without the hooks fails rather than publish pages without their tables. Checked on copies
of the frozen test project."""

from __future__ import annotations

import yaml

from tests.support.project import REPO, FixtureProject
from tests.support.site import nav_links, resolve

NEW_CATEGORY = """\
review:
  owner: Fixture data lead
  last_reviewed: 2026-01-15
  every_months: 12
title: Planted test category of tenancies
short_title: Planted tenancies
order: 15
source: fixture-handbook
why_it_matters: A reason planted by the test.
rows:
  - id: planted-tenancy-records
    information: Planted tenancy records
    who_holds: Planted Landlords
    holders: [planted-landlords]
"""

NEW_HOLDER = """
  - id: planted-landlords
    name: Planted Landlords
    description: An organisation planted by the test.
"""


def _add_category_and_holder(project: FixtureProject) -> None:
    project.write("docs/sources/planted-tenancies.yml", NEW_CATEGORY)
    project.edit("docs/data/holders.yml", "\nsystems:", NEW_HOLDER + "\nsystems:")


def test_a_new_category_and_organisation_need_only_data(project):
    _add_category_and_holder(project)
    configuration = [project.read("mkdocs.yml"), project.read("base.yml")]
    result = project.build()
    assert result.ok, result.log
    assert [project.read("mkdocs.yml"), project.read("base.yml")] == configuration

    category = result.page("sources/planted-tenancies/")
    assert category.find_id("planted-tenancy-records") is not None
    assert "Planted Landlords" in category.text()

    overview = result.page("sources/")
    row = overview.find_id("planted-tenancies").parent
    assert "Planted test category of tenancies" in row.text() and row.text().endswith("1")

    holder = result.page("organisations/planted-landlords/")
    links = [link.attrs["href"] for link in holder.iter("a")]
    assert "../../sources/planted-tenancies/#planted-tenancy-records" in links

    # The new category takes its place by `order` (15): after the first category (10), before
    # the second (20). The new organisation comes last, as it is last in the register.
    sources = [link for link in nav_links(result, "sources/planted-tenancies/")
               if link.startswith("sources/")]
    assert sources[1:4] == ["sources/first-records/", "sources/planted-tenancies/",
                            "sources/second-records/"]
    organisations = [link for link in nav_links(result, "organisations/planted-landlords/")
                     if link.startswith("organisations/")]
    assert organisations[-1] == "organisations/planted-landlords/"
    nav_text = " ".join(nav.text() for nav in holder.with_class("md-nav--primary"))
    assert "Planted Landlords" in nav_text


def test_an_organisation_no_row_names_yet_gets_a_page_that_says_so(project):
    project.edit("docs/data/holders.yml", "\nsystems:", NEW_HOLDER + "\nsystems:")
    result = project.build()
    assert result.ok, result.log
    page = result.page("organisations/planted-landlords/")
    assert "No record in the information sources tables names this organisation yet" in (
        page.text())
    assert not [row for row in page.iter("tr") if list(row.iter("td"))]


def test_without_the_hooks_the_build_fails_and_publishes_no_category_page(project):
    project.write("mkdocs.yml", project.read("mkdocs.yml") + "\nhooks: []\n")
    result = project.build()
    assert not result.ok
    assert "organisations/index.md" in result.log and "not found" in result.log, result.log
    assert not (project.root / "site" / "sources" / "first-records").exists()


def test_the_nav_must_keep_the_sections_generated_pages_go_under(project):
    project.edit("mkdocs.yml", "  - Information sources:\n      - sources/index.md\n"
                 "      - sources/notes.md\n", "  - Notes: sources/notes.md\n")
    result = project.build()
    assert not result.ok
    assert "mkdocs.yml: the nav must list sources/index.md" in result.log, result.log


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses tags like !!python/name: (their values are not needed)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_the_test_project_shares_the_real_configuration(fixture_site, project):
    """The fixture inherits the real mkdocs.yml (copied in as base.yml): its pages load the real
    stylesheets and scripts and use the real theme, and it names only its title and navigation."""
    own = yaml.load(project.read("mkdocs.yml"), Loader=_AnyTagLoader)
    assert set(own) == {"INHERIT", "site_name", "nav"}
    real = yaml.load(project.read("base.yml"), Loader=_AnyTagLoader)
    assert project.read("base.yml") == (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    home = fixture_site.page("")
    loaded = {resolve("", element.attrs.get("href") or element.attrs.get("src", ""))[0]
              for element in home.iter() if element.tag in {"link", "script"}}
    for entry in [*real.get("extra_css", []), *real.get("extra_javascript", [])]:
        path = entry["path"] if isinstance(entry, dict) else entry
        assert path in loaded, f"the fixture's pages do not load {path}"
    assert home.with_class("md-header"), "Material's theme was not used"
    assert "Fixture Test Partnership" in " ".join(
        element.text() for element in home.with_class("md-copyright"))


def test_a_page_made_from_data_is_checked_for_script_too(project: FixtureProject):
    """Data is escaped, so only a template could put script on a page made from data; the build
    still reads every such page as a browser would, and names the data file it is made from."""
    template = "hooks/guidance/templates/holder.md.j2"
    project.write(template, project.read(template) + '\n<img src="x.png" onerror="alert(1)">\n')
    result = project.mkdocs_build()  # its own process: the copy's templates, not this one's
    assert result.returncode != 0
    assert ("docs/data/holders.yml:1: this page contains an onerror attribute on the page made "
            "from it") in result.stderr, result.stderr
