"""On paper a citation is a short label whose link cannot be followed, so each page that cites a
source carries its references in full, shown only in print (guidance.css hides it on screen).

Plain Python: the page's HTML in (citations in Markdown and those the tools' templates write as
HTML alike), a block of HTML out.
"""

from __future__ import annotations

import re
from html import escape

from . import records as r
from .data_text import words_only

# A citation on a built page: a link to the References page (as a folder or as a file), with the
# reference's id.
_CITED = re.compile(r'href="(?:[^"#]*/)?references(?:/|/index\.html|\.html)#'
                    r'(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)"')


def cited_ids(html: str) -> list[str]:
    """The ids of the references a page cites, in the order it first cites them."""
    return list(dict.fromkeys(match["id"] for match in _CITED.finditer(html)))


def full_references(html: str, references: tuple[r.Reference, ...]) -> str:
    """The print-only list of every reference the page cites, in full, with its web address
    written out; an empty string for a page that cites none."""
    known = {reference.id: reference for reference in references}
    cited = [known[ref_id] for ref_id in cited_ids(html) if ref_id in known]
    if not cited:
        return ""
    items = []
    for reference in cited:
        text = escape(words_only(reference.citation))  # on paper, a link is only its words
        address = f" {escape(reference.url)}" if reference.url else ""
        items.append(f"<li>{text}{address}</li>")
    return ('<div class="print-references"><p class="print-references__title">'
            "<strong>References cited on this page, in full</strong></p>"
            f'<ol>{"".join(items)}</ol></div>')
