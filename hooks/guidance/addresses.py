"""Every kind of address the site uses, worked out in one place.

- a page's source path under docs/, like ``tools/request-planner.md``;
- its site path, below the site's root: ``tools/request-planner/`` (:func:`site_path`), and its
  address from the root, ``/tools/request-planner/`` (:func:`page_address`), as readers of the
  published site see it, whatever ``use_directory_urls`` says (the offline edition's files are
  named differently, but its links and the published list are the published site's);
- a link from one page's source to another's, as written in Markdown (:func:`relative_link`);
- a link from one address to another, relative, so the site works under any sub-path
  (:func:`relative`);
- the address of a built HTML file (:func:`built_page_address`), and where a link on a built page
  leads (:func:`resolve`), for the published-links command and the PDF editions.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urljoin, urlsplit

# A base for resolving a built page's relative links; never a real host.
BASE = "https://edition.invalid/"


def site_path(page: str) -> str:
    """A page's address below the site's root: ``tools/request-planner.md`` is
    ``tools/request-planner/``, ``sharing/index.md`` is ``sharing/``, ``index.md`` is empty."""
    path = page.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return f"{path}/"


def page_address(page: str) -> str:
    """A page's address from the site's root, like ``/tools/request-planner/``."""
    return "/" + site_path(page)


def relative_link(from_page: str, to_page: str) -> str:
    """The path from one page's source file to another's, as written in Markdown."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def split(link: str) -> tuple[str, str]:
    """``/page/#section`` as (``/page/``, ``section``)."""
    page, _, anchor = link.partition("#")
    return page, anchor


def relative(from_page: str, to_link: str) -> str:
    """A link from one site address to another, relative, so the site works under any address."""
    page, anchor = split(to_link)
    folder = from_page if from_page.endswith("/") else posixpath.dirname(from_page) + "/"
    path = posixpath.relpath(page, folder)
    if page.endswith("/"):
        path = "./" if path == "." else f"{path}/"
    return path + (f"#{anchor}" if anchor else "")


def built_page_address(relative_html: str) -> str:
    """The address of a built HTML file, by its path in the built site: ``a/index.html`` is
    ``/a/``."""
    return "/" + (relative_html[:-len("index.html")] if relative_html.endswith("index.html")
                  else relative_html)


def resolve(page_url: str, href: str) -> tuple[str, str, bool]:
    """Where a link on the built page at ``page_url`` leads: the page's address under the site,
    the fragment, and whether it stays within the site at all."""
    target = urlsplit(urljoin(BASE + page_url, href))
    if f"{target.scheme}://{target.netloc}/" != BASE:
        return "", "", False
    path = unquote(target.path).lstrip("/")
    if path.endswith("index.html"):
        path = path[:-len("index.html")]
    return path, unquote(target.fragment), True
