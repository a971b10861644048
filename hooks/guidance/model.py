"""The guidance data as typed records, built only from data that passed its checks."""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class ProcedureLink:
    title: str
    url: str


@dataclass(frozen=True)
class Partnership:
    name: str
    contact_email: str
    local_procedures: tuple[ProcedureLink, ...]


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
    partnership: Partnership
    _holder_index: dict[str, Holder] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_holder_index", {holder.id: holder for holder in self.holders})

    def holder(self, holder_id: str) -> Holder:
        return self._holder_index[holder_id]

    def system(self, system_id: str) -> System:
        return next(system for system in self.systems if system.id == system_id)

    def condition(self, condition_id: str) -> Condition:
        return next(condition for condition in self.conditions if condition.id == condition_id)

    def reference(self, reference_id: str) -> Reference:
        return next(reference for reference in self.references if reference.id == reference_id)

    def rows_held_by(self, holder_id: str) -> list[tuple[Category, Row]]:
        """Every row naming this holder, in category order, for its 'can contribute' page."""
        return [(category, row) for category in self.categories for row in category.rows
                if holder_id in row.holders]

    def systems_kept_by(self, holder_id: str) -> list[System]:
        return [system for system in self.systems if holder_id in system.kept_by]

    @property
    def row_count(self) -> int:
        return sum(len(category.rows) for category in self.categories)
