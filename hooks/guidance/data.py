"""The checked guidance: every record the site is made from, cross-referenced once."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import records as r


@dataclass(frozen=True)
class Guidance:
    """Everything the site generates pages from, checked and cross-referenced."""

    categories: tuple[r.Category, ...]
    holders: tuple[r.Holder, ...]
    systems: tuple[r.System, ...]
    people: tuple[r.Person, ...]
    conditions: tuple[r.Condition, ...]
    terms: tuple[r.Term, ...]
    definitions: tuple[r.Definition, ...]
    references: tuple[r.Reference, ...]
    further_reading: tuple[r.FurtherReading, ...]
    discouraged_terms: tuple[r.DiscouragedTerm, ...]
    partnership: r.Partnership
    checklists: tuple[r.Checklist, ...]
    reminders: tuple[r.Reminder, ...]
    changes: tuple[r.Change, ...]
    redirects: tuple[r.Redirect, ...]
    search_queries: tuple[r.SearchQuery, ...]
    local_routes: tuple[r.LocalRoute, ...]
    sharing: r.SharingSettings
    published_links: tuple[r.PublishedLink, ...]
    data_links: tuple[r.DataLink, ...]
    file_reviews: dict[str, r.Review]  # each data file's, by its path under docs/
    page_reviews: dict[str, r.Review]  # each hand-written page's, by its path under docs/
    allowed_html: frozenset[str]  # pages under docs/ that hooks/allowed-html.txt lets hold script
    texts: dict[str, str]  # every page and data file read, by its path as messages show it
    _index: dict[str, dict] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index everything once, so each page is rendered without scanning all the data."""
        rows_by_holder: dict[str, list[tuple[r.Category, r.Row]]] = {}
        for category in self.categories:
            for row in category.rows:
                for holder_id in row.holders:
                    rows_by_holder.setdefault(holder_id, []).append((category, row))
        systems_by_holder: dict[str, list[r.System]] = {}
        for system in self.systems:
            for holder_id in system.kept_by:
                systems_by_holder.setdefault(holder_id, []).append(system)
        object.__setattr__(self, "_index", {
            "holder": {holder.id: holder for holder in self.holders},
            "system": {system.id: system for system in self.systems},
            "condition": {condition.id: condition for condition in self.conditions},
            "reference": {reference.id: reference for reference in self.references},
            "checklist": {checklist.id: checklist for checklist in self.checklists},
            "rows_by_holder": rows_by_holder,
            "systems_by_holder": systems_by_holder,
        })

    def route_for(self, holder_id: str) -> r.LocalRoute | None:
        """How a request reaches this organisation in the partnership, if the partnership says."""
        return next((route for route in self.local_routes if route.organisation == holder_id),
                    None)

    def holder(self, holder_id: str) -> r.Holder:
        return self._index["holder"][holder_id]

    def system(self, system_id: str) -> r.System:
        return self._index["system"][system_id]

    def condition(self, condition_id: str) -> r.Condition:
        return self._index["condition"][condition_id]

    def reference(self, reference_id: str) -> r.Reference:
        return self._index["reference"][reference_id]

    def checklist(self, checklist_id: str) -> r.Checklist:
        return self._index["checklist"][checklist_id]

    def rows_held_by(self, holder_id: str) -> list[tuple[r.Category, r.Row]]:
        """Every row naming this holder, in category order, for its 'can contribute' page."""
        return self._index["rows_by_holder"].get(holder_id, [])

    def systems_kept_by(self, holder_id: str) -> list[r.System]:
        return self._index["systems_by_holder"].get(holder_id, [])

    def may_alert_person(self, category: r.Category) -> bool:
        """Whether a row of the category is held by an organisation a request to which could
        reach the person of concern, so its page shows the caution about not alerting them."""
        return any(self.holder(holder_id).may_alert_person
                   for row in category.rows for holder_id in row.holders)

    @property
    def row_count(self) -> int:
        return sum(len(category.rows) for category in self.categories)
