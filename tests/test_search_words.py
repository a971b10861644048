"""Words a page is also found by: a category's `search_words` become its page's tags, which
Material's search indexes with every section of the page (and `mkdocs.yml` weighs as a heading);
a hand-written page gives its own in `tags:`. Checked on the frozen test project's search index."""

from __future__ import annotations

import json

from guidance.load import load_guidance
from tests.support.project import FIXTURE


def _index(site) -> dict:
    return json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_a_category_s_search_words_are_its_page_s_tags_in_the_search_index(fixture_site):
    data = load_guidance(FIXTURE / "docs")
    index = _index(fixture_site)
    given = [category for category in data.categories if category.search_words]
    assert given and len(given) < len(data.categories), "the fixture gives some categories words"
    for category in data.categories:
        entries = [entry for entry in index["docs"]
                   if entry["location"].startswith(f"sources/{category.id}/")]
        assert entries, category.id
        for entry in entries:
            assert entry.get("tags", []) == list(category.search_words), entry["location"]


def test_tags_weigh_as_much_as_a_heading(fixture_site):
    fields = _index(fixture_site)["config"]["fields"]
    assert fields["tags"]["boost"] == fields["title"]["boost"]
