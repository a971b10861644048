"""MkDocs hooks for the guidance site: thin adapters from MkDocs events to ``guidance``.

Each event does one thing and delegates; the logic lives in the plain-Python ``guidance``
package, which knows nothing of MkDocs.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import date
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from guidance.files import PUBLISHED_LINKS_FILE, REDIRECTS_FILE
from guidance.generated import GeneratedPage, add_to_nav, generated_pages, made_from
from guidance.inserts import abbreviations, fill_inserts
from guidance.language import uses_in_guidance
from guidance.load import load_guidance
from guidance.model import Guidance
from guidance.pages import url_of
from guidance.problems import DataError
from guidance.published import SiteLinks, check_links, redirect_pages, with_moved_sections
from guidance.review_pages import ReviewedPage, overdue_messages, reviewed_pages, with_review

log = logging.getLogger("mkdocs.hooks.guidance")
# Overdue reviews are reported as warnings that do not stop a strict build: the partnership
# decides whether they should (overdue_reviews_stop_build in docs/data/partnership.yml).
review_log = logging.getLogger("guidance.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False

_guidance: Guidance | None = None
_pages: list[GeneratedPage] = []
_reviewed: dict[str, ReviewedPage] = {}
_site = SiteLinks()
_today = date.today()
_tooltips = ""


def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    """Load and check all data before anything is built, so bad data stops the build at once."""
    global _guidance, _pages, _reviewed, _site, _today, _tooltips
    _today = date.today()
    try:
        _guidance = load_guidance(Path(config.docs_dir), today=_today,
                                  site_url=config.site_url or "")
    except DataError as error:
        raise PluginError(error.report()) from None
    _pages = generated_pages(_guidance, today=_today)
    _reviewed = {page.src_uri: page for page in reviewed_pages(_guidance, made_from(_pages))}
    _site = SiteLinks()
    _tooltips = abbreviations(_guidance)
    missing = add_to_nav(config.nav, _pages)
    if missing:
        raise PluginError(f"mkdocs.yml: the nav must list {', '.join(missing)}: the pages made "
                          "from data are listed after it.")
    config.extra["partnership"] = asdict(_guidance.partnership)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Report discouraged terms as warnings (they stop a strict build, not a quick preview), and
    overdue reviews as the partnership chooses."""
    assert _guidance is not None
    for use in uses_in_guidance(Path(config.docs_dir), _guidance.discouraged_terms):
        log.warning(str(use))
    overdue = overdue_messages(list(_reviewed.values()), _today)
    if overdue and _guidance.partnership.overdue_reviews_stop_build:
        raise PluginError("\n".join([
            f"{len(overdue)} file(s) are past their review date, and the partnership has chosen "
            "to stop the build for that (overdue_reviews_stop_build in docs/data/partnership.yml):",
            *overdue]))
    for message in overdue:
        review_log.warning(message)


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
            source = page.file.content_string
            front_matter = source[:-len(markdown)] if markdown and source.endswith(markdown) else ""
            markdown = fill_inserts(markdown, page=page.file.src_uri, guidance=_guidance,
                                    directory_urls=config.use_directory_urls,
                                    first_line=front_matter.count("\n") + 1)
        except DataError as error:
            raise PluginError(error.report()) from None
    return markdown + _tooltips


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note the page's linkable sections, and keep its old section links working."""
    assert _guidance is not None
    # Addresses are written as readers of the published site see them, whatever
    # use_directory_urls says, so a preview built for opening from files checks the same links.
    address = "/" + url_of(page.file.src_uri)
    _site.add(address, html)
    return with_moved_sections(html, page=address, redirects=list(_guidance.redirects))


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict:
    """Show the page's review details and edit link. Done after the search index is made, so
    searching finds the guidance, not every page's dates."""
    assert _guidance is not None
    reviewed = _reviewed.get(page.file.src_uri)
    if reviewed is not None and page.content is not None:
        partnership = _guidance.partnership
        page.content = with_review(
            page.content, page=reviewed, today=_today, edit_base=partnership.edit_link_base,
            docs_name=Path(config.docs_dir).name, address=page.canonical_url or page.url,
            contact_email=partnership.contact_email)
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Once every page is rendered: every published link must still lead somewhere."""
    assert _guidance is not None
    docs = Path(config.docs_dir).name
    problems = check_links(list(_guidance.published_links), list(_guidance.redirects), _site,
                           published_file=f"{docs}/{PUBLISHED_LINKS_FILE}",
                           redirects_file=f"{docs}/{REDIRECTS_FILE}")
    if problems:
        raise PluginError(DataError(problems).report())
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write a page at each removed page's old address that leads on to its new place."""
    assert _guidance is not None
    for path, html in redirect_pages(list(_guidance.redirects), _site).items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
