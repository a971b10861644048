#!/usr/bin/env python3
"""Build benchmark: what the hooks add to a build, how build and validation time grow with the
data, and what a reader's browser really loads. Writes benchmarks/results.md.

Usage: .venv/bin/python benchmarks/build_benchmark.py [--runs 9] [--scales 1,10] [--out FILE]
(`--scales 1,10,100` adds the 100x build, which takes far longer.) Each figure is a median of
pairs of runs made alternately in fresh processes, so a busy machine slows both sides alike.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "hooks")]
from guidance import records as r  # noqa: E402
from tests.browser.harness import CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, find_chromium  # noqa: E402

SECOND_PAGE = "sources/"  # opened after the home page, as a reader's next click might be
# Run in a fresh process and timed inside it, so Python's start-up counts on neither side.
TIMED = """import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
what, project = sys.argv[1:]
if what == "validation":
    sys.path.insert(0, project + "/hooks")
    from guidance.load import load_guidance
start = time.perf_counter()
if what == "build":
    build(load_config(project + "/mkdocs.yml", site_dir=project + "/site", strict=False))
else:
    load_guidance(Path(project) / "docs")
print(time.perf_counter() - start)"""


def timed(what: str, project: Path) -> float:
    """Seconds for one build, or one validation (load_guidance, as check_data.py), of a project."""
    done = subprocess.run([sys.executable, "-c", TIMED, what, str(project)], capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode:
        raise SystemExit(f"a timed {what} of {project} failed:\n{done.stderr[-3000:]}")
    return float(done.stdout.split()[-1])


def paired(what: str, base: Path, other: Path, runs: int) -> dict:
    """Median seconds of each project, and the median of the pairs' ratios (other / base)."""
    pairs = []
    for run in range(runs):  # alternate which goes first, so neither always follows the other
        order = (base, other) if run % 2 == 0 else (other, base)
        seconds = {project: timed(what, project) for project in order}
        pairs.append((seconds[base], seconds[other]))
    return {"base": statistics.median(a for a, _ in pairs), "runs": runs,
            "other": statistics.median(b for _, b in pairs),
            "ratio": statistics.median(b / a for a, b in pairs)}


def copy_project(destination: Path) -> Path:
    for name in ("docs", "hooks", "overrides", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, destination / name)
    return destination


class _Capture(BasePlugin):
    """Keeps each page's Markdown and metadata as the hooks leave them."""

    pages: dict[str, tuple[str, dict]] = {}

    def on_post_page(self, output: str, *, page, config) -> None:
        self.pages[page.file.src_uri] = (page.markdown, page.meta)


def hooks_off_copy(project: Path) -> None:
    """Turn a project into the same site with the hooks off: every page written out as the hooks
    leave it (their metadata as front matter), and the navigation and settings they complete."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins["benchmark-capture"] = _Capture()
    build(config)
    for src_uri, (markdown, meta) in _Capture.pages.items():
        (project / "docs" / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / src_uri).write_text(f"---\n{yaml.safe_dump(meta)}---\n{markdown}",
                                                encoding="utf-8")
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    settings.update(nav=config.nav, extra=dict(config.extra), hooks=[])
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


def but_edit_link(page: Path) -> list[str]:
    """A built page's lines but its edit link, which the hooks point at the page's data file."""
    return [line for line in page.read_text(encoding="utf-8").splitlines()
            if line.strip() and 'rel="edit"' not in line]


def renamed(record: dict, k: int) -> dict:
    """Copy k of an organisation, system or row, with ids of its own throughout. A copy keeps the
    real name as another name, so a copied row's who_holds text still names what it lists."""
    copy = {**record, "id": f"{record['id']}-c{k}"}
    copy.update({key: f"{record[key]} {k}" for key in ("name", "sector") if key in record})
    copy.update({key: [f"{id}-c{k}" for id in record[key]]
                 for key in ("kept_by", "holders", "systems") if key in record})
    if "name" in record:
        copy["also_called"] = [record["name"], *record.get("also_called", [])]
    return copy


def synthetic_copy(project: Path, factor: int) -> Path:
    """Give a project ``factor`` times the real categories, rows, organisations and systems: the
    real data (so every link in it still leads somewhere) and renamed copies of it."""
    register_file, sources = project / "docs" / r.HOLDERS.path, project / "docs" / r.CATEGORIES.path
    register = yaml.safe_load(register_file.read_text(encoding="utf-8"))
    real = {kind: list(register.get(kind, [])) for kind in ("holders", "systems")}
    categories = {path: yaml.safe_load(path.read_text(encoding="utf-8"))
                  for path in sorted(sources.glob("*.yml"))}
    step = 1 + max(category["order"] for category in categories.values())
    for k in range(1, factor):
        for kind, records in real.items():
            register[kind] = register.get(kind, []) + [renamed(record, k) for record in records]
        for path, category in categories.items():
            titles = {key: f"{category[key]} ({k})" for key in ("title", "short_title")
                      if key in category}
            (sources / f"{path.stem}-c{k}.yml").write_text(yaml.safe_dump({
                **category, **titles, "order": category["order"] + k * step,
                "rows": [renamed(row, k) for row in category["rows"]]}))
    register_file.write_text(yaml.safe_dump(register))
    return project


class _LoggingHandler(SimpleHTTPRequestHandler):
    """Serves the site and logs each response's address, status and body size (raw, gzipped):
    at the server, so what the search worker fetches counts as well as what the page does."""

    log: list[list] = []

    def log_request(self, code: object = "-", size: object = "-") -> None:
        self.entry = [self.path, int(code), 0, 0]  # type: ignore[call-overload]
        self.log.append(self.entry)

    def copyfile(self, source, outputfile) -> None:
        body = source.read()
        outputfile.write(body)
        self.entry[2:] = [len(body), len(gzip.compress(body))]

    def log_message(self, *args: object) -> None:
        pass


def browser_visits(site: Path, executable: str) -> dict:
    """What Chromium fetches for the home page in a fresh context, then for a second page in the
    same context (its cache warm), with no search made."""
    from playwright.sync_api import sync_playwright
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_LoggingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    visits: dict = {"elsewhere": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.on("request", lambda request: request.url.startswith((base, "data:"))
                   or visits["elsewhere"].append(request.url))
        for visit, address in (("first", ""), ("second", SECOND_PAGE)):
            _LoggingHandler.log = visits[visit] = []
            page = context.new_page()
            page.goto(base + address, wait_until="networkidle")
            page.wait_for_timeout(2000)  # for anything fetched once the page has settled
            page.close()
        browser.close()
    server.shutdown()
    return visits


def report(hooks: dict, builds: list[dict], validation: dict, visits: dict,
           scripts: bytes) -> str:
    """The results as Markdown: a line per target, met or not, then the detail behind them."""
    top, met = builds[-1], {True: "met", False: "**not met**"}
    kb = lambda size: f"{size / 1024:.1f} KB"  # noqa: E731
    lines = [
        "# Build benchmark results", "", f"{date.today()}, on {os.cpu_count()} cores shared "
        f"with other work (load average {os.getloadavg()[0]:.1f} at the end).", "",
        "| Target | Result |", "| --- | --- |",
        f"| Hooks add at most 10% to a build | {met[hooks['ratio'] <= 1.1]}: ratio "
        f"{hooks['ratio']:.3f} ({hooks['other']:.2f} s against {hooks['base']:.2f} s for the same "
        f"pages without hooks; {hooks['same']} of {hooks['pages']} the same but for the edit "
        "link) |",
        f"| Build time grows no worse than linearly | {met[top['ratio'] <= 1.2]} to "
        f"{top['factor']}x: time per page {top['ratio']:.2f} times the real data's (1.2 at most "
        "counts as linear) |",
        f"| Validation (`load_guidance`) of 100x the data takes under 1 s | "
        f"{met[validation['other'] < 1]}: {validation['other']:.3f} s (real data "
        f"{validation['base']:.3f} s) |",
        f"| The tools' scripts come to at most 20 KB | {met[len(scripts) <= 20 * 1024]}: "
        f"{kb(len(scripts))} raw, {kb(len(gzip.compress(scripts)))} gzipped |", "",
        "## Growth with data", "", "The real data plus renamed copies of its categories, rows, "
        "organisations and systems, each copy's organisations in sectors of their own. Each "
        "scale is built alternately with the real data.", "",
        "| Data | Pages | Build (s) | Per page (ms) | Per page against 1x |",
        "| --- | --- | --- | --- | --- |",
        *(f"| {row['factor']}x | {row['pages']} | {row['seconds']:.1f} | "
          f"{1000 * row['seconds'] / row['pages']:.1f} | {row['ratio']:.2f} |" for row in builds),
        "", "## What a reader's browser loads", "", "Chromium with a fresh context; the site "
        "served by Python's http.server on 127.0.0.1, which logs every response body (gzipped: "
        "what a host that compresses would send) and sends no Cache-Control, so a second page "
        "revalidates each file (304, no body). Nothing is clicked or searched.", ""]
    for name, log in (("Home page, first visit", visits["first"]),
                      (f"Then /{SECOND_PAGE}, same context", visits["second"])):
        fetched = {path.split("?")[0] for path, *_ in log}
        lines.append(f"- {name}: {len(log)} requests ({sum(e[1] == 304 for e in log)} answered "
                     f"304), {kb(sum(e[2] for e in log))} as served, {kb(sum(e[3] for e in log))} "
                     "gzipped; " + ", ".join(f"`{file}` {'' if '/' + file in fetched else 'not '}"
                     "fetched" for file in ("search/search_index.json", "sitemap.xml")) + ".")
    return "\n".join(lines + [
        f"- Requests to other hosts: {len(visits['elsewhere']) or 'none'}.", "",
        "| Largest files on the first visit | As served | Gzipped |", "| --- | --- | --- |",
        *(f"| `{path}` | {kb(size)} | {kb(zipped)} |" for path, _, size, zipped in
          sorted(visits["first"], key=lambda entry: -entry[2])[:8]), ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="pairs of runs behind each ratio")
    parser.add_argument("--scales", default="1,10", help="data sizes to build; 100 takes long")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    arguments = parser.parse_args()
    if (chromium := find_chromium()) is None:
        raise SystemExit(HOW_TO_GET_CHROMIUM)
    with tempfile.TemporaryDirectory(prefix="guidance-benchmark-") as folder:
        real, off = copy_project(Path(folder) / "real"), copy_project(Path(folder) / "hooks-off")
        hooks_off_copy(off)
        hooks = paired("build", off, real, arguments.runs)
        pages = sorted(path.relative_to(real / "site") for path in real.glob("site/**/*.html"))
        hooks.update(pages=len(pages), same=sum((off / "site" / page).exists() and but_edit_link(
            real / "site" / page) == but_edit_link(off / "site" / page) for page in pages))
        hundred = synthetic_copy(copy_project(Path(folder) / "100x"), 100)
        validation = paired("validation", real, hundred, arguments.runs)
        builds = [{"factor": 1, "pages": len(pages), "seconds": hooks["other"], "ratio": 1.0}]
        for factor in sorted({int(scale) for scale in arguments.scales.split(",")} - {1}):
            project = hundred if factor == 100 else synthetic_copy(
                copy_project(Path(folder) / f"{factor}x"), factor)
            # Builds worth about 30 of the real data's in all, and at least one pair.
            grown = paired("build", real, project, min(arguments.runs, max(1, 30 // factor)))
            count = sum(1 for _ in project.glob("site/**/*.html"))
            builds.append({"factor": factor, "pages": count, "seconds": grown["other"],
                           "ratio": grown["ratio"] * len(pages) / count})
        visits = browser_visits(real / "site", chromium)
    scripts = b"".join(path.read_bytes() for path in
                       sorted((ROOT / "docs/assets/javascripts/tools").glob("*.js")))
    arguments.out.write_text(report(hooks, builds, validation, visits, scripts), encoding="utf-8")
    print(arguments.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
