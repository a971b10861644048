"""Inserts on hand-written pages (``<!-- insert: name -->``), on the frozen test project: the
content made from data stays in its own block, and a wrong insert names its file and line."""

from __future__ import annotations

import pytest

from tests.support.project import FixtureProject

LANGUAGE = "docs/language.md"


@pytest.mark.parametrize("url, after_insert", [
    ("language/", "for-editors"),             # a table insert, then a heading
    ("", "after-the-procedures"),             # a list insert, then a heading
])
def test_the_block_after_an_insert_keeps_its_own_shape(fixture_site, url, after_insert):
    """A table or list insert must end before the next block, or that block joins it."""
    heading = fixture_site.page(url).find_id(after_insert)
    assert heading is not None and heading.tag == "h2", url
    assert not [ancestor for ancestor in heading.ancestors() if ancestor.tag in {"table", "ul"}]


def test_a_paragraph_after_a_table_insert_stays_out_of_the_table(fixture_site):
    page = fixture_site.page("sources/")
    cells = [cell.text() for cell in page.iter("td")]
    assert cells, "the category list was not inserted"
    assert not [cell for cell in cells if cell.startswith(("#", "Source:"))], cells
    assert any(paragraph.text().startswith("Source:") for paragraph in page.iter("p"))


def test_an_unknown_insert_names_its_line_counting_the_front_matter(project: FixtureProject):
    line = project.edit(LANGUAGE, "<!-- insert: discouraged-terms -->",
                        "<!-- insert: nothing-here -->")
    assert line > 5, "the insert should be below the front matter"
    result = project.build()
    assert not result.ok
    assert f"{LANGUAGE}:{line}: unknown insert 'nothing-here'" in result.log, result.log


@pytest.mark.parametrize("written, message", [
    ("<!-- insert: checklist -->", "the insert 'checklist' needs the name of a checklist"),
    ("<!-- insert: category-list sample-check -->", "the insert 'category-list' takes no name"),
])
def test_an_insert_with_a_missing_or_extra_name(project: FixtureProject, written, message):
    line = project.edit(LANGUAGE, "<!-- insert: discouraged-terms -->", written)
    result = project.build()
    assert not result.ok
    assert f"{LANGUAGE}:{line}: {message}" in result.log, result.log
