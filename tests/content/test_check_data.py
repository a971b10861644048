"""The real data passes the standalone check (`make check`, run as a command), which
counts what it checked; the counts are read from the data files."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.support.project import COMMANDS, CONTENT_ROOT, ROOT


def test_the_real_data_passes_the_check_with_a_summary():
    result = subprocess.run([sys.executable, str(ROOT / COMMANDS), "check",
                             str(CONTENT_ROOT / "docs")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    docs = CONTENT_ROOT / "docs"
    files = sorted((docs / "sources").glob("*.yml"))
    rows = sum(len(yaml.safe_load(path.read_text(encoding="utf-8"))["rows"]) for path in files)
    holders = len(yaml.safe_load((docs / "data/holders.yml").read_text(encoding="utf-8"))[
        "holders"])
    terms = len(yaml.safe_load((docs / "data/glossary.yml").read_text(encoding="utf-8"))["terms"])
    checklists = len(list((docs / "data/checklists").glob("*.yml")))
    assert (f"The guidance data is fine: {len(files)} categories, {rows} rows, {holders} "
            f"organisations, {terms} glossary entries, {checklists} checklists"
            in result.stdout), result.stdout
