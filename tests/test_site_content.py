"""Site-wide properties of the built pages: nothing loaded from elsewhere, the glossary applied
everywhere, the partnership's settings shown, and the data files kept out of the output."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

from tests.support.html_tree import parse
from tests.support.project import ROOT

# Elements and attributes through which a browser loads something without a click.
LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
           ("iframe", "src"), ("source", "src"), ("source", "srcset"), ("video", "src"),
           ("video", "poster"), ("audio", "src"), ("embed", "src"), ("object", "data"),
           ("track", "src"), ("input", "src")}
# Links a browser does not follow by itself.
NOT_LOADED = {"canonical", "alternate"}
EXTERNAL_URL_IN_CSS = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?:https?:)?//""", re.I)


def _terms() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "docs/data/glossary.yml").read_text(encoding="utf-8"))
    return {entry["term"]: entry["meaning"] for entry in data["terms"]}


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


def test_the_glossary_page_lists_every_term(site):
    page = site.page("glossary/")
    text = page.text()
    for term, meaning in _terms().items():
        assert term in text and meaning in text, f"{term} is missing from the glossary page"


def test_every_abbreviation_on_every_page_has_its_tooltip(site):
    terms = _terms()
    pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, terms)) + r")(?![\w&])")
    untipped, seen = [], set()
    for path in site.html_files():
        page = parse(path.read_text(encoding="utf-8"))
        for article in page.iter("article"):
            for abbr in article.iter("abbr"):
                seen.add(abbr.text())
                assert abbr.attrs.get("title") == terms.get(abbr.text()), (
                    f"{path}: {abbr.text()} has the tooltip {abbr.attrs.get('title')!r}")
            for element in [article, *article.iter()]:
                if element.tag in {"abbr", "code", "pre"} or any(
                        ancestor.tag in {"abbr", "code", "pre"} for ancestor in element.ancestors()):
                    continue
                for child in element.children:
                    if isinstance(child, str) and (match := pattern.search(child)):
                        untipped.append(f"{path.relative_to(site.site)}: {match.group(1)}")
    assert not untipped, "abbreviations without a tooltip:\n" + "\n".join(untipped)
    assert {"PNC", "PND", "MAPPA", "MARAC", "OASys", "CAMHS", "DSL"} <= seen


def test_no_abbreviation_is_left_undefined(site):
    """Capitalised abbreviations in page text must be in the glossary, so none goes unexplained."""
    terms = set(_terms())
    candidate = re.compile(r"\b(?:[A-Z][A-Za-z&]*[A-Z]|[A-Z]&[A-Z])\b")
    undefined = set()
    for path in site.html_files():
        for article in parse(path.read_text(encoding="utf-8")).iter("article"):
            undefined |= {f"{word} ({path.relative_to(site.site)})"
                          for word in candidate.findall(article.text()) if word not in terms}
    assert not undefined, "add these to docs/data/glossary.yml:\n" + "\n".join(sorted(undefined))


def test_partnership_settings_appear_on_the_pages(site):
    settings = yaml.safe_load((ROOT / "docs/data/partnership.yml").read_text(encoding="utf-8"))
    home = site.page("")
    footer = " ".join(element.text() for element in home.with_class("md-copyright"))
    assert settings["name"] in footer and settings["contact_email"] in footer
    hrefs = {link.attrs.get("href") for link in home.iter("a")}
    for procedure in settings["local_procedures"]:
        assert procedure["url"] in hrefs and procedure["title"] in home.text()
    assert f"mailto:{settings['contact_email']}" in hrefs


def test_data_files_are_not_published(site):
    assert not list(site.site.rglob("*.yml")), "data files were copied into the built site"


def test_search_finds_generated_pages(site):
    """The built-in search index holds the pages made from data, not only hand-written ones."""
    import json

    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"].split("#")[0] for entry in index["docs"]
                 if "MAPPA" in entry["text"] or "MAPPA" in entry["title"]}
    assert "sources/previous-offending/" in locations
    assert "organisations/police/" in locations
