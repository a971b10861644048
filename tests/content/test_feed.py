"""The real feed of changes as built: valid Atom that a real feed parser reads cleanly, one entry
per change in docs/data/changes.yml with that change's words, and every link in it leading to a
built page and section. Expected values come from the data."""

from __future__ import annotations

from collections import Counter

from guidance.data_text import words_only
from tests.support.feed import (atom_problems, feed_bytes, page_target, parsed_feed,
                                published_address, unresolved)
from tests.support.content import page_address
from tests.support.project import CONTENT_ROOT


def test_the_real_feed_parses_cleanly_as_atom(site):
    feed = parsed_feed(site)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert atom_problems(feed_bytes(site)) == []


def test_the_real_feed_has_one_entry_per_change_with_its_pages(site, guidance):
    feed, address = parsed_feed(site), published_address(CONTENT_ROOT)
    assert len(feed.entries) == len(guidance.changes)
    by_summary = Counter(entry.summary for entry in feed.entries)
    wanted = Counter(" ".join(words_only(change.summary).split()) for change in guidance.changes)
    assert by_summary == wanted
    for change in guidance.changes:
        summary = " ".join(words_only(change.summary).split())
        entry = next(entry for entry in feed.entries if entry.summary == summary)
        related = [page_target(address, link.href) for link in entry.links
                   if link.rel == "related"]
        assert related == [(page_address(path), section) for path, _, section in
                           (target.partition("#") for target in change.pages)], summary
    hrefs = [link.href for entry in feed.entries for link in entry.links]
    assert unresolved(site, address, hrefs) == []
