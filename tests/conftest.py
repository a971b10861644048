"""Shared fixtures: the real site built once, and editable copies of the frozen test project.

The real site is built from ``CONTENT_ROOT`` (``GUIDANCE_ROOT``, or this repository), so the
real-content tests in ``tests/content/`` can check another copy of the project. Every test that
plants a fault or checks a behaviour edits a copy of ``tests/fixture/`` instead, so a policy
lead's change to the real guidance can never break it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from tests.support.project import (CONTENT_ROOT, BuildResult, FixtureProject,  # noqa: E402
                                   build_site)


# The suite runs on every core (pytest-xdist). Each worker makes the session's builds it needs, so
# tests sharing a slow one are kept to one worker: each test file's tests stay together (its module
# fixtures are made once), and these files share a group for the editions they all read. The
# browser tests keep to one worker: Chromium uses a core of its own, and two at once on a 2-core
# machine only slowed each other (the whole suite took 15.6 minutes against 14.7 without workers).
# Files whose tests each stand alone are spread over the workers instead.
SHARED_GROUPS = {"editions": ("tests/editions/", "tests/test_offline_edition.py"),
                 "browser": ("tests/browser/", "tests/test_build_benchmark.py")}
SPREAD = ("tests/test_bad_input.py", "tests/test_bad_input_properties.py",
          "tests/test_commands.py", "tests/test_strict_gate.py", "tests/guidance/")


def work_unit(nodeid: str) -> str:
    """The unit of work a test is sent to a worker in: its group, its file, or itself."""
    path = nodeid.split("::")[0]
    group = next((name for name, paths in SHARED_GROUPS.items() if path.startswith(paths)), None)
    return group or (nodeid if path.startswith(SPREAD) else path)


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """xdist's own scheduler by scope, with the scopes above. (Its `loadgroup` would do this with
    marks, but under pytest 9 it sends a group's tests to every worker.)"""
    from xdist.scheduler import LoadScopeScheduling

    class SharedBuilds(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)
    return SharedBuilds(config, log)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site (of ``CONTENT_ROOT``), built once in strict mode."""
    result = build_site(CONTENT_ROOT, tmp_path_factory.mktemp("site"))
    assert result.ok, f"the real site ({CONTENT_ROOT}) does not build:\n{result.log}"
    return result


@pytest.fixture
def project(tmp_path: Path) -> FixtureProject:
    """A fresh copy of the frozen test project for a test to change and build."""
    return FixtureProject(tmp_path)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The frozen test project as it is, built once, for tests that only read its pages."""
    result = FixtureProject(tmp_path_factory.mktemp("fixture")).build()
    assert result.ok, f"the test project (tests/fixture) does not build:\n{result.log}"
    return result


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen test project's offline edition, made by its own command and unzipped, as a
    partnership with only a shared drive would: the folder the zip holds."""
    import zipfile
    project = FixtureProject(tmp_path_factory.mktemp("offline"))
    out = project.root / "dist"
    result = project.command("offline", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    (archive,) = out.glob("*.zip")
    unzipped = project.root / "unzipped"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unzipped)
    (folder,) = unzipped.iterdir()
    return folder
