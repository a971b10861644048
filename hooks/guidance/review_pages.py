"""Which review covers each page, and what each page shows about it: the dates and owner at its
foot, a notice when the review is overdue, and the review status page's list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import model
from .review import Review, long_date
from .render import render_html

_FIRST_HEADING_END = re.compile(r"</h1>", re.IGNORECASE)


@dataclass(frozen=True)
class ReviewedPage:
    """A page, the file it is edited in, and the review that covers it (its own, or for a page
    made from data, its data file's)."""

    src_uri: str
    title: str
    edit_file: str | None  # path under docs/ of the file to edit; None if none makes it
    review: Review | None

    def is_overdue(self, today: date) -> bool:
        return self.review is not None and self.review.is_overdue(today)


def reviewed_pages(guidance: model.Guidance,
                   generated: dict[str, str | None]) -> list[ReviewedPage]:
    """Every page with its review. ``generated`` maps each page made from data to its data file.
    Hand-written pages come from the reviews read from docs/."""
    pages = [ReviewedPage(src, guidance.page_titles.get(src, src), src, review)
             for src, review in guidance.reviews.pages.items()]
    pages += [ReviewedPage(src, guidance.page_titles.get(src, src), data_file,
                           guidance.reviews.data_files.get(data_file) if data_file else None)
              for src, data_file in generated.items()]
    return pages


def by_urgency(pages: list[ReviewedPage], today: date) -> list[ReviewedPage]:
    """Overdue pages first, then the rest, each by the date the review is due, then by title."""
    def key(page: ReviewedPage):
        due = page.review.next_due if page.review else date.max
        return (not page.is_overdue(today), due, page.title.lower())
    return sorted(pages, key=key)


def overdue_messages(pages: list[ReviewedPage], today: date) -> list[str]:
    """One line per overdue file (a data file covering many pages is named once)."""
    seen: dict[str, list[str]] = {}
    reviews: dict[str, Review] = {}
    for page in by_urgency(pages, today):
        if page.review and page.is_overdue(today):
            seen.setdefault(page.review.file, []).append(page.title)
            reviews[page.review.file] = page.review
    return [f"{file}:{review.line}: the review was due on {review.next_due.isoformat()} "
            f"(owner: {review.owner}). After reviewing, set last_reviewed to the date of the "
            f"review." for file, review in reviews.items()]


def with_review(html: str, *, page: ReviewedPage, today: date, edit_base: str | None,
                docs_name: str, address: str, contact_email: str) -> str:
    """The page's HTML with an overdue notice after its title and its review details at its foot.
    """
    values = dict(page=page, review=page.review, today=today, long_date=long_date,
                  edit_link=(f"{edit_base}{docs_name}/{page.edit_file}"
                             if edit_base and page.edit_file else None),
                  edit_file=f"{docs_name}/{page.edit_file}", address=address,
                  contact_email=contact_email)
    footer = render_html("review_footer.html.j2", **values)
    if page.is_overdue(today):
        notice = render_html("review_notice.html.j2", **values)
        html, found = _FIRST_HEADING_END.subn(lambda match: match.group(0) + notice, html, count=1)
        if not found:
            html = notice + html
    return html + footer
