"""The standalone data check (hooks/check_data.py): no MkDocs, clear exit codes."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.support.project import ROOT, Project

COMMAND = [sys.executable, str(ROOT / "hooks" / "check_data.py")]


def run(*arguments: str) -> subprocess.CompletedProcess:
    # -S style isolation is not needed: the command itself must not import MkDocs (checked below).
    return subprocess.run([*COMMAND, *arguments], capture_output=True, text=True, timeout=60)


def test_good_data_passes_with_a_summary():
    result = run(str(ROOT / "docs"))
    assert result.returncode == 0, result.stderr
    files = sorted((ROOT / "docs" / "sources").glob("*.yml"))
    rows = sum(len(yaml.safe_load(path.read_text(encoding="utf-8"))["rows"]) for path in files)
    assert f"The guidance data is fine: {len(files)} categories, {rows} rows" in result.stdout


def test_bad_data_fails_with_every_problem(project: Project):
    first = project.edit("docs/sources/employment.yml", "order: 40", "order: forty")
    second = project.edit("docs/sources/trauma.yml", "holders: [designated-safeguarding-lead]",
                          "holders: [dsl]")
    result = run(str(project.path("docs")))
    assert result.returncode == 1
    assert f"docs/sources/employment.yml:{first}: 'order' should be a whole number" in result.stderr
    assert f"docs/sources/trauma.yml:{second}: unknown organisation 'dsl'" in result.stderr


def test_a_missing_folder_is_a_usage_error(tmp_path):
    result = run(str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "no such folder" in result.stderr


def test_the_check_does_not_need_mkdocs():
    code = ("import sys; sys.argv = ['check', %r]; import runpy; "
            "runpy.run_path(%r, run_name='__main__')") % (str(ROOT / "docs"),
                                                          str(ROOT / "hooks" / "check_data.py"))
    probe = f"import sys; sys.modules['mkdocs'] = None; {code}"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
