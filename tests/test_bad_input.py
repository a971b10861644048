"""Bad input cannot inject, hang, crash or slip through: a table of planted faults.

Each fault is planted in a copy of the frozen test project (tests/fixture/), the way a careless
or hostile contributor might, and the build (strict, in this process) or `hooks/commands.py check`
is run on it. Every fault must stop the command, name the file and the line where the mistake is,
give a hint, and print no Python traceback. The faults marked ``end_to_end`` run as an editor runs
them, `mkdocs build --strict -q` (quiet, which once let warnings through) or `make check` in their
own process, within bounds of time and memory that catch a hang or a runaway (an alias bomb once
took 1.4 GB and never finished); how fast each really is, is measured in benchmarks/, not here.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from unittest import mock

import dataclasses

import guidance.kinds
import guidance.records
import pytest
import yaml
from guidance import kinds

import commands
from tests.support.project import FixtureProject

FIRST = "docs/sources/first-records.yml"
SECOND = "docs/sources/second-records.yml"
HOLDERS = "docs/data/holders.yml"
REFERENCES = "docs/data/references.yml"
GLOSSARY = "docs/data/glossary.yml"
FINDING = "docs/findings/first-finding.md"
SECOND_FINDING = "docs/findings/second-finding.md"
SOURCES_INDEX = "docs/sources/index.md"
LINKS = "docs/data/published-links.txt"
CONDITIONS = "docs/data/conditions.yml"
PARTNERSHIP = "docs/data/partnership.yml"
SHARING = "docs/data/sharing.yml"
ROUTES = "docs/data/local-routes.yml"
QUERIES = "docs/data/search-queries.yml"
CHECK = "docs/data/checklists/sample-check.yml"
ROUTE_LIMIT = kinds.LINKED_TEXT.limit  # the most characters a route's how_to_ask may have

LOG_LEVEL = re.compile(r"^(?:ERROR|WARNING|INFO)(?:\s+-\s+|: )")  # how MkDocs starts a message
PEAK_MEMORY = Path(__file__).parent / "support" / "peak_memory.py"
SECONDS = 60  # far above any real run (about a second): only a hang or a runaway reaches it
MEGABYTES = 100  # a whole build of the test project uses about 40 MB


@dataclass(frozen=True)
class Fault:
    """One mistake: how to plant it (returning the file and line the message must name), words
    the message must contain, and words the hint must contain."""

    name: str
    plant: Callable[[FixtureProject], tuple[str, int]]
    message: str
    hint: str
    command: str = "build"  # or "check": hooks/commands.py check
    absent: tuple[str, ...] = field(default=())  # words that must not be printed
    end_to_end: bool = False  # run in its own process, bounded in time and memory


def _edit(path: str, old: str, new: str) -> Callable[[FixtureProject], tuple[str, int]]:
    """Replace text; the message must name the line where the new text starts."""
    return lambda project: (path, project.edit(path, old, new))


def _edit_at(path: str, old: str, new: str, needle: str) -> Callable[[FixtureProject],
                                                                    tuple[str, int]]:
    """Replace text; the message must name the line where ``needle`` is after the edit."""
    def plant(project: FixtureProject) -> tuple[str, int]:
        project.edit(path, old, new)
        return path, project.line_of(path, needle)
    return plant


def _append(path: str, text: str, needle: str) -> Callable[[FixtureProject], tuple[str, int]]:
    def plant(project: FixtureProject) -> tuple[str, int]:
        project.write(path, project.read(path) + text)
        return path, project.line_of(path, needle)
    return plant


def _bytes(path: str, old: bytes, new: bytes, line: int) -> Callable[[FixtureProject],
                                                                    tuple[str, int]]:
    def plant(project: FixtureProject) -> tuple[str, int]:
        raw = project.path(path).read_bytes()
        assert old in raw
        project.path(path).write_bytes(raw.replace(old, new, 1))
        return path, line
    return plant


def _alias_bomb(project: FixtureProject) -> tuple[str, int]:
    """The nine-line "billion laughs": each level repeats the one before nine times."""
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    text = project.read(GLOSSARY)
    project.write(GLOSSARY, text + "\n" + "\n".join(levels) + "\n")
    return GLOSSARY, text.count("\n") + 2


def _huge_category(project: FixtureProject) -> tuple[str, int]:
    """A category of 20 MB of valid rows: refused at once, not read for minutes."""
    text = project.read(FIRST)
    rows = text[text.index("  - id: "):]
    copies = [rows.replace("  - id: ", f"  - id: copy-{number}-") for number in
              range(20 * 1024 * 1024 // len(rows))]
    project.write(FIRST, text + "".join(copies))
    return FIRST, 1


def _symlink_out(project: FixtureProject) -> tuple[str, int]:
    secret = project.root.parent / "secret.txt"
    secret.write_text("not for publishing", encoding="utf-8")
    (project.path("docs/assets") / "secret.txt").symlink_to(secret)
    return "docs/assets/secret.txt", 1


FAULTS = [
    # Data is text --------------------------------------------------------------------------
    Fault("script in a row", _edit(FIRST, "information: Records kept by the north office",
                                   "information: Records <script>alert(1)</script>"),
          "'information' contains HTML (<script>", "cannot hold HTML"),
    Fault("event handler in a description", _edit(
        HOLDERS, "description: A made-up team that visits people.",
        "description: 'A team\"><img src=x onerror=alert(1)>'"),
        "'description' contains HTML (<img", "cannot hold HTML"),
    Fault("script in a short title", _edit(FIRST, "short_title: First records",
                                           "short_title: First <svg onload=alert(1)>"),
          "'short_title' contains HTML", "cannot hold HTML"),
    Fault("HTML on the third line of a long text", _edit_at(
        FIRST, "  [the handbook](references.md#fixture-handbook).",
        "  [the handbook](references.md#fixture-handbook)\n  and more\n  <iframe src=x></iframe>.",
        "<iframe"), "'why_it_matters' contains HTML (<iframe", "[words](page.md)"),
    Fault("javascript link in data", _edit(
        HOLDERS, "description: A made-up agency that keeps a ledger.",
        "description: A made-up [agency](javascript:alert(1)) that keeps a ledger."),
        "can only lead to a page under docs/ or a https:// address", "[words](references.md#"),
    Fault("link in data written from a page", _edit(
        HOLDERS, "description: A made-up agency that keeps a ledger.",
        "description: See [the handbook](../references.md#fixture-handbook)."),
        "without ../ or /", "[words](references.md#"),
    Fault("mistyped citation in a category's text", _edit(
        FIRST, "references.md#fixture-handbook", "references.md#fixture-handbok"),
        "points to a section that references.md does not have",
        "Did you mean '#fixture-handbook'?", absent=("sources/first-records.md:",)),
    Fault("link in data to a page that does not exist, found without a build", _edit(
        FIRST, "references.md#fixture-handbook", "referencs.md#fixture-handbook"),
        "points to a page that does not exist", "Did you mean 'references.md'?", command="check"),
    Fault("text over its limit", _edit(HOLDERS, "name: West Agency", "name: " + "W" * 200),
          "'name' is 200 characters long; the most it can be is 150", "Shorten it"),
    # Safe YAML -----------------------------------------------------------------------------
    Fault("alias bomb", _alias_bomb, "YAML anchor ('&a')", "Remove '&a'", command="check",
          end_to_end=True),
    Fault("a category file of 20 MB", _huge_category, "a data file may be at most 4 MB",
          "split it", end_to_end=True),
    Fault("alias bomb in the build", _alias_bomb, "YAML anchor ('&a')", "Remove '&a'"),
    Fault("recursive alias", _append(GLOSSARY, "loop: &loop [*loop]\n", "loop:"),
          "YAML alias ('*loop')", "Write the value out in full"),
    Fault("unknown tag", _edit(HOLDERS, "name: East Team",
                               "name: !!python/name:os.system East Team"),
          "which YAML reads as an instruction", "double quotes"),
    Fault("unclosed bracket", _edit(FIRST, "holders: [north-service, south-service]",
                                    "holders: [north-service, south-service"),
          "is never closed with ]", "Close it with ]"),
    Fault("colon inside text", _edit(FIRST, "information: Notes shared between two services",
                                     "information: Notes: shared between two services"),
          "not valid YAML", 'information: "Notes: shared between two services"'),
    Fault("tab indentation", _edit(SECOND, "    who_holds: South Service",
                                   "\twho_holds: South Service"), "tab", "spaces"),
    Fault("unclosed quote", _edit(SECOND, "information: Entries in the ledger",
                                  'information: "Entries in the ledger'),
          "is never closed", "End the text with the same quote mark"),
    Fault("byte that is not UTF-8 in data", _bytes(SECOND, b"Entries in the ledger",
                                                   b"Entries in the l\xe9dger", 21),
          "not UTF-8 (byte 0xE9", "Save the file as UTF-8"),
    Fault("control character in data", _bytes(SECOND, b"Entries in the ledger",
                                               b"Entries in the\x07 ledger", 21),
          "hidden control character (U+0007)", "Delete it"),
    Fault("field given twice", _edit_at(SECOND, "    who_holds: South Service\n",
                                        "    who_holds: South Service\n    who_holds: West\n",
                                        "who_holds: West"),
          "'who_holds' appears twice", "Keep one of them"),
    Fault("a list written without brackets", _edit(
        SECOND, "holders: [south-service]", "holders: south-service"),
        "'holders' should be a list", "`holders: [south-service]`"),
    Fault("yes read as true", _edit(HOLDERS, "name: West Agency", "name: yes"),
          "not true (a yes/no value)", 'like `name: "yes"`'),
    Fault("unknown id", _edit(SECOND, "holders: [south-service]", "holders: [south-servce]"),
          "south-servce", "Did you mean 'south-service'?"),
    Fault("a row id taken by an organisation page's heading", _edit(
        FIRST, "id: north-records", "id: second-records"),
        "is taken by a heading", "Choose another id for this row"),
    Fault("a register that cannot be read, and nothing else", _edit(
        HOLDERS, "    name: East Team", "    name: [East Team"),
        "is never closed with ]", "Close it with ]", absent=("unknown organisation",)),
    Fault("a condition not known for someone, with nothing to ask", _edit_at(
        CONDITIONS, "    applies_to: [child]",
        "    applies_to: [child]\n    not_known_for: [adult]", "not_known_for"),
        "has `not_known_for` but no `ask`", "Add a line `ask:`"),
    Fault("a condition both known and not known for the same person", _edit_at(
        CONDITIONS, "    applies_to: [child]",
        "    applies_to: [child]\n    not_known_for: [child]\n    ask: ask whether", "not_known_for"),
        "'child' is in both `applies_to` and `not_known_for`", "Keep it in one of them"),
    Fault("a condition not known for a kind of person the conditions do not have", _edit_at(
        CONDITIONS, "    applies_to: [child]",
        "    applies_to: [child]\n    not_known_for: [adlt]\n    ask: ask whether", "adlt"),
        "unknown kind of person 'adlt'", "Did you mean 'adult'?"),
    Fault("a local route for an organisation the register does not have", _edit(
        ROUTES, "organisation: south-service", "organisation: south-servce"),
        "unknown organisation 'south-servce'", "Did you mean 'south-service'?"),
    Fault("two local routes for one organisation", _edit(
        ROUTES, "  - organisation: south-service",
        "  - organisation: north-service\n    how_to_ask: Ask again.\n"
        "  - organisation: south-service"),
        "organisation 'north-service' is used twice", "Each organisation must be different"),
    Fault("HTML in a local route", _edit(
        ROUTES, "how_to_ask: Use the south request form.",
        'how_to_ask: Use the <a href="https://example.org">form</a>.'),
        "'how_to_ask' contains HTML (<a", "cannot hold HTML"),
    Fault("a local route over its limit", _edit(
        ROUTES, "how_to_ask: Use the south request form.",
        "how_to_ask: " + "W" * (ROUTE_LIMIT + 1)),
        f"'how_to_ask' is {ROUTE_LIMIT + 1} characters long; the most it can be is {ROUTE_LIMIT}",
        "Shorten it"),
    Fault("a local route's example flag that is not true or false", _edit(
        ROUTES, "example: true", "example: ture"),
        "'example' should be true or false, not the text 'ture'", "Write true or false"),
    Fault("HTML in an organisation's sharing basis", _edit_at(
        HOLDERS, "description: A made-up agency that keeps a ledger.",
        "description: A made-up agency that keeps a ledger.\n    sharing_basis: Share <u>x</u>.",
        "Share <u>x</u>"),
        "contains HTML", "cannot hold HTML"),
    Fault("a link in an organisation's sharing basis to a page that does not exist", _edit_at(
        HOLDERS, "description: A made-up agency that keeps a ledger.",
        "description: A made-up agency that keeps a ledger.\n"
        "    sharing_basis: See [the notes](sources/note.md).", "sources/note.md"),
        "the guidance link 'sources/note.md' points to a page that does not exist",
        "Did you mean 'sources/notes.md'?"),
    Fault("a mistyped citation in the general basis for sharing", _edit_at(
        SHARING, "general_basis: >-\n",
        "general_basis: >-\n  See [the handbook](references.md#fixture-handbok).\n",
        "fixture-handbok"),
        "'references.md#fixture-handbok' points to a section that references.md does not have",
        "Did you mean '#fixture-handbook'?"),
    Fault("HTML in the general basis for sharing, found without a build", _edit_at(
        SHARING, "general_basis: >-\n", "general_basis: >-\n  Share <b>always</b>.\n",
        "<b>"), "'general_basis' contains HTML (<b>)", "cannot hold HTML", command="check"),
    Fault("a link in what to send to a page that does not exist", _edit(
        SHARING, "what_to_send: ", "what_to_send: See [the list](sources/nots.md). "),
        "the guidance link 'sources/nots.md' points to a page that does not exist",
        "Did you mean 'sources/notes.md'?"),
    Fault("a search that should find a page that does not exist", _edit(
        QUERIES, "finds: sources/second-records.md", "finds: sources/second-record.md"),
        "the guidance link 'sources/second-record.md' points to a page that does not exist",
        "Did you mean 'sources/second-records.md'?"),
    Fault("a search given twice", _edit(QUERIES, "query: north index", "query: ledger"),
          "search 'ledger' is used twice", "Each search must be different"),
    Fault("a safety planning tool whose address is not a web address", _edit_at(
        PARTNERSHIP, "review_owners:",
        "safety_planning_tool:\n  title: Fixture safety planning tool\n"
        "  url: www.example.org/tool\nreview_owners:", "url: www.example.org/tool"),
        "'url' should be a web address starting with https://", "Write a web address"),
    Fault("an immediate-danger phone number written with letters", _edit(
        PARTNERSHIP, "  phone: 0306 999 0100", "  phone: 0306 999 O100"),
        "'phone' should be a phone number written in digits and spaces", "0306 999 0000"),
    Fault("an immediate-danger route with no out-of-hours number", _edit_at(
        PARTNERSHIP, "  out_of_hours_phone: 0306 999 0101\n", "", "front_door: the fixture front door"),
        "missing the field 'out_of_hours_phone'", "out_of_hours_phone:"),
    Fault("an immediate-danger route whose next steps page does not exist, found without a "
          "build", _edit(PARTNERSHIP, "next_steps: findings/second-finding.md",
                         "next_steps: findings/second-findng.md"),
        "the guidance link 'findings/second-findng.md' points to a page that does not exist",
        "Did you mean 'findings/second-finding.md'?", command="check"),
    Fault("an immediate-danger route citing a reference that does not exist", _edit(
        PARTNERSHIP, "sources: [fixture-handbook]", "sources: [fixture-handbok]"),
        "unknown reference 'fixture-handbok'", "Did you mean 'fixture-handbook'?"),
    Fault("HTML in the caution about not alerting the person", _edit_at(
        SHARING, "not_alerting: >-\n", "not_alerting: >-\n  Agree <em>first</em>.\n", "<em>"),
        "'not_alerting' contains HTML (<em>)", "cannot hold HTML", command="check"),
    Fault("a may-alert flag that is not true or false", _edit(
        HOLDERS, "may_alert_person: true", "may_alert_person: sometimes"),
        "'may_alert_person' should be true or false, not the text 'sometimes'",
        "Write true or false"),
    Fault("a page that sends its reader to an organisation that could alert the person, without "
          "the caution", _append(FINDING, "\nAsk [West Agency](../organisations/west-agency.md).\n",
                                 "Ask [West Agency]"),
        "links to the page of 'West Agency', and a request to them could reach the person of "
        "concern", "<!-- insert: not-alerting -->", command="check"),
    Fault("a phrase or markup as a word a page is found by", _edit_at(
        SECOND_FINDING, "review:", 'tags: ["<b>safety</b> plan"]\nreview:', "tags:"),
        "'tags' should be a list of single words (no spaces or hyphens)", "[OASys, nDelius]"),
    Fault("an answer that goes only with an item the checklist does not have", _edit(
        CHECK, "              item: item-one", "              item: item-on"),
        "'item-on' is not another item of this checklist", "Did you mean 'item-one'?"),
    Fault("an answer that goes only with an answer the other item does not offer", _edit(
        CHECK, "              answers: [done]", "              answers: [dne]"),
        "the item 'item-one' has no answer 'dne'", "Did you mean 'done'?"),
    Fault("a search whose rank is not first or top three", _edit_at(
        QUERIES, "finds: sources/second-records.md",
        "finds: sources/second-records.md\n    rank: second", "rank: second"),
        "'rank' should be `first` or `top three`", "Write `first` or `top three`"),
    Fault("HTML in a defined term's meaning", _edit_at(
        GLOSSARY, "definitions:\n",
        "definitions:\n  - term: planted term\n    meaning: A meaning with <i>markup</i>.\n",
        "<i>markup"), "'meaning' contains HTML (<i>)", "cannot hold HTML"),
    Fault("a link in a defined term's meaning to a page that does not exist", _edit_at(
        GLOSSARY, "definitions:\n",
        "definitions:\n  - term: planted term\n    meaning: See [the notes](sources/nots.md).\n",
        "sources/nots.md"),
        "the guidance link 'sources/nots.md' points to a page that does not exist",
        "Did you mean 'sources/notes.md'?", command="check"),
    Fault("an organisation listed twice in a row", _edit(
        FIRST, "    holders: [north-service, south-service]",
        "    holders: [north-service, south-service, north-service]"),
        "'north-service' is listed twice in 'holders'", "Take out the second 'north-service'"),
    Fault("misspelt field", _edit(SECOND, "    who_holds: South Service",
                                  "    who_hold: South Service"), "unknown field 'who_hold'",
          "Did you mean 'who_holds'?"),
    # Hand-written pages ----------------------------------------------------------------------
    Fault("byte that is not UTF-8 in a page", _bytes(SECOND_FINDING, b"Another page",
                                                     b"Another p\xe1ge", 10),
          "not UTF-8 (byte 0xE1 at column 10)", "Save the file as UTF-8"),
    Fault("script in a page", _append(FINDING, "\n<script>alert(1)</script>\n", "<script>"),
          "<script>", "hooks/allowed-html.txt"),
    Fault("script in a page that shows a list made from data", _append(
        SOURCES_INDEX, "\n<script>alert(1)</script>\n", "<script>"), "<script>",
        "hooks/allowed-html.txt"),
    Fault("event handler in a page", _append(
        FINDING, '\n<p onclick="alert(1)">Click</p>\n', "onclick"), "onclick", "allowed-html"),
    Fault("javascript link in a page", _append(
        FINDING, "\nSee [this](javascript:alert(1)).\n", "javascript:"), "javascript:",
        "allowed-html"),
    Fault("iframe in a page", _append(FINDING, '\n<iframe src="https://example.org"></iframe>\n',
                                      "<iframe"), "iframe", "allowed-html"),
    Fault("event handler through attribute list", _append(
        FINDING, "\nA paragraph.\n{: onmouseover=\"alert(1)\" }\n", "onmouseover"),
        "onmouseover", "allowed-html"),
    Fault("link to a file outside the project", _symlink_out, "outside docs/", "Copy the file"),
    Fault("an HTML file published as it is", lambda project: (
        project.write("docs/findings/handout.html", "<script>alert(1)</script>\n")
        or ("docs/findings/handout.html", 1)), "could run script", "Markdown (a .md file)"),
    Fault("an SVG picture with a handler", lambda project: (
        project.write("docs/assets/logo.svg", '<svg onload="alert(1)"></svg>\n')
        or ("docs/assets/logo.svg", 1)), "could run script", ".png or .jpg"),
    Fault("review details missing", _edit(SECOND_FINDING, "review:", "reviewed:"),
          "unknown setting 'reviewed'", "Did you mean 'review'?"),
    Fault("broken front matter", _edit(SECOND_FINDING, "  every_months: 36",
                                       "  every_months: [36"), "is never closed with ]",
          "take the bracket out"),
    Fault("unknown insert", _edit(SOURCES_INDEX, "<!-- insert: category-list -->",
                                  "<!-- insert: category-lists -->"),
          "unknown insert 'category-lists'", "The inserts you can use are:"),
    # The gate, whatever the flags -------------------------------------------------------------
    Fault("discouraged term", _append(FINDING, "\nThere was an allegation.\n", "allegation."),
          "'allegation', suggested alternative", "formal", end_to_end=True),
    Fault("broken published link", _edit(FINDING, "## Good practice { #good-practice }",
                                         "## Good practices"),
          "no longer has the section #good-practice", "add a redirect"),
    Fault("heading that takes an id twice", _append(
        FINDING, "\n## Questions again { #questions }\n", "Questions again"),
        "the id 'questions' is used twice", "another id"),
]


def _run(project: FixtureProject, command: str) -> tuple[int, str, float, float]:
    """Run the command as an editor would; its exit code, output, seconds and peak megabytes.
    A run past SECONDS is stopped, and reported as such rather than hanging the suite."""
    peak = project.root.parent / "peak-memory.txt"
    arguments = [sys.executable, str(PEAK_MEMORY), str(peak),
                 *(["-m", "mkdocs", "build", "--strict", "-q"] if command == "build"
                   else ["hooks/commands.py", "check"])]
    output = project.root.parent / "output.txt"
    start = time.monotonic()
    with output.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(arguments, cwd=project.root, stdout=sink,
                                   stderr=subprocess.STDOUT, env=project.command_environment())
        timer = threading.Timer(SECONDS, lambda: os.kill(process.pid, signal.SIGKILL))
        timer.start()
        try:
            code = process.wait()
        finally:
            timer.cancel()
    kilobytes = int(peak.read_text(encoding="ascii")) if peak.is_file() else 0
    return (code, output.read_text(encoding="utf-8", errors="replace"),
            time.monotonic() - start, kilobytes / 1024)


def _run_here(project: FixtureProject, command: str) -> tuple[int, str]:
    """Run the build or the check in this process, as the commands do; its exit code and
    output."""
    if command == "build":
        result = project.build()
        return (0 if result.ok else 1), result.log
    printed = io.StringIO()
    with mock.patch.dict(os.environ, project.environment), \
            contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = commands.main(["check", "--project", str(project.root)])
    return code, printed.getvalue()


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_a_planted_fault_stops_at_its_line_with_a_hint(project, fault):
    path, line = fault.plant(project)
    if fault.end_to_end:
        code, output, seconds, megabytes = _run(project, fault.command)
        assert seconds < SECONDS and code != -signal.SIGKILL, f"{fault.name}: still running"
        assert 0 < megabytes < MEGABYTES, f"{fault.name}: used {megabytes:.0f} MB"
    else:
        code, output = _run_here(project, fault.command)
    assert code != 0, f"{fault.name}: the command passed\n{output}"
    assert "Traceback" not in output, output
    location = f"{path}:{line}: "
    lines = [LOG_LEVEL.sub("", entry) for entry in output.split("\n")]
    message = next((entry for entry in lines if entry.startswith(location)), None)
    assert message is not None, f"{fault.name}: nothing at {location}\n{output}"
    assert fault.message in message, f"{fault.name}: {message!r}\n{output}"
    hint = lines[lines.index(message) + 1]
    assert hint.strip().startswith("How to fix:") and fault.hint in hint, (
        f"{fault.name}: hint {hint!r}")
    for words in fault.absent:
        assert words not in output, output


def test_the_table_has_the_faults_the_issue_asks_for():
    assert len(FAULTS) >= 30
    assert len({fault.name for fault in FAULTS}) == len(FAULTS)
    assert all(fault.message and fault.hint for fault in FAULTS), "each checks its words"


def test_the_unchanged_project_passes_both_commands(project):
    for command in ("build", "check"):
        code, output, _, _ = _run(project, command)
        assert code == 0, output


PAYLOAD = ' <script>alert(1)</script>"><img src=x onerror=alert(1)> & it\'s #'
# Text fields the sweep leaves alone: names must match the rows' text, owners the partnership's
# roles, and a discouraged term and its forms are words to search for (a glossary term is an
# abbreviation, a kind of its own).
UNSWEPT = {"name", "also_called", "owner", "review_owners", "forms", "term"}


def _text_keys() -> set[str]:
    """Every field declared as text, in any kind of record."""
    text_kinds = {kinds.SHORT_TEXT, kinds.TEXT, kinds.LINKED_TEXT, kinds.PARAGRAPHS,
                  kinds.TEXT_LIST}
    records = [value for value in vars(guidance.records).values()
               if isinstance(value, type) and dataclasses.is_dataclass(value)]
    return {kinds.spec_key(f) for record in records for f in kinds.data_fields(record)
            if kinds.spec_of(f).kind in text_kinds} - UNSWEPT


def _sweep(value, keys: set[str]):
    """The data with PAYLOAD added to the end of every text field."""
    if isinstance(value, dict):
        return {key: (value[key] + PAYLOAD if key in keys and isinstance(value[key], str) else
                      [item + PAYLOAD for item in value[key]] if key in keys
                      and isinstance(value[key], list) else _sweep(value[key], keys))
                for key in value}
    if isinstance(value, list):
        return [_sweep(item, keys) for item in value]
    return value


def test_markup_in_every_text_field_reaches_no_page_even_past_the_data_check(project,
                                                                             monkeypatch):
    """If the data check ever let markup through, the escaping still would not. With the check
    switched off for this build, markup is added to every text field of every data file: no
    page, search index or tool has the script or the handler, nothing is escaped twice, and a
    heading ending in # keeps it."""
    monkeypatch.setattr(guidance.kinds, "html_in", lambda text: None)
    keys = _text_keys()
    assert {"information", "description", "short_title", "citation", "why_it_matters",
            "summary", "text", "label"} <= keys, "the sweep covers the fields the issue names"
    for path in sorted(project.path("docs").rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_sweep(document, keys), allow_unicode=True,
                                       sort_keys=False, width=1000), encoding="utf-8")
    result = project.build()
    assert result.ok, result.log
    published = [*result.html_files(), result.site / "search" / "search_index.json"]
    for page in published:
        text = page.read_text(encoding="utf-8")
        for unsafe in ("<script>alert", "<img src=x", "onerror=alert(1)>"):
            assert unsafe not in text, f"{page}: {unsafe}"
        for twice in ("&amp;amp;", "&amp;#39;", "&amp;lt;", "&amp;#35;"):
            assert twice not in text, f"{page}: escaped twice ({twice})"
    heading = next(result.page("sources/first-records/").iter("h1"))
    assert heading.text().rstrip("¶").strip().endswith("& it's #"), heading.text()
