"""The pages the site generates from data, and where each goes in the navigation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import records as r
from markupsafe import Markup, escape

from .data import Guidance
from .pages import (CHANGES, CHANGES_FEED, GLOSSARY, ORGANISATIONS_INDEX, REFERENCES,
                    REVIEW_STATUS, SOURCES_INDEX, category_page, changes_section, holder_page)
from .render import TitleOf, render
from .review_dates import long_date

DUE_SOON = timedelta(days=31)


@dataclass(frozen=True)
class GeneratedPage:
    """A page built from data: where it goes, what it says, and which file to edit to change it.
    A ``late`` page lists other pages by title, so it is written once they have been read."""

    src_uri: str
    markdown: str
    data_file: str | None  # None for a page made from the whole site, like the review status
    nav_title: str | None = None
    follows: str | None = None  # the section index page it is listed under in the navigation
    section: str = ""  # a group under that index, like an organisation's sector
    late: bool = False


def generated_pages(guidance: Guidance) -> list[GeneratedPage]:
    def page(template: str, src_uri: str, data_file: str | None, **values) -> GeneratedPage:
        return GeneratedPage(src_uri, render(template, page=src_uri, guidance=guidance, **values),
                             data_file=data_file)

    pages = [GeneratedPage(category_page(category.id),
                           render("category.md.j2", page=category_page(category.id),
                                  guidance=guidance, category=category),
                           data_file=f"{r.CATEGORIES.path}/{category.id}.yml",
                           nav_title=category.short_title, follows=SOURCES_INDEX)
             for category in guidance.categories]
    pages.append(page("organisations.md.j2", ORGANISATIONS_INDEX, r.HOLDERS.path))
    pages += [GeneratedPage(holder_page(holder.id), render(
        "holder.md.j2", page=holder_page(holder.id), guidance=guidance, holder=holder,
        systems=guidance.systems_kept_by(holder.id), rows=guidance.rows_held_by(holder.id)),
        data_file=r.HOLDERS.path, nav_title=holder.name, follows=ORGANISATIONS_INDEX,
        section=holder.sector) for holder in guidance.holders]
    pages.append(page("glossary.md.j2", GLOSSARY, r.GLOSSARY.path))
    pages.append(page("references.md.j2", REFERENCES, r.REFERENCES.path))
    pages.append(GeneratedPage(CHANGES, "", data_file=r.CHANGES.path, late=True))
    pages.append(GeneratedPage(REVIEW_STATUS, "", data_file=None, late=True))
    return pages


@dataclass(frozen=True)
class ReviewedPage:
    src_uri: str
    title: str
    review: r.Review


def late_markdown(src_uri: str, guidance: Guidance, *, title_of: TitleOf,
                  pages: list[ReviewedPage], today: date, feed_address: str) -> str:
    """The changes page and the review status page, once every page they list has a title.
    The changes page links to the feed of changes and gives its published address."""
    if src_uri == CHANGES:
        return render("changes.md.j2", page=CHANGES, guidance=guidance, title_of=title_of,
                      long_date=long_date, section=changes_section, feed=CHANGES_FEED,
                      feed_address=feed_address)
    ordered = sorted(pages, key=lambda page: (not page.review.is_overdue(today),
                                              page.review.next_due, page.title.lower()))
    files = sorted(guidance.file_reviews.values(),
                   key=lambda review: (not review.is_overdue(today), review.next_due, review.path))

    def status(review: r.Review) -> str:
        if review.is_overdue(today):
            return Markup("**Overdue**")
        return "Due within a month" if review.next_due - today <= DUE_SOON else "Up to date"

    return render("review_status.md.j2", page=REVIEW_STATUS, guidance=guidance, pages=ordered,
                  files=files, today=today, long_date=long_date, status=status,
                  overdue_pages=sum(page.review.is_overdue(today) for page in pages))


def add_to_nav(nav: list | None, pages: list[GeneratedPage]) -> list[str]:
    """List each generated page in the navigation right after the index page it follows, pages
    with a ``section`` grouped under it, so no page carries every organisation in its navigation.

    ``nav`` is the ``nav`` setting of mkdocs.yml as plain lists and dicts. Returns the section
    index pages that the navigation does not list, so the caller can report them.
    """
    missing = []
    for index in dict.fromkeys(page.follows for page in pages if page.follows):
        entries: list[dict] = []
        sections: dict[str, list[dict]] = {}
        for page in (page for page in pages if page.follows == index):
            entry = {escape(page.nav_title): page.src_uri}  # MkDocs shows titles as HTML
            if page.section:
                if page.section not in sections:
                    sections[page.section] = []
                    entries.append({escape(page.section): sections[page.section]})
                sections[page.section].append(entry)
            else:
                entries.append(entry)
        if nav is None or not _insert_after(nav, index, entries):
            missing.append(index)
    return missing


def _insert_after(items: list, target: str, entries: list[dict]) -> bool:
    for position, item in enumerate(items):
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if value == target:
            items[position + 1:position + 1] = entries
            return True
        if isinstance(value, list) and _insert_after(value, target, entries):
            return True
    return False
