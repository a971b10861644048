"""What a policy lead edits with: the short task pages in editing/ and their index,
CONTRIBUTING.md; the page of build messages the build's `More:` lines point to; the pull request
template; and the workflow that checks every pull request."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "CONTRIBUTING.md"
EDITING = ROOT / "editing"
MESSAGES = EDITING / "build-messages.md"
WORKFLOW = ROOT / ".github/workflows/pull-request.yml"
TEMPLATE = ROOT / ".github/pull_request_template.md"

TASK_PAGES = ("fix-a-sentence", "add-a-row", "add-an-organisation", "add-a-category",
              "record-a-review", "rename-or-move-a-heading", "add-a-discouraged-term",
              "add-a-change-entry", "set-the-immediate-danger-route", "help-search-find-a-page")
# Written elsewhere: the field reference is generated from the code's record declarations.
FIELDS = EDITING / "fields.md"
LONGEST_PAGE = 60  # lines: a task page is read in a few minutes, on one screen or so
# New files that a task page's example creates, so they do not exist in docs/ yet.
EXAMPLE_NEW_FILES = {"docs/sources/housing.yml"}

def message_codes() -> tuple[str, ...]:
    """The codes the build's messages carry (`More: editing/build-messages.md#CODE`)."""
    from guidance.problems import CODES  # hooks/ is on the path (tests/conftest.py)
    return tuple(CODES)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def guide_pages() -> list[Path]:
    """CONTRIBUTING.md and every page in editing/."""
    return [INDEX, *sorted(EDITING.glob("*.md"))]


def short_pages() -> list[Path]:
    """Every page a policy lead reads through: all but the two reference pages."""
    return [INDEX, *(page for page in sorted(EDITING.glob("*.md"))
                     if page not in (MESSAGES, FIELDS))]


# Markdown as GitHub shows it ---------------------------------------------------------------

FENCE = re.compile(r"^ *(```|~~~).*?^ *\1[^\n]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def prose(text: str) -> str:
    """The text without code blocks or inline code, where a link is really a link."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def github_anchors(text: str) -> set[str]:
    """The anchors GitHub gives a Markdown file: `<a id>` / `<a name>` anchors, and one per
    heading (lower case, punctuation dropped, spaces to hyphens, repeats numbered)."""
    anchors = set(re.findall(r"""<a\s+(?:id|name)=["']([^"']+)["']""", text))
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", FENCE.sub("", text), re.MULTILINE):
        words = re.sub(r"`|\*\*|__", "", heading).strip().lower()
        slug = re.sub(r"[^\w\- ]", "", words).replace(" ", "-")
        anchors.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


def relative_links() -> list:
    """Every relative link in the guide, as a test case."""
    cases = []
    for page in guide_pages():
        for target in LINK.findall(prose(read(page))):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue  # a web address or mail link: not checked here
            cases.append(pytest.param(page, target, id=f"{page.relative_to(ROOT)}->{target}"))
    return cases


# The task pages and their index -------------------------------------------------------------

@pytest.mark.parametrize("name", TASK_PAGES)
def test_every_task_page_exists_and_is_linked_from_the_index(name):
    page = EDITING / f"{name}.md"
    assert page.is_file(), f"editing/{name}.md is missing"
    assert f"(editing/{name}.md)" in read(INDEX), f"CONTRIBUTING.md does not link editing/{name}.md"


def test_the_index_links_the_reference_pages_and_says_how_to_get_help():
    index = read(INDEX)
    for page in ("editing/build-messages.md", "editing/fields.md", "editing/github-steps.md"):
        assert f"({page})" in index, f"CONTRIBUTING.md does not link {page}"
    assert "## Getting help" in index


@pytest.mark.parametrize("page", short_pages(), ids=lambda page: page.name)
def test_each_page_is_short(page):
    lines = read(page).count("\n")
    assert lines <= LONGEST_PAGE, (f"{page.relative_to(ROOT)} has {lines} lines; keep it to "
                                   f"{LONGEST_PAGE} so it is read in a few minutes")


@pytest.mark.parametrize("name", TASK_PAGES)
def test_each_task_page_says_when_how_what_success_looks_like_and_who_approves(name):
    text = read(EDITING / f"{name}.md")
    assert re.search(r"^Use this (when|to)\b", text, re.MULTILINE), "say when to use it"
    for needed in ("**Commit changes…**", "(build-messages.md", "preview",
                   "## What success looks like", "green tick", "## Who approves"):
        assert needed in text, f"editing/{name}.md does not say {needed!r}"
    assert re.search(r"\bpull request\b", text)


def test_the_roles_the_pages_name_are_the_partnerships_roles():
    """Checked against the list of roles only, never a file's own review block: a policy lead who
    changes a file's owner must not find a test of this guide failing."""
    roles = yaml.safe_load(read(ROOT / "docs/data/partnership.yml"))["review_owners"]
    named = []
    for page in sorted(EDITING.glob("*.md")):
        text = " ".join(read(page).split())
        for file, role in re.findall(r"The owner of `(docs/[^`]+)`[^*]*? is the \*\*([^*]+)\*\*",
                                     text):
            assert role in roles, f"{page.name}: {role!r} is not one of review_owners {roles}"
            named.append(file)
    assert len(named) >= len(TASK_PAGES), "each task page names the role that approves"


def test_the_files_the_pages_name_exist():
    for page in guide_pages():
        for path in re.findall(r"`(docs/[^`*\s]+)`", read(page)):
            if path not in EXAMPLE_NEW_FILES:
                assert (ROOT / path).exists(), f"{page.name} names {path}, which does not exist"


# Links --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("page", "target"), relative_links())
def test_every_relative_link_leads_to_a_file_and_anchor_that_exist(page, target):
    path, _, anchor = target.partition("#")
    resolved = (page.parent / path).resolve() if path else page
    assert resolved.exists(), f"{page.relative_to(ROOT)} links to {target}, which does not exist"
    if anchor and resolved.suffix == ".md":
        assert anchor in github_anchors(read(resolved)), (
            f"{page.relative_to(ROOT)} links to {target}, but {resolved.name} has no #{anchor}")


# The README and the developers' documents ----------------------------------------------------

README = ROOT / "README.md"
DEVELOPER = sorted((ROOT / "developer").glob("*.md"))


def test_the_readme_is_read_in_a_couple_of_minutes():
    lines = read(README).count("\n")
    assert lines <= 150, f"README.md has {lines} lines: move detail to developer/"
    for page in DEVELOPER:
        assert f"(developer/{page.name}" in read(README), f"README.md does not link {page.name}"


@pytest.mark.parametrize("page", [README, *DEVELOPER], ids=lambda page: page.name)
def test_every_relative_link_in_the_developers_documents_resolves(page):
    for target in LINK.findall(prose(read(page))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue
        path, _, section = target.partition("#")
        resolved = (page.parent / path).resolve()
        assert resolved.exists(), f"{page.name} links to {target}, which does not exist"
        if section and resolved.suffix == ".md":
            assert section in github_anchors(read(resolved)), f"{page.name}: no #{section}"


# Build messages -----------------------------------------------------------------------------

@pytest.mark.parametrize("code", message_codes())
def test_every_message_code_has_its_section(code):
    text = read(MESSAGES)
    assert re.search(rf'^<a id="{re.escape(code)}"></a>\n#{{2,3}} .+$', text, re.MULTILINE), (
        f'editing/build-messages.md needs `<a id="{code}"></a>` on the line before its heading, '
        f"so `More: editing/build-messages.md#{code}` lands on it")
    assert f"](#{code})" in text, f"the list at the top of build-messages.md does not link {code}"


def test_every_section_of_the_messages_page_is_a_code_the_build_gives():
    anchors = re.findall(r'^<a id="([^"]+)"></a>$', read(MESSAGES), re.MULTILINE)
    unknown = sorted(set(anchors) - set(message_codes()))
    assert not unknown, f"build-messages.md has sections for codes the build never gives: {unknown}"
    assert len(anchors) == len(set(anchors)), "a code has two sections"


def test_each_message_section_explains_a_real_example_and_the_fix():
    sections = re.split(r'^<a id="[^"]+"></a>$', read(MESSAGES), flags=re.MULTILINE)[1:]
    for section in sections:
        heading = section.strip().splitlines()[0]
        assert "```text\n" in section, f"{heading}: give one real example message"
        assert "**Fix it:**" in section, f"{heading}: say how to fix it"


def test_the_messages_quoted_are_messages_the_code_writes():
    quoted = re.findall(r"^(?:WARNING -  |ERROR   -  )?(docs/[\w./-]+):(\d+): (.+)$",
                        read(MESSAGES), re.MULTILINE)
    assert len(quoted) >= 20, "the page should quote the build's real messages"
    code = "\n".join(read(path) for path in [*(ROOT / "hooks/guidance").rglob("*.py"),
                                             ROOT / "hooks/guidance_hooks.py"])
    verified = 0
    for _, _, message in quoted:
        # The message's fixed words, up to its first quoted value, address, #id or number, must be
        # words the code writes: a paraphrased or invented message fails. (Some messages are
        # put together from parts, so the words are checked, not the whole phrase.)
        opening = re.split(r"['\"/\d:#]", message)[0]
        if len(opening.strip()) >= 12:
            unknown = [word for word in opening.split() if word not in code]
            assert not unknown, f"not a message the build gives: {message} ({unknown})"
            verified += 1
    assert verified >= 15


# The pull request template ------------------------------------------------------------------

def test_the_pull_request_template_lists_the_reviewer_checks():
    template = read(TEMPLATE).lower()
    for check in ("preview", "reference", "allegation", "review", "changes.yml", "redirect",
                  "owner", "build-messages.md"):
        assert check in template, f"the pull request template does not mention {check}"


# The workflow -------------------------------------------------------------------------------

def workflow() -> dict:
    return yaml.safe_load(read(WORKFLOW))


def readme_test_command() -> str:
    """The test command in the README's first code block (its second line)."""
    block = re.search(r"```sh\n(.*?)```", read(ROOT / "README.md"), re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    return commands[1]


def main_job() -> dict:
    return next(job for job in workflow()["jobs"].values()
                if any(step.get("run", "").strip() == readme_test_command()
                       for step in job["steps"]))


def step_index(steps: list[dict], test, what: str) -> int:
    found = [number for number, step in enumerate(steps) if test(step.get("run", ""))]
    assert found, f"no step {what}"
    return found[0]


def test_the_workflow_runs_on_pull_requests_every_week_and_by_hand():
    triggers = workflow().get("on", workflow().get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert "workflow_dispatch" in triggers
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert crons and all(len(cron.split()) == 5 for cron in crons)
    assert any(cron.split()[4] != "*" and cron.split()[2] == "*" for cron in crons), (
        "the schedule should run once a week, so overdue reviews are reported")


def test_the_data_check_and_a_strict_build_come_before_the_tests():
    assert readme_test_command() == "make test"
    job = main_job()
    assert job["container"] == "python:3.11-bookworm"
    steps = job["steps"]
    make = step_index(steps, lambda run: "apt-get install" in run and "make" in run.split(),
                      "installs make from Debian")
    check = step_index(steps, lambda run: run.strip() == "make check", "runs make check")
    build = step_index(steps, lambda run: ".venv/bin/mkdocs build --strict" in run
                       and "--no-directory-urls" not in run, "makes a strict build")
    chromium = step_index(steps, lambda run: "apt-get install" in run and "chromium" in run,
                          "installs chromium from Debian")
    tests = step_index(steps, lambda run: run.strip() == "make test", "runs make test")
    # The data check and the strict build answer first, before Chromium is even fetched.
    assert make < check < build < chromium < tests, (
        "install make, check and build, then install Chromium and run the tests")


def test_the_preview_is_built_and_uploaded_even_when_a_test_fails_but_not_when_the_build_does():
    """The preview is the offline edition, unzipped into the folder the artefact "site" holds,
    as editing/github-steps.md tells an editor to expect."""
    steps = main_job()["steps"]
    build = steps[step_index(steps, lambda run: ".venv/bin/mkdocs build --strict" in run,
                             "makes a strict build")]
    tests = step_index(steps, lambda run: run.strip() == "make test", "runs make test")
    number = step_index(steps, lambda run: "make offline" in run, "builds the preview")
    preview = steps[number]
    assert number > tests
    assert "!cancelled()" in preview["if"], "the preview is built even when a test fails"
    assert f"steps.{build['id']}.outcome == 'success'" in preview["if"], (
        "the preview is not built when the strict build failed")
    folder = re.search(r"zipfile -e \S+ (\S+)", preview["run"]).group(1)
    upload = next(step for step in steps[number:]
                  if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site"
    assert upload["with"]["path"].rstrip("/") == folder.rstrip("/")
    assert f"steps.{preview['id']}.outcome == 'success'" in upload["if"]


def test_the_workflow_uses_debian_chromium_like_ci():
    text = read(WORKFLOW)
    ci = read(ROOT / ".ci/run")
    assert "apt-get install" in text and "chromium" in text
    assert "REQUIRE_BROWSER" in text and "REQUIRE_BROWSER" in ci
    assert "playwright install" not in text


def test_a_second_job_builds_the_site_with_a_pinned_properdocs():
    jobs = [job for job in workflow()["jobs"].values()
            if any("properdocs build" in step.get("run", "") for step in job["steps"])]
    assert len(jobs) == 1 and jobs[0] is not main_job(), "one separate job builds with ProperDocs"
    runs = "\n".join(step.get("run", "") for step in jobs[0]["steps"])
    assert re.search(r"\bproperdocs==\d+\.\d+\.\d+ --hash=sha256:[0-9a-f]{64}\b", runs), (
        "ProperDocs is pinned exactly, with its hash")
    assert "--require-hashes" in runs and "-r requirements.txt" in runs
    assert re.search(r"properdocs build --strict\b", runs)


def test_a_release_tests_then_builds_checks_and_attaches_every_edition():
    """On a tag: the README's test command first, then the site, the offline edition and the
    PDFs by their make commands, the release check on the folder, and only then the upload."""
    release = yaml.safe_load(read(ROOT / ".github/workflows/release.yml"))
    assert release[True]["push"]["tags"], "runs on a tag"  # YAML reads the key `on` as true
    (job,) = release["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]

    def first(text: str) -> int:
        return next(number for number, run in enumerate(runs) if text in run)

    tests = next(n for n, run in enumerate(runs) if run.strip() == readme_test_command())
    built = first("make offline pdf")
    assert tests < built < first("hooks/commands.py check-editions release") < first("gh release upload")
    assert "mkdocs build --strict" in runs[built]
    for package in ("chromium", "libpango-1.0-0", "gh"):
        assert package in runs[first("apt-get install")], package
