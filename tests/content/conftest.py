"""Fixtures for the real-content tests: the real data, loaded once, and the seed.

Everything here reads ``CONTENT_ROOT`` (``GUIDANCE_ROOT``, or this repository), so these tests
can check another copy of the project. They derive what to expect from its data and pages, never
from ids, titles, counts, dates or sentences written into a test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guidance.load import load_guidance
from tests.support.project import CONTENT_ROOT, REPO

SEED_NAME = "000_f1f02d044ddf53dd.txt"


@pytest.fixture(scope="session")
def guidance():
    """The real guidance data, checked, as the build reads it."""
    return load_guidance(CONTENT_ROOT / "docs")


def seed_path() -> Path | None:
    """The seed of the information sources tables, in ../shared/seeds/ beside the project (or
    beside this repository, when the tests check a copy elsewhere)."""
    for root in dict.fromkeys((CONTENT_ROOT, REPO)):
        path = root.parent / "shared" / "seeds" / SEED_NAME
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="session")
def sources_seed() -> str:
    """The seed text of the information sources tables, where ../shared is present."""
    path = seed_path()
    if path is None:
        pytest.skip(f"seed not available at {REPO.parent / 'shared' / 'seeds' / SEED_NAME}: the "
                    "seed comparison runs only beside ../shared")
    return path.read_text(encoding="utf-8")
