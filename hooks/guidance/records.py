"""Every kind of record the guidance data holds, each declared once.

Each field says what it holds with ``spec(...)``: the checks, the hints in build messages and the
editors' field reference (``editing/fields.md``) are all made from these declarations. A record
is built only from data that passed its checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import ClassVar

from .data_text import words_only
from .kinds import (ABBREVIATION, ANYTHING, DATE, EMAIL_ADDRESS, ID_LIST, LINE_LIST, LINKED_TEXT,
                    MONTHS, PAGE_ADDRESS, PAGE_LIST, PARAGRAPHS, PHONE_NUMBER, SEARCH_RANK,
                    SHORT_TEXT, SITE_ADDRESS, SLUG_ID, TEXT, TEXT_LIST, WEB_ADDRESS, WHOLE_NUMBER,
                    WORD_LIST, YES_OR_NO, Nested, Records, spec)
from .review_dates import add_months

record = dataclass(frozen=True, kw_only=True)


@record
class Record:
    """Where a record came from, for messages and edit links: its file, line and fields' lines."""

    WHAT: ClassVar[str] = "an entry"
    FIELD_WORD: ClassVar[str] = "field"
    path: str = field(default="", compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


@record
class Review(Record):
    """Who owns a page or data file, when it was last reviewed, and how often it must be."""

    WHAT = "the review details"
    owner: str = spec(SHORT_TEXT, "The role that keeps the file up to date: one of `review_owners` in "
                      "docs/data/partnership.yml, never a person's name.")
    last_reviewed: date = spec(DATE, "The date of the last review, year-month-day. Not in the "
                               "future.")
    every_months: int = spec(MONTHS, "How many months until the next review is due.")

    @property
    def next_due(self) -> date:
        return add_months(self.last_reviewed, self.every_months)

    def is_overdue(self, today: date) -> bool:
        return today > self.next_due


REVIEW = spec(Nested(Review), "Who owns the file and when it was last reviewed. Every data file "
              "but the redirects needs one.", required=False)


# The register of organisations and systems (docs/data/holders.yml) -------------------------------

@record
class Holder(Record):
    """An organisation or service that holds information about a person of concern."""

    WHAT = "an organisation"
    id: str = spec(SLUG_ID, "Used in web addresses: do not change it once published.")
    name: str = spec(SHORT_TEXT, "The name shown on the site.")
    also_called: tuple[str, ...] = spec(
        TEXT_LIST, "Other names the source tables use for it, so the build can check that each "
        "row's `who_holds` text names the organisations the row lists.", required=False,
        default=())
    sector: str = spec(SHORT_TEXT, "The group it is listed under in the navigation, like Health or "
                       "Police and justice. Leave it out to list it on its own.", required=False,
                       default="")
    description: str = spec(LINKED_TEXT, "One or two plain-English sentences about what it is.")
    sharing_basis: str = spec(
        LINKED_TEXT, "On what basis it can share, in national terms, with each source cited as a "
        "link, like `[DfE, 2024](references.md#dfe-information-sharing-2024)`. Leave it out "
        "where no national source says: the page then points to the general basis.",
        required=False, default="")
    request_basis: str = spec(
        LINKED_TEXT, "On what basis it can share, as a request to it says it, cited, like "
        "`Police forces share information for a policing purpose...`. The general basis "
        "(`request_basis` in docs/data/sharing.yml) follows it.", required=False, default="")
    ask_first: str = spec(
        LINKED_TEXT, "In a live case, how to ask them before any written request, like the police "
        "at the strategy discussion, cited. Shown first under \"How to ask them\" on its page and "
        "in the request planner.", required=False, default="")
    may_alert_person: bool = spec(
        YES_OR_NO, "true when a request to it could reach the person of concern or people close "
        "to them, as one to an employer, a school or a regulator could. Its page, the category "
        "pages that list it and the request planner then say that approaches are agreed first "
        "at the strategy discussion (`not_alerting` in docs/data/sharing.yml).", required=False,
        default=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also_called)


@record
class System(Record):
    """A records system, kept by one or more organisations."""

    WHAT = "a system"
    id: str = spec(SLUG_ID, "Used by rows in their `systems` list.")
    name: str = spec(SHORT_TEXT, "The name shown on the site.")
    also_called: tuple[str, ...] = spec(TEXT_LIST, "Other names the source tables use for it.",
                                        required=False, default=())
    kept_by: tuple[str, ...] = spec(ID_LIST, "The id of each organisation that keeps it.",
                                    refers_to="organisation")
    description: str = spec(LINKED_TEXT, "One or two plain-English sentences about what it holds.")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also_called)


@record
class Register(Record):
    WHAT = "the register of organisations"
    review: Review | None = REVIEW
    holders: tuple[Holder, ...] = spec(Records(Holder, label="organisation id"),
                                       "Every organisation, once each.")
    systems: tuple[System, ...] = spec(Records(System, label="system id", at_least_one=False),
                                       "Every records system the rows name.", required=False,
                                       default=())


# Who a row applies to (docs/data/conditions.yml) -------------------------------------------------

@record
class Person(Record):
    """A kind of person of concern a practitioner can choose between (adult, child...)."""

    WHAT = "a kind of person"
    id: str = spec(SLUG_ID, "Used by conditions and by the tools' addresses.")
    label: str = spec(SHORT_TEXT, "The words the request planner shows for this choice.")


@record
class Condition(Record):
    """When a row is relevant only to some people of concern."""

    WHAT = "a condition"
    id: str = spec(SLUG_ID, "Used by rows in their `relevant_if` field.")
    wording: str = spec(TEXT, "Shown after the row's information, in the source tables' words.")
    applies_to: tuple[str, ...] = spec(ID_LIST, "The id of each kind of person it applies to.",
                                       refers_to="kind of person")
    not_known_for: tuple[str, ...] = spec(
        ID_LIST, "Kinds of person for whom it is not known whether it applies, like an adult "
        "whose childhood contact with the youth justice service is not known. The row is still "
        "listed for them, with the words in `ask`: a record is never hidden on a guess.",
        required=False, default=(), refers_to="kind of person")
    ask: str = spec(TEXT, "What to ask when it is not known, like `ask whether they had contact "
                    "with the youth justice service as a child`. Needed with `not_known_for`.",
                    required=False, default="")


@record
class Conditions(Record):
    WHAT = "the conditions"
    review: Review | None = REVIEW
    people: tuple[Person, ...] = spec(Records(Person, label="person id"),
                                      "The kinds of person of concern.")
    conditions: tuple[Condition, ...] = spec(Records(Condition, label="condition id"),
                                             "The conditions rows can name.")


# Glossary, references and language --------------------------------------------------------------

def _anchor(words: str) -> str:
    """A glossary entry's own address (#id): its words in lower case, joined by hyphens."""
    return "-".join("".join(c if c.isalnum() else " " for c in words.lower()).split())


@record
class Term(Record):
    """An abbreviation and its meaning, shown as a tooltip wherever it appears."""

    WHAT = "a glossary entry"
    term: str = spec(ABBREVIATION, "The abbreviation, as it is written on the pages.")
    meaning: str = spec(SHORT_TEXT, "What it stands for.")
    note: str = spec(TEXT, "A short explanation shown after the meaning.", required=False,
                     default="")

    @property
    def anchor(self) -> str:
        return _anchor(self.term)


@record
class Definition(Record):
    """A term the guidance uses that a reader may not know, in plain words."""

    WHAT = "a defined term"
    term: str = spec(SHORT_TEXT, "The term as the pages write it, in lower case unless it is a "
                     "name, like `strategy discussion`. Its address is made from it: do not change "
                     "it once published.")
    meaning: str = spec(LINKED_TEXT, "What it means, in plain words. Where it states a fact, cite "
                        "the source as a link, like `[HM Government, "
                        "2023](references.md#working-together-2023)`; link to the page that says "
                        "more.")

    @property
    def anchor(self) -> str:
        return _anchor(self.term)


@record
class Glossary(Record):
    WHAT = "the glossary"
    review: Review | None = REVIEW
    definitions: tuple[Definition, ...] = spec(
        Records(Definition, unique="term", label="term", at_least_one=False), "Terms the pages "
        "use that a reader may not know, each defined in plain words.", required=False,
        default=())
    terms: tuple[Term, ...] = spec(Records(Term, unique="term", label="term"),
                                   "Every abbreviation the pages use.")


@record
class Reference(Record):
    """A source the guidance cites."""

    WHAT = "a reference"
    id: str = spec(SLUG_ID, "Pages cite it as references.md#id.")
    citation: str = spec(LINKED_TEXT, "The full reference, as it is shown on the References page.")
    url: str | None = spec(WEB_ADDRESS, "Where to read it.", required=False)

    @property
    def short(self) -> str:
        """The citation's first sentence, without its links and emphasis, for a link's words."""
        return words_only(self.citation).split(". ")[0].rstrip(".")


@record
class FurtherReading(Record):
    WHAT = "a further reading item"
    title: str = spec(SHORT_TEXT, "The title as published.")
    publisher: str = spec(SHORT_TEXT, "Who published it.")
    note: str = spec(LINKED_TEXT, "What it is about.", required=False, default="")


@record
class References(Record):
    WHAT = "the references"
    review: Review | None = REVIEW
    references: tuple[Reference, ...] = spec(Records(Reference, label="reference id"),
                                             "Every source the pages cite.")
    further_reading: tuple[FurtherReading, ...] = spec(
        Records(FurtherReading, unique=None, at_least_one=False),
        "The case audit's further reading.", required=False, default=())


@record
class DiscouragedTerm(Record):
    """A word to avoid in everyday safeguarding language, and what to say instead."""

    WHAT = "a discouraged term"
    term: str = spec(SHORT_TEXT, "The word or phrase to avoid.")
    forms: tuple[str, ...] = spec(TEXT_LIST, "Other forms of it to find, like plurals.",
                                  required=False, default=())
    instead: str = spec(TEXT, "What to say instead.")
    why: str = spec(TEXT, "Why, in a sentence.")
    reference: str = spec(SLUG_ID, "The reference that says so.", key="source",
                          refers_to="reference")

    @property
    def anchor(self) -> str:
        """The id of its row on the Language page."""
        return "-".join(["avoid", *re.findall(r"[a-z0-9]+", self.term.lower())])


@record
class Language(Record):
    WHAT = "the list of discouraged terms"
    review: Review | None = REVIEW
    discouraged: tuple[DiscouragedTerm, ...] = spec(
        Records(DiscouragedTerm, unique="term", label="term"), "The discouraged terms.")


# The partnership (docs/data/partnership.yml) ----------------------------------------------------

@record
class ProcedureLink(Record):
    WHAT = "a local procedures link"
    title: str = spec(SHORT_TEXT, "The link's words.")
    url: str = spec(WEB_ADDRESS, "Where it leads.")


@record
class ToolLink(ProcedureLink):
    """The partnership's own practice tool: a link like a procedures link, named as itself in
    messages."""

    WHAT = "the safety planning tool link"


@record
class ImmediateDanger(Record):
    """What the "If a child is in immediate danger" box says after "Call 999": where to report the
    concern in this partnership, in and out of working hours, and the page that says what to do
    next. The home page, every tool (in what it prints and copies too) and the pages that act on a
    concern show it."""

    WHAT = "the immediate-danger route"
    front_door: str = spec(SHORT_TEXT, "Who to phone after 999, as the box says it after \"Then "
                           "phone\", like `children's social care (the front door)`.")
    phone: str = spec(PHONE_NUMBER, "Their phone number in working hours.")
    hours: str = spec(SHORT_TEXT, "When that number is answered, like `Monday to Friday, 9am to "
                      "5pm`.")
    out_of_hours: str = spec(SHORT_TEXT, "Who answers out of hours, as the box says it after \"Out "
                             "of hours, phone\", like `the emergency duty team`.")
    out_of_hours_phone: str = spec(PHONE_NUMBER, "Their phone number, for evenings, nights, "
                                   "weekends and bank holidays.")
    referral_page: str | None = spec(WEB_ADDRESS, "A page on how to make a referral, if there is "
                                     "one.", required=False)
    next_steps: str = spec(PAGE_ADDRESS, "The page that says what to do next, like "
                           "acting-safely/first-24-hours.md.")
    sources: tuple[str, ...] = spec(ID_LIST, "Reference ids for the steps, like "
                                    "[rotherham-procedures].", refers_to="reference")
    example: bool = spec(YES_OR_NO, "true while the numbers are examples the partnership has not "
                         "yet replaced: every page that shows them says so.", required=False,
                         default=False)


@record
class Partnership(Record):
    """The partnership that publishes the guidance: another partnership changes only this."""

    WHAT = "the partnership settings file"
    review: Review | None = REVIEW
    name: str = spec(SHORT_TEXT, "Shown in the footer and on the home page.")
    contact_email: str = spec(EMAIL_ADDRESS, "Where readers send questions and corrections.")
    published_address: str = spec(
        WEB_ADDRESS, "Where the site is published, like https://guidance.example.org/. Search "
        "engines' site map and the 404 page use it, and every offline copy and printed edition "
        "tells its reader to check there for the current version.")
    local_procedures: tuple[ProcedureLink, ...] = spec(
        Records(ProcedureLink, unique=None, empty="there are no local procedures links"), "At least one link to the partnership's own "
        "procedures, each with a `title` and a `url`.")
    safety_planning_tool: ToolLink | None = spec(
        Nested(ToolLink), "The partnership's own safety planning practice tool, with a "
        "`title` and a `url`: the safety planning page leads with it.", required=False)
    immediate_danger: ImmediateDanger = spec(
        Nested(ImmediateDanger), "What the \"If a child is in immediate danger\" box says after "
        "\"Call 999\": where to report the concern, in and out of working hours, and the page "
        "that says what to do next.")
    review_owners: tuple[str, ...] = spec(TEXT_LIST, "The roles that may own a page or data "
                                          "file (a role, never a person's name).")
    overdue_reviews_stop_build: bool = spec(
        YES_OR_NO, "false: a page past its review date is a warning and shows readers a notice. "
        "true: the build stops instead.", required=False, default=False)


# The information sources tables (docs/sources/*.yml) --------------------------------------------

@record
class Row(Record):
    """One row of a category's table: what information exists and who holds it."""

    WHAT = "a row"
    id: str = spec(SLUG_ID, "The row's own address (#id): do not change it once published.")
    information: str = spec(TEXT, "What the information is, in the source tables' words.")
    relevant_if: str | None = spec(SLUG_ID, "A condition from docs/data/conditions.yml, when the "
                                   "row applies only to some people of concern.", required=False,
                                   refers_to="condition")
    who_holds: str = spec(TEXT, "Who holds it, in the source tables' words. It must name every "
                          "organisation in `holders`.")
    holders: tuple[str, ...] = spec(ID_LIST, "The id of each organisation that holds it.",
                                    refers_to="organisation")
    systems: tuple[str, ...] = spec(ID_LIST, "The id of each system it is held on.",
                                    required=False, default=(), refers_to="system")
    also_named: tuple[str, ...] = spec(
        ID_LIST, "The id of each organisation the `who_holds` text names without it holding the "
        "record, like the organisation a coordinator usually works within. The row is not listed "
        "on its page.", required=False, default=(), refers_to="organisation")


@record
class Category(Record):
    """One category of information sources: a page with its "why this matters" text and table."""

    WHAT = "a category"
    id: str = ""  # the file's name
    review: Review | None = REVIEW
    title: str = spec(SHORT_TEXT, "The page's title.")
    short_title: str = spec(SHORT_TEXT, "A shorter title for the navigation and the tools; the title "
                            "if left out.",
                            required=False, default="")
    order: int = spec(WHOLE_NUMBER, "Where the category comes: lowest first. Leave gaps (10, 20, "
                      "30) so a new one can go in between.")
    reference: str = spec(SLUG_ID, "The reference the category's table comes from.",
                          key="source", refers_to="reference")
    why_it_matters: str = spec(PARAGRAPHS, "Why this information matters, with citations as "
                               "links like `[Hackett, 2014](references.md#hackett-2014)`.")
    heading: str = spec(SHORT_TEXT, "The heading of the table's first column.", required=False,
                        default="Source of information")
    search_words: tuple[str, ...] = spec(
        WORD_LIST, "Words a search should find this page by first, like a system's name its rows "
        "use, [OASys, nDelius]: one word each. Use a word only this page should come first for.",
        required=False, default=())
    rows: tuple[Row, ...] = spec(Records(Row, unique=None, empty="this category has no rows"),
                                  "The table's rows.")


# The thinking tools ------------------------------------------------------------------------------

@record
class Reminder(Record):
    """Something the request planner reminds the practitioner of, perhaps only for some people."""

    WHAT = "a reminder"
    id: str = spec(SLUG_ID, "Lower-case words joined by hyphens.")
    text: str = spec(TEXT, "The reminder, in one or two short sentences.")
    applies_to: tuple[str, ...] = spec(ID_LIST, "Show it only for these kinds of person. Leave "
                                       "it out to show it always.", required=False, default=(),
                                       refers_to="kind of person")
    guidance: str = spec(PAGE_ADDRESS, "The page (and section) to read more.")
    sources: tuple[str, ...] = spec(ID_LIST, "Reference ids, like [essex-case-audit].",
                                    refers_to="reference")


@record
class Planner(Record):
    WHAT = "the request planner's settings"
    review: Review | None = REVIEW
    reminders: tuple[Reminder, ...] = spec(Records(Reminder, label="reminder id"),
                                           "The reminders shown above the list of records.")


@record
class AnswerCondition(Record):
    """When an answer makes sense: only beside some answers to another item."""

    WHAT = "an answer's condition"
    item: str = spec(SLUG_ID, "The id of another item in the same checklist.")
    answers: tuple[str, ...] = spec(ID_LIST, "The ids of that item's answers this answer goes "
                                    "with, like [no-retraction].")


@record
class Answer(Record):
    """One choice a practitioner can make for a checklist item."""

    WHAT = "an answer"
    id: str = spec(SLUG_ID, "Used in the tool's address. Quote ids YAML reads as true or false, "
                   "like 'yes'.")
    label: str = spec(SHORT_TEXT, "The words shown beside the choice.")
    needs_attention: bool = spec(YES_OR_NO, "true if choosing it puts the item on the summary.",
                                 required=False, default=False)
    only_when: AnswerCondition | None = spec(
        Nested(AnswerCondition), "Only beside these answers to another item, with `item` and "
        "`answers`, like a \"Not applicable (no retraction)\" that goes only with \"No\" to "
        "whether the child took back what they said. With another answer there, the summary says "
        "the two answers contradict each other.", required=False)


@record
class ChecklistItem(Record):
    """A question or element in a checklist tool, and what to do when its answer needs attention."""

    WHAT = "an item"
    id: str = spec(SLUG_ID, "The item's address on the page.")
    text: str = spec(TEXT, "The question or element.")
    attention: str = spec(TEXT, "What to do when its answer needs attention.")
    guidance: str = spec(PAGE_ADDRESS, "The page (and section) to read more, if not the "
                         "group's.", required=False, default="")
    answers: tuple[Answer, ...] = spec(Records(Answer, label="answer id"), "This item's own "
                                       "answers, if not the checklist's.", required=False,
                                       default=())


@record
class ChecklistGroup(Record):
    WHAT = "a group"
    id: str = spec(SLUG_ID, "The group's address on the page.")
    title: str = spec(SHORT_TEXT, "The group's heading.")
    guidance: str = spec(PAGE_ADDRESS, "The page (and section) to read more.")
    sources: tuple[str, ...] = spec(ID_LIST, "Reference ids.", refers_to="reference")
    items: tuple[ChecklistItem, ...] = spec(Records(ChecklistItem, unique=None, empty="this group has no items"),
                                            "The group's items.")


@record
class Checklist(Record):
    """A thinking tool made of choices only: the threshold reflection, the safety plan check."""

    WHAT = "a checklist"
    id: str = ""  # the file's name
    review: Review | None = REVIEW
    title: str = spec(SHORT_TEXT, "The tool's name.")
    summary_title: str = spec(SHORT_TEXT, "The heading of the summary of answers.")
    note: str = spec(TEXT, "A note shown in bold above the form.", required=False, default="")
    answers: tuple[Answer, ...] = spec(Records(Answer, label="answer id"),
                                       "The answers every item offers, unless it has its own.")
    groups: tuple[ChecklistGroup, ...] = spec(Records(ChecklistGroup, unique=None),
                                              "The groups of items.")

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for group in self.groups for item in group.items)

    def resolved(self) -> Checklist:
        """Each item with its answers and guidance link filled in from the checklist's and the
        group's where it has none of its own."""
        return replace(self, groups=tuple(replace(group, items=tuple(
            replace(item, answers=item.answers or self.answers,
                    guidance=item.guidance or group.guidance) for item in group.items))
            for group in self.groups))


# The editors' records ---------------------------------------------------------------------------

@record
class Change(Record):
    """One entry in "Changes to this guidance": what changed, when, and which pages it touched."""

    WHAT = "a change"
    date: date = spec(DATE, "The day the change was published. Not in the future.")
    summary: str = spec(LINKED_TEXT, "What changed, in a sentence.")
    pages: tuple[str, ...] = spec(PAGE_LIST, "The pages (and sections) it touched.")


@record
class Changes(Record):
    WHAT = "the list of changes"
    review: Review | None = REVIEW
    changes: tuple[Change, ...] = spec(Records(Change, unique=None), "The changes, in any order.")


@record
class RequestItem(Record):
    """One thing a request for information should give the organisation asked."""

    WHAT = "an item a request should give"
    send: str = spec(SHORT_TEXT, "A few words, as the request planner lists it: `Every name the "
                     "person has used`.")
    detail: str = spec(LINKED_TEXT, "More about it, with any source cited as a link.",
                       required=False, default="")
    to_complete: str = spec(
        SHORT_TEXT, "The line each request leaves for the practitioner to complete, like `Names "
        "used, including previous names and aliases:`. Leave it out where the request says it "
        "itself (the basis for sharing).", required=False, default="")


@record
class SharingSettings(Record):
    """What every organisation page says about sharing and asking, whatever the organisation."""

    WHAT = "the sharing settings"
    review: Review | None = REVIEW
    general_basis: str = spec(PARAGRAPHS, "Shown under \"On what basis you can share\" on every "
                              "organisation page, after its own basis: the national basis that "
                              "applies to all, cited, with a link to the page that explains it.")
    not_alerting: str = spec(
        LINKED_TEXT, "The caution shown wherever a request or an approach could reach the person "
        "of concern: on pages with `<!-- insert: not-alerting -->`, on the pages of organisations "
        "with `may_alert_person: true`, and in the request planner.")
    request_opening: str = spec(
        TEXT, "How each request the planner writes begins, addressed to the organisation asked.")
    request_basis: str = spec(
        LINKED_TEXT, "On what basis the organisation asked can share, as each request says it to "
        "them, cited; an organisation's own `request_basis` in docs/data/holders.yml comes first.")
    request_caution: str = spec(
        TEXT, "How each request asks the organisation not to alert the person of concern.")
    what_to_send: str = spec(LINKED_TEXT, "Shown under \"How to ask them\" on every organisation "
                             "page: what a request should contain, with a link to the page that "
                             "lists it.")
    request_contents: tuple[RequestItem, ...] = spec(
        Records(RequestItem, unique="send", label="send"), "What every request should give, "
        "each with `send` (a few words) and `detail`. The sharing page lists them in full "
        "(`<!-- insert: request-contents -->`); the request planner copies the `send` words.")
    record_when_asking: tuple[str, ...] = spec(
        LINE_LIST, "What the practitioner who asks records on the case file. The sharing page and "
        "the request planner list it.")
    record_when_asked: tuple[str, ...] = spec(
        LINE_LIST, "What the organisation that is asked records, including a decision not to "
        "share. The sharing page lists it.")


@record
class LocalRoute(Record):
    """How a request reaches one organisation in this partnership: set by the partnership."""

    WHAT = "a local route"
    organisation: str = spec(SLUG_ID, "The organisation's id in docs/data/holders.yml.",
                             refers_to="organisation")
    how_to_ask: str = spec(LINKED_TEXT, "How to send it a request here: the team, mailbox or "
                           "form, with a link where there is one.")
    example: bool = spec(YES_OR_NO, "true while the text is an example the partnership has not "
                         "yet replaced: no page or request shows it, readers are told the route is "
                         "not yet set, and the review status page lists it.", required=False,
                         default=False)


@record
class LocalRoutes(Record):
    WHAT = "the local routes for requests"
    review: Review | None = REVIEW
    routes: tuple[LocalRoute, ...] = spec(
        Records(LocalRoute, unique="organisation", label="organisation", at_least_one=False),
        "One entry per organisation that has a local route. An organisation without one is "
        "asked through the partnership's local procedures.", required=False, default=())


@record
class SearchQuery(Record):
    """A search a practitioner might make, and the page it should find."""

    WHAT = "a search"
    query: str = spec(SHORT_TEXT, "What a practitioner might type in the search box.")
    finds: str = spec(PAGE_ADDRESS, "The page (perhaps with a section) the search should find.")
    rank: str = spec(SEARCH_RANK, "Where the page must come: `first`, or in the `top three` "
                     "results.", required=False, default="top three")


@record
class SearchQueries(Record):
    WHAT = "the searches to check"
    review: Review | None = REVIEW
    queries: tuple[SearchQuery, ...] = spec(
        Records(SearchQuery, unique="query", label="search"), "The searches the tests make in "
        "a real browser: at least 95 in 100 must list their page where their `rank` says, and at "
        "least 75 in 100 must list it first.")


@record
class Redirect(Record):
    """Where a published link that no longer resolves now leads."""

    WHAT = "a redirect"
    from_link: str = spec(SITE_ADDRESS, "The old address.", key="from")
    to_link: str = spec(SITE_ADDRESS, "Where it leads now.", key="to")


@record
class Redirects(Record):
    WHAT = "the list of redirects"
    redirects: tuple[Redirect, ...] = spec(
        Records(Redirect, unique="from_link", label="the address in `from`", at_least_one=False),
        "Old addresses and where each now leads.")


@record
class PageSettings(Record):
    """A hand-written page's front matter: its review, and Material's own page settings."""

    WHAT = "the front matter"
    FIELD_WORD = "setting"
    review: Review | None = spec(Nested(Review), "Who owns the page and when it was last "
                                 "reviewed.")
    title: object = spec(ANYTHING, "The page's title, if not its first heading.", required=False)
    description: object = spec(ANYTHING, "The page's summary for search engines.", required=False)
    hide: object = spec(ANYTHING, "Parts of the page Material hides.", required=False)
    search: object = spec(ANYTHING, "Material's search settings: `boost` or `exclude`.",
                          required=False)
    status: object = spec(ANYTHING, "Material's page status.", required=False)
    subtitle: object = spec(ANYTHING, "Material's subtitle.", required=False)
    template: object = spec(ANYTHING, "Material's page template.", required=False)
    icon: object = spec(ANYTHING, "Material's page icon.", required=False)
    tags: tuple[str, ...] = spec(WORD_LIST, "Words a search should find this page by first, "
                                 "though the page may not use them, like [GDPR, tipping]: one "
                                 "word each (Material's tags).", required=False, default=())


# Each data file and the record its top level is --------------------------------------------------

@dataclass(frozen=True)
class DataFile:
    path: str  # under docs/; a folder for a record per file
    record: type
    reviewed: bool = True


HOLDERS = DataFile("data/holders.yml", Register)
CONDITIONS = DataFile("data/conditions.yml", Conditions)
GLOSSARY = DataFile("data/glossary.yml", Glossary)
REFERENCES = DataFile("data/references.yml", References)
LANGUAGE = DataFile("data/language.yml", Language)
PARTNERSHIP = DataFile("data/partnership.yml", Partnership)
PLANNER = DataFile("data/request-planner.yml", Planner)
CHANGES = DataFile("data/changes.yml", Changes)
REDIRECTS = DataFile("data/redirects.yml", Redirects, reviewed=False)
SEARCH_QUERIES = DataFile("data/search-queries.yml", SearchQueries)
LOCAL_ROUTES = DataFile("data/local-routes.yml", LocalRoutes)
SHARING = DataFile("data/sharing.yml", SharingSettings)
CATEGORIES = DataFile("sources", Category)
CHECKLISTS = DataFile("data/checklists", Checklist)
PUBLISHED_LINKS_FILE = "data/published-links.txt"
DATA_FILES = (HOLDERS, CONDITIONS, GLOSSARY, REFERENCES, LANGUAGE, PARTNERSHIP, PLANNER, CHANGES,
              REDIRECTS, SEARCH_QUERIES, LOCAL_ROUTES, SHARING, CATEGORIES, CHECKLISTS)
# Which file each kind of id is registered in, for "unknown id" messages.
REGISTERS = {"organisation": HOLDERS, "system": HOLDERS, "kind of person": CONDITIONS,
             "condition": CONDITIONS, "reference": REFERENCES}


@dataclass(frozen=True)
class PublishedLink:
    """A link given out in training or print, which must keep working; its line in the list."""

    link: str
    line: int


@dataclass(frozen=True)
class DataLink:
    """A link to a page written in data, checked against the built pages."""

    link: str  # a page under docs/, perhaps with #section
    path: str
    line: int
