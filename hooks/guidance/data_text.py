"""Data is text: how a value from a data file is written into a page made from data.

A reviewer reading a YAML diff cannot be expected to spot markup, so nothing in data is ever read
as HTML or as Markdown beyond a small, documented set (``editing/fields.md#text``):

- **plain text** fields are shown exactly as written: every character Markdown or HTML would act
  on is escaped (:func:`plain`);
- fields declared with **links and emphasis** may also use ``[words](address)``, ``*emphasis*``
  and ``**strong**`` (:func:`inline`). An address is a page under docs/ (like
  ``references.md#hackett-2014``), written the same wherever the text appears, or ``https://``;
- anything that looks like an HTML tag in any field is refused at its line (:func:`html_in`).

This module imports nothing from MkDocs, Markdown or Jinja: the standalone data check uses it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Iterator

# Characters Markdown (with this site's extensions: tables, attr_list, abbr) acts on anywhere in a
# line. Python-Markdown undoes a backslash before each of them.
_INLINE = frozenset("\\`*_{}[]|#")  # a # also ends a heading if it is the last thing on it
# Characters that only act at the start of a line (headings, lists, quotes, admonitions, fences,
# definition lists, setext underlines): written as character references there.
_LINE_START = frozenset("#>+-=:!?~")
_ORDERED = re.compile(r"^(\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# An HTML tag, comment or declaration. "a < b", "<18" and "aged <five" are text (and escaped).
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<!--|<![A-Za-z\[]|<\?")
_LINK = re.compile(r"\[(?P<words>[^\[\]]+)\]\((?P<address>(?:[^()\s]|\([^()\s]*\))*)\)")
_STRONG = re.compile(r"\*\*(?=\S)(?P<inner>[^*\n]+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"\*(?=[^\s*])(?P<inner>[^*\n]+?)(?<=[^\s*])\*")
_INLINE_MARKUP = re.compile(f"{_LINK.pattern}|{_STRONG.pattern.replace('inner', 'strong')}|"
                            f"{_EMPHASIS.pattern}")
# A page under docs/, perhaps with a section: how every link in data is written.
PAGE_PATH = re.compile(r"^[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.md(?:#[A-Za-z0-9_-]+)?$")
_WEB = re.compile(r"^https://[A-Za-z0-9.-]+(?:[/?#][^\s<>\"'`\\]*)?$")

LinkTo = Callable[[str], str]  # a page under docs/ (perhaps with #section) -> address from here


@dataclass(frozen=True)
class Link:
    """A link written in a text field: its address, and how far into the text it is."""

    address: str
    offset: int

    @property
    def is_page(self) -> bool:
        return not self.address.startswith("https://")


def _escape_characters(text: str) -> str:
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + char if char in _INLINE else char for char in text)


def _escape_line_start(line: str, *, keep_spaces: bool = False) -> str:
    """Keep a line from starting a block: a heading, list, quote, fence or code block."""
    if keep_spaces and line[:1].isspace():
        return line  # never at the start of a line: templates do not start lines with spaces
    line = line.lstrip()
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered.group(1)}&#{ord(ordered.group(2))};{line[ordered.end():]}"
    if line and line[0] in _LINE_START:
        return f"&#{ord(line[0])};{line[1:]}"
    return line


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _paragraphs(text: str) -> list[str]:
    """A text's paragraphs, each on one line: a line break inside a paragraph is a space."""
    return [" ".join(paragraph.split()) for paragraph in _PARAGRAPH_BREAK.split(str(text).strip())]


def plain(text: str) -> str:
    """Text from data as Markdown that shows exactly the same characters, on any line. Text of
    one line keeps its spaces: it may be a piece of a line, like ", " between links."""
    text = str(text)
    if "\n" not in text:
        return _escape_line_start(_escape_characters(text), keep_spaces=True)
    return "\n\n".join(_escape_line_start(_escape_characters(paragraph))
                       for paragraph in _paragraphs(text))


def inline(text: str, link_to: LinkTo) -> str:
    """Text from a field that allows links and emphasis, as Markdown: those are kept (each link's
    address made to work from the page it lands on) and everything else shows as written."""
    return "\n\n".join(_inline_line(paragraph, link_to) for paragraph in _paragraphs(text))


def _inline_line(line: str, link_to: LinkTo) -> str:
    parts, position = [], 0
    line = line.strip()
    for match in _INLINE_MARKUP.finditer(line):
        parts.append(_escape_characters(line[position:match.start()]))
        if match.group("address") is not None:
            words, address = match.group("words"), match.group("address")
            target = address if address.startswith("https://") else link_to(address)
            parts.append(f"[{_inline_line(words, link_to)}]({target})")
        elif match.group("strong") is not None:
            parts.append(f"**{_escape_characters(match.group('strong'))}**")
        else:
            parts.append(f"*{_escape_characters(match.group('inner'))}*")
        position = match.end()
    parts.append(_escape_characters(line[position:]))
    joined = "".join(parts)
    return joined if joined[:1] in ("*", "[") else _escape_line_start(joined)


def inline_html(text: str, link_to: LinkTo, escape_text: Callable[[str], str]) -> str:
    """Text from a field that allows links and emphasis, as HTML for raw-HTML templates: the
    links and emphasis kept, every other part escaped by ``escape_text``."""
    parts, position = [], 0
    text = " ".join(str(text).split())
    for match in _INLINE_MARKUP.finditer(text):
        parts.append(escape_text(text[position:match.start()]))
        if match.group("address") is not None:
            words, address = match.group("words"), match.group("address")
            target = address if address.startswith("https://") else link_to(address)
            parts.append(f'<a href="{html.escape(target)}">'
                         f'{inline_html(words, link_to, escape_text)}</a>')
        elif match.group("strong") is not None:
            parts.append(f"<strong>{escape_text(match.group('strong'))}</strong>")
        else:
            parts.append(f"<em>{escape_text(match.group('inner'))}</em>")
        position = match.end()
    parts.append(escape_text(text[position:]))
    return "".join(parts)


def words_only(text: str, address: Callable[[str], str] | None = None) -> str:
    """A field with links and emphasis as plain words: the link's words, no asterisks. Given
    ``address``, each link's words are followed by its address in brackets, as ``address`` gives
    it, as text that leaves the site (a copied request) writes them."""
    def replace(match: re.Match) -> str:
        if match.group("address") is not None:
            words = words_only(match.group("words"))
            return f"{words} ({address(match.group('address'))})" if address else words
        return match.group("strong") or match.group("inner")
    return _INLINE_MARKUP.sub(replace, str(text))


def links_in(text: str) -> Iterator[Link]:
    """Every ``[words](address)`` in a text field."""
    for match in _LINK.finditer(str(text)):
        yield Link(match.group("address"), match.start())


def address_problem(address: str) -> str | None:
    """Why a link's address in data cannot be used, or None if it can."""
    if address.startswith("https://"):
        return None if _WEB.match(address) else "this web address has characters it cannot have"
    if address.startswith(("http://", "mailto:")) or ":" in address.split("/")[0]:
        return "a link in data can only lead to a page under docs/ or a https:// address"
    if address.startswith(("../", "./", "/")):
        return "a link in data is written as the page's path under docs/, without ../ or /"
    if not PAGE_PATH.match(address):
        return "this is not the path of a page under docs/, like references.md#an-id"
    return None


def html_in(text: str) -> str | None:
    """The first thing in a text field that looks like HTML, or None."""
    match = _TAG.search(str(text))
    return match.group(0)[:40] if match else None
