"""The editors' field reference, editing/fields.md, made from the record declarations.

Each kind of record and each field is declared once, in records.py, so the reference can never
disagree with the checks the build makes. ``make field-reference`` writes it; the tests check it.
"""

from __future__ import annotations

from . import records as r
from .kinds import Nested, Records, data_fields, spec_key, spec_of

OUTPUT = "editing/fields.md"  # in the project


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
             "Made by `make field-reference` from the declarations in "
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
