"""Bad data stops the build with every problem listed as ``path:line: what is wrong`` and a hint.

Each test breaks one thing in a temporary copy of the project, the way a policy lead might, and
builds it with MkDocs in strict mode.
"""

from __future__ import annotations

import pytest

from tests.support.project import Project

OFFENDING = "docs/sources/previous-offending.yml"
EMPLOYMENT = "docs/sources/employment.yml"
HOLDERS = "docs/data/holders.yml"


def assert_fails_with(project: Project, path: str, line: int, message: str) -> str:
    result = project.build()
    assert not result.ok, "the build should have stopped"
    assert f"{path}:{line}: {message}" in result.log, result.log
    assert "How to fix:" in result.log
    assert not (project.root / "site" / "sources").exists(), "pages were written despite the error"
    return result.log


def test_a_category_with_no_rows(project):
    text = project.path(EMPLOYMENT).read_text(encoding="utf-8")
    project.write(EMPLOYMENT, text[:text.index("rows:")] + "rows: []\n")
    line = project.line_of(EMPLOYMENT, "rows: []")
    assert_fails_with(project, EMPLOYMENT, line, "this category has no rows")


def test_a_row_with_no_holders_field(project):
    line = project.edit(OFFENDING, "  - id: notification-requirements", "  - id: notification-requirements")
    project.edit(OFFENDING, "    who_holds: Police\n    holders: [police]\n",
                 "    who_holds: Police\n")
    assert_fails_with(project, OFFENDING, line, "a row is missing the field 'holders'")


def test_a_row_with_an_empty_holders_list(project):
    line = project.edit(OFFENDING, "    who_holds: Police\n    holders: [police]",
                        "    who_holds: Police\n    holders: []") + 1
    assert_fails_with(project, OFFENDING, line,
                      "'holders' should be a list of one or more ids in square brackets")


def test_a_holder_missing_from_the_register(project):
    line = project.edit(EMPLOYMENT, "holders: [dwp, jobcentre-plus, hmrc, employers]",
                        "holders: [dwp, jobcentre-plus, hmrc, employer]")
    log = assert_fails_with(project, EMPLOYMENT, line, "unknown organisation 'employer'")
    assert "Did you mean 'employers'?" in log


def test_a_holder_the_row_text_does_not_name(project):
    line = project.edit(OFFENDING, "    who_holds: Police\n    holders: [police]",
                        "    who_holds: Police\n    holders: [police, prison-service]") + 1
    assert_fails_with(project, OFFENDING, line,
                      "the row lists 'prison-service', but its who_holds text does not name "
                      "'Prison Service'")


def test_a_duplicate_row_id_across_categories(project):
    trauma = "docs/sources/trauma.yml"  # read after previous-offending.yml, files going A to Z
    line = project.edit(trauma, "  - id: social-care-records", "  - id: criminal-convictions")
    first = project.line_of(OFFENDING, "id: criminal-convictions")
    assert_fails_with(project, trauma, line, "row id 'criminal-convictions' is already used "
                      f"at {OFFENDING}:{first}")


def test_a_duplicate_organisation_in_the_register(project):
    line = project.edit(HOLDERS, "  - id: jobcentre-plus", "  - id: dwp")
    first = project.line_of(HOLDERS, "  - id: dwp")
    assert_fails_with(project, HOLDERS, line,
                      f"organisation id 'dwp' is used twice (first on line {first})")


def test_a_missing_required_field(project):
    line = project.edit(OFFENDING, "  - id: police-cautions\n    information: Records of police "
                        "cautions (sexual or non-sexual)\n", "  - id: police-cautions\n")
    assert_fails_with(project, OFFENDING, line, "a row is missing the field 'information'")


def test_a_field_of_the_wrong_type(project):
    line = project.edit(EMPLOYMENT, "order: 40", "order: forty")
    assert_fails_with(project, EMPLOYMENT, line, "'order' should be a whole number")


def test_a_misspelt_field_is_an_error_not_ignored(project):
    line = project.edit(OFFENDING, "    systems: [mappa-records]", "    sytems: [mappa-records]")
    log = assert_fails_with(project, OFFENDING, line, "unknown field 'sytems' in a row")
    assert "Did you mean 'systems'?" in log


def test_a_key_given_twice(project):
    line = project.edit(EMPLOYMENT, "order: 40\n", "order: 40\norder: 45\n") + 1
    assert_fails_with(project, EMPLOYMENT, line, "'order' appears twice here (first on line")


def test_broken_yaml(project):
    line = project.edit(EMPLOYMENT, "    holders: [dwp, jobcentre-plus, hmrc, employers]",
                        "    holders: [dwp, jobcentre-plus, hmrc, employers")
    log = project.build().log
    assert f"{EMPLOYMENT}:" in log and "this is not valid YAML" in log
    reported = int(log.split(f"{EMPLOYMENT}:")[1].split(":")[0])
    assert line <= reported <= line + 2, log


def test_an_unknown_system(project):
    line = project.edit(OFFENDING, "    systems: [mappa-records]", "    systems: [mappa]")
    assert_fails_with(project, OFFENDING, line, "unknown system 'mappa'")


def test_a_system_kept_by_none_of_the_rows_holders(project):
    line = project.edit(OFFENDING, "    who_holds: Police\n    holders: [police]",
                        "    who_holds: Police – held on nDelius\n    holders: [police]\n"
                        "    systems: [ndelius]") + 2
    assert_fails_with(project, OFFENDING, line,
                      "system 'ndelius' is kept by probation-service, none of whom this row lists")


def test_an_unknown_condition(project):
    line = project.edit(OFFENDING, "relevant_if: child-or-youth-justice-as-child",
                        "relevant_if: child-only")
    assert_fails_with(project, OFFENDING, line, "unknown condition 'child-only'")


def test_a_category_file_name_that_cannot_be_an_address(project):
    project.path(EMPLOYMENT).rename(project.path("docs/sources/Employment History.yml"))
    assert_fails_with(project, "docs/sources/Employment History.yml", 1,
                      "the file name is not usable as a web address")


def test_an_unknown_insert_on_a_page(project):
    line = project.edit("docs/sources/index.md", "<!-- insert: category-list -->",
                        "<!-- insert: categories -->")
    result = project.build()
    assert not result.ok
    assert f"docs/sources/index.md:{line}: unknown insert 'categories'" in result.log


def test_every_problem_is_listed_at_once(project):
    first = project.edit(EMPLOYMENT, "order: 40", "order: forty")
    second = project.edit(HOLDERS, "    name: Jobcentre Plus", "    nmae: Jobcentre Plus")
    third = project.edit(OFFENDING, "holders: [youth-justice-service]", "holders: [yjs]")
    log = project.build().log
    assert "The guidance data has 3 problems:" in log
    for path, line in ((EMPLOYMENT, first), (HOLDERS, second), (OFFENDING, third)):
        assert f"{path}:{line}: " in log


@pytest.mark.parametrize("value, kind", [("yes", "a yes/no value"), ("12", "the number 12")])
def test_yaml_surprises_get_a_hint_about_quotes(project, value, kind):
    line = project.edit(HOLDERS, "    name: Jobcentre Plus", f"    name: {value}")
    log = assert_fails_with(project, HOLDERS, line, "'name' should be some text")
    assert kind in log and "quotes" in log


def test_an_organisation_the_text_names_but_the_row_does_not_list(project):
    line = project.edit("docs/sources/relationships.yml",
                        "holders: [gp, camhs, adult-mental-health, midwives, health-visitors]",
                        "holders: [gp, camhs, adult-mental-health, midwives]")
    assert_fails_with(project, "docs/sources/relationships.yml", line,
                      "the who_holds text names 'health visitors', but the row's holders do not "
                      "include health-visitors")
