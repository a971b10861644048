"""On paper a citation's link cannot be followed, so each page carries the references it cites in
full, in a block only print shows (hooks: guidance/print_references.py). Checked on the frozen
test project's built pages, against its references data."""

from __future__ import annotations

from guidance.data_text import words_only
from guidance.load import load_guidance
from tests.support.dates import FIXTURE_TODAY
from tests.support.project import FIXTURE


def _printed(site, url: str) -> list[str]:
    blocks = site.page(url).with_class("print-references")
    assert len(blocks) <= 1, url
    return [item.text() for block in blocks for item in block.iter("li")]


def test_a_page_prints_each_reference_it_cites_in_full(fixture_site):
    references = {ref.id: ref for ref in load_guidance(FIXTURE / "docs", today=FIXTURE_TODAY)
                  .references}
    printed = _printed(fixture_site, "findings/first-finding/")
    assert printed == [words_only(references["fixture-handbook"].citation)]


def test_citations_a_tool_writes_as_html_print_too_with_their_address(fixture_site):
    """The checklist's sources are written by its template, not in Markdown; a reference with a
    web address prints it."""
    references = {ref.id: ref for ref in load_guidance(FIXTURE / "docs", today=FIXTURE_TODAY)
                  .references}
    study = references["fixture-study"]
    printed = _printed(fixture_site, "tools/sample-check/")
    assert f"{words_only(study.citation)} {study.url}" in printed
    assert words_only(references["fixture-handbook"].citation) in printed


def test_the_references_page_and_a_page_citing_nothing_print_no_block(fixture_site):
    assert _printed(fixture_site, "references/") == []
    assert _printed(fixture_site, "changes/") == []
