"""Every command the Makefile runs (hooks/commands.py) ends a mistake with a `path:line` message or
one plain sentence and exit code 1 or 2, never a traceback: planted faults for each command, on
copies of the frozen test project, run in-process; one end to end, as an editor's terminal runs it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

import commands
from tests.support.project import COMMANDS, FixtureProject

PARTNERSHIP = "docs/data/partnership.yml"


def _not_yaml(project: FixtureProject) -> None:
    project.edit(PARTNERSHIP, "published_address: https://guidance.example.org/",
                 "published_address: [https://guidance.example.org/")


def _no_address(project: FixtureProject) -> None:
    project.edit(PARTNERSHIP, "published_address: https://guidance.example.org/\n", "")


def _out_is_a_file(project: FixtureProject) -> None:
    project.write("occupied", "a file where the folder should go\n")


@dataclass(frozen=True)
class Fault:
    name: str
    arguments: tuple[str, ...]
    plant: Callable[[FixtureProject], None] | None
    code: int
    says: str
    today: str = ""

    def __str__(self) -> str:
        return self.name


FAULTS = [
    Fault("check: a date that is not one", ("check",), None, 2, "is not a date", "31/12/2026"),
    Fault("check: settings that are not YAML", ("check",), _not_yaml, 1,
          f"{PARTNERSHIP}:12: this is not valid YAML"),
    Fault("check: no published address", ("check",), _no_address, 1,
          "the partnership settings file is missing the field 'published_address'"),
    Fault("check: no docs folder", ("check", "nowhere"), None, 2, "nowhere: no such folder"),
    Fault("offline: a date that is not one", ("offline", "--out", "dist"), None, 2,
          "is not a date", "tomorrow"),
    Fault("offline: settings that are not YAML", ("offline", "--out", "dist"), _not_yaml, 1,
          "The offline edition was not built"),
    Fault("offline: no published address", ("offline", "--out", "dist"), _no_address, 1,
          "The offline edition was not built"),
    Fault("offline: a file where the folder should be", ("offline", "--out", "occupied"),
          _out_is_a_file, 2, "occupied: cannot write there"),
    Fault("pdf: a date that is not one", ("pdf", "--out", "dist"), None, 2, "is not a date",
          "2026-13-01"),
    Fault("pdf: settings that are not YAML", ("pdf", "--out", "dist"), _not_yaml, 1,
          f"{PARTNERSHIP}:12: this is not valid YAML"),
    Fault("pdf: a file where the folder should be", ("pdf", "--out", "occupied/pdf"),
          _out_is_a_file, 2, "cannot write there"),
    Fault("pdf: an edition that does not exist", ("pdf", "--out", "dist", "--only", "nothing"),
          None, 2, "No edition called nothing"),
    Fault("published-links: a date that is not one", ("published-links",), None, 2,
          "is not a date", "soon"),
    Fault("published-links: settings that are not YAML", ("published-links",), _not_yaml, 1,
          "The site did not build"),
    Fault("check-editions: no such folder", ("check-editions", "nowhere"), None, 2,
          "nowhere: no such folder"),
]


@pytest.mark.parametrize("fault", FAULTS, ids=str)
def test_each_command_reports_a_mistake_in_plain_words(project: FixtureProject, fault: Fault,
                                                        monkeypatch, capfd):
    if fault.plant:
        fault.plant(project)
    monkeypatch.chdir(project.root)
    for name, value in project.environment.items():
        monkeypatch.setenv(name, value)
    if fault.today:
        monkeypatch.setenv("GUIDANCE_TODAY", fault.today)
    code = commands.main([*fault.arguments[:1], "--project", str(project.root),
                          *fault.arguments[1:]])
    output = "".join(capfd.readouterr())
    assert code == fault.code, output
    assert fault.says in output, output
    assert "Traceback" not in output, output


@pytest.mark.parametrize("arguments", [[], ["nope"], ["check", "--nope"]])
def test_a_wrong_command_gets_its_usage_and_code_2(arguments, capsys):
    with pytest.raises(SystemExit) as stopped:
        commands.main(arguments)
    assert stopped.value.code == 2
    assert "usage: hooks/commands.py" in capsys.readouterr().err


def test_an_unexpected_fault_is_a_plain_sentence_too(monkeypatch, capsys):
    """A fault in the project's own code still ends in words, not a traceback."""
    def broken() -> None:
        raise KeyError("surprise")
    monkeypatch.setattr(commands, "today", broken)
    assert commands.main(["check"]) == 2
    err = capsys.readouterr().err
    assert "failed unexpectedly (KeyError: 'surprise')" in err and "tell a developer" in err


def test_end_to_end_a_bad_date_in_an_editors_terminal(project: FixtureProject):
    """As `make offline` runs it: a separate process, its exit code and its words."""
    result = subprocess.run([sys.executable, COMMANDS, "offline"], cwd=project.root,
                            capture_output=True, text=True, timeout=120,
                            env={**project.command_environment(), "GUIDANCE_TODAY": "next week"})
    assert result.returncode == 2
    assert "GUIDANCE_TODAY='next week' is not a date" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
