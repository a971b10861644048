"""Reading a PDF edition back as a reader's software would, with pypdf: each page's text, the
bookmarks, the links and the contents list, so tests assert on the PDF itself rather than on the
HTML it was made from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import Destination

# A contents line: its words, a leader of dots, and a page number.
CONTENTS_LINE = re.compile(r"^(?P<title>.*?\S)\s*(?:\.\s*){3,}(?P<page>\d+)$")


@dataclass(frozen=True)
class Bookmark:
    title: str
    level: int  # 1 for the top level
    page: int  # counting from 1


@dataclass(frozen=True)
class Link:
    page: int  # the page the link is on, counting from 1
    uri: str | None  # an address outside the PDF
    target: int | None  # the page a link within the PDF leads to, counting from 1


def squeezed(text: str) -> str:
    """Text with every space and line break removed, so words a line break or a table cell
    split are found whole (the editions do not hyphenate)."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def true(value) -> bool:
    """Whether a PDF value is the boolean true (pypdf gives its own boolean objects)."""
    return getattr(value, "value", value) is True


class Pdf:
    """One PDF, read once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)
        self._texts: dict[int, str] = {}

    @cached_property
    def texts(self) -> list[str]:
        return [self.page_text(number) for number in range(1, len(self.reader.pages) + 1)]

    def page_text(self, number: int) -> str:
        """One page's text (counting from 1), read once: extraction takes a while a page."""
        if number not in self._texts:
            self._texts[number] = self.reader.pages[number - 1].extract_text() or ""
        return self._texts[number]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def catalog(self):
        return self.reader.trailer["/Root"]

    def bookmarks(self) -> list[Bookmark]:
        found: list[Bookmark] = []

        def walk(items, level: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    found.append(Bookmark(str(item.title), level,
                                          self.reader.get_destination_page_number(item) + 1))
        walk(self.reader.outline, 1)
        return found

    def _named(self, name: str) -> int | None:
        destination = self.reader.named_destinations.get(name)
        return None if destination is None else (
            self.reader.get_destination_page_number(destination) + 1)

    def links(self) -> list[Link]:
        """Every link annotation: a URI, or a destination within the PDF (a named destination
        or a GoTo action), resolved to its page."""
        found = []
        for number, page in enumerate(self.reader.pages, start=1):
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") != "/Link":
                    continue
                action = annotation.get("/A")
                action = action.get_object() if action is not None else None
                if action is not None and action.get("/S") == "/URI":
                    found.append(Link(number, str(action["/URI"]), None))
                    continue
                destination = annotation.get("/Dest")
                if action is not None and action.get("/S") == "/GoTo":
                    destination = action.get("/D")
                found.append(Link(number, None, self._target(destination)))
        return found

    def _target(self, destination) -> int | None:
        if destination is None:
            return None
        destination = destination.get_object() if hasattr(destination, "get_object") else \
            destination
        if isinstance(destination, (str, bytes)) or hasattr(destination, "original_bytes"):
            return self._named(str(destination))
        if isinstance(destination, Destination):
            return self.reader.get_destination_page_number(destination) + 1
        page = destination[0]
        for number, candidate in enumerate(self.reader.pages, start=1):
            if candidate.indirect_reference == page:
                return number
        return None

    def contents(self) -> list[tuple[str, int]]:
        """The contents list's entries, as (words, page number), from the pages after the
        cover that are made of contents lines."""
        entries: list[tuple[str, int]] = []
        for text in self.texts[1:]:
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            matched = [CONTENTS_LINE.match(line) for line in lines]
            if not any(matched):
                break
            entries += [(match["title"], int(match["page"])) for match in matched if match]
        return entries

    def first_page_opening_with(self, words: str, *, after: int, lines: int = 2) -> int | None:
        """The first page, after page ``after``, that opens with a line reading ``words``: a
        page's own first heading, or the one under a section's title at the top of a page.
        (Running headers and footers come last in a page's text.)"""
        for number, text in enumerate(self.texts, start=1):
            opening = [line.strip() for line in text.splitlines() if line.strip()][:lines]
            if number > after and words in opening:
                return number
        return None
