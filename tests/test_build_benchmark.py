"""The benchmark script keeps working as the hooks change: one quick run (one pair of builds, the
real data and twice it) writes every part of its report. Its timings are reported, never asserted
(README: "Build benchmark")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser.harness import HOW_TO_GET_CHROMIUM, find_chromium
from tests.support.project import ROOT, FixtureProject


def test_one_quick_run_writes_its_report(tmp_path):
    if find_chromium() is None:
        pytest.skip(f"the benchmark's first-visit figures need Chromium: {HOW_TO_GET_CHROMIUM}")
    out = tmp_path / "results.md"
    # The PDF editions of the small test project: the real guide's take half a minute.
    small = FixtureProject(tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "build_benchmark.py"), "--runs", "1",
         "--scales", "1,2", "--out", str(out), "--pdf-project", str(small.root)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
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
