"""Load every data file under ``docs/``, check it, and build the :class:`Guidance` model.

All problems in all files are collected before anything fails, so a policy lead sees the whole
list at once rather than fixing one error per build.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from . import model
from .problems import DataError, Problem
from .schema import (EMAIL_ADDRESS, ID_LIST, RECORD_LIST, SLUG, SLUG_ID, TEXT, TEXT_LIST,
                     WEB_ADDRESS, WHOLE_NUMBER, YES_OR_NO, Field)
from .wording import NameIndex, mentions, words
from .files import (CATEGORIES_DIR, CONDITIONS_FILE, GLOSSARY_FILE, HOLDERS_FILE, LANGUAGE_FILE,
                    PARTNERSHIP_FILE, REFERENCES_FILE)
from .links import LinkTargets
from .load_editorial import EditorialLoader
from .load_tools import ToolLoader
from .reading import DataReader
from .yaml_source import LineDict


# Ids the category page template gives its own headings; a row may not take one of them.
CATEGORY_PAGE_HEADING_IDS = frozenset({"why-this-matters", "who-holds-this-information"})

HOLDER = {"id": Field(SLUG_ID), "name": Field(TEXT), "also_called": Field(TEXT_LIST, False),
          "description": Field(TEXT)}
SYSTEM = {"id": Field(SLUG_ID), "name": Field(TEXT), "also_called": Field(TEXT_LIST, False),
          "kept_by": Field(ID_LIST), "description": Field(TEXT)}
PERSON = {"id": Field(SLUG_ID), "label": Field(TEXT)}
CONDITION = {"id": Field(SLUG_ID), "wording": Field(TEXT), "applies_to": Field(ID_LIST)}
TERM = {"term": Field(TEXT), "meaning": Field(TEXT), "note": Field(TEXT, False)}
REFERENCE = {"id": Field(SLUG_ID), "citation": Field(TEXT), "url": Field(WEB_ADDRESS, False)}
READING = {"title": Field(TEXT), "publisher": Field(TEXT), "note": Field(TEXT, False)}
DISCOURAGED = {"term": Field(TEXT), "forms": Field(TEXT_LIST, False), "instead": Field(TEXT),
               "why": Field(TEXT), "source": Field(SLUG_ID)}
PROCEDURE = {"title": Field(TEXT), "url": Field(WEB_ADDRESS)}
PARTNERSHIP = {"name": Field(TEXT), "contact_email": Field(EMAIL_ADDRESS),
               "local_procedures": Field(RECORD_LIST), "review_owners": Field(TEXT_LIST),
               "overdue_reviews_stop_build": Field(YES_OR_NO, False),
               "edit_link_base": Field(WEB_ADDRESS, False)}
CATEGORY = {"title": Field(TEXT), "short_title": Field(TEXT, False), "order": Field(WHOLE_NUMBER),
            "source": Field(SLUG_ID), "why_it_matters": Field(TEXT), "heading": Field(TEXT, False),
            "rows": Field(RECORD_LIST)}
ROW = {"id": Field(SLUG_ID), "information": Field(TEXT), "relevant_if": Field(SLUG_ID, False),
       "who_holds": Field(TEXT), "holders": Field(ID_LIST), "systems": Field(ID_LIST, False)}


def load_guidance(docs_dir: Path, *, today: date | None = None,
                  site_url: str = "") -> model.Guidance:
    """Read and check all guidance data; raise :class:`DataError` listing every problem.

    ``today`` is the date review dates are checked against; ``site_url`` lets the published
    links list hold full addresses on the published site."""
    return _Loader(docs_dir, today=today or date.today(), site_url=site_url).load()


class _Loader(DataReader):
    def __init__(self, docs_dir: Path, *, today: date, site_url: str) -> None:
        super().__init__(docs_dir, today=today)
        self.today = today
        self.site_url = site_url

    def load(self) -> model.Guidance:
        holders, systems = self._load_register()
        people, conditions = self._load_conditions()
        terms = self._load_glossary()
        references, further_reading = self._load_references()
        discouraged = self._load_language(references)
        partnership = self._load_partnership()
        categories = self._load_categories(holders, systems, conditions, references)
        targets = LinkTargets.of(self.docs_dir, categories=categories,
                                 holders=list(holders.values()), terms=terms,
                                 references=list(references.values()),
                                 category_heading_ids=CATEGORY_PAGE_HEADING_IDS)
        tools = ToolLoader(self, targets=targets, references=references, people=people)
        reminders, checklists = tools.reminders(), tools.checklists()
        editorial = EditorialLoader(self, targets=targets, today=self.today,
                                    site_url=self.site_url)
        page_reviews, changes = editorial.page_reviews(), editorial.changes()
        redirects, published = editorial.redirects(), editorial.published_links()
        if partnership is not None:
            self.review_reader.check_owners(partnership.review_owners,
                                            self.display(PARTNERSHIP_FILE))
        if self.problems:
            raise DataError(self.problems)
        assert partnership is not None
        return model.Guidance(
            categories=tuple(categories), holders=tuple(holders.values()),
            systems=tuple(systems.values()), people=tuple(people.values()),
            conditions=tuple(conditions.values()), terms=tuple(terms),
            references=tuple(references.values()), further_reading=tuple(further_reading),
            discouraged_terms=tuple(discouraged), partnership=partnership,
            checklists=tuple(checklists), reminders=tuple(reminders),
            reviews=model.Reviews(data_files=dict(self.file_reviews), pages=page_reviews),
            changes=tuple(changes), redirects=tuple(redirects), published_links=tuple(published),
            page_titles=dict(targets.titles),
        )

    def _load_register(self) -> tuple[dict[str, model.Holder], dict[str, model.System]]:
        display = self.display(HOLDERS_FILE)
        data = self.read(HOLDERS_FILE, {"holders": Field(RECORD_LIST), "systems":
                                         Field(RECORD_LIST, False)}, "the register of holders")
        holders: dict[str, model.Holder] = {}
        systems: dict[str, model.System] = {}
        if data is None:
            return holders, systems
        for record, line in self.entries(
                data, "holders", HOLDER, display=display, what="an organisation",
                label="organisation id"):
            holders[record["id"]] = model.Holder(
                id=record["id"], name=record["name"].strip(), description=record["description"],
                also_called=tuple(record.get("also_called", ())), source=model.Source(display, line))
        for record, line in self.entries(
                data, "systems", SYSTEM, display=display, what="a system",
                label="system id"):
            for holder_id in record["kept_by"]:
                if holder_id not in holders:
                    self.unknown(display, record.line_of("kept_by"), holder_id, holders,
                                  "organisation", HOLDERS_FILE)
            systems[record["id"]] = model.System(
                id=record["id"], name=record["name"].strip(), description=record["description"],
                also_called=tuple(record.get("also_called", ())),
                kept_by=tuple(record["kept_by"]), source=model.Source(display, line))
        return holders, systems

    def _load_conditions(self) -> tuple[dict[str, model.Person], dict[str, model.Condition]]:
        display = self.display(CONDITIONS_FILE)
        data = self.read(CONDITIONS_FILE, {"people": Field(RECORD_LIST),
                                            "conditions": Field(RECORD_LIST)}, "the conditions")
        people: dict[str, model.Person] = {}
        conditions: dict[str, model.Condition] = {}
        if data is None:
            return people, conditions
        for record, _ in self.entries(
                data, "people", PERSON, display=display, what="a kind of person",
                label="person id"):
            people[record["id"]] = model.Person(id=record["id"], label=record["label"])
        for record, _ in self.entries(
                data, "conditions", CONDITION, display=display, what="a condition",
                label="condition id"):
            for person_id in record["applies_to"]:
                if person_id not in people:
                    self.unknown(display, record.line_of("applies_to"), person_id, people,
                                  "kind of person", CONDITIONS_FILE)
            conditions[record["id"]] = model.Condition(
                id=record["id"], wording=" ".join(record["wording"].split()),
                applies_to=tuple(record["applies_to"]))
        return people, conditions

    def _load_glossary(self) -> list[model.Term]:
        display = self.display(GLOSSARY_FILE)
        data = self.read(GLOSSARY_FILE, {"terms": Field(RECORD_LIST)}, "the glossary")
        if data is None:
            return []
        entries = self.entries(data, "terms", TERM, display=display, what="a glossary entry",
                                unique="term", label="term")
        return [model.Term(term=record["term"].strip(), meaning=record["meaning"].strip(),
                           note=record.get("note", "").strip()) for record, _ in entries]

    def _load_references(self) -> tuple[dict[str, model.Reference], list[model.FurtherReading]]:
        display = self.display(REFERENCES_FILE)
        data = self.read(REFERENCES_FILE, {"references": Field(RECORD_LIST),
                                            "further_reading": Field(RECORD_LIST, False)},
                          "the references")
        if data is None:
            return {}, []
        entries = self.entries(data, "references", REFERENCE, display=display,
                                what="a reference", label="reference id")
        references = {record["id"]: model.Reference(
            id=record["id"], citation=" ".join(record["citation"].split()), url=record.get("url"))
            for record, _ in entries}
        reading = [model.FurtherReading(title=" ".join(record["title"].split()),
                                        publisher=" ".join(record["publisher"].split()),
                                        note=" ".join(record.get("note", "").split()))
                   for record, _ in self.records(data, "further_reading", READING,
                                                  display=display, what="a further reading item")]
        return references, reading

    def _load_language(self, references: dict[str, model.Reference]) -> list[model.DiscouragedTerm]:
        display = self.display(LANGUAGE_FILE)
        data = self.read(LANGUAGE_FILE, {"discouraged": Field(RECORD_LIST)},
                          "the list of discouraged terms")
        if data is None:
            return []
        terms = []
        for record, _ in self.entries(data, "discouraged", DISCOURAGED, display=display,
                                       what="a discouraged term", unique="term", label="term"):
            if record["source"] not in references:
                self.unknown(display, record.line_of("source"), record["source"], references,
                              "reference", REFERENCES_FILE)
            terms.append(model.DiscouragedTerm(
                term=record["term"], forms=tuple(record.get("forms", ())),
                instead=" ".join(record["instead"].split()), why=" ".join(record["why"].split()),
                reference=record["source"]))
        return terms

    def _load_partnership(self) -> model.Partnership | None:
        display = self.display(PARTNERSHIP_FILE)
        data = self.read(PARTNERSHIP_FILE, PARTNERSHIP, "the partnership settings")
        if data is None or not isinstance(data.get("local_procedures"), list):
            return None
        links = [model.ProcedureLink(title=record["title"], url=record["url"])
                 for record, _ in self.records(data, "local_procedures", PROCEDURE,
                                                display=display, what="a local procedures link")]
        if not data["local_procedures"]:
            self.problems.append(Problem(display, data.line_of("local_procedures"),
                                         "there are no local procedures links",
                                         "Add at least one link, with a `title` and a `url`."))
        base = data.get("edit_link_base")
        if isinstance(base, str) and not base.endswith("/"):
            self.problems.append(Problem(display, data.line_of("edit_link_base"),
                                         "the edit link base should end with /",
                                         "Add / at the end: a file's path is added after it."))
        if not isinstance(data.get("review_owners"), list):
            return None
        return model.Partnership(name=data["name"], contact_email=data["contact_email"],
                                 local_procedures=tuple(links),
                                 review_owners=tuple(" ".join(owner.split())
                                                     for owner in data["review_owners"]),
                                 overdue_reviews_stop_build=data.get(
                                     "overdue_reviews_stop_build", False),
                                 edit_link_base=base)

    # Categories and their rows --------------------------------------------------------------

    def _load_categories(self, holders: dict[str, model.Holder],
                         systems: dict[str, model.System],
                         conditions: dict[str, model.Condition],
                         references: dict[str, model.Reference]) -> list[model.Category]:
        folder = self.docs_dir / CATEGORIES_DIR
        files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
        if not files:
            self.problems.append(Problem(
                self.display(CATEGORIES_DIR), 1, "there are no category files (*.yml) here",
                "Each category of information sources is one .yml file in this folder."))
        categories: list[model.Category] = []
        row_ids: dict[str, str] = {}
        names = self._name_index(holders, systems)
        orders: dict[int, str] = {}
        for path in files:
            relative = f"{CATEGORIES_DIR}/{path.name}"
            display = self.display(relative)
            if not SLUG.match(path.stem):
                self.problems.append(Problem(
                    display, 1, "the file name is not usable as a web address",
                    "Rename it to lower-case words joined by hyphens, like `mental-health.yml`."))
                continue
            problems_before = len(self.problems)
            data = self.read(relative, CATEGORY, "a category")
            if data is None:
                continue
            fields_ok = len(self.problems) == problems_before
            if isinstance(data.get("order"), int) and not isinstance(data["order"], bool):
                if data["order"] in orders:
                    self.problems.append(Problem(
                        display, data.line_of("order"),
                        f"order {data['order']} is also used by {orders[data['order']]}",
                        "Give each category a different order number; leave gaps (10, 20, 30) "
                        "so a new one can go in between."))
                orders.setdefault(data["order"], display)
            if SLUG_ID.accepts(data.get("source")) and data["source"] not in references:
                self.unknown(display, data.line_of("source"), data["source"], references,
                              "reference", REFERENCES_FILE)
            if isinstance(data.get("rows"), list) and not data["rows"]:
                self.problems.append(Problem(display, data.line_of("rows"),
                                             "this category has no rows",
                                             "Add at least one row under `rows:`."))
            rows = [self._row(record, line, display, holders, systems, conditions, row_ids, names)
                    for record, line in self.records(data, "rows", ROW, display=display,
                                                      what="a row")]
            if not fields_ok:
                continue
            categories.append(model.Category(
                id=path.stem, title=" ".join(data["title"].split()),
                short_title=" ".join(data.get("short_title", data["title"]).split()),
                order=data["order"], why_it_matters=data["why_it_matters"].strip(),
                heading=data.get("heading", "Source of information"), reference=data["source"],
                rows=tuple(row for row in rows if row is not None),
                source=model.Source(display, 1)))
        return sorted(categories, key=lambda category: category.order)

    @staticmethod
    def _name_index(holders: dict[str, model.Holder],
                    systems: dict[str, model.System]) -> NameIndex:
        """Every name in the register, with the organisations it names (none for a system)."""
        index = NameIndex()
        for system in systems.values():
            for name in system.names:
                index.add(name)
        for holder in holders.values():
            for name in holder.names:
                index.add(name, holder.id)
        return index

    def _row(self, record: LineDict, line: int, display: str, holders: dict[str, model.Holder],
             systems: dict[str, model.System], conditions: dict[str, model.Condition],
             row_ids: dict[str, str], names: NameIndex) -> model.Row | None:
        row_id, who_holds = record["id"], record["who_holds"]
        who_holds_words = words(who_holds)
        problems_before = len(self.problems)
        if row_id in row_ids:
            self.problems.append(Problem(
                display, record.line_of("id"), f"row id '{row_id}' is already used at {row_ids[row_id]}",
                "Every row needs its own id, because trainers link to rows by it. Choose another."))
        elif row_id in CATEGORY_PAGE_HEADING_IDS:
            self.problems.append(Problem(
                display, record.line_of("id"), f"row id '{row_id}' is taken by a heading on the page",
                "Choose another id for this row."))
        row_ids.setdefault(row_id, f"{display}:{record.line_of('id')}")
        for holder_id in record["holders"]:
            if holder_id not in holders:
                self.unknown(display, record.line_of("holders"), holder_id, holders,
                              "organisation", HOLDERS_FILE)
            elif not mentions(who_holds_words, holders[holder_id].names):
                holder = holders[holder_id]
                self.problems.append(Problem(
                    display, record.line_of("holders"),
                    f"the row lists '{holder_id}', but its who_holds text does not name "
                    f"'{holder.name}'",
                    f"Check the row lists the right organisations. If the text uses another name "
                    f"for it, add that name to `also_called` for '{holder_id}' in "
                    f"{self.display(HOLDERS_FILE)}."))
        all_known = all(holder_id in holders for holder_id in record["holders"])
        for name, owners in names.found_in(who_holds_words):
            if all_known and owners and not owners & set(record["holders"]):
                self.problems.append(Problem(
                    display, record.line_of("holders"),
                    f"the who_holds text names '{name}', but the row's holders do not include "
                    f"{' or '.join(sorted(owners))}",
                    "Add it to `holders`, so the row appears on that organisation's page. If the "
                    "text names it for another reason, reword the text."))
        for system_id in record.get("systems", ()):
            if system_id not in systems:
                self.unknown(display, record.line_of("systems"), system_id, systems, "system",
                              HOLDERS_FILE)
                continue
            system = systems[system_id]
            if not mentions(who_holds_words, system.names):
                self.problems.append(Problem(
                    display, record.line_of("systems"),
                    f"the row lists system '{system_id}', but its who_holds text does not name "
                    f"'{system.name}'",
                    "Check the system is right, or add the name the text uses to its "
                    "`also_called`."))
            if all_known and not set(system.kept_by) & set(record["holders"]):
                self.problems.append(Problem(
                    display, record.line_of("systems"),
                    f"system '{system_id}' is kept by {', '.join(system.kept_by)}, none of whom "
                    f"this row lists",
                    "Add the organisation that keeps the system to `holders`, or correct "
                    "`systems`."))
        condition = record.get("relevant_if")
        if condition is not None and condition not in conditions:
            self.unknown(display, record.line_of("relevant_if"), condition, conditions,
                          "condition", CONDITIONS_FILE)
        if len(self.problems) > problems_before:
            return None
        return model.Row(
            id=row_id, information=" ".join(record["information"].split()),
            who_holds=" ".join(who_holds.split()), holders=tuple(record["holders"]),
            systems=tuple(record.get("systems", ())), relevant_if=condition,
            source=model.Source(display, line))
