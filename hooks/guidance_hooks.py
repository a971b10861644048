"""MkDocs hooks for the guidance site: thin adapters from MkDocs events to ``guidance``.

The build's state lives on one object, :data:`site`. The logic lives in the plain-Python
``guidance`` package, which knows nothing of MkDocs; this file gives it what MkDocs already
knows: the files it read, page addresses (``File.url``), titles and sections (``page.title``,
``page.toc``), and edit links (``edit_uri``).
"""

from __future__ import annotations

import html
import logging
import os
from datetime import date
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, get_relative_url

from guidance import records as r
from guidance.data import Guidance
from guidance.feed import FeedSite, atom_feed, feed_title
from guidance.generated import GeneratedPage, ReviewedPage, add_to_nav, generated_pages, late_markdown
from guidance.insert_lines import has_inserts
from guidance.inserts import abbreviations, fill_inserts
from guidance.language import uses_in_guidance
from guidance.load import load_guidance
from guidance.page_safety import (Render, markdown_renderer, may_be_unsafe, unsafe_html,
                                  unsafe_markup)
from guidance.pages import CHANGES_FEED, REFERENCES, body
from guidance.print_references import full_references
from guidance.problems import DataError, Problem
from guidance.addresses import page_address, relative
from guidance.published import (SiteLinks, check_data_links, check_links, lines_of_id,
                                missing_section, redirect_pages, with_moved_sections)
from guidance.render import compiled_templates
from guidance.review_dates import build_day, long_date

log = logging.getLogger("mkdocs.hooks.guidance")
# Overdue reviews are warnings that do not stop a strict build (the partnership decides whether
# they should): they are written through MkDocs' own handlers, but not its warning counter.
review_log = logging.getLogger("guidance.review")
review_log.propagate = False


class GuidanceSite:
    """What one build knows: the checked data, the pages made from it, and the built pages."""

    def __init__(self) -> None:
        self.guidance: Guidance | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.late: set[str] = set()  # pages that list other pages by title: populated last
        self.files = Files([])
        self.links = SiteLinks()
        self.problems: list[Problem] = []
        self.today = date.today()
        self._by_address: dict[str, File] | None = None  # each page's file, by its site address
        self.tooltips = ""
        self._render: Render | None = None

    @property
    def data(self) -> Guidance:
        assert self.guidance is not None, "the guidance hooks did not load the data"
        return self.guidance

    # Addresses and titles, from MkDocs' own objects --------------------------------------

    def url_for(self, page: Page):
        """Links for raw HTML on ``page``: a path under docs/ as a relative address."""
        def url(target: str) -> str:
            path, hash_mark, anchor = target.partition("#")
            file = self.files.get_file_from_path(path)
            return (get_relative_url(file.url, page.file.url) if file else path) + hash_mark + anchor
        return url

    def address_for(self, site_url: str):
        """Absolute addresses for the feed: a page under docs/ (perhaps with a section) as
        readers of the published site at ``site_url`` reach it."""
        def address(target: str) -> str:
            path, hash_mark, anchor = target.partition("#")
            file = self.files.get_file_from_path(path)
            assert file is not None, f"{path}: links in data are checked before the feed is made"
            return site_url + page_address(file.src_uri).lstrip("/") + hash_mark + anchor
        return address

    def link_from(self, page: Page):
        """Links for raw HTML on ``page`` to a site address (``/sources/trauma/#row``), as this
        build writes addresses: folders on the published site, files in the offline edition."""
        def link(target: str) -> str:
            path, hash_mark, anchor = target.partition("#")
            if self._by_address is None:  # made once a build, and only if a redirect needs it
                self._by_address = {page_address(f.src_uri): f
                                    for f in self.files.documentation_pages()}
            file = self._by_address.get(path)
            if file is None:
                return relative(page_address(page.file.src_uri), target)
            return get_relative_url(file.url, page.file.url) + hash_mark + anchor
        return link

    def title_of(self, target: str) -> str:
        """Words for a link that say where it goes: the page's title, then the section's, as
        plain text (MkDocs gives titles as HTML, entities and all; templates escape them)."""
        path, _, anchor = target.partition("#")
        file = self.files.get_file_from_path(path)
        page = file.page if file else None
        title = html.unescape(_heading(page)) if page else ""
        section = html.unescape(_toc_title(page.toc, anchor)) if page and anchor else ""
        if anchor and not section:
            section = next((row.information for category in self.data.categories
                            if f"sources/{category.id}.md" == path
                            for row in category.rows if row.id == anchor), "")
        return f"{title}: {section}" if title and section else title or section or target

    def source_of(self, src_uri: str, docs: str) -> tuple[str, str]:
        """The file a page is made from, as messages show it (its data file, for a page made
        from data), and that file's text."""
        generated = self.generated.get(src_uri)
        path = f"{docs}/{generated.data_file if generated and generated.data_file else src_uri}"
        return path, self.data.texts.get(path, "")

    def render(self, config: MkDocsConfig) -> Render:
        """The site's Markdown, as MkDocs configures it, for checking a page before its inserts
        and finding the line of what a page's HTML should not hold."""
        if self._render is None:
            self._render = markdown_renderer(config.markdown_extensions, config.mdx_configs)
        return self._render

    def check_page_safety(self, src_uri: str, html: str, config: MkDocsConfig) -> None:
        """A page must not run script or show another site. What MkDocs rendered is read first
        (most pages hold nothing that needs a closer look); where it holds something, a
        hand-written page is rendered again without its inserts (the tools' own HTML is the
        site's) and each finding put at its line; on a page made from data, only a template
        could have put it there."""
        if src_uri in self.data.allowed_html or not may_be_unsafe(html):
            return
        path, source = self.source_of(src_uri, Path(config.docs_dir).name)
        if src_uri not in self.generated:
            self.problems += unsafe_markup(path, body(source), render=self.render(config))
            return
        for message, hint, _ in dict.fromkeys(unsafe_html(html)):
            self.problems.append(Problem(path, 1, f"{message} on the page made from it",
                                         "A developer must fix the template in hooks/guidance/templates/ "
                                         "that writes it.", "unsafe-html"))

    def review_of(self, src_uri: str) -> r.Review | None:
        """A hand-written page's own review, or for a page made from data its data file's."""
        generated = self.generated.get(src_uri)
        if generated is not None:
            return self.data.file_reviews.get(generated.data_file) if generated.data_file else None
        return self.data.page_reviews.get(src_uri)


site = GuidanceSite()


def _heading(page: Page) -> str:
    """The page's own first heading (the navigation may give it a shorter title)."""
    first = next(iter(page.toc), None)
    return first.title if first is not None and first.level == 1 else page.title or ""


def _toc_title(toc, anchor: str) -> str:
    for item in toc:
        if item.id == anchor:
            return item.title
        found = _toc_title(item.children, anchor)
        if found:
            return found
    return ""


def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    global site
    site = GuidanceSite()
    try:
        site.today = build_day(os.environ)
    except ValueError as error:
        raise PluginError(str(error)) from None
    review_log.handlers = [handler for handler in logging.getLogger("mkdocs").handlers
                           if not isinstance(handler, CountHandler)]
    _offline_edition(config)
    return config


OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def _offline_edition(config: MkDocsConfig) -> None:
    """The offline edition, opened from files with no server: Material's offline plugin does the
    search; here, instant navigation goes (it fetches pages, which files cannot answer), the
    worker shim comes from the site itself rather than unpkg.com, and every page says which
    edition it is (partials/edition-stamp.html)."""
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        config.extra.pop("edition", None)
        return
    features = config.theme["features"]
    features[:] = [name for name in features if not name.startswith("navigation.instant")]
    config.extra["polyfills"] = [OFFLINE_SHIM]
    config.extra["edition"] = {"kind": "offline", "date": site.today.isoformat(),
                               "long_date": long_date(site.today)}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check the data and the hand-written pages MkDocs found, then add the pages made from data.
    Any problem stops the build here, before anything is written."""
    texts = {file.src_uri: file.content_bytes for file in files.documentation_pages()}
    try:
        site.guidance = load_guidance(Path(config.docs_dir), today=site.today, pages=texts,
                                      site_url=config.site_url or "")
    except DataError as error:
        raise PluginError(error.report()) from None
    pages = generated_pages(site.data)
    missing = add_to_nav(config.nav, pages)
    if missing:
        raise PluginError(f"mkdocs.yml: the nav must list {', '.join(missing)}: the pages made "
                          "from data are listed after it.\n    More: "
                          "editing/build-messages.md#nav-section")
    partnership = site.data.partnership
    config.extra["partnership"] = {"name": partnership.name,
                                   "contact_email": partnership.contact_email,
                                   "published_address": partnership.published_address}
    # One published address, from the partnership settings: the site map, the 404 page and the
    # editions' "check ... for the current version" all use it. An offline copy is not at that
    # address, so its pages claim no canonical address there.
    if "edition" not in config.extra:
        config.site_url = partnership.published_address.rstrip("/") + "/"
    # overrides/main.html links every page to the feed of changes.
    config.extra["changes_feed"] = {"path": CHANGES_FEED, "title": feed_title(config.site_name)}
    site.generated = {page.src_uri: page for page in pages}
    docs = Path(config.docs_dir).name
    site.late = {src for src in texts if has_inserts(site.data.texts.get(f"{docs}/{src}", ""))}
    site.late |= {page.src_uri for page in pages if page.late}
    for page in pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.data_file
        files.append(file)
    # The feed is a file of the site like any other, so the changes page's link to it is checked
    # and `mkdocs serve` serves it; its content is written in on_env, once every title is known.
    files.append(File.generated(config, CHANGES_FEED, content=b""))
    # Pages that name others by title are read last, once those titles are known.
    site.files = Files([file for file in files if file.src_uri not in site.late]
                       + [file for file in files if file.src_uri in site.late])
    site.tooltips = abbreviations(site.data)
    for use in uses_in_guidance(site.data):
        log.warning(str(use))
    _report_overdue()
    return site.files


def _report_overdue() -> None:
    reviews = {review.path: review for review in
               [*site.data.page_reviews.values(), *site.data.file_reviews.values()]}
    overdue = [f"{review.path}:{review.line}: the review was due on "
               f"{review.next_due.isoformat()} (owner: {review.owner}). After reviewing, set "
               "last_reviewed to the date of the review.\n    More: "
               "editing/build-messages.md#review-overdue"
               for review in sorted(reviews.values(), key=lambda review: review.path)
               if review.is_overdue(site.today)]
    if overdue and site.data.partnership.overdue_reviews_stop_build:
        raise PluginError("\n".join([
            f"{len(overdue)} file(s) are past their review date, and the partnership has chosen "
            "to stop the build for that (overdue_reviews_stop_build in docs/data/partnership.yml):",
            *overdue]))
    for message in overdue:
        review_log.warning(message)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill data inserts and the pages that list others, and give every page the glossary's
    tooltips."""
    src = page.file.src_uri
    if src in site.generated and site.generated[src].late:
        markdown = late_markdown(src, site.data, title_of=site.title_of, today=site.today,
                                 feed_address=_feed_address(files), pages=[
            ReviewedPage(file.src_uri, html.unescape(_heading(file.page)) or file.src_uri, review)
            for file in site.files.documentation_pages() if file.page is not None
            and (review := site.review_of(file.src_uri)) is not None])
    elif src in site.late:
        markdown = fill_inserts(markdown, page=src, guidance=site.data,
                                url_for=site.url_for(page), title_of=site.title_of)
    return markdown + site.tooltips


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check what the page holds, note its sections, and keep its old section links working."""
    site.check_page_safety(page.file.src_uri, html, config)
    address = page_address(page.file.src_uri)
    path, source = site.source_of(page.file.src_uri, Path(config.docs_dir).name)
    for element_id in site.links.add(address, html):
        lines = lines_of_id(source, element_id) or [1]  # the last is most likely the new one
        also = f" (also on line {', '.join(map(str, lines[:-1]))})" if len(lines) > 1 else ""
        site.problems.append(Problem(
            path, lines[-1], f"the id '{element_id}' is used twice on the page {address}{also}",
            "Give one of the headings (or the tool's data) another id: a link to the id may land "
            "on the wrong element.", "duplicate-id"))
    html = with_moved_sections(html, page=address, redirects=list(site.data.redirects),
                               link_to=site.link_from(page))
    if page.file.src_uri != REFERENCES:
        html += full_references(html, site.data.references)
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Once every page is rendered: every published link and every link in data must lead
    somewhere. The theme's templates are kept compiled between builds, as the site's own are
    (render.compiled_templates: a folder only this user can write)."""
    env.bytecode_cache = env.bytecode_cache or compiled_templates()
    docs = Path(config.docs_dir).name
    addresses = {file.src_uri: page_address(file.src_uri) for file in files.documentation_pages()}
    problems = site.problems + check_data_links(list(site.data.data_links), site.links, addresses)
    problems += _links_to_missing_sections(files, docs)
    problems += check_links(list(site.data.published_links), list(site.data.redirects),
                            site.links, published_file=f"{docs}/{r.PUBLISHED_LINKS_FILE}",
                            redirects_file=f"{docs}/{r.REDIRECTS.path}",
                            sources={addresses[src]: site.source_of(src, docs)
                                     for src in addresses})
    if problems:
        raise PluginError(DataError(problems).report())
    _write_feed(files, config)
    return env


def _links_to_missing_sections(files: Files, docs: str) -> list[Problem]:
    """Every link on a page to a section its page does not have, at the link's own line: MkDocs
    records each page's links to sections and the ids each page has (its own check, switched off
    in mkdocs.yml, names the page but not the line). A link written in data is reported at its
    data file's line by check_data_links."""
    from_data = {link.link for link in site.data.data_links}
    problems = []
    for file in files.documentation_pages():
        path, source = site.source_of(file.src_uri, docs)
        for target, links in (file.page.links_to_anchors or {}).items():
            ids = target.page.present_anchor_ids if target.page else None
            for anchor, written in links.items():
                if ids is None or anchor in ids:
                    continue
                if file.src_uri in site.generated:
                    if f"{target.src_uri}#{anchor}" in from_data:
                        continue
                    line = 1  # a template wrote it
                else:
                    line = next((number for number, text in enumerate(source.split("\n"), 1)
                                 if written in text), 1)
                problems.append(missing_section(path, line, f"the link '{written}'",
                                                target.src_uri, anchor, ids, "page-link"))
    return problems


def _write_feed(files: Files, config: MkDocsConfig) -> None:
    """The feed of changes, now that every page it links to has its title and sections. MkDocs
    copies it to the site with the other files, after this event."""
    feed = files.get_file_from_path(CHANGES_FEED)
    assert feed is not None, "on_files adds the feed"
    feed.content_bytes = atom_feed(site.data, FeedSite(
        name=config.site_name, language=config.theme["language"] or "en",
        feed_address=_feed_address(files), address_of=site.address_for(_published_address()),
        title_of=site.title_of))


def _published_address() -> str:
    """The partnership's published address, ending with /. The feed always gives addresses
    there, whichever copy it is built in (an offline edition has no site_url): a reader's client
    can only follow the published site."""
    return site.data.partnership.published_address.rstrip("/") + "/"


def _feed_address(files: Files) -> str:
    """The feed's absolute address on the published site, which readers subscribe to."""
    feed = files.get_file_from_path(CHANGES_FEED)
    assert feed is not None, "on_files adds the feed"
    return _published_address() + feed.url


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Give the page's review to Material's partials (overrides/partials/), which show it."""
    review = site.review_of(page.file.src_uri)
    page.meta["guidance_review"] = {
        "last_reviewed": review.last_reviewed.isoformat(),
        "last_reviewed_words": long_date(review.last_reviewed),
        "next_due": review.next_due.isoformat(),
        "next_due_words": long_date(review.next_due),
        "owner": review.owner,
        "overdue": review.is_overdue(site.today),
    } if review else {"built": site.today.isoformat(), "built_words": long_date(site.today)}
    page.meta["guidance_contact"] = site.data.partnership.contact_email
    page.meta["guidance_edit_file"] = f"{Path(config.docs_dir).name}/{page.file.edit_uri}"
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write a page at each removed page's old address that leads on to its new place."""
    for path, html in redirect_pages(list(site.data.redirects), site.links).items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
