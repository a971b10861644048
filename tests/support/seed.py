"""Read the seed's information sources tables, so tests can compare the site with its source."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SeedTable:
    title: str
    rows: list[tuple[str, str]]  # (source of information, who holds it)


def seed_tables(text: str) -> list[SeedTable]:
    """Each table in the seed: its title (the line above its explanation) and its rows."""
    lines = text.splitlines()
    tables: list[SeedTable] = []
    for number, line in enumerate(lines):
        if line.endswith("\tWho holds it?"):
            above = [earlier for earlier in reversed(lines[:number]) if earlier.strip()]
            title = next(earlier for earlier in above if not earlier.rstrip().endswith("."))
            tables.append(SeedTable(title.strip(), []))
        elif "\t" in line and tables:
            information, who_holds = line.split("\t")
            tables[-1].rows.append((information, who_holds))
    return tables


def comparable(text: str) -> str:
    """Text with markup, brackets, quote styles and spacing removed, for faithful-wording checks."""
    text = re.sub(r"<[^>]+>", "", text)
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    text = text.replace("(", " ").replace(")", " ").replace("¶", " ")
    return " ".join(text.lower().split())
