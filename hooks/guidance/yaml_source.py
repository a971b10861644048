"""Read YAML while remembering the line of every key and list item, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problem


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
_STR, _INT, _BOOL, _NULL, _DATE = (f"tag:yaml.org,2002:{name}"
                                   for name in ("str", "int", "bool", "null", "timestamp"))
_scalars = yaml.constructor.SafeConstructor()


def _build(node: yaml.Node, display_path: str, problems: list[Problem]) -> Any:
    """Turn a composed YAML node into plain values, recording lines and reporting repeated keys.

    Walking the nodes directly, rather than through PyYAML's general constructor, keeps loading
    fast as the data grows."""
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, display_path, problems)
            line = key_node.start_mark.line + 1
            if key in result:
                problems.append(Problem(
                    display_path, line,
                    f"'{key}' appears twice here (first on line {result.key_lines[key]})",
                    "Keep one of them: YAML would silently use only the last one.", "key-twice",
                ))
            result[key] = _build(value_node, display_path, problems)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LineList(_build(item, display_path, problems) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    if node.tag in (_STR, _DATE):
        return node.value  # dates stay text: the checks parse them and explain a bad one
    if node.tag == _INT:
        return _scalars.construct_yaml_int(node)
    if node.tag == _BOOL:
        return _scalars.construct_yaml_bool(node)
    if node.tag == _NULL:
        return None
    return _scalars.construct_object(node)  # floats and the like


def read_text(path: Path, display_path: str) -> tuple[str | None, list[Problem]]:
    """A file's text (a byte-order mark is dropped); a file that is not UTF-8 is a problem."""
    try:
        return path.read_text(encoding="utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [Problem(display_path, 1, f"the file is not UTF-8 text ({error.reason})",
                              "Save the file as UTF-8 in your editor.", "not-utf8")]


def parse_yaml(text: str, display_path: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; line numbers count from the text's first line."""
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "the file could not be read"
        return None, [Problem(
            display_path, line, f"this is not valid YAML: {what}",
            "Check the indentation and punctuation on this line and the one before it. Text "
            "containing a colon followed by a space, or starting with a quote or bracket, needs "
            "to be wrapped in quotes.", "yaml-syntax",
        )]
    problems: list[Problem] = []
    data = None if node is None else _build(node, display_path, problems)
    return data, problems
