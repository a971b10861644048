"""The frozen test project's PDF editions, made once for the whole session by the real command
(``hooks/commands.py pdf``, as ``make pdf`` runs it): rendering a PDF takes seconds, so each is
made once and every test reads it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.pdf import Pdf
from tests.support.project import FixtureProject

COMMAND = "pdf"


@dataclass
class Editions:
    """What one run of the command made, in a copy of the test project."""

    project: FixtureProject
    folder: Path
    run: subprocess.CompletedProcess[str]
    _read: dict[Path, Pdf] = field(default_factory=dict, repr=False)

    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.pdf"))

    def pdf(self, path: Path) -> Pdf:
        """A PDF, read once for every test that asks for it."""
        if path not in self._read:
            self._read[path] = Pdf(path)
        return self._read[path]


@pytest.fixture(scope="session")
def fixture_editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    """Every edition of the frozen test project: the whole guide and one per section."""
    project = FixtureProject(tmp_path_factory.mktemp("editions"))
    folder = project.root.parent / "pdf"
    run = project.command(COMMAND, "--out", str(folder))
    assert run.returncode == 0, f"{COMMAND} failed on the test project:\n{run.stdout}{run.stderr}"
    return Editions(project, folder, run)
