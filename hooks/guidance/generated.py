"""The pages the site generates from data, and where each goes in the navigation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import model
from .files import CATEGORIES_DIR, CHANGES_FILE, GLOSSARY_FILE, HOLDERS_FILE, REFERENCES_FILE
from .pages import (CHANGES, GLOSSARY, ORGANISATIONS_INDEX, REFERENCES, REVIEW_STATUS,
                    SOURCES_INDEX, category_page, holder_page)
from .render import category_markdown, holder_markdown, render
from .review import Review, long_date
from .review_pages import by_urgency, reviewed_pages

DUE_SOON = timedelta(days=31)


@dataclass(frozen=True)
class GeneratedPage:
    """A page built from data: where it goes, what it says, and which file to edit to change it."""

    src_uri: str
    markdown: str
    data_file: str | None  # None for a page made from the whole site, like the review status
    nav_title: str | None = None
    follows: str | None = None  # the section index page it is listed under in the navigation


def generated_pages(guidance: model.Guidance, *, today: date) -> list[GeneratedPage]:
    pages = [GeneratedPage(category_page(category), category_markdown(category, guidance),
                           data_file=f"{CATEGORIES_DIR}/{category.id}.yml",
                           nav_title=category.short_title, follows=SOURCES_INDEX)
             for category in guidance.categories]
    pages.append(GeneratedPage(
        ORGANISATIONS_INDEX, render("organisations.md.j2", page=ORGANISATIONS_INDEX,
                                    guidance=guidance), data_file=HOLDERS_FILE))
    pages += [GeneratedPage(holder_page(holder.id), holder_markdown(holder, guidance),
                            data_file=HOLDERS_FILE, nav_title=holder.name,
                            follows=ORGANISATIONS_INDEX)
              for holder in guidance.holders]
    pages.append(GeneratedPage(GLOSSARY, render("glossary.md.j2", page=GLOSSARY, guidance=guidance),
                               data_file=GLOSSARY_FILE))
    pages.append(GeneratedPage(REFERENCES, render("references.md.j2", page=REFERENCES,
                                                  guidance=guidance), data_file=REFERENCES_FILE))
    pages.append(GeneratedPage(CHANGES, render("changes.md.j2", page=CHANGES, guidance=guidance,
                                               long_date=long_date), data_file=CHANGES_FILE))
    pages.append(GeneratedPage(REVIEW_STATUS, review_status_markdown(guidance, pages, today=today),
                               data_file=None))
    return pages


def made_from(pages: list[GeneratedPage]) -> dict[str, str | None]:
    """Each page made from data, with its data file's path under docs/ (None for a page made from
    the whole site)."""
    return {page.src_uri: page.data_file for page in pages}


def review_status_markdown(guidance: model.Guidance, generated: list[GeneratedPage], *,
                           today: date) -> str:
    pages = [page for page in by_urgency(reviewed_pages(guidance, made_from(generated)), today)
             if page.review]
    files = sorted(guidance.reviews.data_files.values(),
                   key=lambda review: (not review.is_overdue(today), review.next_due, review.file))

    def status(review: Review) -> str:
        if review.is_overdue(today):
            return "**Overdue**"
        return "Due within a month" if review.next_due - today <= DUE_SOON else "Up to date"

    return render("review_status.md.j2", page=REVIEW_STATUS, guidance=guidance, pages=pages,
                  files=files, today=today, long_date=long_date, status=status,
                  overdue_pages=sum(page.is_overdue(today) for page in pages))


def add_to_nav(nav: list | None, pages: list[GeneratedPage]) -> list[str]:
    """List each generated page in the navigation right after the index page it follows.

    ``nav`` is the ``nav`` setting of mkdocs.yml as plain lists and dicts. Returns the section
    index pages that the navigation does not list, so the caller can report them.
    """
    missing = []
    for index in dict.fromkeys(page.follows for page in pages if page.follows):
        entries = [{page.nav_title: page.src_uri} for page in pages if page.follows == index]
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
