"""The hooks wire data into the site: a new category or organisation needs only data, and a site
built without the hooks fails rather than publish pages without their tables."""

from __future__ import annotations

from tests.support.project import Project

NEW_CATEGORY = """\
review:
  owner: Information sharing lead
  last_reviewed: 2026-01-15
  every_months: 12
title: Housing and tenancy history
short_title: Housing
order: 15
source: csa-centre-sharing-information
why_it_matters: Where a person has lived shows which areas to ask.
rows:
  - id: planted-tenancy-records
    information: Tenancy records and previous addresses
    who_holds: Social landlords
    holders: [planted-housing-providers]
"""

NEW_HOLDER = """
  - id: planted-housing-providers
    name: Social landlords
    description: Councils and housing associations that let homes.
"""


def _add_housing(project: Project) -> None:
    project.write("docs/sources/planted-housing.yml", NEW_CATEGORY)
    register = project.path("docs/data/holders.yml").read_text(encoding="utf-8")
    project.write("docs/data/holders.yml", register.replace("\nsystems:", NEW_HOLDER + "\nsystems:"))


def test_a_new_category_and_organisation_need_only_data(project):
    _add_housing(project)
    mkdocs_yml = project.path("mkdocs.yml").read_text(encoding="utf-8")
    result = project.build()
    assert result.ok, result.log
    assert project.path("mkdocs.yml").read_text(encoding="utf-8") == mkdocs_yml

    category = result.page("sources/planted-housing/")
    assert category.find_id("planted-tenancy-records") is not None
    assert "Social landlords" in category.text()

    overview = result.page("sources/")
    row = overview.find_id("planted-housing").parent
    assert "Housing and tenancy history" in row.text() and row.text().endswith("1")

    holder = result.page("organisations/planted-housing-providers/")
    links = [link.attrs["href"] for link in holder.iter("a")]
    assert "../../sources/planted-housing/#planted-tenancy-records" in links

    nav = " ".join(element.text() for element in category.with_class("md-nav--primary"))
    holder_nav = " ".join(element.text() for element in holder.with_class("md-nav--primary"))
    assert "Housing" in nav and "Social landlords" in holder_nav
    # The new category takes its place by `order`: after the first category (10), before the
    # second (20).
    assert nav.index("Convictions, cautions and intelligence") < nav.index("Housing") < nav.index(
        "Behaviour in relationships")


def test_without_the_hooks_the_build_fails_and_publishes_no_category_page(project):
    project.edit("mkdocs.yml", "hooks:\n  - hooks/guidance_hooks.py\n", "")
    result = project.build()
    assert not result.ok
    assert "organisations/index.md" in result.log and "not found" in result.log
    assert not (project.root / "site" / "sources" / "previous-offending").exists()


def test_the_nav_must_keep_the_sections_generated_pages_go_under(project):
    project.edit("mkdocs.yml", "  - Information sources:\n      - sources/index.md\n", "")
    result = project.build()
    assert not result.ok
    assert "mkdocs.yml: the nav must list sources/index.md" in result.log
