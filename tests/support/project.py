"""A temporary copy of the project that a test can edit and build, like a policy lead would."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .html_tree import Element, parse

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("docs", "hooks", "overrides", "mkdocs.yml")


@dataclass
class BuildResult:
    ok: bool
    log: str
    site: Path

    def page(self, url_path: str) -> Element:
        """The parsed HTML of a built page, by its address under the site (like sources/x/)."""
        path = self.site / url_path
        return parse((path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8"))

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


class Project:
    """A copy of docs/, hooks/, overrides/ and mkdocs.yml in a temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.root = folder / "project"
        self.root.mkdir()
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, self.root / name,
                                ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, self.root / name)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> int:
        """Replace the first ``old`` with ``new``; return the line where the change starts."""
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}: the test's fixture text is out of date"
        start = text.index(old)
        path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
        return text.count("\n", 0, start) + 1

    def line_of(self, relative: str, needle: str) -> int:
        """The line number where ``needle`` first appears in a file of this copy."""
        text = self.path(relative).read_text(encoding="utf-8")
        assert needle in text, f"{needle!r} is not in {relative}"
        return text.count("\n", 0, text.index(needle)) + 1

    def write(self, relative: str, text: str) -> None:
        self.path(relative).parent.mkdir(parents=True, exist_ok=True)
        self.path(relative).write_text(text, encoding="utf-8")

    def build(self) -> BuildResult:
        return build_site(self.root, self.root / "site")
