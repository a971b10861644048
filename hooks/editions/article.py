"""A built page's article, as paper needs it: the page's own content without the site's chrome
and without what only works on a screen (buttons, controls, hidden parts, copy links).

Pages are parsed with tinyhtml5, the HTML parser WeasyPrint itself uses, into ElementTree
elements. Nothing here needs MkDocs: it reads the HTML the build wrote.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterator

import tinyhtml5

# What a reader can only use on a screen. Classes come from Material, the site's partials and the
# tools' templates (hooks/guidance/templates/); the print rules in guidance.css hide the same.
SCREEN_ONLY_CLASSES = frozenset({
    "headerlink", "row-link", "copy-link", "copy-link-status",  # links to copy, ¶ marks
    "page-review__edit", "page-review__address",  # the edit link; "printed from" a browser
    "tool-actions", "tool-choices", "tool-status", "tool-privacy", "tool-copy-buffer",
    "screen-only", "md-source-file", "md-content__button",
    # Said once for the whole PDF instead: the cover names the edition, and each citation leads
    # to its full reference (the references page, or the list a section PDF ends with).
    "edition-stamp", "print-references",
})
SCREEN_ONLY_TAGS = frozenset({"script", "noscript", "template", "button", "style", "link",
                              "textarea", "select"})
# Data for scripts, large and meaningless on paper.
DROPPED_ATTRIBUTES = ("data-tool-data", "tabindex", "onclick")
NAMESPACE = "{"


def parse(page_html: str) -> ET.Element:
    """The whole page as an element tree (``html`` at the root)."""
    return tinyhtml5.parse(page_html, namespace_html_elements=False)


def html_lang(root: ET.Element) -> str:
    """The language the page declares on its ``html`` element."""
    return root.get("lang", "").strip()


def article_of(root: ET.Element) -> ET.Element:
    """The page's article: Material writes the content in ``article.md-content__inner``."""
    for element in root.iter("article"):
        if "md-content__inner" in element.get("class", "").split():
            return element
    found = root.find(".//article")
    if found is None:
        raise ValueError("the page has no <article>: was it built with the site's theme?")
    return found


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def screen_only(element: ET.Element) -> bool:
    """Whether a reader could only use the element on a screen, or never sees it at all."""
    if not isinstance(element.tag, str):
        return False
    if element.tag in SCREEN_ONLY_TAGS or "hidden" in element.attrib:
        return True
    if element.get("aria-hidden") == "true" and not "".join(element.itertext()).strip():
        return True
    if element.tag == "input" and element.get("type") in {"hidden", "text", "search"}:
        return True
    return bool(classes(element) & SCREEN_ONLY_CLASSES) or "data-screen-only" in element.attrib


def remove(element: ET.Element, parent: ET.Element) -> None:
    """Take ``element`` out, keeping the text that followed it."""
    position = list(parent).index(element)
    if element.tail:
        if position:
            previous = parent[position - 1]
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def with_parents(root: ET.Element) -> Iterator[tuple[ET.Element, ET.Element]]:
    for parent in root.iter():
        for child in list(parent):
            yield child, parent


def keep_anchor(element: ET.Element, parent: ET.Element) -> None:
    """Put an empty element with ``element``'s id in its place, so a link to it still lands."""
    anchor = ET.Element("span", {"id": element.get("id", ""), "class": "edition-anchor"})
    anchor.tail = element.tail
    parent.insert(list(parent).index(element), anchor)
    element.tail = None


def for_paper(article: ET.Element) -> ET.Element:
    """The article without what only works on screen: the controls, buttons, hidden parts,
    copy links and ¶ marks go; a note shown only when an old address is followed keeps its id;
    radio buttons and tick boxes become boxes to tick by hand; collapsed details open."""
    for element, parent in list(with_parents(article)):
        if not isinstance(element.tag, str):  # comments
            remove(element, parent)
        elif "moved-section" in classes(element):
            keep_anchor(element, parent)
            remove(element, parent)
        elif screen_only(element):
            remove(element, parent)
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.startswith(NAMESPACE):  # SVG or MathML: written as HTML writes them
            element.tag = element.tag.rsplit("}", 1)[1]
        for name in [name for name in element.attrib if name.startswith(NAMESPACE)]:
            local = name.rsplit("}", 1)[1]
            element.set(f"xlink:{local}" if "xlink" in name else local, element.attrib.pop(name))
        for name in DROPPED_ATTRIBUTES:
            element.attrib.pop(name, None)
        if element.tag == "input":
            kind = element.get("type", "text")
            element.tag, element.attrib = "span", {"class": f"tick-box tick-box--{kind}"}
        elif element.tag == "details":
            element.tag, element.attrib = "div", {**element.attrib, "class": (
                element.get("class", "") + " details").strip()}
            element.attrib.pop("open", None)
        elif element.tag == "summary":
            element.tag = "p"
            element.set("class", (element.get("class", "") + " details-title").strip())
        elif element.tag == "form":
            element.tag = "div"
            element.attrib = {"class": element.get("class", "")}
    return article


def serialise(element: ET.Element) -> str:
    """An element written as HTML (void elements unclosed, text escaped)."""
    return ET.tostring(element, method="html", encoding="unicode")
