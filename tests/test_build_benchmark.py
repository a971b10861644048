"""The benchmark script keeps working as the hooks change: one quick run makes every section of
its report. Its timings are reported, never asserted (README: "Build benchmark")."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.project import ROOT


def test_one_quick_run_reports_every_measure(tmp_path):
    out = tmp_path / "results.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "build_benchmark.py"), "--runs", "1",
         "--scales", "1,2", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    report = out.read_text(encoding="utf-8")
    for heading in ("## What the hooks cost", "## Growth with data", "## Page weight",
                    "## Thinking tools' scripts"):
        assert heading in report
    # The hooks-off copy must stand for the same site, or the comparison means nothing.
    assert "Both builds made the same set of pages: yes." in report
