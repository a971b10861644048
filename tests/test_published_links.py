"""Published links keep working: a removed anchor fails the build with a fix, a declared redirect
makes it pass, and the release command adds only new addresses. Checked on copies of the frozen
test project (the real list's properties are checked in tests/content/)."""

from __future__ import annotations

import re

from guidance.load import load_guidance
from tests.support.project import FixtureProject

LIST = "docs/data/published-links.txt"
REDIRECTS = "docs/data/redirects.yml"
PAGE = "docs/findings/first-finding.md"
HEADING = "## What the sample shows { #what-the-sample-shows }"
RENAMED = "## What this sample shows"
OLD = "/findings/first-finding/#what-the-sample-shows"
NEW = "/findings/first-finding/#what-this-sample-shows"
RELEASE = "published-links"


def _redirect(project: FixtureProject, old: str, new: str) -> None:
    project.edit(REDIRECTS, "redirects: []", f"redirects:\n  - from: {old}\n    to: {new}")


def test_renaming_a_heading_without_a_redirect_fails_the_build_with_the_fix(project):
    """The message names the page where the heading was lost, at the heading most like it."""
    heading_line = project.edit(PAGE, HEADING, RENAMED)
    result = project.build()
    assert not result.ok
    line = project.line_of(LIST, OLD + "\n")
    assert (f"{PAGE}:{heading_line}: this page no longer has the section #what-the-sample-shows, "
            f"so the published link {OLD} (line {line} of {LIST}) no longer works"
            ) in result.log, result.log
    assert (f"add a redirect to {REDIRECTS}:\n        - from: {OLD}\n          to: {NEW}"
            in result.log), result.log
    assert f"({NEW} is the closest address now on the site; check it.)" in result.log
    assert f"Never delete the line from {LIST}." in result.log


def test_a_lost_row_is_reported_in_its_data_file(project):
    """A row's id changed in a category's data file: the message names that file, at the row
    whose id is most like the lost one, never the page made from it."""
    data = "docs/sources/first-records.yml"
    old = "/sources/first-records/#north-records"
    assert old in project.read(LIST), "the fixture's published links list the row"
    line = project.edit(data, "id: north-records", "id: north-record")
    result = project.build()
    assert not result.ok
    assert (f"{data}:{line}: the page /sources/first-records/ made from this file no longer has "
            f"the section #north-records, so the published link {old}") in result.log, result.log
    assert "docs/sources/first-records.md:" not in result.log, "a generated page named as a file"


def test_keeping_the_heading_id_needs_no_redirect(project):
    project.edit(PAGE, HEADING, RENAMED + " { #what-the-sample-shows }")
    result = project.build()
    assert result.ok, result.log
    heading = result.page("findings/first-finding/").find_id("what-the-sample-shows")
    assert heading.tag == "h2" and heading.text().startswith("What this sample shows")


def test_a_declared_redirect_keeps_the_old_link_working(project):
    project.edit(PAGE, HEADING, RENAMED)
    _redirect(project, OLD, NEW)
    result = project.build()
    assert result.ok, result.log
    page = result.page("findings/first-finding/")
    alias = page.find_id("what-the-sample-shows")
    assert alias is not None and alias.tag == "span"
    siblings = [child for child in alias.parent.children if not isinstance(child, str)]
    assert siblings[siblings.index(alias) + 1].attrs.get("id") == "what-this-sample-shows"


def test_a_section_moved_to_another_page_leaves_a_note_with_a_link(project):
    project.edit(PAGE, HEADING, RENAMED)
    _redirect(project, OLD, "/findings/second-finding/")
    result = project.build()
    assert result.ok, result.log
    note = result.page("findings/first-finding/").find_id("what-the-sample-shows")
    assert "moved-section" in note.attrs["class"]
    assert next(note.iter("a")).attrs["href"] == "../second-finding/"


def test_a_redirect_to_nowhere_fails(project):
    project.edit(PAGE, HEADING, RENAMED)
    _redirect(project, OLD, "/findings/first-finding/#what-this-sample-shws")
    result = project.build()
    assert not result.ok
    line = project.line_of(REDIRECTS, f"  - from: {OLD}")
    assert (f"{REDIRECTS}:{line}: the redirect leads to /findings/first-finding/"
            "#what-this-sample-shws, which does not exist") in result.log, result.log
    assert f"Did you mean {NEW}?" in result.log


def test_a_redirect_for_a_link_that_still_works_fails(project):
    _redirect(project, OLD, "/findings/first-finding/#good-practice")
    result = project.build()
    assert not result.ok
    line = project.line_of(REDIRECTS, f"  - from: {OLD}")
    assert (f"{REDIRECTS}:{line}: the redirect from {OLD} is not needed: that address still "
            "exists") in result.log, result.log


def test_a_moved_page_gets_a_redirect_page_that_keeps_the_section(project):
    project.path(PAGE).rename(project.path("docs/findings/first-finding-moved.md"))
    project.edit("mkdocs.yml", "findings/first-finding.md", "findings/first-finding-moved.md")
    # Other pages' links to it are fixed as an editor would.
    for path in [*project.path("docs").rglob("*.md"), *project.path("docs/data").rglob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("first-finding.md", "first-finding-moved.md"),
                        encoding="utf-8")
    result = project.build()
    assert not result.ok
    assert ("the published link /findings/first-finding/ no longer works: there is no page"
            in result.log), result.log
    _redirect(project, "/findings/first-finding/", "/findings/first-finding-moved/")
    result = project.build()
    assert result.ok, result.log
    moved = (result.site / "findings/first-finding/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../first-finding-moved/"' in moved
    assert "location.hash" in moved  # the script keeps the section asked for


def test_a_malformed_line_in_the_list_fails(project):
    path = project.path(LIST)
    path.write_text(project.read(LIST) + "findings/first-finding\n", encoding="utf-8")
    line = len(project.read(LIST).splitlines())
    result = project.build()
    assert not result.ok
    assert f"{LIST}:{line}: 'findings/first-finding' is not a site address" in result.log


def test_a_line_listed_twice_fails(project):
    first = project.line_of(LIST, OLD + "\n")
    project.write(LIST, project.read(LIST) + OLD + "\n")
    line = len(project.read(LIST).splitlines())
    result = project.build()
    assert not result.ok
    assert f"{LIST}:{line}: '{OLD}' is listed twice (first on line {first})" in result.log


def test_the_release_command_adds_only_new_links(project):
    before = project.read(LIST).splitlines()
    result = project.command(RELEASE)
    assert result.returncode == 0, result.stderr
    added, on_site = map(int, re.search(r"added (\d+) address(?:es)?; (\d+) are on the site now",
                                        result.stdout).groups())
    after = project.read(LIST).splitlines()
    assert after[:len(before)] == before, "existing lines must be kept, in order"
    assert len(after) == len(before) + added and added > 0
    listed = {line for line in after if line.startswith("/")}
    assert len(listed) == on_site, "every address on the fixture site is now listed, once"
    guidance = load_guidance(project.path("docs"))
    for category in guidance.categories:
        page = f"/sources/{category.id}/"
        assert {page, *(f"{page}#{row.id}" for row in category.rows)} <= listed, page
    assert {f"/organisations/{holder.id}/" for holder in guidance.holders} <= listed
    assert {"/", "/review-status/", "/changes/", "/glossary/"} <= listed

    again = project.command(RELEASE)
    assert again.returncode == 0 and "added 0 addresses" in again.stdout, again.stdout
    assert project.read(LIST).splitlines() == after
