"""Shared fixtures: the real site built once, and editable copies of the project."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from tests.support.project import BuildResult, Project, build_site  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built once in strict mode from the repository's own files."""
    result = build_site(ROOT, tmp_path_factory.mktemp("site"))
    assert result.ok, f"the real site does not build:\n{result.log}"
    return result


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the project for a test to change and build."""
    return Project(tmp_path)


@pytest.fixture(scope="session")
def sources_seed() -> str:
    """The seed text of the information sources tables, where ../shared is present."""
    path = SEEDS / "000_f1f02d044ddf53dd.txt"
    if not path.is_file():
        pytest.skip(f"seed not available at {path}: the seed comparison runs only beside ../shared")
    return path.read_text(encoding="utf-8")
