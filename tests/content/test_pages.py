"""The real hand-written pages, references and changes as built: every heading written in a page
is on the built page with its id, every citation resolves to an entry on the References page,
the pages on sharing and on the people around the child keep the finding pages' shape and cite
their sources, and the References and Changes pages hold what their data files say."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.support import content
from tests.support.project import CONTENT_ROOT
from tests.support.seed import comparable
from tests.support.site import page_url, resolve


# The finding pages: the audit's learning, a page per finding, after the folder's index.
FINDINGS = "audit-learning"
# The pages on asking and sharing lawfully and on the people around the child (issue 14). Each
# takes the finding pages' shape, except the index.md that opens its folder: the people index is
# an overview that lists its pages, and the sharing index, on asking and sharing, has a shape of
# its own (what a request holds, what to record, what to do when no answer comes).
NEW = ("sharing", "people")
REFERENCES_SECTION = "references"  # the id of the section where a page lists what it cites


def _docs(path: Path) -> str:
    return path.relative_to(CONTENT_ROOT / "docs").as_posix()


def _folder_pages(folder: str, *, index: bool) -> list[Path]:
    """The hand-written pages of a folder under docs/, with or without its index.md."""
    return [path for path in sorted((CONTENT_ROOT / "docs" / folder).glob("*.md"))
            if index or path.name != "index.md"]


def _overview(path: Path) -> bool:
    """Whether a page is an overview, which points to other pages: search ranks it below them
    (a `search: boost:` below 1 in its front matter), and it states nothing it must cite."""
    search = content.front_matter(path.read_text(encoding="utf-8")).get("search")
    return isinstance(search, dict) and float(search.get("boost", 1)) < 1


SHAPED = [path for folder in NEW for path in _folder_pages(folder, index=False)]
CITING = [path for folder in NEW for path in _folder_pages(folder, index=True)
          if not _overview(path)]


def _sections(path: Path) -> list[tuple[str, int]]:
    """A page's sections as written: each heading's id and level, in order."""
    return [(heading.id, heading.level)
            for heading in content.headings(path.read_text(encoding="utf-8")) if heading.id]


def finding_page_shape() -> list[tuple[str, int]]:
    """The finding-page shape, read from the finding pages themselves: every section (its id and
    heading level) that more than half of them have, in the order they have it. Not "every":
    a finding page may set out something else in a section's place (how a safety plan works,
    say), and one such page must not shrink the shape the others share."""
    pages = [_sections(path) for path in _folder_pages(FINDINGS, index=False)]
    counts = Counter(section for sections in pages for section in set(sections))
    shape = {section for section, count in counts.items() if count > len(pages) / 2}
    whole = [sections for sections in pages if shape <= set(sections)]
    assert whole, f"no page in docs/{FINDINGS}/ has every section the others share: {shape}"
    return [section for section in whole[0] if section in shape]


def _plain(markdown: str) -> str:
    """Markdown as a reader sees it: links' words kept, emphasis and code marks dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return comparable(re.sub(r"[*`_]", "", text))


def test_every_heading_written_on_a_page_is_built_with_its_id(site):
    """A heading's words may change, but it must keep its id: trainers link to it."""
    checked = 0
    for path in content.pages(CONTENT_ROOT):
        relative = path.relative_to(CONTENT_ROOT / "docs").as_posix()
        page = site.page(content.page_address(relative))
        for heading in content.headings(path.read_text(encoding="utf-8")):
            if heading.level == 1:
                built = next(page.iter("h1"))
            elif heading.id is None:
                continue
            else:
                built = page.find_id(heading.id)
                assert built is not None, f"{relative}:{heading.line}: no #{heading.id} is built"
                assert built.tag == f"h{heading.level}", f"{relative}:{heading.line}: {built.tag}"
            assert comparable(built.text()).startswith(_plain(heading.words)), (
                f"{relative}:{heading.line}: built as '{built.text()}'")
            checked += 1
    assert checked >= len(content.pages(CONTENT_ROOT)), "every page has at least its title"


def test_every_citation_resolves_to_an_entry_on_the_references_page(site, guidance):
    references = site.page("references/")
    listed = {reference.id for reference in guidance.references}
    cited = set()
    for path in site.html_files():
        url = page_url(site, path)
        if url in {"404.html", "references/"}:  # the page's own heading links are not citations
            continue
        for article in site.page(url).iter("article"):
            for link in article.iter("a"):
                target, anchor = resolve(url, link.attrs.get("href", ""))
                if target == "references/" and anchor:
                    cited.add(anchor)
                    assert anchor in listed, f"{url} cites {anchor}, which is not a reference"
                    assert references.find_id(anchor) is not None, f"{url} cites missing {anchor}"
    assert cited, "no page cites a reference"


def test_the_references_page_gives_every_reference_and_the_further_reading(site, guidance):
    page = site.page("references/")
    for reference in guidance.references:
        entry = page.find_id(reference.id)
        assert entry is not None, reference.id
        assert comparable(entry.text()).startswith(_plain(reference.citation)), reference.id
    data = yaml.safe_load((CONTENT_ROOT / "docs/data/references.yml").read_text(encoding="utf-8"))
    further = comparable(page.find_id("further-reading").parent.text())
    for item in data.get("further_reading") or []:
        assert _plain(item["title"]) in further, f"'{item['title']}' is not in the further reading"


def test_the_changes_page_gives_every_change_newest_first_with_its_pages(site, guidance):
    page = site.page("changes/")
    days = sorted({change.date for change in guidance.changes}, reverse=True)
    sections = [heading.attrs["id"] for heading in page.iter("h2")
                if heading.attrs.get("id", "").startswith("changes-")]
    assert sections == [f"changes-{day.isoformat()}" for day in days]
    text = comparable(page.text())
    for change in guidance.changes:
        assert _plain(change.summary) in text, change.summary
    links = {resolve("changes/", link.attrs["href"]) for link in page.iter("a")
             if "href" in link.attrs}
    for change in guidance.changes:
        for target in change.pages:
            path, _, anchor = target.partition("#")
            assert (content.page_address(path), anchor) in links, f"no link to {target}"


def test_the_finding_pages_share_a_shape():
    """The shape the other pages are held to is there to read: the finding pages share more
    than a title and a list of references, and all of them that have it, have it in one order."""
    shape = finding_page_shape()
    assert len(shape) > 2, f"the finding pages in docs/{FINDINGS}/ share only {shape}"
    assert SHAPED and CITING, f"no pages in docs/{NEW}/ to hold to it"
    for path in _folder_pages(FINDINGS, index=False):
        sections = [section for section in _sections(path) if section in shape]
        if len(sections) == len(shape):
            assert sections == shape, f"{_docs(path)}: the finding pages' sections in another order"


@pytest.mark.parametrize("path", SHAPED, ids=_docs)
def test_each_page_on_sharing_and_on_the_people_around_the_child_has_the_finding_page_shape(
        path):
    shape = finding_page_shape()
    sections = _sections(path)
    described = [f"#{section} (h{level})" for section, level in shape]
    missing = [words for words, section in zip(described, shape) if section not in sections]
    assert not missing, (f"{_docs(path)} lacks the finding pages' sections {missing}; the shape "
                         f"is {described}")
    in_order = [section for section in sections if section in shape]
    assert in_order == shape, f"{_docs(path)}: the finding pages' sections in another order"


def _citations(site, url: str) -> tuple[set[str], set[str]]:
    """The references a built page cites in its text, and those its References section lists."""
    cited, listed, section = set(), set(), None
    for element in next(site.page(url).iter("article")).children:
        if isinstance(element, str):
            continue
        if element.tag == "h2":
            section = element.attrs.get("id")
        for link in element.iter("a"):
            target, anchor = resolve(url, link.attrs.get("href", ""))
            if target == "references/" and anchor:
                (listed if section == REFERENCES_SECTION else cited).add(anchor)
    return cited, listed


@pytest.mark.parametrize("path", CITING, ids=_docs)
def test_each_page_on_sharing_and_on_the_people_around_the_child_cites(site, guidance, path):
    """It cites at least one source; every source it cites is a reference on the References
    page; and its own References section lists each one, as every finding page's does."""
    url = content.page_address(_docs(path))
    cited, listed = _citations(site, url)
    assert cited, f"{_docs(path)} cites nothing"
    references = site.page("references/")
    known = {reference.id for reference in guidance.references}
    for anchor in sorted(cited | listed):
        assert anchor in known and references.find_id(anchor) is not None, (
            f"{_docs(path)} cites '{anchor}', which is not a reference")
    assert not cited - listed, (f"{_docs(path)}: its References section does not list "
                                f"{sorted(cited - listed)}")
