"""The real pages' review details: each shows the review written in its own front matter (or, for
a page made from data, its data file's), an edit link to that file, and the review status page
lists every page and data file. Dates are read from the files and compared with today."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from mkdocs.utils.yaml import yaml_load  # MkDocs' own reader: mkdocs.yml has !ENV tags

from tests.support import content
from tests.support.dates import long_date, months_later
from tests.support.html_tree import Element, parse
from tests.support.project import CONTENT_ROOT, BuildResult
from tests.support.site import page_url

STATUS = "review-status/"


def _built_pages(site: BuildResult) -> list[tuple[str, Element]]:
    """Every page of the built site but the 404 page and redirect pages."""
    pages = []
    for path in site.html_files():
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html" or 'http-equiv="refresh"' in html:
            continue
        pages.append((page_url(site, path), parse(html)))
    return pages


def _edit_link(page: Element) -> str | None:
    links = [a for a in page.iter("a") if a.attrs.get("rel") == "edit"]
    return links[0].attrs["href"] if links else None


def _made_from(guidance) -> dict[str, str]:
    """Each page made from data, by its address, with the data file it is edited in."""
    pages = {f"sources/{category.id}/": f"docs/sources/{category.id}.yml"
             for category in guidance.categories}
    pages["organisations/"] = "docs/data/holders.yml"
    pages |= {f"organisations/{holder.id}/": "docs/data/holders.yml" for holder in guidance.holders}
    pages |= {"glossary/": "docs/data/glossary.yml", "references/": "docs/data/references.yml",
              "changes/": "docs/data/changes.yml"}
    return pages


def _sources(guidance) -> dict[str, str]:
    """Every page but the review status page, by address, with the file it is made from."""
    hand_written = {content.page_address(path.relative_to(CONTENT_ROOT / "docs").as_posix()):
                    path.relative_to(CONTENT_ROOT).as_posix()
                    for path in content.pages(CONTENT_ROOT)}
    return hand_written | _made_from(guidance)


@lru_cache(maxsize=None)
def _review_of(file: str) -> content.ReviewBlock:
    path = CONTENT_ROOT / file
    review = (content.page_review(CONTENT_ROOT, path) if file.endswith(".md")
              else content.data_review(CONTENT_ROOT, path))
    assert review is not None, f"{file} has no review block"
    return review


def _due(review: content.ReviewBlock) -> date:
    return months_later(review.last_reviewed, review.every_months)


def test_every_page_shows_the_review_of_the_file_it_is_made_from(site, guidance):
    sources = _sources(guidance)
    built = dict(_built_pages(site))
    assert set(sources) <= set(built), sorted(set(sources) - set(built))
    for url, page in built.items():
        assert len(page.with_class("page-review")) == 1, f"{url}: expected one review footer"
    today = date.today()
    for url, file in sources.items():
        text = built[url].with_class("page-review")[0].shown_text()
        review = _review_of(file)
        due = _due(review)
        assert f"Last reviewed {long_date(review.last_reviewed)}" in text, f"{url}: {text}"
        assert f"Next review due {long_date(due)}" in text, f"{url}: {text}"
        assert f"Owner {review.owner}" in text, f"{url}: {text}"
        assert ("(overdue)" in text) == (today > due), f"{url}: {text}"
        notices = [notice for notice in built[url].with_class("review-overdue") if notice.shown]
        assert bool(notices) == (today > due), url


def test_every_edit_link_opens_the_file_the_page_is_made_from(site, guidance):
    base = yaml_load((CONTENT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("edit_uri")
    sources = _sources(guidance)
    for url, page in _built_pages(site):
        link = _edit_link(page)
        if url == STATUS or not base:
            assert link is None, url
            continue
        assert link and link.startswith(base), url
        assert (CONTENT_ROOT / "docs" / link[len(base):]).is_file(), f"{url}: {link}"
        if url in sources:
            assert link == base + sources[url].removeprefix("docs/"), url


def test_the_review_status_page_lists_every_page_and_data_file(site, guidance):
    status = site.page(STATUS)
    listed = {link.attrs["href"] for link in status.find_id("pages").parent.iter("a")}
    for url in _sources(guidance):
        assert f"../{url}" in listed or (url == "" and "../" in listed), url
    text = status.text()
    today = date.today()
    reviews = [review for path in content.data_files(CONTENT_ROOT)
               if (review := content.data_review(CONTENT_ROOT, path)) is not None]
    assert reviews
    for review in reviews:
        assert review.file in text, f"{review.file} is not on the review status page"
    overdue = [url for url, file in _sources(guidance).items() if today > _due(_review_of(file))]
    if overdue:
        count = len(overdue)
        assert f"{count} page{'s are' if count != 1 else ' is'} overdue for review." in text
    else:
        assert "No page is overdue for review." in text
