"""The feed of changes (Atom, at changes.xml), on the frozen test project: valid Atom that a real
feed parser reads cleanly, one entry per change in the data, each entry's links leading to built
pages and sections, ids that survive the edits a policy lead makes (a change added on the same
day, the file reordered), a summary's characters arriving as the same text, and every page naming
the feed. What to expect is read from the fixture's data files."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import feedparser
import pytest
import yaml

from tests.support.content import page_address
from tests.support.feed import (FEED, FEED_TYPE, atom_problems, changes_of, feed_bytes,
                                page_target, parsed_feed, published_address, unresolved)
from tests.support.dates import FIXTURE_TODAY
from tests.support.project import FIXTURE, REPO, BuildResult, FixtureProject
from tests.support.site import page_url, resolve

ADDRESS = published_address(FIXTURE)
# A summary with every character XML acts on, an entity written as text, a link and emphasis.
MARKED_UP = ('Fish & chips, "quoted" words, a < b > c, &amp; as written, and '
             '[the good practice](findings/first-finding.md#good-practice) in *italics*.')
# What a reader's client must show for it: the same characters, the link and emphasis as words.
AS_TEXT = ('Fish & chips, "quoted" words, a < b > c, &amp; as written, and the good practice in '
           'italics.')
MARKED_UP_PAGE = "findings/first-finding.md#good-practice"


def _words(summary: str) -> str:
    return " ".join(summary.split())


def _entry_for(feed, summary: str):
    entries = [entry for entry in feed.entries if entry.summary == _words(summary)]
    assert len(entries) == 1, f"{len(entries)} entries have the summary {summary!r}"
    return entries[0]


def _edited_changes(changes: list[dict], review: dict) -> str:
    """changes.yml with the entries reversed and a new one added at the top, as the editing guide
    says, on the same day as the newest. Strings are written as JSON, which YAML reads as is."""
    newest = max(change["date"] for change in changes)
    added = {"date": newest, "summary": MARKED_UP, "pages": [MARKED_UP_PAGE]}
    lines = ["review:", *(f"  {key}: {value}" for key, value in review.items()), "", "changes:"]
    for change in [added, *reversed(changes)]:
        lines += [f"  - date: {change['date'].isoformat()}",
                  f"    summary: {json.dumps(change['summary'])}",
                  f"    pages: {json.dumps(change['pages'])}", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The test project with a change added on the newest change's day and the file reordered."""
    project = FixtureProject(tmp_path_factory.mktemp("feed-edited"))
    data = yaml.safe_load(project.read("docs/data/changes.yml"))
    project.write("docs/data/changes.yml", _edited_changes(data["changes"], data["review"]))
    result = project.build()
    assert result.ok, result.log
    return result


def test_the_feed_is_atom_a_feed_reader_reads_cleanly(fixture_site):
    feed = parsed_feed(fixture_site)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert atom_problems(feed_bytes(fixture_site)) == []
    assert feed.feed.id == ADDRESS + FEED
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [ADDRESS + FEED]
    alternate = [link.href for link in feed.feed.links if link.rel == "alternate"]
    assert [page_target(ADDRESS, href)[0] for href in alternate] == ["changes/"]


def test_the_partnership_is_the_feed_s_author(fixture_site):
    partnership = yaml.safe_load((FIXTURE / "docs/data/partnership.yml").read_text("utf-8"))
    author = parsed_feed(fixture_site).feed.author_detail
    assert (author.name, author.email) == (partnership["name"], partnership["contact_email"])


def test_one_entry_per_change_newest_first_with_its_date_and_summary(fixture_site):
    feed, changes = parsed_feed(fixture_site), changes_of(FIXTURE)
    assert len(feed.entries) == len(changes)
    for change in changes:
        entry = _entry_for(feed, change["summary"])
        assert entry.summary_detail.type == "text/plain"
        assert entry.title and _words(change["summary"]).startswith(entry.title)
        for stamp in (entry.published_parsed, entry.updated_parsed):
            assert date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) == change["date"]
    days = [date(*entry.updated_parsed[:3]) for entry in feed.entries]
    assert days == sorted(days, reverse=True), "the entries are not newest first"
    newest = max(change["date"] for change in changes)
    assert date(*feed.feed.updated_parsed[:3]) == newest


def test_each_entry_links_to_the_pages_it_touched(fixture_site):
    """One link per page the change names, at its absolute address on the published site (and
    section), titled with the page's title; and a link to the change on the changes page."""
    feed = parsed_feed(fixture_site)
    for change in changes_of(FIXTURE):
        entry = _entry_for(feed, change["summary"])
        related = [link for link in entry.links if link.rel == "related"]
        assert [page_target(ADDRESS, link.href) for link in related] == [
            (page_address(path), section)
            for path, _, section in (target.partition("#") for target in change["pages"])]
        for link in related:
            path, section = page_target(ADDRESS, link.href)
            page = fixture_site.page(path)
            heading = next(page.iter("h1")).text().removesuffix("¶").strip()
            assert link.title.startswith(heading), (link.title, heading)
            if section:
                shown = page.find_id(section)
                assert link.title.removeprefix(heading + ": ") in shown.parent.text(), link.title
        alternate = [link.href for link in entry.links if link.rel == "alternate"]
        assert [page_target(ADDRESS, href) for href in alternate] == [
            ("changes/", f"changes-{change['date'].isoformat()}")]
    hrefs = [link.href for entry in feed.entries for link in entry.links]
    assert unresolved(fixture_site, ADDRESS, hrefs) == []


def test_entry_ids_survive_a_change_added_on_the_same_day_and_a_reordered_file(fixture_site,
                                                                                 edited_site):
    before, after = parsed_feed(fixture_site), parsed_feed(edited_site)
    for change in changes_of(FIXTURE):
        assert _entry_for(after, change["summary"]).id == _entry_for(before, change["summary"]).id
    added = _entry_for(after, AS_TEXT).id
    assert added not in {entry.id for entry in before.entries}
    assert len({entry.id for entry in after.entries}) == len(after.entries)
    assert atom_problems(feed_bytes(edited_site)) == []


def test_a_summary_s_characters_arrive_as_the_same_text(edited_site):
    feed = parsed_feed(edited_site)
    assert feed.bozo == 0, feed.get("bozo_exception")
    entry = _entry_for(feed, AS_TEXT)
    assert entry.summary_detail.type == "text/plain"
    assert entry.title == AS_TEXT.removesuffix(".")
    related = [page_target(ADDRESS, link.href) for link in entry.links if link.rel == "related"]
    assert related == [("findings/first-finding/", "good-practice")]
    assert unresolved(edited_site, ADDRESS, [link.href for link in entry.links]) == []


def test_every_page_names_the_feed_in_its_head(fixture_site):
    title = parsed_feed(fixture_site).feed.title
    missing = []
    for path in fixture_site.html_files():
        url = page_url(fixture_site, path)
        page = fixture_site.page(url)
        if any(meta.attrs.get("http-equiv") == "refresh" for meta in page.iter("meta")):
            continue  # a removed page's redirect, written by the hooks: not a page of the site
        head = next(page.iter("head"))
        feeds = [link for link in head.iter("link") if link.attrs.get("rel") == "alternate"
                 and link.attrs.get("type") == FEED_TYPE]
        if [(resolve(url, link.attrs["href"])[0], link.attrs.get("title")) for link in feeds] != [
                (FEED, title)]:
            missing.append(f"{url or '/'}: {[link.attrs for link in feeds]}")
    assert not missing, "\n".join(missing)
    assert (fixture_site.site / "404.html") in fixture_site.html_files()


def test_the_changes_page_says_where_the_feed_is(fixture_site):
    page = fixture_site.page("changes/")
    links = [link for link in page.iter("a") if "href" in link.attrs
             and resolve("changes/", link.attrs["href"])[0] == FEED]
    assert links, "the changes page has no link to the feed"
    paragraph = links[0].parent
    assert ADDRESS + FEED in paragraph.text()


def test_the_feed_is_made_with_nothing_from_mkdocs():
    """hooks/guidance/ is plain Python: the feed is made from the checked data with MkDocs,
    Material, Jinja and Markdown unavailable, its caller giving the addresses and titles."""
    blocked = "; ".join(f"sys.modules[{name!r}] = None"
                        for name in ("mkdocs", "material", "jinja2", "markdown", "pymdownx"))
    probe = "; ".join([
        "import sys, datetime", blocked, f"sys.path.insert(0, {str(REPO / 'hooks')!r})",
        "from pathlib import Path", "from guidance.load import load_guidance",
        "from guidance.feed import FeedSite, atom_feed",
        f"data = load_guidance(Path({str(FIXTURE / 'docs')!r}), "
        f"today=datetime.date.fromisoformat({FIXTURE_TODAY.isoformat()!r}))",
        f"site = FeedSite('Name', 'en', {ADDRESS + FEED!r}, lambda target: {ADDRESS!r} + target, "
        "lambda target: target)",
        "sys.stdout.buffer.write(atom_feed(data, site))"])
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    feed = feedparser.parse(result.stdout)
    assert (feed.bozo, feed.version) == (0, "atom10")
    assert len(feed.entries) == len(changes_of(FIXTURE))
