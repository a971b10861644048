"""The offline edition, made by `make offline`'s command from the frozen test project: one zip
that works opened from a shared drive. These tests read its files; tests/browser/ opens it in
Chromium from file://."""

from __future__ import annotations

import json
import re
from pathlib import Path

from guidance.load import load_guidance
from guidance.review_dates import long_date
from tests.support.dates import FIXTURE_TODAY
from tests.support.html_tree import parse
from tests.support.project import FIXTURE

OUTSIDE = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_the_zip_holds_one_folder_with_the_site_and_how_to_open_it(offline_edition):
    assert offline_edition.name.endswith(f"-offline-{FIXTURE_TODAY.isoformat()}")
    assert (offline_edition / "index.html").is_file()
    note = (offline_edition / "HOW TO OPEN THIS COPY.txt").read_text(encoding="utf-8")
    guidance = load_guidance(FIXTURE / "docs", today=FIXTURE_TODAY)
    assert "index.html" in note and guidance.partnership.published_address in note
    assert long_date(FIXTURE_TODAY) in note
    # Pages are files, not folders: links work with no server to find index.html.
    assert (offline_edition / "sources" / "first-records.html").is_file()
    assert (offline_edition / "search" / "search_index.js").is_file()


def test_every_page_carries_the_edition_stamp(offline_edition):
    guidance = load_guidance(FIXTURE / "docs", today=FIXTURE_TODAY)
    address = guidance.partnership.published_address
    assert not (offline_edition / "404.html").exists(), "a server's page, useless from files"
    for path in _pages(offline_edition):
        stamps = parse(path.read_text(encoding="utf-8")).with_class("edition-stamp")
        assert len(stamps) == 1, path
        text = stamps[0].text()
        assert f"Offline edition of {long_date(FIXTURE_TODAY)}" in text, path
        assert f"check {address} for the current version" in text, path
        assert [a.attrs["href"] for a in stamps[0].iter("a")] == [address], path


def test_the_edition_loads_nothing_from_another_host_and_no_module(offline_edition):
    """Modules are blocked on file://, and instant navigation fetches pages, which files cannot
    answer: the edition has neither, and the file:// worker shim comes from the site itself."""
    for path in _pages(offline_edition):
        text = path.read_text(encoding="utf-8")
        page = parse(text)
        scripts = [s.attrs for s in page.iter("script")]
        assert not any(s.get("type") == "module" for s in scripts), path
        assert not OUTSIDE.search(" ".join(f'src="{s.get("src", "")}"' for s in scripts)), path
        for link in page.iter("link"):  # canonical too: the copy is not at the published address
            assert not OUTSIDE.search(f'href="{link.attrs.get("href", "")}"'), (path, link.attrs)
        config = next((s for s in page.iter("script") if s.attrs.get("id") == "__config"), None)
        if config is not None:
            features = json.loads(config.text())["features"]
            assert not [f for f in features if f.startswith("navigation.instant")], path
    shims = [s.attrs["src"] for s in parse((offline_edition / "index.html").read_text(
        encoding="utf-8")).iter("script") if "iframe-worker" in s.attrs.get("src", "")]
    assert shims == ["assets/javascripts/vendor/iframe-worker-shim.js"]
    assert (offline_edition / shims[0]).is_file()


def test_the_published_site_has_no_stamp_and_keeps_instant_navigation(fixture_site):
    page = fixture_site.page("")
    assert not page.with_class("edition-stamp")
    config = next(s for s in page.iter("script") if s.attrs.get("id") == "__config")
    assert "navigation.instant" in json.loads(config.text())["features"]
    assert not [s for s in page.iter("script") if "iframe-worker" in s.attrs.get("src", "")]


def test_every_link_in_the_edition_leads_to_a_file(offline_edition):
    """From files there is no server to find a folder's index.html: every address a page links
    to, loads or redirects to must be a file in the copy (and its section must be on it)."""
    broken = []
    for path in _pages(offline_edition):
        page = parse(path.read_text(encoding="utf-8"))
        for element in page.iter():
            href = element.attrs.get("href") or element.attrs.get("src")
            if not href or re.match(r"^[a-z]+:|^//|^#", href):
                continue
            target_path, _, anchor = re.split(r"\?", href)[0].partition("#")
            target = (path.parent / target_path).resolve()
            if not target.is_file():
                broken.append(f"{path.relative_to(offline_edition)}: {href}")
            elif anchor and target.suffix == ".html" and parse(
                    target.read_text(encoding="utf-8")).find_id(anchor) is None:
                broken.append(f"{path.relative_to(offline_edition)}: {href} (no such section)")
    assert not broken, "\n".join(broken)
