"""Published links keep working: a removed anchor fails the build with a fix, a declared redirect
makes it pass, and the committed list covers every source row."""

from __future__ import annotations

import subprocess
import sys

import yaml

from published_links import add_links, built_links
from tests.support.project import ROOT

LIST = "docs/data/published-links.txt"
REDIRECTS = "docs/data/redirects.yml"
RETRACTION = "docs/audit-learning/retraction.md"
OLD = "/audit-learning/retraction/#why-it-matters"


def _redirect(project, old: str, new: str) -> None:
    project.edit(REDIRECTS, "redirects: []", f"redirects:\n  - from: {old}\n    to: {new}")


def _source_rows() -> dict[str, set[str]]:
    """Each category page's address, with the addresses of its rows, from docs/sources/."""
    pages = {}
    for path in sorted((ROOT / "docs/sources").glob("*.yml")):
        page = f"/sources/{path.stem}/"
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))["rows"]
        pages[page] = {f"{page}#{row['id']}" for row in rows}
    return pages


def test_the_committed_list_has_the_source_rows_of_each_published_category():
    """Rows added since the last release wait for the next one (``make published-links``), so a
    policy lead's new row or category does not fail the checks; the build checks the rest."""
    listed = set((ROOT / LIST).read_text(encoding="utf-8").splitlines())
    published = {page: rows & listed for page, rows in _source_rows().items() if page in listed}
    assert published and OLD in listed
    assert all(published.values()), [page for page, rows in published.items() if not rows]


def test_the_release_command_publishes_every_source_row_and_page(site):
    current = set(built_links(site.site).current())
    for page, rows in _source_rows().items():
        assert {page} | rows <= current, page


def test_renaming_a_heading_without_a_redirect_fails_the_build_with_the_fix(project):
    project.edit(RETRACTION, "## Why it matters { #why-it-matters }", "## Why this matters")
    result = project.build()
    assert not result.ok
    line = project.line_of(LIST, OLD + "\n")
    assert (f"{LIST}:{line}: the published link {OLD} no longer works: /audit-learning/retraction/"
            " has no section #why-it-matters") in result.log, result.log
    assert (f"add a redirect to {REDIRECTS}:\n        - from: {OLD}\n"
            "          to: /audit-learning/retraction/#why-this-matters") in result.log


def test_a_declared_redirect_keeps_the_old_link_working(project):
    project.edit(RETRACTION, "## Why it matters { #why-it-matters }", "## Why this matters")
    _redirect(project, OLD, "/audit-learning/retraction/#why-this-matters")
    result = project.build()
    assert result.ok, result.log
    page = result.page("audit-learning/retraction/")
    alias = page.find_id("why-it-matters")
    assert alias is not None and alias.tag == "span"
    siblings = [child for child in alias.parent.children if not isinstance(child, str)]
    assert siblings[siblings.index(alias) + 1].attrs.get("id") == "why-this-matters"


def test_a_section_moved_to_another_page_leaves_a_note_with_a_link(project):
    project.edit(RETRACTION, "## Why it matters { #why-it-matters }", "## Why this matters")
    _redirect(project, OLD, "/audit-learning/adults-tactics/")
    result = project.build()
    assert result.ok, result.log
    note = result.page("audit-learning/retraction/").find_id("why-it-matters")
    assert "moved-section" in note.attrs["class"]
    assert next(note.iter("a")).attrs["href"] == "../adults-tactics/"


def test_a_redirect_to_nowhere_fails(project):
    project.edit(RETRACTION, "## Why it matters { #why-it-matters }", "## Why this matters")
    _redirect(project, OLD, "/audit-learning/retraction/#why-this-maters")
    result = project.build()
    assert not result.ok
    line = project.line_of(REDIRECTS, f"  - from: {OLD}")
    assert (f"{REDIRECTS}:{line}: the redirect leads to /audit-learning/retraction/#why-this-maters,"
            " which does not exist") in result.log
    assert "Did you mean /audit-learning/retraction/#why-this-matters?" in result.log


def test_a_redirect_for_a_link_that_still_works_fails(project):
    _redirect(project, OLD, "/audit-learning/retraction/#good-practice")
    result = project.build()
    assert not result.ok
    assert f"the redirect from {OLD} is not needed: that address still exists" in result.log


def test_a_moved_page_gets_a_redirect_page_that_keeps_the_section(project):
    page = project.path(RETRACTION)
    page.rename(project.path("docs/audit-learning/retraction-trauma-response.md"))
    project.edit("mkdocs.yml", "audit-learning/retraction.md", "audit-learning/retraction-trauma-response.md")
    # Other pages' links to it are fixed as an editor would.
    for path in project.path("docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("retraction.md", "retraction-trauma-response.md"))
    for path in project.path("docs/data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("retraction.md", "retraction-trauma-response.md"))
    result = project.build()
    assert not result.ok
    assert "the published link /audit-learning/retraction/ no longer works: there is no page" \
        in result.log
    _redirect(project, "/audit-learning/retraction/", "/audit-learning/retraction-trauma-response/")
    result = project.build()
    assert result.ok, result.log
    moved = (result.site / "audit-learning/retraction/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../retraction-trauma-response/"' in moved
    assert "location.hash" in moved  # the script keeps the section asked for


def test_a_malformed_line_in_the_list_fails(project):
    path = project.path(LIST)
    path.write_text(path.read_text(encoding="utf-8") + "audit-learning/retraction\n")
    line = len(path.read_text(encoding="utf-8").splitlines())
    result = project.build()
    assert not result.ok
    assert f"{LIST}:{line}: 'audit-learning/retraction' is not a site address" in result.log


def test_the_release_command_adds_only_new_links(site, tmp_path):
    links = built_links(site.site)
    assert "/sources/trauma/#social-care-records" in links.current()
    assert "/" in links.current() and "/review-status/" in links.current()
    listed = tmp_path / "published-links.txt"
    listed.write_text("# comment\n/sources/trauma/#social-care-records\n", encoding="utf-8")
    added = add_links(links.current(), listed)
    lines = listed.read_text(encoding="utf-8").splitlines()
    assert added == len(links.current()) - 1
    assert lines[:2] == ["# comment", "/sources/trauma/#social-care-records"]
    assert add_links(links.current(), listed) == 0


def test_the_release_command_reports_how_it_is_used():
    result = subprocess.run([sys.executable, "hooks/published_links.py"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 2 and "Usage: python hooks/published_links.py add" in result.stderr
