"""An edition's HTML as a tagged PDF, with WeasyPrint.

PDF/UA-1 is WeasyPrint's accessible variant: the PDF is tagged (headings, lists, tables, links in
reading order), with its language and title set and shown as the window's title. Nothing is
fetched from another host: the fetcher refuses every address outside the built site's folder.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STYLESHEET = Path(__file__).with_name("edition.css")
# PDF/UA-1: tagged, with /Lang, /Title and the PDF/UA identification. WeasyPrint 70 applies a
# variant's own settings only to options left unset, and pdf_tags defaults to False: so say it.
OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


class BuildFolderFetcher(URLFetcher):
    """Fetches files under the built site's folder, and refuses everything else, so a PDF never
    asks another host (or another folder) for anything. Each refused address is kept, to be
    reported."""

    def __init__(self, folder: Path) -> None:
        super().__init__(allowed_protocols={"file"})
        self.folder = folder.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        path = _local_path(url)
        if path is None or not path.resolve().is_relative_to(self.folder):
            self.refused.append(url)
            raise ValueError(f"the editions fetch nothing outside the built site: {url}")
        return super().fetch(url, headers)


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parts.path))


@dataclass
class Rendered:
    """What rendering one edition gave."""

    pages: int
    size: int  # bytes
    refused: list[str] = field(default_factory=list)  # addresses the fetcher refused
    warnings: list[str] = field(default_factory=list)  # what WeasyPrint warned about


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(html: str, *, folder: Path, target: Path) -> Rendered:
    """Write ``html`` (an edition's document) to ``target`` as a tagged PDF. Relative addresses
    are read from ``folder``, the built site."""
    fetcher = BuildFolderFetcher(folder)
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = HTML(string=html, base_url=folder.resolve().as_uri() + "/",
                        url_fetcher=fetcher).render(
            stylesheets=[CSS(string=STYLESHEET.read_text(encoding="utf-8"),
                             url_fetcher=fetcher)],
            **OPTIONS)
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target, **OPTIONS)
    finally:
        logger.removeHandler(collect)
    return Rendered(pages=len(document.pages), size=target.stat().st_size,
                    refused=fetcher.refused, warnings=collect.messages)
