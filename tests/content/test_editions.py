"""The real guide on paper: the PDF of the section that holds the information sources tables has
every row's wording, and the PDF of the section that holds the case audit's finding pages has
every heading those pages write. Which sections those are is read from mkdocs.yml; what they must
hold from the data and the pages.

These read two section PDFs rather than the whole guide: the same pages, made by the same code,
in about a third of the time (the whole guide's time is in benchmarks/results.md). Both are made
by one run of the real command, once for this module."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guidance.pages import SOURCES_INDEX
from tests.support import content
from tests.support.nav import nav, paths
from tests.support.pdf import Pdf, squeezed
from tests.support.project import CONTENT_ROOT

FINDINGS = "audit-learning"  # the case audit's pages: a page per finding after the index


def _section_holding(test) -> str:
    """The title of the top-level section of the navigation with a page that passes ``test``."""
    return next(title for item in nav(CONTENT_ROOT) for title, value in item.items()
                if isinstance(value, list) and any(test(path) for path in paths(value)))


def _finding_pages() -> list[Path]:
    return [path for path in sorted((CONTENT_ROOT / "docs" / FINDINGS).glob("*.md"))
            if path.name != "index.md"]


@pytest.fixture(scope="module")
def section_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pdf]:
    """The two sections' PDFs, by section title (each PDF's first bookmark)."""
    wanted = {_section_holding(lambda path: path == SOURCES_INDEX),
              _section_holding(lambda path: path.startswith(f"{FINDINGS}/"))}
    folder = tmp_path_factory.mktemp("content-editions")
    arguments = [argument for title in sorted(wanted) for argument in ("--only", title)]
    run = subprocess.run([sys.executable, str(CONTENT_ROOT / "hooks" / "commands.py"), "pdf",
                          "--out", str(folder), *arguments], cwd=CONTENT_ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    pdfs = [Pdf(path) for path in sorted(folder.glob("*.pdf"))]
    found = {pdf.bookmarks()[0].title: pdf for pdf in pdfs}
    assert set(found) == wanted, (set(found), wanted)
    return found


def _plain(markdown: str) -> str:
    """Words as a reader sees them: a link's words kept, emphasis marks dropped."""
    return re.sub(r"[*_`]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown))


def test_the_information_sources_pdf_has_every_rows_wording(guidance, section_pdfs):
    pdf = section_pdfs[_section_holding(lambda path: path == SOURCES_INDEX)]
    text = squeezed(pdf.text)
    missing = [(category.id, row.id, words) for category in guidance.categories
               for row in category.rows for words in (row.information, row.who_holds)
               if squeezed(words) not in text]
    assert not missing, f"{len(missing)} rows' words are not in {pdf.path.name}: {missing[:5]}"


def test_the_case_audit_pdf_has_every_heading_of_every_finding_page(section_pdfs):
    pdf = section_pdfs[_section_holding(lambda path: path.startswith(f"{FINDINGS}/"))]
    text = squeezed(pdf.text)
    pages = _finding_pages()
    assert pages, f"no finding pages in docs/{FINDINGS}/"
    missing = [(path.name, heading.words) for path in pages
               for heading in content.headings(path.read_text(encoding="utf-8"))
               if squeezed(_plain(heading.words)) not in text]
    assert not missing, f"headings not in {pdf.path.name}: {missing}"
