"""Fill ``<!-- insert: name -->`` lines in hand-written pages with content made from data.

Most inserts take no argument; ``<!-- insert: checklist safety-plan-check -->`` names the
checklist in ``docs/data/checklists/`` to show.
"""

from __future__ import annotations

import json
import re

from . import records as r
from .data import Guidance
from .problems import Problem
from .render import TitleOf, UrlFor, render
from .tool_data import checklist_data, planner_data, planner_groups

INSERT = re.compile(
    r"^<!--[ \t]*insert:[ \t]*([a-z0-9-]+)(?:[ \t]+([a-z0-9-]+))?[ \t]*-->[ \t]*$", re.MULTILINE)
TEMPLATES = {
    "category-list": "category_list.md.j2",
    "local-procedures": "local_procedures.md.j2",
    "discouraged-terms": "discouraged_terms.md.j2",
    "request-planner": "request_planner.html.j2",
    "checklist": "checklist.html.j2",
}


def has_inserts(markdown: str) -> bool:
    return INSERT.search(markdown) is not None


def insert_problems(markdown: str, *, path: str, checklists: list[str]) -> list[Problem]:
    """Every insert line that cannot be filled, at its own line of the file."""
    problems = []
    folder = f"docs/{r.CHECKLISTS.path}/"
    for match in INSERT.finditer(markdown):
        name, argument = match.groups()
        line = markdown.count("\n", 0, match.start()) + 1
        if name not in TEMPLATES:
            problems.append(Problem(path, line, f"unknown insert '{name}'",
                                    f"The inserts you can use are: {', '.join(TEMPLATES)}.",
                                    "insert"))
        elif (name == "checklist") != (argument is not None):
            problems.append(Problem(path, line, f"the insert '{name}' " + (
                "needs the name of a checklist" if argument is None else "takes no name"),
                "Write `<!-- insert: checklist safety-plan-check -->`, naming a file in "
                f"{folder}." if argument is None else f"Write `<!-- insert: {name} -->`.",
                "insert"))
        elif argument is not None and argument not in checklists:
            problems.append(Problem(path, line, f"there is no checklist '{argument}'",
                                    f"The checklists are the files in {folder}: "
                                    f"{', '.join(checklists)}.", "insert"))
    return problems


def fill_inserts(markdown: str, *, page: str, guidance: Guidance, url_for: UrlFor,
                 title_of: TitleOf) -> str:
    """Replace each insert line (already checked by :func:`insert_problems`)."""

    def content(match: re.Match) -> str:
        name, argument = match.groups()
        values: dict[str, object] = {}
        if name == "request-planner":
            values = {"groups": planner_groups(guidance),
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
