"""Build the offline edition: the whole site as a zip that works opened from a shared drive, with
no web server and no internet (developer/editions.md). ``make offline`` runs it through
hooks/commands.py.

Builds with Material's offline plugin switched on (GUIDANCE_OFFLINE=true: see mkdocs.yml and
hooks/guidance_hooks.py), strictly, then zips the site under one folder named for the edition,
with a short text file that says how to open it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from editions.navigation import slug
from guidance.problems import CommandError
from guidance.review_dates import long_date

LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
HOW_TO_OPEN = """\
{title}
Offline edition of {long_date}

How to use this copy
1. Unzip this file to a folder on your computer or a shared drive. Keep the folder's files together.
2. Open the folder {folder}, then open index.html in your web browser.

Everything works from the files: the pages, search, the thinking tools and printing. Nothing is
sent anywhere, and nothing you choose in a tool is kept.

This copy may go out of date. Check {address} for the current version.
"""


def build_offline_edition(out: Path, project: Path, day) -> Path:
    """Build the offline site of ``project`` and zip it into ``out``; return the zip's path.
    The build comes first, so any problem in the settings is its own path:line message."""
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        environment = {**os.environ, "GUIDANCE_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
            cwd=project, env=environ_with_today(environment, day), check=False)
        if result.returncode != 0:
            raise CommandError("The offline edition was not built: the build above says why.")
        settings = _partnership(project)
        folder = f"{slug(settings['site_name'])}-offline-{day.isoformat()}"  # named as the PDFs
        note = HOW_TO_OPEN.format(title=settings["site_name"], long_date=long_date(day),
                                  folder=folder, address=settings["published_address"])
        archive = out / f"{folder}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            zipped.writestr(f"{folder}/HOW TO OPEN THIS COPY.txt", note)
            for path in sorted(site.rglob("*")):
                # The 404 page and the site map are for a web server; from files they only
                # mislead (the 404 page's links start at a server's root).
                if path.is_file() and path.relative_to(site).as_posix() not in LEFT_OUT:
                    zipped.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    return archive


def environ_with_today(environment: dict[str, str], day) -> dict[str, str]:
    """The same build day for the site's stamp as for the zip's name, even across midnight."""
    return {**environment, "GUIDANCE_TODAY": day.isoformat()}


def _partnership(project: Path) -> dict[str, str]:
    """The site's name (read as MkDocs reads mkdocs.yml, INHERIT and all) and the published
    address, for the zip's name and the note beside the site: read once the strict build has
    checked both files."""
    settings = yaml.safe_load((project / "docs/data/partnership.yml").read_text(encoding="utf-8"))
    with (project / "mkdocs.yml").open(encoding="utf-8") as config:
        name = yaml_load(config).get("site_name") or "guidance"
    return {"site_name": name, "published_address": settings["published_address"]}
