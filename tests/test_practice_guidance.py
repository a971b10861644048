"""The practice guidance from the case audit: every finding page in one shape, linked into the
sources, every citation resolving, and the language check working on real and planted text."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import yaml

from tests.support.project import ROOT, Project

FINDING_SECTIONS = ("what-the-audit-found", "why-it-matters", "good-practice", "questions-to-ask",
                    "ask-yourself", "take-to-supervision", "where-to-find-the-information",
                    "references")
SAFETY_SECTIONS = ("what-the-audit-found", "role-and-purpose", "what-a-plan-must-cover",
                   "who-monitors-the-plan", "when-the-plan-is-breached", "written-agreements",
                   "questions-to-ask", "where-to-find-the-information", "references")


def _links(site, url: str) -> list[str]:
    page = site.page(url)
    article = next(page.iter("article"))
    return [urlsplit(urljoin("http://site.test/" + url, link.attrs["href"])).path.lstrip("/")
            + ("#" + urlsplit(link.attrs["href"]).fragment if "#" in link.attrs["href"] else "")
            for link in article.iter("a") if "href" in link.attrs]


def _finding_pages(site) -> list[str]:
    """Pages in the audit section that report a finding (they carry 'What the audit found')."""
    pages = []
    for path in sorted((site.site / "audit-learning").glob("*/index.html")):
        url = path.parent.relative_to(site.site).as_posix() + "/"
        if url != "audit-learning/safety-planning/" and site.page(url).find_id(
                "what-the-audit-found") is not None:
            pages.append(url)
    return pages


def test_there_is_a_page_for_each_of_the_six_findings(site):
    assert len(_finding_pages(site)) == 6


def test_each_finding_page_has_every_section_and_links_into_the_sources(site):
    for url in _finding_pages(site):
        page = site.page(url)
        missing = [section for section in FINDING_SECTIONS if page.find_id(section) is None]
        assert not missing, f"{url} lacks sections {missing}"
        links = _links(site, url)
        assert any(link.startswith("sources/") and "#" in link for link in links), (
            f"{url} links to no row of the information sources")
        assert any(link.startswith("organisations/") for link in links), (
            f"{url} links to no organisation page")
        assert any(link.startswith("references/#") for link in links), f"{url} cites nothing"


def test_safety_planning_covers_what_the_issue_asks(site):
    page = site.page("audit-learning/safety-planning/")
    missing = [section for section in SAFETY_SECTIONS if page.find_id(section) is None]
    assert not missing, missing
    assert any(link.startswith("sources/") for link in _links(site, "audit-learning/safety-planning/"))


def test_every_citation_resolves_to_an_entry_on_the_references_page(site):
    references = site.page("references/")
    cited = set()
    for path in site.html_files():
        url = path.relative_to(site.site).as_posix().removesuffix("index.html")
        if url in {"404.html", "references/"}:  # the page's own heading links are not citations
            continue
        for link in _links(site, url):
            if link.startswith("references/#"):
                anchor = link.split("#", 1)[1]
                cited.add(anchor)
                assert references.find_id(anchor) is not None, f"{url} cites missing {anchor}"
    data = yaml.safe_load((ROOT / "docs/data/references.yml").read_text(encoding="utf-8"))
    listed = {entry["id"] for entry in data["references"]}
    assert cited <= listed
    assert {"hackett-2014", "brandon-2020", "gillespie-2018", "walker-2018", "malloy-2007",
            "essex-case-audit"} <= cited


def test_further_reading_uses_the_published_titles(site):
    text = site.page("references/").find_id("further-reading").parent.text()
    assert "“I wanted them all to notice”" in text
    assert "within the family environment" in text
    assert "I wanted them to Notice" not in text


def test_learning_points_each_link_to_where_the_site_acts(site):
    page = site.page("audit-learning/learning-points/")
    headings = [heading for heading in page.iter("h2") if heading.attrs.get("id") != "references"]
    assert len(headings) == 6
    for heading in headings:
        section_links = []
        sibling_index = heading.parent.children.index(heading)
        for node in heading.parent.children[sibling_index + 1:]:
            if getattr(node, "tag", None) == "h2":
                break
            if hasattr(node, "iter"):
                section_links += [link for link in node.iter("a")]
        assert section_links, f"learning point '{heading.text()}' links nowhere"


def test_home_page_has_a_way_in_for_each_user_and_says_what_the_site_is_not(site):
    text = site.page("").text()
    for way_in in ("I'm leading an assessment", "I work in another organisation",
                   "I'm running a training session", "I maintain this guidance"):
        assert way_in in text
    assert "does not decide" in text and "does not replace" in text


def test_a_planted_discouraged_term_fails_the_build_with_file_and_line(project: Project):
    line = project.edit("docs/audit-learning/retraction.md", "## Why it matters",
                        "The mother made an allegation last year.\n\n## Why it matters")
    result = project.build()
    assert not result.ok
    assert (f"docs/audit-learning/retraction.md:{line}: 'allegation', suggested alternative: "
            "what the child said") in result.log


def test_formal_use_can_be_marked(project: Project):
    project.edit("docs/audit-learning/retraction.md", "## Why it matters",
                 "The court heard the allegation. <!-- formal use -->\n\n## Why it matters")
    result = project.build()
    assert result.ok, result.log


def test_text_after_an_inserted_table_stays_out_of_the_table(site):
    """The block after an insert keeps its own shape: a heading stays a heading."""
    editors = site.page("language/").find_id("for-editors")
    assert editors is not None and editors.tag == "h2"
    for url in ("sources/", "language/", ""):
        cells = [cell.text() for cell in site.page(url).iter("td")]
        assert not [cell for cell in cells if cell.startswith(("#", "Source:"))], url
