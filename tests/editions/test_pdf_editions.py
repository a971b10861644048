"""The guide on paper, made by the real command from the frozen test project: one PDF for the
whole guide and one per top-level section, each with a cover, a contents list whose page numbers
are where each page starts, bookmarks that follow the navigation, links that work within the PDF
and addresses written out, and tagged with its language and title. What to expect is read from
the project's data, its mkdocs.yml and its built site (tests/editions/expected.py), never from the
editions' own code."""

from __future__ import annotations

import posixpath
import re

import pytest
import yaml

from tests.editions.conftest import Editions
from tests.editions.expected import Entry, Part, file_slug, heading, navigation
from tests.support import content
from tests.support.dates import FIXTURE_TODAY, long_date
from tests.support.nav import settings
from tests.support.pdf import Pdf, squeezed, true
from tests.support.project import BuildResult

REFERENCES = "References"  # the heading of the list of references a section PDF ends with


def _settings(editions: Editions) -> dict:
    return yaml.safe_load(editions.project.read("docs/data/partnership.yml"))


def _site_name(editions: Editions) -> str:
    return settings(editions.project.root)["site_name"]


def _whole(editions: Editions) -> Pdf:
    name = f"{file_slug(_site_name(editions))}-{FIXTURE_TODAY.isoformat()}.pdf"
    assert (editions.folder / name).is_file(), [path.name for path in editions.files()]
    return editions.pdf(editions.folder / name)


def _section_pdf(editions: Editions, part: Part) -> Pdf:
    name = (f"{file_slug(_site_name(editions))}-{file_slug(part.title)}-"
            f"{FIXTURE_TODAY.isoformat()}.pdf")
    assert (editions.folder / name).is_file(), [path.name for path in editions.files()]
    return editions.pdf(editions.folder / name)


@pytest.fixture(scope="module")
def parts(fixture_editions: Editions, fixture_site: BuildResult) -> list[Part]:
    return navigation(fixture_editions.project.root, fixture_site)


def _sections(parts: list[Part]) -> list[Part]:
    return [part for part in parts if part.section]


def _entries(parts: list[Part]) -> list[Entry]:
    return [entry for part in parts for entry in part.entries]


def _part_holding(parts: list[Part], docs_path: str) -> Part:
    url = content.page_address(docs_path)
    return next(part for part in parts if any(entry.url == url for entry in part.entries))


def test_one_pdf_for_the_whole_guide_and_one_for_each_section(fixture_editions, parts):
    """Named so a reader knows what each holds and which edition it is; the sections come from
    the navigation, and pages outside any section are in the whole guide only."""
    names = {path.name for path in fixture_editions.files()}
    guide, day = file_slug(_site_name(fixture_editions)), FIXTURE_TODAY.isoformat()
    assert names == {f"{guide}-{day}.pdf"} | {f"{guide}-{file_slug(part.title)}-{day}.pdf"
                                               for part in _sections(parts)}
    for name in names:
        assert f"{name}: " in fixture_editions.run.stdout, fixture_editions.run.stdout


def test_the_cover_names_the_partnership_the_guide_the_edition_and_where_to_check(
        fixture_editions, parts):
    settings = _settings(fixture_editions)
    editions = [(_whole(fixture_editions), None)] + [
        (_section_pdf(fixture_editions, part), part.title) for part in _sections(parts)]
    for pdf, section in editions:
        cover = pdf.page_text(1)
        for words in (settings["name"], _site_name(fixture_editions), long_date(FIXTURE_TODAY),
                      f"Check {settings['published_address']} for the current version",
                      section or ""):
            assert squeezed(words) in squeezed(cover), (pdf.path.name, words, cover)


def test_the_bookmarks_follow_the_navigation(fixture_editions, parts):
    whole = _whole(fixture_editions)
    assert [(mark.title, mark.level) for mark in whole.bookmarks()] == [
        (entry.title, entry.level) for entry in _entries(parts)]
    for part in _sections(parts):
        pdf = _section_pdf(fixture_editions, part)
        marks = [(mark.title, mark.level) for mark in pdf.bookmarks()]
        references = [(REFERENCES, 1)] if marks[-1:] == [(REFERENCES, 1)] else []
        assert marks == [(entry.title, entry.level) for entry in part.entries] + references, \
            part.title


def _contents_checked(pdf: Pdf, entries: list[Entry], site: BuildResult) -> None:
    """Each contents line names its entry, and its page number is the first page after the
    contents that opens with the entry's heading."""
    listed = pdf.contents()
    assert [title for title, _ in listed][:len(entries)] == [entry.title for entry in entries]
    last_contents = next(number for number, text in enumerate(pdf.texts, start=1)
                         if number > 1 and not any(line.strip().endswith(tuple("0123456789"))
                                                   and ". ." in line
                                                   for line in text.splitlines())) - 1
    for (title, number), entry in zip(listed, entries):
        words = heading(site, entry)
        assert pdf.first_page_opening_with(words, after=last_contents) == number, (
            f"{pdf.path.name}: the contents say {title!r} starts on page {number}, but its "
            f"heading {words!r} first opens page "
            f"{pdf.first_page_opening_with(words, after=last_contents)}")


def test_the_contents_page_numbers_are_where_each_page_starts(fixture_editions, parts,
                                                              fixture_site):
    _contents_checked(_whole(fixture_editions), _entries(parts), fixture_site)
    for part in _sections(parts):
        _contents_checked(_section_pdf(fixture_editions, part), part.entries, fixture_site)


def test_every_page_after_the_cover_has_a_running_header_and_its_page_number(
        fixture_editions, parts):
    pdf = _whole(fixture_editions)
    total = len(pdf.texts)
    assert f"Page 1 of {total}" not in pdf.texts[0], "the cover has no page number"
    for number, text in enumerate(pdf.texts[1:], start=2):
        assert f"Page {number} of {total}" in text, text
    for (title, number) in pdf.contents():
        assert title in pdf.texts[number - 1], f"page {number} has no header naming {title!r}"


def _markdown_links(editions: Editions, docs_path: str) -> list[str]:
    """The addresses a page's Markdown links to, as paths under docs/ (with any #section)."""
    text = editions.project.read(f"docs/{docs_path}")
    folder = posixpath.dirname(docs_path)
    return [posixpath.normpath(posixpath.join(folder, target))
            for target in re.findall(r"\]\(([^)\s]+)\)", text)
            if "://" not in target and not target.startswith("#")]


def test_links_within_the_guide_lead_within_the_pdf(fixture_editions, parts):
    """Each link a finding page writes (to a row, an organisation, a reference) leads to the
    page where that page starts in the PDF; none leads out to the published site."""
    pdf = _whole(fixture_editions)
    links = pdf.links()
    assert all(link.uri is not None or link.target is not None for link in links), \
        "a link within the PDF leads nowhere"
    published = _settings(fixture_editions)["published_address"].rstrip("/") + "/"
    pages = {entry.url for entry in _entries(parts)} - {""}
    to_site = [link.uri for link in links if link.uri and link.uri.startswith(published)
               and link.uri[len(published):].split("#")[0] in pages]
    assert not to_site, f"links to pages the PDF holds lead out to the site: {to_site}"
    starts = dict(zip((entry.url for entry in _entries(parts)),
                      (number for _, number in pdf.contents())))
    finding = "findings/first-finding.md"
    page = starts[content.page_address(finding)]
    expected = {starts[content.page_address(target.split("#")[0])]
                for target in _markdown_links(fixture_editions, finding)}
    assert expected and expected <= {link.target for link in links if link.page == page}


def test_addresses_of_other_websites_are_written_out(fixture_editions):
    for path in fixture_editions.files():
        pdf = fixture_editions.pdf(path)
        for link in pdf.links():
            if link.uri is not None:
                written = link.uri.removeprefix("mailto:").removeprefix("tel:")
                assert squeezed(written) in squeezed(pdf.texts[link.page - 1]), (
                    f"{path.name}, page {link.page}: {written} is not written out")


def _running_header(pdf: Pdf, number: int) -> str:
    """The running header of a page: the line before its footer, which ends its text."""
    lines = [line.strip() for line in pdf.texts[number - 1].splitlines() if line.strip()]
    footer = next(position for position, line in enumerate(lines)
                  if f"Page {number} of " in line)
    return lines[footer - 1]


def test_a_section_pdf_holds_only_its_section(fixture_editions, parts):
    """Its contents list only its pages, and every page after the contents says in its running
    header that it belongs to the section (or to the references it ends with)."""
    for part in _sections(parts):
        pdf = _section_pdf(fixture_editions, part)
        listed = pdf.contents()
        titles = [title for title, _ in listed]
        assert titles[:len(part.entries)] == [entry.title for entry in part.entries]
        assert titles[len(part.entries):] in ([], [REFERENCES]), titles
        for number in range(listed[0][1], len(pdf.texts) + 1):
            header = _running_header(pdf, number)
            assert header.startswith((part.title, REFERENCES)), (pdf.path.name, number, header)


def _citation_words(editions: Editions, reference_id: str) -> str:
    references = yaml.safe_load(editions.project.read("docs/data/references.yml"))
    citation = next(entry["citation"] for entry in references["references"]
                    if entry["id"] == reference_id)
    return re.sub(r"[*_]", "", citation)


def test_a_section_pdf_prints_the_full_reference_for_each_citation(fixture_editions, parts):
    """A section without the references page ends with the full reference of each source it
    cites, and its citations lead there; a page outside the section is written out as its
    published address."""
    finding = "findings/first-finding.md"
    part = _part_holding(parts, finding)
    pdf = _section_pdf(fixture_editions, part)
    cited = [target.split("#")[1] for target in _markdown_links(fixture_editions, finding)
             if target.startswith("references.md#")]
    assert cited, "the test project's finding page should cite a reference"
    references_start = dict(pdf.contents())[REFERENCES]
    ending = squeezed("".join(pdf.texts[references_start - 1:]))
    for reference_id in cited:
        assert squeezed(_citation_words(fixture_editions, reference_id)) in ending, reference_id
    finding_page = dict(pdf.contents())[next(entry.title for entry in part.entries
                                              if entry.url == content.page_address(finding))]
    assert references_start in {link.target for link in pdf.links()
                                if link.page == finding_page}
    published = _settings(fixture_editions)["published_address"].rstrip("/") + "/"
    outside = [target for target in _markdown_links(fixture_editions, finding)
               if not target.startswith("references.md")
               and content.page_address(target.split("#")[0]) not in
               {entry.url for entry in part.entries}]
    assert outside, "the test project's finding page should link outside its section"
    for target in outside:
        path, _, section = target.partition("#")
        address = published + content.page_address(path) + (f"#{section}" if section else "")
        assert squeezed(address) in squeezed(pdf.texts[finding_page - 1]), address


def test_every_pdf_is_tagged_with_its_language_and_title(fixture_editions, parts,
                                                         fixture_site):
    lang = next(fixture_site.page("").iter("html")).attrs["lang"]
    titles = {None: _site_name(fixture_editions)} | {
        part.title: f"{_site_name(fixture_editions)}: {part.title}" for part in _sections(parts)}
    for path in fixture_editions.files():
        pdf = fixture_editions.pdf(path)
        catalog = pdf.catalog
        assert true(catalog["/MarkInfo"]["/Marked"]), path.name
        assert "/StructTreeRoot" in catalog, path.name
        assert str(catalog["/Lang"]).split("-")[0] == lang, catalog["/Lang"]
        assert str(catalog["/Lang"]) == "en-GB", "the guidance is written in British English"
        section = next((part.title for part in _sections(parts)
                        if f"-{file_slug(part.title)}-" in path.name), None)
        assert pdf.reader.metadata.title == titles[section], path.name
        assert true(catalog["/ViewerPreferences"]["/DisplayDocTitle"]), path.name


def test_the_thinking_tools_print_as_checklists_without_their_screen_controls(
        fixture_editions, parts, fixture_site):
    """Each item of a checklist and each of its answers is on paper; the buttons, the summary
    (shown only by the script) and the on-screen notes are not, and neither are ¶ marks."""
    checklist_page = "tools/sample-check.md"
    pdf = _section_pdf(fixture_editions, _part_holding(parts, checklist_page))
    text = squeezed(pdf.text)
    data = yaml.safe_load(fixture_editions.project.read("docs/data/checklists/sample-check.yml"))
    for group in data["groups"]:
        for item in group["items"]:
            assert squeezed(item["text"]) in text, item["text"]
            for answer in item.get("answers", data["answers"]):
                assert squeezed(answer["label"]) in text, answer["label"]
    built = fixture_site.page(content.page_address(checklist_page))
    screen_only = [element.text() for element in built.iter()
                   if element.tag == "button" or "hidden" in element.attrs
                   or "tool-privacy" in element.attrs.get("class", "").split()]
    buttons = "".join(element.text() for element in built.iter("button"))
    assert buttons and squeezed(buttons) not in text
    for words in screen_only:
        if len(words) > 12:  # long enough not to be part of what the page says anyway
            assert squeezed(words) not in text, words
    assert squeezed(data["summary_title"]) not in text
    assert "¶" not in _whole(fixture_editions).text
