"""Render generated Markdown from the checked data, through the templates in ``templates/``."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import jinja2
from markupsafe import Markup, escape

from . import model
from .pages import category_page, holder_page, relative_link, relative_url

TEMPLATES = Path(__file__).parent / "templates"


def table_cell(text: str) -> str:
    """Make text safe inside one Markdown table cell: one line, no column breaks."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _group_by_category(pairs: Iterable[tuple[model.Category, model.Row]]):
    for category, group in itertools.groupby(pairs, key=lambda pair: pair[0]):
        yield category, [row for _, row in group]


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, target: str) -> str:
    """A link from the page being rendered to ``target``, as a relative path."""
    return relative_link(context["page"], target)


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    """A link for raw HTML from the page being rendered to ``target``, as a relative address."""
    return relative_url(context["page"], target, directory_urls=context["directory_urls"])


@lru_cache(maxsize=4)
def _abbreviations(terms: tuple[model.Term, ...]) -> tuple[re.Pattern, dict[str, str]]:
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


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment for the whole build, so each template is compiled once. Markdown templates
    are not escaped (their text is Markdown); HTML templates (``.html.j2``) are."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters.update(cell=table_cell, category_page=category_page,
                               holder_page=holder_page, groupby_category=_group_by_category,
                               link=_link, url=_url, abbr=_abbr)
    return environment


def render(template: str, *, page: str, guidance: model.Guidance, directory_urls: bool = True,
           **values: object) -> str:
    """Render one template for the page at ``page`` (a path under docs/, like sources/x.md).

    ``directory_urls`` is MkDocs' ``use_directory_urls``: HTML templates need it to write links.
    """
    return _environment().get_template(template).render(
        page=page, guidance=guidance, directory_urls=directory_urls, **values)


def render_html(template: str, **values: object) -> str:
    """Render an HTML template that needs no page or data context, like a page's review details."""
    return _environment().get_template(template).render(**values)


def category_markdown(category: model.Category, guidance: model.Guidance) -> str:
    return render("category.md.j2", page=category_page(category), guidance=guidance,
                  category=category)


def holder_markdown(holder: model.Holder, guidance: model.Guidance) -> str:
    return render("holder.md.j2", page=holder_page(holder.id), guidance=guidance, holder=holder,
                  systems=guidance.systems_kept_by(holder.id),
                  rows=guidance.rows_held_by(holder.id))
