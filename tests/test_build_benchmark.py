"""The benchmark script keeps working as the hooks change: one quick run (one pair of builds, of
the small test project and twice its data) writes every part of its report. Its timings are
reported, never asserted (developer/benchmark.md); the real data's are in
benchmarks/results.md."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser.harness import HOW_TO_GET_CHROMIUM, find_chromium
from tests.support.project import ROOT, FixtureProject


@pytest.mark.browser  # it launches Chromium for the first-visit figures: not in the quick loop
def test_one_quick_run_writes_its_report(tmp_path):
    if find_chromium() is None:
        pytest.skip(f"the benchmark's first-visit figures need Chromium: {HOW_TO_GET_CHROMIUM}")
    out = tmp_path / "results.md"
    # The small test project: the real guide's builds and PDFs take over a minute.
    small = FixtureProject(tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "build_benchmark.py"), "--runs", "1",
         "--scales", "1,2", "--out", str(out), "--project", str(small.root)],
        capture_output=True, text=True, timeout=300,
        env={**small.command_environment(), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    report = out.read_text(encoding="utf-8")
    for part in ("The hooks add at most 10%", "grows no worse than linearly", "Validation",
                 "The tools' scripts", "## Growth with data", "| 2x |",
                 "## What a reader's browser loads", "Home page, first visit",
                 "## The guide on paper", "| Pages |", ".pdf` |", "## The offline edition",
                 "The zip is"):
        assert part in report
    # The hooks-off copy must stand for the same site, or the comparison means nothing.
    assert "the same but for the edit link" in report
