"""What a hand-written page may not contain: anything that runs script or embeds another document.

Policy leads edit the pages under ``docs/`` through pull requests, and a page is published as it is
written. So the checks refuse, in a page's Markdown (or in the HTML it renders to):

- the elements ``<script>``, ``<iframe>``, ``<object>``, ``<embed>``, ``<frame>``, ``<frameset>``,
  ``<applet>``, ``<base>``, ``<form>`` and ``<meta http-equiv=refresh>``;
- any attribute whose name starts with ``on`` (``onclick``, ``onerror``, ``onload`` ...), on any
  tag, ``<svg>`` and ``<math>`` included;
- ``javascript:``, ``vbscript:`` and ``data:`` addresses, in a tag's address attributes, a Markdown
  link or image, a reference definition or an ``<...>`` autolink, however they are disguised with
  spaces, control characters or character references (``jav&#x09;ascript:``, ``&#106;avascript:``);
- Python-Markdown ``{ ... }`` attribute lists (``attr_list``) that add such an attribute or address.

Code is text, not HTML: with ``markdown=True``, the code Python-Markdown surely shows as code
is blanked out first (see :mod:`.markdown_code`); where in doubt, the text is searched as HTML.

A page that really needs such HTML is named in the reviewed allow-list ``hooks/allowed-html.txt``
(:func:`read_allow_list`), which only developers change. :func:`outside_links` reports symbolic
links under ``docs/`` that would publish a file from outside it.

Standard library only: the standalone checker runs this with MkDocs, Markdown, Jinja and PyYAML
unavailable.
"""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from .markdown_code import blank, blank_spans, code_readings, without_code
from .problems import Problem

ALLOW_LIST = "hooks/allowed-html.txt"

# Elements that run script, embed another document, or send or redirect the reader elsewhere.
EMBEDDING = frozenset({"script", "iframe", "object", "embed", "frame", "frameset", "applet",
                       "base", "form"})
# Attributes holding an address (or, for SVG animation, a value that may become one).
ADDRESS_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "ping", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "archive", "manifest",
    "icon", "usemap", "profile", "to", "from", "by", "values",
})
LIST_ATTRIBUTES = frozenset({"srcset", "ping", "archive", "values"})  # several addresses each
SCHEMES = ("javascript", "vbscript", "data")

HINT = ("Take it out: pages cannot run script or embed other sites. To send readers to another "
        "page or site, link to it instead, like [words](https://address). If a page really needs "
        f"this, a developer must add the page to the reviewed allow-list {ALLOW_LIST}.")
DATA_HINT = ("Take it out: pages cannot hide a file or another page inside an address. Save a "
             "picture as a file in docs/ and show it like ![words](picture.png), or link to "
             "another page or site like [words](https://address). If a page really needs this, "
             f"a developer must add the page to the reviewed allow-list {ALLOW_LIST}.")
IN_BRACKETS = ", added in curly brackets { }"

# Disguises a browser ignores in a scheme (ASCII space and control characters, anywhere), with
# other spaces and backslashes for good measure.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\x9f\s\u200b-\u200d\u2060\ufeff\\]+")
SCHEME = re.compile(rf"({'|'.join(SCHEMES)}):")
# Markdown addresses: a link or image target, a reference definition, an autolink.
LINK_TARGET = re.compile(r"\]\([ \t]*\n?[ \t]*([^)\n]*)")
REFERENCE = re.compile(r"^[ \t]*\[[^\[\]\n]*\]:[ \t]*\n?[ \t]*(\S+)", re.MULTILINE)
AUTOLINK = re.compile(r"<([^<>\s]+)>")
# An attr_list: { ... } or {: ... } on one line; quoted values may hold a }.
ATTR_LIST = re.compile(r"\{((?:\"[^\"\n]*\"|'[^'\n]*'|[^}\n])*)\}")
ATTR_PAIR = re.compile(r"(?:^|(?<=[\s:{]))([^\s=}\"'{]+)[ \t]*=[ \t]*(\"[^\"]*\"|'[^']*'|[^\s}]*)")
# Constructs a browser, Python-Markdown and HTMLParser (which differs between Python versions)
# read differently are rewritten, keeping every line, so that no version hides anything a browser
# would show: see _visible().
ABRUPT_COMMENT = re.compile(r"<!--->|<!-->")  # an empty comment to a browser
BANG_CLOSE = re.compile(r"--!>")  # closes a comment, like -->
SPACED_CLOSE = re.compile(r"--\s+>")  # closes a comment for some versions of HTMLParser
RAW_TEXT_END = re.compile(r"</(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)"
                          r"(?=[\s/])[^>]*>", re.IGNORECASE)  # an end tag with more in it
ESCAPED_DASH = re.compile(r"(?<!\\)((?:\\\\)*)\\-")  # a backslash-escaped -, in Markdown
TAG = re.compile(r"""<[A-Za-z](?:"[^"]*"|'[^']*'|[^>])*>?""")
OTHER_MARKUP = re.compile(r"<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![A-Za-z][^>]*>", re.DOTALL)
DECLARATION = re.compile(r"<(?=!(?!--)|\?|/(?![A-Za-z>]))")  # <!x, <?x and </ x hide up to >


def unsafe_markup(display_path: str, text: str, *, markdown: bool = True) -> list[Problem]:
    """Everything in a page that could run script or embed another document, each at its line.

    ``text`` is a hand-written page's Markdown, or with ``markdown=False`` rendered HTML (a page's
    content, not the whole themed page, whose own scripts are the theme's). Every occurrence is
    reported, in the order of the page.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    readings = []
    if markdown:
        # Python-Markdown may read code spans differently: a comment must be one in each reading.
        readings = [ESCAPED_DASH.sub(r"\1\\_", reading)  # \--> does not close a comment
                    for reading in code_readings(text)]
        text = without_code(text)
    text = _visible(text, readings)
    scanner = _Scanner(text)
    found = scanner.found
    if markdown:
        visible = blank_spans(text, scanner.comments)
        found += _each_tag_alone(visible) + _markdown_findings(visible)
    problems: list[Problem] = []
    for line, message, hint in sorted(found, key=lambda item: item[0]):
        problem = Problem(display_path, line, message, hint, "unsafe-html")
        if problem not in problems:
            problems.append(problem)
    return problems


def dangerous_scheme(address: str) -> str | None:
    """``javascript``, ``vbscript`` or ``data`` if the address uses that scheme, else None.

    Character references are decoded (once, as a browser does, and once more for good measure),
    and spaces and control characters anywhere are ignored, as a browser ignores some of them.
    """
    once = html.unescape(address)
    for candidate in (address, once, html.unescape(once)):
        match = SCHEME.match(IGNORED_IN_SCHEME.sub("", candidate).lower())
        if match:
            return match.group(1)
    return None


# HTML ---------------------------------------------------------------------------------------

def _keeping_lines(replacement: str, original: str) -> str:
    """``replacement``, then as many spaces and line ends as make it as long as ``original``."""
    rest = original[len(replacement):] if len(original) >= len(replacement) else ""
    return replacement + blank(rest)


def _visible(text: str, readings: list[str]) -> str:
    """The text, with whatever HTMLParser might read as hiding its content, where a browser or
    Python-Markdown would not, rewritten so that it hides nothing (lines and length are kept):

    - ``<!-->`` and ``<!--->`` are whole, empty comments to a browser: they are blanked;
    - a comment closes at ``--!>``;
    - a comment that never closes, or holds another ``<!--``, is not one: Python-Markdown may
      show its ``<!--`` as text. Nor, in Markdown, is one that goes on to another line but does
      not start one, or one that is not the same comment in each of the ``readings`` (the same
      Markdown, before its code spans were blanked and with any that might be one blanked), or one
      that starts inside a ``<![CDATA[...]]>``, ``<?...?>`` or ``<!DOCTYPE...>``;
    - a comment that does close closes at ``-- >`` too, as in some versions of HTMLParser;
    - ``<!DOCTYPE``, ``<![CDATA[``, ``<?...`` and ``</ ...`` hide text up to the next ``>``
      from a browser, but not from Python-Markdown: their ``<`` is dropped;
    - an end tag such as ``</style foo>`` ends a style element for a browser, not for HTMLParser.
    """
    text = BANG_CLOSE.sub("--> ", text)  # not in the readings: Python-Markdown's inline
    # comments close at --> only, so a comment closed by --!> is not surely one in Markdown
    inside = [range(match.start() + 1, match.end()) for reading in readings
              for match in OTHER_MARKUP.finditer(reading)]
    for start in [match.start() for match in re.finditer("<!--", text)]:
        if ABRUPT_COMMENT.match(text, start):
            continue
        ends = {_comment_end(version, start, readings[0] if readings else None)
                for version in (text, *readings)}
        if len(ends) > 1 or None in ends or any(start in span for span in inside):
            text = text[:start] + " " + text[start + 1:]
    text = ABRUPT_COMMENT.sub(lambda match: blank(match.group(0)), text)
    text = SPACED_CLOSE.sub(lambda match: _keeping_lines("-->", match.group(0)), text)
    text = DECLARATION.sub(" ", text)
    return RAW_TEXT_END.sub(
        lambda match: _keeping_lines(f"</{match.group(1)}>", match.group(0)), text)


def _comment_end(text: str, start: int, markdown: str | None) -> int | None:
    """Where the comment starting at ``start`` ends, or None if it is not surely a comment."""
    if not text.startswith("<!--", start):
        return None
    end, inner = text.find("-->", start + 4), text.find("<!--", start + 4)
    if end < 0 or 0 <= inner < end:
        return None
    if markdown is not None and "\n" in text[start:end] and not _starts_line(markdown, start):
        return None
    return end


def _starts_line(text: str, offset: int) -> bool:
    """Whether at most three spaces come before ``offset`` on its line, as for a raw HTML block."""
    before = text[text.rfind("\n", 0, offset) + 1:offset]
    return len(before) <= 3 and not before.strip()


class _Scanner(HTMLParser):
    """Every unsafe tag and attribute in HTML (or in Markdown's raw HTML), with its line.

    Like a browser, it reads the content of ``<style>`` (and of any element the running Python's
    HTMLParser reads as text, such as ``<title>`` in newer versions) as text; then it searches
    that content as HTML too, since a browser reads a ``<style>`` inside ``<svg>`` or ``<math>``
    as markup. Only ``<script>``'s content is not searched: the element is reported already.
    """

    def __init__(self, text: str, first_line: int = 1) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self.comments: list[tuple[int, int]] = []  # (start, end) offsets
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.text = text
        self.first_line = first_line
        self.raw_text: tuple[str, int] | None = None  # an element read as text, and its start
        self.feed(text)
        self.close()
        if self.raw_text:
            self._search_raw_text(len(text))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _line(self, line: int) -> int:
        return self.first_line + line - 1

    def set_cdata_mode(self, elem: str, *args, **kwargs) -> None:
        super().set_cdata_mode(elem, *args, **kwargs)
        if self.cdata_elem and elem.lower() != "script":
            # Called while reading the start tag, before or after handle_starttag.
            content = self._offset() + len(self.get_starttag_text() or "")
            self.raw_text = (elem.lower(), content)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self._line(self.getpos()[0])
        source = self.get_starttag_text() or ""
        if tag in EMBEDDING:
            article = "an" if tag[0] in "aeiou" else "a"
            self.found.append((line, f"this page contains {article} <{tag}> element", HINT))
        if tag == "meta" and any(name == "http-equiv" and (value or "").strip().lower() == "refresh"
                                 for name, value in attrs):
            self.found.append((line, "this page contains a <meta http-equiv=refresh> element",
                               HINT))
        for name, value in attrs:
            at = line + _line_of_attribute(source, name)
            if name.startswith("on"):
                self.found.append((at, f"this page contains an {name} attribute", HINT))
            elif name in ADDRESS_ATTRIBUTES and value:
                for address in _addresses(name, value):
                    scheme = dangerous_scheme(address)
                    if scheme:
                        self.found.append((at, f"this page contains a {scheme}: address",
                                           _hint(scheme)))
                        break

    def handle_endtag(self, tag: str) -> None:
        if self.raw_text and self.raw_text[0] == tag:
            self._search_raw_text(self._offset())

    def _search_raw_text(self, end: int) -> None:
        _, start = self.raw_text
        self.raw_text = None
        inner = _Scanner(self.text[start:end], self._line(self.text.count("\n", 0, start) + 1))
        self.found += inner.found

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        end = self.text.find("-->", start + 4 + len(data))
        self.comments.append((start, end + 3 if end >= 0 else len(self.text)))


def _each_tag_alone(text: str) -> list[tuple[int, str, str]]:
    """Each start tag in Markdown, read on its own: Python-Markdown shows a broken tag, like
    ``<a href=``, as text, so the next tag is live though HTMLParser reads it as a value."""
    found = []
    for start in re.finditer(r"<[A-Za-z]", text):  # tags inside tags too
        tag = TAG.match(text, start.start())
        if tag.group(0).endswith(">"):
            found += _Scanner(tag.group(0), text.count("\n", 0, tag.start()) + 1).found
    return found


def _line_of_attribute(start_tag: str, name: str) -> int:
    """How many lines into a start tag an attribute is (0 if on the tag's first line)."""
    match = re.search(rf"(?<=[\s/\"']){re.escape(name)}(?=\s*=|[\s/>]|$)", start_tag, re.IGNORECASE)
    return start_tag.count("\n", 0, match.start()) if match else 0


def _addresses(name: str, value: str) -> list[str]:
    if name in LIST_ATTRIBUTES:
        return [value, *re.split(r"[,;]", value)]
    return [value]


def _hint(scheme: str) -> str:
    return DATA_HINT if scheme == "data" else HINT


# Markdown addresses and attribute lists -----------------------------------------------------

def _markdown_findings(text: str) -> list[tuple[int, str, str]]:
    """Unsafe addresses in Markdown links, images, references and autolinks, and unsafe
    attributes in attr_list curly brackets."""
    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    found = []
    for pattern in (LINK_TARGET, REFERENCE, AUTOLINK):
        for match in pattern.finditer(text):
            scheme = dangerous_scheme(match.group(1).lstrip("<"))
            if scheme:
                found.append((line_of(match.start(1)), f"this page contains a {scheme}: address",
                              _hint(scheme)))
    for brackets in ATTR_LIST.finditer(text):
        line = line_of(brackets.start())
        for pair in ATTR_PAIR.finditer(brackets.group(1)):
            name, value = pair.group(1).lower(), pair.group(2)
            if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1]
            if name.startswith("on"):
                found.append((line, f"this page contains an {name} attribute{IN_BRACKETS}", HINT))
            elif name in ADDRESS_ATTRIBUTES:
                scheme = dangerous_scheme(value)
                if scheme:
                    found.append((line, f"this page contains a {scheme}: address{IN_BRACKETS}",
                                  _hint(scheme)))
    return found


# The allow-list -----------------------------------------------------------------------------

def read_allow_list(path: Path, display_path: str = ALLOW_LIST
                    ) -> tuple[frozenset[str], list[Problem]]:
    """The pages (paths under docs/, like ``tools/request-planner.md``) allowed to contain HTML
    :func:`unsafe_markup` refuses, and any line of the list that is not such a path.

    One path a line; blank lines and lines starting ``#`` are ignored, and a reason may follow
    `` # `` on a path's line. A missing file is an empty list. A path is not checked against the
    pages that exist: the caller knows them.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return frozenset(), []
    except UnicodeDecodeError as error:
        return frozenset(), [Problem(display_path, 1,
                                     f"the file is not UTF-8 text ({error.reason})",
                                     "Save the file as UTF-8 in your editor.", "not-utf8")]
    pages, problems = set(), []
    for number, line in enumerate(text.split("\n"), start=1):
        entry = re.split(r"\s#", line, maxsplit=1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        wrong = _allow_list_entry_problem(entry)
        if wrong:
            problems.append(Problem(
                display_path, number, wrong,
                "Write one page a line, as its path inside docs/ with / between folders, like "
                "tools/request-planner.md, then a reason after ' # ' if you like.", "unsafe-html"))
        else:
            pages.add(entry)
    return frozenset(pages), problems


def _allow_list_entry_problem(entry: str) -> str | None:
    if entry.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", entry):
        return f"'{entry}' is an absolute path, not a path inside docs/"
    if "\\" in entry:
        return f"'{entry}' uses \\ between folders, not /"
    parts = PurePosixPath(entry).parts
    if ".." in parts or "." in parts or "//" in entry:
        return f"'{entry}' is not a plain path inside docs/: it uses '..', '.' or '//'"
    if parts[0] == "docs":
        return f"'{entry}' starts with docs/, but paths here are inside docs/ already"
    if not entry.endswith((".md", *SCRIPTABLE_FILES)):
        return (f"'{entry}' is not a written page (.md) or a file published as it is "
                f"({', '.join(SCRIPTABLE_FILES)})")
    return None


# Files published as they are -------------------------------------------------------------------

# Files a browser may run script from, if published from docs/ as they are.
SCRIPTABLE_FILES = (".html", ".htm", ".xhtml", ".svg", ".xml", ".js", ".mjs")
SCRIPTS_FOLDER = "assets/javascripts/"  # the site's own scripts, which a developer reviews


def scriptable_files(docs_dir: Path, allowed: frozenset[str],
                     display_root: str = "docs") -> list[Problem]:
    """Every file under docs/ that MkDocs would publish as it is and that could run script (an
    HTML page, an SVG picture...), outside the site's own scripts and the allow-list."""
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir).as_posix()
        if (path.suffix.lower() not in SCRIPTABLE_FILES or relative.startswith(SCRIPTS_FOLDER)
                or relative in allowed or not path.is_file()):
            continue
        problems.append(Problem(
            f"{display_root}/{relative}", 1, f"this {path.suffix.lower()} file would be published "
            "as it is, and could run script in readers' browsers",
            "Write the page in Markdown (a .md file) instead; for a picture, use .png or .jpg. If "
            f"it really must be published as it is, a developer must add it to {ALLOW_LIST}.",
            "unsafe-html"))
    return problems


# Symbolic links -----------------------------------------------------------------------------

def outside_links(docs_dir: Path, display_root: str = "docs") -> list[Problem]:
    """Every symbolic link under ``docs_dir`` (to a file or a folder) that leads outside it, or
    nowhere, at line 1 of ``docs/<its path>``. Links are never followed while walking, so a link
    to a folder above cannot loop; a link to a place inside ``docs_dir`` is fine."""
    root = os.path.realpath(docs_dir)
    problems = []
    for folder, folders, files in os.walk(root, followlinks=False):
        for name in (*folders, *files):
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                continue
            shown = f"{display_root}/{Path(os.path.relpath(path, root)).as_posix()}"
            target = os.readlink(path)
            resolved = os.path.realpath(path)
            if os.path.commonpath([root, resolved]) != root:
                message = f"this is a symbolic link to a file outside docs/ ({target})"
            elif not os.path.exists(path):
                message = f"this is a symbolic link to a file that does not exist ({target})"
            else:
                continue
            problems.append(Problem(
                shown, 1, message,
                "Copy the file into docs/ instead, or remove the link: nothing from outside the "
                "project is published.", "link-outside-docs"))
    return sorted(problems)
