"""What the thinking tools' scripts need, as plain data for JSON; the pages carry the same content
as HTML, so each tool is a readable checklist before any script runs."""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import records as r
from .data import Guidance
from .render import TitleOf, UrlFor


@dataclass(frozen=True)
class PlannerEntry:
    """One record to ask one organisation about, once however many categories list it: a row's
    words, and every category whose table has that row (it is asked for while any is chosen).
    Who holds it, and where, is the row's own `who_holds` text, in the source tables' words."""

    categories: tuple[r.Category, ...]
    row: r.Row

    @property
    def category(self) -> r.Category:
        """The category whose row the entry links to: the first that lists it."""
        return self.categories[0]


def planner_groups(guidance: Guidance) -> list[tuple[r.Holder, list[PlannerEntry]]]:
    """Every organisation that holds a record, in the register's order, with what to ask it for.

    A row held by several organisations is listed under each of them, because each is asked
    separately. Rows of one organisation with the same words and condition in several
    categories (crisis intervention records, say) are one record to ask for."""
    groups = []
    for holder in guidance.holders:
        merged: dict[tuple[str, str | None], PlannerEntry] = {}
        for category, row in guidance.rows_held_by(holder.id):
            key = (row.information, row.relevant_if)
            if key in merged:
                merged[key] = replace(merged[key],
                                      categories=(*merged[key].categories, category))
            else:
                merged[key] = PlannerEntry((category,), row)
        if merged:
            groups.append((holder, list(merged.values())))
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
                             "needsAttention": answer.needs_attention,
                             **({"onlyWhen": {"item": answer.only_when.item,
                                              "answers": list(answer.only_when.answers)}}
                                if answer.only_when else {})}
                            for answer in item.answers],
            })
    return {"id": checklist.id, "title": checklist.title,
            "summaryTitle": checklist.summary_title, "note": checklist.note, "items": items}
