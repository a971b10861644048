"""YAML parser errors in plain words, at the line where the mistake is, with what to write.

PyYAML's own messages ("mapping values are not allowed here") mean little to the policy leads who
edit the data, and often point past the mistake. This translates them; reading and building
the data stays in yaml_source.py. Only PyYAML and the standard library are used (no MkDocs,
Markdown or Jinja).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import Problem

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml counts as a new line
# One field on one line: `  - name: value`.
_FIELD_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):[ \t]+(\S.*?)[ \t]*$")
_TAB_HINT = ("Indent with spaces instead, in line with the lines around it: a tab looks like "
             "spaces, but YAML does not accept it.")
_LIST_EXAMPLE = "holders: [first-id, second-id]"


@dataclass(frozen=True)
class _Plain:
    """A parser's complaint in plain words. ``message`` and ``hint`` may use {column} (of the
    mark), {char} (the character there), {example} and {quoted} (this line's own field in quotes,
    else the example); the mistake is at the parser's problem mark, or at its context mark (where
    it started reading what it could not finish)."""

    message: str
    hint: str
    at_context: bool = False
    code: str = "yaml-syntax"


_QUOTE_IT = "Put the whole text in double quotes, like: {quoted}"
_PLAIN: dict[str, _Plain] = {
    "colon": _Plain(
        "this line has a colon followed by a space inside text, at column {column}", _QUOTE_IT),
    "colon-carried-on": _Plain(
        "this line has a colon followed by a space, at column {column}, but YAML reads the line "
        "as more text for the field above",
        "If this line is a field of its own, line it up with the other fields of its entry. If "
        "it carries on the text above, put that whole text in double quotes, like: {example}"),
    "no-colon": _Plain(
        "this line has no colon after its field name, or is text not indented under its field",
        "Write the field name, a colon and a space, then the value, like: {example}. If this "
        "line carries on the text above, indent it further than that field's name.",
        at_context=True),
    "tab": _Plain("this line is indented with a tab", _TAB_HINT),
    "reserved": _Plain(
        "this text starts with {char}, which YAML keeps for itself",
        "Text that starts with {char} must be put in double quotes, like: {quoted}"),
    "unclosed-quote": _Plain(
        "the quote mark ({char}) at column {column} of this line is never closed",
        "End the text with the same quote mark. If the text itself holds an apostrophe, put "
        "double quotes around it, like: note: \"The child's record\"", at_context=True),
    "escape": _Plain(
        "this text in double quotes has a backslash (\\) that YAML cannot read",
        "Write two backslashes (\\\\) for each one, or put the text in single quotes instead of "
        "double quotes."),
    "star": _Plain(
        "this text starts with *, which YAML reads as a reference to another value",
        "Text that starts with * must be put in double quotes, like: {quoted}"),
    "ampersand": _Plain(
        "this text starts with &, which YAML reads as an anchor",
        "Text that starts with & must be put in double quotes, like: {quoted}", at_context=True),
    "duplicate-anchor": _Plain(
        "this uses a YAML anchor that is already used above, which this guidance does not allow",
        "Remove the anchors (&name) and aliases (*name), writing each value out in full.",
        code="yaml-alias"),
    "tag": _Plain(
        "this value starts with !, which YAML reads as an instruction, not as text",
        "Text that starts with ! must be put in double quotes, like: {quoted}", code="yaml-tag"),
    "quote-runs-on": _Plain(
        "the quote mark ({char}) at column {column} of this line is not closed on this line, so "
        "YAML reads on to the next {char} on line {closing_line}",
        "End the text with the same quote mark on this line. If the text itself holds an "
        "apostrophe, put double quotes around it, like: note: \"The child's record\""),
    "after-quote": _Plain(
        "this line has more text after a closing quote mark, at column {column}",
        "Put the whole text in double quotes, like: {quoted}. Inside single quotes, an "
        "apostrophe is written as two ('')."),
    "list-item": _Plain(
        "this line starts a list item (- ) where a field was expected",
        "Indent it under the field that holds the list, in line with the other items, and check "
        "that field's line ends with a colon."),
    "indent": _Plain(
        "this line is not lined up with the lines around it",
        "Line up each field with the other fields of its entry, indenting with spaces. Each new "
        "entry in a list starts with '- ' in line with the other entries."),
    "unclosed-bracket": _Plain(
        "the {char} at column {column} of this line is never closed with {closer}",
        "Close it with {closer}, like: {closed}. If the value is not a list, take the bracket out.",
        at_context=True),
    "inside-brackets": _Plain(
        "the list in brackets on this line has a mistake at column {column}",
        "Separate the items with a comma and a space, like: " + _LIST_EXAMPLE + ". Put any item "
        "that contains a colon or a quote mark in double quotes."),
    "extra-comma": _Plain(
        "this line has {char} where an item was expected, at column {column}",
        "Remove the extra comma or bracket, so that each comma sits between two items, like: "
        + _LIST_EXAMPLE),
    "no-value": _Plain(
        "this line has {char} where a value was expected, at column {column}",
        "Remove the extra comma or bracket. If the text really starts with it, put the whole "
        "text in double quotes, like: {quoted}"),
    "dash-after-field": _Plain(
        "this line has a list dash (- ) after a field name on the same line",
        "Start each list item on a new line, indented under the field. If the dash is part of "
        "the text, put the whole text in double quotes, like: {quoted}"),
    "second-document": _Plain(
        "this line (---) starts a second document, and a data file holds only one",
        "Delete this --- line. If it is part of a text, put that text in double quotes."),
    "directive": _Plain(
        "this line starts with %, which YAML reads as an instruction",
        "Delete the line, or put text that starts with % in double quotes, like: {example}",
        at_context=True),
    "block-text": _Plain(
        "the | or > at column {column} of this line must be the last thing on it",
        "Start the text on the next line, indented further than the field name, or write it "
        "after the colon in double quotes instead.", at_context=True),
    "unfinished": _Plain(
        "the file ends before the part that starts on this line is finished",
        "Check this part for a missing closing quote mark or bracket.", at_context=True),
}

# The parser's words (libyaml's, and pure-Python PyYAML's where they differ) -> the plain entry.
# First match wins; some entries are then refined by looking at the line itself.
_PHRASES: tuple[tuple[str, str], ...] = (
    ("tab character", "tab"),
    ("character '\\t' that cannot start any token", "tab"),
    ("that cannot start any token", "reserved"),  # a tab, `@` or a backtick: refined below
    ("mapping values are not allowed", "colon"),  # "... in this context" (C), "... here"
    ("found unexpected ':'", "colon"),
    ("could not find expected ':'", "no-colon"),  # "while scanning a simple key"
    ("while scanning a quoted scalar", "unclosed-quote"),
    ("unknown escape character", "escape"),
    ("found undefined alias", "star"),
    ("while scanning an alias", "star"),
    ("while scanning an anchor", "ampersand"),
    ("found duplicate anchor", "duplicate-anchor"),
    ("tag handle", "tag"),
    ("while scanning a tag", "tag"),
    ("while parsing a tag", "tag"),
    ("while parsing a flow sequence", "unclosed-bracket"),  # "did not find expected ',' or ']'"
    ("while parsing a flow mapping", "unclosed-bracket"),
    ("did not find expected key", "indent"),
    ("did not find expected '-' indicator", "indent"),
    ("expected <block end>", "indent"),
    ("node content", "no-value"),  # "did not find expected node content", "expected the ..."
    ("sequence entries are not allowed", "dash-after-field"),
    ("another document", "second-document"),
    ("while scanning a directive", "directive"),
    ("incompatible YAML document", "directive"),
    ("while scanning a block scalar", "block-text"),
    ("found unexpected end of stream", "unfinished"),
)


def syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str, example: str) -> Problem:
    """The parser's error as a plain problem at the line where the mistake is."""
    said = f"{error.context or ''} / {error.problem or ''}"
    kind = next((kind for phrase, kind in _PHRASES if phrase in said), None)
    problem_mark, context_mark = error.problem_mark, error.context_mark
    closing_line = 0
    if kind is None:
        return generic_problem(error, path, text, 1, 0)
    mark = problem_mark or context_mark
    line_text = _source_line(text, mark.line + 1)
    char = line_text[mark.column] if mark.column < len(line_text) else ""
    # Refinements that need the line itself.
    if kind == "reserved" and char == "\t":
        kind = "tab"
    elif kind == "colon" and not quoted_field(line_text, mark.column):
        kind = "colon-carried-on"  # the colon is the line's first: a field indented too far?
    elif kind == "indent":
        before = line_text[:mark.column].rstrip()
        if before.endswith(("'", '"')):
            kind = "after-quote"
            opening = _opening_quote(text, mark.index - mark.column + len(before) - 1)
            if opening is not None and opening.line < mark.line:
                kind, closing_line, mark = "quote-runs-on", mark.line + 1, opening
                line_text = _source_line(text, mark.line + 1)
                char = line_text[mark.column] if mark.column < len(line_text) else ""
        elif line_text.lstrip().startswith("- ") and ("expected key" in said
                                                      or "found '-'" in said):
            kind = "list-item"
    elif kind == "no-value" and "flow" in said:
        kind = "extra-comma"
    elif kind == "unclosed-bracket" and problem_mark and context_mark and (
            problem_mark.line == context_mark.line):
        kind = "inside-brackets"
    plain = _PLAIN[kind]
    if plain.at_context and context_mark is not None:
        mark = context_mark
        line_text = _source_line(text, mark.line + 1)
        char = line_text[mark.column] if mark.column < len(line_text) else ""
    closer = {"[": "]", "{": "}"}.get(char, "")
    details = {
        "column": mark.column + 1, "char": char, "example": example, "closer": closer,
        "quoted": quoted_field(line_text, mark.column) or example,
        "closed": _closed(line_text, mark.column, closer), "closing_line": closing_line,
    }
    message = plain.message.format(**details)
    if error.problem:
        message += f" ({error.problem})"
    return Problem(path, mark.line + 1, f"this is not valid YAML: {message}",
                   plain.hint.format(**details), plain.code)


def _opening_quote(text: str, closing: int) -> yaml.Mark | None:
    """Where the quoted text that ends with the quote mark at ``closing`` starts: the previous
    quote mark of the same kind, skipping `\\"` inside double quotes and `''` inside single
    ones."""
    quote = text[closing] if 0 <= closing < len(text) else ""
    if quote not in ("'", '"'):
        return None
    index = closing - 1
    while index >= 0:
        index = text.rfind(quote, 0, index + 1)
        if index < 0:
            return None
        if quote == '"' and index > 0 and text[index - 1] == "\\":
            index -= 2
        elif quote == "'" and index > 0 and text[index - 1] == "'":
            index -= 2
        else:
            line, column = line_and_column(text, index)
            return yaml.Mark("", index, line - 1, column - 1, None, None)
    return None


def _closed(line: str, column: int, closer: str) -> str:
    """The line with its bracket closed at the end, like `holders: [police, gp]`."""
    written = line.strip()
    if written.startswith("- "):
        written = written[2:]
    if not closer or closer in line[column:] or "#" in written or not written:
        return _LIST_EXAMPLE if closer != "}" else "{first: 1, second: 2}"
    return written.rstrip(", ") + closer


# Also used by yaml_source.py ----------------------------------------------------------------

def quoted_field(line: str, column: int) -> str | None:
    """``key: "value"`` for a one-line field whose value holds the mistake at ``column``
    (0-based), or None when the line is not that simple."""
    match = _FIELD_LINE.match(line)
    if match is None or column < match.start(2):
        return None
    key, value = match.groups()
    if len(value) > 1 and value[0] == value[-1] == "'":
        value = value[1:-1]  # 'the child's record': the apostrophe ended the single quotes
    if '"' in value or "\\" in value or " #" in value or value[0] in "|>":
        return None
    return f'{key}: "{value}"'


def generic_problem(error: BaseException, path: str, text: str, line: int, column: int
                    ) -> Problem:
    """Any error the table does not know, in general words, at the error's line if it has one."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line = mark.line + 1
    what = getattr(error, "problem", None) or str(error) or type(error).__name__
    return Problem(path, line, f"this is not valid YAML: the build cannot read past this line "
                   f"({what})", "Check the indentation and punctuation on this line and the one "
                   "before it. Text containing a colon followed by a space, or starting with a "
                   "quote or bracket, needs to be wrapped in double quotes.", "yaml-syntax")


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of a character, counting line breaks as libyaml does."""
    breaks = sum(text.count(mark, 0, index) for mark in "\n\r\x85\u2028\u2029")
    breaks -= text.count("\r\n", 0, index)
    start = max(text.rfind(mark, 0, index) for mark in "\n\r\x85\u2028\u2029") + 1
    return breaks + 1, index - start + 1


def source_lines(text: str) -> list[str]:
    """The text's lines, split where libyaml counts a new line."""
    return _BREAK.split(text)


def _source_line(text: str, line: int) -> str:
    """The text of a 1-based line."""
    lines = source_lines(text)
    return lines[line - 1] if 0 < line <= len(lines) else ""
