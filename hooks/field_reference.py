#!/usr/bin/env python3
"""Write the editors' field reference, editing/fields.md, from the record declarations.

Usage: python hooks/field_reference.py [--check]

The reference is made from hooks/guidance/records.py, where each kind of record and each field is
declared once, so it can never disagree with the checks the build makes. With --check, it writes
nothing and exits 1 if the file is out of date (the tests run this).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guidance import records as r  # noqa: E402
from guidance.kinds import Nested, Records, data_fields, spec_key, spec_of  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "editing" / "fields.md"


TEXT_RULES = [
    '<a id="text"></a>',
    "## Text in data", "",
    "Everything in a data file is shown as text, exactly as you write it: brackets, asterisks, "
    "underscores, pipes and backslashes included. Only fields that say they \"may have links and "
    "emphasis\" read three kinds of Markdown:", "",
    "- a link: `[Hackett, 2014](references.md#hackett-2014)`, to a page under docs/ written as "
    "its path there (the same on every page the text appears on), or "
    "`[words](https://example.org/page)` to another site;",
    "- emphasis: `*Working Together to Safeguard Children 2023*`;",
    "- strong emphasis: `**not**`.", "",
    "HTML (anything like `<b>` or `<a href=...>`) is never allowed in data: the build stops and "
    "names the line. Each text field has a limit on its length, given below; a longer "
    "explanation belongs on a hand-written page.", ""]


def _rows(record: type) -> list[str]:
    rows = []
    for f in data_fields(record):
        field_spec = spec_of(f)
        kind = field_spec.kind.described
        limit = getattr(field_spec.kind, "limit", None)
        if limit and not field_spec.refers_to and "id" not in kind:
            kind += f", at most {limit:,} characters"
        if field_spec.refers_to:
            kind += f" (ids from docs/{r.REGISTERS[field_spec.refers_to].path})"
        need = "required" if field_spec.required else "optional"
        rows.append(f"| `{spec_key(f)}` | {need} | {kind} | {field_spec.help} |")
    return rows


def _section(title: str, record: type, seen: set[type]) -> list[str]:
    doc = record.__dict__.get("__doc__") or ""
    about = "" if doc.startswith(record.__name__ + "(") else " ".join(doc.split())
    lines = [f"### {title}", "", about, "", "| Field | | What to write | What it is for |", "| --- | --- | --- | --- |",
             *_rows(record), ""]
    seen.add(record)
    for f in data_fields(record):
        kind = spec_of(f).kind
        if isinstance(kind, (Records, Nested)) and kind.of not in seen:
            lines += _section(f"`{spec_key(f)}`: {kind.of.WHAT}", kind.of, seen)
    return lines


def reference() -> str:
    lines = ["# Every field of every data file", "",
             "Made by `python hooks/field_reference.py` from the declarations in "
             "`hooks/guidance/records.py`. Do not edit it by hand: it is checked against them.",
             "", *TEXT_RULES]
    seen: set[type] = {r.Review}
    for data_file in r.DATA_FILES:
        where = (f"`docs/{data_file.path}/*.yml` (one file each)"
                 if not data_file.path.endswith(".yml") else f"`docs/{data_file.path}`")
        lines += [f"## {where}", ""]
        lines += _section(data_file.record.WHAT.capitalize(), data_file.record, seen)
    lines += ["## The `review:` block", "",
              "At the top of every data file (but the redirects) and in every page's front "
              "matter.", "", "| Field | | What to write | What it is for |",
              "| --- | --- | --- | --- |", *_rows(r.Review), ""]
    return "\n".join(lines).replace("\n\n\n", "\n\n")


def main(argv: list[str]) -> int:
    text = reference()
    if argv[1:] == ["--check"]:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.is_file() else ""
        if current != text:
            print(f"{OUTPUT.name} is out of date: run `python hooks/field_reference.py`.",
                  file=sys.stderr)
            return 1
        return 0
    if argv[1:]:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
