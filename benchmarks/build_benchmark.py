#!/usr/bin/env python3
"""Build benchmark: what the hooks add to a build, how build and validation time grow with the
data, what a reader's browser really loads, and how long the PDF editions take. Writes
benchmarks/results.md.

Usage: .venv/bin/python benchmarks/build_benchmark.py [--runs 9] [--scales 1,10] [--out FILE]
[--pdf-project ROOT]
(`--scales 1,10,100` adds the 100x build, which takes minutes.) Each time is the CPU time of a
fresh process (on a shared machine, wall time measures the other work too), the median of pairs
of runs made alternately, so what load remains weighs on both sides of a pair alike. The PDF
editions are made once (about a minute of CPU for the real guide), and reported in CPU and wall
seconds.
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser.harness import CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, find_chromium  # noqa: E402

MET = {True: "met", False: "**not met**"}
# Run in a fresh process and timed inside it, so Python's start-up counts on neither side.
TIMED = """import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
what, project = sys.argv[1:]
if what == "validation":
    sys.path.insert(0, project + "/hooks")
    from guidance.load import load_guidance
def built():
    build(load_config(project + "/mkdocs.yml", site_dir=project + "/site", strict=False))
if what == "rebuild":  # as `mkdocs serve` rebuilds: a warm process, one page edited, wall time
    built()
    page = Path(project) / "docs" / "index.md"
    times = []
    for edit in range(5):
        page.write_text(page.read_text(encoding="utf-8") + f"\\nEdited {edit}.\\n", encoding="utf-8")
        start = time.perf_counter()
        built()
        times.append(time.perf_counter() - start)
    print(sorted(times)[2])
    raise SystemExit
start = time.process_time()
if what == "build":
    built()
else:
    load_guidance(Path(project) / "docs")
print(time.process_time() - start)"""


def timed(what: str, project: Path) -> float:
    """CPU seconds for one build, or one validation (load_guidance, as `make check`), of a
    project. Compiled Python is kept beside the projects, as an editor's machine keeps it."""
    environment = {key: value for key, value in os.environ.items()
                   if key != "PYTHONDONTWRITEBYTECODE"}
    environment.update(NO_MKDOCS_2_WARNING="1", PYTHONPYCACHEPREFIX=str(project.parent / "pyc"))
    done = subprocess.run([sys.executable, "-c", TIMED, what, str(project)], capture_output=True,
                          text=True, env=environment)
    if done.returncode:
        raise SystemExit(f"a timed {what} of {project} failed:\n{done.stderr[-3000:]}")
    return float(done.stdout.split()[-1])


def serve_rebuild(folder: Path, real: Path) -> str:
    """Target: `mkdocs serve` rebuilds the real site within 1.5 s of an edit to one page (the
    median of five edits, in one warm process, as serve rebuilds)."""
    seconds = timed("rebuild", copy_project(folder / "rebuild", real))
    return (f"| `mkdocs serve` rebuilds the site within 1.5 s of an edit to a page | "
            f"{MET[seconds <= 1.5]}: {seconds:.2f} s (wall time, median of five edits) |")


def paired(what: str, base: Path, other: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds of ``base`` and of ``other``, and the median of the pairs' ratios."""
    pairs = []
    for run in range(runs):  # alternate which goes first, so neither always follows the other
        order = (base, other) if run % 2 == 0 else (other, base)
        seconds = {project: timed(what, project) for project in order}
        pairs.append((seconds[base], seconds[other]))
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(b / a for a, b in pairs))


def copy_project(destination: Path, source: Path = ROOT) -> Path:
    """A copy of a project; a test project's base.yml (the configuration it inherits) too."""
    for name in ("docs", "hooks", "overrides", "mkdocs.yml", "base.yml"):
        if not (source / name).exists():
            continue
        copy = shutil.copytree if (source / name).is_dir() else shutil.copy2
        copy(source / name, destination / name)
    return destination


def html_pages(project: Path) -> list[Path]:
    return sorted(path.relative_to(project / "site") for path in project.glob("site/**/*.html"))


class _Capture(BasePlugin):
    """Keeps each page's Markdown and metadata as the hooks leave them."""

    pages: dict[str, tuple[str, dict]] = {}

    def on_post_page(self, output: str, *, page, config) -> None:
        self.pages[page.file.src_uri] = (page.markdown, page.meta)


def _plain(value):
    """The navigation as a hand-written mkdocs.yml would give it: the hooks give each title as
    escaped Markup, which YAML cannot hold, so the title is written out as plain text."""
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return html.unescape(str(value)) if isinstance(value, str) else value


GENERATED_FILES = ("changes.xml",)


def hooks_cost(folder: Path, runs: int, source: Path = ROOT) -> tuple[str, Path]:
    """Target 1: the real site's build against the same pages with the hooks off (each page as the
    hooks leave it, their metadata as front matter, and the navigation they complete)."""
    real = copy_project(folder / "real", source)
    off = copy_project(folder / "hooks-off", source)
    config = load_config(str(off / "mkdocs.yml"), site_dir=str(off / "site"))
    config.plugins["benchmark-capture"] = _Capture()
    build(config)
    for src_uri, (markdown, meta) in _Capture.pages.items():
        (off / "docs" / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (off / "docs" / src_uri).write_text(f"---\n{yaml.safe_dump(meta)}---\n{markdown}",
                                            encoding="utf-8")
    for name in GENERATED_FILES:  # files the hooks make, which pages link to
        if (off / "site" / name).is_file():
            shutil.copy(off / "site" / name, off / "docs" / name)
    settings = yaml_load((off / "mkdocs.yml").read_text(encoding="utf-8"))  # !ENV tags too
    settings.update(nav=_plain(config.nav), extra=dict(config.extra), hooks=[],
                    site_url=config.site_url)  # the hooks set it from the partnership settings
    (off / "mkdocs.yml").write_text(yaml.safe_dump(settings))
    for project in (real, off):  # once untimed, so neither side's first run compiles Python
        timed("build", project)
    without, with_hooks, ratio = paired("build", off, real, runs)
    pages = html_pages(real)
    same = pages == html_pages(off) and all(
        but_edit_link(real / "site" / page) == but_edit_link(off / "site" / page) for page in pages)
    return (f"| The hooks add at most 10% to a build | {MET[ratio <= 1.1]}: ratio {ratio:.3f} "
            f"({with_hooks:.2f} s against {without:.2f} s for the same pages with the hooks off: "
            f"{'the same' if same else '**NOT the same**'} but for the edit link) |", real)


# What the hooks add to a page's HTML rather than its Markdown, which a site with the hooks off
# cannot have: the notes that keep a moved section's old link working, and the references in full
# that only print. These are left out of the comparison.
ADDED_TO_HTML = re.compile(r'<p id="[^"]*" class="moved-section">.*?</p>|'
                           r'<span id="[^"]*" class="moved-anchor"></span>|'
                           r'<div class="print-references">.*?</div>')


def but_edit_link(page: Path) -> list[str]:
    """A built page's lines but its edit link, which the hooks point at the page's data file,
    as text: a navigation title from mkdocs.yml is escaped differently from one the hooks give.
    What the hooks add to the HTML itself is left out (see ADDED_TO_HTML)."""
    return [_unescaped(ADDED_TO_HTML.sub("", line))
            for line in page.read_text(encoding="utf-8").splitlines()
            if line.strip() and 'rel="edit"' not in line]


def _unescaped(text: str) -> str:
    while (plain := html.unescape(text)) != text:
        text = plain
    return text


def renamed(record: dict, k: int) -> dict:
    """Copy k of an organisation, system or row, with ids of its own throughout. A copy keeps the
    real name as another name, so a copied row's who_holds text still names what it lists."""
    copy = {**record, "id": f"{record['id']}-c{k}"}
    copy.update({key: f"{record[key]} {k}" for key in ("name", "sector") if key in record})
    copy.update({key: [f"{other}-c{k}" for other in record[key]]
                 for key in ("kept_by", "holders", "systems", "also_named") if key in record})
    if "name" in record:
        copy["also_called"] = [record["name"], *record.get("also_called", [])]
    return copy


def synthetic_copy(project: Path, factor: int) -> Path:
    """Give a project ``factor`` times the real categories, rows, organisations and systems: the
    real data (so every link still leads somewhere) and renamed copies of it, each copy's
    organisations in sectors of their own. YAML comments, like formal-use marks, are not copied."""
    register_file, sources = project / "docs/data/holders.yml", project / "docs/sources"
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


def growth(folder: Path, real: Path, scales: list[int], runs: int) -> tuple[list[str], list[str]]:
    """Targets 2 and 3: each scale's build time per page against the real data's built alongside
    it, and validation time at 100x against the real data's. Summary lines, then a table."""
    hundred = synthetic_copy(copy_project(folder / "100x", real), 100)
    valid_1x, valid_100x, _ = paired("validation", real, hundred, runs)
    table = ["| Data | Pages | Build (s) | Per page (ms) | Real data alongside (s) | Per page "
             "against 1x |", "| --- | --- | --- | --- | --- | --- |"]
    ratio, factor = 1.0, 1
    for factor in sorted(set(scales) - {1}):
        project = hundred if factor == 100 else synthetic_copy(
            copy_project(folder / f"{factor}x", real), factor)
        # Builds worth about 30 of the real data's in all, and at least one pair.
        base, seconds, ratio = paired("build", real, project, min(runs, max(1, 30 // factor)))
        pages, real_pages = len(html_pages(project)), len(html_pages(real))
        ratio *= real_pages / pages
        table.append(f"| {factor}x | {pages} | {seconds:.1f} | {1000 * seconds / pages:.1f} | "
                     f"{base:.1f} ({1000 * base / real_pages:.1f} ms a page) | {ratio:.2f} |")
    return [f"| Build time grows no worse than linearly | {MET[ratio <= 1.2]} to {factor}x: time "
            f"per page {ratio:.2f} times the real data's (1.2 at most counts as linear) |",
            f"| Validation (`load_guidance`) of 100x the data takes under 1 s | "
            f"{MET[valid_100x < 1]}: {valid_100x:.3f} s (real data {valid_1x:.3f} s) |"], table


class _LoggingHandler(SimpleHTTPRequestHandler):
    """Serves the site and logs each response's address, status and body size (raw, gzipped):
    at the server, so what the search worker fetches counts as well as what the page does."""

    log: list[list] = []

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.entry = [self.path, int(code), 0, 0]
        self.log.append(self.entry)

    def copyfile(self, source, outputfile) -> None:
        body = source.read()
        outputfile.write(body)
        self.entry[2:] = [len(body), len(gzip.compress(body))]

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")  # revalidate on reuse, as many hosts ask
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


def browser_visits(site: Path, executable: str) -> list[str]:
    """What Chromium fetches for the home page in a fresh context, then for a second page in the
    same context (its cache warm), with nothing clicked or searched. The report's lines."""
    from playwright.sync_api import sync_playwright
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_LoggingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base, elsewhere = f"http://127.0.0.1:{server.server_address[1]}/", []
    lines = ["Chromium, fresh context; the site served on 127.0.0.1 by Python's http.server, which "
             "logs every response (gzipped: what a host that compresses would send) and asks the "
             "browser to revalidate files it keeps (`Cache-Control: no-cache`: 304, no body).", ""]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.on("request", lambda request: request.url.startswith((base, "data:"))
                   or elsewhere.append(request.url))
        logs: dict[str, list[list]] = {}
        for name, address in (("Home page, first visit", ""), ("Then /sources/", "sources/")):
            logs[name] = _LoggingHandler.log = []
            page = context.new_page()
            page.goto(base + address, wait_until="networkidle")
            page.wait_for_timeout(2000)  # for anything fetched once the page has settled
            page.close()
        browser.close()
    server.shutdown()
    for name, log in logs.items():
        fetched = {entry[0].split("?")[0] for entry in log}
        lines.append(f"- {name}: {len(log)} requests ({sum(e[1] == 304 for e in log)} answered "
                     f"304), {kb(sum(e[2] for e in log))}, {kb(sum(e[3] for e in log))} gzipped; "
                     + ", ".join(f"`{file}` {'' if '/' + file in fetched else 'not '}fetched"
                                 for file in ("search/search_index.json", "sitemap.xml")) + ".")
    largest = sorted(logs["Home page, first visit"], key=lambda entry: -entry[2])[:8]
    return lines + [f"- Requests to other hosts: {len(elsewhere) or 'none'}.", "",
                    "| Largest files, first visit | Size | Gzipped |", "| --- | --- | --- |",
                    *(f"| `{path}` | {kb(size)} | {kb(zipped)} |" for path, _, size, zipped in
                      largest)]


ALIAS_BOMB = "\n".join(['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', *(
    f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]"
    for previous, name in zip("abcdefgh", "bcdefghi"))]) + "\n"
DEEP = "deep: " + "[" * 5000 + "]" * 5000 + "\n"  # nesting that once crashed the C parser


def bad_input(folder: Path, runs: int) -> list[str]:
    """How long, and how much memory, the checks take to refuse the worst data we know of: the
    nine-line alias bomb (once 60 s and 1.4 GB, and growing) and deep nesting. Wall seconds and
    peak memory of the whole command, the slowest of up to three runs."""
    from tests.support.project import FixtureProject

    rows = []
    for name, text in (("A nine-line YAML alias bomb", ALIAS_BOMB),
                       ("Brackets nested 5,000 deep", DEEP)):
        for command in (["hooks/commands.py", "check"], ["-m", "mkdocs", "build", "--strict", "-q"]):
            project = FixtureProject(Path(tempfile.mkdtemp(dir=folder)))
            glossary = project.path("docs/data/glossary.yml")
            glossary.write_text(glossary.read_text(encoding="utf-8") + text, encoding="utf-8")
            worst_seconds, worst_mb, refused = 0.0, 0.0, True
            for _ in range(min(3, runs)):
                peak = project.root.parent / "peak.txt"
                start = time.monotonic()
                done = subprocess.run([sys.executable, str(ROOT / "tests/support/peak_memory.py"),
                                       str(peak), *command], cwd=project.root, capture_output=True,
                                      text=True, env=project.command_environment(), timeout=600)
                worst_seconds = max(worst_seconds, time.monotonic() - start)
                worst_mb = max(worst_mb, int(peak.read_text()) / 1024)
                refused &= done.returncode == 1 and "docs/data/glossary.yml:" in done.stderr
            met = worst_seconds < 2 and worst_mb < 100 and refused
            what = "`make check`" if command[0].endswith(".py") else "`mkdocs build --strict -q`"
            rows.append(f"| {name} is refused by {what} in under 2 s and 100 MB | {MET[met]}: "
                        f"{worst_seconds:.2f} s, {worst_mb:.0f} MB"
                        f"{'' if refused else ' (not refused at its line!)'} |")
    return rows


EDITION_LINE = re.compile(r"^(?P<path>\S+\.pdf): (?P<pages>\d+) pages, (?P<size>[^,]+), "
                          r"(?P<seconds>[\d.]+) s of CPU time$", re.MULTILINE)


def paper_editions(folder: Path, project: Path) -> list[str]:
    """The guide on paper: one run of `make pdf`'s command on ``project`` (the site built once,
    then every PDF rendered): its wall and CPU seconds, and each PDF's pages, size and
    rendering time (CPU) as the command reports them. The report's lines."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run([sys.executable, str(project / "hooks" / "commands.py"), "pdf", "--out",
                           str(folder / "pdf")], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=1800)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"the PDF editions of {project} failed:\n{done.stderr[-3000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    made = list(EDITION_LINE.finditer(done.stdout))
    total = sum(Path(line["path"]).stat().st_size for line in made)
    return [f"`make pdf`, one run: the site built once in strict mode, "
            f"then {len(made)} PDFs rendered, {kb(total)} in all: {wall:.0f} s wall, {cpu:.0f} s "
            "CPU. The first is the whole guide; each other is one section of the navigation.", "",
            "| PDF | Pages | Size | Rendered in (CPU s) |", "| --- | --- | --- | --- |",
            *(f"| `{Path(line['path']).name}` | {line['pages']} | {line['size']} | "
              f"{line['seconds']} |" for line in made)]


def offline_edition(folder: Path, project: Path) -> list[str]:
    """The offline edition: one run of `make offline`'s command on ``project`` (a strict build
    with the offline plugin, then the zip): its wall and CPU seconds, the zip's size and how many
    files it holds. The report's lines."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run([sys.executable, str(project / "hooks" / "commands.py"), "offline", "--out",
                           str(folder / "offline")], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"the offline edition of {project} failed:\n{done.stderr[-3000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    (archive,) = (folder / "offline").glob("*.zip")
    with zipfile.ZipFile(archive) as zipped:
        files = zipped.infolist()
    unpacked = sum(info.file_size for info in files)
    return [f"`make offline`, one run: {wall:.1f} s wall, {cpu:.1f} s "
            f"CPU. The zip is {kb(archive.stat().st_size)} ({archive.stat().st_size / 1024 / 1024:.1f}"
            f" MB), holding {len(files)} files, {unpacked / 1024 / 1024:.1f} MB unzipped."]


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="pairs of runs behind each ratio")
    parser.add_argument("--scales", default="1,10", help="data sizes to build; 100 takes minutes")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="the project whose builds are timed (its test gives a small one)")
    parser.add_argument("--pdf-project", type=Path, default=None,
                        help="the project whose editions (PDFs, offline zip) are timed: the "
                        "--project if not given")
    arguments = parser.parse_args()
    if (chromium := find_chromium()) is None:
        raise SystemExit(HOW_TO_GET_CHROMIUM)
    version = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                             capture_output=True, text=True).stdout.strip() or "an unknown version"
    scripts = b"".join(path.read_bytes() for path in  # a tool page's own: the kit and its tool's
                       [ROOT / "docs/assets/javascripts/guidance-kit.js",
                        *sorted((ROOT / "docs/assets/javascripts/tools").glob("*.js"))])
    with tempfile.TemporaryDirectory(prefix="guidance-benchmark-") as folder:
        project = arguments.project.resolve()
        editions = (arguments.pdf_project or project).resolve()
        hooks, real = hooks_cost(Path(folder), arguments.runs, project)
        summary, table = growth(Path(folder), real, [int(scale) for scale in
                                                     arguments.scales.split(",")], arguments.runs)
        summary.append(serve_rebuild(Path(folder), real))
        visits = browser_visits(real / "site", chromium)
        refused = bad_input(Path(folder), arguments.runs)
        paper = paper_editions(Path(folder), editions)
        offline = offline_edition(Path(folder), editions)
    text = "\n".join([
        "# Build benchmark results", "", f"{date.today()}, at `{version}`, on {os.cpu_count()} "
        f"cores shared with other work (load average {os.getloadavg()[0]:.1f} at the end). Times "
        "are CPU seconds of the building process: medians of pairs of runs made alternately.", "",
        "| Target | Result |", "| --- | --- |", hooks, *summary,
        f"| The tools' scripts come to at most 20 KB | {MET[len(scripts) <= 20 * 1024]}: "
        f"{kb(len(scripts))}, {kb(len(gzip.compress(scripts)))} gzipped |", *refused, "",
        "## Growth with data", "", "The real data and renamed copies of its categories, rows, "
        "organisations and systems, each scale built alternately with the real data.", "",
        *table, "", "## What a reader's browser loads", "", *visits, "",
        "## The guide on paper", "", *paper, "", "## The offline edition", "", *offline, ""])
    arguments.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
