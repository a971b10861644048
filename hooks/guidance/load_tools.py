"""Load and check the thinking tools' data: the request planner's reminders and each checklist
(the threshold reflection, the safety plan check), with every guidance link resolved."""

from __future__ import annotations

from . import model
from .files import CHECKLISTS_DIR, CONDITIONS_FILE, PLANNER_FILE, REFERENCES_FILE
from .links import LinkTargets
from .problems import Problem
from .reading import DataReader
from .schema import (ID_LIST, PAGE_ADDRESS, RECORD_LIST, SLUG, SLUG_ID, TEXT, YES_OR_NO, Field)
from .yaml_source import LineDict


REMINDER = {"id": Field(SLUG_ID), "text": Field(TEXT), "applies_to": Field(ID_LIST, False),
            "guidance": Field(PAGE_ADDRESS), "sources": Field(ID_LIST)}
CHECKLIST = {"title": Field(TEXT), "summary_title": Field(TEXT), "note": Field(TEXT, False),
             "answers": Field(RECORD_LIST), "groups": Field(RECORD_LIST)}
ANSWER = {"id": Field(SLUG_ID), "label": Field(TEXT), "needs_attention": Field(YES_OR_NO, False)}
GROUP = {"id": Field(SLUG_ID), "title": Field(TEXT), "guidance": Field(PAGE_ADDRESS),
         "sources": Field(ID_LIST), "items": Field(RECORD_LIST)}
ITEM = {"id": Field(SLUG_ID), "text": Field(TEXT), "attention": Field(TEXT),
        "guidance": Field(PAGE_ADDRESS, False), "answers": Field(RECORD_LIST, False)}


def _text(value: str) -> str:
    return " ".join(value.split())


class ToolLoader:
    """Reads the tools' data through a :class:`DataReader`, so its problems join everyone else's."""

    def __init__(self, reader: DataReader, *, targets: LinkTargets,
                 references: dict[str, model.Reference], people: dict[str, model.Person]) -> None:
        self.reader = reader
        self.targets = targets
        self.references = references
        self.people = people

    def _problem(self, display: str, line: int, message: str, hint: str) -> None:
        self.reader.problems.append(Problem(display, line, message, hint))

    def _check_link(self, display: str, record: LineDict, key: str) -> None:
        found = self.targets.problem_with(record[key])
        if found:
            self._problem(display, record.line_of(key), *found)

    def _check_sources(self, display: str, record: LineDict) -> None:
        for reference_id in record["sources"]:
            if reference_id not in self.references:
                self.reader.unknown(display, record.line_of("sources"), reference_id,
                                    self.references, "reference", REFERENCES_FILE)

    # The request planner -------------------------------------------------------------------

    def reminders(self) -> list[model.Reminder]:
        display = self.reader.display(PLANNER_FILE)
        data = self.reader.read(PLANNER_FILE, {"reminders": Field(RECORD_LIST)},
                                "the request planner's settings")
        if data is None:
            return []
        reminders = []
        for record, _ in self.reader.entries(data, "reminders", REMINDER, display=display,
                                             what="a reminder", label="reminder id"):
            for person_id in record.get("applies_to", ()):
                if person_id not in self.people:
                    self.reader.unknown(display, record.line_of("applies_to"), person_id,
                                        self.people, "kind of person", CONDITIONS_FILE)
            self._check_link(display, record, "guidance")
            self._check_sources(display, record)
            reminders.append(model.Reminder(
                id=record["id"], text=_text(record["text"]),
                applies_to=tuple(record.get("applies_to", ())), guidance=record["guidance"],
                guidance_title=self.targets.title_of(record["guidance"]), sources=tuple(record["sources"])))
        return reminders

    # Checklists ----------------------------------------------------------------------------

    def checklists(self) -> list[model.Checklist]:
        folder = self.reader.docs_dir / CHECKLISTS_DIR
        loaded = []
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            relative = f"{CHECKLISTS_DIR}/{path.name}"
            display = self.reader.display(relative)
            if not SLUG.match(path.stem):
                self._problem(display, 1, "the file name is not usable as a web address",
                              "Rename it to lower-case words joined by hyphens, like "
                              "`safety-plan-check.yml`.")
                continue
            checklist = self._checklist(path.stem, relative, display)
            if checklist is not None:
                loaded.append(checklist)
        return loaded

    def _answers(self, parent: LineDict, display: str) -> tuple[model.Answer, ...]:
        answers = tuple(
            model.Answer(id=record["id"], label=_text(record["label"]),
                         needs_attention=record.get("needs_attention", False))
            for record, _ in self.reader.entries(parent, "answers", ANSWER, display=display,
                                                 what="an answer", label="answer id"))
        line = parent.line_of("answers")
        if isinstance(parent.get("answers"), list) and len(parent["answers"]) < 2:
            self._problem(display, line, "there must be at least two answers to choose from",
                          "Add another answer, with an `id` and a `label`.")
        elif answers and not any(answer.needs_attention for answer in answers):
            self._problem(display, line, "no answer here has `needs_attention: true`, so nothing "
                          "chosen here can ever reach the summary",
                          "Add `needs_attention: true` to the answers that need attention.")
        return answers

    def _checklist(self, checklist_id: str, relative: str,
                   display: str) -> model.Checklist | None:
        problems_before = len(self.reader.problems)
        data = self.reader.read(relative, CHECKLIST, "a checklist")
        if data is None:
            return None
        default_answers = self._answers(data, display)
        ids: dict[str, int] = {}
        groups = []
        for group, _ in self.reader.entries(data, "groups", GROUP, display=display,
                                            what="a group", label="group id"):
            self._unique(display, group, ids)
            self._check_link(display, group, "guidance")
            self._check_sources(display, group)
            items = []
            for item, _ in self.reader.records(group, "items", ITEM, display=display,
                                               what="an item"):
                self._unique(display, item, ids)
                if "guidance" in item:
                    self._check_link(display, item, "guidance")
                answers = self._answers(item, display) if "answers" in item else default_answers
                guidance = item.get("guidance", group["guidance"])
                items.append(model.ChecklistItem(
                    id=item["id"], text=_text(item["text"]), attention=_text(item["attention"]),
                    guidance=guidance, guidance_title=self.targets.title_of(guidance),
                    answers=answers))
            if isinstance(group.get("items"), list) and not group["items"]:
                self._problem(display, group.line_of("items"), "this group has no items",
                              "Add at least one item under `items:`.")
            groups.append(model.ChecklistGroup(
                id=group["id"], title=_text(group["title"]), guidance=group["guidance"],
                guidance_title=self.targets.title_of(group["guidance"]), sources=tuple(group["sources"]), items=tuple(items)))
        if len(self.reader.problems) > problems_before:
            return None
        return model.Checklist(
            id=checklist_id, title=_text(data["title"]), summary_title=_text(data["summary_title"]),
            note=_text(data.get("note", "")), groups=tuple(groups),
            source=model.Source(display, 1))

    def _unique(self, display: str, record: LineDict, ids: dict[str, int]) -> None:
        """Group and item ids share one set: each is a section of the page and a link target."""
        value, line = record["id"], record.line_of("id")
        if value in ids:
            self._problem(display, line, f"the id '{value}' is used twice (first on line "
                          f"{ids[value]})",
                          "Every group and item needs its own id, because shared links name "
                          "them. Choose another.")
        ids.setdefault(value, line)
