"""Copies of a guidance project in a temporary folder, for a test to edit and build as a policy
lead would, and the one place that says which project the real-content tests read.

- :class:`FixtureProject` copies the small, frozen test project in ``tests/fixture/`` with the
  real hooks, overrides, scripts and configuration. Every test that plants a fault or checks a
  behaviour edits one of these, so a policy lead's change to the real guidance never breaks it.
- :class:`Project` copies a whole real project (by default this repository).
- :data:`CONTENT_ROOT` is the project whose content the tests in ``tests/content/`` check: the
  ``GUIDANCE_ROOT`` environment variable, or this repository.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .dates import FIXTURE_TODAY
from .html_tree import Element, parse

REPO = Path(__file__).resolve().parents[2]
ROOT = REPO  # the repository: its code (hooks/, overrides/), its README and its tests
FIXTURE = REPO / "tests" / "fixture"


def content_root() -> Path:
    """The project whose content the real-content tests check: ``GUIDANCE_ROOT``, or this
    repository. Set it to run ``tests/content`` against another copy of the project."""
    configured = os.environ.get("GUIDANCE_ROOT", "").strip()
    if not configured:
        return REPO
    root = Path(configured).resolve()
    if not (root / "mkdocs.yml").is_file() or not (root / "docs").is_dir():
        raise RuntimeError(f"GUIDANCE_ROOT={configured} is not a guidance project: it needs "
                           "mkdocs.yml and docs/")
    return root


CONTENT_ROOT = content_root()
COPIED = ("docs", "hooks", "overrides", "mkdocs.yml")
IGNORED = shutil.ignore_patterns("__pycache__")
# The real code a fixture copy runs with: hooks, Material overrides, and the site's own scripts
# and styles (mkdocs.yml loads them from docs/assets/, and the tools' pages link to them).
REAL_CODE = ("hooks", "overrides", "docs/assets")
# The fixture's mkdocs.yml inherits the real configuration from this file (MkDocs' INHERIT).
BASE_CONFIG = "base.yml"
COMMANDS = "hooks/commands.py"  # every command, as the Makefile runs it


@dataclass
class BuildResult:
    ok: bool
    log: str
    site: Path
    _parsed: dict[Path, Element] = field(default_factory=dict, repr=False, compare=False)

    def page(self, url_path: str) -> Element:
        """The parsed HTML of a built page, by its address under the site (like sources/x/).
        Each page is parsed once: many tests read the same pages of one build."""
        path = self.site / url_path
        file = path / "index.html" if path.is_dir() else path
        if file not in self._parsed:
            self._parsed[file] = parse(file.read_text(encoding="utf-8"))
        return self._parsed[file]

    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_site(root: Path, site: Path) -> BuildResult:
    """Build the project at ``root`` in strict mode, in-process, as `mkdocs build` would."""
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)
        ok = True
    except Abort as error:
        capture.lines.append(f"ABORT: {error}")
        ok = False
    finally:
        logger.removeHandler(capture)
    return BuildResult(ok=ok, log="\n".join(capture.lines), site=site)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, ignore=IGNORED, dirs_exist_ok=True)
    else:
        shutil.copy2(source, target)


class Project:
    """A copy of a real project's docs/, hooks/, overrides/ and mkdocs.yml in a temporary folder
    (this repository's, unless ``source`` names another)."""

    environment: dict[str, str] = {}  # settings its builds and commands are run with

    def __init__(self, folder: Path, *, source: Path = ROOT) -> None:
        self.root = folder / "project"
        self.root.mkdir()
        self._copy_in(source)

    def _copy_in(self, source: Path) -> None:
        for name in COPIED:
            _copy(source / name, self.root / name)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> int:
        """Replace the first ``old`` with ``new``; return the line where the change starts."""
        text = self.read(relative)
        assert old in text, f"{old!r} is not in {relative}: the test's fixture text is out of date"
        start = text.index(old)
        self.path(relative).write_text(text[:start] + new + text[start + len(old):],
                                       encoding="utf-8")
        return text.count("\n", 0, start) + 1

    def line_of(self, relative: str, needle: str, *, after: int = 0) -> int:
        """The line number where ``needle`` first appears in a file of this copy (below line
        ``after``, to find a second occurrence)."""
        lines = self.read(relative).split("\n")
        text = "\n".join(lines[after:])
        assert needle in text, f"{needle!r} is not in {relative}"
        return after + text.count("\n", 0, text.index(needle)) + 1

    def write(self, relative: str, text: str) -> None:
        self.path(relative).parent.mkdir(parents=True, exist_ok=True)
        self.path(relative).write_text(text, encoding="utf-8")

    def build(self) -> BuildResult:
        """Build in-process, in strict mode, into ``site/`` of the copy."""
        saved = {name: os.environ.get(name) for name in self.environment}
        os.environ.update(self.environment)
        try:
            return build_site(self.root, self.root / "site")
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    def command_environment(self) -> dict[str, str]:
        """The environment a command in this copy runs with, as an editor's terminal has it."""
        return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **self.environment}

    def mkdocs_build(self) -> subprocess.CompletedProcess[str]:
        """Run ``mkdocs build`` as an editor does, for what it prints: some messages (an overdue
        review) are written to the terminal, not to MkDocs' own log."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
             str(self.root / "site")], cwd=self.root, capture_output=True, text=True,
            timeout=300, env=self.command_environment())

    def command(self, name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run one of the copy's commands (like ``check``: ``hooks/commands.py check``) in the
        copy's folder, as the Makefile does."""
        return subprocess.run([sys.executable, str(self.path(COMMANDS)), name, *arguments],
                              cwd=self.root, capture_output=True, text=True, timeout=300,
                              env=self.command_environment())


class FixtureProject(Project):
    """A copy of the frozen test project (``tests/fixture/``), built with the real hooks,
    overrides, scripts and configuration. Its mkdocs.yml inherits the real mkdocs.yml, copied in
    as ``base.yml``, and sets only the site's name and navigation."""

    environment = {"GUIDANCE_TODAY": FIXTURE_TODAY.isoformat()}

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, source=FIXTURE)

    def _copy_in(self, source: Path) -> None:
        _copy(source / "docs", self.root / "docs")
        _copy(source / "mkdocs.yml", self.root / "mkdocs.yml")
        _copy(REPO / "mkdocs.yml", self.root / BASE_CONFIG)
        for name in REAL_CODE:
            _copy(REPO / name, self.root / name)
