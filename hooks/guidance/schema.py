"""What fields each kind of record has, and the checks every record gets: required fields present,
values of the right kind, and no unknown fields (a misspelt field must fail, not vanish)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from .problems import Problem
from .yaml_source import LineDict

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL = re.compile(r"^https?://\S+$")
PAGE_LINK = re.compile(r"^[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.md(?:#[A-Za-z0-9_-]+)?$")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_slug(value: Any) -> bool:
    return isinstance(value, str) and SLUG.match(value) is not None


def _is_slug_list(value: Any) -> bool:
    return isinstance(value, list) and len(value) > 0 and all(_is_slug(item) for item in value)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)


def _is_whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Kind:
    """A kind of value: how to recognise it and how to describe it to a policy lead."""

    accepts: Callable[[Any], bool]
    described: str


TEXT = Kind(_is_text, "some text")
SLUG_ID = Kind(_is_slug, "an id: lower-case letters, digits and hyphens, like `police` or `gp`")
ID_LIST = Kind(_is_slug_list, "a list of one or more ids in square brackets, like [police, gp]")
TEXT_LIST = Kind(_is_text_list, "a list of names in square brackets, like [DSL, designated lead]")
WHOLE_NUMBER = Kind(_is_whole_number, "a whole number, like 10")
EMAIL_ADDRESS = Kind(lambda value: _is_text(value) and EMAIL.match(value) is not None,
                     "an email address, like guidance@example.org")
WEB_ADDRESS = Kind(lambda value: _is_text(value) and URL.match(value) is not None,
                   "a web address starting with https://")
YES_OR_NO = Kind(lambda value: isinstance(value, bool), "true or false")
PAGE_ADDRESS = Kind(lambda value: isinstance(value, str) and PAGE_LINK.match(value) is not None,
                    "a page under docs/, perhaps with a section, like "
                    "audit-learning/retraction.md#good-practice")
RECORD_LIST = Kind(lambda value: isinstance(value, list), "a list of entries, each starting with -")


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = True


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool):
        return " YAML reads yes, no, on and off as true or false: put the text in quotes."
    if isinstance(value, (int, float)) or value is None:
        return " If you meant text, put it in quotes."
    return ""


def check_record(record: Any, fields: dict[str, Field], *, path: str, line: int,
                 what: str) -> list[Problem]:
    """Check one record against its fields; every problem is reported, none stops the others."""
    if not isinstance(record, LineDict):
        return [Problem(path, line, f"expected {what} with named fields, found {_describe(record)}",
                        "Each entry is a set of `field: value` lines, indented under its `-`.")]
    problems: list[Problem] = []
    misspelt: set[str] = set()
    for key in record:
        if key not in fields:
            close = difflib.get_close_matches(str(key), [name for name in fields
                                                         if name not in record], n=1)
            misspelt.update(close)
            suggestion = f"Did you mean '{close[0]}'? " if close else ""
            problems.append(Problem(
                path, record.line_of(key), f"unknown field '{key}' in {what}",
                f"{suggestion}The fields {what} can have are: {', '.join(fields)}.",
            ))
    for name, field in fields.items():
        if name not in record:
            if field.required and name not in misspelt:
                problems.append(Problem(path, record.line, f"{what} is missing the field '{name}'",
                                        f"Add a line `{name}:` with {field.kind.described}."))
            continue
        value = record[name]
        if not field.kind.accepts(value):
            problems.append(Problem(
                path, record.line_of(name), f"'{name}' should be {field.kind.described}",
                f"Found {_describe(value)}.{_quote_hint(value)}",
            ))
    return problems


def _describe(value: Any) -> str:
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
