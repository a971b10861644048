"""Read YAML while remembering the line of every key and list item, for error messages.

Nothing here raises for anything a file can contain. A byte that is not UTF-8, a hidden control
character, a YAML syntax mistake, a YAML alias or anchor, a value starting with ``!``: each is a
Problem at the line where the mistake is, in plain words, with a hint saying what to write
(yaml_messages.py words the parser's syntax errors). Only PyYAML and the standard library are
used (no MkDocs, Markdown or Jinja).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .yaml_messages import (generic_problem, line_and_column, quoted_field, source_lines,
                            syntax_problem)


class LineDict(dict):
    """A YAML mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


# libyaml's parser (C) when PyYAML has it: about twenty times faster than the pure-Python one.
_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_STR, _INT, _BOOL, _NULL, _DATE, _FLOAT, _SEQ, _MAP = (
    _TAG + name for name in ("str", "int", "bool", "null", "timestamp", "float", "seq", "map"))
# Dates stay text: the checks parse them and explain a bad one. A plain `<<` or `=` is text too
# (YAML 1.1 gives them special tags that mean nothing without aliases).
_AS_TEXT = frozenset({_STR, _DATE, _TAG + "merge", _TAG + "value"})
_scalars = yaml.constructor.SafeConstructor()

FALLBACK_EXAMPLE = 'name: "Text: with a colon"'
MAX_DEPTH = 100  # lists and blocks inside each other: the data needs a handful of levels
_SAFE_DEPTH = 10_000  # libyaml composes recursively in C: 24,000 levels overflow an 8 MB stack
_MAX_LISTED = 20  # problems of one kind listed one by one, before a summary of the rest
# What YAML's reader refuses (PyYAML's own definition of a printable character).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
# `&name` (an anchor) or `*name` (an alias), if it also starts a value (see _may_use).
_ANCHOR_OR_ALIAS = re.compile(r"[&*][\w-]")


# Reading bytes ------------------------------------------------------------------------------

def decode_text(raw: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """Text from a file's bytes: UTF-8, with a byte-order mark dropped and Windows (CRLF) line
    endings read as plain new lines, as Python's text mode would. Bytes that are not UTF-8 are a
    problem each, at their own line and column; the text is then None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(display_path, 1, "this file is saved as UTF-16 text, not UTF-8",
                              "Save the file as UTF-8 in your editor.", "not-utf8")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, _bad_bytes(raw, display_path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _bad_bytes(raw: bytes, display_path: str) -> list[Problem]:
    """One problem per line holding bytes that are not UTF-8, at the first such byte.

    Each bad byte becomes one character (as an editor shows it), so the column counts what the
    reader sees on the line."""
    text = raw.decode("utf-8", "surrogateescape").replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    hint = ("Save the file as UTF-8 in your editor, then check the accented letters, dashes and "
            "quote marks on this line.")
    line = last_line = 1
    position = 0
    for match in re.finditer("[\udc80-\udcff]", text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if line == last_line and problems:
            continue  # one problem a line is enough to find them all
        last_line = line
        column = position - text.rfind("\n", 0, position)
        if len(problems) == _MAX_LISTED:
            problems.append(Problem(display_path, line, "this file has more characters that are "
                                    "not UTF-8, on this line and later ones", hint, "not-utf8"))
            break
        byte = ord(match.group()) - 0xDC00
        problems.append(Problem(
            display_path, line, f"this file has a character that is not UTF-8 (byte "
            f"0x{byte:02X} at column {column})", hint, "not-utf8"))
    return problems


def read_text(path: Path, display_path: str) -> tuple[str | None, list[Problem]]:
    """A file's text (see decode_text); a file that is not UTF-8 is a problem."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(display_path, 1, f"this file could not be opened "
                              f"({error.strerror or error})",
                              f"Restore {display_path} from the main branch.", "file-missing")]
    return decode_text(raw, display_path)


# Parsing ------------------------------------------------------------------------------------

def parse_yaml(text: str, display_path: str, example: str = "") -> tuple[Any, list[Problem]]:
    """Parse YAML text; line numbers count from the text's first line.

    ``example`` is one field as it could be written in this file, like
    ``name: "Youth Justice Service"``, for hints that show what to write. The data is None when
    the file cannot be read faithfully; a field given twice is reported with the data kept."""
    example = example or FALLBACK_EXAMPLE
    if len(text) > _SAFE_DEPTH and _may_nest_deeper_than(text, _SAFE_DEPTH):
        deep = _too_deep(text, display_path)
        if deep is not None:
            return None, [deep]
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.reader.ReaderError as error:
        return None, _unreadable_characters(text, display_path) or [
            generic_problem(error, display_path, text, *_reader_position(error, text))]
    except yaml.MarkedYAMLError as error:
        try:
            return None, [syntax_problem(error, text, display_path, example)]
        except Exception:  # noqa: BLE001 - a message the table did not foresee
            return None, [generic_problem(error, display_path, text, 1, 0)]
    except Exception as error:  # noqa: BLE001 - anything at all must become a message, not a crash
        return None, _unreadable_characters(text, display_path) or [
            generic_problem(error, display_path, text, 1, 0)]
    if node is None:
        return None, []
    problems: list[Problem] = []
    may_alias, may_anchor = _may_use(text)
    builder = _Builder(text, display_path, example, problems, track_aliases=may_alias)
    try:
        data = builder.build(node, 1, None)
    except Exception as error:  # noqa: BLE001 - as above
        return None, [generic_problem(error, display_path, text, 1, 0)]
    if builder.aliased or may_anchor:
        found = _anchors_and_aliases(text, display_path)
        if builder.aliased and not found:  # cannot happen: an alias is an event of its own
            found = [_anchor_problem(display_path, 1, "*", "...")]
        problems.extend(found)
    if builder.unreadable or builder.aliased:
        data = None
    return data, problems


class _Builder:
    """Turns composed YAML nodes into plain values, recording lines and reporting repeated keys,
    aliases, values with tags (`!something`) and nesting too deep for any real data.

    Walking the nodes directly, rather than through PyYAML's general constructor, keeps loading
    fast as the data grows. An alias makes the composer share one node between two places, so a
    node met twice is an alias: it is never walked again, and an alias "bomb" costs nothing."""

    def __init__(self, text: str, path: str, example: str, problems: list[Problem],
                 track_aliases: bool) -> None:
        self.text, self.path, self.example, self.problems = text, path, example, problems
        self.seen: set[int] | None = set() if track_aliases else None  # no `*name`, no alias
        self.aliased = False  # the exact lines of aliases come from the parser's events
        self.unreadable = False
        self.lines: list[str] | None = None  # the text's lines, split once if a hint needs them

    def build(self, node: yaml.Node, depth: int, key: Any) -> Any:
        seen = self.seen
        if seen is not None:
            if id(node) in seen:
                self.aliased = True
                return None
            seen.add(id(node))
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag in _AS_TEXT:
                return node.value
            try:
                if tag == _INT:
                    return _scalars.construct_yaml_int(node)
                if tag == _BOOL:
                    return _scalars.construct_yaml_bool(node)
                if tag == _NULL:
                    return None
                if tag == _FLOAT:
                    return _scalars.construct_yaml_float(node)
            except Exception:  # noqa: BLE001 - `!!int abc`, or a number with 5,000 digits
                return self.unreadable_value(node, key)
            return self.tagged(node, key)
        if depth > MAX_DEPTH:
            self.problems.append(_too_deep_problem(self.path, node.start_mark.line + 1))
            self.unreadable = True
            return None
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                return self.tagged(node, key)
            result = LineDict()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                name = self.build(key_node, depth + 1, None)
                line = key_node.start_mark.line + 1
                if isinstance(name, (dict, list)):
                    self.unreadable = True
                    self.problems.append(Problem(
                        self.path, line, "this field name is a list or a block, not a word",
                        f"Write the field name as a word, then a colon and a space, like: "
                        f"{self.example}", "yaml-syntax"))
                    continue
                if name in result:
                    self.problems.append(Problem(
                        self.path, line,
                        f"'{name}' appears twice here (first on line {result.key_lines[name]})",
                        "Keep one of them: YAML would silently use only the last one.",
                        "key-twice",
                    ))
                result[name] = self.build(value_node, depth + 1, name)
                result.key_lines[name] = line
            return result
        if tag != _SEQ:
            return self.tagged(node, key)
        items = LineList(self.build(item, depth + 1, None) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items

    def tagged(self, node: yaml.Node, key: Any) -> None:
        """A value with a tag the data cannot have, like `!!python/name:os.system` or `!note`."""
        self.unreadable = True
        shown = "!!" + node.tag[len(_TAG):] if node.tag.startswith(_TAG) else node.tag
        line = node.start_mark.line + 1
        self.problems.append(Problem(
            self.path, line,
            f"this value starts with '{shown}', which YAML reads as an instruction, not as text",
            "Text that starts with ! must be put in double quotes, like: "
            f"{self.quoted(line, node, key)}", "yaml-tag"))

    def unreadable_value(self, node: yaml.ScalarNode, key: Any) -> None:
        self.unreadable = True
        kind = {_INT: "a whole number", _BOOL: "true or false"}.get(node.tag, "a number")
        value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        simple = isinstance(key, str) and not re.search(r'["\\\n]', node.value)
        self.problems.append(Problem(
            self.path, node.start_mark.line + 1, f"this value cannot be read as {kind}: "
            f"'{value}'", "If it is meant as text, put it in double quotes, like: "
            + (f'{key}: "{value}"' if simple and value == node.value else self.example),
            "wrong-value"))

    def quoted(self, line: int, node: yaml.Node, key: Any) -> str:
        """This line's own field with its value in double quotes, else the file's example."""
        if key is not None and node.start_mark.line == node.end_mark.line:
            if self.lines is None:
                self.lines = source_lines(self.text)
            source = self.lines[line - 1] if line <= len(self.lines) else ""
            suggestion = quoted_field(source, node.start_mark.column)
            if suggestion:
                return suggestion
        return self.example



def _may_use(text: str) -> tuple[bool, bool]:
    """Whether the text may hold an alias (`*name`) and an anchor (`&name`): either must start a
    value, unlike the `&` in "A&E" or the `*` in "**bold**". Cheap, and never wrongly no."""
    alias = anchor = False
    if "&" in text or "*" in text:
        for match in _ANCHOR_OR_ALIAS.finditer(text):
            start = match.start()
            if start == 0 or text[start - 1] in " \t\r\n[{,:":
                if text[start] == "*":
                    alias = True
                else:
                    anchor = True
                if alias and anchor:
                    break
    return alias, anchor


def _too_deep_problem(path: str, line: int) -> Problem:
    return Problem(path, line, f"this part of the file is nested more than {MAX_DEPTH} levels "
                   "deep", "Check the brackets and the indentation here: the guidance data never "
                   "needs more than a few levels.", "yaml-syntax")


def _may_nest_deeper_than(text: str, depth: int) -> bool:
    """Whether the text could possibly nest more than ``depth`` levels, judged cheaply.

    Each level of brackets needs its own `[` or `{`. A list or block written by indentation can
    only start at the start of a line, after the spaces and `- `, `? `, `: ` indicators there, and
    every second level at most starts no further right than the one holding it."""
    room = (depth - 4 - text.count("[") - text.count("{")) // 2
    return room < 0 or re.search(rf"^[ \t?:-]{{{room + 1}}}", text, re.MULTILINE) is not None


def _too_deep(text: str, path: str) -> Problem | None:
    """The first place nested more than MAX_DEPTH levels, read from the parser's events (the
    parser is not recursive, so this is safe however deep the text goes)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Composer):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep_problem(path, event.start_mark.line + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except Exception:  # noqa: BLE001 - a syntax error: composing reports it, at this depth
        pass
    return None


def _anchors_and_aliases(text: str, path: str) -> list[Problem]:
    """Every alias (`*name`) and anchor (`&name`), each at its own line, without expanding any."""
    found: list[tuple[int, str, str]] = []
    more = 0
    try:
        for event in yaml.parse(text, Loader=_Composer):
            if isinstance(event, yaml.AliasEvent):
                what = "*"
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                what = "&"
            else:
                continue
            place = (event.start_mark.line + 1, what, event.anchor)
            if place in found:
                continue  # `[*a, *a, *a]`: once is enough
            if len(found) < _MAX_LISTED:
                found.append(place)
            else:
                more += 1
    except Exception:  # noqa: BLE001 - the events before a mistake are enough here
        pass
    problems = [_anchor_problem(path, line, what, name) for line, what, name in found]
    if more:
        problems.append(Problem(path, found[-1][0], f"this file has {more} more YAML aliases or "
                                "anchors after this line", "Remove them all in the same way.",
                                "yaml-alias"))
    return problems


def _anchor_problem(path: str, line: int, what: str, name: str) -> Problem:
    if what == "*":
        return Problem(path, line, f"this uses a YAML alias ('*{name}'), which this guidance "
                       "does not allow", "Write the value out in full here instead of the alias, "
                       f"and remove the anchor ('&{name}') it points to.", "yaml-alias")
    return Problem(path, line, f"this uses a YAML anchor ('&{name}'), which this guidance does "
                   "not allow", f"Remove '&{name}'. If the text really starts with &, put the "
                   "whole text in double quotes.", "yaml-alias")


def _unreadable_characters(text: str, path: str) -> list[Problem]:
    """Each hidden control character (like a NUL or a bell) YAML's reader refuses."""
    problems: list[Problem] = []
    for match in _NOT_PRINTABLE.finditer(text):
        line, column = line_and_column(text, match.start())
        if len(problems) == _MAX_LISTED:
            problems.append(Problem(path, line, "this file has more hidden control characters, "
                                    "on this line and later ones", "Delete them all in the "
                                    "same way.", "control-character"))
            break
        problems.append(Problem(
            path, line, f"this line has a hidden control character (U+{ord(match.group()):04X})"
            f" at column {column}", f"Delete it: it is invisible in most editors, so delete the "
            f"text around column {column} and type it again.", "control-character"))
    return problems


def _reader_position(error: yaml.reader.ReaderError, text: str) -> tuple[int, int]:
    """The line and column of a reader error, whose position libyaml counts in UTF-8 bytes."""
    position = error.position or 0
    if _Composer is not yaml.SafeLoader:
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    return line_and_column(text, min(position, len(text)))
