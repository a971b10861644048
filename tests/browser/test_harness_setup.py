"""Without Chromium the browser tests skip with one clear line; with REQUIRE_BROWSER=1 (as CI sets)
the same situation fails, so CI can never pass by skipping. And the pages the template checks
visit are chosen as documented."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser.harness import one_page_per_template
from tests.support.project import ROOT

A_BROWSER_TEST = "tests/browser/test_quality_gates.py::test_search_lists_the_page_that_holds_a_term"


def run_without_chromium(**extra: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CHROMIUM_PATH": "/nonexistent/chromium", **extra}
    environment.pop("REQUIRE_BROWSER", None)
    environment.update(extra)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           A_BROWSER_TEST], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=300)


def test_no_chromium_means_a_clear_skip():
    result = run_without_chromium()
    assert result.returncode == 0, result.stdout
    assert "skipped" in result.stdout
    assert "sudo apt-get install chromium" in result.stdout


def test_no_chromium_fails_when_a_browser_is_required():
    result = run_without_chromium(REQUIRE_BROWSER="1")
    assert result.returncode != 0
    assert "REQUIRE_BROWSER=1 but no Chromium found" in result.stdout


def test_template_checks_visit_one_page_of_each_generated_kind(tmp_path):
    sizes = {"sources/a/": 10, "sources/b/": 30, "organisations/x/": 5, "organisations/y/": 4}
    for page, size in sizes.items():
        (tmp_path / page).mkdir(parents=True)
        (tmp_path / page / "index.html").write_text("x" * size)
    pages = ["", "404.html", "organisations/", "organisations/x/", "organisations/y/",
             "sources/", "sources/a/", "sources/b/", "glossary/"]
    kinds = [["sources/a/", "sources/b/"], ["organisations/x/", "organisations/y/"]]
    assert one_page_per_template(pages, tmp_path, kinds) == [
        "", "404.html", "organisations/", "organisations/x/", "sources/", "sources/b/",
        "glossary/"]
    with pytest.raises(AssertionError, match="sources/c/"):
        one_page_per_template(pages, tmp_path, [["sources/a/", "sources/c/"]])
