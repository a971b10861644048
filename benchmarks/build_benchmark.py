#!/usr/bin/env python3
"""Build benchmark: how much the hooks cost, how the build grows with data, and page weight.

Usage: .venv/bin/python benchmarks/build_benchmark.py [--runs N] [--scales 1,10,100] [--out FILE]
       .venv/bin/python benchmarks/build_benchmark.py --only scripts

Prints a Markdown report and writes it to benchmarks/results.md. Every build runs in a fresh
Python process, timed around MkDocs' own load_config() and build(), so start-up costs are equal on
both sides of each comparison. Targets (from the project's issue tracker):

- the hooks add at most 10% to build time;
- build time grows no worse than linearly with the amount of data;
- validating 100x the real data takes under a second;
- no kind of page weighs more than a bare Material page plus 20 KB;
- the thinking tools' scripts come to at most 20 KB together (``--only scripts`` measures just
  this, in a second, and updates that section of the results).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guidance.files import CHANGES_FILE, PUBLISHED_LINKS_FILE  # noqa: E402
from guidance.generated import add_to_nav, generated_pages  # noqa: E402
from guidance.inserts import abbreviations, fill_inserts  # noqa: E402
from guidance.load import load_guidance  # noqa: E402
from guidance.model import Guidance  # noqa: E402

COPIED = ("docs", "hooks", "overrides", "mkdocs.yml")
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

_TIMED_BUILD = textwrap.dedent("""
    import json, logging, resource, sys, time
    logging.disable(logging.WARNING)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    start = time.perf_counter()
    build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=False))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")

_TIMED_VALIDATION = textwrap.dedent("""
    import json, resource, sys, time
    sys.path.insert(0, sys.argv[2])
    from guidance.load import load_guidance
    from pathlib import Path
    start = time.perf_counter()
    guidance = load_guidance(Path(sys.argv[1]))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rows": guidance.row_count,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")


def timed(script: str, *arguments: str) -> dict:
    result = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True,
                            text=True, env=ENVIRONMENT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"a timed run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def copy_project(destination: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


# The hooks' cost ------------------------------------------------------------------------------

def static_copy(project: Path) -> None:
    """Turn a project copy into the same site with the hooks off: every page the hooks would make
    or change is written out as a plain Markdown file, and the navigation is written in full."""
    docs = project / "docs"
    guidance = load_guidance(docs)
    tooltips = abbreviations(guidance)
    for page in generated_pages(guidance, today=date.today()):
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown + tooltips, encoding="utf-8")
    for path in docs.rglob("*.md"):
        uri = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        if not text.endswith(tooltips):
            path.write_text(fill_inserts(text, page=uri, guidance=guidance) + tooltips,
                            encoding="utf-8")
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    text = text.replace("hooks:\n  - hooks/guidance_hooks.py\n", "")
    config = yaml.safe_load(text.replace("!ENV", ""))
    add_to_nav(config["nav"], generated_pages(guidance, today=date.today()))
    partnership = {"name": guidance.partnership.name,
                   "contact_email": guidance.partnership.contact_email}
    text = text[:text.index("\nnav:")] + "\n" + yaml.safe_dump({"nav": config["nav"]},
                                                                sort_keys=False)
    text = text.replace("extra:\n", "extra:\n  partnership: " + json.dumps(partnership) + "\n", 1)
    config_path.write_text(text, encoding="utf-8")


def hooks_cost(work: Path, runs: int) -> dict:
    with_hooks = copy_project(work / "with-hooks")
    without = copy_project(work / "without-hooks")
    static_copy(without)
    times: dict[str, list[float]] = {"hooks": [], "static": []}
    for _ in range(runs):  # alternate, so drift in the machine's speed hits both sides alike
        for name, project in (("hooks", with_hooks), ("static", without)):
            times[name].append(timed(_TIMED_BUILD, str(project / "mkdocs.yml"),
                                     str(project / "site"))["seconds"])
    same = sorted(p.relative_to(with_hooks / "site").as_posix()
                  for p in (with_hooks / "site").rglob("*.html")) == sorted(
        p.relative_to(without / "site").as_posix() for p in (without / "site").rglob("*.html"))
    return {"hooks": statistics.median(times["hooks"]), "static": statistics.median(times["static"]),
            "hooks_min": min(times["hooks"]), "static_min": min(times["static"]),
            "ratio": statistics.median(hooks / static for hooks, static in
                                       zip(times["hooks"], times["static"])),
            "min_ratio": min(times["hooks"]) / min(times["static"]),
            "median_ratio": statistics.median(times["hooks"]) / statistics.median(times["static"]),
            "same_pages": same, "runs": runs}


# Growth with data -------------------------------------------------------------------------------

def synthetic_copy(project: Path, real: Guidance, factor: int) -> None:
    """Replace the categories and register with ``factor`` renamed copies of the real ones."""
    docs = project / "docs"
    for path in (docs / "sources").glob("*.yml"):
        path.unlink()
    holders, systems = [], []
    for copy in range(factor):
        suffix = f"-{copy}"
        for holder in real.holders:
            holders.append({"id": holder.id + suffix, "name": f"{holder.name} {copy}",
                            "description": holder.description})
        for system in real.systems:
            systems.append({"id": system.id + suffix, "name": f"{system.name} {copy}",
                            "kept_by": [holder_id + suffix for holder_id in system.kept_by],
                            "description": system.description})
        for category in real.categories:
            rows = []
            for row in category.rows:
                names = [f"{real.holder(holder_id).name} {copy}" for holder_id in row.holders]
                held_on = [f"{real.system(system_id).name} {copy}" for system_id in row.systems]
                generated = {
                    "id": row.id + suffix, "information": f"{row.information} ({copy})",
                    "who_holds": "; ".join(names) + (f" – held on {', '.join(held_on)}"
                                                     if held_on else ""),
                    "holders": [holder_id + suffix for holder_id in row.holders]}
                if row.systems:
                    generated["systems"] = [system_id + suffix for system_id in row.systems]
                if row.relevant_if:
                    generated["relevant_if"] = row.relevant_if
                rows.append(generated)
            (docs / "sources" / f"{category.id}{suffix}.yml").write_text(yaml.safe_dump({
                "review": _review_of(f"sources/{category.id}.yml"),
                "title": f"{category.title} ({copy})", "short_title": category.short_title,
                "order": copy * 1000 + category.order, "source": category.reference,
                "why_it_matters": category.why_it_matters, "rows": rows},
                sort_keys=False, allow_unicode=True), encoding="utf-8")
    (docs / "data" / "holders.yml").write_text(yaml.safe_dump(
        {"review": _review_of("data/holders.yml"), "holders": holders, "systems": systems},
        sort_keys=False, allow_unicode=True), encoding="utf-8")
    # The real pages' addresses are gone, so the published links and changes that name them go too.
    (docs / PUBLISHED_LINKS_FILE).write_text("", encoding="utf-8")
    (docs / CHANGES_FILE).write_text(yaml.safe_dump(
        {"review": _review_of(CHANGES_FILE), "changes": []}, sort_keys=False), encoding="utf-8")


def _review_of(path: str) -> dict:
    """The review block of a real data file under docs/, for the synthetic copies of it."""
    return yaml.safe_load((ROOT / "docs" / path).read_text(encoding="utf-8"))["review"]


def growth(work: Path, scales: list[int]) -> list[dict]:
    real = load_guidance(ROOT / "docs")
    results = []
    for factor in scales:
        project = copy_project(work / f"scale-{factor}")
        if factor != 1:
            synthetic_copy(project, real, factor)
        validation = min((timed(_TIMED_VALIDATION, str(project / "docs"), str(ROOT / "hooks"))
                          for _ in range(3)), key=lambda run: run["seconds"])
        build = timed(_TIMED_BUILD, str(project / "mkdocs.yml"), str(project / "site"))
        pages = sum(1 for _ in (project / "site").rglob("*.html"))
        results.append({"factor": factor, "rows": validation["rows"], "pages": pages,
                        "build": build["seconds"], "build_mb": build["peak_mb"],
                        "validation": validation["seconds"],
                        "validation_mb": validation["peak_mb"]})
        shutil.rmtree(project)
    return results


# Page weight -------------------------------------------------------------------------------------

KINDS = {"home page": "index.html", "sources overview": "sources/index.html",
         "category page": "sources/previous-offending/index.html",
         "organisation page": "organisations/police/index.html",
         "organisations list": "organisations/index.html", "glossary": "glossary/index.html",
         "audit learning": "audit-learning/index.html", "404 page": "404.html",
         "tool page (request planner)": "tools/request-planner/index.html"}


def weigh(site: Path, page: str) -> dict:
    """Bytes a browser loads for one page: its HTML, stylesheets and scripts (raw and gzipped)."""
    html_path = site / page
    html = html_path.read_bytes()
    text = html.decode("utf-8")
    assets: dict[str, list[Path]] = {"css": [], "js": []}
    for kind, pattern in (("css", r'<link rel="stylesheet" href="([^"]+)"'),
                          ("js", r'<script[^>]* src="([^"]+)"')):
        for href in re.findall(pattern, text):
            if "://" in href:
                continue
            base = site if href.startswith("/") else html_path.parent
            assets[kind].append((base / href.split("?")[0].lstrip("/")).resolve())
    sizes = {"html": (len(html), len(gzip.compress(html)))}
    for kind, paths in assets.items():
        data = b"".join(path.read_bytes() for path in paths)
        sizes[kind] = (len(data), len(gzip.compress(data)))
    sizes["total"] = tuple(sum(size[i] for size in sizes.values()) for i in (0, 1))
    return sizes


def bare_copy(project: Path) -> None:
    """The same pages under Material's defaults: the hooks' output written out, and none of the
    site's palette, features, template overrides, stylesheet or script."""
    static_copy(project)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    bare = {key: config[key] for key in ("site_name", "site_url", "docs_dir", "exclude_docs",
                                         "markdown_extensions", "nav")}
    bare.update(theme={"name": "material"}, plugins=["search"])
    (project / "mkdocs.yml").write_text(yaml.safe_dump(bare, sort_keys=False), encoding="utf-8")


def index_size(site: Path) -> tuple[int, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data))


def page_weight(work: Path) -> dict:
    ours = copy_project(work / "weight")
    bare = copy_project(work / "weight-bare")
    bare_copy(bare)
    for project in (ours, bare):
        timed(_TIMED_BUILD, str(project / "mkdocs.yml"), str(project / "site"))
    return {"pages": {kind: (weigh(ours / "site", page), weigh(bare / "site", page))
                      for kind, page in KINDS.items()},
            "search_index": (index_size(ours / "site"), index_size(bare / "site"))}


TOOL_SCRIPTS = ROOT / "docs" / "assets" / "javascripts" / "tools"
SCRIPTS_HEADING = "## Thinking tools' scripts"


def tool_scripts() -> str:
    """The report section on the tools' scripts: every module, raw and gzipped, against 20 KB."""
    lines = [SCRIPTS_HEADING, "",
             "Every module in `docs/assets/javascripts/tools/`, as served (no minifying).", "",
             "| Script | Raw (KB) | Gzipped (KB) |", "| --- | --- | --- |"]
    total = b""
    for path in sorted(TOOL_SCRIPTS.glob("*.js")):
        data = path.read_bytes()
        total += data
        lines.append(f"| {path.name} | {kb(len(data))} | {kb(len(gzip.compress(data)))} |")
    lines += [f"| All together | {kb(len(total))} | {kb(len(gzip.compress(total)))} |", "",
              f"Target at most 20 KB raw for all tools together: "
              f"{'met' if len(total) <= 20 * 1024 else 'NOT met'}.", ""]
    return "\n".join(lines)


def replace_section(text: str, heading: str, section: str) -> str:
    """``text`` with the section under ``heading`` replaced by ``section`` (or added at the end)."""
    start = text.find(heading)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(heading))
    return text[:start] + section + (text[end + 1:] if end >= 0 else "")


# Report ------------------------------------------------------------------------------------------

def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def report(cost: dict, scales: list[dict], weight: dict) -> str:
    lines = ["# Build benchmark results", "",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}. Made by `benchmarks/build_benchmark.py`.", "",
             "## What the hooks cost", "",
             f"{cost['runs']} builds each, alternating: the real site with its hooks, and the "
             "same rendered pages written out as plain Markdown with the hooks off. Single "
             "builds on a shared 2-core machine vary by a third or more, so each build with hooks "
             "is compared with the build without them that ran next to it, and the target is "
             "judged on the median of those paired ratios.", "",
             "| Build | Fastest (s) | Median (s) |", "| --- | --- | --- |",
             f"| With hooks | {cost['hooks_min']:.2f} | {cost['hooks']:.2f} |",
             f"| Same pages, hooks off | {cost['static_min']:.2f} | {cost['static']:.2f} |",
             f"| Ratio | {cost['min_ratio']:.3f} | {cost['median_ratio']:.3f} |", "",
             f"Median of the {cost['runs']} paired ratios: {cost['ratio']:.3f}.", "",
             f"The hooks add {100 * (cost['ratio'] - 1):+.1f}% to build time (target at most "
             f"+10%: {'met' if cost['ratio'] <= 1.10 else 'NOT met'}).", "",
             f"Both builds made the same set of pages: {'yes' if cost['same_pages'] else 'NO'}.", "",
             "## Growth with data", "",
             "Synthetic data: renamed copies of the real categories, rows, organisations and "
             "systems. Validation is `load_guidance` alone (best of 3); the build is a full "
             "`mkdocs build`.", "",
             "| Data | Rows | Pages | Build (s) | Build per page (ms) | Build peak memory (MB) "
             "| Validation (s) | Validation peak memory (MB) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in scales:
        lines.append(f"| {row['factor']}x | {row['rows']} | {row['pages']} | {row['build']:.2f} | "
                     f"{1000 * row['build'] / row['pages']:.1f} | {row['build_mb']:.0f} | "
                     f"{row['validation']:.3f} | {row['validation_mb']:.0f} |")
    largest = max(scales, key=lambda row: row["factor"])
    smallest = min(scales, key=lambda row: row["factor"])
    if largest is not smallest:
        growth_factor = largest["rows"] / smallest["rows"]
        time_factor = largest["build"] / smallest["build"]
        lines += ["", f"From {smallest['factor']}x to {largest['factor']}x the data grows "
                  f"{growth_factor:.0f}-fold and the build time {time_factor:.1f}-fold "
                  f"(target: no worse than linear: {'met' if time_factor <= growth_factor else 'NOT met'}). "
                  f"Validating {largest['factor']}x data takes {largest['validation']:.3f} s "
                  f"(target under 1 s: {'met' if largest['validation'] < 1 else 'NOT met'})."]
    lines += ["", "## Page weight", "",
              "Bytes a browser loads for one page (its HTML, stylesheets and scripts), in KB raw / "
              "gzipped, against the same page built by a bare Material configuration (Material's "
              "defaults, with the site's Markdown extensions and none of its palette, features, "
              "overrides, stylesheet or script). Web fonts are not counted: the site loads none, "
              "and a bare Material page would fetch them from another host.", "",
              "| Page | HTML | CSS | JavaScript | Total | Bare Material total | Over bare (raw) "
              "| Target (+20 KB) |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for kind, (sizes, bare) in weight["pages"].items():
        over = sizes["total"][0] - bare["total"][0]
        lines.append(f"| {kind} | {kb(sizes['html'][0])} / {kb(sizes['html'][1])} | "
                     f"{kb(sizes['css'][0])} / {kb(sizes['css'][1])} | {kb(sizes['js'][0])} / "
                     f"{kb(sizes['js'][1])} | {kb(sizes['total'][0])} / {kb(sizes['total'][1])} | "
                     f"{kb(bare['total'][0])} / {kb(bare['total'][1])} | {over / 1024:+.1f} | "
                     f"{'met' if over <= 20 * 1024 else 'NOT met'} |")
    index, bare_index = weight["search_index"]
    lines += ["", f"Search index (fetched only when a reader searches): {kb(index[0])} KB raw, "
              f"{kb(index[1])} KB gzipped; bare Material's for the same pages: "
              f"{kb(bare_index[0])} KB raw.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--only", choices=["scripts"],
                        help="measure only the tools' scripts and update that section")
    arguments = parser.parse_args()
    if arguments.only == "scripts":
        section = tool_scripts()
        print(section)
        previous = arguments.out.read_text(encoding="utf-8") if arguments.out.exists() else ""
        arguments.out.write_text(replace_section(previous, SCRIPTS_HEADING, section),
                                 encoding="utf-8")
        return
    with tempfile.TemporaryDirectory(prefix="guidance-benchmark-") as folder:
        work = Path(folder)
        cost = hooks_cost(work, arguments.runs)
        print(f"hooks cost measured: {cost}", file=sys.stderr, flush=True)
        scales = growth(work, [int(scale) for scale in arguments.scales.split(",")])
        print(f"growth measured: {scales}", file=sys.stderr, flush=True)
        weight = page_weight(work)
    text = report(cost, scales, weight) + "\n" + tool_scripts()
    print(text)
    arguments.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
