"""The ``<!-- insert: name -->`` lines hand-written pages may hold, and the check of each line.

Kept apart from the rendering, so the standalone data check needs no template engine.
"""

from __future__ import annotations

import re

from . import records as r
from .problems import Problem

INSERT = re.compile(
    r"^<!--[ \t]*insert:[ \t]*([a-z0-9-]+)(?:[ \t]+([a-z0-9-]+))?[ \t]*-->[ \t]*$", re.MULTILINE)
TEMPLATES = {
    "category-list": "category_list.md.j2",
    "local-procedures": "local_procedures.md.j2",
    "safety-planning-tool": "safety_planning_tool.md.j2",
    "discouraged-terms": "discouraged_terms.md.j2",
    "request-contents": "request_contents.md.j2",
    "what-to-record": "what_to_record.md.j2",
    "immediate-danger": "immediate_danger.html.j2",
    "not-alerting": "not_alerting.html.j2",
    "tool-options": "tool_options.md.j2",
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


# A link to an organisation's page, written from any folder: (../)organisations/<id>.md or /<id>/.
_ORGANISATION_LINK = re.compile(r"\]\((?:\.\./)*organisations/([a-z0-9-]+)(?:\.md|/)")


def caution_problems(markdown: str, *, path: str, alerting: dict[str, str]) -> list[Problem]:
    """A page that sends its reader to an organisation a request to which could reach the person
    of concern (``alerting``: each such organisation's name, by id; `may_alert_person` in the
    register) must show the caution about not alerting them, or it would steer the reader to
    alert the person. Reported once, at the page's first such link."""
    if any(match.group(1) == "not-alerting" for match in INSERT.finditer(markdown)):
        return []
    for number, line in enumerate(markdown.splitlines(), start=1):
        for match in _ORGANISATION_LINK.finditer(line):
            if match.group(1) in alerting:
                return [Problem(
                    path, number, f"this page links to the page of '{alerting[match.group(1)]}', "
                    "and a request to them could reach the person of concern, but it does not "
                    "show the caution about not alerting them",
                    "Add the line `<!-- insert: not-alerting -->` where the page suggests asking "
                    "them: it shows the caution written in `not_alerting` in "
                    "docs/data/sharing.yml.", "caution-missing")]
    return []
