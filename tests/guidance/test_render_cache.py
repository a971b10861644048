"""Compiled templates are code the build runs: they are kept only in a folder of this user's own,
which no other user can write to (Jinja's default cache folder, mode 0700), never in a shared
folder another user could plant bytecode in."""

from __future__ import annotations

import os
import stat
import tempfile

from guidance import render


def test_compiled_templates_live_in_a_folder_only_this_user_can_write(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    shared = tmp_path / "guidance-templates"  # where they once were, writable by anyone
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    cache = render.compiled_templates()
    assert cache is not None
    folder = os.path.realpath(cache.directory)
    assert os.path.dirname(folder) == os.path.realpath(tmp_path)
    assert folder != os.path.realpath(shared)
    mode = os.lstat(folder)
    assert mode.st_uid == os.getuid() and stat.S_IMODE(mode.st_mode) == 0o700


def test_a_cache_folder_another_user_could_write_is_made_private_or_not_used(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    planted = tmp_path / f"_jinja2-cache-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)
    cache = render.compiled_templates()
    if cache is not None:
        assert stat.S_IMODE(os.lstat(planted).st_mode) == 0o700
