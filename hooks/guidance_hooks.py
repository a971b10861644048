"""MkDocs hooks for the guidance site: thin adapters from MkDocs events to ``guidance``.

Each event does one thing and delegates; the logic lives in the plain-Python ``guidance``
package, which knows nothing of MkDocs.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guidance.generated import GeneratedPage, add_to_nav, generated_pages
from guidance.inserts import abbreviations, fill_inserts
from guidance.language import uses_in_guidance
from guidance.load import load_guidance
from guidance.model import Guidance
from guidance.problems import DataError

log = logging.getLogger("mkdocs.hooks.guidance")
_guidance: Guidance | None = None
_pages: list[GeneratedPage] = []
_tooltips = ""


def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    """Load and check all data before anything is built, so bad data stops the build at once."""
    global _guidance, _pages, _tooltips
    try:
        _guidance = load_guidance(Path(config.docs_dir))
    except DataError as error:
        raise PluginError(error.report()) from None
    _pages = generated_pages(_guidance)
    _tooltips = abbreviations(_guidance)
    missing = add_to_nav(config.nav, _pages)
    if missing:
        raise PluginError(f"mkdocs.yml: the nav must list {', '.join(missing)}: the pages made "
                          "from data are listed after it.")
    config.extra["partnership"] = asdict(_guidance.partnership)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Report discouraged terms as warnings: they stop a strict build, not a quick preview."""
    assert _guidance is not None
    for use in uses_in_guidance(Path(config.docs_dir), _guidance.discouraged_terms):
        log.warning(str(use))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the pages made from data, as if they were files in docs/."""
    for page in _pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill data inserts on hand-written pages, and give every page the glossary's tooltips."""
    assert _guidance is not None
    if page.file.generated_by is None:
        try:
            markdown = fill_inserts(markdown, page=page.file.src_uri, guidance=_guidance,
                                    directory_urls=config.use_directory_urls)
        except DataError as error:
            raise PluginError(error.report()) from None
    return markdown + _tooltips
