"""Render generated Markdown and the tools' HTML from the checked data, through ``templates/``.

Templates get two functions from the caller, so this module needs nothing from MkDocs: ``url``
(a page under docs/ as an address relative to the page being rendered, for raw HTML) and
``title`` (the words for a link to a page or section).
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import jinja2
from markupsafe import Markup, escape

from . import records as r
from .data import Guidance
from .pages import category_page, holder_page, relative_link

TEMPLATES = Path(__file__).parent / "templates"
UrlFor = Callable[[str], str]
TitleOf = Callable[[str], str]


def table_cell(text: str) -> str:
    """Make text safe inside one Markdown table cell: one line, no column breaks."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _group_by_category(pairs: Iterable[tuple[r.Category, r.Row]]):
    for category, group in itertools.groupby(pairs, key=lambda pair: pair[0]):
        yield category, [row for _, row in group]


@lru_cache(maxsize=4)
def _abbreviations(terms: tuple[r.Term, ...]) -> tuple[re.Pattern, dict[str, str]]:
    meanings = {str(escape(term.term)): term.meaning for term in terms}
    names = sorted(meanings, key=len, reverse=True)
    return re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, names)) + r")(?![\w&])"), meanings


@jinja2.pass_context
def _abbr(context: jinja2.runtime.Context, text: str) -> Markup:
    """Escape text for HTML and mark each glossary abbreviation in it, with its meaning as a
    tooltip: Markdown's abbreviations do not reach raw HTML, so HTML templates do it here."""
    pattern, meanings = _abbreviations(context["guidance"].terms)
    return Markup(pattern.sub(
        lambda match: f'<abbr title="{escape(meanings[match.group(1)])}">{match.group(1)}</abbr>',
        str(escape(text))))


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """Templates compiled by an earlier build, kept in the system's temporary folder (never in
    the project, which `mkdocs serve` watches); a template that changed is compiled again."""
    folder = Path(tempfile.gettempdir()) / "guidance-templates"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment for the whole build, so each template is compiled once. Markdown templates
    are not escaped (their text is Markdown); HTML templates (``.html.j2``) are."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), bytecode_cache=_compiled_templates(),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters.update(
        cell=table_cell, category_page=lambda category: category_page(category.id),
        holder_page=holder_page, groupby_category=_group_by_category, abbr=_abbr,
        link=jinja2.pass_context(lambda context, target: relative_link(context["page"], target)),
        url=jinja2.pass_context(lambda context, target: context["url_for"](target)),
        title=jinja2.pass_context(lambda context, target: context["title_of"](target)))
    return environment


def _no_url(target: str) -> str:
    raise AssertionError(f"this template needs addresses: give render() a url_for ({target})")


def render(template: str, *, page: str, guidance: Guidance, url_for: UrlFor = _no_url,
           title_of: TitleOf = lambda target: target, **values: object) -> str:
    """Render one template for the page at ``page`` (a path under docs/, like sources/x.md)."""
    return _environment().get_template(template).render(
        page=page, guidance=guidance, url_for=url_for, title_of=title_of, **values)
