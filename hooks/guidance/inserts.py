"""Fill ``<!-- insert: name -->`` lines in hand-written pages with content made from data.

Most inserts take no argument; ``<!-- insert: checklist safety-plan-check -->`` names the
checklist in ``docs/data/checklists/`` to show.
"""

from __future__ import annotations

import json
import re

from .data import Guidance
from .insert_lines import INSERT, TEMPLATES
from .addresses import site_path
from .render import TitleOf, UrlFor, render
from .tool_data import checklist_data, planner_data, planner_groups

def fill_inserts(markdown: str, *, page: str, guidance: Guidance, url_for: UrlFor,
                 title_of: TitleOf) -> str:
    """Replace each insert line (already checked by :func:`insert_problems`)."""

    def content(match: re.Match) -> str:
        name, argument = match.groups()
        values: dict[str, object] = {}
        if name == "request-planner":
            values = {"groups": planner_groups(guidance), "published_page": site_path(page),
                      "data_json": _compact(planner_data(guidance)),
                      "source_ids": list(dict.fromkeys(c.reference for c in guidance.categories))}
        elif name == "checklist":
            checklist = guidance.checklist(argument)
            values = {"checklist": checklist, "data_json": _compact(checklist_data(
                checklist, url_for=url_for, title_of=title_of))}
        return render(TEMPLATES[name], page=page, guidance=guidance, url_for=url_for,
                      title_of=title_of, **values).strip()

    return INSERT.sub(content, markdown)


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def abbreviations(guidance: Guidance) -> str:
    """The abbreviation definitions appended to every page, from the glossary."""
    return render("abbreviations.md.j2", page="", guidance=guidance)
