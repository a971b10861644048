"""Bad data stops the build with every problem listed as ``path:line: what is wrong`` and a hint.

Each test breaks one thing in a copy of the frozen test project (tests/fixture/), the way a policy
lead might, and builds it with MkDocs in strict mode. The fixture never changes with the real
guidance, so the text each test searches for is always there.
"""

from __future__ import annotations

import pytest

from tests.support.project import Project

FIRST = "docs/sources/first-records.yml"
SECOND = "docs/sources/second-records.yml"
THIRD = "docs/sources/third-records.yml"  # read after first-records.yml: files go A to Z
HOLDERS = "docs/data/holders.yml"


def assert_fails_with(project: Project, path: str, line: int, message: str) -> str:
    """Build; the build must stop, report ``path:line: message`` with a hint, and write no page."""
    result = project.build()
    assert not result.ok, "the build should have stopped"
    assert f"{path}:{line}: {message}" in result.log, result.log
    assert "How to fix:" in result.log
    assert not (project.root / "site" / "sources").exists(), "pages were written despite the error"
    return result.log


def test_the_fixture_builds_as_it_is(fixture_site):
    """Every planted fault below is the only thing wrong with its copy."""
    assert fixture_site.ok
    assert (fixture_site.site / "sources" / "first-records" / "index.html").is_file()


def test_a_category_with_no_rows(project):
    text = project.read(SECOND)
    project.write(SECOND, text[:text.index("rows:")] + "rows: []\n")
    line = project.line_of(SECOND, "rows: []")
    assert_fails_with(project, SECOND, line, "this category has no rows")


def test_a_row_with_no_holders_field(project):
    line = project.line_of(SECOND, "  - id: south-register")
    project.edit(SECOND, "    who_holds: South Service\n    holders: [south-service]\n",
                 "    who_holds: South Service\n")
    assert_fails_with(project, SECOND, line, "a row is missing the field 'holders'")


def test_a_row_with_an_empty_holders_list(project):
    line = project.edit(SECOND, "    who_holds: South Service\n    holders: [south-service]",
                        "    who_holds: South Service\n    holders: []") + 1
    assert_fails_with(project, SECOND, line,
                      "'holders' should be a list of one or more ids in square brackets")


def test_a_holder_missing_from_the_register(project):
    line = project.edit(SECOND, "holders: [west-agency]", "holders: [west-agancy]")
    log = assert_fails_with(project, SECOND, line, "unknown organisation 'west-agancy'")
    assert "Did you mean 'west-agency'?" in log


def test_a_holder_the_row_text_does_not_name(project):
    line = project.edit(SECOND, "    who_holds: South Service\n    holders: [south-service]",
                        "    who_holds: South Service\n    holders: [south-service, east-team]") + 1
    assert_fails_with(project, SECOND, line,
                      "the row lists 'east-team', but its who_holds text does not name 'East Team'")


def test_a_duplicate_row_id_across_categories(project):
    line = project.edit(THIRD, "  - id: team-visits", "  - id: north-records")
    first = project.line_of(FIRST, "id: north-records")
    assert_fails_with(project, THIRD, line,
                      f"row id 'north-records' is already used at {FIRST}:{first}")


def test_a_duplicate_organisation_in_the_register(project):
    line = project.edit(HOLDERS, "  - id: south-service", "  - id: north-service")
    first = project.line_of(HOLDERS, "  - id: north-service")
    assert_fails_with(project, HOLDERS, line,
                      f"organisation id 'north-service' is used twice (first on line {first})")


def test_a_missing_required_field(project):
    line = project.edit(SECOND, "  - id: south-register\n    information: Entries in the south "
                        "register\n", "  - id: south-register\n")
    assert_fails_with(project, SECOND, line, "a row is missing the field 'information'")


def test_a_field_of_the_wrong_type(project):
    line = project.edit(SECOND, "order: 20", "order: forty")
    assert_fails_with(project, SECOND, line, "'order' should be a whole number")


def test_a_misspelt_field_is_an_error_not_ignored(project):
    line = project.edit(SECOND, "    systems: [west-ledger]", "    sytems: [west-ledger]")
    log = assert_fails_with(project, SECOND, line, "unknown field 'sytems' in a row")
    assert "Did you mean 'systems'?" in log


def test_a_key_given_twice(project):
    line = project.edit(SECOND, "order: 20\n", "order: 20\norder: 25\n") + 1
    assert_fails_with(project, SECOND, line, "'order' appears twice here (first on line")


def test_two_categories_with_the_same_order(project):
    line = project.edit(THIRD, "order: 30", "order: 20")
    assert_fails_with(project, THIRD, line, f"order 20 is also used by {SECOND}")


def test_broken_yaml(project):
    line = project.edit(SECOND, "    holders: [west-agency]", "    holders: [west-agency")
    log = project.build().log
    assert f"{SECOND}:" in log and "this is not valid YAML" in log, log
    reported = int(log.split(f"{SECOND}:")[1].split(":")[0])
    assert line <= reported <= line + 2, log


def test_an_unknown_system(project):
    line = project.edit(SECOND, "    systems: [west-ledger]", "    systems: [west-ledgr]")
    assert_fails_with(project, SECOND, line, "unknown system 'west-ledgr'")


def test_a_system_kept_by_none_of_the_rows_holders(project):
    line = project.edit(SECOND, "    who_holds: South Service\n    holders: [south-service]",
                        "    who_holds: South Service – held on the West Ledger\n"
                        "    holders: [south-service]\n    systems: [west-ledger]") + 2
    assert_fails_with(project, SECOND, line,
                      "system 'west-ledger' is kept by west-agency, none of whom this row lists")


def test_an_unknown_condition(project):
    line = project.edit(FIRST, "relevant_if: child-only", "relevant_if: child-onl")
    assert_fails_with(project, FIRST, line, "unknown condition 'child-onl'")


def test_a_category_file_name_that_cannot_be_an_address(project):
    project.path(SECOND).rename(project.path("docs/sources/Second Records.yml"))
    assert_fails_with(project, "docs/sources/Second Records.yml", 1,
                      "the file name is not usable as a web address")


def test_an_unknown_insert_on_a_page(project):
    line = project.edit("docs/sources/index.md", "<!-- insert: category-list -->",
                        "<!-- insert: categories -->")
    result = project.build()
    assert not result.ok
    assert f"docs/sources/index.md:{line}: unknown insert 'categories'" in result.log, result.log
    assert "The inserts you can use are:" in result.log


def test_every_problem_is_listed_at_once(project):
    first = project.edit(SECOND, "order: 20", "order: forty")
    second = project.edit(HOLDERS, "    name: South Service", "    nmae: South Service")
    third = project.edit(FIRST, "holders: [east-team]", "holders: [et]")
    log = project.build().log
    assert "The guidance data has 3 problems:" in log, log
    for path, line in ((SECOND, first), (HOLDERS, second), (FIRST, third)):
        assert f"{path}:{line}: " in log


@pytest.mark.parametrize("value, kind", [("yes", "a yes/no value"), ("12", "the number 12")])
def test_yaml_surprises_get_a_hint_about_quotes(project, value, kind):
    line = project.edit(HOLDERS, "    name: West Agency", f"    name: {value}")
    log = assert_fails_with(project, HOLDERS, line, "'name' should be a short text")
    assert kind in log and f'put the text in quotes, like `name: "{value}"`' in log.replace("Put", "put")


def test_an_organisation_the_text_names_but_the_row_does_not_list(project):
    line = project.edit(FIRST, "holders: [north-service, south-service]",
                        "holders: [north-service]")
    assert_fails_with(project, FIRST, line,
                      "the who_holds text names 'south service', but the row's holders do not "
                      "include south-service")


def test_an_organisation_the_text_names_without_holding_the_record(project):
    """`also_named` accepts an organisation the text names but that does not hold the record (the
    MARAC coordinator "usually within" the police); the row then stays off its page."""
    project.edit(FIRST, "    holders: [north-service, south-service]",
                 "    holders: [north-service]\n    also_named: [south-service]")
    result = project.build()
    assert result.ok, result.log
    south = project.root / "site" / "organisations" / "south-service" / "index.html"
    north = project.root / "site" / "organisations" / "north-service" / "index.html"
    assert 'id="shared-notes"' in north.read_text() and 'id="shared-notes"' not in south.read_text()


def test_an_organisation_both_holding_and_only_named(project):
    line = project.edit(FIRST, "    holders: [north-service, south-service]",
                        "    holders: [north-service, south-service]\n"
                        "    also_named: [south-service]") + 1
    assert_fails_with(project, FIRST, line, "'south-service' is in both `holders` and `also_named`")


def test_an_organisation_only_named_that_the_text_does_not_name(project):
    line = project.edit(FIRST, "    holders: [north-service]\n    systems: [north-index]",
                        "    holders: [north-service]\n    also_named: [west-agency]\n"
                        "    systems: [north-index]") + 1
    assert_fails_with(project, FIRST, line, "the row's `also_named` lists 'west-agency', but its "
                      "who_holds text does not name 'West Agency'")


def test_a_defined_term_is_a_row_of_its_own_on_the_glossary(fixture_site):
    page = fixture_site.page("glossary/")
    row = page.find_id("north-review")
    assert row is not None and row.text().startswith("north review")
    cell = row.parent.text()
    assert "A review written for the tests, with emphasis and a link to the notes." in cell
    links = [a.attrs["href"] for a in row.parent.iter("a")]
    assert "../sources/notes/#what-to-record" in links
    assert page.find_id("terms") is not None and page.find_id("abbreviations") is not None


def test_a_glossary_entry_whose_address_is_taken(project):
    """A defined term written like an abbreviation would share its address: the later entry in
    the file is reported, with the line of the first."""
    first = project.edit("docs/data/glossary.yml", "  - term: north review", "  - term: Nix")
    later = project.line_of("docs/data/glossary.yml", "  - term: NIX")
    assert_fails_with(project, "docs/data/glossary.yml", later, "the glossary entry 'NIX' would "
                      f"have the address #nix, which line {first} already has")
