"""Fill ``<!-- insert: name -->`` lines in hand-written pages with content made from data.

Most inserts take no argument; ``<!-- insert: checklist safety-plan-check -->`` names the
checklist in ``docs/data/checklists/`` to show.
"""

from __future__ import annotations

import json
import re

from . import model
from .links import markdown_anchors
from .problems import DataError, Problem
from .render import render
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
CHECKLISTS = "docs/data/checklists/"
# Section ids a tool writes on its page, besides its checklist's group and item ids.
PLANNER_IDS = ("your-choices", "what-to-ask-for")


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _section_ids(name: str, argument: str | None, guidance: model.Guidance) -> list[str]:
    """The section ids an insert writes on its page, which the page's own headings must not take."""
    if name == "request-planner":
        return list(PLANNER_IDS)
    if name == "checklist" and argument is not None:
        return [part.id for group in guidance.checklist(argument).groups
                for part in (group, *group.items)]
    return []


def _problems(markdown: str, page: str, guidance: model.Guidance,
              first_line: int) -> list[Problem]:
    problems = []
    anchors = set(markdown_anchors(INSERT.sub("", markdown)))
    for match in INSERT.finditer(markdown):
        name, argument = match.groups()
        where = (f"docs/{page}", markdown.count("\n", 0, match.start()) + first_line)
        if name not in TEMPLATES:
            problems.append(Problem(*where, f"unknown insert '{name}'",
                                    f"The inserts you can use are: {', '.join(TEMPLATES)}."))
        elif (name == "checklist") != (argument is not None):
            problems.append(Problem(*where, f"the insert '{name}' " + (
                "needs the name of a checklist" if argument is None else "takes no name"),
                "Write `<!-- insert: checklist safety-plan-check -->`, naming a file in "
                f"{CHECKLISTS}." if argument is None else f"Write `<!-- insert: {name} -->`."))
        elif argument is not None and argument not in {c.id for c in guidance.checklists}:
            problems.append(Problem(*where, f"there is no checklist '{argument}'",
                                    f"The checklists are the files in {CHECKLISTS}: "
                                    f"{', '.join(c.id for c in guidance.checklists)}."))
        else:
            for taken in sorted(anchors.intersection(_section_ids(name, argument, guidance))):
                problems.append(Problem(*where, f"the page already has a section with the id "
                                        f"'{taken}', which the tool also uses",
                                        "Give the page's heading another id, or change the id "
                                        "in the tool's data file."))
    return problems


def fill_inserts(markdown: str, *, page: str, guidance: model.Guidance,
                 directory_urls: bool = True, first_line: int = 1) -> str:
    """Replace each insert line; an unknown name fails with the page and line. ``first_line`` is
    the file's line the Markdown starts on, after any front matter."""
    problems = _problems(markdown, page, guidance, first_line)
    if problems:
        raise DataError(problems)

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
                checklist, page=page, directory_urls=directory_urls))}
        return render(TEMPLATES[name], page=page, guidance=guidance,
                      directory_urls=directory_urls, **values).strip()

    return INSERT.sub(content, markdown)


def abbreviations(guidance: model.Guidance) -> str:
    """The abbreviation definitions appended to every page, from the glossary."""
    return render("abbreviations.md.j2", page="", guidance=guidance)
