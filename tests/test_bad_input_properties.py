"""Whatever a data file or page is turned into, the build passes or stops with path:line problems:
never a traceback, never a hang.

Hypothesis mutates copies of the frozen test project at random, bytes and YAML structure alike,
and builds each copy in strict mode. The examples are the same on every run (derandomized), so
CI passes or fails the same way; `HYPOTHESIS_PROFILE=explore make test` tries many more, at
random.
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis import given

from guidance.data_text import html_in
from tests.support.project import FixtureProject

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          database=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=400, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURE_DOCS = Path(__file__).parent / "fixture" / "docs"
DATA_FILES = sorted(path.relative_to(FIXTURE_DOCS.parent).as_posix()
                    for path in FIXTURE_DOCS.rglob("*.yml"))
PAGES = sorted(path.relative_to(FIXTURE_DOCS.parent).as_posix()
               for path in FIXTURE_DOCS.rglob("*.md"))
PROBLEM = re.compile(r"^(?:(?:ERROR|WARNING)\s+-\s+)?(docs/[^:\s]+):(\d+): \S", re.MULTILINE)
SECONDS = 60  # a hang, not a slow build: one build of the test project takes well under one

# Values a careless or hostile edit might leave: wrong types, markup, odd characters.
ODD_TEXT = st.sampled_from([
    "", " ", "<script>alert(1)</script>", "[x](javascript:alert(1))", "*", "**", "[", "]",
    "\\", "|", "{: onclick=x }", "&amp;", "yes", "0", "- a", "# heading", "::", "\t", "ŵ ŷ ô",
    "x" * 7000, "&a", "*a", "!!python/name:os.system", "%TAG", "@", "`", "'", '"'])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=True)
    | st.text(max_size=30) | ODD_TEXT,
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=10) | ODD_TEXT, children, max_size=3),
    max_leaves=6)


class _TimedOut(Exception):
    pass


def _alarm(signum, frame):
    raise _TimedOut(f"no answer in {SECONDS} s")


def _build(folders: pytest.TempPathFactory, mutate) -> None:
    """Copy the fixture, mutate it, build it; the result must be a pass or path:line problems.
    Copies are kept until the session ends: builds in one process share the first copy's code."""
    project = FixtureProject(folders.mktemp("mutant"))
    mutate(project)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        result = project.build()  # any exception but MkDocs' own Abort fails the test here
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    if result.ok:
        return
    problems = PROBLEM.findall(result.log)
    assert problems, f"the build stopped without a path:line problem:\n{result.log}"
    for path, line in problems:
        file = project.path(path)
        assert file.exists() or file.is_symlink(), f"{path} does not exist:\n{result.log}"
        if file.is_file():
            lines = file.read_bytes().count(b"\n") + 1
            assert 1 <= int(line) <= lines, f"{path}:{line} is past its end:\n{result.log}"


@given(path=st.sampled_from(DATA_FILES + PAGES), data=st.data())
def test_random_bytes_in_a_file(tmp_path_factory, path, data):
    def mutate(project: FixtureProject) -> None:
        raw = bytearray(project.path(path).read_bytes())
        for _ in range(data.draw(st.integers(1, 4), label="edits")):
            at = data.draw(st.integers(0, len(raw)), label="at")
            kind = data.draw(st.sampled_from(["insert", "delete", "replace"]), label="kind")
            chunk = data.draw(st.binary(min_size=1, max_size=6), label="bytes")
            if kind == "insert":
                raw[at:at] = chunk
            elif kind == "delete":
                del raw[at:at + len(chunk)]
            else:
                raw[at:at + len(chunk)] = chunk
        project.path(path).write_bytes(bytes(raw))
    _build(tmp_path_factory, mutate)


def _paths(value, prefix=()):
    """Every place in a loaded YAML document: a key of a mapping or an index of a list."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


@given(path=st.sampled_from(DATA_FILES), data=st.data())
def test_random_changes_to_a_data_file_structure(tmp_path_factory, path, data):
    def mutate(project: FixtureProject) -> None:
        document = yaml.safe_load(project.read(path))
        places = [place for place in _paths(document) if place]
        place = data.draw(st.sampled_from(places), label="place")
        parent = document
        for step in place[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "rename"]), label="action")
        if action == "replace" or isinstance(parent, list) and action == "rename":
            parent[place[-1]] = data.draw(VALUES, label="value")
        elif action == "delete":
            del parent[place[-1]]
        else:
            parent[data.draw(st.text(max_size=12) | ODD_TEXT, label="key")] = parent.pop(place[-1])
        project.write(path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    _build(tmp_path_factory, mutate)


# Text a policy lead might write: letters in several scripts, digits, and every character
# Markdown or HTML acts on. A tag (<b>) is refused by the checks, so it is left out here.
WRITTEN = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 ŵŷôé–’“”") + list("\\`*_{}[]()#+-.!|<>&:;'\"=~^$@%/?")),
    min_size=1, max_size=60).filter(lambda text: text.strip() and html_in(text) is None)


@settings(max_examples=max(1, settings.default.max_examples // 3))  # each builds whole pages
@given(information=WRITTEN, title=WRITTEN)
def test_any_text_shows_exactly_as_written(tmp_path_factory, information, title):
    """A row's text and a category's title, whatever their characters, show exactly as
    written: in the row's cell, in the link back to it on its organisation page, and in the
    page's heading."""
    project = FixtureProject(tmp_path_factory.mktemp("written"))
    path = "docs/sources/first-records.yml"
    document = yaml.safe_load(project.read(path))
    document["rows"][0]["information"] = information
    document["title"] = title
    project.write(path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    result = project.build()
    assert result.ok, result.log
    row_id, shown = document["rows"][0]["id"], " ".join(information.split())
    cell = result.page("sources/first-records/").find_id(row_id)
    mark = next(link for link in cell.iter("a") if "row-link" in link.attrs.get("class", ""))
    assert cell.text()[: cell.text().rindex(mark.text())].strip() == shown
    holder = document["rows"][0]["holders"][0]
    back = next(result.page(f"organisations/{holder}/").find_id(row_id).iter("a"))
    assert back.text().strip() == shown
    heading = next(result.page("sources/first-records/").iter("h1"))
    assert heading.text().rstrip("¶").strip() == " ".join(title.split())
