"""The release's own check (`hooks/commands.py check-editions`), run on the frozen test project's editions
as the release workflow runs it on the real ones: it passes what the commands make, and names
each planted fault."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from check_editions import check_release


def _zip_folder(folder: Path, archive: Path, *, top: str | None = None) -> Path:
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                zipped.write(path, f"{top}/{name}" if top else name)
    return archive


@pytest.fixture(scope="module")
def release(tmp_path_factory, offline_edition, fixture_editions, fixture_site) -> Path:
    """A release folder as the workflow assembles it, from the test project."""
    folder = tmp_path_factory.mktemp("release")
    (zipped,) = (offline_edition.parent.parent / "dist").glob("*.zip")
    shutil.copy(zipped, folder)
    _zip_folder(fixture_site.site, folder / "fixture-guidance-site-v1.zip")
    for pdf in fixture_editions.files():
        shutil.copy(pdf, folder)
    shutil.copy(fixture_site.site / "changes.xml", folder)
    return folder


def test_what_the_commands_make_is_ready_to_release(release):
    assert check_release(release) == []


def test_each_planted_fault_is_named(release, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(release, broken)
    (offline,) = [path for path in broken.glob("*.zip") if "-offline-" in path.name]
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(offline) as zipped:
        zipped.extractall(unzipped)
    (top,) = unzipped.iterdir()
    index = top / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace('class="edition-stamp"', "")
                     .replace("</head>", '<script type="module" src="https://example.org/x.js">'
                              "</script></head>"), encoding="utf-8")
    offline.unlink()
    _zip_folder(top, offline, top=top.name)
    (pdf,) = list(broken.glob("*.pdf"))[:1]
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with pdf.open("wb") as stream:
        writer.write(stream)
    (broken / "changes.xml").write_text("<feed>not closed", encoding="utf-8")
    problems = "\n".join(check_release(broken))
    for expected in ("index.html has no edition stamp", "index.html loads something from another "
                     "host", "index.html loads a module", f"{pdf.name}: is not tagged",
                     f"{pdf.name}: has no document language", f"{pdf.name}: has no title",
                     f"{pdf.name}: has no bookmarks", "changes.xml: is not well-formed"):
        assert expected in problems, problems
