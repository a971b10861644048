"""The discouraged-terms check: each use, on a page or in a data file of the frozen test project,
is a warning with its file, line and the word as written, which stops the strict build; a use
marked as formal, or part of another word, is not."""

from __future__ import annotations

import re

from tests.support.project import FixtureProject

PAGE = "docs/findings/first-finding.md"
OPENING = "An opening paragraph of test data.\n"
ROWS = "docs/sources/second-records.yml"
ADVICE = ("suggested alternative: a concern or a disclosure\n    How to fix: Reword the line "
          "with the suggested alternative. If the word is used in its formal or legal sense, end "
          "the line with <!-- formal use --> (in a data file: # formal use).")


def _uses(log: str) -> list[tuple[str, int, str]]:
    """Each reported use as (file, line, word as written)."""
    return [(path, int(line), word) for path, line, word in
            re.findall(r"WARNING: (docs/[\w/.-]+):(\d+): '([^']+)', suggested alternative", log)]


def test_each_use_is_reported_with_its_line_and_the_word_as_written(project: FixtureProject):
    line = project.edit(PAGE, OPENING, OPENING + "\nAn Allegation was made.\n"
                        "The alleged event, and the allegations.\n") + 2
    result = project.build()
    assert not result.ok, "a discouraged term stops the strict build"
    assert f"WARNING: {PAGE}:{line}: 'Allegation', {ADVICE}" in result.log, result.log
    assert sorted(_uses(result.log)) == sorted([(PAGE, line, "Allegation"),
                                                (PAGE, line + 1, "alleged"),
                                                (PAGE, line + 1, "allegations")])


def test_a_use_in_a_data_file_is_reported_too(project: FixtureProject):
    line = project.edit(ROWS, "information: Entries in the ledger",
                        "information: Entries about an allegation")
    result = project.build()
    assert not result.ok
    assert _uses(result.log) == [(ROWS, line, "allegation")], result.log


def test_part_of_another_word_is_not_a_use(project: FixtureProject):
    project.edit(PAGE, OPENING, OPENING + "\nAllegationally is not a word.\n")
    result = project.build()
    assert result.ok, result.log


def test_marked_lines_and_passages_are_formal_use(project: FixtureProject):
    project.edit(PAGE, OPENING, OPENING + "\nThe court heard the allegation. <!-- formal use -->\n"
                 "\n<!-- formal use: start -->\nAn allegation.\n\nMore allegations.\n"
                 "<!-- formal use: end -->\n")
    project.edit(ROWS, "information: Entries in the ledger",
                 'information: "Entries about an allegation"  # formal use')
    result = project.build()
    assert result.ok, result.log
    # After the passage ends, a use is reported again.
    line = project.edit(PAGE, "<!-- formal use: end -->\n",
                        "<!-- formal use: end -->\n\nAn allegation after the passage.\n") + 2
    result = project.build()
    assert _uses(result.log) == [(PAGE, line, "allegation")], result.log
