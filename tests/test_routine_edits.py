"""A policy lead who does exactly what the editing guide says must not break CI.

On a copy of the whole real project, make the guide's routine changes: record a review today on
every page and data file, reorder the categories, reword a sentence, add an organisation and a row
that names it (and record the change), and rename a heading keeping its id. The copy must build in
strict mode, and the real-content tests (tests/content) must pass against it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from guidance.load import load_guidance
from tests.support import content, routine_edits
from tests.support.project import CONTENT_ROOT, REPO, Project
from tests.support.site import nav_links


def _new_id(taken: set[str], base: str) -> str:
    """``base``, or ``base-2``, ``base-3``..., whichever no existing record uses."""
    return next(candidate for candidate in [base, *(f"{base}-{n}" for n in range(2, 100))]
                if candidate not in taken)


def test_the_editing_guide_s_routine_changes_keep_ci_green(tmp_path: Path):
    project = Project(tmp_path, source=CONTENT_ROOT)
    root = project.root
    today = date.today()
    before = load_guidance(root / "docs")

    # Record a review, today, on every page and data file that has a review block.
    reviewed = routine_edits.record_reviews(root, today)
    assert reviewed, "no file has a review block"

    # Reorder the categories by changing their `order` numbers.
    order = routine_edits.reverse_category_order(root)
    assert order != [category.id for category in before.categories]

    # Reword a sentence on a hand-written page.
    reworded = routine_edits.reword_first_paragraph(root)

    # Add an organisation, then a row that names it, and record the change.
    holder = _new_id({h.id for h in before.holders}, "northfield-lantern-trust")
    name = " ".join(word.capitalize() for word in holder.split("-"))
    routine_edits.append_to_list(root / "docs/data/holders.yml", "holders", {
        "id": holder, "name": name,
        "description": "A trust added by the routine edits test, to show the format."})
    category = before.categories[0]
    row = _new_id({r.id for c in before.categories for r in c.rows}, "lantern-support-records")
    routine_edits.append_to_list(root / f"docs/sources/{category.id}.yml", "rows", {
        "id": row, "information": "Records of support the trust has given",
        "who_holds": name, "holders": f"[{holder}]"})
    routine_edits.prepend_to_list(root / "docs/data/changes.yml", "changes", {
        "date": today.isoformat(), "summary": f"Added {name} and a row of its records.",
        "pages": f"[sources/{category.id}.md#{row}, organisations/{holder}.md]"})

    # Rename a heading, keeping its id.
    renamed = routine_edits.rename_first_section_heading(root, "Renamed by the routine edits",
                                                         avoid=reworded.page)

    # The edits are what the guide describes, and the data says so.
    after = load_guidance(root / "docs")
    assert [c.id for c in after.categories] == order
    assert after.holders[-1].id == holder
    added = next(c for c in after.categories if c.id == category.id).rows[-1]
    assert (added.id, added.holders) == (row, (holder,))
    for path in reviewed:
        review = (content.page_review(root, path) if path.suffix == ".md"
                  else content.data_review(root, path))
        assert review is not None and review.last_reviewed == today, path

    result = project.build()
    assert result.ok, f"the edited copy does not build in strict mode:\n{result.log}"
    docs = root / "docs"
    page = result.page(content.page_address(reworded.page.relative_to(docs).as_posix()))
    assert reworded.text in page.text(), reworded
    heading = result.page(content.page_address(renamed.page.relative_to(docs).as_posix())
                          ).find_id(renamed.heading_id)
    assert heading is not None and heading.text().startswith(renamed.words)
    assert [link for link in nav_links(result, f"sources/{order[0]}/")
            if link.removeprefix("sources/").rstrip("/") in order] == [
        f"sources/{category_id}/" for category_id in order]
    assert (result.site / "organisations" / holder / "index.html").is_file()

    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/content", "-m", "not browser", "-n", "0", "-p",
         "no:cacheprovider", "-q", "--basetemp", str(tmp_path / "content-tests")],
        cwd=REPO, capture_output=True, text=True, timeout=600,
        env={**os.environ, "GUIDANCE_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1"})
    report = tests.stdout + tests.stderr
    assert tests.returncode == 0, f"the real-content tests fail on the edited copy:\n{report}"
    assert " passed" in report and " failed" not in report, report


def test_the_real_content_tests_read_the_project_named_by_guidance_root(tmp_path: Path):
    """GUIDANCE_ROOT is the one place the real-content tests take their project from."""
    probe = ("from tests.support.project import CONTENT_ROOT; print(CONTENT_ROOT)")
    copy = Project(tmp_path, source=CONTENT_ROOT).root
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "GUIDANCE_ROOT": str(copy)})
    assert result.stdout.strip() == str(copy.resolve()), result.stderr
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "GUIDANCE_ROOT": str(tmp_path / "nowhere")})
    assert result.returncode != 0 and "is not a guidance project" in result.stderr
    unset = {key: value for key, value in os.environ.items() if key != "GUIDANCE_ROOT"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                            text=True, timeout=60, env=unset)
    assert result.stdout.strip() == str(REPO), result.stderr
