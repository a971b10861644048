"""The guidance data as typed records, built only from data that passed its checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .review import Review


@dataclass(frozen=True)
class Source:
    """Where a record came from: a data file and a line, for edit links and messages."""

    path: str
    line: int


@dataclass(frozen=True)
class RegisterEntry:
    """An organisation or a system: named once, and perhaps also called other things."""

    id: str
    name: str
    description: str
    also_called: tuple[str, ...]
    source: Source

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also_called)


@dataclass(frozen=True)
class Holder(RegisterEntry):
    """An organisation or service that holds information about a person of concern."""


@dataclass(frozen=True)
class System(RegisterEntry):
    """A records system, kept by one or more organisations."""

    kept_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A kind of person of concern a practitioner can choose between (adult, child...)."""

    id: str
    label: str


@dataclass(frozen=True)
class Condition:
    """When a row is relevant only to some people of concern."""

    id: str
    wording: str
    applies_to: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    id: str
    information: str
    who_holds: str
    holders: tuple[str, ...]
    systems: tuple[str, ...]
    relevant_if: str | None
    source: Source


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    short_title: str
    order: int
    why_it_matters: str
    heading: str
    reference: str
    rows: tuple[Row, ...]
    source: Source


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    note: str

    @property
    def anchor(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.term.lower()).split())


@dataclass(frozen=True)
class Reference:
    id: str
    citation: str
    url: str | None

    @property
    def short(self) -> str:
        """The citation's first sentence, without Markdown emphasis, for a link's words."""
        return self.citation.replace("*", "").split(". ")[0].rstrip(".")


@dataclass(frozen=True)
class FurtherReading:
    title: str
    publisher: str
    note: str


@dataclass(frozen=True)
class DiscouragedTerm:
    """A word to avoid in everyday safeguarding language, and what to say instead."""

    term: str
    forms: tuple[str, ...]
    instead: str
    why: str
    reference: str


@dataclass(frozen=True)
class ProcedureLink:
    title: str
    url: str


@dataclass(frozen=True)
class Partnership:
    name: str
    contact_email: str
    local_procedures: tuple[ProcedureLink, ...]
    review_owners: tuple[str, ...] = ()
    overdue_reviews_stop_build: bool = False
    edit_link_base: str | None = None  # a file's path under the repository is added to it


@dataclass(frozen=True)
class Change:
    """One entry in "Changes to this guidance": what changed, when, and which pages it touched."""

    date: date
    summary: str
    pages: tuple[str, ...]  # paths under docs/, perhaps with #section
    titles: tuple[str, ...]  # words for each link: the page's title, and the section's


@dataclass(frozen=True)
class Redirect:
    """Where a published link that no longer resolves now leads. Both are site addresses like
    ``/sources/trauma/#row-id``."""

    from_link: str
    to_link: str
    source: Source


@dataclass(frozen=True)
class PublishedLink:
    """A link given out in training or print, which must keep working; its line in the list."""

    link: str
    line: int


@dataclass(frozen=True)
class Reviews:
    """Every review: data files by their path under docs/, hand-written pages by theirs."""

    data_files: dict[str, Review]
    pages: dict[str, Review]


@dataclass(frozen=True)
class Answer:
    """One choice a practitioner can make for a checklist item."""

    id: str
    label: str
    needs_attention: bool


@dataclass(frozen=True)
class ChecklistItem:
    """A question or element in a checklist tool, and what to do when its answer needs attention."""

    id: str
    text: str
    attention: str
    guidance: str  # a page under docs/, perhaps with #section
    guidance_title: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class ChecklistGroup:
    id: str
    title: str
    guidance: str
    guidance_title: str
    sources: tuple[str, ...]
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Checklist:
    """A thinking tool made of choices only: the threshold reflection, the safety plan check."""

    id: str
    title: str
    summary_title: str
    note: str
    groups: tuple[ChecklistGroup, ...]
    source: Source

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for group in self.groups for item in group.items)


@dataclass(frozen=True)
class Reminder:
    """Something the request planner reminds the practitioner of, perhaps only for some people."""

    id: str
    text: str
    applies_to: tuple[str, ...]  # ids of kinds of person; every kind when empty
    guidance: str
    guidance_title: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Guidance:
    """Everything the site generates pages from, checked and cross-referenced."""

    categories: tuple[Category, ...]
    holders: tuple[Holder, ...]
    systems: tuple[System, ...]
    people: tuple[Person, ...]
    conditions: tuple[Condition, ...]
    terms: tuple[Term, ...]
    references: tuple[Reference, ...]
    further_reading: tuple[FurtherReading, ...]
    discouraged_terms: tuple[DiscouragedTerm, ...]
    partnership: Partnership
    checklists: tuple[Checklist, ...] = ()
    reminders: tuple[Reminder, ...] = ()
    reviews: Reviews = field(default_factory=lambda: Reviews({}, {}))
    changes: tuple[Change, ...] = ()
    redirects: tuple[Redirect, ...] = ()
    published_links: tuple[PublishedLink, ...] = ()
    page_titles: dict[str, str] = field(default_factory=dict)  # by path under docs/
    _index: dict[str, dict] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index everything once, so each page is rendered without scanning all the data."""
        rows_by_holder: dict[str, list[tuple[Category, Row]]] = {}
        for category in self.categories:
            for row in category.rows:
                for holder_id in row.holders:
                    rows_by_holder.setdefault(holder_id, []).append((category, row))
        systems_by_holder: dict[str, list[System]] = {}
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

    def holder(self, holder_id: str) -> Holder:
        return self._index["holder"][holder_id]

    def system(self, system_id: str) -> System:
        return self._index["system"][system_id]

    def condition(self, condition_id: str) -> Condition:
        return self._index["condition"][condition_id]

    def reference(self, reference_id: str) -> Reference:
        return self._index["reference"][reference_id]

    def checklist(self, checklist_id: str) -> Checklist:
        return self._index["checklist"][checklist_id]

    def rows_held_by(self, holder_id: str) -> list[tuple[Category, Row]]:
        """Every row naming this holder, in category order, for its 'can contribute' page."""
        return self._index["rows_by_holder"].get(holder_id, [])

    def systems_kept_by(self, holder_id: str) -> list[System]:
        return self._index["systems_by_holder"].get(holder_id, [])

    @property
    def row_count(self) -> int:
        return sum(len(category.rows) for category in self.categories)
