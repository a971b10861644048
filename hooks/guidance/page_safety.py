"""What a page may not contain: anything that runs script or embeds another document.

Policy leads edit the pages under ``docs/`` through pull requests, and a page is published as it is
written. So each page is rendered with the site's own Markdown extensions (the check:
:func:`markdown_renderer`; the build: MkDocs' own rendering) and the HTML is read with a real HTML5
parser (tinyhtml5, which WeasyPrint uses too), as a browser would read it. Refused:

- the elements ``<script>``, ``<iframe>``, ``<object>``, ``<embed>``, ``<applet>``, ``<base>``,
  ``<form>`` and ``<meta http-equiv=refresh>`` (a ``<frame>`` never reaches a page's content: the
  parser drops it, as browsers do);
- any attribute whose name starts with ``on`` (``onclick``, ``onerror`` ...) and that has a
  value, on any element;
- ``javascript:``, ``vbscript:`` and ``data:`` addresses in an address attribute, however they are
  disguised with spaces, control characters or character references.

Code examples are text in the HTML, so they pass; whatever a Markdown link, an ``{ ... }``
attribute list or raw HTML makes live is found. Each finding is put back on its source line by
rendering the page without each line that could hold it (:func:`_lines_of`).

A page that really needs such HTML is named in the reviewed allow-list ``hooks/allowed-html.txt``
(:func:`read_allow_list`), which only developers change. :func:`outside_links` reports symbolic
links under ``docs/`` that would publish a file from outside it.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from .problems import Problem

Render = Callable[[str], str]  # a page's Markdown to its HTML, as the site renders it

ALLOW_LIST = "hooks/allowed-html.txt"

# Elements that run script, embed another document, or send or redirect the reader elsewhere.
EMBEDDING = frozenset({"script", "iframe", "object", "embed", "applet", "base", "form"})
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
# An attr_list: { ... } or {: ... } on one line; quoted values may hold a }.
ATTR_LIST = re.compile(r"\{((?:\"[^\"\n]*\"|'[^'\n]*'|[^}\n])*)\}")
# What the HTML must hold for the parser to be worth running (a fast, generous first look: every
# finding needs one of these, and most pages have none). Tag and attribute names are never
# character references, so they are found as written; an address is looked for once decoded.
RISKY_TAG = re.compile(r"<(?:script|iframe|object|embed|applet|base|form|meta|isindex)"
                       r"(?![^\t\n\f\r />])", re.IGNORECASE)
HANDLER = re.compile(r"[\s/\"']on[^\s/>=]*\s*=", re.IGNORECASE)
HTML_NAMESPACE = "{http://www.w3.org/1999/xhtml}"

Finding = tuple[str, str, str]  # (message, hint, what to look for on its source line)


def unsafe_markup(display_path: str, text: str, *, render: Render) -> list[Problem]:
    """Everything in a hand-written page that could run script or embed another document, each
    at its source line, in the order of the page. ``text`` is the page's Markdown, ``render`` the
    site's Markdown (see :func:`markdown_renderer`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    findings = unsafe_html(render(text))
    if not findings:
        return []
    lines = text.split("\n")
    placed: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for message, hint, needle in findings:
        if message not in placed:
            whole = sum(found[0] == message for found in findings)
            placed[message] = _lines_of(message, needle, whole, lines, render)
        at = placed[message].pop(0) if len(placed[message]) > 1 else placed[message][0]
        if needle and _in_brackets(lines[at - 1], needle):
            message += IN_BRACKETS
        problem = Problem(display_path, at, message, hint, "unsafe-html")
        if problem not in problems:
            problems.append(problem)
    return sorted(problems, key=lambda problem: problem.line)


def unsafe_html(content: str) -> list[Finding]:
    """Each unsafe element, attribute and address in rendered HTML (a page's content, not the
    whole themed page, whose own scripts are the theme's), in document order."""
    if not may_be_unsafe(content):
        return []
    from tinyhtml5.parser import HTMLParser  # a library, not MkDocs: imported only when needed
    found: list[Finding] = []
    for element in HTMLParser().parse_fragment(content).iter():
        if not isinstance(element.tag, str) or element.tag == "DOCUMENT_FRAGMENT":
            continue  # a comment
        tag = element.tag.rpartition("}")[2]
        if element.tag.startswith(HTML_NAMESPACE) and tag in EMBEDDING:
            article = "an" if tag[0] in "aeiou" else "a"
            found.append((f"this page contains {article} <{tag}> element", HINT, f"<{tag}"))
        if tag == "meta" and element.get("http-equiv", "").strip().lower() == "refresh":
            found.append(("this page contains a <meta http-equiv=refresh> element", HINT, "<meta"))
        for qualified, value in element.attrib.items():
            name = qualified.rpartition("}")[2].lower()
            if name.startswith("on") and value.strip():  # an empty handler does nothing
                found.append((f"this page contains an {name} attribute", HINT, name))
            elif name in ADDRESS_ATTRIBUTES and value:
                scheme = next(filter(None, map(dangerous_scheme, _addresses(name, value))), None)
                if scheme:
                    found.append((f"this page contains a {scheme}: address", _hint(scheme),
                                  f"{scheme}:"))
    return found


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


def markdown_renderer(extensions: list, settings: dict) -> Render:
    """The site's Markdown: Python-Markdown with ``extensions`` and their ``settings``, as
    mkdocs.yml gives them (see :func:`markdown_settings`)."""
    import markdown  # a library, not MkDocs
    renderer = markdown.Markdown(extensions=extensions, extension_configs=settings)

    def render(text: str) -> str:
        return renderer.reset().convert(text)
    return render


# MkDocs always adds these to the extensions mkdocs.yml lists (its MarkdownExtensions setting).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_settings(config_file: Path) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions and their settings from ``mkdocs.yml``, following ``INHERIT`` as
    MkDocs does (a file's own list replaces the one it inherits), without MkDocs itself: tags such
    as ``!ENV`` are read as nothing, since no extension setting of this site uses them."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    entries = config.get("markdown_extensions")
    if entries is None and config.get("INHERIT"):
        return markdown_settings(config_file.parent / config["INHERIT"])
    names, settings = list(MKDOCS_BUILTIN_EXTENSIONS), {}
    for entry in entries or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        settings[name] = options or {}
    return names, settings


def may_be_unsafe(content: str) -> bool:
    """A fast, generous first look at rendered HTML: False only if nothing in it could be a
    finding, so the parser need not read it."""
    return bool(RISKY_TAG.search(content) or HANDLER.search(content) or _scheme_in(content))


def _scheme_in(content: str) -> bool:
    """Whether any dangerous scheme could be in the HTML, once decoded as an address would be."""
    once = html.unescape(content)
    return any(SCHEME.search(IGNORED_IN_SCHEME.sub("", version).lower())
               for version in (once, html.unescape(once)))


def _lines_of(message: str, needle: str, whole: int, lines: list[str], render: Render
              ) -> list[int]:
    """The source lines of each finding with ``message``: those lines that mention it (its tag,
    attribute or decoded scheme) and without which the page renders it fewer times. Falls back on
    the lines that mention it, then on line 1."""
    def mentions(line: str) -> bool:
        decoded = IGNORED_IN_SCHEME.sub("", html.unescape(html.unescape(line))).lower()
        return needle.lower() in line.lower() or needle.lower() in decoded

    def count(without: int) -> int:
        text = "\n".join(lines[:without] + [""] + lines[without + 1:])
        return sum(found[0] == message for found in unsafe_html(render(text)))

    candidates = [number for number, line in enumerate(lines) if mentions(line)]
    confirmed = [number for number in candidates if count(number) < whole]
    return [number + 1 for number in confirmed or candidates] or [1]


def _in_brackets(line: str, needle: str) -> bool:
    """Whether the finding on ``line`` comes from an ``{ ... }`` attribute list."""
    needle = needle.lower()
    return any(needle in group.lower() or needle in IGNORED_IN_SCHEME.sub(
        "", html.unescape(html.unescape(group))).lower() for group in ATTR_LIST.findall(line))


def _addresses(name: str, value: str) -> list[str]:
    if name in LIST_ATTRIBUTES:
        return [value, *re.split(r"[,;]", value)]
    return [value]


def _hint(scheme: str) -> str:
    return DATA_HINT if scheme == "data" else HINT


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
