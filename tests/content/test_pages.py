"""The real hand-written pages, references and changes as built: every heading written in a page
is on the built page with its id, every citation resolves to an entry on the References page,
and the References and Changes pages hold what their data files say."""

from __future__ import annotations

import re

import yaml

from tests.support import content
from tests.support.project import CONTENT_ROOT
from tests.support.seed import comparable
from tests.support.site import page_url, resolve


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
