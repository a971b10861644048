"""What the thinking tools' scripts need, as plain data for JSON; the pages carry the same content
as HTML, so each tool is a readable checklist before any script runs."""

from __future__ import annotations

from dataclasses import dataclass

from . import records as r
from .data import Guidance
from .render import TitleOf, UrlFor


@dataclass(frozen=True)
class PlannerEntry:
    """One record to ask one organisation about: a row of a category. Who holds it, and where, is
    the row's own `who_holds` text, in the source tables' words."""

    category: r.Category
    row: r.Row


def planner_groups(guidance: Guidance) -> list[tuple[r.Holder, list[PlannerEntry]]]:
    """Every organisation that holds a record, in the register's order, with what to ask it for.

    A row held by several organisations is listed under each of them, because each is asked
    separately."""
    groups = []
    for holder in guidance.holders:
        entries = [PlannerEntry(category, row) for category, row in guidance.rows_held_by(holder.id)]
        if entries:
            groups.append((holder, entries))
    return groups


def planner_data(guidance: Guidance) -> dict:
    """The choices the planner offers and what each hides or shows; the entries are in the HTML."""
    return {
        "people": {person.id: person.label for person in guidance.people},
        "conditions": {condition.id: {"applies": list(condition.applies_to),
                                      "notKnown": list(condition.not_known_for)}
                       for condition in guidance.conditions},
        "categories": {category.id: category.short_title for category in guidance.categories},
        "reminders": {reminder.id: list(reminder.applies_to) for reminder in guidance.reminders},
    }


def checklist_data(checklist: r.Checklist, *, url_for: UrlFor, title_of: TitleOf) -> dict:
    """Every item with its answers and what to do when one needs attention, for the summary."""
    items = []
    for group in checklist.groups:
        for item in group.items:
            guidance = item.guidance
            items.append({
                "id": item.id, "group": group.title, "text": item.text,
                "attention": item.attention, "guidance": url_for(guidance),
                "guidanceTitle": title_of(guidance),
                "answers": [{"id": answer.id, "label": answer.label,
                             "needsAttention": answer.needs_attention}
                            for answer in item.answers],
            })
    return {"id": checklist.id, "title": checklist.title,
            "summaryTitle": checklist.summary_title, "note": checklist.note, "items": items}
