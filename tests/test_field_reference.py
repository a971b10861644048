"""The editors' field reference is made from the record declarations, and kept up to date."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guidance import records
from guidance.kinds import data_fields, spec_key

ROOT = Path(__file__).resolve().parents[1]


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "hooks/commands.py"), "field-reference", "--check"],
                          capture_output=True, text=True, cwd=root)


def test_the_committed_reference_matches_the_declarations():
    result = _check(ROOT)
    assert result.returncode == 0, result.stderr


def test_every_declared_field_is_in_the_reference():
    text = (ROOT / "editing/fields.md").read_text(encoding="utf-8")
    for data_file in records.DATA_FILES:
        assert f"docs/{data_file.path}" in text
    for record in (records.Row, records.Holder, records.Checklist, records.Review,
                   records.Change, records.Reminder):
        for field in data_fields(record):
            assert f"| `{spec_key(field)}` |" in text, f"{record.__name__}.{field.name}"


def test_a_stale_reference_is_caught(tmp_path):
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "editing").mkdir()
    stale = (ROOT / "editing/fields.md").read_text(encoding="utf-8").replace("required", "needed")
    (tmp_path / "editing/fields.md").write_text(stale, encoding="utf-8")
    result = _check(tmp_path)
    assert result.returncode == 1 and "out of date" in result.stderr
