"""The discouraged-terms check on text (plain data, no MkDocs)."""

from __future__ import annotations

from guidance.language import uses_in_text
from guidance.model import DiscouragedTerm

TERMS = (DiscouragedTerm(term="allegation", forms=("allegations", "alleged"), instead="a concern",
                         why="", reference="x"),)


def test_each_use_is_found_with_its_line_and_form():
    text = "First line.\nAn Allegation was made.\nThe alleged abuser, and allegations.\n"
    uses = uses_in_text(text, path="docs/x.md", terms=TERMS)
    assert [(use.line, use.word) for use in uses] == [(2, "Allegation"), (3, "alleged"),
                                                        (3, "allegations")]
    assert str(uses[0]).startswith("docs/x.md:2: 'Allegation', suggested alternative: a concern")


def test_part_of_another_word_is_not_a_use():
    assert uses_in_text("allegationally is not a word", path="x", terms=TERMS) == []


def test_marked_lines_and_passages_are_formal_use():
    text = ("a: the allegation  # formal use\n"
            "The court heard the allegation. <!-- formal use -->\n"
            "<!-- formal use: start -->\nallegation\nallegations\n<!-- formal use: end -->\n"
            "allegation\n")
    assert [use.line for use in uses_in_text(text, path="x", terms=TERMS)] == [7]
