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
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """A safe loader that records lines and reports duplicate keys instead of keeping the last."""

    def __init__(self, stream: str, display_path: str) -> None:
        super().__init__(stream)
        self.display_path = display_path
        self.problems: list[Problem] = []


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.problems.append(Problem(
                loader.display_path, line,
                f"'{key}' appears twice here (first on line {result.key_lines[key]})",
                "Keep one of them: YAML would silently use only the last one.",
            ))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [item.start_mark.line + 1 for item in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def read_yaml(path: Path, display_path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; syntax errors come back as problems, never as exceptions."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display_path, 1, f"the file is not UTF-8 text ({error.reason})",
                              "Save the file as UTF-8 in your editor.")]
    loader = _Loader(text, display_path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "the file could not be read"
        return None, [Problem(
            display_path, line, f"this is not valid YAML: {what}",
            "Check the indentation and punctuation on this line and the one before it. Text "
            "containing a colon followed by a space, or starting with a quote or bracket, needs "
            "to be wrapped in quotes.",
        )]
    finally:
        loader.dispose()
    return data, loader.problems
