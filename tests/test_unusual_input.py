"""Valid but unusual input builds and shows exactly as written: a byte-order mark, Windows line
endings, Welsh and other non-ASCII text, and characters Markdown or HTML would act on.

Each test edits a copy of the frozen test project (tests/fixture/) and builds it strictly.
"""

from __future__ import annotations

import pytest

from tests.support.project import FixtureProject

FIRST = "docs/sources/first-records.yml"
HOLDERS = "docs/data/holders.yml"
FINDING = "docs/findings/first-finding.md"

# Characters Markdown, its extensions or HTML act on, in text that must show them literally.
TRICKY = r"Records [kept] by \ the | *north* _office_ for under <18s & A&E {x} `code` #1 &amp; \\"
WELSH = "Gwasanaeth Ieuenctid – Cyngor Sir Ynys Môn (ŵyr, ŷd, Llandŷ)"


def _yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _cell_text(result, page: str, row_id: str) -> str:
    """The words of a row's first cell, without the row's copy-link mark."""
    cell = result.page(page).find_id(row_id)
    assert cell is not None, f"{page} has no #{row_id}"
    link = [child for child in cell.iter("a") if "row-link" in child.attrs.get("class", "")]
    text = cell.text()
    return text[: text.rindex(link[0].text())].strip() if link else text.strip()


def test_markdown_and_html_characters_in_a_row_show_as_written_on_every_page(project):
    project.edit(FIRST, "information: Records kept by the north office",
                 f"information: {_yaml_quoted(TRICKY)}")
    result = project.build()
    assert result.ok, result.log
    assert _cell_text(result, "sources/first-records/", "north-records") == TRICKY
    # On the organisation page the same words are the link back to the row, still a link.
    row = result.page("organisations/north-service/").find_id("north-records")
    links = list(row.iter("a"))
    assert [link.text() for link in links] == [TRICKY]
    assert links[0].attrs["href"].endswith("sources/first-records/#north-records")


def test_welsh_and_other_non_ascii_text_shows_as_written(project):
    project.edit(HOLDERS, "also_called: [north office]", "also_called: [north office, North Service]")
    project.edit(HOLDERS, "name: North Service", f"name: {WELSH}")
    result = project.build()
    assert result.ok, result.log
    page = result.page("organisations/north-service/")
    heading = next(page.iter("h1"))
    assert heading.text().rstrip("¶").strip() == WELSH  # without the heading's permalink
    title = next(page.iter("title")).text()
    assert title.startswith(WELSH)
    assert any(link.text().strip() == WELSH for link in page.iter("a")), "the navigation names it"


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(project):
    for relative in (FIRST, FINDING, HOLDERS):
        text = project.read(relative)
        project.path(relative).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = project.build()
    assert result.ok, result.log
    footer = result.page("findings/first-finding/").with_class("page-review")
    assert footer and "Fixture policy lead" in footer[0].text(), "the page's review was read"
    assert _cell_text(result, "sources/first-records/", "north-records") == (
        "Records kept by the north office")


@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_a_problem_in_a_file_with_either_line_ending_is_at_its_line(project, ending):
    line = project.edit(FIRST, "holders: [north-service]\n", "holders: [nowhere]\n")
    project.path(FIRST).write_bytes(project.read(FIRST).replace("\n", ending).encode())
    result = project.build()
    assert not result.ok
    assert f"{FIRST}:{line}: " in result.log, result.log


def test_links_and_emphasis_in_a_field_that_allows_them(project):
    project.edit(HOLDERS, "description: A made-up service that keeps the North Index.",
                 "description: A *made-up* service; see [the handbook](references.md#fixture-handbook)"
                 " and [another site](https://example.org/a_b). Not a [link] or *star.")
    result = project.build()
    assert result.ok, result.log
    page = result.page("organisations/north-service/")
    paragraph = next(p for p in page.iter("p") if "made-up" in p.text())
    assert [em.text() for em in paragraph.iter("em")] == ["made-up"]
    hrefs = [link.attrs["href"] for link in paragraph.iter("a")]
    assert hrefs == ["../../references/#fixture-handbook", "https://example.org/a_b"]
    assert "Not a [link] or *star." in paragraph.text()
