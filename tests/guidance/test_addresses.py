"""Every kind of address comes from hooks/guidance/addresses.py, and they agree with each other and
with the pages MkDocs really builds."""

from __future__ import annotations

import pytest

from guidance.addresses import (built_page_address, page_address, relative, relative_link,
                                resolve, site_path)


@pytest.mark.parametrize("page, path", [
    ("index.md", ""), ("sharing/index.md", "sharing/"),
    ("tools/request-planner.md", "tools/request-planner/"), ("glossary.md", "glossary/")])
def test_a_page_has_one_address(page, path):
    assert site_path(page) == path and page_address(page) == "/" + path


@pytest.mark.parametrize("source, target, link", [
    ("/tools/request-planner/", "/sources/trauma/#records", "../../sources/trauma/#records"),
    ("/", "/glossary/", "glossary/"), ("/glossary/", "/glossary/#dsl", "./#dsl")])
def test_a_relative_link_leads_where_it_should_from_any_sub_path(source, target, link):
    assert relative(source, target) == link
    assert not link.startswith("/")  # so it works under any sub-path
    assert resolve(source.lstrip("/"), link)[:2] == (target.lstrip("/").partition("#")[0],
                                                     target.partition("#")[2])


def test_a_source_link_is_relative_to_the_page_it_is_on():
    assert relative_link("tools/request-planner.md", "sources/trauma.md") == "../sources/trauma.md"


def test_a_link_to_another_site_leaves_the_site():
    assert resolve("tools/", "https://example.org/")[2] is False


def test_every_built_page_is_at_the_address_its_source_gives(fixture_site):
    """The addresses worked out here are the ones MkDocs builds to."""
    built = {built_page_address(path.relative_to(fixture_site.site).as_posix())
             for path in fixture_site.html_files()}
    sources = (fixture_site.site.parent / "docs").rglob("*.md")
    expected = {page_address(path.relative_to(fixture_site.site.parent / "docs").as_posix())
                for path in sources}
    assert expected and expected <= built
