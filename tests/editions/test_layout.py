"""The print stylesheet and the renderer, on a small built site written here (no MkDocs): a
long table repeats its header row on every page it runs on, a wide table and a long address fit
the page, and nothing is fetched from outside the built site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from editions.document import assemble, read_pages
from editions.navigation import BuiltSite, NavPage, editions
from editions.render import BuildFolderFetcher, render_pdf
from tests.support.pdf import Pdf, squeezed

DAY = date(2026, 11, 23)
ROWS = 120  # enough rows for the table to run over several pages
COLUMNS = 9  # more columns than a page is wide for, at the body's type size
LONG_WORD = "Multiagencyinformationsharingagreementregister"  # no break in it
LONG_ADDRESS = "https://example.org/" + "a-very-long-path-segment/" * 8


def _site(folder: Path, body: str) -> BuiltSite:
    page = folder / "site" / "tables" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<!doctype html><html lang="en"><body><article class="md-content__inner">'
                    f'<h1 id="tables">Tables</h1>{body}</article></body></html>', encoding="utf-8")
    return BuiltSite(folder=folder / "site", name="Layout test", partnership="A partnership",
                     published_address="https://guidance.example.org/",
                     items=(NavPage("Tables", "tables/", "tables/index.html", "tables.md"),))


def _pdf(folder: Path, body: str) -> tuple[Pdf, object]:
    site = _site(folder, body)
    whole = editions(site, DAY)[0]
    target = folder / whole.file_name
    rendered = render_pdf(assemble(whole, site, read_pages(site), DAY), folder=site.folder,
                          target=target)
    return Pdf(target), rendered


def _text_positions(pdf: Pdf) -> list[tuple[int, float, str]]:
    """Where each piece of text starts across the page, in points from the left edge."""
    found = []
    for number, page in enumerate(pdf.reader.pages, start=1):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                found.append((number, cm[0] * tm[4] + cm[2] * tm[5] + cm[4], text))
        page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    long_rows = "".join(f"<tr><td>Row {n} kind</td><td>Row {n} holder</td></tr>"
                        for n in range(1, ROWS + 1))
    wide_head = "".join(f"<th>Column {n}</th>" for n in range(1, COLUMNS + 1))
    wide_row = "".join(f"<td>{LONG_WORD}{n}</td>" for n in range(1, COLUMNS + 1))
    body = (f"<table><thead><tr><th>Kind of record</th><th>Who holds it</th></tr></thead>"
            f"<tbody>{long_rows}</tbody></table>"
            f"<table><thead><tr>{wide_head}</tr></thead><tbody><tr>{wide_row}</tr></tbody></table>"
            f'<table><tr><td>Address</td><td><a href="{LONG_ADDRESS}">the source</a></td></tr>'
            "</table>")
    pdf, _ = _pdf(tmp_path_factory.mktemp("layout"), body)
    return pdf


def test_a_long_table_repeats_its_header_row_on_every_page_it_runs_on(tables):
    pages = [number for number, text in enumerate(tables.texts, start=1)
             if "holder" in text and "Row " in text]
    assert len(pages) > 1, "the table should run over more than one page"
    for number in pages:
        assert "Kind of record" in tables.texts[number - 1], f"page {number} has no header row"
    for n in range(1, ROWS + 1):
        assert f"Row {n} kind" in tables.text and f"Row {n} holder" in tables.text


def test_a_wide_table_and_a_long_address_fit_the_page(tables):
    text = squeezed(tables.text)
    for n in range(1, COLUMNS + 1):
        assert squeezed(f"Column {n}") in text and f"{LONG_WORD}{n}"[-12:] in text
    assert squeezed(LONG_ADDRESS) in text
    width = float(tables.reader.pages[0].mediabox.width)
    outside = [(page, round(x), words) for page, x, words in _text_positions(tables)
               if not 0 <= x <= width - 20]  # 20 pt: the narrowest margin anything may touch
    assert not outside, f"text starts off the page: {outside[:5]}"


def test_nothing_is_fetched_from_outside_the_built_site(tmp_path: Path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"not an image")
    body = (f'<p><img src="https://example.org/tracker.png" alt="remote">'
            f'<img src="{outside.as_uri()}" alt="outside"><img src="../inside.png" alt="inside">'
            "</p>")
    pdf, rendered = _pdf(tmp_path, body)
    assert "https://example.org/tracker.png" in rendered.refused
    assert outside.as_uri() in rendered.refused
    assert not [address for address in rendered.refused if address.endswith("inside.png")]
    assert pdf.texts


def test_the_fetcher_reads_only_files_under_the_built_site(tmp_path: Path):
    inside = tmp_path / "site" / "style.css"
    inside.parent.mkdir()
    inside.write_text("p {}", encoding="utf-8")
    fetcher = BuildFolderFetcher(tmp_path / "site")
    assert fetcher.fetch(inside.as_uri()).read() == b"p {}"
    for address in ("http://example.org/x.css", (tmp_path / "x.css").as_uri(),
                    (tmp_path / "site" / ".." / "x.css").as_uri(), "data:text/css,p{}"):
        with pytest.raises(ValueError):
            fetcher.fetch(address)
    assert len(fetcher.refused) == 4
