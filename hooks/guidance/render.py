"""Render generated Markdown and the tools' HTML from the checked data, through ``templates/``.

Templates get two functions from the caller, so this module needs nothing from MkDocs: ``url``
(a page under docs/ as an address relative to the page being rendered, for raw HTML) and
``title`` (the words for a link to a page or section).

Data is text. In HTML templates (``.html.j2``) Jinja escapes every value. In Markdown templates
(``.md.j2``) every value is escaped for Markdown (:func:`data_text.plain`) unless a filter made it
Markdown on purpose: ``inline`` for fields that may have links and emphasis, ``link`` and
``address`` for link targets, ``title`` for a page's title. So a template cannot forget to escape.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import jinja2
from markupsafe import Markup, escape

from . import records as r
from .data import Guidance
from .data_text import inline, inline_html, plain
from .addresses import relative_link
from .pages import category_page, holder_page

TEMPLATES = Path(__file__).parent / "templates"
UrlFor = Callable[[str], str]
TitleOf = Callable[[str], str]


def _markdown(value: object) -> object:
    """Every value a Markdown template writes: escaped, unless a filter made it Markdown."""
    if isinstance(value, Markup):
        return str(value)
    return plain(value) if isinstance(value, str) else value


def table_cell(text: str) -> Markup:
    """Text for one Markdown table cell: one line, every column break and markup escaped."""
    return text if isinstance(text, Markup) else Markup(plain(" ".join(str(text).split())))


def _link_to(page: str) -> Callable[[str], str]:
    """How a link written in data (a page under docs/) is written on ``page``."""
    return lambda target: relative_link(page, target)


@jinja2.pass_context
def _inline(context: jinja2.runtime.Context, text: str) -> Markup:
    return Markup(inline(text, _link_to(context["page"])))


def _address(target: str) -> Markup:
    """A web or email address checked by its kind (no spaces, quotes or angle brackets), as a
    link's target."""
    assert not any(char in str(target) for char in " <>\"'`\n"), target
    return Markup(target)


def _tooltip(text: str) -> Markup:
    """An abbreviation's meaning: Markdown puts it in a title attribute, escaped there."""
    return Markup(" ".join(str(text).split()))


def _code(text: str) -> Markup:
    """A file's path as code: shown exactly as written."""
    assert "`" not in str(text), text
    return Markup(f"`{text}`")


@jinja2.pass_context
def _words_of_title(context: jinja2.runtime.Context, target: str) -> Markup:
    """A page's title (plain text) as a link's words."""
    return Markup(plain(context["title_of"](target)))


def _group_by_category(pairs: Iterable[tuple[r.Category, r.Row]]):
    for category, group in itertools.groupby(pairs, key=lambda pair: pair[0]):
        yield category, [row for _, row in group]


_ABBREVIATIONS: dict[int, tuple[tuple[r.Term, ...], re.Pattern, dict[str, str]]] = {}


def _abbreviations(terms: tuple[r.Term, ...]) -> tuple[re.Pattern, dict[str, str]]:
    """The glossary's abbreviations as one pattern, made once for each glossary (looked up by
    identity: hashing every term for each of a build's thousand texts cost more than the rest)."""
    made = _ABBREVIATIONS.get(id(terms))
    if made is None or made[0] is not terms:
        meanings = {str(escape(term.term)): term.meaning for term in terms}
        names = sorted(meanings, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, names)) + r")(?![\w&])")
        made = _ABBREVIATIONS[id(terms)] = (terms, pattern, meanings)
        while len(_ABBREVIATIONS) > 4:  # a build's glossary, and a few before it in one process
            _ABBREVIATIONS.pop(next(iter(_ABBREVIATIONS)))
    return made[1], made[2]


@jinja2.pass_context
def _abbr(context: jinja2.runtime.Context, text: str) -> Markup:
    """Escape text for HTML and mark each glossary abbreviation in it, with its meaning as a
    tooltip: Markdown's abbreviations do not reach raw HTML, so HTML templates do it here."""
    pattern, meanings = _abbreviations(context["guidance"].terms)
    return Markup(pattern.sub(
        lambda match: f'<abbr title="{escape(meanings[match.group(1)])}">{match.group(1)}</abbr>',
        str(escape(text))))


@jinja2.pass_context
def _linked(context: jinja2.runtime.Context, text: str) -> Markup:
    """A field with links and emphasis, as HTML: escaped, abbreviations marked, links made to
    work from the page being rendered."""
    return Markup(inline_html(text, context["url_for"], lambda part: str(_abbr(context, part))))


def compiled_templates() -> jinja2.BytecodeCache | None:
    """Templates compiled by an earlier build, kept where Jinja keeps them by default: a folder
    of this user's own in the temporary folder, which Jinja makes with mode 0700 and refuses to
    use if another user owns it or can write to it (a folder anyone could write to would let them
    plant code the next build runs). Never in the project, which `mkdocs serve` watches. Where
    Jinja cannot have such a folder, templates are compiled afresh each build."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@lru_cache(maxsize=2)
def _environment(markdown: bool) -> jinja2.Environment:
    """One environment for each kind of template for the whole build, so each template is
    compiled once. HTML templates escape for HTML; Markdown templates escape for Markdown."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), bytecode_cache=compiled_templates(),
        autoescape=not markdown, finalize=_markdown if markdown else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters.update(
        cell=table_cell, category_page=lambda category: Markup(category_page(category.id)),
        holder_page=lambda holder_id: Markup(holder_page(holder_id)),
        groupby_category=_group_by_category, abbr=_abbr, inline=_inline, address=_address,
        linked=_linked,
        tooltip=_tooltip, code=_code,
        link=jinja2.pass_context(
            lambda context, target: Markup(relative_link(context["page"], target))),
        url=jinja2.pass_context(lambda context, target: context["url_for"](target)),
        title=_words_of_title if markdown else jinja2.pass_context(
            lambda context, target: context["title_of"](target)))
    return environment


def _no_url(target: str) -> str:
    raise AssertionError(f"this template needs addresses: give render() a url_for ({target})")


def render(template: str, *, page: str, guidance: Guidance, url_for: UrlFor = _no_url,
           title_of: TitleOf = lambda target: target, **values: object) -> str:
    """Render one template for the page at ``page`` (a path under docs/, like sources/x.md)."""
    return _environment(template.endswith(".md.j2")).get_template(template).render(
        page=page, guidance=guidance, url_for=url_for, title_of=title_of, **values)
