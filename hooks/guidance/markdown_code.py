"""Which parts of a Markdown page Python-Markdown shows as code, so they can be set aside.

A page's unsafe markup is searched for in its Markdown, but a code example that shows
``<script>`` is text to a reader, not HTML, and must not be refused. This works out the code
Python-Markdown 3 and ``pymdownx.superfences`` surely show as such (closed fenced code blocks,
inline code spans outside raw HTML blocks) and blanks it, keeping every line and column. Where in
doubt it leaves the text alone, to be searched: a needless message is cheap, a missed script is
not. Indented code blocks are not blanked either: they are searched too.

Standard library only: the standalone checker runs this with MkDocs, Markdown, Jinja and PyYAML
unavailable.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

# Python-Markdown's block-level elements (markdown.util.BLOCK_LEVEL_ELEMENTS): one of these at the
# start of a line opens a raw HTML block, where backticks are not code.
BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "canvas", "colgroup", "dd",
    "body", "dt", "group", "html", "iframe", "li", "legend", "math", "map", "noscript", "output",
    "object", "option", "progress", "script", "style", "summary", "tbody", "td", "textarea",
    "tfoot", "th", "thead", "tr", "video", "center",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# Elements whose content md_in_html never treats as Markdown, whatever their markdown attribute.
MD_RAW = frozenset({"canvas", "math", "option", "pre", "script", "style", "textarea"})

# A fence pymdownx.superfences certainly accepts: three or more backticks or tildes, then perhaps
# a language, then perhaps well-formed title, linenums and hl_lines options, or { .class #id }.
# Other fences are not blanked: superfences drops one whose options it rejects, and its content
# is then live Markdown.
FENCE_OPEN = re.compile(r"""^([ ]*)(`{3,}|~{3,})[ \t]*(?:
    (?:\.?[\w#.+-]+)?(?:[ \t]+(?:title="[^"]*"|linenums="\d+(?:[ \t]+\d+){0,2}"
                                 |hl_lines="\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*"))*
    | \{[ \t]*(?:[.#][\w-]+[ \t]*)*\}
)[ \t]*$""", re.VERBOSE)
BACKTICKS = re.compile(r"`+")
MARKDOWN_COMMENT_CLOSE = re.compile(r"--!?>")


def without_code(text: str) -> str:
    """The page with the code Python-Markdown surely shows as code blanked (every character but
    line ends turned into a space): closed fenced code blocks, and inline code spans every reading
    of their line shows (see _without_code_spans). Tabs are expanded to four columns first, as
    Python-Markdown does."""
    source = _without_fences(text.expandtabs(4))
    return _without_code_spans(source, _raw_html_lines(source))


def code_readings(text: str) -> tuple[str, str]:
    """Two other ways Python-Markdown might read the page's code, for anything that must be the
    same in every reading (like a comment): with only the fenced code blocks blanked, and with
    every span that some reading shows as code blanked too. Tabs are expanded as in
    :func:`without_code`."""
    source = _without_fences(text.expandtabs(4))
    return source, _without_any_code(source)


def blank(text: str) -> str:
    """The text with every character but line ends turned into a space."""
    return re.sub(r"[^\n]", " ", text)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each of the (start, end) spans blanked; they may overlap."""
    parts, done = [], 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end > start:
            parts += [text[done:start], blank(text[start:end])]
            done = end
    return "".join([*parts, text[done:]])


# Markdown code ------------------------------------------------------------------------------

def _without_fences(text: str) -> str:
    """The text with each closed fenced code block blanked, as pymdownx.superfences reads them.

    A fence's lines must be indented at least as much as its opening line, and it closes with the
    same run of backticks or tildes at the same indentation. A fence that never closes, or whose
    content is less indented, is not code: superfences leaves it as Markdown, and so does this.
    """
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = FENCE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence = len(opening.group(1)), opening.group(2)
        closing = re.compile(rf"^ {{{indent}}}{re.escape(fence)}[ \t]*$")
        for end in range(index + 1, len(lines)):
            line = lines[end]
            if not line.strip():
                continue
            if len(line) - len(line.lstrip(" ")) < indent:
                index = end + 1  # not a fence after all; superfences looks on from the next line
                break
            if closing.match(line):
                lines[index:end + 1] = [blank(line) for line in lines[index:end + 1]]
                index = end + 1
                break
        else:
            break  # never closed: the rest is Markdown, and no fence can start in it
    return "\n".join(lines)


class _Parser(HTMLParser):
    """HTMLParser, able to read an element's content as markup though HTML reads it as text."""

    _markup_next = False

    def read_content_as_markup(self, tag: str) -> None:
        """Called from handle_starttag: read this element's content as markup. (Python sets the
        text-only mode of <script> and <style> after handle_starttag, or, in some versions and
        subclasses, before it.)"""
        if tag not in self.CDATA_CONTENT_ELEMENTS:
            return
        if self.cdata_elem == tag:
            self.clear_cdata_mode()
        else:
            self._markup_next = True

    def set_cdata_mode(self, *args: Any, **kwargs: Any) -> None:
        if self._markup_next:
            self._markup_next = False
            return
        super().set_cdata_mode(*args, **kwargs)

    def updatepos(self, i: int, j: int) -> int:
        self._markup_next = False  # a request only holds for the tag being read
        return super().updatepos(i, j)


class _RawBlocks(_Parser):
    """The lines of raw HTML blocks, where Python-Markdown passes backticks through as they are.

    A block-level tag at the start of a line (up to three spaces in), or on the rest of a line
    after raw HTML, opens a raw block until its end tag; a comment or declaration there is raw
    too, as is the rest of the line after any of them. With md_in_html, a ``markdown`` attribute
    makes the element's content Markdown again, but not that of a block-level element inside it
    without one (at the start of a line, or straight after the start tag of the element with the
    attribute); the lines of its start and end tags are counted as raw.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = text.split("\n")
        self.stack: list[tuple[str, bool]] = []  # (tag, content is Markdown)
        self.raw_from = 0
        self.raw: set[int] = set()
        self.just_opened = False  # right after a Markdown element's start tag, before any text
        self.intail = False  # on the rest of a line after raw HTML, before its line end
        self.feed(text)
        self.close()
        if self._in_raw():
            self.raw.update(range(self.raw_from, len(self.lines) + 1))

    def parse_comment(self, i: int, report: bool = True) -> int:
        """As Python-Markdown reads a comment: closed by --> or --!>; if never closed, text."""
        close = MARKDOWN_COMMENT_CLOSE.search(self.rawdata, i + 4)
        if not close:
            self.handle_data("<")
            return i + 1
        if report:
            self.handle_comment(self.rawdata[i + 4:close.start()])
        return close.end()

    def _in_raw(self) -> bool:
        return bool(self.stack) and not self.stack[-1][1]

    def _at_line_start(self) -> bool:
        line, column = self.getpos()
        return column <= 3 and not self.lines[line - 1][:column].strip()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag in BLOCK_LEVEL and not self._in_raw() and self._starts_raw():
                self._raw_here(self.get_starttag_text() or "")  # <hr>
            return
        if self._in_raw():
            self.stack.append((tag, False))
            return
        if tag in BLOCK_LEVEL and (self._starts_raw() or self.just_opened):
            values = dict(attrs)
            markdown = ("markdown" in values and tag not in MD_RAW
                        and (values["markdown"] or "1") in {"1", "markdown", "block", "span"})
            self.stack.append((tag, markdown))
            self.just_opened = markdown
            if markdown:  # its start tag ends the text before it: no code span goes past it
                self._raw_here(self.get_starttag_text() or "")
            else:
                self.raw_from = self.getpos()[0]
            return
        self.read_content_as_markup(tag)  # a <script> or <style> in running text: Markdown goes on

    def _starts_raw(self) -> bool:
        return self._at_line_start() or self.intail

    def _raw_here(self, source: str) -> None:
        """Raw HTML from here, ``source``, then the rest of its last line."""
        line = self.getpos()[0]
        self.raw.update(range(line, line + source.count("\n") + 1))
        self.intail = True

    def _other(self, source: str) -> None:
        if not self._in_raw() and self._starts_raw():
            self._raw_here(source)

    def handle_comment(self, data: str) -> None:
        line, column = self.getpos()
        if self.lines[line - 1].startswith("<!", column):  # not a bogus end tag, like </ x>
            self._other(f"<!--{data}-->")

    def handle_decl(self, data: str) -> None:
        self._other(f"<!{data}>")

    def unknown_decl(self, data: str) -> None:
        self._other(f"<![{data}]]>")

    def handle_pi(self, data: str) -> None:
        self._other(f"<?{data}>")

    def handle_data(self, data: str) -> None:
        self.just_opened = False
        if "\n" in data:
            self.intail = False

    def handle_endtag(self, tag: str) -> None:
        self.just_opened = False
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return
        was_raw = self._in_raw()
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if not was_raw:  # the end of a Markdown element's text
            self.raw.add(self.getpos()[0])
            self.intail = True
        elif not self._in_raw():
            self.raw.update(range(self.raw_from, self.getpos()[0] + 1))
            self.intail = True


def _raw_html_lines(text: str) -> set[int]:
    """The lines of raw HTML blocks in Markdown (see _RawBlocks); all lines, to be safe, if
    HTMLParser gives up on the text."""
    text = text.replace("<![", "<!_")  # HTMLParser fails on some <![x declarations
    try:
        return _RawBlocks(text).raw
    except AssertionError:  # pragma: no cover - HTMLParser fails on some declarations
        return set(range(1, text.count("\n") + 2))


def _code_spans(text: str, start: int, end: int, *, skip: int = 2, until: tuple[int, ...] = ()
                ) -> list[tuple[int, int, bool]]:
    """The code spans Python-Markdown finds in ``text[start:end]``: (start, end, exact) each.

    As its BacktickInlineProcessor does: a run of backticks (after an even number of
    backslashes) opens a span, closed by the next run of the same length, even on a later line;
    failing that, by the first of the longest shorter runs (not ``exact``); failing that, the
    search goes on ``skip`` times the run's length further (Python-Markdown 3 skips twice its
    length; CommonMark, once). Given the offsets where lines start (``until``), it stops at the
    first one after ``start`` that no span crosses: from there on, the spans are those found
    from there.
    """
    spans = []
    position = start
    while True:
        opening = text.find("`", position, end)
        following = bisect.bisect_right(until, max(position, start + 1) - 1)
        if following < len(until) and (opening < 0 or opening >= until[following]):
            return spans
        if opening < 0:
            return spans
        backslashes = opening - max(start, opening - 64)
        backslashes -= len(text[opening - backslashes:opening].rstrip("\\"))
        if backslashes % 2:
            position = opening + 1
            continue
        ticks = BACKTICKS.match(text, opening, end).end() - opening
        longest = fallback = 0
        for run in BACKTICKS.finditer(text, opening + ticks, end):
            length = run.end() - run.start()
            if length == ticks:
                spans.append((opening, run.end(), True))
                position = run.end()
                break
            if length > longest:
                longest, fallback = length, run.end()
        else:
            if 0 < longest < ticks:
                spans.append((opening, fallback, False))
                position = fallback
            else:
                position = opening + skip * ticks


def _line_readings(text: str, start: int, end: int
                   ) -> Iterator[tuple[int, int, set[tuple[int, int]]]]:
    """The code spans of one line, ``text[start:end]``, in each plausible reading of it.

    The readings: from the line's start, and, as a table's cells, from after each ``|`` and
    between two of them; skipping an unclosed run of backticks once and twice its length. Each
    is given as the part of the line read, (low, high), and the set of spans (start, end) found.
    """
    pipes = [start + match.start() for match in re.finditer(r"\|", text[start:end])]
    bounds = [start, *(pipe + 1 for pipe in pipes), end + 1]
    scopes = {(start, end)} | {(left, end) for left in bounds[1:-1]}
    scopes |= {(left, right - 1) for left, right in zip(bounds, bounds[1:])}
    for skip in (1, 2):
        for low, high in sorted(scopes):
            yield low, high, {(left, right) for left, right, _ in
                              _code_spans(text, low, high, skip=skip)}


def _surely_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The code spans of one line that every reading of it shows (see _line_readings), each
    closed by a run of backticks as long as its opening one. A reading of part of the line
    must find each span in that part, and cut none."""
    spans = {(left, right) for left, right, exact in _code_spans(text, start, end) if exact}
    for low, high, found in _line_readings(text, start, end):
        spans = {(left, right) for left, right in spans
                 if right <= low or left >= high or (left, right) in found}
    return sorted(spans)


def _paragraphs(lines: list[str]) -> Iterator[tuple[int, int]]:
    """Each run of lines with no blank line among them, as (first, last) line indexes."""
    number = 0
    while number < len(lines):
        if not lines[number].strip():
            number += 1
            continue
        first = number
        while number < len(lines) and lines[number].strip():
            number += 1
        yield first, number - 1


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _possible_code_spans(text: str, lines: list[str], starts: list[int], first: int, last: int
                         ) -> Iterator[tuple[int, int, bool]]:
    """Every span of a paragraph that some reading of it shows as code: read from the start of
    each of its lines, skipping an unclosed run of backticks once or twice its length."""
    end = starts[last] + len(lines[last])
    lines_after = tuple(starts[first + 1:last + 1])
    for skip in (1, 2):
        for begin in range(first, last + 1):
            yield from _code_spans(text, starts[begin], end, skip=skip, until=lines_after)


def _without_code_spans(text: str, raw_lines: set[int]) -> str:
    """The text with each inline code span blanked, where Python-Markdown surely shows it as code.

    A span is blanked only if it lies on one line, outside raw HTML blocks, is found by every
    reading of its line (see _surely_code), and if no span from an earlier line of its paragraph
    can reach into its line, wherever the paragraph's text is cut into blocks (a list item or a
    heading starts a new one): reading from any earlier line of the paragraph, no span crosses
    into it. Elsewhere backticks are left alone, and what they hold is searched.
    """
    lines = text.split("\n")
    starts = _line_starts(lines)
    code: list[tuple[int, int]] = []
    for first, last in _paragraphs(lines):
        if "`" not in text[starts[first]:starts[last + 1]]:
            continue
        reached = set()
        for left, right, _ in _possible_code_spans(text, lines, starts, first, last):
            reached.update(line for line in range(first + 1, last + 1)
                           if left < starts[line] < right)
        for line in range(first, last + 1):
            if line + 1 not in raw_lines and line not in reached and "`" in lines[line]:
                code += _surely_code(text, starts[line], starts[line] + len(lines[line]))
    return blank_spans(text, code)


def _without_any_code(text: str) -> str:
    """The text with every span that some reading shows as code blanked (see code_readings)."""
    lines = text.split("\n")
    starts = _line_starts(lines)
    spans: set[tuple[int, int]] = set()
    for first, last in _paragraphs(lines):
        if "`" not in text[starts[first]:starts[last + 1]]:
            continue
        spans.update((left, right) for left, right, _ in
                     _possible_code_spans(text, lines, starts, first, last))
        for line in range(first, last + 1):
            for _, _, found in _line_readings(text, starts[line], starts[line] + len(lines[line])):
                spans |= found
    return blank_spans(text, sorted(spans))
