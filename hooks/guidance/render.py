"""Render generated Markdown from the checked data, through the templates in ``templates/``."""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import jinja2

from . import model
from .pages import category_page, holder_page, relative_link

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


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment for the whole build, so each template is compiled once."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters.update(cell=table_cell, category_page=category_page,
                               holder_page=holder_page, groupby_category=_group_by_category,
                               link=_link)
    return environment


def render(template: str, *, page: str, guidance: model.Guidance, **values: object) -> str:
    """Render one template for the page at ``page`` (a path under docs/, like sources/x.md)."""
    return _environment().get_template(template).render(page=page, guidance=guidance, **values)


def category_markdown(category: model.Category, guidance: model.Guidance) -> str:
    return render("category.md.j2", page=category_page(category), guidance=guidance,
                  category=category)


def holder_markdown(holder: model.Holder, guidance: model.Guidance) -> str:
    return render("holder.md.j2", page=holder_page(holder.id), guidance=guidance, holder=holder,
                  systems=guidance.systems_kept_by(holder.id),
                  rows=guidance.rows_held_by(holder.id))
