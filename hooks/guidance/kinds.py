"""Kinds of value, and how a record declared as a dataclass is checked and built from YAML.

A record's fields carry their own description in ``spec(...)``: the kind of value, whether it is
required, what it means, and which register an id refers to. The checks, the hints in messages and
the editors' field reference (``guidance/field_reference.py``) all come from that one declaration.
"""

from __future__ import annotations

import dataclasses
import functools
import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterator

from .data_text import PAGE_PATH, address_problem, html_in, links_in
from .problems import Problem
from .yaml_source import LineDict, LineList

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>\"'`\\]*)?$")
_SITE = re.compile(r"^/(?:[A-Za-z0-9._~-]+/)*(?:[A-Za-z0-9._~-]+\.html)?(?:#[A-Za-z0-9_-]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LONGEST_INTERVAL = 36  # months: a review every three years is the least a partnership should do


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Kind:
    """A kind of value: how to recognise it, how to describe it to a policy lead, and how to tidy
    it once accepted."""

    accepts: Callable[[Any], bool]
    described: str
    clean: Callable[[Any], Any] = lambda value: value
    limit: int | None = None  # the most characters a text (or each text in a list) may have
    markdown: bool = False  # text that may have links and emphasis (data_text.inline)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _slug(value: Any) -> bool:
    return isinstance(value, str) and SLUG.match(value) is not None


def _number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _matches(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and pattern.match(value) is not None


SHORT_TEXT = Kind(_text, "a short text, like a name or a title", one_line, limit=150)
TEXT = Kind(_text, "some text", one_line, limit=600)
LINKED_TEXT = Kind(_text, "some text, which may have links and emphasis", one_line,
                   limit=600, markdown=True)
PARAGRAPHS = Kind(_text, "some text, which may have links and emphasis (blank lines start new "
                  "paragraphs)", str.strip, limit=5000, markdown=True)
SLUG_ID = Kind(_slug, "an id: lower-case letters, digits and hyphens, like `police` or `gp`",
               limit=80)
ID_LIST = Kind(lambda v: isinstance(v, list) and len(v) > 0 and all(map(_slug, v)),
               "a list of one or more ids in square brackets, like [police, gp]", tuple, limit=80)
TEXT_LIST = Kind(lambda v: isinstance(v, list) and all(map(_text, v)),
                 "a list of names in square brackets, like [DSL, designated lead]",
                 lambda v: tuple(map(one_line, v)), limit=150)
LINE_LIST = Kind(lambda v: isinstance(v, list) and len(v) > 0 and all(map(_text, v)),
                 "a list of short lines, each on its own line starting with `- `",
                 lambda v: tuple(map(one_line, v)), limit=200)
ABBREVIATION = Kind(_matches(re.compile(r"^[A-Za-z0-9][A-Za-z0-9 &'./-]*$")),
                    "an abbreviation: letters and digits, perhaps with spaces, &, ', ., / or -, "
                    "like DSL or A&E", limit=30)
WHOLE_NUMBER = Kind(_number, "a whole number, like 10")
MONTHS = Kind(lambda v: _number(v) and 1 <= v <= LONGEST_INTERVAL,
              f"a number of months from 1 to {LONGEST_INTERVAL}, like 12 for once a year")
EMAIL_ADDRESS = Kind(_matches(_EMAIL), "an email address, like guidance@example.org")
WEB_ADDRESS = Kind(_matches(_URL), "a web address starting with https:// (or http://)")
# A UK phone number as people write it: digits in groups, perhaps starting with +44.
PHONE_NUMBER = Kind(_matches(re.compile(r"^(?:\+44 ?)?[0-9]{2,5}(?: ?[0-9]{2,4}){1,3}$")),
                    "a phone number written in digits and spaces, like 0306 999 0000",
                    one_line, limit=20)
YES_OR_NO = Kind(lambda v: isinstance(v, bool), "true or false")
DATE = Kind(_date, "a date written year-month-day, like 2026-04-30", date.fromisoformat)
PAGE_ADDRESS = Kind(_matches(PAGE_PATH), "a page under docs/, perhaps with a section, like "
                    "audit-learning/retraction.md#good-practice")
PAGE_LIST = Kind(lambda v: isinstance(v, list) and len(v) > 0 and all(map(PAGE_ADDRESS.accepts, v)),
                 "a list of pages under docs/ in square brackets, like "
                 "[audit-learning/retraction.md, sources/trauma.md#social-care-records]", tuple)
SITE_ADDRESS = Kind(_matches(_SITE), "a site address starting with /, like "
                    "/sources/trauma/#social-care-records")
ANYTHING = Kind(lambda v: True, "any value Material for MkDocs accepts")
SEARCH_RANK = Kind(lambda v: v in ("first", "top three"), "`first` or `top three`")
# Words a search finds a page by: one word each, with no space or hyphen (Material's search splits
# what is searched for at both, so a tag holding either could never match).
_WORD = re.compile(r"^[\w'’&.]+$")
WORD_LIST = Kind(lambda v: isinstance(v, list) and len(v) > 0
                 and all(isinstance(word, str) and _WORD.match(word) for word in v),
                 "a list of single words (no spaces or hyphens) in square brackets, like "
                 "[OASys, nDelius]", tuple,
                 limit=40)


@dataclass(frozen=True)
class Records:
    """A list of records of one declared class; ``unique`` names the field no two may share."""

    of: type
    unique: str | None = "id"
    label: str = "id"
    at_least_one: bool = True
    empty: str = ""  # the message when the list is empty but must not be

    @property
    def described(self) -> str:
        return f"a list of entries starting with -, each {self.of.WHAT}"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list)


@dataclass(frozen=True)
class Nested:
    """One record of a declared class under a field, like a file's ``review:`` block."""

    of: type

    @property
    def described(self) -> str:
        fields = ", ".join(spec_key(f) for f in data_fields(self.of))
        return f"{self.of.WHAT}: {fields}, each on its own indented line"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)


@dataclass(frozen=True)
class Spec:
    kind: Kind | Records | Nested
    help: str
    required: bool
    key: str | None  # the name in the YAML file, where it differs from the field's
    refers_to: str | None  # the register an id must be in, like "organisation"


def spec(kind: Kind | Records | Nested, help: str, *, required: bool = True,
         default: Any = None, key: str | None = None, refers_to: str | None = None) -> Any:
    """Declare one field of a record read from data."""
    metadata = {"spec": Spec(kind, help, required, key, refers_to)}
    if required:
        return dataclasses.field(metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def position() -> Any:
    """The line a record starts on, and each field's line, set as the record is built."""
    return dataclasses.field(default=0, compare=False, repr=False)


@functools.cache
def data_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    """A kind of record's declared fields (worked out once: they are asked for per record)."""
    return tuple(f for f in dataclasses.fields(cls) if "spec" in f.metadata)


def spec_of(f: dataclasses.Field) -> Spec:
    return f.metadata["spec"]


def spec_key(f: dataclasses.Field) -> str:
    return spec_of(f).key or f.name


def example_field(cls: type) -> str:
    """One text field of a kind of record as it could be written, for hints about quoting,
    like `name: "Words: with a colon"`."""
    for f in data_fields(cls):
        kind = spec_of(f).kind
        if isinstance(kind, Records):
            return example_field(kind.of)
        if isinstance(kind, Kind) and kind.accepts("Words") and kind.limit and kind.limit >= 150:
            return f'{spec_key(f)}: "Words: with a colon"'
    return ""


def did_you_mean(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    return f"Did you mean '{close[0]}'? " if close else ""


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f"the text '{value}'" if value.strip() else "empty text"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    if isinstance(value, dict):
        return "a set of named fields"
    return f"a {type(value).__name__}"


def _fix_hint(kind: Kind | Records | Nested, key: str, value: Any, written: str) -> str:
    """What to write instead, with the field's own name and the value as it was written."""
    listed = isinstance(kind, Kind) and kind.accepts([value]) if isinstance(value, str) else False
    if listed:
        return f"Put it in square brackets: `{key}: [{value}]`."
    if isinstance(value, bool):
        return ("YAML reads yes, no, on and off as true or false: put the text in quotes, like "
                f"`{key}: \"{written or value}\"`.")
    if isinstance(value, (int, float)) and kind.accepts(str(value)):
        return f"Put the text in quotes, like `{key}: \"{written or value}\"`."
    if value is None:
        return f"Write {kind.described} after `{key}:`."
    return f"Write {kind.described}."


class RecordBuilder:
    """Checks records against their declarations and builds them, collecting every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        # Ids of records with problems of their own: a reference to one is not reported again as
        # unknown, so one mistake gives one message.
        self.broken_ids: set[str] = set()
        self.texts: dict[str, str] = {}  # each file's text, for the line a long text is on
        self._lines: dict[str, list[str]] = {}

    def add(self, path: str, line: int, message: str, hint: str, code: str) -> None:
        self.problems.append(Problem(path, line, message, hint, code))

    def text_is_usable(self, kind: Kind, key: str, value: Any, *, path: str, line: int) -> bool:
        """Text is shown as text: no HTML, links only to pages or https://, within its limit.
        Each problem is reported at the line of the file where the text is."""
        usable = True
        for text in (value if isinstance(value, list) else [value]):
            if not isinstance(text, str):
                continue
            tag = html_in(text)
            if tag is not None:
                usable = False
                self.add(path, self.line_of_text(path, line, tag),
                         f"'{key}' contains HTML ({tag})",
                         "Data is shown as text and cannot hold HTML. Write it in words"
                         + (", with links as [words](page.md) and emphasis as *words*."
                            if kind.markdown else ", or leave the markup out."), "html-in-data")
            if kind.limit is not None and len(text) > kind.limit:
                usable = False
                self.add(path, line, f"'{key}' is {len(text)} characters long; the most it can "
                         f"be is {kind.limit}", "Shorten it. A longer explanation belongs on a "
                         "hand-written page, linked from here.", "text-too-long")
            for link in links_in(text) if kind.markdown else ():
                why = address_problem(link.address)
                if why is not None:
                    usable = False
                    self.add(path, self.line_of_text(path, line, link.address), f"'{key}' has "
                             f"a link to '{link.address}': {why}", "Write the link as [words]"
                             "(references.md#an-id) for a page under docs/, or "
                             "[words](https://example.org/page) for another site.", "data-link")
        return usable

    def lines(self, path: str) -> list[str]:
        """A file's lines, split once: long files are looked into many times."""
        if path not in self._lines:
            self._lines[path] = self.texts.get(path, "").split("\n")
        return self._lines[path]

    def written(self, path: str, line: int, key: str) -> str:
        """A one-line value as it is written in the file, like `yes` (which YAML reads as true)."""
        lines = self.lines(path)
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        before, colon, after = text.partition(f"{key}:")
        return after.split(" #")[0].strip() if colon else ""

    def line_of_text(self, path: str, line: int, needle: str) -> int:
        """The line, from a field's own line on, where some of its text is written: a long text
        runs over several lines of the file."""
        lines = self.lines(path)
        needle = needle.split("\n")[0][:30]
        for number in range(line, min(len(lines), line + 200) + 1):
            if needle in lines[number - 1]:
                return number
        return line

    def build(self, cls: type, value: Any, *, path: str, line: int, **extra: Any) -> Any:
        """The record, or None if it (or anything inside it) has a problem."""
        what = cls.WHAT
        if not isinstance(value, LineDict):
            self.add(path, line, f"expected {what} with named fields, found {describe(value)}",
                     "Each entry is a set of `field: value` lines, indented under its `-`.",
                     "wrong-value")
            return None
        before = len(self.problems)
        children_problems = 0
        fields = data_fields(cls)
        keys = {spec_key(f): f for f in fields}
        misspelt = set()
        for key in value:
            if key not in keys:
                close = difflib.get_close_matches(str(key), [k for k in keys if k not in value], n=1)
                misspelt.update(close)
                self.add(path, value.line_of(key), f"unknown {cls.FIELD_WORD} '{key}' in {what}",
                         f"{did_you_mean(str(key), close)}The fields {what} can have are: "
                         f"{', '.join(keys)}.", "unknown-field")
        values: dict[str, Any] = dict(extra)
        for key, f in keys.items():
            field_spec = spec_of(f)
            if key not in value:
                if field_spec.required and key not in misspelt:
                    self.add(path, value.line, f"{what} is missing the field '{key}'",
                             f"Add a line `{key}:` with {field_spec.kind.described}.",
                             "missing-field")
                continue
            item, item_line = value[key], value.line_of(key)
            if not field_spec.kind.accepts(item):
                self.add(path, item_line, f"'{key}' should be {field_spec.kind.described}, "
                         f"not {describe(item)}", _fix_hint(field_spec.kind, key, item,
                                                            self.written(path, item_line, key)),
                         "wrong-value")
            elif isinstance(field_spec.kind, Kind) and not self.text_is_usable(
                    field_spec.kind, key, item, path=path, line=item_line):
                pass
            elif (isinstance(field_spec.kind, Kind) and isinstance(item, list)
                  and len(set(map(str, item))) < len(item)):
                twice = next(str(entry) for number, entry in enumerate(item)
                             if str(entry) in map(str, item[:number]))
                self.add(path, item_line, f"'{twice}' is listed twice in '{key}'",
                         f"Take out the second '{twice}': each is listed once.", "id-twice")
            elif isinstance(field_spec.kind, (Records, Nested)):
                # A broken entry is left out and reported; the record around it still stands,
                # so what refers to its other entries is not reported again.
                start = len(self.problems)
                values[f.name] = (self.build_list(field_spec.kind, item, path=path, key=key,
                                                  line=item_line)
                                  if isinstance(field_spec.kind, Records) else
                                  self.build(field_spec.kind.of, item, path=path, line=item_line))
                children_problems += len(self.problems) - start
            else:
                values[f.name] = field_spec.kind.clean(item)
        if len(self.problems) - children_problems > before:
            if isinstance(value.get("id"), str):
                self.broken_ids.add(value["id"])
            return None
        return cls(line=line, lines=dict(value.key_lines), path=path, **values)

    def build_list(self, kind: Records, items: LineList, *, path: str, key: str,
                   line: int) -> tuple:
        if kind.at_least_one and not items:
            self.add(path, line, kind.empty or f"'{key}' has no entries",
                     f"Add at least one entry under `{key}:`.", "empty-list")
        built, seen = [], {}
        for item, item_line in zip(items, items.item_lines):
            record = self.build(kind.of, item, path=path, line=item_line)
            if record is None:
                continue
            if kind.unique:
                unique = getattr(record, kind.unique)
                unique_line = record.lines.get(kind.unique, item_line)
                if unique in seen:
                    self.add(path, unique_line, f"{kind.label} '{unique}' is used twice (first on "
                             f"line {seen[unique]})", f"Each {kind.label} must be different: "
                             "change one of them.", "id-twice")
                    continue
                seen[unique] = unique_line
            built.append(record)
        return tuple(built)


def references(record: Any) -> Iterator[tuple[Any, str, str, str]]:
    """Every id a record (and the records inside it) names from a register: (record, field's key,
    id, register)."""
    for f in data_fields(type(record)):
        field_spec, value = spec_of(f), getattr(record, f.name)
        if isinstance(field_spec.kind, Records):
            for child in value:
                yield from references(child)
        elif isinstance(field_spec.kind, Nested) and value is not None:
            yield from references(value)
        elif field_spec.refers_to and value:
            for item in (value if isinstance(value, tuple) else (value,)):
                yield record, spec_key(f), item, field_spec.refers_to
