"""The real MkDocs build, and its navigation read from MkDocs' own objects: the only part of the
editions that needs MkDocs, so the PDFs hold exactly what the site does, pages made from data
included, in the order readers see."""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .navigation import BuiltSite, NavItem, NavPage, NavSection

INDEXES = "navigation.indexes"  # Material's feature: a section's index page is the section


class NavigationCapture(BasePlugin):
    """Keeps the navigation MkDocs made, and reads it once every page has its title."""

    def __init__(self) -> None:
        super().__init__()
        self.navigation: Navigation | None = None
        self.items: tuple[NavItem, ...] = ()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files) -> Navigation:
        self.navigation = nav
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.navigation is not None, "MkDocs gave no navigation"
        indexes = INDEXES in (config.theme.get("features") or [])
        self.items = tuple(item for item in (_item(entry, indexes)
                                             for entry in self.navigation.items) if item)


def _page(page: Page) -> NavPage:
    return NavPage(title=html.unescape(page.title or page.file.src_uri), url=page.url,
                   file=page.file.dest_uri, src_uri=page.file.src_uri)


def _item(entry, indexes: bool) -> NavItem | None:
    """A navigation entry as plain data; a link to another site is not a page to print."""
    if isinstance(entry, Page):
        return _page(entry)
    if not isinstance(entry, Section):
        return None
    children = list(entry.children)
    index = None
    if indexes and children and isinstance(children[0], Page) and children[0].is_index:
        index = _page(children.pop(0))
    return NavSection(title=html.unescape(entry.title), index=index,
                      children=tuple(item for item in (_item(child, indexes)
                                                       for child in children) if item))


def build_site(project: Path, folder: Path) -> BuiltSite:
    """Build the project's site into ``folder`` in strict mode, as ``mkdocs build`` does. A
    problem stops it with MkDocs' own ``Abort``."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(folder),
                         strict=True)
    capture = NavigationCapture()
    config.plugins["editions-navigation"] = capture
    build(config)
    partnership = config.extra.get("partnership") or {}
    return BuiltSite(folder=folder, name=config.site_name, items=capture.items,
                     partnership=str(partnership.get("name", "")),
                     published_address=str(partnership.get("published_address")
                                           or config.site_url or ""))
