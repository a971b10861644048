"""A project's navigation as its mkdocs.yml writes it, read with PyYAML, so tests can work out
which pages and sections to expect without running the code under test."""

from __future__ import annotations

from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """Reads MkDocs' own tags (like ``!ENV``) as nothing: only the navigation is wanted."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def settings(root: Path) -> dict:
    """A project's mkdocs.yml (without what it inherits)."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def nav(root: Path) -> list:
    return settings(root)["nav"]


def paths(value) -> list[str]:
    """Every page path in a navigation entry, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [path for item in value for path in paths(item)]
    return [path for item in value.values() for path in paths(item)]
