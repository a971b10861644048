"""Reading a data file never crashes: every mistake is a problem at the line where it is.

These call hooks/guidance/yaml_source.py directly with small, real multi-line files, the way a
policy lead might break them, and check the line, the plain message and the hint.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from guidance import yaml_source
from guidance.problems import CODES
from guidance.yaml_source import LineDict, LineList, decode_text, parse_yaml, read_text

ROOT = Path(__file__).resolve().parents[2]
FILE = "docs/sources/example.yml"
EXAMPLE = 'name: "Youth Justice Service"'


def text(source: str) -> str:
    return textwrap.dedent(source).lstrip("\n")


def problems_of(source: str, **kwargs) -> list:
    data, problems = parse_yaml(text(source), FILE, **kwargs)
    assert problems, f"expected a problem, got {data!r}"
    for problem in problems:
        assert problem.path == FILE and problem.hint and problem.code in CODES
    return problems


def only_problem(source: str, **kwargs):
    problems = problems_of(source, **kwargs)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.fixture(params=["libyaml", "python"])
def either_parser(request, monkeypatch):
    """Both PyYAML parsers: libyaml's (C), and the pure-Python one used where libyaml is missing."""
    if request.param == "python":
        monkeypatch.setattr(yaml_source, "_Composer", yaml.SafeLoader)
    elif yaml_source._Composer is yaml.SafeLoader:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


# Ordinary files -----------------------------------------------------------------------------

def test_a_good_file_keeps_its_lines_and_values():
    data, problems = parse_yaml(text("""
        title: Mental health
        order: 20
        published: true
        weight: 1.5
        reviewed: 2026-01-31
        note:
        rows:
          - id: north-records
            holders: [north-service, south-service]
    """), FILE)
    assert problems == []
    assert isinstance(data, LineDict) and data.line_of("rows") == 7
    assert data["order"] == 20 and data["published"] is True and data["weight"] == 1.5
    assert data["reviewed"] == "2026-01-31"  # dates stay text: the checks parse them
    assert data["note"] is None
    rows = data["rows"]
    assert isinstance(rows, LineList) and rows.item_lines == [8]
    assert rows[0].line_of("holders") == 9 and rows[0]["holders"].line == 9


def test_an_empty_file_is_no_data_and_no_problem():
    assert parse_yaml("", FILE) == (None, [])
    assert parse_yaml("# only a comment\n", FILE) == (None, [])


def test_a_key_given_twice_keeps_the_data():
    data, problems = parse_yaml("title: A\norder: 1\ntitle: B\n", FILE)
    assert data["title"] == "B"
    assert [(p.line, p.code) for p in problems] == [(3, "key-twice")]
    assert "first on line 1" in problems[0].message


def test_plain_symbols_yaml_1_1_would_tag_are_text():
    data, problems = parse_yaml("<<: merge\nsign: =\n", FILE)
    assert problems == [] and data == {"<<": "merge", "sign": "="}


# Bytes and characters -------------------------------------------------------------------------

def test_a_byte_that_is_not_utf8_is_reported_at_its_line_and_column():
    raw = "title: Health\nwho: Caf\u00e9 team\nnote: ok\n".encode("cp1252")
    source, [problem] = decode_text(raw, FILE)
    assert source is None
    assert (problem.line, problem.code) == (2, "not-utf8")
    assert problem.message == ("this file has a character that is not UTF-8 "
                               "(byte 0xE9 at column 9)")
    assert "UTF-8" in problem.hint


def test_the_column_counts_characters_as_the_editor_shows_them():
    # "–" is three bytes in UTF-8 but one character on screen.
    raw = "a: ok\r\nb: \u2013 caf".encode() + b"\xe9\r\n"
    [problem] = decode_text(raw, FILE)[1]
    assert (problem.line, problem.message) == (
        2, "this file has a character that is not UTF-8 (byte 0xE9 at column 9)")


def test_each_line_with_bad_bytes_is_reported_once():
    raw = b"a: \xe9\xe9\nb: ok\nc: \x93quoted\x94\n"
    problems = decode_text(raw, FILE)[1]
    assert [(p.line, p.message.split(" (")[1]) for p in problems] == [
        (1, "byte 0xE9 at column 4)"), (3, "byte 0x93 at column 4)")]


def test_a_utf16_file_is_named_as_such():
    [problem] = decode_text("a: b\n".encode("utf-16"), FILE)[1]
    assert (problem.line, problem.code) == (1, "not-utf8") and "UTF-16" in problem.message


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    path = tmp_path / "file.yml"
    path.write_bytes(b"\xef\xbb\xbftitle: A\r\nrows:\r\n  - id: one\r\n  - id: two\r\n")
    source, problems = read_text(path, FILE)
    assert problems == [] and source == "title: A\nrows:\n  - id: one\n  - id: two\n"
    data, problems = parse_yaml(source, FILE)
    assert problems == [] and data["rows"].item_lines == [3, 4]


def test_windows_line_endings_count_one_line_each_when_parsed_directly():
    data, problems = parse_yaml("title: A\r\nrows:\r\n  - id: one\r\n  - id: two\r\n", FILE)
    assert problems == [] and data["rows"].item_lines == [3, 4]
    [problem] = problems_of("title: A\r\nholders: [a, b\r\nnext: 1\r\n")
    assert problem.line == 2


def test_a_missing_file_read_directly_is_a_problem(tmp_path):
    source, [problem] = read_text(tmp_path / "gone.yml", FILE)
    assert source is None and problem.code == "file-missing"


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\ufffe"])
def test_a_hidden_control_character_is_reported_at_its_line_and_column(either_parser, character):
    problem = only_problem(f"title: A\nwho: Police{character} team\n")
    assert (problem.line, problem.code) == (2, "control-character")
    assert problem.message == (f"this line has a hidden control character "
                               f"(U+{ord(character):04X}) at column 12")


def test_every_line_with_a_control_character_is_reported():
    problems = problems_of("a: \x07\nb: fine\nc: caf\u00e9\x00\n")
    assert [(p.line, p.message.rsplit(" at ", 1)[1]) for p in problems] == [
        (1, "column 4"), (3, "column 8")]


# Syntax mistakes at the line where they are ---------------------------------------------------

def test_an_unclosed_square_bracket_is_reported_at_its_own_line(either_parser):
    problem = only_problem("""
        rows:
          - id: north-records
            holders: [north-service, south-service
            who_holds: North Service
          - id: south-records
            holders: [south-service]
    """)
    assert (problem.line, problem.code) == (3, "yaml-syntax")
    assert problem.message.startswith(
        "this is not valid YAML: the [ at column 14 of this line is never closed with ]")
    assert problem.hint == ("Close it with ], like: holders: [north-service, south-service]. If "
                            "the value is not a list, take the bracket out.")


def test_an_unclosed_bracket_on_the_last_line():
    problem = only_problem("title: A\nholders: [police, gp\n")
    assert problem.line == 2 and "never closed with ]" in problem.message


def test_an_unclosed_curly_bracket_is_reported_at_its_own_line():
    problem = only_problem("""
        title: A
        who: {police: gp
        order: 2
        note: text
    """)
    assert problem.line == 2 and "the { at column 6 of this line is never closed with }" in (
        problem.message)


def test_a_mistake_inside_closed_brackets_is_on_that_line():
    problem = only_problem("title: A\nholders: [police: gp: x]\norder: 2\n")
    assert problem.line == 2
    assert "the list in brackets on this line has a mistake at column 21" in problem.message
    assert "[first-id, second-id]" in problem.hint


def test_an_extra_comma_in_a_list():
    problem = only_problem("title: A\nholders: [police, , gp]\n")
    assert problem.line == 2 and "this line has , where an item was expected" in problem.message


def test_an_unclosed_quote_at_the_end_of_the_file_is_reported_where_it_opens(either_parser):
    problem = only_problem("""
        title: A
        information: "Records held
        who_holds: North Service
        order: 2
    """)
    assert problem.line == 2
    assert 'the quote mark (") at column 14 of this line is never closed' in problem.message


def test_an_unclosed_quote_closed_by_a_later_quote_is_reported_where_it_opens(either_parser):
    problem = only_problem("""
        rows:
          - id: north-records
            information: "Records held
            who_holds: North Service
          - id: south-records
            information: "School records"
            who_holds: South Service
    """)
    assert problem.line == 3
    assert problem.message.startswith(
        'this is not valid YAML: the quote mark (") at column 18 of this line is not closed on '
        'this line, so YAML reads on to the next " on line 6')


def test_an_apostrophe_inside_single_quotes(either_parser):
    problem = only_problem("title: A\nnote: 'the child's record'\norder: 2\n")
    assert problem.line == 2
    assert "more text after a closing quote mark" in problem.message
    assert problem.hint.startswith('Put the whole text in double quotes, like: '
                                   'note: "the child\'s record"')


def test_a_colon_inside_text_names_the_line_and_shows_it_quoted(either_parser):
    problem = only_problem("""
        rows:
          - id: north-records
            information: Records: current and past
            who_holds: North Service
    """, example=EXAMPLE)
    assert (problem.line, problem.code) == (3, "yaml-syntax")
    assert problem.message.startswith("this is not valid YAML: this line has a colon followed by "
                                      "a space inside text, at column 25 (mapping values are not "
                                      "allowed ")  # "... in this context" or "... here"
    assert problem.hint == ('Put the whole text in double quotes, like: '
                            'information: "Records: current and past"')


def test_a_colon_in_text_carried_on_from_the_line_above_uses_the_example(either_parser):
    problem = only_problem("""
        title: A
        information: Records held by the service
          and its partners: police and health
    """, example=EXAMPLE)
    assert problem.line == 3
    assert "YAML reads the line as more text for the field above" in problem.message
    assert problem.hint.endswith(f"put that whole text in double quotes, like: {EXAMPLE}")


def test_without_an_example_the_hint_uses_a_general_one():
    problem = only_problem("title: A\ninformation: x\n  more: y\n")
    assert problem.hint.endswith(yaml_source.FALLBACK_EXAMPLE)


def test_a_tab_used_for_indenting(either_parser):
    problem = only_problem("rows:\n  - id: a\n\twho_holds: b\n")
    assert problem.line == 3
    assert problem.message.startswith("this is not valid YAML: this line is indented with a tab")
    assert problem.hint.startswith("Indent with spaces")


def test_a_tab_after_a_plain_text_line():
    problem = only_problem("rows:\n  - id: a\n    who: b\n\t  note: c\n")
    assert problem.line == 4 and "indented with a tab" in problem.message


def test_a_line_without_its_colon(either_parser):
    problem = only_problem("""
        title: A
        order
        note: text
    """, example=EXAMPLE)
    assert problem.line == 2
    assert "this line has no colon after its field name" in problem.message
    assert EXAMPLE in problem.hint


def test_a_line_indented_wrongly(either_parser):
    problem = only_problem("""
        review:
          owner: Policy lead
         every_months: 12
        title: A
    """)
    assert problem.line == 3
    assert "this line is not lined up with the lines around it" in problem.message


def test_a_field_indented_too_far_under_a_list_entry():
    problem = only_problem("rows:\n  - id: a\n      who_holds: b\n")
    assert problem.line == 3


def test_a_list_item_where_a_field_was_expected(either_parser):
    problem = only_problem("title: A\n- police\norder: 2\n")
    assert problem.line == 2
    assert "this line starts a list item (- ) where a field was expected" in problem.message


@pytest.mark.parametrize(("value", "start"), [
    ("@home team", "@"), ("`code`", "`"), ("*important* note", "*"), ("& others", "&"),
])
def test_text_starting_with_a_symbol_yaml_keeps_for_itself(either_parser, value, start):
    problem = only_problem(f"title: A\nnote: {value}\norder: 2\n")
    assert (problem.line, problem.code) == (2, "yaml-syntax")
    assert f"this text starts with {start}" in problem.message
    assert problem.hint.endswith(f'like: note: "{value}"')


def test_a_backslash_inside_double_quotes(either_parser):
    problem = only_problem('title: A\nnote: "police\\health"\n')
    assert problem.line == 2 and "backslash" in problem.message


def test_a_second_document(either_parser):
    problem = only_problem("title: A\n---\norder: 2\n")
    assert problem.line == 2 and "second document" in problem.message


def test_a_block_text_marker_with_text_after_it():
    problem = only_problem("title: A\nnote: >text\n  more\n")
    assert problem.line == 2 and "the | or > at column 7" in problem.message


def test_a_dash_after_a_field_name():
    problem = only_problem("title: A\nholders: - police\n")
    assert problem.line == 2 and "list dash" in problem.message


def test_the_message_leads_with_plain_words_and_ends_with_the_parsers():
    problem = only_problem("title: A\nnote: Records: current\n")
    plain, _, parser = problem.message.partition(" (")
    assert "mapping" not in plain and parser.startswith("mapping values are not allowed")


# Aliases, anchors and tags ------------------------------------------------------------------

def test_an_alias_is_a_problem_at_its_own_line(either_parser):
    problems = problems_of("""
        rows:
          - id: north-records
            holders: &both [north-service, south-service]
          - id: south-records
            holders: *both
    """)
    assert [(p.line, p.code) for p in problems] == [(3, "yaml-alias"), (5, "yaml-alias")]
    assert problems[1].message == ("this uses a YAML alias ('*both'), which this guidance does "
                                   "not allow")
    assert "Write the value out in full" in problems[1].hint
    assert parse_yaml(text("a: &x 1\nb: *x\n"), FILE)[0] is None


def test_an_anchor_alone_is_a_problem_too():
    """`&Co Ltd` would silently lose "&Co"; "A&E" and "**bold**" are ordinary text."""
    problem = only_problem("title: A&E **bold** text\nwho: &Co Ltd\n")
    assert (problem.line, problem.code) == (2, "yaml-alias")
    assert "this uses a YAML anchor ('&Co')" in problem.message


def test_a_merge_key_is_an_alias():
    problems = problems_of("base: &base {a: 1}\nrow:\n  <<: *base\n  b: 2\n")
    assert [p.line for p in problems] == [1, 3]


def test_an_alias_used_as_a_key():
    problems = problems_of("name: &k title\n*k : x\n")
    assert 2 in [p.line for p in problems]


def test_a_recursive_alias_does_not_recurse_forever(either_parser):
    problems = problems_of("a: &a [*a]\nb: 2\n")
    assert {p.code for p in problems} == {"yaml-alias"} and {p.line for p in problems} == {1}


def test_an_undefined_alias_is_text_starting_with_a_star(either_parser):
    problem = only_problem("title: A\nnote: *important\n")
    assert (problem.line, problem.code) == (2, "yaml-syntax")
    assert problem.hint.endswith('like: note: "*important"')


def test_an_anchor_used_twice():
    problem = only_problem("a: &x 1\nb: &x 2\n")
    assert (problem.line, problem.code) == (2, "yaml-alias")


BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]"
       for before, name in zip("abcdefgh", "bcdefghi")]) + "\n"

MEASURE = """
import json, resource, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
from guidance.yaml_source import parse_yaml
source = sys.stdin.read()
tracemalloc.start()
started = time.perf_counter()
data, problems = parse_yaml(source, "bomb.yml")
seconds = time.perf_counter() - started
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"data": data, "seconds": seconds, "peak": peak,
                  "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "problems": [[p.line, p.code, p.message] for p in problems]}))
"""


def measure(source: str) -> dict:
    """Parse in a fresh Python, so a regression hangs or swells that process, not the tests."""
    result = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT / "hooks")], input=source,
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_an_alias_bomb_is_refused_without_being_expanded():
    """A billion laughs: nine levels of nine aliases would expand to 9^9 (387 million) items."""
    outcome = measure(BOMB)
    assert outcome["data"] is None
    lines = {line for line, code, _ in outcome["problems"] if code == "yaml-alias"}
    assert lines == set(range(1, 10)), outcome["problems"]
    assert outcome["peak"] < 100 * 1024 * 1024, outcome
    # How fast is measured in benchmarks/ (0.1 s); the timeout above only catches a hang.


def test_a_file_of_many_aliases_lists_the_first_and_counts_the_rest():
    source = "a: &a x\n" + "".join(f"k{n}: *a\n" for n in range(40))
    problems = problems_of(source)
    assert len(problems) == 21 and problems[0].line == 1 and problems[19].line == 20
    assert problems[-1].message == "this file has 21 more YAML aliases or anchors after this line"


@pytest.mark.parametrize(("value", "shown"), [
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!python/object/apply:os.system [echo hi]", "!!python/object/apply:os.system"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!!set {a, b}", "!!set"),
    ("!!omap [a: 1]", "!!omap"),
    ("!custom text", "!custom"),
    ("!!str {a: 1}", "!!str"),
])
def test_a_value_with_a_tag_is_a_problem_at_its_line(either_parser, value, shown):
    data, problems = parse_yaml(f"title: A\nnote: {value}\norder: 2\n", FILE)
    assert data is None
    [problem] = problems
    assert (problem.line, problem.code) == (2, "yaml-tag")
    assert problem.message == (f"this value starts with '{shown}', which YAML reads as an "
                               "instruction, not as text")
    assert problem.hint.startswith("Text that starts with ! must be put in double quotes")


def test_a_tag_that_names_a_plain_type_is_accepted():
    assert parse_yaml("a: !!str 12\nb: !!int '7'\n", FILE) == ({"a": "12", "b": 7}, [])


def test_every_tagged_value_in_a_file_is_reported():
    problems = problems_of("a: !x 1\nb: 2\nc: !!binary AA==\n")
    assert [p.line for p in problems] == [1, 3]


def test_an_undefined_tag_handle_is_text_starting_with_a_bang(either_parser):
    problem = only_problem("title: A\nnote: !local!thing x\n")
    assert (problem.line, problem.code) == (2, "yaml-tag")


@pytest.mark.parametrize("value", ["!!int lots", "!!float many", "!!bool maybe"])
def test_a_value_its_tag_cannot_read(value):
    problem = only_problem(f"title: A\ncount: {value}\n")
    assert (problem.line, problem.code) == (2, "wrong-value")
    assert "this value cannot be read as" in problem.message


def test_a_number_too_long_for_python_to_read():
    problem = only_problem("title: A\ncount: " + "1" * 5000 + "\n")
    assert (problem.line, problem.code) == (2, "wrong-value")


def test_a_list_used_as_a_field_name():
    problem = only_problem("title: A\n? [a, b]\n: c\n")
    assert problem.line == 2 and "field name is a list" in problem.message


# Nesting --------------------------------------------------------------------------------------

def test_nesting_far_deeper_than_any_data_is_a_problem():
    problem = only_problem("title: A\nnote: " + "[" * 150 + "]" * 150 + "\n")
    assert problem.line == 2 and "nested more than 100 levels" in problem.message


def test_nesting_deep_enough_to_crash_the_parser_is_refused_first():
    """libyaml composes recursively in C: tens of thousands of levels would overflow the stack."""
    outcome = measure("title: A\nnote: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert [problem[:2] for problem in outcome["problems"]] == [[2, "yaml-syntax"]]
    outcome = measure("title: A\nnote:\n" + "- " * 100_000 + "x\n")
    assert [problem[:2] for problem in outcome["problems"]] == [[3, "yaml-syntax"]]


# Nothing escapes as an exception --------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "a: [\n", "a: {\n", "a: '\n", 'a: "\n', "- a\nb: c\n", "? \n", ": x\n", "a: b: c: d\n",
    "%YAML 2.0\n---\na: 1\n", "--- !x\n", "a: !<tag:yaml.org,2002:python/none> x\n",
    "\ud800: x\n", "a: |\n  \x85text\n", "[" * 3000, "{" * 3000, "a: *\n", "&\n", "!\n",
    "a: 1\n...\nb: 2\n", "\t\n", "a: !!timestamp 2001-13-45\n", "'a': 'b' 'c'\n",
])
def test_nothing_raises(either_parser, source):
    data, problems = parse_yaml(source, FILE)
    for problem in problems:
        assert problem.line >= 1 and problem.code in CODES and problem.hint


def test_the_module_needs_no_mkdocs_markdown_or_jinja():
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import guidance.yaml_source; "
            "print([m for m in sys.modules "
            "if m.split('.')[0] in ('mkdocs', 'markdown', 'jinja2')])")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "hooks")],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
