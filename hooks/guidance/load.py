"""Load every data file under ``docs/``, check it, and build the :class:`Guidance` it describes.

One loader with one problem list: every problem in every file is collected before anything
fails, so a policy lead sees the whole list at once rather than one error per build.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import records as r
from .data import Guidance
from .insert_lines import caution_problems, insert_problems
from .data_text import links_in
from .kinds import (SITE_ADDRESS, SLUG, Nested, RecordBuilder, Records, data_fields,
                    did_you_mean, example_field, references, spec_key, spec_of)
from .pages import FRONT_MATTER, body, generated_paths
from .page_safety import (ALLOW_LIST, Render, outside_links, read_allow_list,
                          scriptable_files, unsafe_markup)
from .problems import DataError, Problem
from .wording import NameIndex, mentions, words
from .yaml_source import LineDict, decode_text, parse_yaml, read_text

# Ids the templates give their own headings: on a category page, and on an organisation page
# (where each category's heading takes the category's id too). A row may not take one of them.
CATEGORY_PAGE_HEADING_IDS = frozenset({"why-this-matters", "who-holds-this-information"})
HOLDER_PAGE_HEADING_IDS = frozenset({"systems-it-keeps", "what-this-organisation-can-contribute",
                                     "on-what-basis-you-can-share", "how-to-ask-them"})
GLOSSARY_HEADING_IDS = frozenset({"terms", "abbreviations"})
# The largest data file read: room for 100 times the largest today (16 KB), as the benchmark
# builds, and small enough that a file pasted in by mistake is refused at once, not read for minutes.
LARGEST_DATA_FILE = 4 * 1024 * 1024
REVIEW_EXAMPLE = ("review:\n        owner: Partnership policy lead\n        last_reviewed: 2026-04-30"
                  "\n        every_months: 12")


def load_guidance(docs_dir: Path, *, today: date | None = None, site_url: str = "",
                  pages: dict[str, bytes] | None = None, render: Render | None = None
                  ) -> Guidance:
    """Read and check all guidance data and the hand-written pages' review details and insert
    lines; raise :class:`DataError` listing every problem.

    ``today`` is the date review dates are checked against; ``site_url`` lets the published
    links list hold full addresses on the published site; ``pages`` gives each hand-written page's
    bytes by its path under docs/ (the build passes what MkDocs found; otherwise docs/ is read).
    With ``render`` (the site's Markdown), each page is checked for unsafe markup here; the build
    checks what MkDocs renders instead (guidance_hooks.on_page_content), so renders nothing twice."""
    if pages is None:
        pages = {path.relative_to(docs_dir).as_posix(): path.read_bytes()
                 for path in sorted(docs_dir.rglob("*.md"))}
    return Loader(docs_dir, today=today or date.today()).load(site_url=site_url, pages=pages,
                                                               render=render)


class Loader:
    """Reads every data file into records, with one problem list for all of them."""

    def __init__(self, docs_dir: Path, *, today: date) -> None:
        self.docs_dir = docs_dir
        self.today = today
        self.problems: list[Problem] = []
        self.builder = RecordBuilder(self.problems)
        self.reviews: dict[str, r.Review] = {}  # every review read, by file as messages show it
        self.file_texts: dict[str, str] = {}  # each data file's text, by its path under docs/

    def display(self, relative: str) -> str:
        """A file's path as messages show it, like docs/data/holders.yml."""
        return f"{self.docs_dir.name}/{relative}"

    def add(self, path: str, line: int, message: str, hint: str, code: str) -> None:
        self.problems.append(Problem(path, line, message, hint, code))

    # Reading files --------------------------------------------------------------------------

    def read(self, data_file: r.DataFile, relative: str | None = None, **extra: Any) -> Any:
        """One data file as its declared record, or None if it has problems."""
        relative = relative or data_file.path
        path, display = self.docs_dir / relative, self.display(relative)
        if not path.is_file():
            self.add(display, 1, "this file is missing", f"Restore {display} from the main "
                     "branch.", "file-missing")
            return None
        size = path.stat().st_size
        if size > LARGEST_DATA_FILE:
            self.add(display, 1, f"this file is {size / 1024 / 1024:,.1f} MB, and a data file may "
                     f"be at most {LARGEST_DATA_FILE // 1024 // 1024} MB", "A file this long would make pages no "
                     "reader could use: split it (a category into several categories), or check "
                     "that nothing was pasted into it by mistake.", "file-too-large")
            return None
        text, problems = read_text(path, display)
        data, more = (parse_yaml(text, display, example_field(data_file.record))
                      if text is not None else (None, []))
        self.problems.extend(problems + more)
        if problems or more:
            return None
        self.file_texts[relative] = text
        self.builder.texts[display] = text
        if data is None:
            self.add(display, 1, "this file is empty", f"Fill in {data_file.record.WHAT}, or "
                     "restore it from the main branch.", "file-empty")
            return None
        if data_file.reviewed and isinstance(data, LineDict) and "review" not in data:
            self.add(display, 1, "this file has no review details",
                     f"Add a `review:` block at the top, like:\n      {REVIEW_EXAMPLE}",
                     "review-missing")
        loaded = self.builder.build(data_file.record, data, path=display, line=1, **extra)
        review = self._review(getattr(loaded, "review", None), display)
        if review is not None:
            self.reviews[display] = review
        return loaded

    def read_folder(self, data_file: r.DataFile) -> list[Any]:
        """A record per ``*.yml`` file in a folder, each with its file's name as its id."""
        folder = self.docs_dir / data_file.path
        loaded = []
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            relative = f"{data_file.path}/{path.name}"
            if not SLUG.match(path.stem):
                self.add(self.display(relative), 1, "the file name is not usable as a web address",
                         "Rename it to lower-case words joined by hyphens, like "
                         "`mental-health.yml`.", "file-name")
                continue
            record = self.read(data_file, relative, id=path.stem)
            if record is not None:
                loaded.append(record)
        return loaded

    def _review(self, review: r.Review | None, display: str) -> r.Review | None:
        if review is not None and review.last_reviewed > self.today:
            self.add(display, review.line_of("last_reviewed"),
                     f"the review date {review.last_reviewed.isoformat()} is in the future",
                     f"Write the date the review was done (today is {self.today.isoformat()}).",
                     "review-date")
            return None
        return review

    def page_review(self, text: str, display: str) -> r.Review | None:
        """The ``review:`` block in a hand-written page's front matter (between the --- lines)."""
        match = FRONT_MATTER.match(text)
        if match is None:
            self.add(display, 1, "this page has no review details", "Start the page with these "
                     f"lines:\n      ---\n      {REVIEW_EXAMPLE}\n      ---", "review-missing")
            return None
        # A blank line in place of the opening --- keeps the line numbers the file's own.
        data, problems = parse_yaml("\n" + (match.group(1) or ""), display)
        self.problems.extend(problems)
        if problems:
            return None
        if not isinstance(data, LineDict):
            data = LineDict()
            data.key_lines = {}
        if "review" not in data and not any(did_you_mean(str(key), ["review"]) for key in data):
            self.add(display, 1, "this page's front matter has no review details",
                     f"Add to the lines between the --- lines:\n      {REVIEW_EXAMPLE}",
                     "review-missing")
        settings = self.builder.build(r.PageSettings, data, path=display, line=1)
        review = self._review(settings.review if settings else None, display)
        if review is not None:
            self.reviews[display] = review
        return review

    # The whole guidance ---------------------------------------------------------------------

    def load(self, *, site_url: str, pages: dict[str, bytes], render: Render | None) -> Guidance:
        register = self.read(r.HOLDERS)
        conditions = self.read(r.CONDITIONS)
        glossary = self.read(r.GLOSSARY)
        refs = self.read(r.REFERENCES)
        language = self.read(r.LANGUAGE)
        partnership = self.read(r.PARTNERSHIP)
        planner = self.read(r.PLANNER)
        changes = self.read(r.CHANGES)
        redirects = self.read(r.REDIRECTS)
        searches = self.read(r.SEARCH_QUERIES)
        routes = self.read(r.LOCAL_ROUTES)
        sharing = self.read(r.SHARING)
        categories = sorted((replace(category, short_title=category.short_title or category.title)
                             for category in self.read_folder(r.CATEGORIES)),
                            key=lambda category: category.order)
        checklists = self.read_folder(r.CHECKLISTS)
        files = [register, conditions, glossary, refs, language, partnership, planner, changes,
                 redirects, searches, routes, sharing, *categories, *checklists]
        registers = {
            "organisation": [h.id for h in register.holders] if register else None,
            "system": [s.id for s in register.systems] if register else None,
            "kind of person": [p.id for p in conditions.people] if conditions else None,
            "condition": [c.id for c in conditions.conditions] if conditions else None,
            "reference": [ref.id for ref in refs.references] if refs else None,
        }
        self._check_references([loaded for loaded in files if loaded is not None], registers)
        for condition in getattr(conditions, "conditions", ()):
            self._check_condition(condition)
        if register is not None and categories:
            self._check_rows(categories, register)
        self._check_categories(categories)
        if glossary is not None:
            self._check_glossary(glossary)
        for checklist in checklists:
            self._check_checklist(checklist)
        for change in getattr(changes, "changes", ()):
            if change.date > self.today:
                self.add(change.path, change.line_of("date"), f"the change date "
                         f"{change.date.isoformat()} is in the future", "Write the date the "
                         f"change was published (today is {self.today.isoformat()}).",
                         "date-in-future")
        for redirect in getattr(redirects, "redirects", ()):
            if redirect.from_link == redirect.to_link:
                self.add(redirect.path, redirect.line_of("to"), "this redirect leads to itself",
                         "Write the section's new address in `to`.", "redirect")
        published = self._published_links(
            (partnership.published_address if partnership else site_url).rstrip("/"))
        allowed, problems = read_allow_list(self.docs_dir.parent / ALLOW_LIST)
        self.problems.extend(problems)
        self.problems.extend(outside_links(self.docs_dir, self.docs_dir.name))
        self.problems.extend(scriptable_files(self.docs_dir, allowed, self.docs_dir.name))
        page_reviews = {}
        alerting = {holder.id: holder.name for holder in getattr(register, "holders", ())
                    if holder.may_alert_person}
        for src_uri, raw in pages.items():
            display = self.display(src_uri)
            text, unreadable = decode_text(raw, display)
            self.problems.extend(unreadable)
            if text is None:
                continue
            self.file_texts[src_uri] = text
            review = self.page_review(text, display)
            if review is not None:
                page_reviews[src_uri] = review
            self.problems.extend(insert_problems(text, path=display, checklists=[
                checklist.id for checklist in checklists]))
            self.problems.extend(caution_problems(text, path=display, alerting=alerting))
            if render is not None and src_uri not in allowed:
                self.problems.extend(unsafe_markup(display, body(text), render=render))
        if partnership is not None:
            self.check_owners(partnership.review_owners)
        data_links = []
        if not self.problems:
            data_links = self._data_links(planner, changes, checklists, files)
            self._check_pages_exist(data_links, set(pages) | generated_paths(
                [c.id for c in categories], [h.id for h in register.holders]))
        if self.problems:
            raise DataError(self.problems)
        return Guidance(
            categories=tuple(categories), holders=register.holders, systems=register.systems,
            people=conditions.people, conditions=conditions.conditions, terms=glossary.terms,
            definitions=glossary.definitions,
            references=refs.references, further_reading=refs.further_reading,
            discouraged_terms=language.discouraged, partnership=partnership,
            checklists=tuple(checklist.resolved() for checklist in checklists), reminders=planner.reminders,
            changes=tuple(sorted(changes.changes, key=lambda change: change.date, reverse=True)),
            redirects=redirects.redirects, search_queries=searches.queries,
            local_routes=routes.routes, sharing=sharing,
            published_links=tuple(published),
            data_links=tuple(data_links),
            file_reviews={path.split("/", 1)[1]: review for path, review in self.reviews.items()
                          if not path.endswith(".md")},
            page_reviews=page_reviews, allowed_html=allowed,
            texts={self.display(path): text for path, text in self.file_texts.items()})

    def check_owners(self, owners: Iterable[str]) -> None:
        """Each owner must be one of the partnership's roles, so a typo or a person's name shows."""
        owners = list(owners)
        for review in self.reviews.values():
            if review.owner not in owners:
                self.add(review.path, review.line_of("owner"), f"unknown owner '{review.owner}'",
                         f"{did_you_mean(review.owner, owners)}The owner is a role, not a person: "
                         f"use one of the `review_owners` in {self.display(r.PARTNERSHIP.path)}, "
                         "or add the role there.", "review-owner")

    def _check_references(self, loaded: list[Any], registers: dict[str, list[str] | None]) -> None:
        """Each id names a record in its register. A register whose file could not be read
        (None) is not checked against: its own problems are listed, and fixing them comes first."""
        known = {name: set(ids) for name, ids in registers.items() if ids is not None}
        for top in loaded:
            for record, key, value, register in references(top):
                if registers[register] is None:
                    continue
                if value not in known[register] and value not in self.builder.broken_ids:
                    self.add(record.path, record.line_of(key), f"unknown {register} '{value}'",
                             f"{did_you_mean(value, registers[register])}Use an id listed in "
                             f"{self.display(r.REGISTERS[register].path)}, or add it there "
                             "first.", "unknown-id")

    def _check_condition(self, condition: r.Condition) -> None:
        """A person it is not known for is listed with a question, so the question is needed,
        and a person cannot be both one it applies to and one it is not known for."""
        if condition.not_known_for and not condition.ask:
            self.add(condition.path, condition.line_of("not_known_for"), "this condition has "
                     "`not_known_for` but no `ask`", "Add a line `ask:` with what to ask, like "
                     "`ask: ask whether they had contact with the youth justice service as a "
                     "child`.", "missing-field")
        if condition.ask and not condition.not_known_for:
            self.add(condition.path, condition.line_of("ask"), "this condition has `ask` but no "
                     "`not_known_for`", "Add `not_known_for:` with the kinds of person it is not "
                     "known for, like `not_known_for: [adult]`, or delete the `ask` line.",
                     "missing-field")
        for person in set(condition.applies_to) & set(condition.not_known_for):
            self.add(condition.path, condition.line_of("not_known_for"), f"'{person}' is in "
                     "both `applies_to` and `not_known_for`", "Keep it in one of them: either "
                     "the condition applies to that kind of person, or it is not known.",
                     "wrong-value")

    def _check_categories(self, categories: list[r.Category]) -> None:
        orders: dict[int, str] = {}
        rows: dict[str, str] = {}
        for category in categories:
            if category.order in orders:
                self.add(category.path, category.line_of("order"), f"order {category.order} is "
                         f"also used by {orders[category.order]}", "Give each category a "
                         "different order number; leave gaps (10, 20, 30) so a new one can go in "
                         "between.", "order-twice")
            orders.setdefault(category.order, category.path)
        category_ids = {category.id for category in categories}
        for category in sorted(categories, key=lambda category: category.path):
            for row in category.rows:
                where = f"{row.path}:{row.line_of('id')}"
                if row.id in rows:
                    self.add(row.path, row.line_of("id"), f"row id '{row.id}' is already used at "
                             f"{rows[row.id]}", "Every row needs its own id, because trainers "
                             "link to rows by it. Choose another.", "id-twice")
                elif row.id in CATEGORY_PAGE_HEADING_IDS | HOLDER_PAGE_HEADING_IDS | category_ids:
                    self.add(row.path, row.line_of("id"), f"row id '{row.id}' is taken by a "
                             "heading on the category's page or on an organisation's page",
                             f"Choose another id for this row, like '{row.id}-records'.",
                             "id-twice")
                rows.setdefault(row.id, where)

    def _check_glossary(self, glossary: r.Glossary) -> None:
        """Each glossary entry has its own address on the Glossary page, which its headings
        (#terms, #abbreviations) do not take; two entries with one address are reported at the
        later one, naming the line of the first."""
        taken: dict[str, int] = {anchor: 0 for anchor in GLOSSARY_HEADING_IDS}
        for entry in sorted((*glossary.definitions, *glossary.terms), key=lambda e: e.line):
            if entry.anchor in taken:
                where = (f"line {taken[entry.anchor]}" if taken[entry.anchor]
                         else "a heading on the Glossary page")
                self.add(entry.path, entry.line_of("term"), f"the glossary entry '{entry.term}' "
                         f"would have the address #{entry.anchor}, which {where} already has",
                         "Write the term differently, or merge the two entries.", "id-twice")
            else:
                taken[entry.anchor] = entry.line_of("term")

    def _check_rows(self, categories: list[r.Category], register: r.Register) -> None:
        """Each row's who_holds text names the organisations and systems it lists, and lists the
        organisations it names, so no row goes missing from an organisation's page."""
        holders = {holder.id: holder for holder in register.holders}
        systems = {system.id: system for system in register.systems}
        names = NameIndex()
        for system in register.systems:
            for name in system.names:
                names.add(name)
        for holder in register.holders:
            for name in holder.names:
                names.add(name, holder.id)
        for row in (row for category in categories for row in category.rows):
            text, line = words(row.who_holds), row.line_of("holders")
            if not all(holder_id in holders for holder_id in row.holders):
                continue
            for holder_id in row.holders:
                holder = holders[holder_id]
                if not mentions(text, holder.names):
                    self.add(row.path, line, f"the row lists '{holder_id}', but its who_holds "
                             f"text does not name '{holder.name}'", "Check the row lists the "
                             "right organisations. If the text uses another name for it, add "
                             f"that name to `also_called` for '{holder_id}' in "
                             f"{self.display(r.HOLDERS.path)}.", "row-holder-not-named")
            for holder_id in row.also_named:
                if holder_id in row.holders:
                    self.add(row.path, row.line_of("also_named"), f"'{holder_id}' is in both "
                             "`holders` and `also_named`", "Keep it in `holders` if it holds the "
                             "record; in `also_named` if the text only names it.",
                             "row-name-not-listed")
                elif holder_id in holders and not mentions(text, holders[holder_id].names):
                    self.add(row.path, row.line_of("also_named"), f"the row's `also_named` lists "
                             f"'{holder_id}', but its who_holds text does not name "
                             f"'{holders[holder_id].name}'", "Take it out of `also_named`, or "
                             f"add the name the text uses to `also_called` for '{holder_id}'.",
                             "row-holder-not-named")
            for name, owners in names.found_in(text):
                if owners and not owners & (set(row.holders) | set(row.also_named)):
                    self.add(row.path, line, f"the who_holds text names '{name}', but the row's "
                             f"holders do not include {' or '.join(sorted(owners))}", "Add it to "
                             "`holders`, so the row appears on that organisation's page. If the "
                             "text names it without it holding the record, add it to "
                             "`also_named` instead.",
                             "row-name-not-listed")
            for system_id in row.systems:
                system = systems.get(system_id)
                if system is None:
                    continue
                line = row.line_of("systems")
                if not mentions(text, system.names):
                    self.add(row.path, line, f"the row lists system '{system_id}', but its "
                             f"who_holds text does not name '{system.name}'", "Check the system "
                             "is right, or add the name the text uses to its `also_called`.",
                             "row-system-not-named")
                if not set(system.kept_by) & set(row.holders):
                    self.add(row.path, line, f"system '{system_id}' is kept by "
                             f"{', '.join(system.kept_by)}, none of whom this row lists",
                             "Add the organisation that keeps the system to `holders`, or "
                             "correct `systems`.", "row-system-not-kept")

    def _check_checklist(self, checklist: r.Checklist) -> None:
        ids: dict[str, int] = {}
        parts = [(checklist, None)] + [(part, part) for group in checklist.groups
                                       for part in (group, *group.items)]
        for owner, part in parts:
            if part is not None:
                if part.id in ids:
                    self.add(part.path, part.line_of("id"), f"the id '{part.id}' is used twice "
                             f"(first on line {ids[part.id]})", "Every group and item needs its "
                             "own id, because shared links name them. Choose another.",
                             "id-twice")
                ids.setdefault(part.id, part.line_of("id"))
            answers = getattr(owner, "answers", ())
            if "answers" not in owner.lines:
                continue
            line = owner.line_of("answers")
            if len(answers) < 2:
                self.add(owner.path, line, "there must be at least two answers to choose from",
                         "Add another answer, with an `id` and a `label`.", "checklist-answers")
            elif not any(answer.needs_attention for answer in answers):
                self.add(owner.path, line, "no answer here has `needs_attention: true`, so "
                         "nothing chosen here can ever reach the summary", "Add `needs_attention:"
                         " true` to the answers that need attention.", "checklist-answers")
        self._check_answer_conditions(checklist)

    def _check_answer_conditions(self, checklist: r.Checklist) -> None:
        """An answer's `only_when` names another item of the same checklist, and answers that
        item offers, so the contradiction it declares can happen."""
        items = {item.id: item for item in checklist.items}
        for item in checklist.items:
            for answer in item.answers or checklist.answers:
                condition = answer.only_when
                if condition is None:
                    continue
                other = items.get(condition.item)
                if other is None or other.id == item.id:
                    self.add(condition.path, condition.line_of("item"),
                             f"'{condition.item}' is not another item of this checklist",
                             f"{did_you_mean(condition.item, [i for i in items if i != item.id])}"
                             "Write the id of the item this answer depends on.",
                             "checklist-answers")
                    continue
                offered = [choice.id for choice in other.answers or checklist.answers]
                for unknown in (a for a in condition.answers if a not in offered):
                    self.add(condition.path, condition.line_of("answers"),
                             f"the item '{other.id}' has no answer '{unknown}'",
                             f"{did_you_mean(unknown, offered)}Its answers are: "
                             f"{', '.join(offered)}.", "checklist-answers")

    def _published_links(self, site_url: str) -> list[r.PublishedLink]:
        """The published links: one site address per line; # starts a comment line."""
        display = self.display(r.PUBLISHED_LINKS_FILE)
        path = self.docs_dir / r.PUBLISHED_LINKS_FILE
        if not path.is_file():
            self.add(display, 1, "this file is missing", f"Restore {display} from the main "
                     "branch: it lists the links that must keep working.", "file-missing")
            return []
        links, seen = [], {}
        for number, text in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            link = text.strip()
            if not link or link.startswith("# ") or link == "#":
                continue
            if site_url and link.startswith(site_url + "/"):
                link = link[len(site_url):]
            if not SITE_ADDRESS.accepts(link):
                self.add(display, number, f"'{link}' is not a site address", "Each line is one "
                         "address starting with /, like /sources/trauma/#social-care-records. "
                         "Comment lines start with # and a space.", "published-link")
            elif link in seen:
                self.add(display, number, f"'{link}' is listed twice (first on line "
                         f"{seen[link]})", "Delete this line.", "published-link")
            else:
                seen[link] = number
                links.append(r.PublishedLink(link=link, line=number))
        return links

    def _check_pages_exist(self, links: list[r.DataLink], known: set[str]) -> None:
        """Each link written in data leads to a page the site has: checked here, without the
        build, so `make check` finds it; its section is checked once the pages are built."""
        for link in links:
            page = link.link.partition("#")[0]
            if page not in known:
                self.add(link.path, link.line, f"the guidance link '{link.link}' points to a page "
                         "that does not exist", f"{did_you_mean(page, sorted(known))}Write the "
                         "page's path under docs/, like audit-learning/retraction.md, then # and "
                         "a section id if you want one.", "data-link")

    def _data_links(self, planner: r.Planner, changes: r.Changes, checklists: list[r.Checklist],
                    records: list[Any]) -> list[r.DataLink]:
        """Every link to a page written in data, to check against the built pages."""
        links = [r.DataLink(reminder.guidance, reminder.path, reminder.line_of("guidance"))
                 for reminder in planner.reminders]
        links += [r.DataLink(page, change.path, change.line_of("pages"))
                  for change in changes.changes for page in change.pages]
        links += [r.DataLink(search.finds, search.path, search.line_of("finds"))
                  for top in records if isinstance(top, r.SearchQueries) for search in top.queries]
        links += [r.DataLink(top.immediate_danger.next_steps, top.immediate_danger.path,
                             top.immediate_danger.line_of("next_steps"))
                  for top in records if isinstance(top, r.Partnership)]
        for checklist in checklists:
            for group in checklist.groups:
                links.append(r.DataLink(group.guidance, group.path, group.line_of("guidance")))
                links += [r.DataLink(item.guidance, item.path, item.line_of("guidance"))
                          for item in group.items if item.guidance]
        for record in records:
            links += self._links_in_text(record)
        return links

    def _links_in_text(self, record: Any) -> Iterator[r.DataLink]:
        """The links to pages in every text field that may have links, in a record and the
        records inside it, each at the line of the file it is written on."""
        for f in data_fields(type(record)):
            kind, value = spec_of(f).kind, getattr(record, f.name)
            if isinstance(kind, Records):
                for child in value:
                    yield from self._links_in_text(child)
            elif isinstance(kind, Nested) and value is not None:
                yield from self._links_in_text(value)
            elif getattr(kind, "markdown", False) and value:
                for link in links_in(value):
                    if link.is_page:
                        line = self.builder.line_of_text(
                            record.path, record.line_of(spec_key(f)), link.address)
                        yield r.DataLink(link.address, record.path, line)
