"""The standalone data check (`hooks/commands.py check`, `make check`), run as a command on copies of the frozen test
project: clear exit codes, every problem listed, and no MkDocs needed. (That the real data
passes is checked in tests/content/.)"""

from __future__ import annotations

import subprocess
import sys

from guidance.load import load_guidance
from tests.support.project import COMMANDS, FixtureProject

CHECK = "check"


def test_good_data_passes_with_a_summary(project: FixtureProject):
    result = project.command(CHECK, "docs")
    assert result.returncode == 0, result.stderr
    guidance = load_guidance(project.path("docs"))
    rows = sum(len(category.rows) for category in guidance.categories)
    assert (f"The guidance data is fine: {len(guidance.categories)} categories, {rows} rows, "
            f"{len(guidance.holders)} organisations, {len(guidance.terms)} glossary entries, "
            f"{len(guidance.checklists)} checklist") in result.stdout, result.stdout


def test_bad_data_fails_with_every_problem(project: FixtureProject):
    first = project.edit("docs/sources/second-records.yml", "order: 20", "order: forty")
    second = project.edit("docs/sources/third-records.yml", "holders: [east-team, west-agency]",
                          "holders: [east, west-agency]")
    result = project.command(CHECK, "docs")
    assert result.returncode == 1
    assert "The guidance data has 2 problems:" in result.stderr, result.stderr
    assert (f"docs/sources/second-records.yml:{first}: 'order' should be a whole number"
            in result.stderr)
    assert f"docs/sources/third-records.yml:{second}: unknown organisation 'east'" in (
        result.stderr)
    assert "How to fix:" in result.stderr


def test_a_discouraged_term_fails_the_check(project: FixtureProject):
    line = project.edit("docs/sources/notes.md", "A hand-written page",
                        "An allegation on a hand-written page")
    result = project.command(CHECK, "docs")
    assert result.returncode == 1
    assert "The guidance uses 1 discouraged term:" in result.stderr, result.stderr
    assert f"docs/sources/notes.md:{line}: 'allegation', suggested alternative" in result.stderr


def test_a_missing_folder_is_a_usage_error(project: FixtureProject, tmp_path):
    result = project.command(CHECK, str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "no such folder" in result.stderr


def test_the_check_needs_no_mkdocs(project: FixtureProject):
    """Data loading and checking are plain Python: the check reads the data with PyYAML and
    renders pages with Python-Markdown and its extensions, never with MkDocs, Material or Jinja."""
    code = ("import sys; sys.argv = ['commands.py', 'check', %r]; import runpy; "
            "runpy.run_path(%r, run_name='__main__')") % (str(project.path("docs")),
                                                          str(project.path(COMMANDS)))
    blocked = "; ".join(f"sys.modules[{name!r}] = None"
                        for name in ("mkdocs", "material", "jinja2"))
    probe = f"import sys; {blocked}; {code}"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "The guidance data is fine" in result.stdout
