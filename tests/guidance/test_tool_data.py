"""The thinking tools' data: each planted fault in a copy of the frozen test project is reported
as ``path:line: what is wrong`` with a hint, by the data check and by the build."""

from __future__ import annotations

import pytest

from guidance.load import load_guidance
from guidance.problems import DataError
from tests.support.project import FixtureProject

CHECK = "docs/data/checklists/sample-check.yml"
CHECK_PAGE = "docs/tools/sample-check.md"
PLANNER = "docs/data/request-planner.yml"


def problems_after(project: FixtureProject) -> str:
    """The report the data check gives for the copy; it must find something, with hints."""
    with pytest.raises(DataError) as raised:
        load_guidance(project.path("docs"))
    problems = raised.value.problems
    assert problems and all(problem.hint for problem in problems)
    return "\n".join(f"{problem.path}:{problem.line}: {problem.message}\n    {problem.hint}"
                     for problem in problems)


def test_the_fixture_tools_load(project):
    guidance = load_guidance(project.path("docs"))
    assert [checklist.id for checklist in guidance.checklists] == ["sample-check"]
    assert [reminder.id for reminder in guidance.reminders] == ["child-first", "ask-each-office"]


def test_a_misspelt_field_in_a_checklist_item(project):
    line = project.edit(CHECK, "        attention: >-\n          Put the first item",
                        "        atention: >-\n          Put the first item")
    report = problems_after(project)
    assert f"{CHECK}:{line}: unknown field 'atention' in an item" in report
    assert "Did you mean 'attention'?" in report


def links_after(project: FixtureProject) -> str:
    """The build's report for the copy: links in data are checked against the built pages."""
    result = project.build()
    assert not result.ok, "the build should have stopped"
    assert "How to fix:" in result.log and "Traceback" not in result.log
    return result.log


def test_a_guidance_link_to_a_missing_section(project):
    line = project.edit(CHECK, "guidance: findings/first-finding.md#good-practice",
                        "guidance: findings/first-finding.md#good-practise")
    report = links_after(project)
    assert (f"{CHECK}:{line}: the guidance link 'findings/first-finding.md#good-practise' points "
            "to a section that findings/first-finding.md does not have") in report
    assert "Did you mean '#good-practice'?" in report


def test_a_guidance_link_to_a_missing_page(project):
    line = project.edit(PLANNER, "guidance: findings/second-finding.md#questions",
                        "guidance: findings/second-findng.md#questions")
    report = links_after(project)
    assert (f"{PLANNER}:{line}: the guidance link 'findings/second-findng.md#questions' "
            "points to a page that does not exist") in report
    assert "Did you mean 'findings/second-finding.md'?" in report


def test_a_guidance_link_to_a_source_row_is_checked_against_the_rows(project):
    project.edit(PLANNER, "guidance: findings/second-finding.md#questions",
                 "guidance: sources/first-records.md#north-records")
    load_guidance(project.path("docs"))  # a real row: fine
    line = project.edit(PLANNER, "sources/first-records.md#north-records",
                        "sources/first-records.md#north-record")
    assert f"{PLANNER}:{line}: the guidance link" in links_after(project)


def test_a_duplicate_item_id(project):
    project.edit(CHECK, "      - id: item-two", "      - id: item-one")
    first = project.line_of(CHECK, "      - id: item-one")
    second = project.line_of(CHECK, "      - id: item-one", after=first)
    report = problems_after(project)
    assert f"{CHECK}:{second}: the id 'item-one' is used twice (first on line {first})" in report


def test_an_answer_id_yaml_reads_as_yes_or_no(project):
    line = project.edit(CHECK, '  - id: done\n    label: "Yes"', '  - id: yes\n    label: "Yes"')
    report = problems_after(project)
    assert f"{CHECK}:{line}: 'id' should be an id" in report
    assert "YAML reads yes, no, on and off as true or false" in report


def test_answers_none_of_which_need_attention(project):
    project.write(CHECK, project.read(CHECK).replace("\n    needs_attention: true\n", "\n"))
    line = project.line_of(CHECK, "\nanswers:") + 1
    assert (f"{CHECK}:{line}: no answer here has `needs_attention: true`"
            in problems_after(project))


def test_an_unknown_reference_and_an_unknown_kind_of_person(project):
    sources = project.edit(CHECK, "sources: [fixture-handbook]", "sources: [fixture-handbok]")
    people = project.edit(PLANNER, "applies_to: [child]", "applies_to: [children]")
    report = problems_after(project)
    assert f"{CHECK}:{sources}: unknown reference 'fixture-handbok'" in report
    assert "Did you mean 'fixture-handbook'?" in report
    assert f"{PLANNER}:{people}: unknown kind of person 'children'" in report


def test_broken_yaml_in_a_checklist(project):
    line = project.edit(CHECK, "title: Sample check", "title: [Sample check")
    # Reported at the unclosed bracket's own line, not where the parser noticed it.
    assert f"{CHECK}:{line}: this is not valid YAML" in problems_after(project)


def test_an_insert_naming_a_checklist_that_does_not_exist(project):
    line = project.edit(CHECK_PAGE, "<!-- insert: checklist sample-check -->",
                        "<!-- insert: checklist sample -->")
    result = project.build()
    assert not result.ok
    assert f"{CHECK_PAGE}:{line}: there is no checklist 'sample'" in result.log, result.log
    assert "sample-check" in result.log.split("there is no checklist 'sample'")[1]


def test_a_page_heading_that_takes_a_tool_id(project):
    project.edit(CHECK_PAGE, "<!-- insert: checklist sample-check -->",
                 "## Item one { #item-one }\n\n<!-- insert: checklist sample-check -->")
    line = project.line_of(CHECK_PAGE, "## Item one { #item-one }")
    result = project.build()
    assert not result.ok
    assert (f"{CHECK_PAGE}:{line}: the id 'item-one' is used twice on the page /tools/sample-check/"
            in result.log), result.log


def test_a_broken_guidance_link_stops_the_build(project):
    line = project.edit(CHECK, "guidance: findings/second-finding.md#what-was-seen",
                        "guidance: findings/second-finding.md#what-was-sen")
    result = project.build()
    assert not result.ok
    assert f"{CHECK}:{line}: the guidance link" in result.log, result.log
    assert not (project.root / "site" / "tools").exists()
