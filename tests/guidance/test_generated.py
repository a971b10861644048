"""Where generated pages go in the navigation (plain data, no MkDocs)."""

from __future__ import annotations

from guidance.generated import GeneratedPage, add_to_nav


def _page(uri: str, title: str, follows: str) -> GeneratedPage:
    return GeneratedPage(uri, "# x", data_file="x.yml", nav_title=title, follows=follows)


def test_pages_follow_their_section_index_in_order():
    nav = [{"Home": "index.md"}, {"Sources": ["sources/index.md", "sources/extra.md"]}]
    pages = [_page("sources/a.md", "A", "sources/index.md"),
             _page("sources/b.md", "B", "sources/index.md")]
    assert add_to_nav(nav, pages) == []
    assert nav[1]["Sources"] == ["sources/index.md", {"A": "sources/a.md"}, {"B": "sources/b.md"},
                                 "sources/extra.md"]


def test_a_missing_section_index_is_reported():
    nav = [{"Home": "index.md"}]
    assert add_to_nav(nav, [_page("sources/a.md", "A", "sources/index.md")]) == ["sources/index.md"]
    assert add_to_nav(None, [_page("sources/a.md", "A", "sources/index.md")]) == [
        "sources/index.md"]
