"""The thinking tools' data: each planted fault is reported as ``path:line: what is wrong`` with
a hint, and a broken guidance link stops the real build."""

from __future__ import annotations

import pytest

from guidance.inserts import fill_inserts
from guidance.load import load_guidance
from guidance.problems import DataError
from tests.support.project import ROOT, Project

SAFETY = "docs/data/checklists/safety-plan-check.yml"
REFLECTION = "docs/data/checklists/threshold-reflection.yml"
PLANNER = "docs/data/request-planner.yml"


def problems_after(project: Project) -> str:
    with pytest.raises(DataError) as raised:
        load_guidance(project.root / "docs")
    report = raised.value.report()
    assert "How to fix:" in report
    return report


def test_a_misspelt_field_in_a_checklist_item(project):
    line = project.edit(SAFETY, "        attention: >-\n          Add the detail",
                        "        atention: >-\n          Add the detail")
    report = problems_after(project)
    assert f"{SAFETY}:{line}: unknown field 'atention' in an item" in report
    assert "Did you mean 'attention'?" in report


def test_a_guidance_link_to_a_missing_section(project):
    line = project.edit(SAFETY, "guidance: audit-learning/safety-planning.md#what-a-plan-must-cover",
                        "guidance: audit-learning/safety-planning.md#what-a-plan-must-covr")
    report = problems_after(project)
    assert (f"{SAFETY}:{line}: the guidance link 'audit-learning/safety-planning.md"
            "#what-a-plan-must-covr' points to a section that audit-learning/safety-planning.md "
            "does not have") in report
    assert "Did you mean '#what-a-plan-must-cover'?" in report


def test_a_guidance_link_to_a_missing_page(project):
    line = project.edit(PLANNER, "guidance: audit-learning/adults-tactics.md#good-practice",
                        "guidance: audit-learning/adult-tactics.md#good-practice")
    report = problems_after(project)
    assert (f"{PLANNER}:{line}: the guidance link 'audit-learning/adult-tactics.md#good-practice' "
            "points to a page that does not exist") in report
    assert "Did you mean 'audit-learning/adults-tactics.md'?" in report


def test_a_guidance_link_to_a_source_row_is_checked_against_the_rows(project):
    project.edit(PLANNER, "guidance: audit-learning/adults-tactics.md#good-practice",
                 "guidance: sources/previous-offending.md#mappa-records")
    load_guidance(project.root / "docs")  # a real row: fine
    line = project.edit(PLANNER, "sources/previous-offending.md#mappa-records",
                        "sources/previous-offending.md#mappa-record")
    assert f"{PLANNER}:{line}: the guidance link" in problems_after(project)


def test_a_duplicate_item_id(project):
    project.edit(SAFETY, "      - id: known-tactics", "      - id: daily-life")
    first = project.line_of(SAFETY, "      - id: daily-life")
    second = first + project.path(SAFETY).read_text().split("\n")[first:].index(
        "      - id: daily-life") + 1
    report = problems_after(project)
    assert f"{SAFETY}:{second}: the id 'daily-life' is used twice (first on line {first})" in report


def test_an_answer_id_yaml_reads_as_yes_or_no(project):
    line = project.edit(REFLECTION, "  - id: done\n    label: \"Yes\"",
                        "  - id: yes\n    label: \"Yes\"")
    report = problems_after(project)
    assert f"{REFLECTION}:{line}: 'id' should be an id" in report
    assert "YAML reads yes, no, on and off as true or false" in report


def test_answers_none_of_which_need_attention(project):
    text = project.path(SAFETY).read_text()
    project.write(SAFETY, text.replace("    needs_attention: true\n", ""))
    line = project.line_of(SAFETY, "\nanswers:") + 1
    assert (f"{SAFETY}:{line}: no answer here has `needs_attention: true`"
            in problems_after(project))


def test_an_unknown_reference_and_an_unknown_kind_of_person(project):
    sources = project.edit(SAFETY, "sources: [queensland-safety-planning]",
                           "sources: [queensland-safety-planing]")
    people = project.edit(PLANNER, "applies_to: [child]", "applies_to: [children]")
    report = problems_after(project)
    assert f"{SAFETY}:{sources}: unknown reference 'queensland-safety-planing'" in report
    assert "Did you mean 'queensland-safety-planning'?" in report
    assert f"{PLANNER}:{people}: unknown kind of person 'children'" in report


def test_broken_yaml_in_a_checklist(project):
    line = project.edit(SAFETY, "title: Safety plan check", "title: [Safety plan check")
    # The parser notices the unclosed bracket where the next line starts.
    assert f"{SAFETY}:{line + 1}: this is not valid YAML" in problems_after(project)


def test_an_insert_naming_a_checklist_that_does_not_exist():
    guidance = load_guidance(ROOT / "docs")
    with pytest.raises(DataError) as raised:
        fill_inserts("# Tool\n\n<!-- insert: checklist safety-plan -->\n", page="tools/x.md",
                     guidance=guidance)
    report = str(raised.value)
    assert "docs/tools/x.md:3: there is no checklist 'safety-plan'" in report
    assert "safety-plan-check" in report


def test_a_page_heading_that_takes_a_tool_id():
    guidance = load_guidance(ROOT / "docs")
    with pytest.raises(DataError) as raised:
        fill_inserts("# Tool\n\n## Daily life { #daily-life }\n\n"
                     "<!-- insert: checklist safety-plan-check -->\n", page="tools/x.md",
                     guidance=guidance)
    assert ("docs/tools/x.md:5: the page already has a section with the id 'daily-life'"
            in str(raised.value))


def test_a_broken_guidance_link_stops_the_build(project):
    line = project.edit(REFLECTION, "guidance: audit-learning/retraction.md#good-practice",
                        "guidance: audit-learning/retraction.md#good-practise")
    result = project.build()
    assert not result.ok
    assert f"{REFLECTION}:{line}: the guidance link" in result.log
    assert not (project.root / "site" / "tools").exists()
