"""Without Chromium the browser tests skip with one clear line; with REQUIRE_BROWSER=1 (as CI sets)
the same situation fails, so CI can never pass by skipping. And the pages the template checks
visit are chosen as documented."""

from __future__ import annotations

import pytest

from tests.browser.conftest import chromium_or_skip
from tests.browser.harness import one_page_per_template


def test_no_chromium_means_a_clear_skip(monkeypatch):
    monkeypatch.setenv("CHROMIUM_PATH", "/nonexistent/chromium")
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="sudo apt-get install chromium"):
        chromium_or_skip()


def test_no_chromium_fails_when_a_browser_is_required(monkeypatch):
    monkeypatch.setenv("CHROMIUM_PATH", "/nonexistent/chromium")
    monkeypatch.setenv("REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_BROWSER=1 but no Chromium found"):
        chromium_or_skip()


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
