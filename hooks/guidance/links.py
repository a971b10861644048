"""Which pages and sections a link in the data may point to, so a broken link stops the build
with the data file's line rather than surfacing later as a dead link on a tool page."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from . import model
from .pages import (CHANGES, GLOSSARY, ORGANISATIONS_INDEX, REFERENCES, REVIEW_STATUS,
                    category_page, holder_page)

HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
HEADING_ID = re.compile(r"\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}\s*$")
ATTRIBUTE_ID = re.compile(r"\{:?[^}\n]*?#([A-Za-z0-9_-]+)")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def markdown_anchors(text: str) -> dict[str, str]:
    """The section ids a hand-written page will have, each with its heading's words ("" for an id
    not on a heading): explicit ``{ #id }`` ids, raw HTML ids, and the id MkDocs makes from a
    heading's words when none is given."""
    text = FENCE.sub("", text)
    anchors = dict.fromkeys([*ATTRIBUTE_ID.findall(text), *HTML_ID.findall(text)], "")
    for heading in HEADING.findall(text):
        explicit = HEADING_ID.search(heading)
        words = HEADING_ID.sub("", heading).strip()
        anchors[explicit.group(1) if explicit else slugify(words, "-")] = words
    return anchors


def page_title(text: str) -> str:
    """A hand-written page's title: its first level-one heading."""
    match = re.search(r"^#[ \t]+(.+?)[ \t]*$", FENCE.sub("", text), re.MULTILINE)
    return HEADING_ID.sub("", match.group(1)).strip() if match else ""


@dataclass
class LinkTargets:
    """Pages under docs/ and the sections of each, with their headings' words; ``None`` means the
    page has no sections the data can name."""

    pages: dict[str, dict[str, str] | None] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, docs_dir: Path, *, categories: list[model.Category],
           holders: list[model.Holder], terms: list[model.Term],
           references: list[model.Reference], category_heading_ids: frozenset[str]) -> LinkTargets:
        targets = cls()
        for path in sorted(docs_dir.rglob("*.md")):
            relative = path.relative_to(docs_dir).as_posix()
            text = path.read_text(encoding="utf-8")
            targets.pages[relative] = markdown_anchors(text)
            targets.titles[relative] = page_title(text)
        for category in categories:
            targets.pages[category_page(category)] = {
                **{row.id: row.information for row in category.rows},
                **dict.fromkeys(category_heading_ids, "")}
            targets.titles[category_page(category)] = category.title
        for holder in holders:
            targets.pages[holder_page(holder.id)] = None
            targets.titles[holder_page(holder.id)] = holder.name
        targets.pages[ORGANISATIONS_INDEX] = {holder.id: holder.name for holder in holders}
        targets.pages[GLOSSARY] = {term.anchor: term.term for term in terms}
        targets.pages[REVIEW_STATUS] = None
        targets.titles[REVIEW_STATUS] = "Review status"
        targets.pages[CHANGES] = None
        targets.titles[CHANGES] = "Changes to this guidance"
        targets.pages[REFERENCES] = {**{reference.id: "" for reference in references},
                                     "references": "References",
                                     "further-reading": "Further reading"}
        return targets

    def title_of(self, link: str) -> str:
        """Words for a link that say where it goes: the page's title, then the section's."""
        page, _, anchor = link.partition("#")
        title = self.titles.get(page, "")
        section = (self.pages.get(page) or {}).get(anchor, "") if anchor else ""
        return f"{title}: {section}" if title and section else title or section

    def problem_with(self, link: str) -> tuple[str, str] | None:
        """What is wrong with a link like ``audit-learning/retraction.md#good-practice``, and how
        to fix it; ``None`` if it resolves."""
        page, _, anchor = link.partition("#")
        if page not in self.pages:
            close = difflib.get_close_matches(page, list(self.pages), n=1)
            suggestion = f"Did you mean '{close[0]}'? " if close else ""
            return (f"the guidance link '{link}' points to a page that does not exist",
                    f"{suggestion}Write the page's path under docs/, like "
                    "audit-learning/retraction.md, then # and a section id if you want one.")
        anchors = self.pages[page]
        if not anchor:
            return None
        if anchors is None:
            return (f"the guidance link '{link}' names a section of {page}, which has none "
                    "that can be linked from data",
                    f"Link to the page itself: {page}")
        if anchor not in anchors:
            close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
            suggestion = f"Did you mean '#{close[0]}'? " if close else ""
            return (f"the guidance link '{link}' points to a section that {page} does not have",
                    f"{suggestion}Use the id in {{ #... }} after the heading you want, or link to "
                    "the page without a section.")
        return None
