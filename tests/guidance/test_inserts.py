"""Inserts on hand-written pages (plain data, no MkDocs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidance.inserts import fill_inserts
from guidance.load import load_guidance
from guidance.problems import DataError

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def guidance():
    return load_guidance(DOCS)


def test_the_blank_line_after_an_insert_is_kept(guidance):
    """A table insert must end before the next block, or that block joins the table."""
    text = "Intro.\n\n<!-- insert: discouraged-terms -->\n\n## Next heading\n"
    filled = fill_inserts(text, page="language.md", guidance=guidance)
    assert "|\n\n## Next heading\n" in filled


def test_an_unknown_insert_names_its_line(guidance):
    with pytest.raises(DataError) as raised:
        fill_inserts("one\ntwo\n<!-- insert: nothing-here -->\n", page="x.md", guidance=guidance)
    assert "docs/x.md:3: unknown insert 'nothing-here'" in str(raised.value)
