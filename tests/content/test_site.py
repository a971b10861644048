"""Site-wide properties of the real built pages: nothing loaded from elsewhere, the glossary
applied everywhere, the partnership's settings shown, the data files kept out of the output, and
the pages made from data in the search index. Expected values come from the data."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import yaml

from guidance.data_text import links_in, words_only
from guidance.kinds import one_line
from tests.support.html_tree import parse
from tests.support.project import CONTENT_ROOT

# Elements and attributes through which a browser loads something without a click.
LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
           ("iframe", "src"), ("source", "src"), ("source", "srcset"), ("video", "src"),
           ("video", "poster"), ("audio", "src"), ("embed", "src"), ("object", "data"),
           ("track", "src"), ("input", "src")}
# Links a browser does not follow by itself.
NOT_LOADED = {"canonical", "alternate"}
EXTERNAL_URL_IN_CSS = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?:https?:)?//""", re.I)


def test_no_page_loads_anything_from_another_host(site):
    loads = []
    for path in site.html_files():
        page = parse(path.read_text(encoding="utf-8"))
        for element in page.iter():
            if element.tag == "link" and set(element.attrs.get("rel", "").split()) & NOT_LOADED:
                continue
            for tag, attribute in LOADING:
                value = element.attrs.get(attribute, "") if element.tag == tag else ""
                if urlsplit(value.strip()).netloc or value.strip().startswith("//"):
                    loads.append(f"{path.relative_to(site.site)}: <{tag} {attribute}={value}>")
            if EXTERNAL_URL_IN_CSS.search(element.attrs.get("style", "")):
                loads.append(f"{path.relative_to(site.site)}: style on <{element.tag}>")
        for style in page.iter("style"):
            if EXTERNAL_URL_IN_CSS.search(style.text()):
                loads.append(f"{path.relative_to(site.site)}: <style> loads from another host")
    for stylesheet in site.site.rglob("*.css"):
        if EXTERNAL_URL_IN_CSS.search(stylesheet.read_text(encoding="utf-8")):
            loads.append(f"{stylesheet.relative_to(site.site)} loads from another host")
    assert not loads, "\n".join(loads)


def test_the_glossary_page_lists_every_term(site, guidance):
    """Each abbreviation and each defined term is a row with its own address, showing its
    meaning in the data's words; a defined term's links lead somewhere on the site."""
    page = site.page("glossary/")
    for term in guidance.terms:
        row = page.find_id(term.anchor)
        assert row is not None, f"{term.term} has no row at #{term.anchor}"
        assert term.term in row.text() and term.meaning in row.parent.text(), term.term
    for entry in guidance.definitions:
        row = page.find_id(entry.anchor)
        assert row is not None, f"{entry.term} has no row at #{entry.anchor}"
        assert entry.term in row.text(), entry.term
        assert one_line(words_only(entry.meaning)) in row.parent.text(), entry.term
        targets = [a.attrs["href"] for a in row.parent.iter("a") if "row-link" not in
                   a.attrs.get("class", "")]
        assert len(targets) == len(list(links_in(entry.meaning))), entry.term


def test_every_abbreviation_on_every_page_has_its_tooltip(site, guidance):
    terms = {term.term: term.meaning for term in guidance.terms}
    pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, terms)) + r")(?![\w&])")
    untipped, seen, used = [], set(), set()
    for path in site.html_files():
        page = parse(path.read_text(encoding="utf-8"))
        for article in page.iter("article"):
            used |= set(pattern.findall(article.text()))
            for abbr in article.iter("abbr"):
                seen.add(abbr.text())
                assert abbr.attrs.get("title") == terms.get(abbr.text()), (
                    f"{path}: {abbr.text()} has the tooltip {abbr.attrs.get('title')!r}")
            for element in [article, *article.iter()]:
                if element.tag in {"abbr", "code", "pre"} or any(
                        ancestor.tag in {"abbr", "code", "pre"} for ancestor in element.ancestors()):
                    continue
                if any("print-references" in ancestor.attrs.get("class", "")
                       for ancestor in [element, *element.ancestors()]):
                    continue  # shown on paper only, where a tooltip cannot be seen
                for child in element.children:
                    if isinstance(child, str) and (match := pattern.search(child)):
                        untipped.append(f"{path.relative_to(site.site)}: {match.group(1)}")
    assert not untipped, "abbreviations without a tooltip:\n" + "\n".join(untipped)
    # The glossary page shows every term, so every term is used somewhere, and each must get its
    # tooltip at least once.
    assert used == set(terms) and used <= seen, sorted(set(terms) - seen)


def test_no_abbreviation_is_left_undefined(site, guidance):
    """Capitalised abbreviations in page text must be in the glossary, so none goes unexplained."""
    terms = {term.term for term in guidance.terms}
    candidate = re.compile(r"\b(?:[A-Z][A-Za-z&]*[A-Z]|[A-Z]&[A-Z])\b")
    undefined = set()
    longest_first = sorted(terms, key=len, reverse=True)  # "GOV.UK" before "UK"
    for path in site.html_files():
        for article in parse(path.read_text(encoding="utf-8")).iter("article"):
            text = article.text()
            for term in longest_first:  # a term with a dot in it, like GOV.UK, is one term
                text = re.sub(rf"(?<![\w&]){re.escape(term)}(?![\w&])", " ", text)
            undefined |= {f"{word} ({path.relative_to(site.site)})"
                          for word in candidate.findall(text)}
    assert not undefined, "add these to docs/data/glossary.yml:\n" + "\n".join(sorted(undefined))


def test_partnership_settings_appear_on_the_pages(site):
    settings = yaml.safe_load((CONTENT_ROOT / "docs/data/partnership.yml").read_text(
        encoding="utf-8"))
    home = site.page("")
    footer = " ".join(element.text() for element in home.with_class("md-copyright"))
    assert settings["name"] in footer and settings["contact_email"] in footer
    hrefs = {link.attrs.get("href") for link in home.iter("a")}
    for procedure in settings["local_procedures"]:
        assert procedure["url"] in hrefs and procedure["title"] in home.text()
    assert f"mailto:{settings['contact_email']}" in hrefs


def test_data_files_are_not_published(site):
    assert not list(site.site.rglob("*.yml")), "data files were copied into the built site"
    assert not list(site.site.rglob("published-links.txt"))


def test_search_finds_the_pages_made_from_data(site, guidance):
    """The built-in search index holds the category and organisation pages, with their rows."""
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text_at: dict[str, str] = {}
    for entry in index["docs"]:
        page = entry["location"].split("#")[0]
        text_at[page] = text_at.get(page, "") + " " + entry["title"] + " " + entry["text"]
    for category in guidance.categories:
        text = " ".join(text_at.get(f"sources/{category.id}/", "").split())
        for row in category.rows:
            assert _words(row.information) <= _words(text), (
                f"search does not find the row {category.id}#{row.id}")
    for holder in guidance.holders:
        assert f"organisations/{holder.id}/" in text_at, f"search does not find {holder.id}"


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text).lower()))
