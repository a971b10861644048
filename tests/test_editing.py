"""What a policy lead edits with: the editing guide, the pull request template, and the workflow
that checks every pull request with the README's own test command."""

from __future__ import annotations

import re

import yaml

from tests.support.project import ROOT

WORKFLOW = ROOT / ".github/workflows/pull-request.yml"


def readme_commands() -> list[str]:
    """The two commands in the README's first code block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_the_workflow_runs_the_readme_test_command_on_every_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    test_command = readme_commands()[1]
    assert test_command == "make test"
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    assert test_command in runs, f"no step runs {test_command!r}: {runs}"


def test_the_workflow_builds_the_site_as_a_preview_artefact():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    folder = re.search(r"--site-dir (\S+)", build["run"]).group(1)
    upload = next(step for step in steps if step.get("uses", "").startswith(
        "actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == folder
    assert upload["with"]["name"] == "site"


def test_the_workflow_uses_debian_chromium_like_ci():
    text = WORKFLOW.read_text(encoding="utf-8")
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "apt-get install" in text and "chromium" in text
    assert "REQUIRE_BROWSER" in text and "REQUIRE_BROWSER" in ci
    assert "playwright install" not in text


def test_the_editing_guide_covers_each_task_and_quotes_real_messages():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for task in ("row", "category", "organisation", "discouraged term", "review",
                 "redirect", "make serve", "Edit this page"):
        assert task.lower() in guide.lower(), f"CONTRIBUTING.md says nothing about {task}"
    quoted = re.findall(r"^(docs/[\w./-]+):(\d+): (.+)$", guide, re.MULTILINE)
    assert len(quoted) >= 10, "the guide should quote the build's real messages"
    sources = ("hooks/guidance", "hooks/guidance_hooks.py")
    code = "\n".join(path.read_text(encoding="utf-8") for folder in sources
                     for path in ([ROOT / folder] if folder.endswith(".py")
                                  else (ROOT / folder).rglob("*.py")))
    verified = 0
    for _, _, message in quoted:
        # The message's fixed words, up to its first quoted value, address or number, must be
        # words the code writes: a paraphrased or invented message fails. (Some messages are
        # put together from parts, so the words are checked, not the whole phrase.)
        opening = re.split(r"['\"/\d:]", message)[0]
        if len(opening.strip()) >= 12:
            unknown = [word for word in opening.split() if word not in code]
            assert not unknown, f"not a message the build gives: {message} ({unknown})"
            verified += 1
    assert verified >= 8


def test_the_pull_request_template_lists_the_reviewer_checks():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8").lower()
    for check in ("preview", "reference", "allegation", "review", "changes.yml", "redirect"):
        assert check in template, f"the pull request template does not mention {check}"
