"""Fill ``<!-- insert: name -->`` lines in hand-written pages with content made from data."""

from __future__ import annotations

import re

from . import model
from .problems import DataError, Problem
from .render import render

INSERT = re.compile(r"^<!--[ \t]*insert:[ \t]*([a-z0-9-]+)[ \t]*-->[ \t]*$", re.MULTILINE)
TEMPLATES = {
    "category-list": "category_list.md.j2",
    "local-procedures": "local_procedures.md.j2",
    "discouraged-terms": "discouraged_terms.md.j2",
}


def fill_inserts(markdown: str, *, page: str, guidance: model.Guidance) -> str:
    """Replace each insert line; an unknown name fails with the page and line."""
    problems = [
        Problem(f"docs/{page}", markdown.count("\n", 0, match.start()) + 1,
                f"unknown insert '{match.group(1)}'",
                f"The inserts you can use are: {', '.join(TEMPLATES)}.")
        for match in INSERT.finditer(markdown) if match.group(1) not in TEMPLATES]
    if problems:
        raise DataError(problems)
    return INSERT.sub(
        lambda match: render(TEMPLATES[match.group(1)], page=page, guidance=guidance).strip(),
        markdown)


def abbreviations(guidance: model.Guidance) -> str:
    """The abbreviation definitions appended to every page, from the glossary."""
    return render("abbreviations.md.j2", page="", guidance=guidance)
