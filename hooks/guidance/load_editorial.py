"""Load the editors' records: each page's review details, the list of changes, the redirects, and
the list of published links. Problems go to the shared reader, so they are reported with the rest.
"""

from __future__ import annotations

import re
from datetime import date

from . import model
from .files import CHANGES_FILE, PUBLISHED_LINKS_FILE, REDIRECTS_FILE
from .links import LinkTargets
from .problems import Problem
from .reading import DataReader
from .review import DATE
from .schema import PAGE_ADDRESS, RECORD_LIST, TEXT, Field, Kind

SITE_LINK = re.compile(r"^/(?:[A-Za-z0-9._~-]+/)*(?:[A-Za-z0-9._~-]+\.html)?(?:#[A-Za-z0-9_-]+)?$")
SITE_ADDRESS = Kind(lambda value: isinstance(value, str) and SITE_LINK.match(value) is not None,
                    "a site address starting with /, like /sources/trauma/#social-care-records")
PAGE_LIST = Kind(lambda value: isinstance(value, list) and len(value) > 0
                 and all(PAGE_ADDRESS.accepts(item) for item in value),
                 "a list of pages under docs/ in square brackets, like "
                 "[audit-learning/retraction.md, sources/trauma.md#social-care-records]")
CHANGE = {"date": Field(DATE), "summary": Field(TEXT), "pages": Field(PAGE_LIST)}
REDIRECT = {"from": Field(SITE_ADDRESS), "to": Field(SITE_ADDRESS)}


class EditorialLoader:
    def __init__(self, reader: DataReader, *, targets: LinkTargets, today: date,
                 site_url: str = "") -> None:
        self.reader = reader
        self.targets = targets
        self.today = today
        self.site_url = site_url.rstrip("/")

    def page_reviews(self) -> dict[str, model.Review]:
        """Each hand-written page's review, by its path under docs/."""
        reviews = {}
        for path in sorted(self.reader.docs_dir.rglob("*.md")):
            relative = path.relative_to(self.reader.docs_dir).as_posix()
            review = self.reader.review_reader.from_page(path.read_text(encoding="utf-8"),
                                                         self.reader.display(relative))
            if review is not None:
                reviews[relative] = review
        return reviews

    def changes(self) -> list[model.Change]:
        """The changes, newest first; changes on the same day keep the file's order."""
        display = self.reader.display(CHANGES_FILE)
        data = self.reader.read(CHANGES_FILE, {"changes": Field(RECORD_LIST)},
                                "the list of changes")
        if data is None:
            return []
        changes = []
        for record, _ in self.reader.records(data, "changes", CHANGE, display=display,
                                             what="a change"):
            day = date.fromisoformat(record["date"])
            if day > self.today:
                self._problem(display, record.line_of("date"),
                              f"the change date {record['date']} is in the future",
                              f"Write the date the change was published (today is "
                              f"{self.today.isoformat()}).")
            for page in record["pages"]:
                found = self.targets.problem_with(page)
                if found:
                    self._problem(display, record.line_of("pages"), *found)
            changes.append(model.Change(date=day, summary=" ".join(record["summary"].split()),
                                        pages=tuple(record["pages"]),
                                        titles=tuple(self.targets.title_of(page) or page
                                                     for page in record["pages"])))
        return sorted(changes, key=lambda change: change.date, reverse=True)

    def redirects(self) -> list[model.Redirect]:
        display = self.reader.display(REDIRECTS_FILE)
        data = self.reader.read(REDIRECTS_FILE, {"redirects": Field(RECORD_LIST)},
                                "the list of redirects", reviewed=False)
        if data is None:
            return []
        redirects = []
        for record, line in self.reader.entries(data, "redirects", REDIRECT, display=display,
                                                what="a redirect", unique="from",
                                                label="the address in `from`"):
            if record["from"] == record["to"]:
                self._problem(display, record.line_of("to"), "this redirect leads to itself",
                              "Write the section's new address in `to`.")
                continue
            redirects.append(model.Redirect(from_link=record["from"], to_link=record["to"],
                                            source=model.Source(display, line)))
        return redirects

    def published_links(self) -> list[model.PublishedLink]:
        """The published links: one site address per line; # starts a comment line."""
        display = self.reader.display(PUBLISHED_LINKS_FILE)
        path = self.reader.docs_dir / PUBLISHED_LINKS_FILE
        if not path.is_file():
            self._problem(display, 1, "this file is missing",
                          f"Restore {display} from the main branch: it lists the links that "
                          "must keep working.")
            return []
        links, seen = [], {}
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            link = text.strip()
            if not link or link.startswith("# ") or link == "#":
                continue
            if self.site_url and link.startswith(self.site_url + "/"):
                link = link[len(self.site_url):]
            if SITE_LINK.match(link) is None:
                self._problem(display, number, f"'{link}' is not a site address",
                              "Each line is one address starting with /, like "
                              "/sources/trauma/#social-care-records. Comment lines start with "
                              "# and a space.")
            elif link in seen:
                self._problem(display, number, f"'{link}' is listed twice (first on line "
                              f"{seen[link]})", "Delete this line.")
            else:
                seen[link] = number
                links.append(model.PublishedLink(link=link, line=number))
        return links

    def _problem(self, display: str, line: int, message: str, hint: str) -> None:
        self.reader.problems.append(Problem(display, line, message, hint))
