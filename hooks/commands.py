#!/usr/bin/env python3
"""The project's commands, behind one error boundary (the Makefile runs each of them).

    python hooks/commands.py check [DOCS]          check the data and pages, without building
    python hooks/commands.py offline [--out dist]  the offline edition, as a zip
    python hooks/commands.py pdf [--out dist/pdf] [--only NAME ...]   the PDF editions
    python hooks/commands.py published-links       add the site's links to the published list
    python hooks/commands.py field-reference [--check]   write (or check) editing/fields.md
    python hooks/commands.py check-editions FOLDER      check a release's files

Every command that builds takes ``--project`` (this checkout by default). Whatever goes wrong is
a ``path:line`` message or one plain sentence, never a traceback. Exit codes: 0 done; 1 a problem
in the data, the pages or the editions; 2 the command or a setting (like GUIDANCE_TODAY) is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

HOOKS = Path(__file__).resolve().parent
ROOT = HOOKS.parent
sys.path.insert(0, str(HOOKS))

from guidance.problems import CommandError, DataError  # noqa: E402
from guidance.review_dates import build_day  # noqa: E402


def today() -> date:
    """The build day: today, or GUIDANCE_TODAY."""
    try:
        return build_day(os.environ)
    except ValueError as error:
        raise CommandError(str(error), 2) from None


def out_folder(folder: Path) -> Path:
    """A folder to write into, made if need be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"{folder}: cannot write there ({error.strerror}). Give another "
                           "folder with --out.", 2) from None
    return folder


# The commands -------------------------------------------------------------------------------

def check(arguments: argparse.Namespace) -> int:
    """The data and the hand-written pages, as the build checks them, without MkDocs."""
    from guidance.language import uses_in_guidance
    from guidance.load import load_guidance
    from guidance.page_safety import markdown_renderer, markdown_settings
    docs = arguments.docs or arguments.project / "docs"
    if not docs.is_dir():
        raise CommandError(f"{docs}: no such folder. Give the path of the docs/ folder.", 2)
    day = today()
    config = docs.parent / "mkdocs.yml"
    try:
        render = markdown_renderer(*markdown_settings(config))
    except Exception as error:  # a missing file, YAML MkDocs would refuse, an unknown extension
        raise CommandError(f"{config}: the Markdown settings cannot be read ({error}). Run "
                           "`make build` for MkDocs' own message.", 2) from None
    guidance = load_guidance(docs, today=day, render=render)
    uses = uses_in_guidance(guidance)
    if uses:
        print(f"The guidance uses {len(uses)} discouraged term{'s' if len(uses) != 1 else ''}:",
              *map(str, uses), sep="\n", file=sys.stderr)
        return 1
    print(f"The guidance data is fine: {len(guidance.categories)} categories, "
          f"{guidance.row_count} rows, {len(guidance.holders)} organisations, "
          f"{len(guidance.terms)} glossary entries, {len(guidance.checklists)} checklists.")
    return 0


def offline(arguments: argparse.Namespace) -> int:
    from offline_edition import build_offline_edition
    archive = build_offline_edition(out_folder(arguments.out.resolve()), arguments.project, today())
    print(f"wrote {archive} ({archive.stat().st_size / 1024 / 1024:.1f} MB)")
    return 0


def pdf(arguments: argparse.Namespace) -> int:
    from pdf_editions import make_pdfs
    started, day = time.monotonic(), today()
    made = make_pdfs(arguments.project, out_folder(arguments.out), arguments.only, day)
    print(f"{made} PDF{'s' if made != 1 else ''} of the edition of {day.isoformat()} in "
          f"{arguments.out}, in {time.monotonic() - started:.0f} s.")
    return 0


def published_links(arguments: argparse.Namespace) -> int:
    from published_links import add_current_links
    today()
    print(add_current_links(arguments.project))
    return 0


def field_reference(arguments: argparse.Namespace) -> int:
    from guidance.field_reference import OUTPUT, reference
    output = arguments.project / OUTPUT
    text = reference()
    if arguments.check:
        current = output.read_text(encoding="utf-8") if output.is_file() else ""
        if current != text:
            raise CommandError(f"{OUTPUT} is out of date: run `make field-reference`.")
        return 0
    output.parent.mkdir(exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output}")
    return 0


def check_editions(arguments: argparse.Namespace) -> int:
    from check_editions import check_release
    if not arguments.folder.is_dir():
        raise CommandError(f"{arguments.folder}: no such folder. Give the folder of the "
                           "release's files.", 2)
    problems = check_release(arguments.folder)
    print(*problems, sep="\n") if problems else print(
        f"Every file in {arguments.folder} is ready to release.")
    return 1 if problems else 0


# One entry, one error boundary ----------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(prog="hooks/commands.py",
                                       description=__doc__.split("\n\n")[0])
    chosen = commands.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run, about: str) -> argparse.ArgumentParser:
        one = chosen.add_parser(name, help=about, description=about)
        one.add_argument("--project", type=Path, default=ROOT, help="the project (this one)")
        one.set_defaults(run=run)
        return one

    command("check", check, "Check the data and pages without building the site.").add_argument(
        "docs", nargs="?", type=Path, help="the docs/ folder (the project's own)")
    command("offline", offline, "Build the offline edition, a zip that works from a shared "
            "drive.").add_argument("--out", type=Path, default=ROOT / "dist",
                                   help="where to write the zip")
    pdfs = command("pdf", pdf, "Build the PDF editions: the whole guide and each section.")
    pdfs.add_argument("--out", type=Path, default=ROOT / "dist" / "pdf", help="folder for PDFs")
    pdfs.add_argument("--only", action="append", default=[], metavar="NAME",
                      help="make only this edition: whole, or a section's title")
    command("published-links", published_links, "At a release: add every current page and "
            "section address to docs/data/published-links.txt.")
    command("field-reference", field_reference, "Write editing/fields.md from the record "
            "declarations.").add_argument("--check", action="store_true",
                                          help="write nothing; fail if the file is out of date")
    command("check-editions", check_editions, "Check the files a release attaches."
            ).add_argument("folder", type=Path)
    return commands


def main(argv: list[str]) -> int:
    """Run one command; report anything that goes wrong without a traceback."""
    arguments = parser().parse_args(argv)  # exits 2, with the usage, if the command is wrong
    arguments.project = arguments.project.resolve()
    try:
        return arguments.run(arguments)
    except DataError as error:
        print(error.report(), file=sys.stderr)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"{error.filename or 'a file'}: {error.strerror or error}. Check the path, and "
              "that you may read and write there.", file=sys.stderr)
    except Exception as error:  # the boundary: a fault in the commands, not in the reader's edit
        print(f"The command failed unexpectedly ({type(error).__name__}: {error}). This is a "
              "fault in the project's code, not in your edit: please tell a developer, with this "
              "message.", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
