"""A strict build fails exactly when it should, whatever -q or -v says; serve shows and goes on
(and serves the feed of changes, which the hooks add to the site).

MkDocs stops counting warnings under -q and stops checking links to sections under -v
(mkdocs/mkdocs#4126, #3991); hooks/strict_gate.py holds the gate. Each case runs the real
`mkdocs build` command on a copy of the frozen test project.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import feedparser
import pytest

from tests.support.feed import FEED
from tests.support.project import FixtureProject

FINDING = "docs/findings/first-finding.md"
FLAGS = ["", "-q", "-v"]


def _mkdocs(project: FixtureProject, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", *arguments], cwd=project.root,
                          capture_output=True, text=True, timeout=120,
                          env=project.command_environment())


def _discouraged_term(project: FixtureProject) -> str:
    term = "allegation"
    project.edit(FINDING, "## References", f"There was an {term} here.\n\n## References")
    return f"'{term}', suggested alternative"


def _missing_section(project: FixtureProject) -> str:
    """A mistyped citation: reported at its own line, whatever the log level."""
    project.edit(FINDING, "../references.md#fixture-handbook)", "../references.md#fixture-handbok)")
    line = project.line_of(FINDING, "../references.md#fixture-handbok)")
    return (f"{FINDING}:{line}: the link '../references.md#fixture-handbok' points to a section "
            "that references.md does not have\n    How to fix: Did you mean '#fixture-handbook'?")


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("plant", [_discouraged_term, _missing_section])
def test_a_strict_build_stops_whatever_the_log_level(project, plant, flag):
    message = plant(project)
    result = _mkdocs(project, "build", "--strict", *([flag] if flag else []))
    assert result.returncode != 0, result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("flag", FLAGS)
def test_a_clean_project_builds_whatever_the_log_level(project, flag):
    result = _mkdocs(project, "build", "--strict", *([flag] if flag else []))
    assert result.returncode == 0, result.stderr


def test_the_configuration_alone_makes_the_build_strict(project):
    """`mkdocs build -q` with no --strict still fails: mkdocs.yml says strict."""
    message = _discouraged_term(project)
    result = _mkdocs(project, "build", "-q")
    assert result.returncode != 0 and message in result.stderr, result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_shows_a_warning_and_goes_on_serving(project):
    message = _discouraged_term(project)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=project.command_environment())
    try:
        page = f"http://127.0.0.1:{port}/findings/first-finding/"
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, f"serve stopped:\n{server.stdout.read()}"
            try:
                with urllib.request.urlopen(page, timeout=5) as response:
                    assert response.status == 200
                    assert "There was an allegation here." in response.read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "serve never answered"
                time.sleep(0.2)  # polling for the server to answer, not a fixed wait
        # Serve serves what the hooks add to the site, the feed of changes included.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{FEED}", timeout=5) as response:
            assert feedparser.parse(response.read()).version == "atom10"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert message in output, output
    assert "Aborted" not in output
