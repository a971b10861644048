"""The plain-Python parts of the editions, on small pages written here: what paper leaves out of
a page, and where each kind of link leads in a PDF. No MkDocs and no rendering: each runs in
milliseconds."""

from __future__ import annotations

from editions.article import article_of, for_paper, parse, serialise
from editions.links import REFERENCES_ID, EditionLinks, ids_in

PAGE = """<!doctype html><html lang="en"><body><header>Site header</header><nav>Navigation</nav>
<article class="md-content__inner md-typeset">
<h1 id="title">Title<a class="headerlink" href="#title">¶</a></h1>
<p>Before <button class="copy-link">copy</button>after the button.</p>
<div class="admonition warning review-overdue" hidden><p>Overdue notice</p></div>
<p class="moved-section" id="old-heading">This section moved.</p>
<div class="guidance-tool" data-tool="checklist" data-tool-data="{&quot;a&quot;: 1}">
<p class="tool-privacy">Nothing is kept.</p>
<form><fieldset><legend>Is it done?</legend>
<label class="tool-option"><input type="radio" name="q" value="yes"> Yes</label>
</fieldset></form>
<div class="tool-actions"><button type="button">Reset</button></div>
<p class="screen-only">Choose an answer above.</p>
<script type="module" src="tool.js"></script>
</div>
<details><summary>More</summary><p>Folded text</p></details>
<table><thead><tr><th>Kind</th></tr></thead><tbody><tr><td id="row">A row
<a class="row-link" href="#row">¶</a></td></tr></tbody></table>
<footer class="page-review"><p class="page-review__address">Printed from x</p>
<dl><dt>Last reviewed</dt><dd>1 May 2026</dd></dl>
<p class="page-review__edit"><a href="https://code.example/edit">Edit this page</a></p></footer>
</article><footer>Site footer</footer></body></html>"""


def _paper() -> str:
    return serialise(for_paper(article_of(parse(PAGE))))


def test_paper_keeps_the_page_and_leaves_out_the_site_and_what_works_only_on_screen():
    html = _paper()
    for kept in ("Title", "Before", "after the button.", "Is it done?", "Yes", "Folded text",
                 "A row", "Last reviewed", 'id="row"', 'id="title"'):
        assert kept in html, kept
    for left_out in ("Site header", "Navigation", "Site footer", "¶", "copy", "Overdue notice",
                     "Nothing is kept", "Reset", "Choose an answer", "<script", "<button",
                     "data-tool-data", "Printed from", "Edit this page", "This section moved",
                     "<input", "<form", "<details"):
        assert left_out not in html, left_out


def test_a_note_for_an_old_address_leaves_its_id_and_answers_become_boxes_to_tick():
    article = for_paper(article_of(parse(PAGE)))
    assert "old-heading" in ids_in(article), "a link to the old section must still land"
    boxes = [element for element in article.iter("span")
             if "tick-box--radio" in element.get("class", "")]
    assert len(boxes) == 1


def _links(**changes) -> EditionLinks:
    settings = dict(pages={"a/": "page-a", "b/": "page-b"},
                    ids={"a/": {"top", "x"}, "b/": {"y"}, "c/": {"z"},
                         "references/": {"smith-2020"}},
                    published_address="https://guidance.example.org/",
                    references_url="references/")
    return EditionLinks(**{**settings, **changes})


def _rewritten(body: str, links: EditionLinks, page: str = "a/") -> str:
    article = parse(f"<article>{body}</article>").find(".//article")
    return serialise(links.rewrite(article, page))


def test_ids_are_prefixed_with_their_page_and_so_are_references_to_them():
    html = _rewritten('<h2 id="top">T</h2><section aria-labelledby="top"></section>'
                      '<label for="x">L</label>', _links())
    assert 'id="page-a--top"' in html
    assert 'aria-labelledby="page-a--top"' in html and 'for="page-a--x"' in html


def test_links_to_pages_in_the_pdf_lead_within_it():
    links = _links()
    html = _rewritten('<a href="#x">same page</a> <a href="../b/#y">section</a> '
                      '<a href="../b/#gone">lost section</a> <a href="../b/">page</a>', links)
    assert 'href="#page-a--x"' in html
    assert 'href="#page-b--y"' in html
    assert html.count('href="#page-b"') == 2, "a section the page lacks leads to the page"
    assert "guidance.example.org" not in html


def test_a_page_the_pdf_leaves_out_is_written_out_as_its_published_address():
    html = _rewritten('<a href="../c/#z">elsewhere</a>', _links())
    address = "https://guidance.example.org/c/#z"
    assert f'href="{address}"' in html and f"({address})" in html


def test_a_citation_leads_to_the_references_the_pdf_ends_with_when_it_has_no_references_page():
    links = _links()
    html = _rewritten('<a href="../references/#smith-2020">Smith, 2020</a>', links)
    assert f'href="#{REFERENCES_ID}--smith-2020"' in html
    assert links.cited == ["smith-2020"]
    whole = _links(pages={"a/": "page-a", "references/": "page-references"})
    html = _rewritten('<a href="../references/#smith-2020">Smith, 2020</a>', whole)
    assert 'href="#page-references--smith-2020"' in html and whole.cited == []


def test_an_address_is_written_out_once():
    html = _rewritten('<a href="https://example.org/study">the study</a> '
                      '<a href="https://example.org/">https://example.org/</a> '
                      '<a href="mailto:help@example.org">help@example.org</a> '
                      '<a href="mailto:help@example.org">write to us</a>', _links())
    assert "the study<span class=\"link-address\"> (https://example.org/study)</span>" in html
    assert "(https://example.org/)" not in html, "an address shown as the words is not repeated"
    assert html.count("(help@example.org)") == 1 and "(mailto:" not in html
